"""Writing output files: atomic for regular files, written through for everything else (issue 11)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from summarizer.files import unwritable, write_atomically


def test_a_regular_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]  # no temporary file left behind


def test_a_symlink_keeps_being_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_atomically(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == ["through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_dev_full_is_a_full_disk_and_stays_a_device() -> None:
    with pytest.raises(OSError, match="No space left"):
        write_atomically(Path("/dev/full"), "x" * 10_000)
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_unwritable_names_the_problem_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    assert unwritable(tmp_path / "new" / "deeper" / "x.json") is None
    assert unwritable(tmp_path) == "is a directory"
    assert "is not a directory" in str(unwritable(tmp_path / "file" / "x.json"))
    assert unwritable(Path("/dev/null")) is None
