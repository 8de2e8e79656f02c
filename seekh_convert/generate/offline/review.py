"""Review questions the source itself asks: a stem, three to five options and the source's own answer ("Answer: D.
...") reused verbatim with that key. None where the source gives no key, or its key matches no option."""

from __future__ import annotations

import re

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.model.guide import MultipleChoice, ShortAnswer
from seekh_convert.model.sources import ref_at
from seekh_convert.text.labels import QUIZ_SLIDE
from seekh_convert.text.words import STOPWORDS

_LETTER = re.compile(r"^\s*\(?([A-Ea-e])[.)]\s+")
_ANSWER = re.compile(r"^\s*(?:correct\s+)?answer\s*[:.]?\s*(?:\(?([A-Ea-e])\b[.)]?\s*(.*))?$", re.IGNORECASE | re.DOTALL)
_LOOKAHEAD = 3  # blocks between the last option and the answer ("Answer:" on its own, a slide title)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", _LETTER.sub("", text)).casefold().split())


def _is_stem(text: str) -> bool:
    return text.rstrip().endswith((":", "?")) and 4 <= len(text.split()) <= 60 and not _ANSWER.match(text)


def _answer_at(blocks: list[Block], i: int) -> tuple[str, str, int] | None:
    """(letter, text after it, index of the block holding the key) of an "Answer: X. text" at ``blocks[i]``."""
    m = _ANSWER.match(blocks[i].text)
    if m is None:
        return None
    if m.group(1):
        return m.group(1).upper(), m.group(2) or "", i
    if i + 1 < len(blocks) and (k := _LETTER.match(blocks[i + 1].text)):
        return k.group(1).upper(), blocks[i + 1].text[k.end() :], i + 1
    return None


def _one(blocks: list[Block], i: int) -> tuple[MultipleChoice, int] | None:
    """The review question whose stem is ``blocks[i]`` and the index after its key, or None."""
    stem = blocks[i].text.strip()
    options: list[str] = []
    j = i + 1
    while j < len(blocks) and len(options) < 6:
        text = blocks[j].text.strip()
        if _ANSWER.match(text) or _is_stem(text) or not text or len(text) > 300:
            break
        options.append(_LETTER.sub("", text).strip())
        j += 1
    if len(options) != 4:
        return None  # the schema asks for four options; a heading or prose run is not a list of options
    for k in range(j, min(j + _LOOKAHEAD, len(blocks))):
        found = _answer_at(blocks, k)
        if found is None:
            continue
        letter, said, end = found
        index = "ABCDE".index(letter)
        if index >= len(options) or said.strip() and _norm(said) != _norm(options[index]):
            return None  # the key names no option, or another one's words: unsettled
        if len({_norm(o) for o in options}) != 4:
            return None
        explanation = f"The source's own answer: {letter}. {options[index]}"
        ref = ref_at(blocks[i], 0, len(blocks[i].text), blocks[i].text)
        q = MultipleChoice(question=stem, options=options, answer_index=index, explanation=explanation, source=ref)
        return q, end + 1
    return None


def source_reviews(blocks: list[Block]) -> list[MultipleChoice | ShortAnswer]:
    """Every review question of ``blocks`` whose key the source gives, verbatim, in source order, then a deck's own
    question slides (``deck_questions``)."""
    out: list[MultipleChoice | ShortAnswer] = []
    i = 0
    while i < len(blocks):
        made = _one(blocks, i) if _is_stem(blocks[i].text) else None
        if made is None:
            i += 1
            continue
        out.append(made[0])
        i = made[1]
    return out + deck_questions(blocks)


#: A slide that asks the audience a question: "Question 2", "Knowledge check", "Quiz 1".


def deck_questions(blocks: list[Block]) -> list[MultipleChoice | ShortAnswer]:
    """A deck's question slides ("Question 2": the question, three or four options, and the presenter's notes
    explaining the answer, as Microsoft's workshop decks of sets 49 and 50 have them), where the explanation names
    exactly one option by words no other option has. Four options make a multiple choice; three a question with its
    options shown, the key its answer. A slide shown twice (the answer revealed) asks once."""
    slides: dict[int, list[Block]] = {}
    for b in blocks:
        if b.slide is not None and b.kind is not BlockKind.HEADING and QUIZ_SLIDE.match(b.section or ""):
            slides.setdefault(b.slide, []).append(b)
    out: list[MultipleChoice | ShortAnswer] = []
    asked: set[str] = set()
    bold = _bold_options(slides)
    for shown in slides.values():
        if len(shown) < 5 or "?" not in shown[0].text or _norm(shown[0].text) in asked:
            continue
        stem, options, told = shown[0], [_unstarred(b.text) for b in shown[1:-1]], _unstarred(shown[-1].text)
        if not 3 <= len(options) <= 4 or len({_norm(o) for o in options}) != len(options):
            continue
        if any(len(o.split()) > 30 or "?" in o for o in options) or len(told.split()) < 6:
            continue
        key = bold.get(_norm(shown[0].text), _named_option(options, told))
        if key is None:
            continue
        asked.add(_norm(stem.text))
        explanation = f"The source's own answer: {options[key].rstrip('.')}. {told}"
        ref = ref_at(stem, 0, len(stem.text), stem.text)
        if len(options) == 4:
            out.append(
                MultipleChoice(question=stem.text.strip(), options=options, answer_index=key, explanation=explanation, source=ref)
            )
        else:
            question = f"{stem.text.strip()} ({'; '.join(options)})"
            out.append(ShortAnswer(question=question, answer=options[key], accept=[], explanation=explanation, source=ref))
    return out


