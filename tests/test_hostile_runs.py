"""Hostile inputs end to end (issue 19): the CLI in a subprocess under an address-space limit, with good files in
the same batch. Each hostile input gets one clear line, the good ones are converted, nothing hangs, Ctrl-C and
kill -9 leave no process behind, one run at a time holds an output folder, outputs are never read back."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import interruptible
from fakes import hostile_files as hostile

#: Address space each process of a run may use: a bomb that got through would fail here, not fill the machine.
LIMIT = 3 << 30
CLI = [sys.executable, "-m", "seekh_convert.cli"]
GOOD = "# Photosynthesis\n\n" + "Plants turn light, water and carbon dioxide into sugar and oxygen in their leaves. " * 12


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
    interruptible()  # the tests stop some runs with Ctrl-C


def _start(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "convert", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limited,
        start_new_session=True,
    )


def _run(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    proc = _start(*args, cwd=cwd)
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        _kill_session(proc.pid)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _session(sid: int) -> list[int]:
    """Processes of session ``sid`` still alive (the CLI, its fork server and reader workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _kill_session(sid: int) -> None:
    for pid in _session(sid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _gone_within(sid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _session(sid):
            return True
        time.sleep(0.2)
    return False


def _good(folder: Path, name: str = "good.md") -> Path:
    path = folder / name
    path.write_text(GOOD)
    return path


def _guides(out: Path, stem: str) -> list[Path]:
    return sorted((out / stem).glob("*/guide.json"))


def _one_line_each(stderr: str, names: list[str]) -> None:
    assert "Traceback" not in stderr and "please report" not in stderr
    for name in names:
        lines = [line for line in stderr.splitlines() if line.startswith("error:") and name in line]
        assert len(lines) == 1, (name, stderr)


def test_bombs_in_a_batch_are_refused_in_one_line_each_and_the_good_file_converts(tmp_path):
    big = hostile.docx(tmp_path / "big.docx", body=hostile._P, repeat=(950 << 20) // len(hostile._P))
    lie = hostile.lying_member(tmp_path / "lie.docx", real=1 << 30)
    page = hostile.sparse_page(tmp_path / "page.html", 200 << 20)
    laughs = hostile.laughs_epub(tmp_path / "laughs.epub")
    good = _good(tmp_path)
    proc = _run(str(big), str(lie), str(page), str(laughs), str(good), "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    _one_line_each(proc.stderr, ["big.docx", "lie.docx", "page.html", "laughs.epub"])
    assert _guides(tmp_path / "out", "good")


def test_a_fifo_argument_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    proc = _run(str(fifo), str(_good(tmp_path)), "-o", "out", cwd=tmp_path, timeout=120)
    _one_line_each(proc.stderr, ["pipe.md"])
    assert "not a regular file" in proc.stderr
    assert _guides(tmp_path / "out", "good")


def test_a_reader_over_the_time_limit_is_stopped_with_one_line_and_the_rest_converts(tmp_path):
    slow = hostile.many_chapters_epub(tmp_path / "slow.epub", 19_000)
    proc = _run(str(slow), str(_good(tmp_path)), "-o", "out", "--read-timeout", "15", cwd=tmp_path, timeout=200)
    _one_line_each(proc.stderr, ["slow.epub"])
    assert "reading took longer than 15 s, stopped; raise --read-timeout" in proc.stderr
    assert _guides(tmp_path / "out", "good")
    assert proc.returncode == 1


def _reading(tmp_path: Path, out: str = "out") -> subprocess.Popen:
    """A run busy in a reader worker (a 19,000-chapter book takes minutes to split)."""
    slow = tmp_path / "slow.epub"
    if not slow.exists():
        hostile.many_chapters_epub(slow, 19_000)
    proc = _start(str(slow), "-o", out, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while len(_session(proc.pid)) < 3 and time.monotonic() < deadline:  # the CLI, the fork server, a worker
        time.sleep(0.2)
    time.sleep(1.0)
    assert len(_session(proc.pid)) >= 3, "no reader worker started"
    return proc


def test_ctrl_c_while_a_worker_reads_stops_everything_at_once_without_a_traceback(tmp_path):
    proc = _reading(tmp_path)
    try:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == 130
        assert "interrupted" in err and "Traceback" not in err
        assert _gone_within(proc.pid, 10), "a reader worker outlived the run"
    finally:
        _kill_session(proc.pid)


def test_kill_9_of_the_main_process_takes_the_workers_with_it(tmp_path):
    proc = _reading(tmp_path)
    try:
        proc.kill()
        proc.wait(10)
        assert _gone_within(proc.pid, 10), "a reader worker was orphaned"
    finally:
        _kill_session(proc.pid)


def test_a_second_run_into_a_locked_output_folder_says_who_holds_it(tmp_path):
    first = _reading(tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "out" / ".seekh" / "run.lock").stat().st_size and time.monotonic() < deadline:
            time.sleep(0.2)
        second = _run(str(_good(tmp_path)), "--single-topic", "-o", "out", cwd=tmp_path, timeout=120)
        assert second.returncode == 2
        assert f"output folder out is in use by another run (pid {first.pid} on " in second.stderr
        assert "started 20" in second.stderr
        assert not (tmp_path / "out" / "good").exists()  # nothing mixed into the first run's folder
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=30)
        _kill_session(first.pid)
    again = _run(str(_good(tmp_path)), "-o", "out", cwd=tmp_path, timeout=300)  # the lock went with its holder
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("inside", [False, True], ids=["same-folder", "inside"])
def test_an_output_folder_in_the_input_folder_is_never_read(tmp_path, inside):
    notes = tmp_path / "notes"
    notes.mkdir()
    _good(notes)
    out = "notes/out" if inside else "notes"
    for _ in range(3):
        proc = _run("notes", "-o", out, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    assert "not read" in proc.stderr
    report = (tmp_path / out / "report.md").read_text()
    assert "report" not in [line.split("|")[1].strip() for line in report.splitlines() if line.startswith("| ")][1:]
    assert sorted(p.parent.name for p in (tmp_path / out).rglob("index.json")) == ["good"]


def test_links_out_of_a_folder_folder_links_and_loops_get_a_skipped_line(tmp_path):
    notes, outside = tmp_path / "notes", tmp_path / "outside"
    (notes / "sub").mkdir(parents=True)
    outside.mkdir()
    _good(notes)
    (outside / "secret.md").write_text(GOOD.replace("Photosynthesis", "Secret"))
    (notes / "secret.md").symlink_to(outside / "secret.md")
    (notes / "elsewhere").symlink_to(outside)
    (notes / "sub" / "loop").symlink_to(notes)
    proc = _run("notes", "-o", "out", cwd=tmp_path)
    assert "skipped: notes/secret.md: symbolic link to a file outside the folder, not followed" in proc.stderr
    assert "skipped: notes/elsewhere: symbolic link to a folder, not followed" in proc.stderr
    assert "skipped: notes/sub/loop: symbolic link to a folder, not followed" in proc.stderr
    assert not (tmp_path / "out" / "secret").exists()


def test_control_and_direction_characters_in_names_are_printed_escaped(tmp_path):
    name = "evil\u202egnp.\nfake.md"
    _good(tmp_path, name)
    proc = _run(name, "-o", "out", cwd=tmp_path)
    assert "evil\\u202egnp.\\u000afake.md" in proc.stderr
    assert "\u202e" not in proc.stderr and "\nfake.md" not in proc.stderr
