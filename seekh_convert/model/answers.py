"""Multiple-choice keys as people and models write them (index, letter, option text, flags) made canonical.

A raw question becomes the schema's form with one ``answer_index``; one whose key is not exactly one of its
options, or whose options repeat, is refused with the reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import option_text
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.words import content_stems, key_string, normalized_phrase, words

#: Fuzzy score (0-100) above which two options count as the same option.
SAME_OPTION = 90.0
_LETTERS = "abcdefghij"
_PREFIX = re.compile(r"^\s*(?:\(?([A-Ja-j])[\).:]|([1-9])[\).:])\s+")


class AnswerKeyError(ValueError):
    """A raw multiple-choice item whose key cannot be made canonical."""

    def __init__(self, reason: Reason, detail: str):
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


def _strip_prefix(option: str) -> str:
    return _PREFIX.sub("", option, count=1).strip()


def _raw_options(raw: dict[str, Any]) -> tuple[list[str], list[int]]:
    """Options as plain strings, and the indices flagged correct inline (``{"text", "correct": true}``)."""
    options = raw.get("options", raw.get("choices"))
    if isinstance(options, dict):
        options = [options[k] for k in sorted(options)]
    if not isinstance(options, list):
        raise AnswerKeyError(Reason.INVALID_ITEM, "options must be a list")
    texts: list[str] = []
    flagged: list[int] = []
    for i, opt in enumerate(options):
        if isinstance(opt, dict):
            if opt.get("correct") or opt.get("is_correct"):
                flagged.append(i)
            opt = opt.get("text", opt.get("option", ""))
        texts.append(_strip_prefix(str(opt)))
    return texts, flagged


def _key_to_index(key: Any, options: list[str]) -> int:
    """One key (0-based index, letter, ``"B) text"`` or option text) -> option index."""
    if isinstance(key, bool):
        raise AnswerKeyError(Reason.KEY_NOT_OPTION, f"key {key!r} is not an option")
    if isinstance(key, int):
        if 0 <= key < len(options):
            return key
        raise AnswerKeyError(Reason.KEY_NOT_OPTION, f"key index {key} is outside 0..{len(options) - 1}")
    text = str(key).strip()
    letter = re.fullmatch(r"\(?([A-Ja-j])[\).:]?", text)
    if letter:
        index = _LETTERS.index(letter.group(1).lower())
        if index < len(options):
            return index
        raise AnswerKeyError(Reason.KEY_NOT_OPTION, f"key letter {text!r} has no option")
    if text.isdigit():
        return _key_to_index(int(text), options)
    wanted = key_string(_strip_prefix(text))
    exact = [i for i, o in enumerate(options) if key_string(o) == wanted]
    if len(exact) == 1:
        return exact[0]
    prefixed = _PREFIX.match(text)
    if prefixed:  # "B) some text": trust the letter when the text is close
        return _key_to_index(prefixed.group(1) or int(prefixed.group(2)) - 1, options)
    raise AnswerKeyError(Reason.KEY_NOT_OPTION, f"key {text!r} is not one of the options")


def canonicalize_mc(raw: dict[str, Any]) -> dict[str, Any]:
    """A raw multiple-choice dict (key as index, letter or option text) -> schema form with ``answer_index``.

    Raises :class:`AnswerKeyError` (a ``ValueError``) when there is not exactly one key among the options
    or two options are the same text.
    """
    out = {k: v for k, v in raw.items() if k not in ("answer", "answer_index", "correct", "key", "choices", "correct_answer")}
    options, flagged = _raw_options(raw)
    keys = [raw[k] for k in ("answer_index", "answer", "correct", "key", "correct_answer") if raw.get(k) is not None]
    indices: set[int] = set(flagged)
    for key in keys:
        for one in key if isinstance(key, list) else [key]:
            indices.add(_key_to_index(one, options))
    if len(indices) != 1:
        raise AnswerKeyError(Reason.KEY_COUNT, f"found {len(indices)} keys, need exactly one")
    dup = identical_options(options)  # options written alike are the gate's to judge
    if dup:
        raise AnswerKeyError(Reason.DUPLICATE_OPTIONS, dup)
    out["options"] = options
    out["answer_index"] = indices.pop()
    out.setdefault("kind", "multiple_choice")
    return out


#: Words the content-word comparison leaves out but that tell two options apart ("up by one" / "down by two").
_MARKERS = frozenset(
    """one two three four five six seven eight nine ten hundred thousand million first second third half double
    up down more less most least before after above below over under not no never all none some many few
    higher lower larger smaller increase decrease left right neither nor either both only odd even rise rises fall falls""".split()
)


def markers(text: str) -> tuple[str, ...]:
    """Numbers and the number, direction and negation words of ``text``, in order."""
    return tuple(w for w in words(text) if w in _MARKERS or w.isdigit())


#: A prime on a letter or a bracket ("A’", "(AB)'"): a complement or a derivative, notation and not punctuation
#: (relay run 15: "A’ + B’" and "A + B’" were "the same" option). An apostrophe inside a word is punctuation.
_PRIME = re.compile(r"(?<=\b[A-Za-z])[’'](?![A-Za-z])|(?<=\))[’'](?![A-Za-z])")
_PLAIN_PUNCTUATION = set(",.;:!?'\"()[]{}-‐–—…’‘“”")
_SYMBOL_OR_LETTER = re.compile(r"[^\w\s]+|(?<![^\W\d_])[^\W\d_](?![^\W\d_])")


def symbols(text: str) -> tuple[str, ...]:
    """Operators, signs and lone letters of ``text``, in order: what tells '==' from '!=' and '−z' from '−y'.

    Word normalisation drops these, so two options differing only in them would otherwise look the same.
    Math italic letters count as their plain letters (NFKC).
    """
    text = _PRIME.sub("′", unicodedata.normalize("NFKC", text)).casefold()
    found = (t for t in _SYMBOL_OR_LETTER.findall(text) if not set(t) <= _PLAIN_PUNCTUATION)
    return tuple(t for t in found if t not in ("a", "i"))


_NEGATING = re.compile(r"^(?:un|in|im|ir|il|non|dis|anti|a)-?(?P<rest>\w{4,})$")


def _another_word(a: str, b: str) -> bool:
    """Two near-identical options that differ by a whole word ("Serif ..." / "Sans serif ...") or a negating prefix
    ("Solicited proposal" / "Unsolicited proposal"): different answers, not a typo of one (relay run 5)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True
    for x, y in zip(wa, wb, strict=True):
        for p, q in ((x, y), (y, x)):
            m = _NEGATING.match(p)
            if m and m.group("rest") == q:
                return True
        if x != y and _two_words(x, y):
            return True
    return False


