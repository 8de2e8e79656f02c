"""The review rubric: would a teacher keep this item as it is? One small function per rule.

Grounded is not useful: an item can quote its source and still make no sense out of context ("Furthermore,
he feared that..."), blank a run-in heading, swap a word into nonsense or answer "What is X?" with a
sentence about Y. Each rule returns the problems it finds as ``(Reason, detail)``; the gate treats them like
its other findings (repair for the LLM engine, the next candidate for the offline engine, else drop).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from seekh_convert.check.items import GAP, fill_cloze
from seekh_convert.check.support import support
from seekh_convert.check.vocabulary import Vocabulary
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import (
    Application,
    Definition,
    Flashcard,
    Grounded,
    LearnNext,
    MultipleChoice,
    Prerequisite,
    ShortAnswer,
    SummarySentence,
    Takeaway,
    TrueFalse,
)
from seekh_convert.text.defining import asked_term, initials, not_a_definition
from seekh_convert.text.lexicon import (
    can_be_noun,
    generic_phrase,
    generic_word,
    is_acronym,
    only_function_words,
    shares_word,
    word_classes,
    zipf,
)
from seekh_convert.text.standalone import dangling_opening, fragment, run_in_heading
from seekh_convert.text.swaps import NOUN_SLOT, NUMBERISH, kind_mismatch, swapped
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import STOPWORDS, content_stems, coverage, normalized_phrase, singular, surface_words

Problem = tuple[Reason, str]


@dataclass(frozen=True)
class RubricContext:
    """What the rules may consult: the document's vocabulary (None without a source) and the topic's title."""

    vocab: Vocabulary | None = None
    title: str = ""


# -- the item stands alone ---------------------------------------------------------------------------


#: A code identifier: a call ``now()``, ``with_tz(x)``, or a name with an underscore, a dot or inner capitals
#: (``ymd_hms``, ``df.groupby``, ``OlsonNames``): a key term, never a function word or a connective.
CODE_NAME = re.compile(r"`?[A-Za-z_][\w$]*(?:\.[A-Za-z_]\w+)*(?:\([^()]{0,40}\)|(?<=[A-Za-z0-9])_\w|\.[A-Za-z_]\w)")


def code_name(text: str) -> bool:
    """True when ``text`` opens with a code identifier (``now()``, ``with_tz()``, ``ymd_hms``)."""
    m = CODE_NAME.match(text.strip())
    return m is not None and re.search(r"[()_.]", m.group(0)) is not None


def opening_problem(text: str) -> Problem | None:
    """An unresolved pronoun or connective at the start ("He feared...", "Furthermore, ...", "So close the book");
    a code identifier at the start ("now() returns ...") is a name, not the connective "now"."""
    word = None if code_name(text) else dangling_opening(text)
    return (Reason.NOT_STANDALONE, f"opens with {word!r}, which points at text the reader does not see") if word else None


def fragment_problem(text: str, sentence: bool, names: Collection[str] = ()) -> Problem | None:
    """A dangling fragment: cut off mid-sentence ("...it states that if."), unbalanced brackets, or (for
    sentence fields) starting in lower case (other than one of the source's lower-case ``names``) or with an ellipsis."""
    why = fragment(text, sentence, names)
    return (Reason.FRAGMENT, why) if why else None


_NARRATION = re.compile(
    r"(?-i:\bI(?:'m|’m|'ve|’ve|'d|’d|'ll|’ll)?\b)|\b(?:me|my|myself)\b|\b(?:yesterday|tomorrow),?\s+(?:we|i|you)\b|^\W*the answer is\b"
    r"|\b(?:today|last time|next time|next week|last week) we\b|\bwe(?:'ll| will| are going to| saw| have seen| discussed"
    r"| looked at| learned| skip| omit)\b|\byou(?:'ll| will)\b|\bto (?:my|your) (?:left|right)\b"
    r"|\b(?:this|the|our|next|previous) (?:course|lecture|class|lesson|textbook|publication|video|talk)s?\b(?! of\b)"
    r"|\bintroductory \w+ (?:textbooks|courses)\b|\byou(?:'ve|’ve| might| may have)\b|\bthat's a mouthful\b|\s--\s|\w--(?:\s|$)"
    r"|\b(?:yeah|um|uh|gonna|okay)\b",
    re.IGNORECASE,
)
_DEIXIS = re.compile(
    r"\bthe (?:first|second|third|previous|above|following|latter|former) (?:model|implication|example|one|argument|approach)\b"
    r"|\bin (?:the|this) (?:example|figure|table|demo|slide|diagram|picture)\b"
    r"|\bthis (?:line of|problem\b|idea\b|argument\b|result\b|example\b|point\b)|\bas such\b|\b(?:do|did|does) this\b"
    r"|\b(?:is|are) another\b(?! (?:name|word|term)\b)|\b(?:take|make|put) that (?!is\b|was\b|the\b|a\b|an\b|it\b|they\b|we\b|you\b|this\b)[a-z]+\b"
    r"|^\W*(?:fig(?:ure)?|table|tab)\.?\s*\d",
    re.IGNORECASE,
)


def _refers_back(m: re.Match[str], text: str) -> bool:
    """ "People distance ... as before. How much does this reduce ...?": a "this" after a whole sentence of the
    item itself points at that sentence, which the student sees (not "in this figure")."""
    said = m.group().lower()
    return (
        any(f" {w}" in f" {said}" for w in ("this", "these", "those"))
        and not said.startswith("in ")
        and re.search(r"\w[.!?]\s+\S", text[: m.start()]) is not None
    )


#: The identity matrix "I" in maths ("A − I", "(A − λiI)", "I + N"), not the first person (relay run 10: three
#: questions on Jordan vectors dropped as course narration).
_MATH_I = re.compile(
    r"(?<=[−\-+=(×·/λ])I\b|(?<=[−\-+=(×·/λ] )I\b|(?<=[a-zα-ω]\d)I\b|\bI(?=\s?[)²⁻^]|\s[−+]\s)"
    # ... and a set named I: "I′", "I = {a, b}", "if I ∈ 𝓘", "a set system (U, I)" (relay run 19's matroid cards)
    r"|\bI(?=\s?[′∈∉⊂⊆⊃⊇∪∩\\|]|['’](?![A-Za-z])|\s?[=<>≤≥]\s?[{|(\d])|(?<=[∈∉⊂⊆⊃⊇∪∩\\|{] )I\b|(?<=[∈∉⊂⊆⊃⊇∪∩\\|{])I\b|(?<=\(\w, )I(?=\))|(?<=[′'’], )I\b"
)


#: How a "does not stand alone" finding on course narration or administration starts: a teacher drops those items
#: (relay run 4: the homework prompt card, "The course plans to simulate ..."); on a model's drafts it is a note (relay
#: run 19: a set named I, "every function you will ever need").
NARRATION = "course narration"

#: How a "not a topic" finding on a link's word class ends: a guess from the last word's class, which named topics
#: defeat ("The C preprocessor and #define", "Undoing changes with reset and revert": relay runs 9 and 12), so on a
#: model's drafts it notes; a part of the book or a generic word still acts.
NOT_A_NOUN_PHRASE = "is not a noun phrase"
TOO_LONG_A_NAME = "is too long for a topic name"
#: Word-shape guesses on a link's topic (see ``NOT_A_NOUN_PHRASE``).
LINK_SHAPE_GUESSES = (NOT_A_NOUN_PHRASE, TOO_LONG_A_NAME)


#: A multiple choice's stem naming its own options: "Which of these statements defines cue?".
_AMONG_OPTIONS = re.compile(r"\b(?:which|what) of (?:these|the following) (?:statements|options|answers|choices|terms)\b", re.I)


def context_problem(text: str) -> Problem | None:
    """A card or question that narrates the course ("I'm going to...", "Yesterday we saw", "You will need this
    later") or points at what it does not show ("those interneurons", "the first model", a figure caption):
    a student cannot learn or answer it alone."""
    # the "I" of a quoted question is the quote's, not the lecturer's; the "I" of "A − λI" is the identity matrix
    text = _AMONG_OPTIONS.sub("Which", text)  # "Which of these statements defines cue?" points at its own options
    plain = _MATH_I.sub("Id", _QUOTED.sub(" ", text))
    m = next((n for n in _NARRATION.finditer(plain) if not _reader_asked(n, plain)), None)
    if m:
        return Reason.NOT_STANDALONE, f"{NARRATION} ({m.group().strip()!r}), not content"
    deixis = (d for d in _DEIXIS.finditer(text) if not _refers_back(d, text))
    m = next(deixis, None) or next((d for d in _DEMONSTRATIVE.finditer(text) if _unresolved(d, text)), None)
    if m:
        return Reason.NOT_STANDALONE, f"{m.group().strip()!r} points at something the item does not show"
    return None


#: Words after which "you will" asks the reader about their own work ("whether you will host a server", "the time you
#: will commit"), the text's second person, not the course telling what comes (relay run 13: two project-planning
#: cards dropped as course narration).
_ASKING = frozenset("whether if what how when where which who that time long much many".split())


def _reader_asked(m: re.Match[str], text: str) -> bool:
    """True when a "you will" narration match is the reader's own case in a clause ("whether you will host")."""
    if not m.group().lower().startswith(("you'll", "you will", "you’ll")):
        return False
    if text[m.end() :].split()[:1] == ["ever"]:
        return True  # "every function you will ever need": anyone's "you"
    before = text[: m.start()].split()
    return bool(before) and before[-1].lower().strip(",;:") in _ASKING


_DEMONSTRATIVE = re.compile(r"\b(?:these|those)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)(?P<after>\s+\w+)?", re.IGNORECASE)
_RESTRICTIVE = frozenset("that who which whose with in of where whom".split())


def _unresolved(m: re.Match[str], text: str) -> bool:
    """True when "these/those N" points outside the text: N is not said earlier and no clause says which."""
    noun = m.group("noun").lower()
    if noun in ("are", "were", "is", "was", "have", "had", "who", "which", "that"):
        return False
    after = (m.group("after") or "").strip().lower()
    earlier = {singular(w) for w in surface_words(text[: m.start()])}
    if re.search(r"\w[.!?]\s+\S", text[: m.start()]):
        return False  # "... body weight for 50 animals. Which structure suits these values?": the item's own case
    if re.search(r"[.!?]\s+which\b", text[m.end() :], re.IGNORECASE):
        return False  # "A bakery makes these purchases. Which one is capital?": the options are these purchases
    return after not in _RESTRICTIVE and singular(noun) not in earlier


def answer_problems(answer: str) -> list[Problem]:
    """The stand-alone rules for an answer, which is read after its question: "It ..." or "They ..." refers to
    what the question asks about; a connective ("Furthermore") or a fragment still fails."""
    opening = opening_problem(answer)
    if opening and dangling_opening(answer).lower() in _ANSWER_PRONOUNS:
        opening = None
    return [p for p in (opening, fragment_problem(answer, False)) if p is not None]


_ANSWER_PRONOUNS = frozenset("it its they their them this these".split())


def standalone_problems(text: str, sentence: bool = True, names: Collection[str] = ()) -> list[Problem]:
    """Both stand-alone rules for one text (``names``: see ``fragment_problem``)."""
    return [p for p in (opening_problem(text), fragment_problem(text, sentence, names)) if p is not None]


# -- "What is X?" is answered by a definition of X ---------------------------------------------------

_PRAISE = re.compile(
    r"^[^,;:]{1,80}?\b(?:is|are|was|were)\s+(?:one of\s+)?the\s+most\s+(?!common\b|widely\b|frequently\b|used\b|important\b)\w+",
    re.I,
)
_NAMED_AS = re.compile(r"\b(?:called|known as|named|termed)\b", re.I)
_SCENE = re.compile(r"^\W*(?:after|before|when|while|although|since|sadly|there's|there is|in \w+ circles|once|during)\b", re.I)


def definition_problem(question: str, answer: str) -> Problem | None:
    """The answer to "What is X?" must define X: not another term, not a sentence that only mentions X."""
    x = asked_term(question)
    if x is None:
        return None
    if _PRAISE.search(answer):
        return Reason.NOT_A_DEFINITION, f"the answer praises {x!r} instead of saying what it is"
    named = _NAMED_AS.search(answer)
    if named and _SCENE.match(answer) and not term_pattern(x).search(answer[: named.start()]):
        return Reason.NOT_A_DEFINITION, f"the answer only names {x!r} at the end of a sentence about something else"
    why = not_a_definition(x, answer)
    return (Reason.NOT_A_DEFINITION, why) if why else None


# -- cloze gaps --------------------------------------------------------------------------------------


def giveaway_problem(front: str, answer: str) -> Problem | None:
    """The stem gives the gap away: it repeats the answer, or spells or expands its abbreviation beside the gap."""
    rest = GAP.sub(" ", front)
    needed = content_stems(answer)
    if len(needed) > 1:  # a phrase is given away when the stem has it, not when it has its words apart
        given = f" {normalized_phrase(answer)} " in f" {normalized_phrase(rest)} "
    else:
        given = bool(needed) and coverage(needed, set(content_stems(rest))) == 1.0
    if given:
        return Reason.GAP_GIVEN_AWAY, f"the stem already contains {answer!r}"
    at = front.find("_____")
    near = front[max(0, at - 80) : at] if at >= 0 else ""
    after = re.match(r"_+\s*\(([^)]{1,60})\)", front[at:]) if at >= 0 else None
    if is_acronym(answer.strip()):
        before = surface_words(near)
        n = len(answer.strip().rstrip("s"))
        if initials(before[-n:]) == answer.strip().rstrip("s").upper():
            return Reason.GAP_GIVEN_AWAY, f"the words before the gap spell {answer!r}"
    if after and is_acronym(after.group(1).strip()) and initials(surface_words(answer)) == after.group(1).strip().upper():
        return Reason.GAP_GIVEN_AWAY, f"the abbreviation ({after.group(1)}) beside the gap spells the answer"
    if after and is_acronym(answer.strip()) and initials(surface_words(after.group(1))) == answer.strip().upper():
        return Reason.GAP_GIVEN_AWAY, f"the words beside the gap expand {answer!r}"
    return None


def gap_problems(front: str, answer: str, vocab: Vocabulary | None) -> list[Problem]:
    """A gap falls on a key term of the document: never a run-in heading, a function word or a generic word."""
    answer = re.sub(r"\s*\([^()]{1,60}\)\s*$", "", answer) or answer  # "logit (log odds)": judge the term, not its gloss
    words = surface_words(answer)
    problems: list[Problem] = []
    if code_name(answer) and len(words) <= 4:
        pass  # "with_tz()", "now()": a function's name is a key term whatever its words
    elif not words and re.search(r"\d", answer):
        pass  # "50%", "1865": the number is the fact the card asks for (relay run 6: a threshold as "a function word")
    elif not words or only_function_words(answer):
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} is a function word"))
    elif words[0].lower() in STOPWORDS or words[-1].lower() in STOPWORDS:
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} starts or ends with a function word"))
    elif run_in_heading(front) and len(words) <= 5:
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} is a run-in heading, not part of the sentence"))
    elif len(words) == 1 and _everyday(words[0]) and not (vocab and _marked(vocab, answer)):
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} is a generic word"))
    elif (
        len(words) == 1
        and vocab is not None
        and not vocab.is_key_term(answer)
        and not _technical_adjective(words[0])
        and not _part_of_key_term(front, answer, vocab)
    ):
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} is not a key term of the document"))
    elif len(words) > 1 and generic_phrase(answer) and not (vocab and vocab.is_key_term(answer)):
        problems.append((Reason.WEAK_GAP, f"the gap {answer!r} is generic words only"))
    giveaway = giveaway_problem(front, answer)
    if giveaway:
        problems.append(giveaway)
    return problems


