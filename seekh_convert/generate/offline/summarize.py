"""Sentence centrality (tf-idf centroid), the summary and the key takeaways."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from seekh_convert.generate.offline.context import carries_context, glossed, labelled, parsed_context
from seekh_convert.generate.offline.generic import particular_penalty
from seekh_convert.generate.offline.keypoints import (
    POINTING,
    framed_point,
    label_of,
    labelled_point,
    listed_point,
    told,
    use_point,
    weight,
    what_it_is,
    when_it_happens,
)
from seekh_convert.generate.offline.point import point_title
from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence, prime
from seekh_convert.generate.offline.statements import (
    CITATION,
    citation_share,
    claim_score,
    good_title,
    is_instruction,
    is_setup,
    key_terms,
    terms_in,
)
from seekh_convert.generate.offline.terms import FIGURE_REF, Term
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Importance, Summary, SummarySentence, Takeaway
from seekh_convert.text.grammar import cut_short, opening_clause
from seekh_convert.text.standalone import leans_back
from seekh_convert.text.words import surface_words

_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|I|me|[Mm]y)\b")


def centrality(sentences: list[Sentence], terms: list[Term], idf: dict[str, float]) -> dict[int, float]:
    """Score every sentence (by ``order``): closeness to the topic centroid plus key-term and kind bonuses."""
    vectors = []
    centroid: Counter[str] = Counter()
    for s in sentences:
        vec = {k: c * idf.get(k, 1.0) for k, c in Counter(s.stems).items()}
        vectors.append(vec)
        centroid.update(vec)
    cnorm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    defs = {id(t.definition) for t in terms[:8] if t.defined}
    top_terms = [t for t in terms[:10]]
    scores: dict[int, float] = {}
    for s, vec in zip(sentences, vectors):
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        score = sum(v * centroid[k] for k, v in vec.items()) / (norm * cnorm)
        score += 0.08 * min(3, sum(1 for t in top_terms if s in t.mentions))
        score += 0.25 if id(s) in defs else 0.0
        score += 0.15 if s.block.kind is BlockKind.SUMMARY else 0.0
        score -= 0.15 if _SECOND_PERSON.search(s.text) else 0.0
        score -= 0.1 if CITATION.search(s.text) else 0.0
        score -= 0.6 * citation_share(s)
        score -= 0.25 if is_instruction(s) else 0.0
        score -= 0.1 if is_setup(s) else 0.0
        score -= 0.15 if s.n_words < 8 or not s.complete else 0.0
        score -= 0.1 if s.n_words > 45 else 0.0
        score -= 0.3 if FIGURE_REF.search(s.text) else 0.0
        score -= 0.1 * particular_penalty(s)
        scores[s.order] = score
    return scores


def rank(sentences: list[Sentence], scores: dict[int, float]) -> list[Sentence]:
    """Sentences by falling centrality; ties by source order."""
    return sorted(sentences, key=lambda s: (-scores[s.order], s.order))


def _similar(a: Sentence, b: Sentence) -> bool:
    return fuzz.token_set_ratio(a.text, b.text) >= 80


#: Candidate key points parsed at most per pick (a first-person book would otherwise have every sentence parsed).
_PARSE_BUDGET = 8


def pick_distinct(ranked: Iterable[Sentence], k: int, exclude: list[Sentence] = (), keepable: bool = False) -> list[Sentence]:
    """The first ``k`` ranked sentences that are not near-duplicates of each other or of ``exclude`` (and, with
    ``keepable``, that carry their own context: parsed only when reached, at most ``_PARSE_BUDGET`` of them)."""
    chosen: list[Sentence] = []
    tried = 0
    for s in ranked:
        if len(chosen) >= k or keepable and tried >= _PARSE_BUDGET:
            break
        if any(s is e or _similar(s, e) for e in exclude) or any(_similar(s, c) for c in chosen):
            continue
        tried += 1
        if keepable and not s.keepable:
            continue
        chosen.append(s)
    return chosen


def summary_size(n_sentences: int) -> int:
    """3 or 4 sentences, growing with the topic (fewer when fewer carry their own context)."""
    return 3 if n_sentences < 30 else 4


def summary_sentences(ranked: list[Sentence], exclude: list[Sentence] = (), terms: list[Term] = ()) -> list[Sentence]:
    """The summary's sentences, in source order: sentences that carry their own context and state something (no
    reference to a figure, no pointing opening, no talk, question or caption), first those that name a key term
    the summary does not name yet (most central first), then the most central others. Fewer sentences rather than
    filler: one sentence only when none fits."""
    size = summary_size(len(ranked))
    stating = [s for s in ranked if (s.alone and claim_score(s, []) > -0.3 or glossed(s)) and carries_context(s)]
    stating = stating[: max(30, 5 * size)]  # a summary takes its sentences among these
    fit = _Fit(stating)
    chosen = _covering(stating, list(terms[:12]), fit, size, list(exclude))
    if not chosen:  # nothing fits: the one most central sentence (a summary is never empty)
        fallback = stating or [s for s in ranked if s.alone] or ranked
        # even one the key points take, when they take every sentence (set 53: a topic whose text is all a summary box)
        chosen = pick_distinct(fallback, 1, list(exclude)) or pick_distinct(fallback, 1)
    return sorted(chosen, key=lambda s: s.order)


def _covering(candidates: list[Sentence], key: list[Term], fit: Callable[[Sentence], bool], size: int, exclude) -> list[Sentence]:
    """Up to ``size`` fit sentences of ``candidates`` (most central first): each first one that names a key term
    not named yet, then the most central of the rest (the cheap tests first: a sentence is parsed only when it
    would be taken)."""
    chosen: list[Sentence] = []
    covered: set[str] = set()

    def fresh(s: Sentence) -> bool:
        return s not in chosen and s not in exclude and not any(_similar(s, c) for c in [*chosen, *exclude])

    for s in candidates[: 3 * size + 6] if key else []:
        if len(chosen) >= size:
            break
        named = {t.key for _, t in terms_in(s, key)}
        if named - covered and fresh(s) and fit(s):
            chosen.append(s)
            covered |= named
    for s in candidates:
        if len(chosen) >= size:
            break
        if fresh(s) and fit(s):
            chosen.append(s)
    return chosen


#: Sentences parsed at a time when a summary reaches them (batched parses are about twice as fast as one at a time).
_FIT_BATCH = 4


class _Fit:
    """``summary_fit`` of the sentences of a list, each parsed only when asked about (with the next few, in one
    batch): a summary usually settles within its first candidates, and parsing every one was most of a book's time."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._todo = sentences
        self._at = {id(s): i for i, s in enumerate(sentences)}
        self._known: dict[int, bool] = {}

    def __call__(self, s: Sentence) -> bool:
        if id(s) not in self._known:
            i = self._at[id(s)]
            prime(self._todo[i : i + _FIT_BATCH])
            self._known[id(s)] = summary_fit(s)
        return self._known[id(s)]

    def any(self) -> bool:
        return any(self(s) for s in self._todo)


