"""Attach real locations to generated items: find each quote in the topic's usable blocks.

Locations come from the block the quote is found in, whatever the model claimed (a differing claim
is reported as a fixed ``wrong location``); items whose quote is not in the topic are dropped and
reported (``invented quote``, ``quote outside topic`` or ``junk source``). Sections left empty are
returned for a repair request.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from seekh_convert.model.document import Block, Document, Topic
from seekh_convert.model.findings import Finding, Reason
from seekh_convert.model.guide import LIST_SECTIONS, SourceRef
from seekh_convert.model.sources import SourceFinder, at_location, has_location
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.quotes import Span, quote_chars, quote_fragments

log = logging.getLogger(__name__)

_QUOTE_MARKS = "\"'“”‘’«»` "
_ELLIPSIS = re.compile(r"^(\.\.\.|…)\s*|\s*(\.\.\.|…)$")


@dataclass(frozen=True)
class Located:
    """A found quote: the source's own words (or the model's quote when it spans blocks or has gaps),
    the block it starts in and its sentence-level reference."""

    quote: str
    block: Block
    ref: SourceRef


class TopicQuotes:
    """A topic's usable blocks, searchable for the quotes a model wrote.

    With ``document`` given, a quote that is not in the topic can be told apart: from a junk block,
    from another part of the document, or invented.
    """

    def __init__(self, topic: Topic, document: Document | None = None):
        self._topic, self._document = topic, document
        self._finder = SourceFinder([b for b in topic.blocks if b.readable and b.text.strip()])

    def find(self, quote: str, at: SourceRef | None = None) -> Located | None:
        """Where ``quote`` is in the topic (tolerant of case, spacing, punctuation and ellipses), or None; with
        ``at``, the model's claimed location, a match starting there first (a build-up deck repeats slide 21's line
        on slide 22: a quote of slide 22's two lines starts at slide 22, not at slide 21)."""
        raw = _ELLIPSIS.sub("", normalize_ws(quote).strip())
        wanted = raw.strip(_QUOTE_MARKS)
        if len(wanted) < 8:  # too short to find in running text; a whole slide line ("alpha") is found where it stands
            span = self._whole_block(wanted)
        else:
            span = self._claimed(wanted, at) or self._finder.find(wanted) or self._first_piece(wanted)
        if span is None:
            return None
        # the marks around the quote count where the source has them too ("`tabsetPanel()`": relay run 16 published
        # "`tabsetPanel()" with its closing backtick stripped as a wrapping quotation mark)
        joined = "..." in wanted or "…" in wanted
        exact = None if joined else self._finder.verbatim(span, raw)
        text = exact or (self._joined_edges(raw, wanted) if joined else wanted)
        return Located(text, self._finder.blocks[span.first], self._finder.ref(span, text))

    def _whole_block(self, wanted: str) -> Span | None:
        """A short quote that is the whole text of a block (a slide bullet "alpha"): the gate notes it as short."""
        key = wanted.strip().casefold()
        for i, block in enumerate(self._finder.blocks):
            shown = block.shown
            if key and shown.strip().casefold() == key:
                start = len(shown) - len(shown.lstrip())
                return Span((i,), start, start + len(shown.strip()))
        return None

    def _joined_edges(self, raw: str, wanted: str) -> str:
        """A quote of pieces joined by ellipses, with the marks before its first and after its last word that the
        source has there ("... apps with multiple pages using `navbarPage()`")."""
        pieces = quote_fragments(raw)
        head, tail = raw[: len(raw) - len(raw.lstrip(_QUOTE_MARKS))], raw[len(raw.rstrip(_QUOTE_MARKS)) :]
        first, last = self._finder.find(pieces[0]), self._finder.find(pieces[-1])
        if head.strip() and first is not None and (self._finder.verbatim(first, pieces[0]) or "").startswith(head.strip()):
            wanted = head.strip() + wanted
        if tail.strip() and last is not None and (self._finder.verbatim(last, pieces[-1]) or "").endswith(tail.strip()):
            wanted += tail.strip()
        return wanted

    def _claimed(self, wanted: str, at: SourceRef | None) -> Span | None:
        if at is None or not has_location(at):
            return None
        here = [m for m in self._finder.find_all(wanted) if at_location(self._finder.blocks[m.first], at)]
        return here[0] if here else None

    def _first_piece(self, quote: str) -> Span | None:
        """Where the first piece of a quote of verbatim pieces joined by ellipses lies, when every piece is in the
        topic though further apart than one passage ("now() gives ... … Calculate the time in ..." on two slides)."""
        pieces = quote_fragments(quote)
        if len(pieces) < 2 or not any(quote_chars(p) >= 8 for p in pieces):
            return None
        spans = [self._finder.find(p) for p in pieces]
        return spans[0] if all(spans) else None

    def why_missing(self, quote: str) -> tuple[Reason, str]:
        """Why ``find`` did not find ``quote``: the reason and detail reported for the dropped item."""
        if quote_chars(quote) < 8:
            return Reason.QUOTE_TOO_SHORT, f"{quote!r} is too short to be evidence"
        rest = SourceFinder([b for b in self._topic.blocks if not b.readable])
        found = rest.find(quote)
        if found is not None:
            kind = rest.blocks[found.first].kind.value
            return Reason.JUNK_SOURCE, f"the quote lies in a {kind} block, never a source of items"
        if self._document is not None:
            ids = {id(b) for b in self._topic.blocks}
            others = SourceFinder([b for b in self._document.blocks if id(b) not in ids])
            found = others.find(quote)
            if found is not None:
                block = others.blocks[found.first]
                where = f"p. {block.page}" if block.page is not None else block.section or "another topic"
                return Reason.OUTSIDE_TOPIC, f"the quote is from another part of the document ({where})"
        return Reason.INVENTED_QUOTE, "the quote does not occur in the source"