def _part_of_key_term(front: str, answer: str, vocab: Vocabulary) -> bool:
    """The gap is a word of a key term the front completes around it ("_____ procedures": Clark-Wilson's
    "transformation procedures"; relay run 6)."""
    before, _, after = front.partition(GAP.search(front).group(0)) if GAP.search(front) else (front, "", "")
    prev, nxt = surface_words(before)[-1:], surface_words(after)[:1]
    return any(vocab.is_key_term(" ".join(p)) for p in ([*prev, answer], [answer, *nxt]) if len(p) == 2)


#: Zipf frequency from which a single word is everyday English ("states", "brain", "people"): a gap on it tests
#: nothing unless the source marks, defines or titles it.
EVERYDAY_ZIPF = 4.9


#: Zipf frequency below which an adjective is technical ("orthographic", "logarithmic"): a gap on it tests a term.
RARE_ADJECTIVE_ZIPF = 3.5


def _technical_adjective(word: str) -> bool:
    """A rare adjective names a kind ("The _____ projection" -> orthographic): a term to test."""
    low = word.lower()
    return "ADJ" in word_classes(low) and zipf(low) < RARE_ADJECTIVE_ZIPF


def _everyday(word: str) -> bool:
    low = word.lower()
    if _technical_adjective(word):
        return False
    return generic_word(word) or not is_acronym(word) and zipf(low) >= EVERYDAY_ZIPF


