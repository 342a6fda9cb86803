"""Briefs and digests built around any text, for tests of what must never fail on hostile input.

Every span is a real slice of the article text, so a renderer's output can be
checked against ``text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
import itertools

from summarizer.digest.schema import Digest
from summarizer.schema import Brief


def spans(text: str, count: int = 3) -> list[dict[str, object]]:
    """Up to ``count`` non-empty slices of ``text`` spread over it (at least one: the whole text)."""
    cuts = sorted({0, len(text), *(len(text) * i // (count + 1) for i in range(1, count + 1))})
    found = [{"start": a, "end": b, "text": text[a:b]} for a, b in itertools.pairwise(cuts) if b > a]
    return found or [{"start": 0, "end": len(text), "text": text}]


def brief(text: str, label: str, url: str | None = None) -> Brief:
    """A brief of ``text`` whose every name, note and headline is ``label`` (markup, quotes, RTL, anything)."""
    evidence = spans(text)
    mention = evidence[0]
    grounded = {"evidence": evidence, "origin": "model"}
    return Brief.model_validate(
        {
            "headline": label,
            "summary": label,
            "who": [{**grounded, "name": label, "kind": "person", "role": label, "mention": mention}],
            "what": [{**grounded, "description": label, "status": "alleged", "actors": [label]}],
            "where": [{**grounded, "name": label, "kind": "city", "mention": mention}],
            "when": [{**grounded, "text": label, "mention": mention}],
            "sources": [{**grounded, "name": label, "anonymous": True, "said": label, "mention": mention}],
            "uncertainty": {"level": "high", "reasons": [{**grounded, "kind": "allegation", "note": label}]},
            "article": {"title": label, "url": url, "chars": len(text), "chars_used": len(text)},
            "run": {
                "model": label,
                "backend": "test",
                "prompt_version": "p",
                "prompt_tokens": 1,
                "completion_tokens": 1,
                "latency_s": 0.1,
                "attempts": 1,
                "reasks": 0,
                "dropped_items": 0,
            },
        }
    )


def digest(text: str, label: str, url: str | None) -> Digest:
    """A one-story digest of one article titled ``label`` at ``url``, quoting ``text``."""
    made = brief(text, label, url)
    citation = {"article": "a1", "outlet": label, "quote": spans(text)[0]}
    story = {
        "id": "s1",
        "rank": 1,
        "headline": label,
        "summary": label,
        "lead_article": "a1",
        "region": label,
        "topic": label,
        "outlets": [label, "other"],
        "articles": ["a1"],
        "who": [label],
        "where": [label],
        "corroborated": [{"claim": label, "outlets": [label, "other"], "citations": [citation, citation]}],
        "conflicts": [
            {
                "kind": "figure",
                "about": label,
                "accounts": [{"value": label, "citation": citation}, {"value": "2", "citation": citation}],
            }
        ],
        "uncertainty": {"level": "high", "reasons": [{"kind": "allegation", "note": label, "citation": citation}]},
        "events": [
            {
                "description": label,
                "status": "alleged",
                "reports": [{"value": "alleged", "citation": {**citation, "said_by": [label]}}],
            }
        ],
        "sources": [{"name": label, "anonymous": True, "said": label, "citation": {**citation, "said_by": [label]}}],
        "figures": [{"about": label, "accounts": [{"value": label, "written": label, "citation": citation}]}],
    }
    return Digest.model_validate(
        {
            "date": dt.date(2026, 11, 20),
            "generated": dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC),
            "overview": [{"story": "s1", "text": label}],
            "sections": [
                {"title": label, "kind": "region", "stories": ["s1"]},
                {"title": label, "kind": "topic", "stories": ["s1"]},
            ],
            "stories": [story],
            "articles": [
                {"id": "a1", "sources": [label], "title": label, "outlet": label, "url": url, "text": text, "brief": made}
            ],
            "skipped": [{"source": label, "reason": label}],
            "failed": [{"source": label, "reason": label}],
            "run": {"model": label, "prompt_version": "p", "schema_version": "1", "made": 1, "reused": 0, "failed": 1,
                    "complete": False},
        }
    )  # fmt: skip
