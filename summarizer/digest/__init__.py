"""The daily digest and the batch behind it: store, resumable briefs, story grouping, merge and rank.

``build_digest`` is loaded on first use, so the store and the digest schema
can be imported without the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarizer.digest.schema import DIGEST_SCHEMA_VERSION, Digest, Story

__all__ = ["DIGEST_SCHEMA_VERSION", "Digest", "Story", "build_digest"]


def __getattr__(name: str) -> Any:
    if name == "build_digest":
        from summarizer.digest.build import build_digest

        return build_digest
    raise AttributeError(f"module 'summarizer.digest' has no attribute {name!r}")


if TYPE_CHECKING:
    from summarizer.digest.build import build_digest
