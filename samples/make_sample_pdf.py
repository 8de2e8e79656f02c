"""Build samples/therapeutic-alliance-notes.pdf (dev-only tool; needs reportlab and pyphen).

    .venv/bin/pip install reportlab pyphen
    .venv/bin/python samples/make_sample_pdf.py

The text is original lecture-note prose. The layout exercises the PDF pipeline: bigger-font headings
with bookmarks, bold key terms, a running header and a numbered footer, words hyphenated at line
ends, and a References list at the end. Output is byte-stable (reportlab invariant mode).
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

rl_config.invariant = 1

OUT = Path(__file__).with_name("therapeutic-alliance-notes.pdf")
HEADER = "Introduction to Counselling Psychology \u00b7 Lecture 7 notes"
FOOTER = "The Therapeutic Alliance \u00b7 Page {page}"

TITLE = "The Therapeutic Alliance"
SUBTITLE = "Lecture notes for week 7: what the alliance is, how it is measured, and how it is repaired"

SECTIONS: list[tuple[str, list[str]]] = [
    (
        "1. What the Therapeutic Alliance Is",
        [
            "The <b>therapeutic alliance</b> is the collaborative working relationship between a client and a "
            "therapist, built on agreement about what therapy is for, agreement about how the work will be done, "
            "and a personal bond of trust between the two people. Older writing calls it the working alliance or "
            "the helping alliance; the three names describe the same idea.",
            "The idea has roots in psychoanalysis, where clinicians noticed that clients who felt allied with "
            "their analyst tolerated painful material far better than clients who did not. In 1979 Edward Bordin "
            "proposed a pan-theoretical definition that did not depend on any one school of therapy. Bordin "
            "argued that every form of helping, from behaviour therapy to psychodynamic work, rests on the same "
            "three components.",
            "<b>Goals</b> are the outcomes that client and therapist agree to pursue together, such as fewer panic "
            "attacks or a more satisfying relationship with a partner. <b>Tasks</b> are the in-session activities "
            "both partners accept as the route to those goals, for example keeping a thought record, practising "
            "exposure, or exploring early memories. The <b>bond</b> is the emotional connection between the two "
            "people: mutual trust, respect, liking and a sense that the therapist genuinely cares.",
            "The three components depend on each other. A strong bond makes it easier to accept demanding tasks, "
            "while clear agreement on goals gives the bond a purpose. Bordin also stressed that the alliance is "
            "something client and therapist build together, not something the therapist supplies. It is therefore "
            "a property of the relationship rather than a technique, and it changes from session to session.",
            "Why does this matter? The alliance is one of the most consistently replicated predictors of "
            "psychotherapy outcome. Large meta-analyses find a modest but reliable association, of roughly r = .28, "
            "between alliance ratings and later improvement, and the association holds across treatment "
            "approaches, client problems and countries. Early alliance, measured around the third session, is "
            "particularly informative about who is likely to drop out.",
            "The alliance should not be confused with two neighbouring ideas. <b>Transference</b> is the client's "
            "tendency to experience the therapist through patterns learned in earlier relationships, and it can "
            "colour the alliance without being the same thing. The <b>real relationship</b> is the genuine, "
            "undistorted person-to-person connection between the two participants. The alliance is narrower: it "
            "is the part of the relationship that is organised around doing the work of therapy.",
        ],
    ),
    (
        "2. Measuring the Alliance",
        [
            "Because the alliance is a relationship, it can be rated from three perspectives: by the client, by "
            "the therapist, or by an independent observer who watches recordings of sessions. Client ratings "
            "predict outcome best, and therapists often rate the alliance differently from their clients, "
            "especially in the first few sessions.",
            "The most widely used instrument is the <b>Working Alliance Inventory</b> (WAI), developed by Adam "
            "Horvath and Leslie Greenberg in 1989. The WAI operationalises Bordin's model directly: its 36 items "
            "form three subscales, one each for goals, tasks and bond. Clients rate statements such as their "
            "sense that the therapist appreciates them, or that they agree on what is important to work on, on a "
            "seven-point scale.",
            "Shorter forms make routine measurement practical. The <b>WAI-SR</b> is a revised twelve-item short "
            "form that keeps the three subscales and can be completed in a couple of minutes at the end of a "
            "session. Very brief measures such as the four-item Session Rating Scale trade detail for speed and "
            "are designed to be scored while the client is still in the room.",
            "Measurement is useful in practice as well as in research. <b>Routine outcome monitoring</b> means "
            "collecting brief alliance and symptom ratings at every session and reviewing them with the client. "
            "Clinics use these ratings to spot clients at risk of deterioration or dropout early enough to change "
            "course, and supervisors use them to discuss difficult cases with trainees. A falling score is a "
            "signal to talk, not a verdict on the therapist.",
        ],
    ),
    (
        "3. Ruptures and Repair",
        [
            "An <b>alliance rupture</b> is a deterioration in the collaborative relationship, visible as a "
            "breakdown in agreement on goals or tasks or as a strain in the bond. Ruptures are common: careful "
            "observation finds some form of rupture in a large share of sessions. They range from brief moments "
            "of tension to serious impasses that end treatment.",
            "Jeremy Safran and Christopher Muran distinguish two kinds of rupture. A <b>withdrawal rupture</b> "
            "occurs when the client moves away from the therapist or from the work: going quiet, giving minimal "
            "answers, changing the topic, or agreeing with everything while privately disagreeing. A "
            "<b>confrontation rupture</b> occurs when the client moves against the therapist, expressing anger, "
            "criticism or dissatisfaction with the therapist or with the treatment.",
            "<b>Rupture repair</b> is the process by which client and therapist recognise a rupture and work it "
            "through together so that collaboration is restored. The central skill is "
            "<b>metacommunication</b>: stepping back from the content of the conversation to talk about what is "
            "happening between the two people right now, for instance by saying that the session seems to have "
            "become stuck and asking how the client is experiencing it.",
            "Effective repair usually includes the therapist acknowledging their own contribution, tolerating the "
            "client's negative feelings without becoming defensive, and explaining or adjusting the rationale for a "
            "task. Repair matters because a rupture that is noticed and resolved can strengthen the relationship: "
            "studies of rupture-repair episodes link successful resolution with better outcomes, and training "
            "programmes teach therapists to notice the early markers of withdrawal.",
            "Repair often unfolds in recognisable stages. The therapist first notices a marker, such as a sudden "
            "change of topic or a sarcastic remark. Next, the therapist draws attention to it gently and without "
            "blame. The client is then helped to explore the feeling underneath the rupture, which is frequently a "
            "fear of being judged or a wish to be understood. Finally, client and therapist renegotiate the goals "
            "or tasks so that both can commit to them again.",
        ],
    ),
    (
        "4. Building the Alliance in Practice",
        [
            "Many alliance-building behaviours are ordinary good clinical practice, and they can be taught. In the "
            "first session the therapist works to establish a shared formulation of the problem, so that goals are "
            "framed in the client's own words. Explaining the rationale for each task, and inviting the client to "
            "question it, turns technique into collaboration.",
            "Responsiveness is the guiding principle. <b>Collaborative goal setting</b> means that client and "
            "therapist write down the goals together and review them regularly, revising them when life changes. "
            "A related practice, <b>feedback-informed treatment</b>, builds on routine outcome monitoring: the therapist asks for the "
            "client's ratings of the session and then openly discusses any drop, which gives clients permission to "
            "raise doubts before they act on them by leaving.",
            "The alliance is used across settings. In cognitive behavioural therapy it supports homework "
            "completion; in couple and family therapy the therapist must hold a separate alliance with each member "
            "while keeping the whole system engaged; in online and text-based counselling it depends more heavily "
            "on explicit checking-in because nonverbal cues are scarce. In medicine and physiotherapy a similar "
            "working relationship predicts adherence to treatment.",
            "Two cautions complete the picture. First, the alliance is partly a product of early improvement, so "
            "a strong alliance is both a cause and a consequence of change. Second, clients with histories of "
            "mistrust may need more time before a bond is possible, and pressing for closeness too soon can itself "
            "cause a rupture. A useful summary for practice is that the alliance is built through agreement, "
            "maintained through attention, and strengthened through repair.",
            "Supervision is where many therapists learn these skills. Watching recordings of their own sessions, "
            "trainees learn to spot the quiet signs of disengagement they missed in the room, and to practise the "
            "words they might use to open a conversation about the relationship. Alliance-focused training has "
            "been shown to improve therapists' ability to resolve ruptures.",
        ],
    ),
]

REFERENCES = [
    "Bordin, E. S. (1979). The generalizability of the psychoanalytic concept of the working alliance. "
    "<i>Psychotherapy: Theory, Research &amp; Practice, 16</i>(3), 252\u2013260.",
    "Fl\u00fcckiger, C., Del Re, A. C., Wampold, B. E., &amp; Horvath, A. O. (2018). The alliance in adult "
    "psychotherapy: A meta-analytic synthesis. <i>Psychotherapy, 55</i>(4), 316\u2013340.",
    "Hatcher, R. L., &amp; Gillaspy, J. A. (2006). Development and validation of a revised short version of the "
    "Working Alliance Inventory. <i>Psychotherapy Research, 16</i>(1), 12\u201325.",
    "Horvath, A. O., &amp; Greenberg, L. S. (1989). Development and validation of the Working Alliance Inventory. "
    "<i>Journal of Counseling Psychology, 36</i>(2), 223\u2013233.",
    "Safran, J. D., &amp; Muran, J. C. (2000). <i>Negotiating the therapeutic alliance: A relational treatment "
    "guide</i>. Guilford Press.",
]

_BODY = ParagraphStyle(
    "body",
    fontName="Times-Roman",
    fontSize=11.5,
    leading=15.5,
    alignment=TA_JUSTIFY,
    spaceAfter=7,
    hyphenationLang="en_GB",
    embeddedHyphenation=0,
    uriWasteReduce=0.3,
)
_TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=22, leading=27, spaceAfter=4)
_SUBTITLE = ParagraphStyle("subtitle", fontName="Helvetica-Oblique", fontSize=11, leading=14, spaceAfter=14)
_HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10, spaceAfter=6)
_REF = ParagraphStyle(
    "ref", parent=_BODY, alignment=0, fontSize=10, leading=13, leftIndent=18, firstLineIndent=-18, hyphenationLang=""
)


class _NotesTemplate(SimpleDocTemplate):
    """Adds a bookmark for every section heading."""

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name == "heading" and flowable.bookmark:
            key = f"s{len(self._marks)}"
            self._marks.append(key)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)


def _decorate(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8.5)
    width, height = A4
    canvas.drawString(2.8 * cm, height - 1.4 * cm, HEADER)
    canvas.line(2.8 * cm, height - 1.55 * cm, width - 2.8 * cm, height - 1.55 * cm)
    canvas.drawRightString(width - 2.8 * cm, 1.3 * cm, FOOTER.format(page=doc.page))
    canvas.restoreState()


def build(out: Path = OUT) -> Path:
    doc = _NotesTemplate(
        str(out),
        pagesize=A4,
        leftMargin=2.8 * cm,
        rightMargin=2.8 * cm,
        topMargin=2.6 * cm,
        bottomMargin=2.4 * cm,
        title=TITLE,
        author="seekh-convert sample",
        subject="Lecture notes on the therapeutic alliance",
    )
    doc._marks = []
    story: list = [Paragraph(TITLE, _TITLE), Paragraph(SUBTITLE, _SUBTITLE)]
    for heading, paragraphs in SECTIONS:
        para = Paragraph(heading, _HEADING)
        para.bookmark = True
        story.append(para)
        story.extend(Paragraph(text, _BODY) for text in paragraphs)
    references = Paragraph("References", _HEADING)
    references.bookmark = False
    story += [PageBreak(), references]
    story.extend(Paragraph(text, _REF) for text in REFERENCES)
    doc.build(story, onFirstPage=_decorate, onLaterPages=_decorate)
    return out


if __name__ == "__main__":
    print(build())