def _marked(vocab: Vocabulary, phrase: str) -> bool:
    key = term_key(phrase)
    return key in vocab.marked or key in vocab.defined or key in vocab.titles


# -- true/false swaps and distractors -----------------------------------------------------------------


def _same_kind(old: list[str], new: list[str], before: str, vocab: Vocabulary | None) -> str | None:
    """Why ``new`` is not of the same kind as ``old`` in the slot after ``before`` (None when it is)."""
    why = kind_mismatch(old, new, before, lambda w: vocab is not None and _marked(vocab, w))
    known = vocab is None or vocab.is_key_term(" ".join(new)) or new[0][:1].isupper()
    if why is None and not known and not all(NUMBERISH.match(w) for w in new):
        return f"{' '.join(new)!r} is not a term of the document"
    return why


def swap_problem(tf: TrueFalse, vocab: Vocabulary | None) -> Problem | None:
    """A false statement made by swapping one term must swap in a term of the same kind (so it stays meaningful)."""
    if tf.answer:
        return None
    swap = swapped(tf.source.quote, tf.statement)
    if swap is None:
        return None
    if _opposites(swap[0], swap[1]):
        return None  # "after" for "before", "two" for "one": a clean falsehood
    why = _same_kind(*swap, vocab)
    if why is None:
        old, new = " ".join(swap[0]), " ".join(swap[1])
        why = f"swaps {new!r} for {old!r} in the quoted sentence: a falsehood only when the two are opposites"
    return (Reason.NONSENSE_SWAP, why) if why else None


