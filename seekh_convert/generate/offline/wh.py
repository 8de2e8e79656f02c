"""Purpose and means wh-questions transformed from a parsed clause (Heilman and Smith 2010): "Paging is used to avoid
external fragmentation." asks "Why is paging used?" (answer "To avoid external fragmentation."), "pivot_wider() makes
datasets wider by increasing columns." asks "How does pivot_wider() make datasets wider?" (answer "By increasing
columns."). Only where the sentence stands alone, its subject names a key term of the topic, the clause says "to ...",
"so that ...", "in order to ..." or "by ...ing" of the main verb itself, and nothing left in the question leans on
context; the answer is the source's own phrase, so the question is a short answer graded on it."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.ask import asks_for
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.guide import MultipleChoice, ShortAnswer
from seekh_convert.text import parse
from seekh_convert.text.grammar import cut_short, opening_clause
from seekh_convert.text.lexicon import generic_word, zipf

_PRONOUN = re.compile(
    r"\b(?:this|these|those|it|its|they|them|their|he|she|his|her|him|we|our|us|you|your|I|such|above|below)\b", re.I
)
#: Verbs whose "X ... to Y" is no purpose: "allow users to", "want to", "ask him to".
#: Words that point at the text around the sentence ("the next example", "this figure").
_CONTEXT = re.compile(r"\b(?:example|figure|fig|table|exercise|next|previous|following|above|below|earlier|later)\b", re.I)
_NOT_PURPOSE = frozenset(
    "allow ask want tell force help cause enable require expect let permit encourage need seem appear tend try begin "
    "start continue like love hate prefer have be get go come make lead intend plan hope decide fail refuse consider show say "
    "believe think know find assume suppose see seem prove expect authorize authorise empower instruct order direct "
    "oblige compel invite advise urge warn persuade convince train teach entitle forbid prohibit remind mean".split()
)  # "authorizes a principal to suspend a student": whom it allows to do what, not why (offline set 14)
#: What a sentence must show, unparsed, before it is parsed: "to <verb>", "so that", "by <verb>ing", a year.
_MAY_HOLD = re.compile(
    r"\b(?:to (?!the\b|this\b|that\b|these\b|those\b|its\b|their\b|his\b|her\b|be\b|and\b)[a-z]{3,}|so that|"
    r"by [a-z]{3,}ing|in (?:1[0-9]|20)\d\d)\b"
)
_OPENS_BADLY = re.compile(
    r"^(?:this|these|those|that|it|they|he|she|we|you|i|there|here|so|but|and|or|then|thus|however)\b", re.I
)
_YEAR = re.compile(r"^(?:1[0-9]|20)\d\d$")
_GLUED = re.compile(r"->|\u2192|(?:^|\s)\d+(?:\.\d+)+\s+[A-Z]")
_DO = {"VBZ": "does", "VBP": "do", "VBD": "did"}
_WORDS = (7, 35)


def _purpose(root):
    """The "to ..."/"so that ..."/"in order to ..." clause of ``root`` (a token), or None."""
    for c in root.children:
        if c.i < root.i or c.dep_ not in ("advcl", "xcomp"):
            continue
        first = c.left_edge
        words = [t.lower_ for t in c.subtree][:3]
        if words[:2] == ["so", "that"] or words[:3] == ["in", "order", "to"]:
            return c
        after = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
        if after is not None and after.tag_ == "TO":
            continue  # "swap processes to disk to free memory": "to disk" misread as a verb
        if c.lemma_ == "be":
            continue  # "is considered to be ...": a raising verb, no purpose
        if c.lemma_ in ("mean", "refer", "denote", "describe", "designate", "indicate") and root.lemma_ == "use":
            continue  # "The term industry is also used to mean groups of firms ...": a usage, no purpose (set 28)
        if first.tag_ == "TO" and first.head.i == c.i and c.tag_ == "VB" and root.lemma_ not in _NOT_PURPOSE:
            if c.dep_ == "xcomp" and not any(x.dep_ in ("dobj", "auxpass") for x in root.children):
                continue  # "X wants to ...": a complement, not a purpose
            return c
    return None


def _means(root):
    """The "by ...ing" phrase of ``root``, or None."""
    for c in root.children:
        by = c.i > root.i and c.dep_ == "prep" and c.lower_ == "by"
        if by and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return c
    return None


def _demonstrative(tokens) -> bool:
    """True when a token is "that"/"this" pointing back ("that method"), not a relative "that"."""
    return any(t.lower_ in ("that", "this", "these", "those") and t.tag_ == "DT" for t in tokens)


def _time(root):
    """The "in 1996"/"on 4 May 1998" phrase of ``root`` that names a year, or None."""
    for c in root.children:
        if c.i > root.i and c.dep_ == "prep" and c.lower_ in ("in", "on", "during"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and any(_YEAR.match(t.text) and not _in_clause(t, c) for t in c.subtree):
                return c
    return None


def _in_clause(tok, top) -> bool:
    """True when ``tok`` sits in a clause under ``top`` ("in the United States, where the share approached 50% in
    2010": the year dates the relative clause, not the phrase, which names a place)."""
    for a in tok.ancestors:
        if a is top:
            return False
        if a.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
    return False


def _subject(doc, root, terms: list[Term]):
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i != 0 or subj.pos_ == "PRON" or subj.tag_ == "WDT":
        return None
    span = doc[0 : subj.right_edge.i + 1]
    if _PRONOUN.search(span.text) or _demonstrative(span):
        return None
    if any(asks_for(t) and t.pattern.search(span.text) for t in terms):
        return span
    specific = subj.pos_ in ("NOUN", "PROPN") and not generic_word(subj.lower_) and zipf(subj.lower_) < 4.0
    # a specific noun the topic does not list ("fimbriae"), not "people"; or a name ("The Subsidiary Alliance", set 44)
    named = sum(1 for t in span if t.pos_ == "PROPN" and t.text[:1].isupper()) >= 2 and subj.pos_ == "PROPN"
    return span if specific or named else None


def _lower_first(span, terms: list[Term]) -> str:
    """The subject as it reads after "Why does": a sentence-initial capital lowered, a name (a term the source writes
    with that capital) or an acronym kept."""
    first = span[0]
    named = any(t.text.split()[:1] == [first.text] for t in terms)
    lowered = any(t.text.split()[:1] == [first.lower_] for t in terms)  # "pili": the source's term is lower case
    keep = first.pos_ == "PROPN" and (named or not lowered) or any(ch.isupper() for ch in first.text[1:])
    lead = first.text if keep else first.lower_
    return (lead + first.whitespace_ + "".join(t.text_with_ws for t in span[1:])).strip()


def _stem(doc, root, subj, cut, terms: list[Term]) -> str | None:
    """The question body: auxiliary (or do-support), subject, verb, the rest of the clause without ``cut`` (None: the
    whole clause)."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i and c.i > subj.end - 1]
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "Why does X not ...?": the source's negation makes a trick question
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in root.children):
        return None  # "When was X published and was a parallel ...?": a second predicate tacked on (set 17)
    drop = {t.i for t in cut.subtree} if cut is not None else set()
    if cut is not None and cut.i > 0 and doc[cut.left_edge.i - 1].text == ",":
        drop.add(cut.left_edge.i - 1)
    tail = [t for t in doc[root.i + 1 :] if t.i not in drop and not (t.is_punct and t.i == len(doc) - 1)]
    if any(t.text in (",", ";", ":") for t in tail):
        return None  # "How do helicopters create lift, thereby ...?": a second clause left hanging
    if cut is not None and cut.dep_ != "prep" and any(t.i > max(drop) for t in tail if not t.is_punct):
        return None  # the purpose sits inside the clause, not at its end: the question would read out of order
    if auxes:
        first, *more = auxes
        middle = [t for t in doc[subj.end : root.i] if t.i != first.i]
        verb = root.text
        lead = first.lower_
    else:
        if root.tag_ not in _DO:
            return None
        middle = list(doc[subj.end : root.i])
        verb = root.lemma_
        lead = _DO[root.tag_]
    words = [lead, _lower_first(subj, terms), *(t.text for t in middle), verb]
    body = " ".join(w for w in words if w)
    rest = "".join(t.text_with_ws for t in tail).strip().rstrip(" ,;:")
    return f"{body} {rest}".strip() if rest else body


def clause_question(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "Why ...?" from a purpose clause, "How ...?" from a "by ...ing" phrase, or None."""
    if "_" in s.text and "__" in s.text.replace("\\", "") or "?" in s.text:
        return None  # an exercise's blank ("depend on ________ to ...")
    if _CONTEXT.search(s.text) or _GLUED.search(s.text):
        return None  # (an arrow or a numbered heading run in: "4.2 UDP-> UDP, on the other hand, is usually used to ...")
    if s.cut or not _WORDS[0] <= s.n_words <= _WORDS[1] or not s.text.endswith(".") or "(" in s.text.replace("()", ""):
        return None
    if not _MAY_HOLD.search(s.text) or _OPENS_BADLY.match(s.text) or not s.alone or not s.keepable:
        return None  # parse only sentences that may hold the clause and stand alone
    if re.search(r"[A-Za-z]:\s", s.text):
        return None  # "Error Detection and Correction: Protocols often ... to ensure ..." (set 55): a label run in
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or root.lemma_ == "be":
        return None
    subj = _subject(doc, root, terms)
    if subj is None:
        return None
    for word, cut in (("Why", _purpose(root)), ("How", _means(root)), ("When", _time(root))):
        if cut is None:
            continue
        answer = "".join(t.text_with_ws for t in cut.subtree).strip().rstrip(" .;:,")
        if len(answer.split()) < (2 if word == "When" else 3) or _PRONOUN.search(answer) or _demonstrative(cut.subtree):
            continue
        body = _stem(doc, root, subj, cut, terms)
        if body is None or _PRONOUN.search(body) or _demonstrative(doc) or len(body.split()) < 3:
            continue
        answer = answer[:1].upper() + answer[1:] + "."
        return ShortAnswer(
            question=f"{word} {body}?",
            answer=answer,
            accept=[answer.rstrip(".")[:100]],
            explanation=f"The source says: “{s.display}”",
            source=s.ref(),
        )
    return None


#: A year that opens the sentence: "In 1851 Governor General Lord Dalhousie described the kingdom of Awadh as ...".
#: An era after the year is the date's, not the sentence's subject ("In 1608 AD, the first English ship ...", set 66's
#: history notes had asked "When did AD, the first hector ship, ... arrive in Surat?").
_FRONTED_YEAR = re.compile(
    r"^(?:In|During)\s+(?:((?:1[5-9]|20)\d\d)(?:\s*(?:AD|A\.D\.|CE|C\.E\.))?|(\d{3,4})\s*(BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE))"
    r"\s*,?\s+(?=[A-Za-z])"
)


def fronted_when(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "When did X ...?" from a sentence opening "In 1851, X ...", the rest of the sentence a clause about a name or a
    key term that stands alone (set 44's NCERT history chapter gave no question in a 1,910-word topic of dates)."""
    m = _FRONTED_YEAR.match(s.text)
    if m is None or s.cut or not s.alone or not s.keepable or not _WORDS[0] <= s.n_words <= _WORDS[1] or "?" in s.text:
        return None
    if _CONTEXT.search(s.text) or not s.text.endswith(".") or "(" in s.text or "“" in s.text or '"' in s.text:
        return None
    rest = s.text[m.end() :]
    doc = parse.parse(rest[:1].upper() + rest[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or root.lemma_ == "be" or (subj := _subject(doc, root, terms)) is None:
        return None
    if not any(t.pos_ == "PROPN" for t in subj):
        return None  # who or what did it is named ("the most serious nuclear plant disaster involved ..." is no event)
    body = _stem(doc, root, subj, None, terms)
    if body is None or _PRONOUN.search(body) or _demonstrative(doc) or len(body.split()) < 4:
        return None
    year = m.group(1) or f"{m.group(2)} {m.group(3).replace('.', '')}"  # "In 1608." or "In 326 BC."
    return ShortAnswer(
        question=f"When {body}?",
        answer=f"In {year}.",
        accept=[year],
        explanation=f"The source says: “{s.display}”",
        source=s.ref(),
    )


def _with_years(q: ShortAnswer, years: list[str]) -> ShortAnswer | MultipleChoice:
    """A "When ...?" whose answer is a bare year as multiple choice, the options three other years the same topic
    names (the nearest first); the short answer when the topic names fewer."""
    m = re.fullmatch(r"In ((?:1[5-9]|20)\d\d)\.", q.answer)
    if m is None or not q.question.startswith("When "):
        return q
    key = int(m.group(1))
    others = sorted((y for y in years if int(y) != key), key=lambda y: (abs(int(y) - key), y))[:3]
    if len(others) < 3:
        return q
    options = sorted([*others, m.group(1)])
    return MultipleChoice(
        question=q.question, options=options, answer_index=options.index(m.group(1)), explanation=q.explanation, source=q.source
    )


#: A condition that opens the sentence: "When the sample size is at least 30 the sample mean is normally distributed."
_FRONTED_IF = re.compile(r"^(?:When|If|Whenever|Once)\s+(?=[a-z])")


def condition_question(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "When is the sample mean normally distributed?" (answer "When the sample size is at least 30.") from a sentence
    that opens on its condition, the rest a clause about a key term or a specific noun that stands alone (set 51's
    and 53's chapters state their key points so and got no question). ``clause_questions`` keeps only a question one
    sentence answers."""
    if _FRONTED_IF.match(s.text) is None or s.cut or not s.alone or not s.keepable or "?" in s.text:
        return None
    if not _WORDS[0] <= s.n_words <= _WORDS[1] or not s.text.endswith(".") or _CONTEXT.search(s.text) or "(" in s.text:
        return None
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    cond = opening_clause(root) if root is not None else None
    if cond is None or root.i <= cond.right_edge.i or cut_short(cond):
        return None  # "When the sample size is | at least 30 the sample mean ...": the parse cut the condition short
    condition = doc[: cond.right_edge.i + 1].text.rstrip(" ,")
    rest = doc[cond.right_edge.i + 1 :].text.lstrip(" ,")
    if len(condition.split()) < 4 or _PRONOUN.search(condition) or _demonstrative(cond.subtree):
        return None
    main = parse.parse(rest[:1].upper() + rest[1:])
    top = next((t for t in main if t.dep_ == "ROOT"), None)
    if top is None or top.pos_ not in ("VERB", "AUX") or (subj := _subject(main, top, terms)) is None:
        return None
    if any(t.lower_ in ("would", "could", "might") for t in main) or any(
        t.dep_ == "conj" and t.pos_ in ("VERB", "AUX", "ADJ") and t.head.i >= top.i for t in main
    ):
        return None  # "If matter always stayed the same, chemistry would be ...": no fact; "... and are more likely ..."
    if top.lemma_ == "be" and not any(c.dep_ in ("aux", "auxpass") for c in top.children):
        if any(c.dep_ in ("neg", "conj") for c in top.children) or not top.tag_.startswith("VB"):
            return None
        tail = main[top.i + 1 :].text.rstrip(" .")
        body = f"{top.lower_} {_lower_first(subj, terms)} {tail}" if "," not in tail else None
    else:
        body = _stem(main, top, subj, None, terms)
    if body is None or _PRONOUN.search(body) or _demonstrative(main) or len(body.split()) < 3:
        return None
    answer = condition[:1].upper() + condition[1:] + "."
    return ShortAnswer(
        question=f"When {body.rstrip(' .')}?",
        answer=answer,
        accept=[condition[:100]],
        explanation=f"The source says: “{s.display}”",
        source=s.ref(),
    )


def _conditions(ranked: list[Sentence], terms: list[Term]) -> dict[int, ShortAnswer]:
    """The condition questions of the central sentences (by sentence id), each asked of one sentence only."""
    found = {id(s): q for s in ranked[:40] if (q := condition_question(s, terms)) is not None}
    asked = [q.question.casefold() for q in found.values()]
    return {k: q for k, q in found.items() if asked.count(q.question.casefold()) == 1}


def condition_quotes(ranked: list[Sentence], terms: list[Term]) -> set[str]:
    """Quotes a condition question asks (left to it: a card's blank on its subject would test less)."""
    return {q.source.quote for q in _conditions(ranked, terms).values()}


def clause_questions(ranked: list[Sentence], terms: list[Term], taken: set[int], limit: int = 2) -> list:
    """Up to ``limit`` purpose/means/time/condition questions over central sentences no card or question uses yet; a
    condition question two sentences would answer differently is asked of neither."""
    out: list = []
    years = sorted({y for s in ranked for y in re.findall(r"\b(?:1[5-9]|20)\d\d\b", s.text)})
    conditions = _conditions(ranked, terms)
    for s in ranked[:40]:
        if id(s) in taken or (q := clause_question(s, terms) or fronted_when(s, terms) or conditions.get(id(s))) is None:
            continue
        q = _with_years(q, years)
        if any(q.question == o.question for o in out):
            continue
        out.append(q)
        taken.add(id(s))
        if len(out) == limit:
            break
    return out
