"""Markdown/text raw blocks -> plain-text ``Block``s: inline markup stripped, key terms kept, kinds assigned."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from seekh_convert.clean.common import normalize_text, section_kind, teaching_question_sections
from seekh_convert.clean.tex import render_tex
from seekh_convert.errors import InputError
from seekh_convert.model.document import Block, BlockKind, Document, RawBlock
from seekh_convert.text.normalize import normalize_ws

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTRS = re.compile(r"\{:[^}]*\}")
_LINK_REF = r"\[\\?\[link\\?\]\]\(([^)\s]*)\)(?:\*\*[A-Za-z]\*\*|\([a-z]\))?"
_SEE_REF = r"\[see ([^\]]+)\](?:\([a-z]\))?"
_XREF = rf"(?:{_LINK_REF}|{_SEE_REF})"
_PAREN_XREF = re.compile(rf"\s*\(\s*(?:see\s+)?{_XREF}(?:\s*(?:,|;|and)\s*{_XREF})*\s*\)")
_LEAD_XREF = re.compile(rf"^\s*{_LINK_REF}\s*")
_XREF_RE = re.compile(_XREF)
_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\(\s*[^\s)]*(?:\s+"(?P<title>[^"]*)")?\s*\)')
_LINK = re.compile(r'\[([^\]]*)\]\(\s*[^\s)]*(?:\s+"[^"]*")?\s*\)')
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_TITLE_SPAN = re.compile(r'<span data-type="title">(.*?)</span>\s*', re.S)
_INLINE_TAGS = r"sub|sup|u|em|strong|b|i|span|a|code|small|abbr|q|cite|mark"
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_TAGS})\b[^>]*>", re.I)
_BLOCK_TAG = re.compile(
    r"</?(?:div|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|iframe|cnx-pi|p|br|img|section|ul|ol|li"
    r"|blockquote|pre|hr|caption|math|m:\w+|label|details|summary|center|font)\b[^>]*>",
    re.I,
)
_ESCAPED = {"*": "\ue000", "_": "\ue001", "`": "\ue002"}
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_JOINED_BOLD = re.compile(r"(?<=\w)\*\*\*\*(?=\w)")
_BOLD_ITALIC = re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_ITALIC_STAR = re.compile(r"(?<![\w*\\])\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[A-Za-z“\"'(])([^_=\n]{1,160}?)(?<=[\w.!?)’”\"'])_(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
_STRAY_STARS = re.compile(r"(?<=\S)\*+|\*+(?=\S)")
_EMPTY_PARENS = re.compile(r"\s*\(\s*\)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])(?=\s|$)")
_TERM_TRIM = " \t.,;:!?\"'“”‘’"
_LABELS = frozenset(
    {
        "note", "example", "strategy", "solution", "significance", "learning objectives", "link to learning",
        "check your understanding", "problem-solving strategy", "answer", "hint", "summary", "tip", "warning",
    }
)  # fmt: skip
_MAX_TERM_WORDS = 6

_CITATION = re.compile(
    r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*,? (?:[A-Z]\.\s?){1,3}.{0,400}?\((?:\d{4}[a-z]?|n\.d\.)\)\.",
)


@dataclass
class _Open:
    level: int
    title: str
    kind: BlockKind | None


class MarkdownCleaner:
    """Fill ``doc.blocks`` from ``doc.raw_blocks``; the first top-level heading titles a document without one."""

    def __call__(self, doc: Document) -> Document:
        doc.blocks = build_blocks(doc.raw_blocks)
        if not any(b.text for b in doc.blocks if b.kind is not BlockKind.HEADING):
            raise InputError(f"{doc.path.name}: no text found; the file is empty or holds only markup")
        heading = next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 1), "")
        doc.title = doc.title or heading or doc.path.stem
        return doc


def build_blocks(raw_blocks: list[RawBlock], strip: Callable[[str], tuple[str, tuple[str, ...]]] | None = None) -> list[Block]:
    """Strip inline markup (``strip``: Markdown's by default), give every block its ``section`` and apply section-wide kinds.

    Headings titled References/Bibliography, Review Questions/Problems..., Summary, Glossary mark
    what sits under them (until the next heading of the same or a higher level); learning-objective
    lists and attribution/licence lines become BOILERPLATE; citation-like paragraphs REFERENCE.
    """
    blocks: list[Block] = []
    stack: list[_Open] = []
    objectives = False
    strip = strip or strip_markup
    stripped = [strip(raw.text) for raw in raw_blocks]
    headings = [(i, raw.level, stripped[i][0]) for i, raw in enumerate(raw_blocks) if raw.kind is BlockKind.HEADING]
    teaching = teaching_question_sections(headings, [len(text.split()) for text, _ in stripped])
    for index, raw in enumerate(raw_blocks):
        text, terms = stripped[index]
        if raw.kind is not BlockKind.CODE:
            text = render_tex(text)
        if raw.kind is BlockKind.HEADING:
            if raw.closes:  # a box ends: its text is over, the section it sat in goes on
                while stack and stack[-1].level >= raw.level:
                    stack.pop()
                objectives = False
            if not text:
                continue
            while stack and stack[-1].level >= raw.level:
                stack.pop()
            stack.append(_Open(raw.level, text, None if index in teaching else section_kind(text)))
            blocks.append(Block(text=text, kind=BlockKind.HEADING, level=raw.level, section=text, page=raw.page, slide=raw.slide))
            objectives = False
            continue
        if not text:
            continue
        kind = raw.kind
        if not raw.forced and kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            kind = _paragraph_kind(text, kind, stack, objectives)
        objectives = (kind is BlockKind.BOILERPLATE and _is_objectives(text)) or (objectives and raw.kind is BlockKind.LIST_ITEM)
        extra = tuple(t for t in (clean_term(x) for x in raw.terms) if t)
        term = clean_term(raw.term) if raw.term else None
        blocks.append(
            Block(
                text=text,
                kind=kind,
                level=0,
                emphasis=_merge_terms(terms, extra),
                term=term or None,
                section=stack[-1].title if stack else "",
                page=raw.page,
                slide=raw.slide,
                bullet=raw.bullet,
                bold=raw.bold,
            )
        )
    return blocks


def _paragraph_kind(text: str, kind: BlockKind, stack: list[_Open], objectives: bool) -> BlockKind:
    if _is_boilerplate(text) or _is_objectives(text) or (objectives and kind is BlockKind.LIST_ITEM):
        return BlockKind.BOILERPLATE
    section_kind = next((o.kind for o in reversed(stack) if o.kind is not None), None)
    if section_kind is BlockKind.GLOSSARY:
        return kind  # a glossary entry not written as a definition list: keep it readable
    if section_kind is not None:
        return section_kind
    if _CITATION.match(text):
        return BlockKind.REFERENCE
    return kind


def _is_objectives(text: str) -> bool:
    return bool(re.match(r"(learning objectives|by the end of this (section|chapter|module))", text, re.I))


def _is_boilerplate(text: str) -> bool:
    lowered = text.lower()
    if re.match(r"(from|source|adapted from|attribution):\s", lowered) and len(text) < 300:
        return True
    return len(text) < 300 and bool(re.search(r"\b(cc by|creative commons|all rights reserved|©)", lowered))


def _merge_terms(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for term in (*first, *second):
        if term.lower() not in {t.lower() for t in out}:
            out.append(term)
    return tuple(out)


def strip_markup(raw: str) -> tuple[str, tuple[str, ...]]:
    """Return ``(plain, terms)``: ``raw`` without inline markup, and the bold/term-marked spans in order.

    Handles Markdown emphasis, code spans, links, images, kramdown ``{: ...}`` attributes, OpenStax
    cross-references (``[\\[link\\]](#fig-...)``, ``[see Figure_x]``), inline HTML and entities.
    The result is Unicode-normalised with whitespace collapsed to single spaces.
    """
    text = _COMMENT.sub(" ", raw)
    text = _ATTRS.sub("", text)
    text = _PAREN_XREF.sub("", text)
    text = _LEAD_XREF.sub("", text)
    text = _XREF_RE.sub(_xref_phrase, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TITLE_SPAN.sub(_title_span, text)
    text = _INLINE_TAG.sub("", text)
    text = _BLOCK_TAG.sub(" ", text)
    text = _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), text)
    text = _CODE.sub(r"\1", text)
    terms: list[str] = []
    text = _JOINED_BOLD.sub("", text)
    text = _BOLD_ITALIC.sub(lambda m: _keep_term(m, terms), text)
    text = _BOLD.sub(lambda m: _keep_term(m, terms), text)
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    text = _STRAY_STARS.sub("", text)
    for char, placeholder in _ESCAPED.items():
        text = text.replace(placeholder, char)
    text = html.unescape(text)
    text = _EMPTY_PARENS.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", normalize_ws(normalize_text(text)))
    return text, _unique(_clean_term(t) for t in terms)


def clean_term(raw: str) -> str:
    """Plain text of a term or title written with markup (``**Weight**`` -> ``Weight``)."""
    return _clean_term(strip_markup(raw)[0])


def _keep_term(match: re.Match[str], terms: list[str]) -> str:
    inner = next(g for g in match.groups() if g is not None)
    inner_plain = _ITALIC_STAR.sub(r"\1", inner)
    after = match.string[match.end() : match.end() + 1]
    at_start = not match.string[: match.start()].strip()
    is_label = inner_plain.rstrip().endswith((".", ":", "?", "!")) or (after == ":" and at_start)
    if not is_label:
        terms.append(inner_plain)
    return inner_plain


def _clean_term(term: str) -> str:
    term = normalize_ws(normalize_text(html.unescape(term)))
    for char, placeholder in _ESCAPED.items():
        term = term.replace(placeholder, char)
    term = term.strip(_TERM_TRIM)
    if term.count("(") != term.count(")"):
        term = term.strip("()").strip(_TERM_TRIM)
    if len(term) < 2 or len(term.split()) > _MAX_TERM_WORDS or term.lower() in _LABELS:
        return ""
    return term


def _unique(terms) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for term in terms:
        if term and term.lower() not in {t.lower() for t in seen}:
            seen[term] = None
    return tuple(seen)


def _xref_phrase(match: re.Match[str]) -> str:
    target = (match.group(1) or match.group(2) or "").lower()
    if re.search(r"(^|[#/])tab", target) or "table" in target:
        phrase = "the table"
    elif target.startswith(("fs-id", "#eq", "eq")) or "equation" in target:
        phrase = "the equation"
    else:
        phrase = "the figure"
    part = re.search(r"(?:\*\*|\()([A-Za-z])(?:\*\*|\))$", match.group(0))
    if part:
        phrase += f" ({part.group(1)})"
    if not match.string[: match.start()].strip():
        phrase = phrase[0].upper() + phrase[1:]
    return phrase


def _title_span(match: re.Match[str]) -> str:
    title = match.group(1).strip()
    return f"{title}: " if title else ""
