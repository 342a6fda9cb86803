"""What an executor needs to make its own Summarizer: plain values, so a Ray actor on another node gets them too."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.brief.engine import Summarizer
from summarizer.brief.reading import MAX_PASSAGES
from summarizer.llm.backends import EmbeddedBackend
from summarizer.redact import redact


@dataclass(frozen=True)
class Settings:
    """The model options as given on the driver (flag, else environment), resolved once there.

    A Ray worker on another machine does not see the driver's environment, so
    the job carries what the driver read; the key never appears in a repr.
    """

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float | None = None
    concurrency: int | None = None
    """Requests in flight per executor (per actor on Ray); None: the backend's default."""
    threads: int | None = None
    """CPU threads of an embedded model (per actor on Ray: its CPUs); None: all cores."""
    passages: int = MAX_PASSAGES
    """Passages after the lead the model reads (see Summarizer)."""

    def __repr__(self) -> str:
        base_url = redact(self.base_url) if self.base_url else None
        return f"Settings(model={self.model!r}, base_url={base_url!r}, concurrency={self.concurrency!r})"

    def summarizer(self) -> Summarizer:
        """A Summarizer for these settings; the embedded model gets ``threads`` and ``concurrency`` slots."""
        engine = Summarizer(
            self.model, base_url=self.base_url, api_key=self.api_key, timeout=self.timeout, max_passages=self.passages
        )
        if self.threads and isinstance(engine.backend, EmbeddedBackend):
            engine.backend.threads = self.threads
        return engine
