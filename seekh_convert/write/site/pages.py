"""The pages of the study site: per topic Summary, Flashcards and Practice; the Study Library and the Q&A Bank."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide, Subject
from seekh_convert.write.items import empty_note, has_items, item_id
from seekh_convert.write.library import Entry, Library, topic_key
from seekh_convert.write.site.assets import content_security_policy, environment

#: The library's shelves, as on the reference site; subjects outside them go under Other.
GROUPS = (
    ("Sciences", (Subject.ASTRONOMY, Subject.BIOLOGY, Subject.CHEMISTRY, Subject.PHYSICS)),
    ("Humanities", (Subject.PSYCHOLOGY, Subject.HISTORY, Subject.PHILOSOPHY)),
    ("Mathematics and computing", (Subject.MATHEMATICS, Subject.STATISTICS, Subject.COMPUTER_SCIENCE)),
    (
        "Professions and social sciences",
        (Subject.MEDICINE, Subject.ENGINEERING, Subject.ECONOMICS, Subject.BUSINESS, Subject.LAW, Subject.LINGUISTICS),
    ),
    ("Other", (Subject.OTHER,)),
)
KIND_LABELS = {"multiple_choice": "Multiple choice", "true_false": "True or false", "short_answer": "Short answer"}
TOPIC_PAGES = ("summary", "flashcards", "practice")


def unique_ids(section: str, items: list) -> list[str]:
    """Content identities of ``items``, made unique within the page when two items are identical."""
    out: list[str] = []
    for item in items:
        base, n = item_id(section, item), 1
        key = base
        while key in out:
            n += 1
            key = f"{base}-{n}"
        out.append(key)
    return out


@dataclass
class Page:
    path: Path  # relative to the output folder
    html: str


class Site:
    """Renders every page of a library (with the editors' decisions applied)."""

    def __init__(self, library: Library, approved_only: bool = False):
        self.library = library
        self.approved_only = approved_only
        self.env = environment()
        self.csp = content_security_policy()
        self.guides = {e.key: e.reviewed(approved_only) for e in library.entries}
        #: The topics the site shows: with ``approved_only``, those with at least one approved item.
        self.entries = [e for e in library.entries if not approved_only or has_items(self.guides[e.key])]
        self.held = [e for e in library.entries if e not in self.entries]

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(csp=self.csp, **context)

    def topic_links(self, entry: Entry) -> dict[str, str]:
        """Learn-next and prerequisite topics that the library has, by name: their summary page."""
        titles = self.library.by_topic()
        guide = self.guides[entry.key]
        links: dict[str, str] = {}
        for name in [n.topic for n in guide.learn_next or []] + [p.topic for p in guide.prerequisites or []]:
            target = titles.get(topic_key(name))
            if target is not None and target.key != entry.key and target in self.entries:
                links[name] = f"../../{target.key}/summary.html"
        return links

    def topic_pages(self, entry: Entry) -> Iterator[Page]:
        g = self.guides[entry.key]
        common = dict(
            g=g,
            root="../../",
            counts={"flashcards": len(g.flashcards or []), "questions": len(g.questions or [])},
            reason=lambda section: empty_note(entry.guide, g, section, section not in ("flashcards", "questions")),
        )
        folder = Path(entry.input) / entry.folder.name
        yield Page(folder / "summary.html", self._render("summary.html.j2", links=self.topic_links(entry), **common))
        card_ids = unique_ids("flashcards", g.flashcards or [])
        cards = [
            {"id": i, "kind": c.kind, "front": c.front, "back": c.back, "where": c.source.label(), "quote": c.source.quote}
            for i, c in zip(card_ids, g.flashcards or [])
        ]
        deck = {"deck": entry.key, "cards": cards}
        yield Page(folder / "flashcards.html", self._render("flashcards.html.j2", data=deck, **common))
        ids = unique_ids("questions", g.questions or [])
        keys = [{"id": i, "kind": q.kind, "answer": _key(q), **_accepted(q)} for i, q in zip(ids, g.questions or [])]
        yield Page(folder / "practice.html", self._render("practice.html.j2", ids=ids, data={"questions": keys}, **common))

    def library_page(self) -> Page:
        groups = []
        for name, subjects in GROUPS:
            shelves = []
            for subject in subjects:
                topics = [
                    {"guide": self.guides[e.key], "href": f"{e.key}/", "document": d.title}
                    for d in self.library.documents
                    for e in d.entries
                    if e in self.entries and self.guides[e.key].subject is subject
                ]
                if topics:
                    shelves.append({"name": subject.value, "topics": topics})
            if shelves:
                groups.append({"name": name, "subjects": shelves})
        html = self._render(
            "library.html.j2",
            root="",
            groups=groups,
            topic_count=len(self.entries),
            document_count=len({e.input for e in self.entries}),
        )
        return Page(Path("index.html"), html)

    def qa_page(self) -> Page:
        rows, topics = [], []
        for entry in self.entries:
            g: StudyGuide = self.guides[entry.key]
            topics.append({"key": entry.key, "title": f"{g.topic} ({entry.input})"})
            for q in g.questions or []:
                rows.append(
                    {
                        "q": q,
                        "subject": g.subject.value,
                        "topic": g.topic,
                        "topic_key": entry.key,
                        "href": f"{entry.key}/",
                        "kind_label": KIND_LABELS[q.kind],
                    }
                )
        subjects = sorted({r["subject"] for r in rows})
        html = self._render(
            "qa.html.j2", root="", questions=rows, subjects=subjects, topics=topics, kinds=list(KIND_LABELS.items())
        )
        return Page(Path("qa.html"), html)

    def pages(self) -> Iterator[Page]:
        for entry in self.entries:
            yield from self.topic_pages(entry)
        yield self.library_page()
        yield self.qa_page()


def _accepted(question) -> dict[str, list[str]]:
    """A short answer's accepted answers (the page marks a typed answer right when it is one of them)."""
    return {"accept": question.keys} if question.kind == "short_answer" and question.keys else {}


def _key(question) -> int | bool | str:
    if question.kind == "multiple_choice":
        return question.answer_index
    return question.answer


class SiteWriter:
    """Writes the whole site of a library into its output folder; returns the files written."""

    def __call__(self, library: Library, approved_only: bool = False) -> list[Path]:
        written = []
        site = Site(library, approved_only)
        for page in site.pages():
            path = library.root / page.path
            atomic_write_text(path, page.html)
            written.append(path)
        for entry in site.held:  # pages an earlier render wrote must not publish what is not approved
            for name in TOPIC_PAGES:
                (entry.folder / f"{name}.html").unlink(missing_ok=True)
        return written
