"""The site's stylesheet and script (package data), the Content-Security-Policy that admits them, and safe JSON."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from seekh_convert.text.normalize import strip_controls
from seekh_convert.write.markdown import after_answer, duration

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPES.update({chr(c): f"\\u{c:04x}" for c in range(0x7F, 0xA0)})  # C1 controls: escaped like C0 ones


def _finalize(value: Any) -> Any:
    """Every value printed into a page: control characters of untrusted text removed (then autoescaped)."""
    return strip_controls(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def json_for_script(value: Any) -> Markup:
    """JSON that cannot end or open anything inside ``<script type="application/json">``: ``<`` is ``\\u003c`` etc."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup("".join(_JSON_ESCAPES.get(ch, ch) for ch in text))


def _static(name: str) -> str:
    return resources.files("seekh_convert.write.site.static").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@functools.cache
def assets() -> tuple[str, str]:
    """The stylesheet and the script, as inlined into every page."""
    return _static("site.css"), _static("site.js")


def content_security_policy(review: bool = False) -> str:
    """Only the inlined stylesheet and script; no image, font, frame or request (review mode: requests to itself)."""
    css, js = assets()
    connect = "'self'" if review else "'none'"
    return (
        f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; img-src data:; "
        f"connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


@functools.cache
def environment() -> Environment:
    """The jinja2 environment of the site: autoescape everywhere, strict about missing values."""
    env = Environment(
        loader=PackageLoader("seekh_convert.write.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    css, js = assets()
    env.globals.update(css=Markup(css), js=Markup(js))
    env.filters.update(json_data=json_for_script, duration=duration, after_answer=after_answer)
    return env
