"""Spoken English tidied for reading: fillers ("um", "uh"), set-off hedges (", you know,", ", like,"), words said
twice ("the the"), sentence-opening discourse markers ("Yeah,", "All right.", "Okay, so") and asides to the room
("Can everyone hear me?", "Give me a second.") are taken out; what the speaker says is otherwise left verbatim.
"""

from __future__ import annotations

import re

_FILLER = re.compile(r"(?:(?<=\s)|^)(?:u+h+m*|u+m+|e+r+m+|hm+|m{2,}h*|a+h+)(?:[,.…]+|\s*-{2,})?(?=\s|$)\s*", re.I)
_SET_OFF = re.compile(r",\s+(?:u+h+|u+m+|e+r+m+|you know|i mean|like|sort of|kind of|you see|basically|literally)\s*,\s*", re.I)
_OPENER = re.compile(
    r"^(?:(?:yeah|yes|yep|okay|ok|alright|all right|well|so|oh|now|right|anyhow|anyway|and so|and|but so|you know|"
    r"i mean|like)\s*[,.]\s*)+",
    re.I,
)
_REPEAT = re.compile(r"\b(?!(?:had|that|is|do)\b)(\w+(?:'\w+)?)(?:[\s,]+\1\b)+", re.I)  # "had had" is English
_NUMBER = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|\d+)"
_SELF_CORRECTION = re.compile(rf"\b{_NUMBER}--\s+(?={_NUMBER}\b)|\b(\w+)--\s+(?=\1\b)", re.I)  # "five-- four" -> "four"
_ASIDE = re.compile(
    r"^(?:(?:can|could) (?:everyone|everybody|you(?: all| guys)?|people|folks)(?: in the back)? (?:still )?(?:hear|see)"
    r" (?:me|this|that|it|ok|okay|all right)|is (?:this|the mic(?:rophone)?) (?:on|working)|(?:let me|give me|just) "
    r"(?:a|one) (?:second|sec|moment|minute)|(?:any|other) questions|(?:good|great|ok|okay) question|thank you|thanks"
    r"|sorry(?: for| about)?(?: the| that| my)?(?: [\w-]+){0,4}|all right|alright|okay|ok|yeah|yes|no|right|so|oh|wow|cool|nice|sure|um|uh)(?:\s*,?\s*(?:everyone|everybody|"
    r"guys|folks|so|then|now|here))*\s*[.?!…]*$",
    re.I,
)
_DOUBLE_SPACE = re.compile(r"\s{2,}")
_SPACE_PUNCT = re.compile(r"\s+([,.?!;:])")


def tidy_speech(text: str) -> str:
    """One spoken sentence tidied for reading; empty when it was only an aside, a filler or a marker."""
    if _ASIDE.match(text.strip()):
        return ""
    said = text
    text = _SET_OFF.sub(" ", text)
    text = _FILLER.sub("", text)
    text = _SELF_CORRECTION.sub("", text)
    text = _REPEAT.sub(r"\1", text)
    text = _OPENER.sub("", text.strip())
    text = _SPACE_PUNCT.sub(r"\1", _DOUBLE_SPACE.sub(" ", text)).strip(" ,")
    if not any(c.isalnum() for c in text) or _ASIDE.match(text):
        return ""
    return text if text == said else text[:1].upper() + text[1:]