#: A figure caption's panel label ("Top: The fraction of ...", "(b) ...").
_CAPTION = re.compile(
    r"^\W*(?:top|bottom|left|right|above|below|inset|middle|cent(?:er|re)|panel|fig(?:ure)?\.?\s*\d*|table\s*\d*|\(?[a-h]\))\s*[:.)\u2013\u2014-]\s",
    re.I,
)
_NARRATOR = frozenset("i we you".split())
#: A sentence about the text itself ("The chapter one focuses on giving an understanding on what marketing is").
_ABOUT_THE_TEXT = re.compile(
    r"^\W*(?:the |this |in this |in the )?(?:chapter|section|unit|lecture|module|lesson|reading|handout)(?: one| \d+)?\b",
    re.I,
)


def _off_point(s: Sentence) -> bool:
    """True for a sentence about the text itself ("The chapter one focuses on ...") or one whose connective answers
    the sentence before ("State law thus clearly leaves ..."): neither is one of the topic's points."""
    return _ABOUT_THE_TEXT.match(s.display) is not None or leans_back(s.display)


#: What a figure shows ("The orange portion of some of the bars", "the vertical axis") or what the page does next.
_FIGURE_TALK = re.compile(
    r"\b(?:(?:orange|blue|red|green|gr[ae]y|shaded|dashed|dotted|solid) (?:portions?|parts?|areas?|lines?|bars?|curves?"
    r"|regions?|dots?|points?)|(?:horizontal|vertical|[xy])[- ]axis|axes|bar (?:graph|chart)|plotted|here|what follows)\b",
    re.I,
)
_DEMONSTRATIVES = frozenset("this that these those".split())
#: Adverbs of the main verb that echo what came before ("still exists", "has taken root too").
_ECHO = frozenset("still too again either anymore".split())


