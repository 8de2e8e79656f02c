"""Why-questions from a reason or purpose the source puts first: "Because tendency is style-specific, the same chord can
have different functions in different musical styles." asks "Why can the same chord have different functions in
different musical styles?", the answer the source's own clause ("Because tendency is style-specific."); "To have the
design in 3NF, all transitive dependencies must be eliminated." asks "Why must all transitive dependencies be
eliminated?" ("To have the design in 3NF."). Only where the sentence
stands alone, the main clause's subject is a key term or a specific noun, and neither side leans on context (a
pronoun, "this example") or negates; a parenthetical aside in the reason is left out of the answer."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.generate.offline.wh import _CONTEXT, _PRONOUN, _demonstrative, _stem, _subject
from seekh_convert.model.guide import ShortAnswer
from seekh_convert.text.parse import parse

_FRONTED = re.compile(r"^(?P<lead>Because|To) (?P<reason>[^;:?]{8,200}?), (?P<main>[a-z][^;:?()]{12,200})\.$")
_ASIDE = re.compile(r"\s*\([^()]{0,200}\)")
_WORDS = (8, 45)
#: Main verbs that narrate a figure or worked example ("the vectors are shown collinearly"), not a point to learn.
_NARRATION = frozenset("show illustrate depict draw plot label display shade colour color mark highlight sketch".split())


def _question(main: str, terms: list[Term]) -> str | None:
    """ "Why <main clause as a question>?" or None when its parse does not give one that reads well."""
    doc = parse(main[:1].upper() + main[1:] + ".")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("neg", "conj", "ccomp") for c in root.children):
        return None
    if root.lemma_ in _NARRATION:
        return None
    subj = _subject(doc, root, terms)
    if subj is None:
        return None
    if root.lemma_ == "be" and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
        rest = "".join(t.text_with_ws for t in doc[root.i + 1 :] if not t.is_punct or t.i < len(doc) - 1).strip()
        if doc[subj.end : root.i].text.strip() or not rest:
            return None
        subject = subj.text[:1].lower() + subj.text[1:] if subj[0].pos_ != "PROPN" else subj.text
        return f"Why {root.lower_} {subject} {rest}?"
    body = _stem(doc, root, subj, None, terms)
    return f"Why {body}?" if body and len(body.split()) >= 3 else None


def fronted_why(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "Why ...?" from "Because R, M." (see the module's docstring), or None."""
    m = _FRONTED.match(_ASIDE.sub("", s.text))
    if m is None or s.cut or not s.alone or not _WORDS[0] <= s.n_words <= _WORDS[1]:
        return None
    reason = m.group("reason").strip()
    main = m.group("main")
    if "(" in reason or "," in reason or _CONTEXT.search(s.text) or _PRONOUN.search(f"{reason} {main}"):
        return None
    if re.search(r"\b(?:not|no|never|n't)\b", f"{reason} {main}") or len(reason.split()) < 3 or reason.startswith("there "):
        return None
    question = _question(main, terms)
    if question is None or _PRONOUN.search(question) or _demonstrative(parse(question)):
        return None
    if m.group("lead") == "To" and not re.match(r"[a-z]+ ", reason):
        return None
    if m.group("lead") == "To" and re.search(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", main):
        return None  # "To ascertain attempt, modern jurisdictions use four tests" (set 27): "Why four?" has no answer here
    answer = f"{m.group('lead')} {reason}."
    return ShortAnswer(
        question=question,
        answer=answer,
        accept=[reason[:100]],
        explanation=f"The source says: “{s.display}”",
        source=s.ref(),
    )


def because_questions(ranked: list[Sentence], terms: list[Term], taken: set[int], limit: int = 1) -> list[ShortAnswer]:
    """Up to ``limit`` fronted-reason questions over central sentences no card or question uses yet."""
    out: list[ShortAnswer] = []
    for s in ranked[:60]:
        if id(s) in taken or not s.text.startswith(("Because ", "To ")) or (q := fronted_why(s, terms)) is None:
            continue
        out.append(q)
        taken.add(id(s))
        if len(out) == limit:
            break
    return out
