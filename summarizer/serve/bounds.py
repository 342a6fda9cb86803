"""The server's operating bounds, apart from FastAPI so that the CLI can show them without importing the server."""

from __future__ import annotations

RATE_PER_MINUTE = 120
"""Requests a minute per key: a caller polling one job a second (60) and posting beside it stays under; a runaway
loop is stopped within a second or two. Briefs themselves are bounded by the model's slots, not by this."""
JOB_TIMEOUT_S = 600.0
"""A job running longer is failed: the embedded model makes a brief in 30-60 s on 2 cores, a remote one in seconds,
so ten minutes is a hung model server, not a slow brief."""
GRACE_S = 20.0
"""How long a stopping server lets running briefs finish before parking them: with uvicorn's 5 s for open
requests, under the 30 s Docker and Kubernetes wait after SIGTERM before they kill the process."""
