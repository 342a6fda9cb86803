"""``summarizer serve``: briefs over HTTP (FastAPI), for the newsroom tools that cannot run a command.

The top room, beside the CLI: it uses the same engine, store and messages,
and nothing below imports it. Needs the optional ``[serve]`` extra
(``pip install 'groundbrief[serve]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.serve.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """``create_app`` imported on first use: the CLI reads ``serve.bounds`` without FastAPI installed."""
    if name == "create_app":
        from summarizer.serve.app import create_app

        return create_app
    raise AttributeError(name)
