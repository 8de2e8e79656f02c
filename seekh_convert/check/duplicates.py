"""Near-duplicate flashcards and questions, within one guide and across the guides of a run."""

from __future__ import annotations

import hashlib
import json
import re

from rapidfuzz import fuzz

from seekh_convert.check.checker import GateSettings
from seekh_convert.check.items import Item, fill_cloze, iter_items, rebuild
from seekh_convert.model.findings import Finding, Reason, TopicQuality
from seekh_convert.model.guide import Flashcard, Grounded, GuideContent, MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.defining import asked_term
from seekh_convert.text.words import content_stems, coverage, key_string, normalized_phrase, stem

#: ``fuzz.ratio`` at or above which two prompts are the same card/question.
SAME_RATIO = 88.0
#: ``fuzz.token_set_ratio`` at or above which two prompts of similar length are the same.
SAME_TOKEN_SET = 95.0
#: ``fuzz.ratio`` at or above which two prompts are one prompt whatever their answers.
SAME_PROMPT = 97.0
#: ``fuzz.token_set_ratio`` at or above which the answers of two similar prompts agree.
SAME_ANSWER = 80.0
#: Share of their content words two prompts with the same answer hold in common to ask one thing in other words.
SAME_STEMS = 0.75
DEDUP_SECTIONS = ("flashcards", "questions")


def dedup_key(model: Grounded) -> tuple[str, str]:
    """What two items are compared by: (prompt, answer), normalised."""
    if isinstance(model, Flashcard):
        prompt = fill_cloze(model.front, model.back) if model.kind == "cloze" else model.front
        return normalized_phrase(prompt), _answer_key(model.back)
    if isinstance(model, (MultipleChoice, ShortAnswer)):
        return normalized_phrase(model.question), _answer_key(model.answer)
    if isinstance(model, TrueFalse):
        return normalized_phrase(model.statement), ""
    return "", ""


_FORMULA = re.compile(r"[=^+−*/×·]|\w\(|[α-ωΑ-Ω]|^\s*-\s*\d")
#: The numbers of a prompt, in order (relay run 11: two payoffs of different cases were "duplicates").
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def _answer_key(answer: str) -> str:
    """An answer as compared: its words, or for a formula its symbols too ("λi^k ji + kλi^(k−1) xi" and "e^(λi t) ji
    + t e^(λi t) xi" share their words, not their maths; relay run 10)."""
    if _FORMULA.search(answer):
        return " ".join(answer.lower().split())
    return normalized_phrase(answer)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or fuzz.ratio(a, b) >= SAME_RATIO:
        return True
    shorter, longer = sorted((len(a), len(b)))
    return shorter / longer >= 0.8 and fuzz.token_set_ratio(a, b) >= SAME_TOKEN_SET


