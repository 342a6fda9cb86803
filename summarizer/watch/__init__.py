"""`summarizer watch`: feeds polled all day, each new article briefed once, today's digest kept current.

:class:`Watcher` is the whole of it, free of the CLI: a server can build one
and call ``run`` in a thread, setting its ``stop`` event to end it.
"""

from summarizer.watch.polite import Polite
from summarizer.watch.sources import Source, watch_sources
from summarizer.watch.watcher import PollReport, Watcher

__all__ = ["Polite", "PollReport", "Source", "Watcher", "watch_sources"]