def _two_words(x: str, y: str) -> bool:
    """Two different words, not one misspelt: three or more edits apart ("prior" / "posterior", relay run 9), or both
    words of the language ("mitosis" / "meiosis", "affect" / "effect")."""
    return Levenshtein.distance(x, y) >= 3 or (zipf(x) >= 2.0 and zipf(y) >= 2.0)


#: A logic operator written as one: upper case, as digital-logic courses write gates.
_OPERATOR = re.compile(r"\b(?:AND|OR|NOT|XOR|NAND|NOR|XNOR)\b")


def gates_swapped(a: str, b: str) -> bool:
    """Two texts naming as many logic operators but other ones or in another order ("Three OR gates feeding one AND
    gate" / "Three AND gates feeding one OR gate" / "... one OR gate"): other circuits, though their words are the
    same; one naming more gates than the other is compared by its words."""
    ops_a, ops_b = _OPERATOR.findall(a), _OPERATOR.findall(b)
    return ops_a != ops_b and len(ops_a) == len(ops_b)


#: A name in code: a function called ("ymd(", "as.POSIXct(") or a snake_case identifier ("dmy_hms").
_CODE_NAME = re.compile(r"[A-Za-z_][\w.]*(?=\()|\b[A-Za-z]\w*_\w+\b")


#: How ``duplicate_options`` describes two options written alike but not the same ("Heat" / "heat", "3.3" / "\"3.3\"",
#: "df[3,]" / "df[,3]"): the same option twice is broken on any path; two alike are a judgement (a model's: a note).
ALIKE = "are alike"


def identical_options(options: list[str]) -> str | None:
    """A description of the first pair of options that are the same text (spacing aside), or None."""
    seen: dict[str, int] = {}
    for j, option in enumerate(options):
        key = option_text(option)
        if key in seen:
            return f"options {seen[key]} and {j} are the same: {option!r}"
        seen[key] = j
    return None


