"""Issue 10's MEANTIME bars on the 10 MEANTIME articles the project ships, replayed from a recorded model run.

`make record` re-runs them on the embedded model and rewrites the cassette;
replay takes no model time. The bars the engine meets are asserted; the
ones it does not meet yet are kept as strict expected failures, so they stay
visible and the test says so the day they are met. The rules alone (the
``none`` backend) give no event the model did not help find: see the
ablation row in the README.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rich.console import Console

from summarizer import Summarizer
from summarizer.evaluation import EvalReport, evaluate
from summarizer.llm.backends import Backend
from summarizer.render.evaluation import render_report
from tests.conftest import ROOT

MEANTIME = ROOT / "tests" / "data" / "meantime"
NOT_YET = {"kind_accuracy"}
"""Bars of issue 10 not met yet with the model on these 10 articles: kind accuracy (84.5%): countries the gold
types as organizations where they act ("Qatar has an order", "the US company") are listed as places, and the
gold's own convention for the EU and Europe (a place in one article, an organization in another) is not one a
general rule can follow. Who and where precision are met since names are read from how the article uses them
(products, events, publications: nlp/usage.py)."""


@cache
def _report_holder() -> dict[str, EvalReport]:
    return {}


@pytest.mark.vcr
def test_meantime_meets_the_bar(model_backend: Backend, tmp_path: Path) -> None:
    with Summarizer(backend=model_backend) as summarizer:
        report = evaluate(MEANTIME, summarizer, store_path=tmp_path / "store.sqlite", force=True)
    _report_holder()["report"] = report
    render_report(report, Console(width=160))  # shown with `pytest -s`: the recorded run's figures
    overall = report.overall
    assert overall.briefs == overall.articles == 10
    missed = [
        f"{b.label} {b.value} (bar {b.op} {b.target})" for b in report.bar if not b.met and b.metric not in NOT_YET
    ]
    assert not missed, missed
    assert overall.model_mean_s is not None and overall.model_mean_s <= 80.0, overall.model_mean_s


@pytest.mark.parametrize("metric", sorted(NOT_YET))
@pytest.mark.xfail(strict=True, reason="issue 10 bar not met yet (see NOT_YET)")
def test_meantime_bars_not_met_yet(metric: str) -> None:
    report = _report_holder().get("report")
    if report is None:
        pytest.skip("runs after test_meantime_meets_the_bar")
    result = next(b for b in report.bar if b.metric == metric)
    assert result.met, f"{result.label} {result.value} (bar {result.op} {result.target})"