_OPPOSITES = [
    frozenset(p.split("/"))
    for p in """up/down more/less higher/lower increase/decrease increases/decreases increased/decreased larger/smaller
    greater/smaller bigger/smaller before/after above/below faster/slower first/last always/never all/none
    positive/negative maximum/minimum max/min inside/outside left/right true/false excitatory/inhibitory
    excitation/inhibition rises/falls rise/fall early/late earlier/later most/least many/few can/cannot
    is/isn't are/aren't does/doesn't with/without sufficient/necessary direct/inverse""".split()
]


def _opposites(old: list[str], new: list[str]) -> bool:
    """True when a one-place swap turns the statement round: a number for another, or a word for its opposite
    ("up" for "down"). Swapping one noun for another ("elasticity" for "scale") makes nonsense or stays true."""
    if all(NUMBERISH.match(w) for w in old + new):
        return True
    a, b = {w.lower() for w in old}, {w.lower() for w in new}
    return any(len(pair & a) == 1 and len(pair & b) == 1 and pair & a != pair & b for pair in _OPPOSITES)


def _sentence_like(text: str) -> bool:
    return len(surface_words(text)) >= 7 or text.rstrip().endswith((".", "!", "?"))


_NOUN_PHRASE = re.compile(
    r"^\W*(?:the|a|an)\s+\w+(?:\s+\w+)?\s+(?:of|over|on|in|for|with|from|between|concentrated|based)\b", re.I
)


