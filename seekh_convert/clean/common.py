"""Text normalisation shared by every cleaner."""

from __future__ import annotations

import re
import unicodedata

from seekh_convert.model.document import BlockKind
from seekh_convert.text.normalize import CONTROLS, normalize_ws

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
#: The "ff" ligature a LaTeX font's broken character map gives as "↵" ("di↵erent", set 58's lecture notes).
_FF_ARROW = re.compile(r"(?<=[A-Za-z])\u21b5(?=[a-z])")
#: A ligature the text layer gives by its glyph's name: "Challeng/e_s", "Integration /o_f Princely Stat/e_s" (set 63's
#: NCERT chapter) are "Challenges", "Integration of Princely States".
_GLYPH_NAME = re.compile(r"/([a-z](?:_[a-z])+)\b")
#: A word made only of letters and such names (not a path or a web address).
_GLYPH_WORD = re.compile(r"(?<!\S)[A-Za-z]*(?:/[a-z](?:_[a-z])+[A-Za-z]*)+(?=[\s,;:)]|\.?$|\.\s)")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
#: Wingdings/Symbol glyphs Office stores in the Private Use Area (a slide's ".c \uf0e0 C source code" arrow; relay run 10
#: sent it to the model as an unprintable character): the Unicode character they draw.
SYMBOL_FONT = {
    ord("\uf0e0"): "→",
    ord("\uf0df"): "←",
    ord("\uf0e1"): "↑",
    ord("\uf0e2"): "↓",
    ord("\uf0e8"): "⇒",
    ord("\uf0f0"): "⇨",
    ord("\uf0d8"): "➢",
    ord("\uf0a7"): "▪",
    ord("\uf0b7"): "•",
    ord("\uf0fc"): "✓",
    ord("\uf0fb"): "✗",
}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: A glossary's cross-reference mark set against a word ("a software like \u2192QGIS", "in degrees as \u2192longitude":
#: set 70's handout, whose card read "A system such as a software like."): not an arrow of the text.
_SEE_MARK = re.compile(r"(?<=\s)\u2192(?=[A-Za-z]{2,})")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad\u2010]\s*\n\s*([a-z])")


def normalize_text(text: str) -> str:
    """Unicode NFC, ligatures expanded, invisible characters dropped, runs of spaces collapsed.

    Line breaks are kept; use ``text.normalize.normalize_ws`` to flatten a paragraph.
    """
    text = unicodedata.normalize("NFC", text)
    for lig, repl in _LIGATURES.items():
        if lig in text:
            text = text.replace(lig, repl)
    if "_" in text and "/" in text:
        text = _GLYPH_WORD.sub(lambda m: _GLYPH_NAME.sub(lambda g: g.group(1).replace("_", ""), m.group()), text)
    text = CONTROLS.sub(" ", _FF_ARROW.sub("ff", text).translate(_INVISIBLE).translate(SYMBOL_FONT))
    text = _SPACES.sub(" ", _SEE_MARK.sub("", text) if "\u2192" in text else text)
    return "\n".join(line.strip() for line in text.splitlines())


def dehyphenate(text: str) -> str:
    """Join words hyphenated across line breaks: ``infor-\\nmation`` -> ``information``."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)


_REFERENCE_TITLE = re.compile(
    r"^(references|bibliography|works cited|sources|further reading|citations|"
    r"(key|selected|general) references|(suggested|recommended|additional) readings?|"
    r"(cases|articles|websites|statistics|books|videos|readings) of interest)$",
    re.I,
)
_QUESTION_TITLE = re.compile(
    r"^(review questions|free response|art connections?|multiple choice|critical thinking( questions)?|"
    r"conceptual questions|(additional |challenge )?problems|([\w&-]+ ){0,3}exercises?(-\d+(\.\d+)*)?|practice( questions)?|"
    r"homework\b.*|problem sets?|"
    r"self[- ]check( questions)?|solutions?|answers?( key)?|answers? to .+|you be the (juror|judge)|"
    r"(discussion|study|discussion and study|end[- ]of[- ]chapter) questions|(learning )?activities|"
    r"check your understanding|test prep.*|"
    r"visual connection questions|personal application questions|"
    r"((very )?(long|short)[- ]answer|objective( type)?|multiple[- ]choice|exercise) questions)$",  # NCERT (set 29)
    re.I,
)
_SUMMARY_TITLE = re.compile(
    r"^((section |chapter )?summary|key concepts( and summary)?|key points|recap|(key |main )?takeaways|key ideas|main ideas)$",
    re.I,
)
_GLOSSARY_TITLE = re.compile(r"^(glossary|key terms|vocabulary|key equations)$", re.I)


def section_kind(title: str) -> BlockKind | None:
    """The kind of every block under a heading with this title (own questions, summary...), if special."""
    title = normalize_ws(re.sub(r"^(?:\d+(\.\d+)*\.?|[IVX]{1,4}[.)])\s+", "", title.strip())).rstrip(":")  # "I. Long Answer ..."
    if _REFERENCE_TITLE.match(title):
        return BlockKind.REFERENCE
    if _QUESTION_TITLE.match(title):
        return BlockKind.QUESTION
    if _SUMMARY_TITLE.match(title):
        return BlockKind.SUMMARY
    if _GLOSSARY_TITLE.match(title):
        return BlockKind.GLOSSARY
    return None


#: A sub-heading that labels one exercise ("Exercise 3", "Problem 2.1", "Q4") rather than a topic.
_EXERCISE_LABEL = re.compile(r"^(exercise|problem|question|task|activity|part|q)\s*[\dA-Za-z]?[\d.]*\b", re.I)


#: A handout's own title that the exercise titles match ("Homework Project 2"), and the words under it that make it one.
_HANDOUT = re.compile(r"^homework\b", re.I)
_HANDOUT_WORDS = 300


def teaching_question_sections(headings: list[tuple[int, int, str]], words: list[int]) -> set[int]:
    """Indices of "Exercises"-type headings whose section is the document's body, not a set of exercises.

    ``headings`` holds (index, level, title) of each heading in order; ``words`` the word count of every item.
    A lab or tutorial titled "Exercises" whose steps teach (most of the document's words, under at least two
    topical sub-headings such as "Branching off", "Online collaboration") is content, and so is a handout whose
    opening title is "Homework Project 2" (nine tenths of its words under it); a real exercise set is a minority of
    the text, or its sub-headings label exercises ("Problem 2").
    """
    total = sum(words) or 1
    found: set[int] = set()
    for n, (index, level, title) in enumerate(headings):
        if section_kind(title) is not BlockKind.QUESTION:
            continue
        end = next((i for i, lvl, _ in headings[n + 1 :] if lvl <= level), len(words))
        inner = [t for i, lvl, t in headings[n + 1 :] if index < i < end and lvl > level]
        topical = [t for t in inner if not _EXERCISE_LABEL.match(t) and section_kind(t) is None]
        under = sum(words[index + 1 : end])
        whole = n == 0 and index <= 2 and under * 10 >= total * 9 and under >= _HANDOUT_WORDS
        if whole and _HANDOUT.match(title) and len(topical) == len(inner):
            found.add(index)  # the handout's own title ("Homework Project 2" over 2,700 words, set 74): no part
            continue
        if sum(words[index + 1 : end]) * 2 > total and len(topical) >= 2:
            found.add(index)
    return found
