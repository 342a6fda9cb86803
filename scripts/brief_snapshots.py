"""Compare two runs' brief snapshots: ``python scripts/brief_snapshots.py compare OLD NEW``.

OLD and NEW are directories written by the test plugin ``tests/snapshots.py``
(``SUMMARIZER_SNAPSHOT_DIR=DIR pytest ...``). Prints each key that is missing
on one side or whose JSON differs (with the first differing fields) and a
summary line; exits 1 on any difference, 0 when every snapshot is
byte-identical.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHOWN_FIELDS = 5


def load(directory: Path) -> dict[str, str]:
    saved: dict[str, str] = json.loads((directory / "snapshots.json").read_text(encoding="utf-8"))
    return saved


def differences(old: Any, new: Any, path: str = "") -> Iterator[str]:
    """The paths where two JSON values differ, depth first."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from differences(old.get(key), new.get(key), f"{path}.{key}" if path else key)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for number, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from differences(a, b, f"{path}[{number}]")
    elif old != new or type(old) is not type(new):
        yield f"{path or '<root>'}: {_short(old)} -> {_short(new)}"


def compare(old_dir: Path, new_dir: Path) -> int:
    old, new = load(old_dir), load(new_dir)
    missing = [key for key in old if key not in new]
    added = [key for key in new if key not in old]
    changed = [key for key in old if key in new and old[key] != new[key]]
    for key in missing:
        print(f"only in {old_dir}: {key}")
    for key in added:
        print(f"only in {new_dir}: {key}")
    for key in changed:
        fields = list(differences(json.loads(old[key]), json.loads(new[key])))
        print(f"changed: {key} ({len(fields)} field(s))")
        for line in fields[:SHOWN_FIELDS]:
            print(f"    {line}")
        if len(fields) > SHOWN_FIELDS:
            print(f"    ... and {len(fields) - SHOWN_FIELDS} more")
    same = len(old) - len(missing) - len(changed)
    print(f"{same} identical, {len(changed)} changed, {len(missing)} missing, {len(added)} added ({len(new)} in new)")
    return 1 if missing or added or changed else 0


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    diff = commands.add_parser("compare", help="diff two snapshot directories; exit 1 on any difference")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