def _same_opening(option: str, answer: str) -> bool:
    """Both open with an -ing word: tasks named alike ("Marking survey wage data as correct or incorrect" beside
    "Writing the survey's questions"), one kind however long."""
    first = [surface_words(t)[:1] for t in (option, answer)]
    if all(w and len(w[0]) > 4 and w[0].lower().endswith("ing") for w in first):
        return True
    return _same_lead(option, answer)


def _same_lead(option: str, answer: str) -> bool:
    """Both open with the same word other than an article: one family ("git log" beside the key "git blame",
    "To make the push upload faster" beside "To avoid overwriting others' changes"; relay run 12)."""
    words = [surface_words(t) for t in (option, answer)]
    if not all(len(w) >= 2 for w in words):
        return False
    lead = words[0][0].lower()
    return lead == words[1][0].lower() and lead not in ("the", "a", "an")


#: Zipf frequency from which a one-word key is an everyday word, whose distractors may be everyday words too.
ALIKE_ZIPF = 4.0


#: A number in an option that is no part of a name ("3-D array") nor of a formula ("ℙ(X = 2)" beside "𝔼[X²]").
_STRAY_NUMBER = re.compile(r"(?<![=(\[,^])(?<![=(\[,^] )\b\d+\b(?!-?[A-Za-z]\b)(?!\s*[)\]])")


