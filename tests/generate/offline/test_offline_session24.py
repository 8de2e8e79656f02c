"""The twenty-fourth session (2026-12-07): findings of sets 45 and 55 replayed (class notes in bullets)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, Line, RawPage, SourceKind, Topic


def _bullets(title: str, items: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(t, BlockKind.LIST_ITEM, page=1, section=title) for t in items]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def test_a_notes_bullet_without_a_full_stop_is_a_sentence_when_it_is_a_clause() -> None:
    """Set 55's class notes: "Ethics is defined as a prescriptive Code of Conduct ..." ends its bullet without a full
    stop, so it was no sentence and the guide said the source gives no definition of Ethics."""
    from seekh_convert.generate.offline.sentences import topic_sentences

    clause = Block("Crony capitalism impacts sustainable development", BlockKind.LIST_ITEM, page=1)
    phrase = Block("Responsibility assumptions like Lal Bahadur Shastri and Satish Dhawan", BlockKind.LIST_ITEM, page=1)
    paragraph = Block("Greed harms the individual and the society", page=1)  # a paragraph's cut end stays cut
    complete = [s.text for s in topic_sentences([clause, phrase, paragraph]) if s.complete]
    assert complete == ["Crony capitalism impacts sustainable development"]

    content = _bullets(
        "Ethics",
        [
            "Ethics",
            "Ethics is defined as a prescriptive Code of Conduct for an actor in a situation with respect to what is "
            "right and what is wrong",
            "For example, the ethical responsibility of a defense lawyer to defend his client",
            "Ethics are external and imposed from outside whereas integrity is an inherent quality that comes from within",
            "Integrity is a value that ensures transformation from being a human being to being humane",
            "Ethics guides the conduct of civil servants in every decision they take",
        ],
    )
    assert content.definition is not None
    assert content.definition.text.startswith("Ethics is defined as a prescriptive Code of Conduct")
    assert content.definition.text.endswith("what is wrong.")


def test_household_abbreviations_leave_room_for_the_courses_own() -> None:
    """Set 45's networking notes: "MAC" and "LLC", which no card asks (everyone knows them), had taken the places of
    "ARP" and "ICMP" among the topic's glosses once more bullets were sentences."""
    content = _bullets(
        "The network layers",
        [
            "A protocol is a set of rules that governs how devices exchange data over a network.",
            "A router is a device that forwards packets between two or more networks.",
            "A hub is a device that repeats every frame it receives to all of its ports.",
            "A switch is a device that connects the devices of one local network and forwards frames between them.",
            "The data link layer is the second layer of the model and it moves frames between two nodes.",
            "MAC(Media Access Control): The MAC layer is responsible for data encapsulation and media access.",
            "LLC(Logical Link Control): The LLC layer handles flow control and error control of frames.",
            "The network layer is the third layer of the model and it routes packets between networks.",
            "IP(Internet Protocol): IP uses the receiver's address to determine the best path for a packet.",
            "ARP(Address Resolution Protocol): ARP is used to find physical addresses from the IP address.",
            "ICMP(Internet Control Message Protocol): ICMP reports errors and diagnostic messages of a network.",
            "The network layer sends packets through routers that read the destination address of every packet.",
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert "What does ARP stand for?" in fronts and "What does ICMP stand for?" in fronts, fronts
    assert not any(f in fronts for f in ("What does MAC stand for?", "What does IP stand for?"))


def test_a_line_in_capitals_starts_a_new_paragraph_after_a_bullet() -> None:
    """Set 55's class notes: the banner "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)" was read as the last line of the
    bullet above it ("... or knowledge without character ETHICS, INTEGRITY, ...")."""
    from seekh_convert.clean.pdf import PdfCleaner

    lines = [
        "\u2022 Gandhiji's seven sins e.g. wealth without work, politics without principle, pleasure without",
        "conscience, or knowledge without character",
        "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)",
        "\u2022 Ethics is defined as a prescriptive Code of Conduct for an actor in a situation",
        "FOR EXAMPLE THE LAWYER",  # a body line in capitals after capitals goes on as before
    ]
    page = RawPage(number=1, lines=[Line(text=t, size=11.0, x=72.0, y=700.0 - 14 * k) for k, t in enumerate(lines)])
    doc = PdfCleaner()(Document(path=Path("notes.pdf"), kind=SourceKind.PDF, pages=[page]))
    texts = [b.text for b in doc.blocks]
    assert any(t.endswith("knowledge without character") for t in texts), texts
    assert "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)" in texts, texts


def test_a_file_name_standing_for_the_title_prefixes_no_window() -> None:
    """Set 55's class notes: a long stretch before the first heading, titled by the file's name, was cut into windows
    titled "upsc-gs4-ethics-integrity-aptitude-class-notes: Ethics"."""
    from seekh_convert.split.segment import Segmenter

    vocab = ["ethics conduct", "conscience voice", "value education", "social media"]
    blocks = [Block(f"The {vocab[i // 10]} matters here. " * 30) for i in range(40)]
    blocks += [Block("Target group", BlockKind.HEADING, level=1), *[Block("The target group matters. " * 40)] * 3]
    stem = "upsc-gs4-ethics-class-notes"
    doc = Segmenter()(Document(path=Path(f"{stem}.pdf"), kind=SourceKind.PDF, title=stem, blocks=blocks))
    titles = [t.title for t in doc.topics]
    assert len(titles) >= 3 and not any(stem in t for t in titles), titles
