"""Pages from the templates under ``serve/templates``: autoescaped, and sent with the headers every page has."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse

from summarizer import __version__

SHOWN_DAYS = 14
"""Stored days the date picker lists as links (two weeks); any other stored day is one date input away."""
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""No script runs on a page (it has none, so a title that slipped through escaping could not run one either),
nothing is fetched, and its forms post only here."""


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
    )


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The page, with the headers every page has (its policy, no sniffing, no referrer to article sites)."""
    context.setdefault("q", "")
    body = _templates().get_template(template).render(version=__version__, shown_days=SHOWN_DAYS, **context)
    headers = {"Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(body, status_code=status, headers=headers)