def _points_back(doc) -> bool:
    """True when a demonstrative determiner points at something the sentence does not name ("for this chord", "from
    that information")."""
    return any(
        t.lower_ in _DEMONSTRATIVES
        and (t.dep_ == "det" and not any(c.dep_ in ("relcl", "acl") for c in t.head.children) or t.dep_ in ("dobj", "pobj"))
        for t in doc
    )  # "The way to do this is ...": a pronoun object points back too


def summary_fit(s: Sentence) -> bool:
    """False for what a summary never says: narration ("We are going to ..."), exercise steps and instructions
    ("Maintain the interactivity ...", "Now implement ..."), figure captions ("Top: The fraction ..."), fragments
    and pronoun subjects without their noun (``parsed_context``)."""
    if _CAPTION.match(s.text) or _FIGURE_TALK.search(s.text) or not parsed_context(s):
        return False
    if _off_point(s):
        return False
    doc = s.parsed
    if _points_back(doc) or any(t.lower_ in _ECHO and t.dep_ == "advmod" and t.head.dep_ == "ROOT" for t in doc):
        return False  # "... for this chord"; "The information ... still exists": what came before is assumed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return True
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if any(c.lower_ in _NARRATOR for c in subjects):
        return False  # the writer or speaker narrates, or tells the reader what to do
    lead = [t for t in doc[: root.i] if not t.is_punct and t.pos_ not in ("ADV", "INTJ", "CCONJ")]
    return not (root.tag_ == "VB" and not subjects and not lead)  # an imperative: an instruction or exercise step


def summary_of(chosen: list[Sentence]) -> Summary:
    """The summary built from ``chosen`` sentences (kept under the 4000-character limit)."""
    return Summary(
        text=" ".join(labelled(s) for s in chosen), sentences=[SummarySentence(text=labelled(s), source=s.ref()) for s in chosen]
    )


def _importance(i: int, n: int) -> Importance:
    if i >= n:
        return Importance.LOW
    if i < max(1, round(n / 3)):
        return Importance.HIGH
    if i < max(2, round(2 * n / 3)):
        return Importance.MEDIUM
    return Importance.LOW


