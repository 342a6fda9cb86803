"""The library's log on stderr, at the level -v/-q ask for.

The library logs under ``summarizer`` and prints nothing; here its records
(and other libraries' warnings) go to stderr, one line each. The handler looks
up ``sys.stderr`` at every line: while a rich progress bar or spinner runs,
that is rich's proxy, which prints the line above the bar instead of through it.
"""

from __future__ import annotations

import logging
import sys

from summarizer.redact import RedactingFilter

LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}
"""-q, the default, -v, -vv."""
VERBOSITY_HELP = (
    "Show what the library does on stderr: -v retries, re-asks, fallbacks to the rules, skipped articles and"
    " the embedded model's start (INFO); -vv also details (DEBUG). Default: warnings and errors."
)
QUIET_HELP = "Errors only on stderr: no warnings (results and the final error line still show)."


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when the line is logged (rich swaps in a proxy while a bar runs)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure(verbose: int, quiet: bool) -> int:
    """Send log records to stderr at the level asked; return that level. Calling it again replaces the handler."""
    level = LEVELS[-1 if quiet else min(verbose, 2)]
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    # Other libraries stay at warnings (errors with -q): -v and -vv are about this library's own log.
    root.setLevel(max(level, logging.WARNING))
    logging.getLogger("summarizer").setLevel(level)
    return level


def quiet() -> bool:
    """Whether -q asked for errors only (the CLI's own warning lines are left out too)."""
    return logging.getLogger("summarizer").getEffectiveLevel() > logging.WARNING
