"""What a user installs: the wheel and sdist carry the licence, the notices and the type marker; setup checks Python."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHECK_PYTHON = ROOT / "scripts" / "check-python"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel, built from this checkout offline (hatchling from the dev environment)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_the_wheel_carries_licence_notices_types_and_prompts(built: Path) -> None:
    wheel = next(built.glob("groundbrief-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    licences = [n for n in names if ".dist-info/licenses/" in n]
    assert {Path(n).name for n in licences} == {"LICENSE", "THIRD_PARTY_NOTICES.md"}
    assert "summarizer/py.typed" in names
    assert any(n.startswith("summarizer/prompts/brief/") for n in names)
    assert "Name: groundbrief" in metadata and "License-Expression: Apache-2.0" in metadata


def test_the_sdist_carries_licence_and_notices(built: Path) -> None:
    sdist = next(built.glob("groundbrief-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {Path(n).name for n in archive.getnames()}
    assert {"LICENSE", "THIRD_PARTY_NOTICES.md", "pyproject.toml", "README.md"} <= names
    assert "mali-coup-plot.txt" not in names  # the agency seed is never shipped


def _check(python: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(CHECK_PYTHON), python], capture_output=True, text=True, timeout=60)


def test_setup_accepts_this_python() -> None:
    done = _check(sys.executable)
    assert done.returncode == 0 and done.stderr == ""


def test_setup_refuses_an_old_python_in_one_line(tmp_path: Path) -> None:
    """A python3 that is 3.10 (Ubuntu 22.04's) gets one line naming the version needed and how to choose another."""
    old = tmp_path / "python3"
    old.write_text('#!/bin/sh\ncase "$*" in *version_info*) exit 1 ;; *python_version*) echo 3.10.12 ;; esac\n')
    old.chmod(0o755)
    done = _check(str(old))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "Python 3.10.12" in done.stderr and "3.11 or newer" in done.stderr and "make PYTHON=" in done.stderr


def test_setup_says_what_to_do_without_python(tmp_path: Path) -> None:
    done = _check(str(tmp_path / "no-such-python"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "no Python 3.11 or newer found" in done.stderr and "make PYTHON=" in done.stderr
