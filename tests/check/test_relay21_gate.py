"""Relay run 21 (set Y, 2026-12-05): heat-equation captions. "The decay rate is proportional to ω², so doubling the
frequency multiplies the rate by 2² = 4" was read as arguing for the option "It decays at the same rate": on a
model's drafts an explanation taken for a distractor's is a note (0 of 3 such drops right on the judged relay runs)."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import GateSettings, ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import MultipleChoice, SourceRef

SAID = (
    "For a temperature function filled with sharper curves, it decays more quickly towards an equilibrium, and "
    "evidently does this quadratically. For instance, doubling the frequency results in an exponential decay four "
    "times as fast."
)


def _checker(settings: GateSettings) -> ItemChecker:
    blocks = [Block(SAID, start=680.0, end=703.0)]
    doc = Document(path=Path("heat.srt"), kind=SourceKind.TRANSCRIPT, title="Heat", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Decay of sine-wave solutions", blocks)]
    return ItemChecker(doc.topics[0], doc, settings)


def test_an_explanation_read_as_a_distractors_is_a_note_on_a_models_drafts() -> None:
    question = MultipleChoice(
        question="Two solutions have the form cos(ωx)·e^(−αω²t), one with ω = π/L and one with ω = 2π/L. How does the "
        "decay rate of the second compare with the first?",
        options=[
            "It decays twice as fast",
            "It decays four times as fast",
            "It decays half as fast",
            "It decays at the same rate",
        ],
        answer_index=1,
        explanation="The decay rate is proportional to ω², so doubling the frequency multiplies the rate by 2² = 4: "
        "sharper curves smooth out faster.",
        source=SourceRef(quote=SAID, start=680.0, end=703.0),
    )
    model = _checker(for_model_drafts(None)).check(Item("questions", 0, question))
    assert model.model is not None
    assert [f.action for f in model.findings if f.reason is Reason.EXPLANATION_MISMATCH] == ["noted"]