def distractor_problem(mc: MultipleChoice, vocab: Vocabulary | None) -> Problem | None:
    """Distractors are of the answer's kind: terms for a term, statements for a statement; no generic word,
    no stray numbering ("algorithm 1"), no verb or adverb where the answer is a noun."""
    answer = mc.answer
    others = [o for i, o in enumerate(mc.options) if i != mc.answer_index]
    if _sentence_like(answer):
        odd = next((o for o in others if not _sentence_like(o) and len(surface_words(o)) <= 2), None)
        return (Reason.DISTRACTOR_KIND, f"{odd!r} is a term among statements") if odd else None
    numeric = bool(re.search(r"\d", answer))
    phrase = len(surface_words(answer)) >= 5  # "Denied, because reading down is forbidden": a verdict with its reason
    for option in others:
        if _same_opening(option, answer) or (numeric and re.search(r"\d", option)):
            continue  # "About 10%" beside the key "About 55%" is a number like it (relay run 6)
        words = surface_words(option)
        if _sentence_like(option) and not _NOUN_PHRASE.match(option) and not phrase:
            return Reason.DISTRACTOR_KIND, f"{option!r} is a statement among terms"
        if _STRAY_NUMBER.search(option) and not re.search(r"\d|[²³]", answer) and len(words) <= 3:
            return Reason.DISTRACTOR_KIND, f"{option!r} carries a number the answer does not"
        named = re.search(rf"(?<!\w){re.escape(option.strip())}(?!\w)", mc.question)  # a variable the stem shows
        key = surface_words(answer)
        alike = len(key) == 1 and zipf(key[0].lower()) >= ALIKE_ZIPF  # "Green" beside the key "Yellow": one kind
        if len(words) == 1 and generic_word(words[0]) and not (vocab and _marked(vocab, option)) and not named and not alike:
            return Reason.DISTRACTOR_KIND, f"{option!r} is a generic word"
        head = surface_words(answer)[-1:] or [""]
        if words and can_be_noun(head[0]) and not can_be_noun(words[-1]):
            return Reason.DISTRACTOR_KIND, f"{option!r} is not a noun like the answer {answer!r}"
    return None


# -- templated text, titles, applications, links -------------------------------------------------------

_TEMPLATES = re.compile(
    r"\bexplain the main (?:point|idea)\b|\bthe source makes about\b|^\W*complete the idea\b"
    r"|\bwhat does the (?:source|text|document|author) say about\b|\breturns to\b|\bis used here without being explained\b"
    r"|\bis only introduced briefly here\b|\bstudy it in more depth\b|\bis mentioned here but not explained\b"
    r"|\bcomes up in .{1,80}, before this topic\b|\bis named here as background\b|\bgo deeper into\b"
    r"|\bbuilds on .{1,120}, introduced in this topic\b|\brefers ahead to\b|^\W*defined in\b"
    r"|^\W*(?:the|this) (?:text|source|author|document|lecturer|speaker|passage) (?:says|states|notes|explains) that\b",
    re.IGNORECASE,
)
_META = frozenset(
    """explain describe discuss summarise summarize main point points idea ideas source text document author says
    say makes make about topic section chapter key important what why how which true false statement""".split()
)


def templated_problem(text: str) -> Problem | None:
    """A stem or reason written from a template ("Explain the main point the source makes about X")."""
    m = _TEMPLATES.search(text)
    if m:
        return Reason.TEMPLATED, f"templated wording {m.group().strip()!r}"
    return None


def question_template_problem(question: str, title: str) -> Problem | None:
    """A question that asks nothing but the topic's name back ("Describe Memory Stores.")."""
    found = templated_problem(question)
    if found or asked_term(question) is not None or GAP.search(question):
        return found
    title_stems = set(content_stems(title))
    left = [s for s in content_stems(question) if s not in title_stems and s not in _META]
    return None if left else (Reason.TEMPLATED, "the question asks nothing beyond the topic's name")


_COUNTED = re.compile(r"^\W*(?:two|three|four|five|six|several|some|many|a few|various|other|more|different)\b", re.I)


