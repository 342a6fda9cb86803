"""What an executor needs to make its own Summarizer: plain values, so a Ray actor on another node gets them too."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.brief.engine import Summarizer
from summarizer.brief.reading import MAX_PASSAGES
from summarizer.settings import Settings


@dataclass(frozen=True)
class JobSettings:
    """The model settings resolved once on the driver (flag, else environment), and how to run them.

    A Ray worker on another machine does not see the driver's environment, so
    the job carries what the driver read; the key never appears in a repr.
    """

    model: Settings = field(default_factory=Settings.resolve)
    """Resolved on the driver; ``threads`` is the embedded model's CPU threads per executor (on Ray: its CPUs)."""
    concurrency: int | None = None
    """Requests in flight per executor (per actor on Ray); None: the backend's default."""
    passages: int = MAX_PASSAGES
    """Passages after the lead the model reads (see Summarizer)."""

    def summarizer(self) -> Summarizer:
        """A Summarizer for these settings (the embedded model gets their ``threads``)."""
        return Summarizer(settings=self.model, max_passages=self.passages)
