"""Near-duplicate flashcards and questions, within one guide and across the guides of a run."""

from __future__ import annotations

import hashlib
import json

from rapidfuzz import fuzz

from seekh_convert.check.items import Item, fill_cloze, iter_items, rebuild
from seekh_convert.model.findings import Finding, Reason, TopicQuality
from seekh_convert.model.guide import Flashcard, Grounded, GuideContent, MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.words import content_stems, coverage, key_string, normalized_phrase

#: ``fuzz.ratio`` at or above which two prompts are the same card/question.
SAME_RATIO = 88.0
#: ``fuzz.token_set_ratio`` at or above which two prompts of similar length are the same.
SAME_TOKEN_SET = 95.0
#: ``fuzz.ratio`` at or above which two prompts are one prompt whatever their answers.
SAME_PROMPT = 97.0
#: ``fuzz.token_set_ratio`` at or above which the answers of two similar prompts agree.
SAME_ANSWER = 80.0
DEDUP_SECTIONS = ("flashcards", "questions")


def dedup_key(model: Grounded) -> tuple[str, str]:
    """What two items are compared by: (prompt, answer), normalised."""
    if isinstance(model, Flashcard):
        prompt = fill_cloze(model.front, model.back) if model.kind == "cloze" else model.front
        return normalized_phrase(prompt), normalized_phrase(model.back)
    if isinstance(model, (MultipleChoice, ShortAnswer)):
        return normalized_phrase(model.question), normalized_phrase(model.answer)
    if isinstance(model, TrueFalse):
        return normalized_phrase(model.statement), ""
    return "", ""


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or fuzz.ratio(a, b) >= SAME_RATIO:
        return True
    shorter, longer = sorted((len(a), len(b)))
    return shorter / longer >= 0.8 and fuzz.token_set_ratio(a, b) >= SAME_TOKEN_SET


def same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Near-duplicates: the same prompt, a similar prompt with a similar answer, or the same answer
    to a prompt about the same words. ("What is encoding?" and "What is decoding?" are not the same.)"""
    if a[0] == b[0] or fuzz.ratio(a[0], b[0]) >= SAME_PROMPT:
        return True
    answers_alike = (not a[1] and not b[1]) or fuzz.token_set_ratio(a[1], b[1]) >= SAME_ANSWER
    if _similar(a[0], b[0]):
        return answers_alike
    if not (a[1] and b[1] and _similar(a[1], b[1])):
        return False
    if fuzz.token_set_ratio(a[0], b[0]) >= 90:
        return True
    sa, sb = set(content_stems(a[0])), set(content_stems(b[0]))
    return bool(sa and sb) and (sa <= sb or sb <= sa)


def _first_match(key: tuple[str, str], seen: list[tuple[tuple[str, str], str]]) -> str | None:
    return next((where for other, where in seen if same(key, other)), None)


def within_guide(items: list[Item]) -> list[tuple[Item, str]]:
    """Later items that repeat an earlier one of the same section, with the earlier item's place."""
    seen: dict[str, list[tuple[tuple[str, str], str]]] = {s: [] for s in DEDUP_SECTIONS}
    dups: list[tuple[Item, str]] = []
    for item in items:
        if item.section not in seen:
            continue
        key = dedup_key(item.model)
        earlier = _first_match(key, seen[item.section])
        if earlier:
            dups.append((item, earlier))
        else:
            seen[item.section].append((key, item.where))
    return dups


def _answer_of(model: Grounded) -> str:
    if isinstance(model, (MultipleChoice, ShortAnswer)):
        return model.answer
    if isinstance(model, TrueFalse):
        return model.statement
    return ""


def _same_fact(question: Item, card: Item) -> bool:
    """The question tests what the card tests: the same sentence and the same answer, or the same prompt."""
    q, c = question.model, card.model
    assert isinstance(c, Flashcard)
    if same(dedup_key(q), dedup_key(c)):
        return True
    qk, ck = key_string(q.source.quote), key_string(c.source.quote)
    if not qk or not ck or (qk not in ck and ck not in qk):
        return False
    if isinstance(q, TrueFalse):
        return True
    answer = content_stems(_answer_of(q))
    if len(answer) > 6:
        return False  # an explanation asked for (how, why), not the card's fact recalled
    card_words = set(content_stems(f"{c.front} {c.back}"))
    asked = set(content_stems(f"{getattr(q, 'question', '')} {_answer_of(q)}"))
    return coverage(answer, card_words) >= 0.5 or coverage(content_stems(c.back), asked) >= 0.5


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

    Call :meth:`apply` once per guide in document order; results are deterministic. An item is
    kept (and reported) when dropping it would leave its section empty.
    """

    def __init__(self) -> None:
        self._seen: dict[str, list[tuple[tuple[str, str], str]]] = {s: [] for s in DEDUP_SECTIONS}
        self.dropped = 0
        self.kept_duplicates = 0

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

    def apply(self, content: GuideContent, quality: TopicQuality) -> GuideContent:
        """``content`` without run-level duplicates; findings and counts go to ``quality``."""
        label = " ".join(filter(None, [quality.source_file, f"topic {quality.topic_index}" if quality.topic_index else ""]))
        items = iter_items(content)
        kept: list[Item] = []
        new_keys: list[tuple[str, tuple[str, str], str]] = []
        remaining = {s: len(getattr(content, s)) for s in DEDUP_SECTIONS}
        for item in items:
            if item.section not in self._seen:
                kept.append(item)
                continue
            key = dedup_key(item.model)
            earlier = _first_match(key, self._seen[item.section])
            if earlier is None:
                kept.append(item)
                new_keys.append((item.section, key, f"{label} {item.where}"))
                continue
            detail = f"repeats {earlier}"
            if remaining[item.section] > 1:
                remaining[item.section] -= 1
                self.dropped += 1
                quality.add(Finding(section=item.section, index=item.index, reason=Reason.DUPLICATE_ACROSS_RUN, detail=detail))
            else:
                kept.append(item)
                self.kept_duplicates += 1
                quality.add(
                    Finding(
                        section=item.section,
                        index=item.index,
                        reason=Reason.DUPLICATE_ACROSS_RUN,
                        detail=detail + " (kept: last of its section)",
                        action="kept",
                    )
                )
        for section, key, where in new_keys:
            self._seen[section].append((key, where))
        if len(kept) == len(items):
            return content
        quality.kept = len(kept)
        quality.grounded = min(quality.grounded, quality.kept)
        result = rebuild(content, kept)
        assert result is not None  # sections are never emptied above
        return result
