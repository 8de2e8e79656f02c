"""The LLM path: whole ``seekh-convert convert`` runs against the fake OpenAI-compatible server (tests/fakes),
which answers every request after a fixed reply time, at several ``--concurrency`` values.

Per run: wall time of the CLI process; the request phase (first request sent to last reply); the ideal: the
same requests in a pool that loses no time (each topic released when its input was read, a topic's map
requests side by side and everything else of it one after the other, a free slot going at once to the
earliest input's work; read from the run's --log-json), with the plain bound ``max(N / c, D) x reply time``
beside it (N requests, D the longest chain); efficiency = ideal / request phase. Also: input tokens sent
divided by the tokens of the sources' cleaned text, the share of wall time with no request in flight
(start-up, reading, gate, writing), the CLI's CPU time, and the requests of a re-run served by the cache.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
sys.path.insert(0, str(ROOT / "tests"))

from fakes.openai_server import FakeOpenAIServer, quoting_reply  # noqa: E402

REPLY_SECONDS = float(os.environ.get("BENCH_REPLY_SECONDS", "0.5"))
CONCURRENCY = tuple(int(c) for c in os.environ.get("BENCH_CONCURRENCY", "1,8,32,64").split(","))
#: Seven inputs that are quick to read, so the LLM path is what is measured.
DOCUMENTS = [
    *sorted((CORPUS / "text").glob("*.md")),
    ROOT / "samples" / "therapeutic-alliance-notes.pdf",
    ROOT / "samples" / "memory-lecture.vtt",
    CORPUS / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt",
    CORPUS / "pdf" / "Seige_of_Vicksburg_scan_with_OCR_layer.pdf",
]
CHUNK_TOKENS = int(os.environ.get("BENCH_CHUNK_TOKENS", "200"))


def _convert(server: FakeOpenAIServer, out: Path, cache: Path, concurrency: int) -> tuple[float, float, list[dict]]:
    """Run the CLI; returns its wall time, its CPU time (reader processes included) and its request events."""
    log = out.parent / f"{out.name}.jsonl"
    args = [*map(str, DOCUMENTS), "-o", str(out), "--model", "fake-model", "--base-url", server.url, "--log-json", str(log)]
    args += ["--api-key", "sk-bench", "--cache-dir", str(cache), "--concurrency", str(concurrency)]
    (out.parent / "seekh.toml").write_text(f'[engine]\nchunk_tokens = {CHUNK_TOKENS}\nresponse_format = "json_schema"\n')
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "seekh_convert.cli", "convert", *args], capture_output=True, text=True, cwd=out.parent
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some guide below the gate; the timing still counts
        raise SystemExit(f"conversion failed: {proc.stderr[-2000:]}")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return seconds, _children_cpu() - cpu, [e for e in events if e["event"] in ("request", "loaded")]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _stages(events: list[dict]) -> dict[tuple[int, int], list[int]]:
    """Per topic (input index, topic), the sizes of its stages of requests that wait for each other: its map
    requests side by side, then every other request (guide or reduce, repairs) after the one before."""
    steps: dict[tuple[int, int], list[str]] = defaultdict(list)
    for event in events:
        if event["event"] == "request" and event["phase"] == "sent":
            steps[(event["input_index"], event["topic"])].append(event["step"])
    return {
        key: ([s.count("chunk_notes")] if "chunk_notes" in s else []) + [1] * sum(x != "chunk_notes" for x in s)
        for key, s in steps.items()
    }


def chain_depth(events: list[dict]) -> int:
    """Longest chain of requests that wait for each other."""
    return max((len(stages) for stages in _stages(events).values()), default=0)


def perfect_pool(events: list[dict], slots: int, reply: float) -> float:
    """Seconds the run's requests take in a pool that loses no time: the same topics, each released when its input
    was read, each stage after the one before, a free slot going at once to the earliest input's work."""
    loaded = {e["input"]: _seconds(e["time"]) for e in events if e["event"] == "loaded"}
    sent = [e for e in events if e["event"] == "request" and e["phase"] == "sent"]
    origin = min(_seconds(e["time"]) for e in sent)
    inputs = {e["input_index"]: e["input"] for e in sent}
    stages = _stages(events)
    released = [(max(0.0, loaded.get(inputs[key[0]], origin) - origin), key) for key in stages]
    return _simulate(stages, released, slots, reply)


def _simulate(stages: dict, released: list, slots: int, reply: float) -> float:
    """List scheduling of the topics' stages; returns when the last request ends."""
    todo = {key: list(s) for key, s in stages.items()}
    left: dict = {}
    queue: list = []  # (topic, requests of its current stage not started yet)
    running: list = []  # (end, topic)
    now = end = 0.0
    while released or running or queue:
        for item in sorted(r for r in released if r[0] <= now):
            released.remove(item)
            key = item[1]
            left[key] = todo[key].pop(0)
            queue.append((key, left[key]))
        queue.sort()
        while queue and len(running) < slots:
            key, count = queue.pop(0)
            running.append((now + reply, key))
            if count > 1:
                queue.insert(0, (key, count - 1))
        now = min([t for t, _ in running] + [t for t, _ in released])
        for done in [r for r in running if r[0] <= now]:
            running.remove(done)
            left[done[1]] -= 1
            end = max(end, now)
            if left[done[1]] == 0 and todo[done[1]]:
                released.append((now, done[1]))
    return end