def same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Near-duplicates: the same prompt, a similar prompt with a similar answer, or the same answer
    to a prompt about the same words. ("What is encoding?" and "What is decoding?" are not the same, nor are
    "What does direct evaluation answer?" and "What does indirect evaluation answer?" with different answers.)"""
    if a[0] != b[0] and _NUMBER.findall(a[0]) != _NUMBER.findall(b[0]):
        return False  # "values it at 3 ... bids 2" and "values it at 2 ... bids 3": two cases, worked out apart
    if a[0] == b[0] or fuzz.ratio(a[0], b[0]) >= SAME_PROMPT and set(content_stems(a[0])) == set(content_stems(b[0])):
        return True
    if _other_terms(a[0], b[0]) or _swapped_with_their_answers(a, b):
        return False
    answers_alike = (not a[1] and not b[1]) or fuzz.token_set_ratio(a[1], b[1]) >= SAME_ANSWER
    if _similar(a[0], b[0]):
        return answers_alike
    if not (a[1] and b[1] and _similar(a[1], b[1])):
        return False
    if fuzz.token_set_ratio(a[0], b[0]) >= 90:
        return True
    sa, sb = set(content_stems(a[0])), set(content_stems(b[0]))
    if min(len(sa), len(sb)) >= 5 and len(sa & sb) / len(sa | sb) >= SAME_STEMS:
        return True  # "git add puts a file into the _____ area, ..." and "The git add command adds files to the _____ area, ..."
    return bool(sa and sb) and (sa <= sb or sb <= sa)


def _other_terms(a: str, b: str) -> bool:
    """Two prompts that ask about two terms, neither inside the other ("what is the complexity class p" / "... np":
    relay run 14's cards on P and NP; "git add" is inside "the git add command")."""
    ta, tb = asked_term(a), asked_term(b)
    if not ta or not tb:
        return False
    wa, wb = set(ta.split()), set(tb.split())
    return not (wa <= wb or wb <= wa)


_LEAD_SKIP = frozenset("the a an they it its this these that those".split())


def _swapped_with_their_answers(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two prompts one or two words apart whose answers lead with different words: one question asked of two
    terms ("which operation produces a sum term" -> "OR alone ..." / "... a product term" -> "AND alone ...";
    DeMorgan's first and second theorems; relay run 15). "main" / "primary function" answered alike stays one."""
    wa, wb = a[0].split(), b[0].split()
    if len(wa) != len(wb) or not 1 <= sum(x != y for x, y in zip(wa, wb, strict=True)) <= 2:
        return False
    lead_a = next((w for w in a[1].split() if w not in _LEAD_SKIP), "")
    lead_b = next((w for w in b[1].split() if w not in _LEAD_SKIP), "")
    return bool(lead_a and lead_b) and stem(lead_a.strip(".,;:")) != stem(lead_b.strip(".,;:"))


def _first_match(key: tuple[str, str], seen: list[tuple[tuple[str, str], str]]) -> tuple[str, bool] | None:
    """The place of the first earlier item ``key`` repeats, and whether the two ask the very same prompt (normalised),
    not only a near one; None when it repeats none."""
    for other, where in seen:
        if same(key, other):
            return where, bool(key[0]) and other[0] == key[0]
    return None


def within_guide(items: list[Item]) -> list[tuple[Item, str, bool]]:
    """Later items that repeat an earlier one of the same section, with the earlier item's place and whether the two
    ask the very same prompt (``_first_match``)."""
    seen: dict[str, list[tuple[tuple[str, str], str]]] = {s: [] for s in DEDUP_SECTIONS}
    dups: list[tuple[Item, str, bool]] = []
    for item in items:
        if item.section not in seen:
            continue
        key = dedup_key(item.model)
        match = _first_match(key, seen[item.section])
        if match:
            dups.append((item, *match))
        else:
            seen[item.section].append((key, item.where))
    return dups


def _answers_of(model: Grounded) -> list[str]:
    """The answer key of a question: the right option, or the short answer and its accepted forms."""
    if isinstance(model, MultipleChoice):
        return [model.options[model.answer_index]] if 0 <= model.answer_index < len(model.options) else []
    if isinstance(model, ShortAnswer):
        return [model.answer, *model.accept]
    return []


#: Shared content words (besides the answer's) from which a question's cue asks what a card's cue asks.
CUE_SHARE = 0.4
_YES_NO = re.compile(r"^\W*(?:yes|no)\b\W*", re.IGNORECASE)


def _key_alike(answer: str, card_answer: str) -> bool:
    """One answer: the same words, or the one's content words all inside the other's short answer."""
    a, b = normalized_phrase(answer), normalized_phrase(_YES_NO.sub("", card_answer))
    if not a or not b:
        return False
    if key_string(a) == key_string(b) or fuzz.ratio(a, b) >= SAME_RATIO:
        return True
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb or len(sa) > 6:
        return False
    if all(any(c.isdigit() for c in w) for w in sa):
        return False  # numbers alone, said otherwise: "One, at x* = 0" is not "x* = 0, A and K" (relay run 7)
    if coverage(sa, set(sb)) < 1.0 or coverage(sb, set(sa)) < 0.5:
        return False  # "a neural network" is not all of "Bayes and ANNs (artificial neural networks)"
    return len(sa) >= 2 or len(a.split()) >= 0.6 * len(b.split())


def _true_repeat(statement: TrueFalse, card: Flashcard) -> bool:
    """A true statement that says what the card's answer says; a false one (a misconception) is another angle."""
    if not statement.answer:
        return False
    said = content_stems(statement.statement)
    card_words = set(content_stems(f"{fill_cloze(card.front, card.back) if card.kind == 'cloze' else card.front} {card.back}"))
    back = content_stems(_YES_NO.sub("", card.back))
    return coverage(said, card_words) >= 0.8 and coverage(back, set(said)) >= 0.6


def _same_fact(question: Item, card: Item) -> bool:
    """The question asks the card's fact the same way: the same prompt; a true statement of the card's answer;
    or an answer key that is the card's answer (or the term it asks about) with a cue sharing the card's words.
    A misconception (false statement), an application or a "why" explained at length is not a repeat."""
    q, c = question.model, card.model
    assert isinstance(c, Flashcard)
    if isinstance(q, TrueFalse):
        return _true_repeat(q, c)
    if same(dedup_key(q), dedup_key(c)):
        return True
    answers = _answers_of(q)
    if not answers or len(content_stems(answers[0])) > 6 and not isinstance(q, ShortAnswer):
        return False
    card_keys = [c.back] if c.kind == "cloze" else [c.back, asked_term(c.front) or ""]
    if not any(_key_alike(a, k) for a in answers for k in card_keys if k):
        if c.kind == "cloze":
            return False  # a cloze asks for its gap, not about the words around it ("...made by humans is the ___")
        front = key_string(c.front)  # the card asks about the answer's term ("What does pragmatic analysis do?")
        # the key and its first accepted form (the prompt asks for the key first), not a later alternative (relay
        # run 14: "convexhull", the base case's function, is in "What is the convex hull CH(S) ...?" but the key is
        # "the brute-force algorithm")
        key = answers[:2]
        if not any(len(key_string(a)) >= 4 and key_string(a) in front for a in key if len(content_stems(a)) <= 4):
            return False
    answer_words = {w for a in answers for w in content_stems(a)}
    cue = [w for w in content_stems(getattr(q, "question", "")) if w not in answer_words]
    card_words = set(content_stems(f"{c.front} {c.back}")) - answer_words
    shared = sum(1 for w in cue if w in card_words)
    return shared >= 2 and shared >= CUE_SHARE * len(cue)


def repeated_flashcards(items: list[Item]) -> list[tuple[Item, str]]:
    """Questions that repeat a flashcard of the same guide (what the card already drills), with the card's place."""
    cards = [i for i in items if i.section == "flashcards"]
    out: list[tuple[Item, str]] = []
    for item in items:
        if item.section != "questions":
            continue
        card = next((c for c in cards if _same_fact(item, c)), None)
        if card is not None:
            out.append((item, card.where))
    return out


class RunDeduplicator:
    """Drops flashcards/questions that repeat one from an earlier guide of the run.

    Call :meth:`apply` once per guide in document order; results are deterministic. A section whose every item
    repeats an earlier guide's is left empty, with that reason: teachers drop a repeated card ("What does DNS stand
    for?" in two topics of one deck, set 17) rather than keep it to fill the section.
    """

    def __init__(self) -> None:
        self._seen: dict[str, list[tuple[tuple[str, str], str]]] = {s: [] for s in DEDUP_SECTIONS}
        self.dropped = 0

    def digest(self) -> str:
        """A hash of every item registered so far: guides applied after the same earlier guides come out the same."""
        return hashlib.sha256(json.dumps(self._seen, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def mark(self) -> dict[str, int]:
        """Where the run stands now; ``added_since(mark)`` gives what later guides added."""
        return {section: len(seen) for section, seen in self._seen.items()}

    def added_since(self, mark: dict[str, int]) -> list[list]:
        """The items registered since ``mark``, as JSON data for ``replay`` (a resumed run skips finished inputs)."""
        return [[s, list(key), where] for s, seen in self._seen.items() for key, where in seen[mark.get(s, 0) :]]

    def replay(self, added: list[list]) -> None:
        """Register what a finished input added, as if its guides had been applied again."""
        for section, key, where in added:
            self._seen[section].append(((key[0], key[1]), where))

    def apply(self, content: GuideContent, quality: TopicQuality, settings: GateSettings | None = None) -> GuideContent:
        """``content`` without run-level duplicates; findings and counts go to ``quality``. An item that only resembles
        an earlier one is noted, not dropped, where ``settings`` (the gate's settings the guide was checked with) make
        the check a note, as on a model's drafts: relay run 20's cards "When is the output of a NOR gate HIGH?" and
        "... of an AND gate HIGH?" were taken for one. The same prompt twice always drops."""
        label = " ".join(filter(None, [quality.source_file, f"topic {quality.topic_index}" if quality.topic_index else ""]))
        items = iter_items(content)
        kept: list[Item] = []
        new_keys: list[tuple[str, tuple[str, str], str]] = []
        why: dict[str, list[str]] = {}  # section -> why its items went (a section left empty says so)
        for item in items:
            if item.section not in self._seen:
                kept.append(item)
                continue
            key = dedup_key(item.model)
            match = _first_match(key, self._seen[item.section])
            if match is None:
                kept.append(item)
                new_keys.append((item.section, key, f"{label} {item.where}"))
                continue
            earlier, verbatim = match
            detail = f"repeats {earlier}"
            if not verbatim and settings is not None and settings.notes(Reason.DUPLICATE_ACROSS_RUN, detail):
                kept.append(item)
                new_keys.append((item.section, key, f"{label} {item.where}"))
                quality.add(
                    Finding(
                        section=item.section, index=item.index, reason=Reason.DUPLICATE_ACROSS_RUN, detail=detail, action="noted"
                    )
                )
                continue
            self.dropped += 1  # even the last of its section: an honest empty section beats a repeat (set 17)
            why.setdefault(item.section, []).append("repeats an item of an earlier topic")
            quality.add(Finding(section=item.section, index=item.index, reason=Reason.DUPLICATE_ACROSS_RUN, detail=detail))
        for section, key, where in new_keys:
            self._seen[section].append((key, where))
        if len(kept) == len(items):
            return content
        quality.kept = len(kept)
        quality.grounded = min(quality.grounded, quality.kept)
        result = rebuild(content, kept, why)
        assert result is not None  # only flashcards and questions lose items here, and either may be empty
        return result