def title_problem(title: str, text: str, vocab: Vocabulary | None, quote: str = "") -> Problem | None:
    """A takeaway or application title names its point: words of its text or its quote, not "Hence", "Write" or
    "Two possible solutions". A short clause ("Comparing variation is tricky") titles a point as well as a noun
    phrase does, so the form of the title is not judged."""
    words = surface_words(title)
    if not words or only_function_words(title):
        return Reason.UNTITLED_POINT, f"{title!r} names nothing"
    if len(words) > 12:
        return Reason.UNTITLED_POINT, f"{title!r} is a sentence, not a title"
    if len(words) == 1 and generic_word(words[0]) and not (vocab and _marked(vocab, title)):
        return Reason.UNTITLED_POINT, f"{title!r} is a generic word"
    if _COUNTED.match(title) and len(words) <= 3:
        return Reason.UNTITLED_POINT, f"{title!r} counts its points instead of naming them"
    first = surface_words(text)[:2]
    opens_with = len(words) == 1 and len(first) == 2 and first[0].lower() == words[0].lower()
    if opens_with and first[1].lower() in NOUN_SLOT and "VERB" in word_classes(words[0]):
        return Reason.UNTITLED_POINT, f"{title!r} is the verb the text opens with"
    said = f"{text} {quote}"
    if not shares_word(title, said) and support(title, set(content_stems(said)))[0] == 0.0:
        return Reason.UNTITLED_POINT, f"{title!r} names nothing its text or quote is about"
    return None


_STRUCTURAL = frozenset(
    name.strip()
    for name in """list of tables|list of figures|list of illustrations|contents|table of contents|index|introduction|summary
    |references|bibliography|appendix|preface|foreword|acknowledgements|acknowledgments|glossary|exercises
    |review questions|key terms|applications|conclusion|conclusions|licence|license|copyright|notes|abstract
    |overview|further reading""".split("|")
)


def link_problem(link: LearnNext | Prerequisite, ctx: RubricContext) -> Problem | None:
    """A prerequisite or learn-next item names a topic: a specific noun phrase or a topic of the document."""
    topic = link.topic.strip()
    words = surface_words(topic)
    key = " ".join(w.lower() for w in words)
    if key.strip() in _STRUCTURAL:
        return Reason.NOT_A_TOPIC, f"{topic!r} is a part of the book, not a topic"
    if ctx.vocab is not None and term_key(topic) in ctx.vocab.titles:
        return None
    head, colon, _ = topic.partition(":")
    if colon and surface_words(head):  # "Index of refraction: why light slows down in a material": its name, then a gloss
        words = surface_words(head)
    if not words:
        return Reason.NOT_A_TOPIC, f"{topic!r} is not a topic name"
    if len(words) > 8:
        return Reason.NOT_A_TOPIC, f"{topic!r} {TOO_LONG_A_NAME}"
    if len(words) == 1 and generic_word(words[0]) and not (ctx.vocab and _marked(ctx.vocab, topic)):
        return Reason.NOT_A_TOPIC, f"{topic!r} is a generic word"
    if not (can_be_noun(words[-1]) or is_acronym(words[-1]) or words[-1][:1].isupper() or _CODE_NAME.search(topic)) and not (
        _plural_head(words) or _gerund_phrase(words)
    ):
        return Reason.NOT_A_TOPIC, f"{topic!r} {NOT_A_NOUN_PHRASE}"
    return None


def _gerund_phrase(words: list[str]) -> bool:
    """A topic named by what one does ("Undoing changes with reset and revert", "Resolving merge conflicts"; relay
    run 12 dropped the first as "not a noun phrase"): an -ing word leading a phrase of three words or more."""
    lead = words[0].lower()
    return len(words) >= 3 and len(lead) > 5 and lead.endswith("ing") and lead not in STOPWORDS


def _plural_head(words: list[str]) -> bool:
    """A plural after a modifier is a noun the lexicon knows only as a verb ("C++ templates", "Unix pipes"; relay run
    10), not a verb after its subject ("it compiles", "to define")."""
    last, before = words[-1], words[-2].lower() if len(words) > 1 else ""
    subject = before in STOPWORDS or before in ("it", "he", "she", "this", "that", "which", "who")
    return len(words) > 1 and last.islower() and last.endswith("s") and not last.endswith("ss") and not subject


#: A topic ending in a name from code ("#define", "printf()", "std::vector", "`assert`", "malloc_trim"): a name,
#: whatever its word class (relay run 9: "The C preprocessor and #define" dropped as "not a noun phrase").
_CODE_NAME = re.compile(r"(?:^|\s)(?:#\w+|`[^`]+`|\w+\(\)|\w+(?:::|\.|_)\w+)\W*$")


def link_reason_problem(link: LearnNext | Prerequisite) -> Problem | None:
    """The reason for a link is drawn from the source, not a template."""
    return templated_problem(link.why or "")