def _bold_options(slides: dict[int, list[Block]]) -> dict[str, int]:
    """The option a question's slides set in bold, by the question: the reveal slide's answer ("Splitting data into
    two sets enables you to compare ..." in bold on the repeat of set 59's question slide, whose explanation shares
    more words with a wrong option). Only a question with exactly one bold option across its slides."""
    found: dict[str, set[int]] = {}
    for shown in slides.values():
        if len(shown) < 5:
            continue
        marked = found.setdefault(_norm(shown[0].text), set())
        for i, b in enumerate(shown[1:-1]):
            if b.bold:
                marked.add(i)
    return {stem: next(iter(marked)) for stem, marked in found.items() if len(marked) == 1}


def _unstarred(text: str) -> str:
    """A slide's text without the Markdown bold marks its author typed into it ("Use the **Reopen in Container** option")."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text).strip()


def _named_option(options: list[str], told: str) -> int | None:
    """The option whose own words (none of the other options has them) the explanation uses: the only one, or the one
    it names by twice as many of them as any other ("The Reopen in Container option, from either the Visual Studio
    Code notification or the Command Palette, ...": five words of one option, two of another; set 52). Else None."""
    words = [{w.lower() for w in re.findall(r"[\w()-]+", o) if len(w) >= 3 and w.lower() not in STOPWORDS} for o in options]
    said = {w.lower() for w in re.findall(r"[\w()-]+", told)}
    named = [len((own - set().union(*(w for j, w in enumerate(words) if j != i))) & said) for i, own in enumerate(words)]
    ranked = sorted(range(len(options)), key=lambda i: -named[i])
    best, second = named[ranked[0]], named[ranked[1]] if len(ranked) > 1 else 0
    return ranked[0] if best and (not second or best >= 3 and best >= 2 * second) else None


#: "What is flow?→ the movement of air ...", "... what does this mean about vx? - It doesn't change ...": a question
#: of the source answered in the same breath after an arrow or a dash.
_QA = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<q>[A-Z][^.?!\n]{6,200}\?)\s*(?:→|->|–|—|-)\s*(?P<a>[^\s](?:e\.g\.|i\.e\.|[^.!?\n]){2,200}[.!])"
)
_ANSWER_WORDS = 25
_WH = re.compile(r"\b(?:what|which|who|when|where|why|how)\b", re.IGNORECASE)


#: "How can governments regulate AI without stifling innovation? Answer: Governments can adopt a risk-based ...": a
#: question of the source's own Q&A, its answer labelled; the answer's first sentence is the card's answer.
_LABELLED_QA = re.compile(
    r"^(?:\d{1,2}[.)]\s+|(?P<qn>(?:Q|Question\s*)\d*[.:)])\s*)?(?P<q>[A-Z][^?\n]{10,250}\?)\s*(?P<label>(?:Answer|Ans\.?)\s*[:.\-\u2013\u2014]\s*)?"
    r"(?P<a>[A-Z](?:e\.g\.|i\.e\.|etc\.|[^.!?\n])+?[.!])(?=\s|$)"
)  # "Q3. How do economic factors contribute ...? Economic factors contribute by ..." needs no label
_LEANS = re.compile(r"^(?:It|This|These|They|That|Those|He|She|Yes|No)\b")


def _learnable(answer: str) -> bool:
    """True for an answer sentence that stands alone and is short enough to learn."""
    return not _LEANS.match(answer) and 6 <= len(answer.split()) <= _ANSWER_WORDS + 10


def _card(question: str, answer: str, b: Block, start: int, quote: str) -> ShortAnswer:
    """The source's question and its answer, citing ``quote`` at ``start`` of block ``b``."""
    ref = ref_at(b, start, start + len(quote), quote)
    return ShortAnswer(question=question, answer=answer, accept=[], explanation=f"The source answers it: “{quote}”", source=ref)


def _labelled(b: Block) -> ShortAnswer | None:
    """The source's question and the first sentence of its labelled answer (set 27's Word notes: five essay
    questions, each with "Answer: ..."), where that sentence stands alone and is short enough to learn."""
    m = _LABELLED_QA.match(b.text.strip())
    if m is None or b.text.strip() != b.text or not (m.group("label") or m.group("qn")):
        return None
    if not m.group("label") and m.group("qn") and not re.search(r"\d", m.group("qn")):
        return None  # "Question: ... What kinds of evaluations are typically made? For example, ...": its answer is
        # the next paragraph's "Answer: ..." (set 45's Saylor chapter), not the set-up after the question
    question, answer = m.group("q").strip(), m.group("a").strip()
    if not _WH.search(question) or not _learnable(answer):
        return None
    return _card(question, answer, b, m.start(), b.text[m.start() : m.end()])


