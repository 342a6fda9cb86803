"""The MEANTIME scorers on real gold (tests/data/meantime, CC BY 4.0) and hand-made briefs; no model."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.evaluation import load_gold, score_brief, summarize_scores
from summarizer.evaluation.annotations import GoldEvent
from summarizer.evaluation.events import expected
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.metrics import failed_score
from summarizer.evaluation.report import check_bar
from summarizer.schema import (
    Actor,
    ArticleInfo,
    Brief,
    Event,
    Place,
    RunInfo,
    Span,
    TimeReference,
    Uncertainty,
)
from tests.conftest import ROOT

MEANTIME = ROOT / "tests" / "data" / "meantime"


@pytest.fixture(scope="module")
def golds() -> dict[str, GoldArticle]:
    return {g.stem or g.id: g for g in load_gold(MEANTIME)}


def span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span(start=start, end=start + len(phrase), text=phrase)


def sentence(text: str, phrase: str) -> Span:
    """The sentence (up to the next full stop) that holds ``phrase``."""
    at = text.index(phrase)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = text.index(". ", at + len(phrase)) + 1
    return Span(start=start, end=end, text=text[start:end])


def brief(text: str, **items: Any) -> Brief:
    return Brief(
        headline="h",
        summary="s",
        who=items.get("who", []),
        what=items.get("what", []),
        where=items.get("where", []),
        when=items.get("when", []),
        sources=[],
        uncertainty=Uncertainty(level="low"),
        article=ArticleInfo(chars=len(text), chars_used=len(text)),
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


def test_meantime_gold_is_read_with_its_scope(golds: dict[str, GoldArticle]) -> None:
    assert len(golds) == 10 and all(g.kind == "meantime" for g in golds.values())
    eads = golds["100911"]
    assert eads.scope_end == 801 and eads.id == "meantime-en-100911"
    assert {"Northrop Grumman", "Boeing", "Paul Nesbit"} <= {e.label for e in eads.who}
    supply = next(e for e in eads.events if e.text == "supply")
    assert (supply.certainty, supply.polarity, supply.time) == ("CERTAIN", "POS", "FUTURE")
    assert any(t.creation and t.value == "2008-03-01" for t in eads.times)


def test_a_planned_event_with_the_right_status_is_judged_and_kept(golds: dict[str, GoldArticle]) -> None:
    gold = golds["100911"]
    text = gold.article.text
    evidence = [sentence(text, "have unexpectedly defeated")]
    planned = Event(
        origin="model", description="EADS will supply the USAF with tankers", status="confirmed", evidence=evidence
    )
    score = score_brief(gold, brief(text, what=[planned]))
    assert (score.events_judged.hit, score.status_right.hit, score.lead_uncertain.hit) == (1, 0, 0)
    assert score.lead_uncertain.total == 1
    right = planned.model_copy(update={"status": "planned"})
    score = score_brief(gold, brief(text, what=[right]))
    assert (score.status_right.hit, score.status_right.total) == (1, 1)
    assert (score.lead_uncertain.hit, score.lead_uncertain.total) == (1, 1)


def test_the_verb_the_statement_leads_with_holds_the_status(golds: dict[str, GoldArticle]) -> None:
    gold = golds["100911"]
    text = gold.article.text
    evidence = [sentence(text, "have unexpectedly defeated")]
    won = Event(
        origin="model",
        description="Northrop and EADS defeated Boeing for a contract",
        status="confirmed",
        evidence=evidence,
    )
    score = score_brief(gold, brief(text, what=[won]))
    assert (score.status_right.hit, score.status_right.total) == (1, 1)


def test_a_statement_without_a_verb_of_the_article_is_not_judged(golds: dict[str, GoldArticle]) -> None:
    gold = golds["100911"]
    text = gold.article.text
    names = Event(
        origin="model",
        description="Northrop Grumman and Airbus parent company European Aeronaut",
        status="confirmed",
        evidence=[sentence(text, "have unexpectedly defeated")],
    )
    outside = Event(
        origin="model", description="Boeing may protest", status="alleged", evidence=[span(text, "Boeing", 900)]
    )
    score = score_brief(gold, brief(text, what=[names, outside]))
    assert score.events == 2
    assert (score.events_judged.hit, score.events_judged.total) == (0, 1)
    assert score.status_right.total == 0


@pytest.mark.parametrize(
    ("certainty", "polarity", "time", "statuses"),
    [
        ("CERTAIN", "POS", "NON_FUTURE", {"confirmed"}),
        ("CERTAIN", "POS", "FUTURE", {"planned"}),
        ("CERTAIN", "NEG", "NON_FUTURE", {"denied"}),
        ("POSSIBLE", "POS", "NON_FUTURE", {"alleged", "claimed", "unclear"}),
        ("PROBABLE", "POS", "FUTURE", {"alleged", "claimed", "unclear", "planned"}),
        ("CERTAIN", "POS", "UNDERSPECIFIED", {"confirmed", "planned"}),
        ("UNDERSPECIFIED", "POS", "NON_FUTURE", set()),
        (None, None, None, set()),
    ],
)
def test_status_map(certainty: str | None, polarity: str | None, time: str | None, statuses: set[str]) -> None:
    mention = GoldEvent(start=0, end=3, text="won", certainty=certainty, polarity=polarity, time=time)
    assert expected(mention) == statuses


def _time(text: str, phrase: str, date: dt.date | None, precision: str | None, after: int = 0) -> TimeReference:
    mention = span(text, phrase, after)
    return TimeReference(
        origin="model", text=phrase, date=date, precision=precision, mention=mention, evidence=[mention]
    )


def test_times_are_right_only_at_the_gold_granularity(golds: dict[str, GoldArticle]) -> None:
    gold = golds["103623"]
    text = gold.article.text
    month = _time(text, "February", dt.date(2008, 2, 1), "month")
    year_as_day = _time(text, "2007", dt.date(2007, 1, 1), "day")
    dateline = _time(text, "April 9, 2008", dt.date(2008, 4, 9), "day")
    unresolved = _time(text, "April 2nd", None, None)
    duration = _time(text, "Five years", dt.date(2003, 1, 1), "year")
    score = score_brief(gold, brief(text, when=[month, year_as_day, dateline, unresolved, duration]))
    countable = 7  # two Februaries, April 3, 2003, 2007, April 2nd, the beginning of the year
    assert (score.times.hit, score.times.total) == (1, countable)
    assert (score.times_precision.hit, score.times_precision.total) == (1, 2)
    assert "2007 = 2007" in score.times_missed
    year = _time(text, "2007", dt.date(2007, 1, 1), "year")
    assert score_brief(gold, brief(text, when=[year])).times.hit == 1


def test_who_and_where_precision_and_kind(golds: dict[str, GoldArticle]) -> None:
    gold = golds["103623"]
    text = gold.article.text
    who = [
        Actor(
            origin="model",
            name="Best Buy",
            kind="organization",
            mention=span(text, "Best Buy"),
            evidence=[span(text, "Best Buy")],
        ),
        Actor(origin="model", name="Apple", kind="person", mention=span(text, "Apple"), evidence=[span(text, "Apple")]),
    ]
    where = [
        Place(
            origin="model",
            name="Ars Technica",
            kind="city",
            mention=span(text, "Ars Technica"),
            evidence=[span(text, "Ars")],
        ),
        Place(
            origin="model",
            name="United States",
            kind="country",
            mention=span(text, "United States"),
            evidence=[span(text, "the")],
        ),
        Place(
            origin="model",
            name="February",
            kind="city",
            mention=span(text, "February"),
            evidence=[span(text, "February")],
        ),
    ]
    score = score_brief(gold, brief(text, who=who, where=where))
    assert (score.who_precision.hit, score.who_precision.total) == (2, 2)
    assert (score.where_precision.hit, score.where_precision.total) == (1, 3)
    assert (score.kind_accuracy.hit, score.kind_accuracy.total) == (2, 4)  # Apple a person; Ars Technica a city
    assert any(w.startswith("Ars Technica") for w in score.wrong)


def test_an_empty_brief_scores_zero_recall(golds: dict[str, GoldArticle]) -> None:
    scores = [score_brief(gold, brief(gold.article.text)) for gold in golds.values()]
    overall = summarize_scores(scores)
    assert overall.who_recall == 0.0 and overall.times_recall == 0.0 and overall.lead_uncertain == 0.0
    assert overall.judged_per_brief == 0.0 and overall.events_per_brief == 0.0
    assert overall.who_precision is None and overall.times_precision is None  # nothing to be precise about
    bar = {b.metric: b.met for b in check_bar(overall, ["meantime"])}
    assert bar["times_recall"] is False and bar["judged_per_brief"] is False and bar["validity"] is True


def test_a_failed_brief_misses_the_gold(golds: dict[str, GoldArticle]) -> None:
    score = failed_score(golds["103623"], "server down")
    assert score.times.total == 7 and score.times.hit == 0 and score.lead_uncertain.total in (0, 1)


def _store(directory: Path, gold: GoldArticle, made: Brief) -> None:
    (directory / f"meantime-dev__{gold.stem}.json").write_text(made.model_dump_json())


def test_eval_scores_stored_briefs_without_a_model(golds: dict[str, GoldArticle], tmp_path: Path) -> None:
    gold = golds["103623"]
    text = gold.article.text
    _store(tmp_path, gold, brief(text, when=[_time(text, "February", dt.date(2008, 2, 1), "month")]))
    (tmp_path / "meantime-dev__10450.err").write_text("ModelOutputError('the model answered nothing')\n")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["eval", str(MEANTIME), "--from-briefs", str(tmp_path), "--report", str(report)], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert "8 of 10 articles have no stored brief" in result.output
    data = json.loads(report.read_text())
    assert data["datasets"] == ["meantime"] and data["overall"]["articles"] == 2
    assert data["overall"]["times_recall"] == pytest.approx(1 / (7 + 2))  # 10450 failed: its two gold times are missed
    assert "times recall" in result.output and "planned/uncertain lead event kept" in result.output
    bars = {b["metric"] for b in data["bar"]}
    assert {"times_recall", "kind_accuracy", "judged_per_brief"} <= bars and "spans_exact" not in bars


def test_eval_exits_1_when_every_brief_failed(tmp_path: Path) -> None:
    (tmp_path / "100911.err").write_text("BackendError('server down')")
    result = CliRunner().invoke(
        cli, ["eval", str(MEANTIME), "--from-briefs", str(tmp_path), "--report", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 1, result.output
    assert "every brief failed" in result.output and "Traceback" not in result.output


def test_a_stored_brief_of_another_text_or_half_written_is_a_failed_row(
    golds: dict[str, GoldArticle], tmp_path: Path
) -> None:
    _store(tmp_path, golds["100911"], brief("another article"))
    result = CliRunner().invoke(
        cli, ["eval", str(MEANTIME), "--from-briefs", str(tmp_path), "--report", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 1 and "a brief of another text" in result.output  # its row failed: every brief did
    (tmp_path / "meantime-dev__100911.json").write_text('{"headline": "half wri')
    result = CliRunner().invoke(
        cli, ["eval", str(MEANTIME), "--from-briefs", str(tmp_path), "--report", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 1 and "not a brief" in result.output and "Traceback" not in result.output


def test_ablation_runs_the_none_backend_and_scores_what_the_rules_find(tmp_path: Path) -> None:
    report = tmp_path / "rules-only.json"
    args = ["eval", str(MEANTIME), "--ablation", "--store", str(tmp_path / "store.sqlite"), "--report", str(report)]
    result = CliRunner().invoke(cli, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["backend"] == "none" and data["overall"]["briefs"] == 10
    assert all(a["prompt_tokens"] == 0 for a in data["articles"])  # no model read anything
    assert data["overall"]["times_recall"] is not None and data["overall"]["who_precision"] is not None