# -- the dispatcher ----------------------------------------------------------------------------------


def _flashcard_problems(card: Flashcard, ctx: RubricContext) -> list[Problem]:
    if card.kind == "cloze":
        out = gap_problems(card.front, card.back, ctx.vocab)
        filled = fill_cloze(card.front, card.back)
        return out + standalone_problems(filled, names=_names(ctx)) + [p for p in (context_problem(filled),) if p]
    out = [p for p in (definition_problem(card.front, card.back), templated_problem(card.front)) if p]
    out += [p for p in (context_problem(f"{card.front} {card.back}"),) if p]
    return out + (answer_problems(card.back) if _sentence_like(card.back) else [])


def _question_problems(q: Grounded, ctx: RubricContext) -> list[Problem]:
    stem = q.statement if isinstance(q, TrueFalse) else q.question  # type: ignore[attr-defined]
    out = [p for p in (context_problem(stem),) if p]
    return out + _kind_problems(q, ctx)


def _kind_problems(q: Grounded, ctx: RubricContext) -> list[Problem]:
    if isinstance(q, TrueFalse):
        return standalone_problems(q.statement, names=_names(ctx)) + [p for p in (swap_problem(q, ctx.vocab),) if p]
    if isinstance(q, ShortAnswer):
        out = [p for p in (definition_problem(q.question, q.answer), question_template_problem(q.question, ctx.title)) if p]
        return out + (answer_problems(q.answer) if _sentence_like(q.answer) else [])
    assert isinstance(q, MultipleChoice)
    numeric = all(NUMBERISH.match(w) for w in q.answer.split())  # a year or number among years: a fact, not a term
    out = gap_problems(q.question, q.answer, ctx.vocab) if GAP.search(q.question) and not numeric else []
    quoted = _QUOTED.search(q.question)  # a statement the question quotes must stand alone too
    if quoted:
        out += [p for p in (opening_problem(fill_cloze(quoted.group(1), q.answer)),) if p]
    return out + [p for p in (distractor_problem(q, ctx.vocab), question_template_problem(q.question, ctx.title)) if p]


#: A quoted statement: opens and closes on a non-space (the text between two quoted values, as in
#: 'x = "hello" and then x = "good bye"', is not one). Its words are the quote's, not the item's own voice (narration).
_QUOTED = re.compile(r"[“\"](?=\S)([^”\"]{12,})(?<=\S)[”\"]")


def rubric_problems(model: Grounded, ctx: RubricContext, in_paragraph: bool = False) -> list[Problem]:
    """Every rubric problem of one item (``in_paragraph``: a summary sentence after the first, which is read
    after the sentence before it, so "It ..." or "However, ..." has its referent there)."""
    names = _names(ctx)
    if in_paragraph:
        return [p for p in (fragment_problem(model.text, True, names),) if p]  # type: ignore[attr-defined]
    if isinstance(model, (Definition, SummarySentence)):
        return standalone_problems(model.text, names=names)
    if isinstance(model, (Takeaway, Application)):
        found = title_problem(model.title, model.text, ctx.vocab, model.source.quote)
        return _under_title(standalone_problems(model.text, names=names), model.text, model.title) + ([found] if found else [])
    if isinstance(model, (LearnNext, Prerequisite)):
        return [p for p in (link_problem(model, ctx), link_reason_problem(model)) if p]
    if isinstance(model, Flashcard):
        return _flashcard_problems(model, ctx)
    return _question_problems(model, ctx)


def _names(ctx: RubricContext) -> Collection[str]:
    """The source's own lower-case names ("git revert undoes ..." opens no cut sentence where the source writes so)."""
    return ctx.vocab.lower_names if ctx.vocab is not None else ()


_TITLED = re.compile(r"^\W*(?:this|these|such)\s+(?P<noun>[A-Za-z][\w-]*)", re.IGNORECASE)


def _under_title(problems: list[Problem], text: str, title: str) -> list[Problem]:
    """A takeaway's or application's text is read under its title: "These platforms act as marketplaces ..." under
    "Online platforms such as Amazon, Ola and Swiggy" points at the title (relay run 12), not at unseen text."""
    m = _TITLED.match(text)
    if m is None or singular(m.group("noun").lower()) not in {singular(w.lower()) for w in surface_words(title)}:
        return problems
    return [p for p in problems if p[0] is not Reason.NOT_STANDALONE]
