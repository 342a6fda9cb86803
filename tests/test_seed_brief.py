"""The seed article's brief, replayed from a cassette recorded on the embedded model."""

from __future__ import annotations

import pytest

from summarizer import Brief, Summarizer, read_article
from summarizer.llm.backends import Backend
from summarizer.rules.text import normalize
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text()


def names(items: list) -> set[str]:
    return {normalize(item.mention.text) for item in items}


def assert_grounded(brief: Brief, text: str) -> None:
    spans = [
        s
        for group in (brief.who, brief.what, brief.where, brief.when, brief.sources, brief.uncertainty.reasons)
        for item in group
        for s in item.evidence
    ]
    spans += [item.mention for group in (brief.who, brief.where, brief.when, brief.sources) for item in group]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text


def check_seed_brief(brief: Brief, text: str) -> None:
    assert_grounded(brief, text)
    who = " | ".join(sorted(names(brief.who)))
    assert "abass dembele" in who and "national transition council" in who, who
    assert {"kati", "mali"} <= names(brief.where)
    anonymous = [s for s in brief.sources if s.anonymous]
    assert anonymous, "expected at least one unnamed source"
    assert any("oumar maiga" in normalize(s.mention.text) and not s.anonymous for s in brief.sources)
    kinds = {r.kind for r in brief.uncertainty.reasons}
    assert "allegation" in kinds
    conflict = [r for r in brief.uncertainty.reasons if r.kind == "conflicting_claims"]
    assert any(
        "20" in " ".join(e.text for e in r.evidence) and "50" in " ".join(e.text for e in r.evidence) for r in conflict
    )
    assert brief.uncertainty.level in {"medium", "high"}


@pytest.mark.vcr
def test_seed_brief(model_backend: Backend, seed_text: str) -> None:
    with Summarizer(backend=model_backend) as summarizer:
        brief = summarizer.summarize(read_article(SEED))
    check_seed_brief(brief, seed_text)
    assert brief.run.prompt_version.startswith("brief/")
    assert brief.run.attempts >= 1 and brief.run.completion_tokens > 0
    assert brief.article.chars == len(seed_text)


@pytest.mark.live
def test_live_embedded_seed(seed_text: str) -> None:
    """End to end on the real embedded model: assemble, load, brief, ground."""
    with Summarizer("local") as summarizer:
        brief = summarizer.summarize(read_article(SEED))
    check_seed_brief(brief, seed_text)
    assert brief.run.backend == "embedded"
    assert brief.run.server_timings is not None
