"""Peak memory of a command's whole process tree (the main process, the fork server and the workers), sampled from
/proc every 50 ms: the largest single process's RSS, the largest sum of the tree's RSS (shared pages counted in
every process, what ``top`` adds up) and of its PSS (shared pages split: what the machine really holds), and the
CPU time (user + system) of the command and of every process of its tree as last sampled. Linux only.

    .venv/bin/python bench/tree_memory.py -- .venv/bin/seekh-convert convert samples/*.pdf samples/*.vtt -o OUT -q
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

INTERVAL = 0.05


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree(root: int) -> list[int]:
    children, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu(pid: int) -> float:
    """User + system seconds of one process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; (0, 0) once it is gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:] if line.endswith("kB")}
    return values.get("Rss", 0), values.get("Pss", 0)


def measure(command: list[str]) -> dict[str, float]:
    """Run ``command`` to its end; its peaks in MiB, CPU and wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen(command)
    single = rss_sum = pss_sum = 0
    each: dict[int, int] = {}
    cpu: dict[int, float] = {}  # the workers are reaped by the fork server, not by us: their CPU as last seen
    while process.poll() is None:
        pids = _tree(process.pid)
        sizes = [_memory(pid) for pid in pids]
        for pid, (rss, _) in zip(pids, sizes):
            each[pid] = max(each.get(pid, 0), rss)
            if pid != process.pid:
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu(pid))
        single = max(single, *(r for r, _ in sizes))
        rss_sum = max(rss_sum, sum(r for r, _ in sizes))
        pss_sum = max(pss_sum, sum(p for _, p in sizes))
        time.sleep(INTERVAL)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {
        "returncode": process.returncode,
        "largest process MiB": single / 1024,
        "main process MiB": each.get(process.pid, 0) / 1024,
        "each process MiB": "/".join(f"{v / 1024:.0f}" for v in each.values()),
        "tree RSS sum MiB": rss_sum / 1024,
        "tree PSS sum MiB": pss_sum / 1024,
        "largest process (kernel) MiB": after.ru_maxrss / 1024,
        "cpu s (main + workers as last sampled)": main_cpu + sum(cpu.values()),
        "wall s": wall,
    }


def main() -> None:
    args = sys.argv[1:]
    command = args[args.index("--") + 1 :] if "--" in args else args
    figures = measure(command)
    print("  ".join(f"{k}: {v:.1f}" if isinstance(v, float) else f"{k}: {v}" for k, v in figures.items()))
    sys.exit(0 if figures["returncode"] == 0 else 1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