def think_time(events: list[dict]) -> float:
    """Median seconds from a reply to the next request of the same topic (the work between dependent requests:
    reading the reply, grounding, the quality gate; plus any wait for a free slot)."""
    per_topic: dict[tuple[int, int], list[tuple[float, str]]] = defaultdict(list)
    for e in events:
        if e["event"] == "request" and e["phase"] in ("sent", "done"):
            per_topic[(e["input_index"], e["topic"])].append((_seconds(e["time"]), e["phase"]))
    gaps = []
    for seq in per_topic.values():
        seq.sort()
        gaps += [b[0] - a[0] for a, b in zip(seq, seq[1:]) if a[1] == "done" and b[1] == "sent"]
    return statistics.median(gaps) if gaps else 0.0


def _seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def busy_seconds(timeline: list[tuple[float, float]]) -> float:
    """Length of the union of the request intervals."""
    total, end = 0.0, -math.inf
    for start, stop in sorted(timeline):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def sent_tokens(requests: list[dict]) -> int:
    from seekh_convert.text.tokens import count_tokens

    return sum(count_tokens(m.get("content", "")) for body in requests for m in body.get("messages", []))


def source_tokens() -> int:
    from seekh_convert.pipeline import Options, load_document
    from seekh_convert.text.tokens import count_tokens

    return sum(count_tokens("\n\n".join(b.text for b in load_document(p, Options()).blocks)) for p in DOCUMENTS)


def run_all() -> tuple[list[dict], dict]:
    rows, extra = [], {}
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAIServer(delay=REPLY_SECONDS, responder=quoting_reply) as server:
        for c in CONCURRENCY:
            before = len(server.requests)
            wall, cpu, events = _convert(server, Path(tmp) / f"out-{c}", Path(tmp) / f"cache-{c}", c)
            requests, timeline = server.requests[before:], server.timeline[before:]
            n, depth = len(requests), chain_depth(events)
            phase = max(e for _, e in timeline) - min(s for s, _ in timeline)
            # the server's own time per request (the fixed delay, building the reply, sending it): no client can beat it
            reply = statistics.mean(end - start for start, end in timeline)
            bound = max(n / c, depth) * reply
            ideal = perfect_pool(events, c, reply)
            nominal = perfect_pool(events, c, REPLY_SECONDS)  # the same pool if the server added nothing to its delay
            idle = 1 - busy_seconds(timeline) / wall
            row = dict(
                c=c,
                wall=wall,
                cpu=cpu,
                phase=phase,
                ideal=ideal,
                bound=bound,
                n=n,
                depth=depth,
                idle=idle,
                reply=reply,
                nominal=nominal,
            )
            rows.append(row | {"peak": _peak(timeline), "think": think_time(events)})
            print(f"concurrency {c}: {n} requests, wall {wall:.2f} s, phase {phase:.2f} s, ideal {ideal:.2f} s", flush=True)
            extra["tokens"] = sent_tokens(requests)
        before = len(server.requests)
        _convert(server, Path(tmp) / "rerun", Path(tmp) / f"cache-{CONCURRENCY[-1]}", CONCURRENCY[-1])
        extra["cached_requests"] = len(server.requests) - before
    extra["source_tokens"] = source_tokens()
    return rows, extra


def _peak(timeline: list[tuple[float, float]]) -> int:
    events = sorted([(s, 1) for s, _ in timeline] + [(e, -1) for _, e in timeline])
    peak = now = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


def report(rows: list[dict], extra: dict) -> list[str]:
    """The LLM section of bench/RESULTS.md."""
    lines = [
        "## LLM path: one request pool for the whole run",
        "",
        f"{len(DOCUMENTS)} documents (the 3 textbook chapters, both samples, the MIT lecture and the OCRed Vicksburg "
        f"pages), `seekh-convert convert` in a fresh process against the fake OpenAI-compatible server "
        f"(tests/fakes) answering every request after {REPLY_SECONDS:g} s with replies whose items quote the source; "
        "reply = the server's mean time per request (that delay, building the reply, sending it), which no client "
        "can beat, so the ideal is simulated with it. "
        f"Inputs are split with chunk_tokens = {CHUNK_TOKENS}, so that seven documents make enough requests to fill "
        "64 slots many times over. Ideal = the same requests in a pool that loses no time: each topic released when "
        "its input was read, a topic's map requests side by side and every other request of it after the one before, "
        "a free slot going at once to the earliest input's work (simulated from the run's --log-json); bound = "
        "max(N / c, D) x reply, N requests, D the longest chain. Efficiency = ideal / request phase (first "
        "request sent to last reply). Idle = share of the CLI's wall time with no request in flight (start-up, "
        "reading, quality gate, writing); reply to next = median time from a reply to the next request of the same "
        "topic (reading the reply, grounding, the quality gate, and any wait for a slot): the ideal counts it as "
        "zero; CPU = the CLI's CPU time.",
        "",
        "| concurrency | requests | chain D | most in flight | reply | bound | ideal | request phase | efficiency | efficiency at the bare delay | reply to next | wall | idle | CPU |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {r['c']} | {r['n']} | {r['depth']} | {r['peak']} | {r['reply']:.3f} s | {r['bound']:.2f} s | {r['ideal']:.2f} s | "
            f"{r['phase']:.2f} s | {r['ideal'] / r['phase']:.0%} | {r['nominal'] / r['phase']:.0%} | {r['think'] * 1000:.0f} ms | {r['wall']:.2f} s | "
            f"{r['idle']:.0%} | {r['cpu']:.1f} s |"
            for r in rows
        ),
        "",
        f"Input tokens sent / tokens of the sources' cleaned text: {extra['tokens']:,} / {extra['source_tokens']:,} = "
        f"{extra['tokens'] / extra['source_tokens']:.2f}. Requests on a re-run with the same cache: {extra['cached_requests']}.",
        "",
    ]
    return lines


def main() -> list[str]:
    rows, extra = run_all()
    return report(rows, extra)


if __name__ == "__main__":
    print("\n".join(main()))
