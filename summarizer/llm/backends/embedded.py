"""The embedded default: llama.cpp in-process (xllamacpp), serving on 127.0.0.1.

The server binds a free loopback port with a random API key, starts once per
backend (under a lock, so threads or coroutines asking together start it once)
and is reused for every brief. Its slots (``parallel``) are fixed when it
starts: ask for the concurrency you want before the first brief. Tests and CI never start it unless a
test is marked ``live``.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError, ModelUnavailableError
from summarizer.llm.backends.base import Capabilities, Endpoint, Status
from summarizer.llm.backends.model_store import DEFAULT_MODEL, INSTALL_HINT, PACKAGED_MODELS, ensure_model
from summarizer.llm.transports import LLAMA_CPP
from summarizer.settings import Settings

CONTEXT_TOKENS = 8192
"""The embedded model's context: the prompt (~2,500 tokens with a passage), the conversation's follow-ups and the answer fit with room (chosen by hand, not measured)."""
EMBEDDED_TIMEOUT = 600.0
"""CPU generation is slow (~55 ms a token); a long brief can take minutes."""

logger = logging.getLogger(__name__)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedBackend:
    """A GGUF model run by llama.cpp inside this process."""

    model: str
    gguf: Path | None = None
    """An explicit GGUF file; None means the packaged model named ``model``."""
    context_tokens: int = CONTEXT_TOKENS
    parallel: int = 1
    threads: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = EMBEDDED_TIMEOUT
    name: str = "embedded"
    _server: Any = field(default=None, repr=False)
    _endpoint: Endpoint | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def started(self) -> bool:
        return self._endpoint is not None

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(runs_locally=True, batch_api=False, slots=self.parallel)

    def concurrency(self, asked: int | None = None) -> int:
        """``asked`` becomes the server's slots if it has not started yet (then they are fixed)."""
        with self._lock:
            if asked and self._endpoint is None:
                self.parallel = asked
        return asked or self.parallel

    def endpoint(self, status: Status | None = None) -> Endpoint:
        with self._lock:
            if self._endpoint is None:
                self._endpoint = self._start(status or (lambda _message: None))
            return self._endpoint

    def close(self) -> None:
        with self._lock:
            self._server = None
            self._endpoint = None

    def model_path(self, status: Status) -> Path:
        if self.gguf is not None:
            return self.gguf
        packaged = PACKAGED_MODELS[self.model]
        told: list[bool] = []

        def progress(done: int, total: int) -> None:
            if not told:
                told.append(True)
                logger.info("assembling %s from its packaged parts (first use)", packaged.filename)
            status(f"assembling {packaged.filename} ({done * 100 // total}%)")

        return ensure_model(packaged, progress)

    def _start(self, status: Status) -> Endpoint:
        try:
            import xllamacpp
        except ImportError:
            raise ModelUnavailableError(f"the embedded model needs the 'local' extra: {INSTALL_HINT}") from None
        path = self.model_path(status)
        status(f"loading {self.model}")
        logger.info(
            "starting the embedded model %s from %s: %d threads, %d slot(s) of %d tokens",
            self.model,
            path,
            self.threads,
            self.parallel,
            self.context_tokens,
        )
        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.n_ctx = self.context_tokens * self.parallel
        params.n_parallel = self.parallel
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.hostnames = ["127.0.0.1"]
        params.port = free_port()
        params.verbosity = -1
        api_key = secrets.token_urlsafe(24)
        params.api_keys = [api_key]
        try:
            self._server = xllamacpp.Server(params)
        except Exception as error:  # the binding raises plain RuntimeError/ValueError
            raise ModelUnavailableError(f"could not load {path}: {error}") from error
        address = str(self._server.listening_address)
        logger.info("the embedded model serves on %s (loopback only, its own random key)", address)
        return Endpoint(f"{address}/v1", api_key, self.model, self.name, self.timeout, transports=LLAMA_CPP)


def embedded_backend(spec: str, settings: Settings | None = None) -> EmbeddedBackend:
    """``local`` / ``local/<packaged name>`` / ``local/<path.gguf>``, with the settings' threads.

    ``timeout`` is not applied: the embedded model keeps EMBEDDED_TIMEOUT (as before Settings).
    """
    tuned: dict[str, Any] = {}
    if settings is not None and settings.threads:
        tuned["threads"] = settings.threads
    if not spec:
        return EmbeddedBackend(model=DEFAULT_MODEL.name, **tuned)
    if spec in PACKAGED_MODELS:
        return EmbeddedBackend(model=spec, **tuned)
    if spec.endswith(".gguf"):
        path = Path(spec).expanduser()
        if not path.is_file():
            raise ConfigError(f"local/{spec}: no such GGUF file")
        return EmbeddedBackend(model=path.stem, gguf=path, **tuned)
    known = ", ".join(sorted(PACKAGED_MODELS))
    raise ConfigError(f"unknown embedded model {spec!r}: use one of {known}, or local/<path to .gguf>")
