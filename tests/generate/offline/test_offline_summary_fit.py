"""Issue 17 (judge set A): summaries never take narration, exercise steps, figure captions or outline markers."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic

_TEXTS = [
    "Maintain the synaptic depression and facilitation of the synapse at each presynaptic firing rate in the model.",
    "Top: The fraction of facilitated neurotransmitter at the synapse during synaptic depression and facilitation.",
    "Now simulate synaptic depression and facilitation at the synapse for each presynaptic firing rate.",
    "A. Synaptic depression at the synapse lowers the response at a high presynaptic firing rate.",
    "Synaptic facilitation results from residual calcium that raises the release probability after each spike.",
    "Depression and facilitation together make a synapse act as a filter of the presynaptic firing rate.",
    "Depressing synapses respond most strongly to low presynaptic firing rates and weakly to high ones.",
]


def _summary():
    title = "Synaptic dynamics"
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    blocks += [Block(t, section=title, page=2) for t in _TEXTS]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content.summary


def test_summary_skips_narration_steps_captions_and_strips_outline_markers():
    summary = _summary()
    for banned in ("Maintain the", "Top:", "imulate synaptic", "A. "):
        assert banned not in summary.text, summary.text
    assert len(summary.sentences) >= 3
