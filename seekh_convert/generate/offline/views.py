"""What a school or a thinker holds, asked as a card from the sentence that says so (Heilman and Smith 2010: a
question transformed from a parsed clause): "Consequentialists claim that morality depends completely on the effects
of our actions." asks "What do Consequentialists claim about morality?", answered by the clause they state.

Essay-like notes (philosophy, law, the social sciences) state positions far more often than they define terms; the
term-based finders give them almost nothing (set 23's ethics handout: four cards over 3,700 words). Only where the
holder opens the sentence and names a school, a group or a person (not "the study", not "it"), the verb states a view
("claim", "argue", "hold", ...), and the stated clause's subject is a short noun phrase that leans on nothing.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence, prime
from seekh_convert.model.guide import Flashcard
from seekh_convert.text.grammar import leans_on_context

_VIEW_VERBS = frozenset("claim argue hold believe maintain contend insist assert".split())
#: Holders that are a source, not a school or a person: "The study argues that ..." asks what the reader cannot place.
_SOURCES = frozenset(
    "study studies research paper author authors chapter text section article evidence data result results finding "
    "findings report reports book lecture course model theory view approach argument critic critics writer writers".split()
)
_POINTING = frozenset("this these those that such it its they their them he she his her we our you your i".split())
_DO = {"VBZ": "does", "VBP": "do", "VBD": "did"}
#: Holders that are only some people of the text before ("Others believed that ...", set 32).
_OTHERS = frozenset("other others some many most several few".split())
#: Holders named by the side they take, which the card must name too ("Defenders of the NRA argued ...", set 32).
_SIDES = frozenset("defender supporter opponent proponent advocate critic follower backer".split())
_WORDS = (8, 35)


def _span(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _school(holder, who) -> bool:
    """True for a holder the card can name alone: a name ("Kant"), a plural ("Consequentialists", "economists") or a
    follower of a school ("The utilitarian", "the Stoic"), not "the Court" or "the defendant" of a case."""
    if holder.pos_ == "PROPN" and who[0].lower_ != "the":
        return True
    if holder.tag_ in ("NNS", "NNPS"):
        return True
    return holder.lower_.endswith(("ist", "ian", "ists", "ians"))


def view_card(s: Sentence) -> Flashcard | None:
    """The card asking what the sentence's opening holder states about the stated clause's subject, or None."""
    if not s.alone or s.cut or not _WORDS[0] <= s.n_words <= _WORDS[1] or leans_on_context(s.parsed) is not None:
        return None
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _VIEW_VERBS or root.tag_ not in _DO:
        return None
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children):
        return None  # "the Deontologist will claim", "Kant does not hold": no plain statement of the view
    holder = next((c for c in root.children if c.dep_ == "nsubj"), None)
    stated = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if holder is None or stated is None or holder.pos_ not in ("NOUN", "PROPN") or holder.left_edge.i != 0:
        return None
    who = list(doc[holder.left_edge.i : holder.right_edge.i + 1])  # "Defenders of the NRA", not "Defenders"
    if len(who) > 5 or holder.lemma_.lower() in _SOURCES or any(t.lower_ in _POINTING for t in who):
        return None
    if holder.lemma_.lower() in _OTHERS or holder.lemma_.lower() in _SIDES and len(who) == 1:
        return None  # "Others believed that ...", "Defenders argued that ...": whose side leans on the text before
    if not _school(holder, who):
        return None  # "the Court held that ...": one court of the text, which the card cannot name
    about = next((c for c in stated.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if about is None or about.pos_ not in ("NOUN", "PROPN"):
        return None
    subject = list(doc[about.left_edge.i : about.right_edge.i + 1])
    if not 1 <= len(subject) <= 4 or any(t.lower_ in _POINTING or t.pos_ == "PRON" for t in subject):
        return None
    if subject[0].lower_ in ("neither", "either", "no", "none"):
        return None  # "What did they argue about neither cartelization nor Socialism?" (set 32)
    start = next((t.i + 1 for t in stated.children if t.dep_ == "mark" and t.lower_ == "that"), stated.left_edge.i)
    claim = _span(doc[start : stated.right_edge.i + 1]).rstrip(" ,;:")
    if len(claim.split()) < 5:
        return None
    holder_text = _span(who)
    holder_text = holder_text[:1].lower() + holder_text[1:] if who[0].lower_ == "the" else holder_text
    front = f"What {_DO[root.tag_]} {holder_text} {root.lemma_} about {_span(subject)}?"
    back = f"{claim[:1].upper()}{claim[1:]}."
    return Flashcard(kind="basic", front=front, back=back, source=s.ref())


#: Every form of a view verb ``view_card`` reads (present, third person, past): "argued", "believed", "held".
_VIEW_FORMS = sorted(
    {f for v in _VIEW_VERBS for f in (v, f"{v}s", f"{v}d" if v.endswith("e") else f"{v}ed")} - {"holded"} | {"held"}
)
#: What a sentence must show, unparsed, before it is parsed: a holder of up to four words, a view verb, "that".
_MAY_STATE = re.compile(r"^[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}\s+(?:" + "|".join(_VIEW_FORMS) + r")\s+that\b")


def view_cards(ranked: list[Sentence], taken: set[int], limit: int = 2) -> list[Flashcard]:
    """Up to ``limit`` view cards from the topic's sentences, most central first, none from a sentence in ``taken``."""
    out: list[Flashcard] = []
    likely = [s for s in ranked if id(s) not in taken and _MAY_STATE.match(s.text)]
    prime(likely)  # one batch: the only sentences parsed here
    for s in likely:
        if len(out) < limit and (card := view_card(s)) is not None:
            out.append(card)
    return out
