"""Ranked candidates for every section of one topic's guide, and repairs that swap in the next-best ones.

The guide shows the first candidates of each section; when the quality gate drops an item, ``repair``
replaces it with the next candidate of its section that the guide does not use yet. Deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from seekh_convert.generate.offline.analysis import DocAnalysis, TopicAnalysis
from seekh_convert.generate.offline.cards import build_flashcards
from seekh_convert.generate.offline.classify import study_minutes
from seekh_convert.generate.offline.links import SHOWN, application_candidates, learn_next_candidates, prerequisite_candidates
from seekh_convert.generate.offline.questions import build_questions
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.statements import defining_score, title_words
from seekh_convert.generate.offline.summarize import own_points, summary_of, summary_sentences, takeaway_candidates
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.guide import LIST_SECTIONS, Definition, GuideContent, SummarySentence
from seekh_convert.text.terms import term_key

_SHOWN = {"key_takeaways": 5, "learn_next": SHOWN + 1, "prerequisites": SHOWN, "applications": SHOWN}
#: Spare candidates appended when every shown item of a section failed.
_EXTRA = 2


@dataclass
class Pool:
    """Every section's candidates, best first; ``shown`` of each go into the guide."""

    definitions: list[Definition]
    summary: list[Sentence]  # sentences of the summary, source order
    summary_spares: list[Sentence]
    sections: dict[str, list] = field(default_factory=dict)
    shown: dict[str, int] = field(default_factory=dict)


def main_term(ta: TopicAnalysis) -> Term | None:
    """The term the topic is about: one matching the title, else the best-ranked defined term."""
    title_key = term_key(ta.topic.title)
    defined = [t for t in ta.terms if t.defined]
    for t in defined:
        if f" {t.key} " in f" {title_key} " or fuzz.ratio(t.key, title_key) >= 85:
            return t
    return defined[0] if defined else (ta.terms[0] if ta.terms and ta.terms[0].definition else None)


def definition_candidates(ta: TopicAnalysis) -> list[Definition]:
    """The title term's real definition, then sentences that define the title or a key term, best first."""
    t = main_term(ta)
    first = [t.definition] if t is not None and t.defined else []
    words_ = title_words(ta.topic.title)
    defs = {id(d.definition): d.def_score for d in ta.terms if d.defined}
    scored = [
        (defining_score(s, words_) + ta.scores.get(s.order, 0.0) + 0.25 * min(defs.get(id(s), 0.0), 4.0), s)
        for s in ta.ranked[:80]
    ]
    out = first + [s for _, s in sorted(scored, key=lambda x: (-x[0], x[1].order))]
    seen: set[int] = set()
    result = []
    for s in out:
        if id(s) not in seen:
            seen.add(id(s))
            result.append(Definition(text=s.display, source=s.ref()))
    return result[:8]


def _fresh(extra: list, shown: list) -> list:
    dumps = {m.model_dump_json() for m in shown}
    return [m for m in extra if m.model_dump_json() not in dumps]


