"""Answer-key checks: multiple choice, true/false and cloze cards."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from seekh_convert.check.items import GAP, NOT_STEM, fill_cloze
from seekh_convert.check.support import everyday_word, found_in, support, support_threshold
from seekh_convert.model.answers import duplicate_options, gates_swapped, markers, symbols
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, TrueFalse
from seekh_convert.text.sentences import sentences
from seekh_convert.text.words import content_stems, coverage, key_string, normalized_phrase, stem, surface_words

Problem = tuple[Reason, str]

_LETTERS = "abcdefghij"
_CATCH_ALL = re.compile(
    r"\b(?:all|none|any)\s+of\s+(?:the\s+)?(?:above|below|these|those|options|choices|answers)\b"
    r"|\bboth\s+\(?[a-d]\)?\s+and\s+\(?[a-d]\)?(?:\W|$)|\bneither\s+\(?[a-d]\)?\s+nor\s+\(?[a-d]\)?(?:\W|$)"
    r"|^\s*\(?[a-d]\)?\s+and\s+\(?[a-d]\)?\s*$",
    re.I,
)
_NAMED_CORRECT = [
    re.compile(r"\b(?:correct|right|best)\s+(?:answer|option|choice)\s+(?:is|was)\s*:?\s*(?P<x>[^.;\n]+)", re.I),
    re.compile(r"^\W*the answer is\s*:?\s*(?P<x>[^.;\n]+)", re.I),
    re.compile(r"(?:^|[.;]\s*)(?P<x>[^.;\n]{1,80}?)\s+is\s+(?:the\s+)?(?:correct|right)\b", re.I),
]
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|can't|doesn't|don't|isn't|aren't|without|neither|nor)\b|n't\b", re.I)


_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
#: A list of one-letter variables, primed or not ("A, B, C", "A’, B, C, D’").
_VARIABLES = re.compile(r"\s*[A-Za-z][’'′]?(?:\s*,\s*[A-Za-z][’'′]?)*\s*")
#: An address or a path: its last part names another thing ("https://jdoe.shinyapps.io/app" / ".../energy_app").
_PATH = re.compile(r"://|\w/\w")
#: An option written as code: a call, an index, a quoted string, an assignment.
_CODE = re.compile(r"\w\(|\w\[|[\"“”]\w|\w\s*==?\s*\w|[{}<>]")
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def _in_order(short: str, long: str) -> bool:
    """True when the content words and numbers of ``short`` come in ``long`` in the same order (a restatement keeps
    each number with its word: "row 3, column 5" is not "rows 3 to 5 of column 10")."""

    def seq(text: str) -> list[str]:
        content = set(content_stems(text))
        tokens = re.findall(r"\d+(?:[.,/]\d+)*|[^\W\d_]+", text.lower())
        return [t if t[0].isdigit() else stem(t) for t in tokens if t[0].isdigit() or stem(t) in content]

    rest = iter(seq(long))
    return all(any(t == u for u in rest) for t in seq(short))


def _apart_by_form(a: str, b: str) -> bool:
    """Two options that words alone cannot compare: other numbers, directions or negations, other signs ("x == y" /
    "x != y"), gates swapped ("Three OR gates feeding one AND gate" / "... AND ... OR ...": relay run 17), lists of
    variables ("B, C" / "A, B, C"), code or addresses ('c("1", "4")' / 'c(1, 4)': relay run 11; ".../app" /
    ".../energy_app": relay run 16)."""
    if markers(a) != markers(b) or symbols(a) != symbols(b) or gates_swapped(a, b):
        return True
    if _VARIABLES.fullmatch(a) and _VARIABLES.fullmatch(b):
        return True
    return any(pattern.search(text) for pattern in (_CODE, _PATH) for text in (a, b))


def _overlapping_options(options: list[str]) -> str | None:
    """A pair where one option is contained in / a paraphrase of another."""
    norm = [normalized_phrase(o) for o in options]
    for i in range(len(norm)):
        for j in range(len(norm)):
            if i == j or not norm[i] or _apart_by_form(options[i], options[j]):
                continue
            short, long = _ARTICLE.sub("", norm[i]), _ARTICLE.sub("", norm[j])
            if long.endswith(f" {short}") and len(short.split()) >= 2 and len(long.split()) == len(short.split()) + 1:
                continue  # one word put before: "Sans serif typeface for ..." / "Serif typeface for ..." (relay run 5),
                # "A semi-stable sink" / "A stable sink" (relay run 7)
            if f" {norm[i]} " in f" {norm[j]} ":
                return f"option {i} {options[i]!r} is part of option {j} {options[j]!r}"
            seq_i, seq_j = content_stems(options[i]), content_stems(options[j])
            stems_i, stems_j = set(seq_i), set(seq_j)
            if stems_i == stems_j and list(seq_i) != list(seq_j):
                continue  # the same words in another order: "model, then view" / "view, then model"
            numbers = _NUMBER.findall(options[i])
            if numbers != _NUMBER.findall(options[j]) or numbers and not _in_order(options[i], options[j]):
                continue  # "row 3, column 5 to 10" / "rows 3 to 5 of column 10": the numbers say which (relay run 11)
            if stems_i and stems_i <= stems_j:
                return f"option {j} {options[j]!r} restates option {i} {options[i]!r}"
    return None


def _answer_in_stem(mc: MultipleChoice) -> str | None:
    stem = f" {normalized_phrase(mc.question)} "
    answer = normalized_phrase(mc.answer)
    if len(key_string(answer)) < 4 or f" {answer} " not in stem:
        return None
    if _CODE.search(mc.answer) and "".join(mc.answer.split()) not in "".join(mc.question.split()):
        return None  # 'c("1", "4", "Amsterdam", "6")' is what 'c(1,4,"Amsterdam",6)' evaluates to, not its words
    others = [normalized_phrase(o) for i, o in enumerate(mc.options) if i != mc.answer_index]
    if any(len(key_string(o)) >= 4 and f" {o} " in stem for o in others):
        return None  # the stem names another option too ("...: X, Y or Z?", x = "hello" then x = "good bye")
    return f"the stem contains the answer {mc.answer!r}"


def _named_as_correct(explanation: str, mc: MultipleChoice) -> int | None:
    """Index of an option the explanation calls correct, when it names one."""
    for pattern in _NAMED_CORRECT:
        for m in pattern.finditer(explanation):
            named = m.group("x").strip().strip("\"'\u201c\u201d()")
            letter = re.fullmatch(r"(?:option\s+|answer\s+)?\(?([A-Da-d])\)?", named, re.I)
            if letter:
                return _LETTERS.index(letter.group(1).lower())
            scores = [fuzz.partial_ratio(normalized_phrase(o), normalized_phrase(named)) for o in mc.options]
            best = max(range(len(scores)), key=scores.__getitem__)
            if scores[best] >= 85 and scores.count(scores[best]) == 1:
                return best
    return None


def _explanation_problem(mc: MultipleChoice, near: set[str], reasons: bool = False) -> str | None:
    """An explanation that calls another option correct; without ``reasons``, also one that neither names the key
    nor has the quote support it. ``reasons`` (a model's question): its explanation reasons to the key in its own
    words ("bans reading data at a lower level" for "Denied, because reading down is forbidden"; relay runs 5-6: the
    rule acted four times on a model's drafts, wrong each time)."""
    named = _named_as_correct(mc.explanation, mc)
    if named is not None and named != mc.answer_index:
        return f"the explanation calls option {named} {mc.options[named]!r} correct, the key is {mc.answer_index}"
    if reasons:
        return _explains_a_distractor(mc)
    key = content_stems(mc.answer)
    said = set(content_stems(mc.explanation))
    acronym = re.search(r"\(([A-Z][A-Za-z0-9-]{1,8})\)\s*$", mc.answer)  # "Upper confidence bound (UCB)": "UCB's bonus"
    mentions = coverage(key, said) >= 0.5 or bool(acronym and set(content_stems(acronym.group(1))) <= said)
    shown = coverage(key, set(content_stems(mc.question))) >= 0.5  # code tracing: the stem shows the values
    if not mentions and not shown and coverage(key, near) < 0.5:
        return "the explanation neither mentions the key nor does the quote support it"
    return None


def _explains_a_distractor(mc: MultipleChoice) -> str | None:
    """An explanation that opens on a distractor and never names what sets the key apart ("Sensory memory holds
    information from the senses" under the key "Long-term memory"): it argues for another option. An explanation
    ruling distractors out after its reasoning ("... strlen cannot work yet"; "removes the time column") is not."""
    said = set(content_stems(mc.explanation))
    acronym = re.search(r"\(([A-Z][A-Za-z0-9-]{1,8})\)\s*$", mc.answer)
    if acronym and set(content_stems(acronym.group(1))) <= said:
        return None
    key = content_stems(_GLOSSED.sub("", mc.answer) or mc.answer)  # "Logit (log odds)": the term, not its gloss
    opening = content_stems(mc.explanation)
    for i, option in enumerate(mc.options):
        words = content_stems(option)
        if i == mc.answer_index or not words or not set(words) <= set(opening[: len(words) + 1]):
            continue
        distinct = [k for k in key if k not in words]
        if distinct and not any(k in said for k in distinct):
            return f"the explanation argues for option {i} {option!r}, not the key {mc.answer!r}"
    return None


#: An option that speaks of the other options ("Both of the intervals", "Neither of them", "All of the above").
_OTHER_OPTIONS = re.compile(r"^\s*(?:both|neither|none|all|each)\b(?:\s+of)?(?:\s+(?:the|these|them|those|above))?", re.I)


def _wrong_key(mc: MultipleChoice, quote_stems: set[str], near: set[str], worked: bool = False) -> str | None:
    """A distractor the quote states outright while the key is not supported near the quote (in any form of its
    words: "Power analysis" is the quote's "Power analyses"). ``worked`` (a model's question): an option that is only
    a number is no answer the quote states by mentioning the number ("About 10%" against "in increments of 10%", the
    key "About 55%" worked out from the plot's 0.5-0.6 band; relay run 6)."""
    if NOT_STEM.search(mc.question):
        return None  # "Which is NOT a reason ...?": the quote states the distractors by design (relay run 16)
    stems = content_stems(mc.answer)
    asked = set(content_stems(mc.question))  # "Which 50% interval ...?": the key's "50%" is the stem's
    key = sum(found_in(s, near) or s in asked for s in stems) / len(stems) if stems else 0.0

    def stated(option: str) -> float:
        words = content_stems(option)
        if not words or (worked and all(any(c.isdigit() for c in w) for w in words)):
            return 0.0
        if _OTHER_OPTIONS.match(option):  # "Both of the intervals": the other options, not a claim of the quote
            return 0.0
        return coverage(words, quote_stems)

    scores = [stated(o) for o in mc.options]
    best = max((i for i in range(len(scores)) if i != mc.answer_index), key=scores.__getitem__)
    if scores[best] >= 0.99 and key < 0.6:
        return f"the quote supports option {best} {mc.options[best]!r}, not the key {mc.answer!r}"
    return None


def check_multiple_choice(mc: MultipleChoice, near: set[str] | None = None, topic: set[str] | None = None) -> list[Problem]:
    """Key and option problems of one multiple-choice question.

    ``near``: stemmed words of the quote, the blocks it lies in and their glossary terms (default: the quote);
    ``topic`` (a model's question): the topic's words, where a key the quote only sets against a distractor may
    stand ("Solicited proposal" under its heading, the quote naming the "Expression of Interest" it answers).
    """
    problems: list[Problem] = []
    dup = duplicate_options(mc.options)
    if dup:
        problems.append((Reason.DUPLICATE_OPTIONS, dup))
    overlap = _overlapping_options(mc.options)
    if overlap and not dup:
        problems.append((Reason.OVERLAPPING_OPTIONS, overlap))
    catch_all = [o for o in mc.options if _CATCH_ALL.search(o)]
    if catch_all:
        problems.append((Reason.CATCH_ALL_OPTION, f"option {catch_all[0]!r}"))
    in_stem = _answer_in_stem(mc)
    if in_stem:
        problems.append((Reason.ANSWER_IN_STEM, in_stem))
    quote_stems = set(content_stems(mc.source.quote))
    near = near if near is not None else quote_stems
    wrong = _wrong_key(mc, quote_stems, near | (topic or set()), worked=topic is not None)
    if wrong:
        problems.append((Reason.WRONG_KEY, wrong))
    explanation = _explanation_problem(mc, near | (topic or set()), reasons=topic is not None)
    if explanation:
        problems.append((Reason.EXPLANATION_MISMATCH, explanation))
    return problems


#: Share of a true statement's words (everyday English aside) its quote's passage must have, as for other claims.
TRUE_SUPPORT = 0.5


#: Words beyond the statement's own that may lie between them where the quote says the same thing.
TOGETHER_SLACK = 3


def _said_together(statement: str, quote: str) -> bool:
    """True when every content word of the statement is in the quote, close together as one statement would put
    them; a false statement joining words of two of the quote's sentences ("Network DLP is software that runs on
    each user's workstation", from the network and endpoint DLP definitions; relay run 6) differs from the quote."""
    needed = set(content_stems(statement))
    said = content_stems(quote)
    if not needed or not needed <= set(said):
        return False
    best = len(said)
    for start, word in enumerate(said):
        if word not in needed:
            continue
        seen: set[str] = set()
        for end in range(start, len(said)):
            if said[end] in needed:
                seen.add(said[end])
                if seen == needed:
                    best = min(best, end - start + 1)
                    break
    return best <= len(needed) + TOGETHER_SLACK


def check_true_false(tf: TrueFalse, context_stems: set[str], floor: float | None = None) -> list[Problem]:
    """A true statement must match its quote closely; a false one must differ from it (``floor``: as for
    ``support``)."""
    quote = tf.source.quote
    close = coverage(content_stems(tf.statement), set(content_stems(quote))) >= 0.9  # a reworded statement may say
    # "not different"; the negation is the one of the quote's sentence the statement restates ("... corresponds to
    # many different process models. Not universally useful, ...": relay run 9, no negation of the first)
    restated = max(sentences(quote) or [quote], key=lambda part: coverage(content_stems(tf.statement), set(content_stems(part))))
    negation_flip = close and bool(_NEGATION.search(tf.statement)) != bool(_NEGATION.search(restated))
    # said by one of the quote's sentences, with its numbers and direction words ("after" for "before", "two" for
    # "one": not the same)
    same = not negation_flip and any(
        _said_together(tf.statement, part) and markers(tf.statement) == markers(part) for part in sentences(quote)
    )
    if tf.answer:
        # a true statement is a claim like any other: the source must support it, in other words if need be
        share, missing = support(tf.statement, context_stems, everyday=True, floor=floor)
        if share < support_threshold(tf.statement, TRUE_SUPPORT):
            return [(Reason.UNSUPPORTED, f"marked true but the source near the quote lacks {', '.join(missing[:6])}")]
        if negation_flip:
            return [(Reason.TRUE_FALSE_MISMATCH, "marked true but negates the quote")]
    elif same:
        return [(Reason.TRUE_FALSE_MISMATCH, "marked false but says what the quote says")]
    return []


_CODE_BACK = re.compile(r"[A-Za-z_][\w.$]*\([^()]{0,30}\)|[A-Za-z_]\w*(?:[._]\w+)+")
_GLOSSED = re.compile(r"\s*\([^()]{1,60}\)\s*$")
_OPERATOR = re.compile(r"[^\w\s()]{1,4}")


def check_cloze(
    card: Flashcard, context_stems: set[str], around: set[str] | None = None, floor: float | None = None
) -> list[Problem]:
    """A cloze front has exactly one gap and the back fills it with something the source says.

    ``context_stems``: the quote's own blocks, where the back must be; ``around`` (default the same): the passage
    the filled front is read against ("Referring to a variable never created, as in print(y), raises a _____"
    rests on the slide's example as well as on "NameError: name 'y' is not defined"). With ``floor`` (a model's card),
    everyday words of the front from that Zipf frequency ("The property ... is called") are no claim of the source."""
    gaps = len(GAP.findall(card.front))
    if "{{" in card.front or gaps != 1:
        return [(Reason.CLOZE_GAP, f"the front has {gaps} gaps '_____' (need exactly one, no {{{{c1::}}}} markup)")]
    back = _GLOSSED.sub("", card.back) or card.back  # "logit (log odds)": the gloss is an aside to the answer
    back_stems = content_stems(back)
    # "c()" (relay run 11: "a vector is created with the _____ command"): a code name the quote writes is a term, and
    # so is an operator ("%%" for "x _____ y gives the remainder of x/y", relay run 18)
    term = back.strip()
    # ... and so is one plain word the quote says ("even" for "the number of 1s is _____", relay run 20)
    said = re.fullmatch(r"[^\W\d_]+", term) is not None and term.casefold() in re.findall(
        r"[^\W\d_]+", card.source.quote.casefold()
    )
    code = not back_stems and (
        term in card.source.quote and bool(_CODE_BACK.fullmatch(term) or _OPERATOR.fullmatch(term)) or said
    )
    if len(card.back.split()) > 12 or not back_stems and not code:
        return [(Reason.CLOZE_MISMATCH, "the back must be the short term that fills the gap")]
    filled_text = fill_cloze(card.front, back)
    if floor is None:
        fits = coverage(content_stems(filled_text), around or context_stems)
    else:  # everyday words the source lacks are the card's wording; every word the source has counts
        common = {stem(w.lower()) for w in surface_words(filled_text) if everyday_word(w, floor)}
        needed = content_stems(filled_text)
        fits = sum(found_in(n, around or context_stems) or n in common for n in needed) / len(needed) if needed else 1.0
    if back_stems and coverage(back_stems, context_stems) < 1.0 or fits < 0.75:
        return [(Reason.CLOZE_MISMATCH, f"the source does not support the front filled with {card.back!r}")]
    return []
