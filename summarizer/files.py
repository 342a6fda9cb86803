"""Writing files so that a reader never sees half of one.

A regular file (or a new one) is written beside its target and renamed into
place. Anything else is written through: a device (``/dev/full``,
``/dev/stdout``), a FIFO or a terminal is opened and written, never replaced by
a regular file; a symlink's target is written and the link kept.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path``: a regular file is whole or absent; other files are written through."""
    target = Path(path).resolve()  # a symlink is followed: its target is written, the link stays
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with target.open("w", encoding="utf-8") as stream:
            stream.write(text)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        # mkstemp makes 0600: keep the replaced file's mode, else the usual mode of a new file
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def unwritable(path: Path) -> str | None:
    """Why ``path`` cannot be written, checked before the expensive work (None when it looks writable)."""
    target = Path(path).resolve()
    if target.is_dir():
        return "is a directory"
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        return None if os.access(target, os.W_OK) else "it is not writable"
    folder = target.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a directory"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder} is not writable (permissions or a read-only file system)"
    return None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