def build_pool(doc: DocAnalysis, ta: TopicAnalysis, title: str) -> Pool:
    """All candidates of one topic."""
    own = own_points(ta.ranked, ta.scores, ta.terms)
    summary = summary_sentences(ta.ranked, own if len(own) >= 2 else ())
    while len(" ".join(s.display for s in summary)) > 4000 and len(summary) > 1:
        summary = summary[:-1]
    in_summary = {id(s) for s in summary}
    spares = [s for s in ta.ranked if id(s) not in in_summary][:10]
    pool = Pool(definition_candidates(ta), summary, spares)
    avoid = summary + [s for s in ta.sentences if s.text == pool.definitions[0].source.quote]
    doc_terms = [t for other in doc.topics if other is not ta for t in other.terms if t.defined or t.origin != "keyword"]
    pool.sections["key_takeaways"] = takeaway_candidates(ta.ranked, ta.scores, ta.terms, avoid, _SHOWN["key_takeaways"])
    prereqs = prerequisite_candidates(doc, ta)
    shown_pre = {p.topic.casefold() for p in prereqs[: _SHOWN["prerequisites"]]}
    learn = learn_next_candidates(doc, ta)
    distinct = [c for c in learn if c.topic.casefold() not in shown_pre]
    pool.sections["learn_next"] = distinct if len(distinct) >= 2 else learn
    pool.sections["prerequisites"] = prereqs
    points = pool.sections["key_takeaways"][: _SHOWN["key_takeaways"]]
    quotes = {t.source.quote for t in points}
    apps, uses = application_candidates(ta, in_summary | {id(s) for s in ta.sentences if s.text in quotes})
    pool.sections["applications"] = apps
    cards = build_flashcards(ta.terms, ta.ranked)
    pool.sections["flashcards"] = cards + _fresh(build_flashcards(ta.terms, ta.ranked, 24, 12), cards)
    questions = build_questions(ta.terms, doc_terms, ta.ranked, title)
    pool.sections["questions"] = questions + _fresh(build_questions(ta.terms, doc_terms, ta.ranked, title, 8), questions)
    pool.shown = dict(_SHOWN, flashcards=len(cards), questions=len(questions), applications=min(max(uses, 1), SHOWN))
    return pool


def content_of(pool: Pool, doc: DocAnalysis, ta: TopicAnalysis, title: str) -> GuideContent:
    """The guide: the first candidates of every section."""
    return GuideContent(
        topic=title,
        subject=doc.subject,
        level=ta.level,
        study_time_minutes=study_minutes(ta.word_count),
        definition=pool.definitions[0],
        summary=summary_of(pool.summary),
        **{s: pool.sections[s][: max(1, pool.shown[s])] for s in LIST_SECTIONS},
    )


def _identity(section: str, model) -> str:
    """What makes two candidates the same for a section (a link's topic, a point's quote...)."""
    if section in ("learn_next", "prerequisites"):
        return "t:" + model.topic.casefold()
    if section in ("key_takeaways", "applications"):
        return "q:" + model.source.quote
    return model.model_dump_json()


def repair_content(content: GuideContent, failing: dict[str, set[int | None]], pool: Pool) -> GuideContent:
    """``content`` with each failing item replaced by the next unused candidate of its section.

    ``failing`` maps a section to the indices of its failing items (``None`` for the definition).
    When every item of a list section fails, a few more spares are appended.
    """
    update: dict[str, object] = {}
    if "definition" in failing:
        used = content.definition.source.quote
        nxt = next((d for d in pool.definitions if d.source.quote != used), None)
        if nxt is not None:
            update["definition"] = nxt
    if failing.get("summary"):
        update["summary"] = _repair_summary(content, failing["summary"], pool)
    for section in LIST_SECTIONS:
        bad = {i for i in failing.get(section, set()) if i is not None}
        if not bad:
            continue
        items = list(getattr(content, section))
        used = {_identity(section, m) for m in items}
        spares = [c for c in pool.sections.get(section, []) if _identity(section, c) not in used]
        for i in sorted(bad):
            if i < len(items) and spares:
                new = spares.pop(0)
                if section == "key_takeaways":
                    new = new.model_copy(update={"importance": items[i].importance})
                items[i] = new
        if len(bad) >= len(items):
            items += spares[:_EXTRA]
        update[section] = items
    return content.model_copy(update=update)


def _repair_summary(content: GuideContent, bad: set[int | None], pool: Pool):
    quotes = {s.source.quote for s in content.summary.sentences}
    spares = [s for s in pool.summary_spares if s.text not in quotes]
    items = list(content.summary.sentences)
    for i in sorted(i for i in bad if i is not None and i < len(items)):
        if spares:
            s = spares.pop(0)
            items[i] = SummarySentence(text=s.display, source=s.ref())
    return content.summary.model_copy(update={"text": " ".join(s.text for s in items), "sentences": items})
