"""Runs the app on uvicorn so that SIGTERM is a clean stop: running briefs finish or are parked, exit status 0.

uvicorn re-raises the signal that stopped it once it has shut down, so a
service manager would see 143 ("killed") even after a clean stop. A SIGTERM
is how systemd, Docker and Kubernetes ask a service to stop, so after the
shutdown (open requests, then the jobs' grace) it is not re-raised; Ctrl-C
(SIGINT) still ends as that signal (130), as a command interrupted by a person.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

OPEN_REQUESTS_GRACE_S = 5
"""Seconds a stopping server waits for open requests: enough for a stored brief or a job's state (ms); a POST
still waiting for its brief is then answered no more, and its job finishes or is parked by the jobs' grace."""


class _Server(uvicorn.Server):
    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        with super().capture_signals():
            yield
            # uvicorn re-raises what it captured after this block: SIGTERM was a requested, clean stop.
            self._captured_signals = [sig for sig in self._captured_signals if sig != signal.SIGTERM]


def run(app: FastAPI, host: str, port: int) -> None:
    """Serve until SIGTERM (returns) or Ctrl-C (ends as SIGINT)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        timeout_graceful_shutdown=OPEN_REQUESTS_GRACE_S,
    )
    _Server(config).run()