def duplicate_options(options: list[str]) -> str | None:
    """A description of the first pair of identical or near-identical options (``ALIKE``), or None."""
    same = identical_options(options)
    if same:
        return same
    norm = [normalized_phrase(o) for o in options]
    for i in range(len(norm)):
        for j in range(i + 1, len(norm)):
            if markers(options[i]) != markers(options[j]) or symbols(options[i]) != symbols(options[j]):
                continue  # "moved up by one semi-tone" / "moved down by two semi-tones"; "==" / "!="
            if gates_swapped(options[i], options[j]):
                continue  # "Three OR gates feeding one AND gate" / "Three AND gates feeding one OR gate" (relay run 17)
            if _CODE_NAME.findall(options[i]) != _CODE_NAME.findall(options[j]):
                continue  # code is exact: "dmy_hms(x)" / "ymd_hms(x)" call two functions (relay run 14)
            if _CODE_NAME.search(options[i]) and re.sub(r"\s+", "", options[i]) != re.sub(r"\s+", "", options[j]):
                continue  # ... and its arguments too: "quantile(v, 0.75)" / "quantile(0.75, v)" (relay run 18)
            same_words = bool(content_stems(options[i])) and content_stems(options[i]) == content_stems(options[j])
            typo = fuzz.ratio(norm[i], norm[j]) >= SAME_OPTION and not _another_word(norm[i], norm[j])
            if key_string(options[i]) == key_string(options[j]) or same_words or typo:
                return f"options {i} and {j} {ALIKE}: {options[i]!r} / {options[j]!r}"
    return None


def key_position(question: str, count: int = 4) -> int:
    """Where the key goes among ``count`` options: fixed by the question's text, so runs are repeatable."""
    return int(hashlib.sha256(question.encode("utf-8")).hexdigest()[:8], 16) % count


def key_positions(seed: str, count: int, width: int = 4) -> list[int]:
    """``count`` key positions, every run of ``width`` a permutation of ``range(width)`` in an order fixed by ``seed``:
    a guide's keys spread over the positions, the same on every run."""
    out: list[int] = []
    run = 0
    while len(out) < count:
        out += sorted(range(width), key=lambda p: hashlib.sha256(f"{seed}\x00{run}\x00{p}".encode()).digest())
        run += 1
    return out[:count]


#: An option that names others by letter or place ("Option A", "(b)", "Both of the above", "A and B", "None of
#: these"): the options' order is part of the question. Content that says "both" or "first" ("Both action and
#: feeling", "sign an explicit contract first", relay run 23) names no option.
_ORDER_NAMED = re.compile(
    r"\b(?:options?|choices?|answers?)\s*\(?[A-Ja-j1-9]\)?(?!\w)|\([A-Ja-j]\)|\b(?:all|none|both|neither|either|any)\s+of\s+"
    r"(?:the\s+)?(?:above|below|these|those|them|others)\b|\b(?:the\s+)?(?:above|below)\s+(?:options?|choices?|answers?)\b"
    r"|^\W*(?:(?:both|either|only)\s+)?(?:[A-Ja-j]\s*(?:,|and|or|&)\s*)+[A-Ja-j]\W*$|^\W*(?:both|neither|all|none)(?:\s+(?:of\s+)?(?:them|these|the\s+above))?\W*$",
    re.IGNORECASE,
)
#: An explanation that names options by letter or position ("option B", "(c)", "the first two options", "all of the
#: above"); its everyday "both parts" or "the first step" names none (relay run 23 kept three keys at "A" for "both").
_ORDER_EXPLAINED = re.compile(
    r"\b(?:options?|choices?|answers?)\s*\(?[A-Ja-j1-9]\)?(?!\w)|\([A-Ja-j]\)|\b(?:first|second|third|fourth|last|"
    r"previous|preceding)\s+(?:(?:two|three)\s+)?(?:options?|choices?|answers?)\b|\b(?:of|the)\s+above\b",
    re.IGNORECASE,
)
_NUMBER_OPTION = re.compile(r"[^\w]*[−-]?\d[\d.,/]*\s*(?:%|[A-Za-z]{0,3})\W*")


def keeps_order(options: list[str], explanation: str = "") -> bool:
    """True when the options' order means something: numbers (an ordered scale), options or an explanation that
    name others by letter or place."""
    if all(_NUMBER_OPTION.fullmatch(o.strip()) for o in options):
        return True
    return any(_ORDER_NAMED.search(o) for o in options) or bool(_ORDER_EXPLAINED.search(explanation))


def place_key(
    question: str, options: list[str], answer_index: int, explanation: str = "", target: int | None = None
) -> tuple[list[str], int]:
    """The options with the key moved to ``target`` (default ``key_position(question)``) and the distractors in their
    order: a model keys most of its questions "A" (relay run 18: all seven). Options whose order means something
    (``keeps_order``) stay as they are."""
    if not 0 <= answer_index < len(options) or len(options) < 2 or keeps_order(options, explanation):
        return options, answer_index
    return move_key(options, answer_index, key_position(question, len(options)) if target is None else target)


def move_key(options: list[str], answer_index: int, target: int) -> tuple[list[str], int]:
    """The options with the key at ``target`` (modulo their count) and the distractors in their order."""
    if not 0 <= answer_index < len(options) or len(options) < 2:
        return options, answer_index
    target %= len(options)
    rest = options[:answer_index] + options[answer_index + 1 :]
    return rest[:target] + [options[answer_index]] + rest[target:], target
