"""The study site: static HTML pages rendered from the validated guides of an output folder.

Pages are self-contained (stylesheet and script inlined, no network, a Content-Security-Policy that
allows only those two), so they work from ``file://`` and from any static host. Every text of a guide is
escaped by jinja2's autoescape; data for the script is JSON made safe for a ``<script>`` element.
"""

from seekh_convert.write.site.pages import Site, SiteWriter

__all__ = ["Site", "SiteWriter"]