def own_points(ranked: list[Sentence], scores: dict[int, float], terms: list[Term], k: int = 5) -> list[Sentence]:
    """The source's own summary lines fit to be key points: claims about the topic's terms, central enough."""
    if not ranked:
        return []
    floor = sorted(scores.get(s.order, 0.0) for s in ranked)[len(ranked) // 4]
    own = [
        s
        for s in ranked
        if s.block.kind is BlockKind.SUMMARY
        and claim_score(s, terms) > -0.3
        and scores.get(s.order, 0.0) >= floor
        and terms_in(s, terms[:12])
    ]
    return pick_distinct(own, k)


def key_point_order(ranked: list[Sentence], scores: dict[int, float], terms: list[Term]) -> list[Sentence]:
    """Sentences by key-point value: centrality plus claim quality; the source's own summary lines first."""
    claims = {id(s): claim_score(s, terms) for s in ranked}
    value = {id(s): scores.get(s.order, 0.0) + 0.9 * claims[id(s)] for s in ranked}
    own = own_points(ranked, scores, terms, len(ranked))
    rest = sorted((s for s in ranked if s not in own), key=lambda s: (-value[id(s)], s.order))
    return sorted(own, key=lambda s: (-value[id(s)], s.order)) + rest


def _point(s: Sentence, keys: set[str]) -> str | None:
    """The takeaway's title: the point its sentence makes, from the parse ("Why noble gases rarely form bonds"), and
    shorter than the sentence by a good part (a title that restates or merely cuts the sentence names no point);
    "What a flashbulb memory is" for a sentence that says what its subject is; None otherwise (a bare label such
    as "European Union" is no title)."""
    point = point_title(s, keys)
    why = point is not None and point.startswith("Why ") and len(surface_words(point)) <= 10  # a clause: may end on its verb
    if point and (why or good_title(point, s.text, keys)):
        title, said = len(surface_words(point)), len(surface_words(s.text))
        if not (title <= 0.7 * said and said - title >= 4):
            point = None
    else:
        point = None
    point = point or framed_point(s, keys) or what_it_is(s) or when_it_happens(s) or listed_point(s) or use_point(s)
    if point and (point.count('"') % 2 or point.count("“") != point.count("”")):
        return None  # "“speed of sound": a quotation cut open
    return point


#: A sentence that tells what happened (a date, "In 1936, RCA hired ..."), not a point about a term.
_STORY = re.compile(r"\b(?:1[5-9]|20)\d\d\b|\b(?:was|were|had|did)\b")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
#: Candidate key points looked at (and parsed) at most per topic.
_TAKEAWAY_BUDGET = 10


def takeaway_candidates(
    ranked: list[Sentence],
    scores: dict[int, float],
    terms: list[Term],
    summary: list[Sentence],
    shown: int = 5,
    soft: list[Sentence] = (),
) -> list[Takeaway]:
    """Ranked key points (the first ``shown`` are the guide's; later ones are spares for repairs): sentences that
    state a claim about the topic's key terms, stand alone and have a title naming their point; the ones the source
    puts weight on (a labelled law or finding, its own summary, "the general rule is ...") first. Sentences of
    ``summary`` are never taken, those of ``soft`` (the guide's summary) only when fewer than two points are left."""
    order = [
        s
        for s in key_point_order(ranked, scores, terms)
        if s.alone
        and (not _SECOND_PERSON.search(s.text) and carries_context(s) or _own_line(s))
        and not _CAPTION.match(s.text)
        and not _off_point(s)
    ]
    order = order[:30]
    claims = {id(s): claim_score(s, terms) for s in order}
    good = [s for s in order if claims[id(s)] > -0.3]
    named = [s for s in good if terms_in(s, terms[:12])]
    stating = [s for s in good if claims[id(s)] > 0.0 and not is_instruction(s) and not _STORY.search(s.text)]
    named = [s for s in named if not _YEAR.search(s.text)]  # "In 2011, Daryl Bem published ...": a story
    # key points are claims about the topic's key terms, not asides; other claims only after them
    good = named + [s for s in stating if s not in named] if len(named) >= 2 else stating
    good = sorted(good, key=lambda s: -weight(s))  # stable: by key-point value within the same weight
    keys = key_terms(terms) | {t.key for t in terms[:12] if " " in t.key}
    marked = [t for t in terms if t.origin != "keyword" or t.defined]
    picked = _pick(good, keys, [*summary, *soft], [], shown, marked)
    if len(picked) < 2 and soft:
        picked = _pick(good, keys, list(summary), picked, shown, marked)
    first = [p for p in picked if weight(p[0]) == 2]
    picked = sorted(first, key=lambda p: p[0].order) + [p for p in picked if weight(p[0]) != 2]  # a law list in its order
    n = min(shown, len(picked))
    return [
        Takeaway(title=title, text=labelled(s), importance=_weighted(i, n, weight(s)), source=s.ref())
        for i, (s, title) in enumerate(picked)
    ]


def _pick(
    good: list[Sentence], keys: set[str], avoid: list[Sentence], picked: list, shown: int, marked: list[Term]
) -> list[tuple[Sentence, str]]:
    """``picked`` and more (sentence, title) pairs from ``good``, none near ``avoid`` or each other (at most
    ``_TAKEAWAY_BUDGET`` candidates looked at)."""
    picked = list(picked)
    seen = {t.casefold() for _, t in picked}
    tried = 0
    for i, s in enumerate(good):
        if len(picked) > shown or tried >= _TAKEAWAY_BUDGET:
            break
        if s.n_words > ITEM_WORDS or any(s is e or _similar(s, e) for e in avoid) or any(_similar(s, c) for c, _ in picked):
            continue
        tried += 1
        title = _titled(s, keys, good[i : i + 4], marked)
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            picked.append((s, title))
    return picked


def _titled(s: Sentence, keys: set[str], batch: list[Sentence], marked: list[Term]) -> str | None:
    """The title of a key point that stands alone, or None (``batch``: the next candidates, parsed together;
    ``marked``: the terms the source marks or defines). A line of the source's own "Key Takeaways" box may speak to
    the reader ("A thesis is your personal stance ...") and is titled by what it is about when no point is found."""
    if label_of(s) is not None:
        return labelled_point(s, keys)
    prime([b for b in batch if label_of(b) is None and b.n_words <= ITEM_WORDS])
    if _own_line(s):
        if s.n_words > ITEM_WORDS or not parsed_context(s):
            return None
        return (_point(s, keys) if s.keepable else None) or own_point_title(s)
    if not (s.keepable and parsed_context(s)) or told(s) and not terms_in(s, marked):
        return None  # "Congress ignored the request": a story's event, unless it is about a term the source marks
    return _point(s, keys)


def _own_line(s: Sentence) -> bool:
    """True for a whole sentence of the source's own summary box ("Key Takeaways", "Key Concepts"), no question."""
    return s.block.kind is BlockKind.SUMMARY and s.complete and not s.cut and "?" not in s.text


def own_point_title(s: Sentence) -> str | None:
    """A title for a line of the source's own key takeaways that ``_point`` finds none for (sets 51 and 53 left every
    such box out): "When the sample proportion is normally distributed" for "When the sample size is large the sample
    proportion is normally distributed."; "Difference between a topic and a thesis" for "The difference between a
    topic and a thesis is that ..."; "What a thesis is" for "A thesis is your personal stance ..."."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    span = doc[subj.left_edge.i : subj.right_edge.i + 1]
    if any(t.lower_ in POINTING or t.pos_ == "PRON" for t in span) or len(span) > 8:
        return None
    cond = opening_clause(root)
    if cond is not None and cut_short(cond):
        return None  # "When the sample size is | at least 30 the sample mean ...": a condition the parse cut short
    if cond is not None and any(m.lower_ in ("when", "if") for m in cond.children) and cond.right_edge.i < subj.left_edge.i:
        clause = doc[subj.left_edge.i :].text.rstrip(" .")
        if "," in clause or len(clause.split()) > 10:
            return None
        return f"When {clause[:1].lower() + clause[1:] if span[0].pos_ == 'DET' else clause}"
    whole = doc[subj.left_edge.i : root.i]  # the subject up to its verb ("The difference between a topic and a thesis")
    if root.lemma_ == "be" and any(c.dep_ == "prep" for c in subj.children) and 2 <= len(whole) <= 8:
        if whole[-1].pos_ not in ("NOUN", "PROPN") or any(t.lower_ in POINTING for t in whole):
            return None
        words = whole.text
        words = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)
        return words[:1].upper() + words[1:]
    return what_it_is(s)


def _weighted(i: int, n: int, weighted: int) -> Importance:
    """Importance by rank, raised where the source puts weight on the point."""
    rank_importance = _importance(i, n)
    if weighted == 2 or weighted == 1 and rank_importance is not Importance.LOW:
        return Importance.HIGH
    return Importance.MEDIUM if weighted == 1 else rank_importance
