"""Peak memory of the bundled demo stage by stage, in one process: import, reading each sample, generating and
gating one topic offline. Prints the peak RSS after each stage and the packages that stage imported first.

    .venv/bin/python bench/memory_stages.py
"""

from __future__ import annotations

import asyncio
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _packages() -> set[str]:
    return {name.split(".")[0] for name in sys.modules if not name.startswith("_")}


def main() -> None:
    seen = _packages()

    def stage(name: str) -> None:
        nonlocal seen
        new = sorted(_packages() - seen)
        seen |= set(new)
        print(f"{name:<40} peak {_peak():>4} MiB  new: {', '.join(new) or '-'}", flush=True)

    import seekh_convert.cli  # noqa: F401

    stage("import seekh_convert.cli")
    from seekh_convert.check import run_gate
    from seekh_convert.pipeline import Options, build_engine, load_document

    doc = None
    for path in [*sorted((ROOT / "samples").glob("*.pdf")), *sorted((ROOT / "samples").glob("*.vtt"))]:
        doc = load_document(path, Options())
        stage(f"read {path.name}")
    assert doc is not None
    engine = build_engine("offline", {})
    generation = asyncio.run(engine.generate(doc.topics[0], doc))
    stage("generate one topic (offline)")
    asyncio.run(run_gate(generation.content, doc.topics[0], doc, engine))
    stage("quality gate")


if __name__ == "__main__":
    main()