def ground(data: dict, index: TopicQuotes, findings: list[Finding]) -> tuple[dict, list[str]]:
    """Re-locate every item of guide ``data`` (sections may be ``None`` when invalid); returns the kept data
    and the sections left empty. Dropped and re-located items are appended to ``findings``."""
    empty: list[str] = []
    said = {e["section"] for e in data.get("empty_sections") or []}  # sections the model left empty, saying why
    if data.get("definition") is None or not relocate(data["definition"], index, findings, "definition", None):
        data["definition"] = None
        empty += [] if "definition" in said else ["definition"]
    summary = data.get("summary")
    if summary is not None:
        summary["sentences"] = [s for i, s in enumerate(summary["sentences"]) if relocate(s, index, findings, "summary", i)]
    if summary is None or not summary["sentences"]:
        data["summary"] = None
        empty.append("summary")
    for name in LIST_SECTIONS:
        items = data.get(name) or []
        kept = [item for i, item in enumerate(items) if relocate(item, index, findings, name, i)]
        if len(kept) < len(items):
            log.info("dropped %d %s item(s) whose quote is not in the topic", len(items) - len(kept), name)
        data[name] = kept
        if not kept and name not in said:
            empty.append(name)
    filled = {name for name in LIST_SECTIONS if data[name]} | ({"definition"} if data.get("definition") else set())
    data["empty_sections"] = [e for e in data.get("empty_sections") or [] if e["section"] not in filled]
    return data, empty


def relocate(item: dict, index: TopicQuotes, findings: list[Finding], section: str, position: int | None, note: str = "") -> bool:
    """Give ``item`` the location of its quote; False (with a finding) when the quote is not in the topic."""
    claimed = item["source"]
    found = index.find(claimed["quote"], _claimed_ref(claimed))
    if found is None:
        reason, detail = index.why_missing(claimed["quote"])
        findings.append(Finding(section=section, index=position, reason=reason, detail=detail + note))
        return False
    ref = found.ref
    wrong = _claimed_elsewhere(claimed, found.block)
    if wrong is not None:
        detail = f"quote is at {ref.label()}, not {wrong.label()}{note}"
        findings.append(Finding(section=section, index=position, reason=Reason.WRONG_LOCATION, detail=detail, action="fixed"))
    item["source"] = ref.model_dump()
    return True


def _claimed_ref(claimed: dict) -> SourceRef | None:
    try:
        return SourceRef.model_validate(claimed)
    except ValueError:
        return None


def _claimed_elsewhere(claimed: dict, block: Block) -> SourceRef | None:
    """The model's claimed location when it has one and it is not where the quote was found."""
    ref = _claimed_ref(claimed)
    return ref if ref is not None and has_location(ref) and not at_location(block, ref) else None


def relocate_section(data: object, index: TopicQuotes, findings: list[Finding], section: str) -> object:
    """Re-locate a repaired section (one item dict or a list of them); returns what survives or ``None``."""
    note = " (section asked for again)"
    if isinstance(data, list):
        kept = [item for item in data if relocate(item, index, findings, section, None, note)]
        return kept or None
    return data if relocate(data, index, findings, section, None, note) else None
