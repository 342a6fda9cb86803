"""The PolNeAR sources scorer on a short article written for this test (CC0) in PolNeAR's format; no model.

PolNeAR's own texts may not be shipped, so the gold here is hand-made the way
PolNeAR annotates: source, cue and content spans of every attribution.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evaluation import load_gold, score_brief
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.sources import source_class
from summarizer.schema import ArticleInfo, Brief, RunInfo, Source, Span, Uncertainty

TEXT = (
    "Bridge to reopen in May\n"
    "Mayor Ana Ortiz said the bridge will reopen in May. "
    '"We are on schedule," she told reporters on Monday. '
    "Officials said the cost had risen by a third. "
    "A city report said repairs took longer than planned. "
    "Ortiz added that traffic would be light."
)


def _span(phrase: str, after: int = 0) -> dict[str, object]:
    start = TEXT.index(phrase, after)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def _attribution(source: str, cue: str, content: str) -> dict[str, object]:
    return {"source": _span(source), "cue": _span(cue, TEXT.index(source)), "content": [_span(content)]}


ATTRIBUTIONS = [
    _attribution("Mayor Ana Ortiz", "said", "the bridge will reopen in May"),
    _attribution("she", "told", '"We are on schedule,"'),
    _attribution("Officials", "said", "the cost had risen by a third"),
    _attribution("A city report", "said", "repairs took longer than planned"),
    _attribution("Ortiz added", "added", "traffic would be light"),
]
ATTRIBUTIONS[4]["source"] = _span("Ortiz", TEXT.index("Ortiz added"))


@pytest.fixture
def gold(tmp_path: Path) -> GoldArticle:
    path = tmp_path / "bridge.json"
    path.write_text(json.dumps({"article": {"text": TEXT}, "gold": {"attributions": ATTRIBUTIONS}}))
    (loaded,) = load_gold(path)
    return loaded


def _source(name: str, mention: str, evidence: list[str], anonymous: bool = False, after: int = 0) -> Source:
    def sentence(phrase: str) -> Span:
        start = TEXT.index(phrase)
        end = TEXT.index(". ", start) + 1 if ". " in TEXT[start:] else len(TEXT)
        return Span(start=start, end=end, text=TEXT[start:end])

    spot = _span(mention, after)
    return Source(
        origin="model",
        name=name,
        anonymous=anonymous,
        said="s",
        mention=Span(start=int(spot["start"]), end=int(spot["end"]), text=str(spot["text"])),  # type: ignore[call-overload]
        evidence=[sentence(e) for e in evidence],
    )


def _brief(sources: list[Source]) -> Brief:
    return Brief(
        headline="h",
        summary="s",
        who=[],
        what=[],
        where=[],
        when=[],
        sources=sources,
        uncertainty=Uncertainty(level="low"),
        article=ArticleInfo(chars=len(TEXT), chars_used=len(TEXT)),
        run=RunInfo(
            model="m",
            backend="b",
            prompt_version="p",
            prompt_tokens=1,
            completion_tokens=1,
            latency_s=1.0,
            attempts=1,
            reasks=0,
            dropped_items=0,
        ),
    )


def test_source_classes(gold: GoldArticle) -> None:
    classes = [source_class(a, TEXT) for a in gold.attributions]
    assert gold.kind == "polnear"
    assert classes == ["named", "pronoun", "described", "other", "named"]


def test_named_described_and_pronoun_sources(gold: GoldArticle) -> None:
    ortiz = _source("Ana Ortiz", "Ana Ortiz", ["Mayor Ana Ortiz", '"We are on schedule'])
    officials = _source("Officials", "Officials", ["Officials said"], anonymous=True)
    score = score_brief(gold, _brief([ortiz, officials]))
    assert (score.sources.hit, score.sources.total) == (3, 3)  # Ortiz twice (same name), the officials
    assert (score.pronoun_sources.hit, score.pronoun_sources.total) == (1, 1)  # "she": Ortiz's evidence, named before
    assert (score.sources_precision.hit, score.sources_precision.total) == (2, 2)
    assert (score.sources_anonymity.hit, score.sources_anonymity.total) == (2, 2)
    assert (score.sources_content.hit, score.sources_content.total) == (2, 2)
    assert (score.sources_covered.hit, score.sources_covered.total) == (2, 3)  # "Ortiz added" is not in the evidence


def test_duplicates_and_non_sources_cost_precision(gold: GoldArticle) -> None:
    sources = [
        _source("Mayor Ana Ortiz", "Mayor Ana Ortiz", ["Mayor Ana Ortiz"]),
        _source("Ortiz", "Ortiz", ["Ortiz added"], after=TEXT.index("Ortiz added")),
        _source("traffic", "traffic", ["Ortiz added"], anonymous=True),
        _source("Officials", "Officials", ["Officials said"], anonymous=False),
    ]
    score = score_brief(gold, _brief(sources))
    assert (score.sources_precision.hit, score.sources_precision.total) == (2, 4)
    assert score.sources_duplicates == 1
    assert "traffic" in score.wrong and "Ortiz (again)" in score.wrong
    assert (score.sources_anonymity.hit, score.sources_anonymity.total) == (1, 2)  # the officials are unnamed
    assert score.pronoun_sources.hit == 0  # no source's evidence covers "she told"
    assert (score.sources_content.hit, score.sources_content.total) == (2, 2)


def test_evidence_that_misses_what_was_said_costs_content(gold: GoldArticle) -> None:
    ortiz = _source("Ana Ortiz", "Ana Ortiz", ["A city report"])
    score = score_brief(gold, _brief([ortiz]))
    assert (score.sources.hit, score.sources_precision.hit) == (2, 1)
    assert (score.sources_content.hit, score.sources_content.total) == (0, 1)
    assert (score.sources_covered.hit, score.sources_covered.total) == (0, 2)


def test_a_brief_without_sources_scores_zero_recall(gold: GoldArticle) -> None:
    score = score_brief(gold, _brief([]))
    assert (score.sources.hit, score.sources.total) == (0, 3)
    assert score.sources_precision.share is None and score.sources_missed == ["Mayor Ana Ortiz", "Officials", "Ortiz"]
