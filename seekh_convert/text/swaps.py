"""A false statement made by swapping one word or term: where the swap is, and whether the new words are of the
same kind as the old ones (so the statement stays meaningful: "the abolition of slavery" -> "of contrabands" is
not). Shared by the review rubric and the offline engine's true/false questions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from seekh_convert.text.lexicon import can_be_noun, generic_word, plural, word_classes

_TOKEN = re.compile(r"[\w'’\-]+")
_VERB_SLOT = frozenset("can cannot could will would should may might must to not does did do don't doesn't can't".split())
NOUN_SLOT = frozenset("the a an this these those its their his her our your my".split())
NUMBERISH = re.compile(r"^\d[\d,.]*$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million)$", re.I)


def swapped(quote: str, statement: str) -> tuple[list[str], list[str], str] | None:
    """(old words, new words, word before) when the statement differs from the quote in one place only."""
    a, b = _TOKEN.findall(quote), _TOKEN.findall(statement)
    ops = difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False).get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = changed[0]
    if i2 - i1 > 5 or j2 - j1 > 5:
        return None
    return a[i1:i2], b[j1:j2], a[i1 - 1].lower() if i1 else ""


def kind_mismatch(old: list[str], new: list[str], before: str, marked: Callable[[str], bool] = lambda _: False) -> str | None:
    """Why ``new`` is not of the same kind as ``old`` in the slot after ``before``, or None (``marked``: words the
    document makes terms, so a common word is no reason there)."""
    if all(NUMBERISH.match(w) for w in old) and all(NUMBERISH.match(w) for w in new):
        return None
    head_old, head_new = old[-1], new[-1]
    shown_old, shown_new = " ".join(old), " ".join(new)
    if head_new.isupper() and len(head_new) > 2 and not head_old.isupper():
        return f"{shown_new!r} is set in capitals where the source has {shown_old!r}"
    if before in _VERB_SLOT and "VERB" not in word_classes(head_new) and word_classes(head_new):
        return f"{shown_new!r} is not a verb, but the sentence needs one where the source has {shown_old!r}"
    if before in NOUN_SLOT and not can_be_noun(head_new):
        return f"{shown_new!r} is not a noun, but the sentence needs one"
    if can_be_noun(head_old) != can_be_noun(head_new):
        return f"{shown_new!r} is not the same kind of word as {shown_old!r}"
    p_old, p_new = plural(head_old), plural(head_new)
    if p_old is not None and p_new is not None and p_old != p_new:
        return f"{shown_new!r} does not agree in number with {shown_old!r}"
    if len(new) == 1 and generic_word(head_new) and not marked(head_new):
        return f"{head_new!r} is a generic word"
    return None