#: A heading over the source's own questions and answers ("Interview Questions and Answers", "FAQ", "Q&A").
_QA_HEADING = re.compile(r"\b(?:questions?|faqs?|q\s*&\s*a|quiz|review|self[- ]check)\b", re.I)
_FIRST_SENTENCE = re.compile(r"^[A-Z](?:e\.g\.|i\.e\.|etc\.|[^.!?\n])+?[.!](?=\s|$)")


_WHAT_IS = re.compile(r"^What (?:is|are)(?: meant by)? (?:an? |the )?(?P<x>[^?]{3,60})\?$")
_ASKED_LAST = re.compile(r"(?:^|[.:!]\s+)(?P<q>[A-Z][^.?!:]{8,200}\?)")


def _answered_next(blocks: list[Block], i: int) -> ShortAnswer | None:
    """ "Question: This textbook professes to be ... to ask the obvious question: What is financial accounting?" and the
    next paragraph's "Answer: In simplest terms, financial accounting is ..." (set 45's Saylor chapter): the question the
    paragraph asks, and the first sentence of the answer."""
    q, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is None or not re.match(r"Question\s*:", q.text) or not (a := re.match(r"Answer\s*:\s*", nxt.text)):
        return None
    asked = list(_ASKED_LAST.finditer(q.text))
    question = asked[0].group("q").strip() if len(asked) == 1 else ""
    what = _WHAT_IS.match(question)
    if what is None or re.search(r"\b(?:this|these|those|such|it|they)\b", question, re.I):
        return None  # only "What is X?": the answer's first sentence says what X is ("How could ...?" gets a preamble)
    m = _FIRST_SENTENCE.match(nxt.text[a.end() :])
    if m is None or not _learnable(m.group()):
        return None
    if not all(w.lower()[:5] in m.group().lower() for w in re.findall(r"[A-Za-z]{4,}", what.group("x"))):
        return None  # the first sentence names what it answers ("In simplest terms, financial accounting is ...")
    return _card(question, m.group(), nxt, a.end(), m.group())


def _paired(blocks: list[Block], i: int) -> ShortAnswer | None:
    """A question the source asks as its own line under a questions heading, answered by the next line ("What is the
    role of DNS?" / "DNS acts like a phonebook for the internet, translating ...", set 45's networking notes): the
    answer's first sentence, where it stands alone and is short enough to learn."""
    q, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
    text = re.sub(r"^Q\s*[:.]\s*", "", q.text.strip())
    if nxt is None or q.start is not None or not _QA_HEADING.search(q.section or "") or nxt.section != q.section:
        return None
    if not (text.endswith("?") and _WH.match(text) and 4 <= len(text.split()) <= 30 and text.count("?") == 1):
        return None
    if re.search(r",?\s+and\s+(?:what|which|who|when|where|why|how)\b", text, re.I):
        return None  # "What is a webpage, and how is it structured?": two questions, one answer
    said = re.sub(r"^A\s*[:.]\s*", "", nxt.text.strip())
    m = _FIRST_SENTENCE.match(said)
    if m is None or said.endswith("?") or not _learnable(m.group()):
        return None
    if re.match(r"(?:List|Explain|Describe|Discuss|Name|Define|Compare|State|Give|Identify|Outline)\b", m.group()):
        return None  # "List the potential users of ...": the next exercise, not an answer
    return _card(text, m.group(), nxt, nxt.text.find(m.group()), m.group())


def source_answers(blocks: list[Block]) -> list[ShortAnswer]:
    """The source's own questions with the answer it gives right after them, verbatim."""
    out: list[ShortAnswer] = []
    for i, b in enumerate(blocks):
        if b.start is not None:
            continue  # a transcript's "What do you think? - The nucleus." is a student's guess, not the key
        if b.slide is not None and QUIZ_SLIDE.match(b.section or ""):
            continue  # a deck's question slide: its first option is no answer (set 52's wrong key), ``deck_questions``
        if (labelled := _labelled(b) or _paired(blocks, i) or _answered_next(blocks, i)) is not None:
            out.append(labelled)
            continue
        for m in _QA.finditer(b.text):
            question, answer = m.group("q").strip(), m.group("a").strip()
            if len(answer.split()) > _ANSWER_WORDS or not re.search(r"[A-Za-z]{3}", answer):
                continue
            if not _WH.search(question):
                continue  # "Did you score the goal? - Hindsight bias happens ...": a dash between sentences, no Q/A
            answer = answer[:1].upper() + answer[1:]
            short = answer.rstrip(".!")
            accept = [short] if len(short.split()) <= 4 else []
            quote = b.text[m.start() : m.end()]
            ref = ref_at(b, m.start(), m.end(), quote)
            explanation = f"The source answers it: “{quote}”"
            out.append(ShortAnswer(question=question, answer=answer, accept=accept, explanation=explanation, source=ref))
    return out
