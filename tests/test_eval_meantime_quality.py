"""Issue 10's MEANTIME bars on the 10 MEANTIME articles the project ships, replayed from a recorded model run.

`make record` re-runs them on the embedded model and rewrites the cassette;
replay takes no model time. Every bar is asserted (who/where precision and
kind accuracy were strict expected failures until names were read from how
the article uses them: nlp/usage.py). The rules alone (the
``none`` backend) give no event the model did not help find: see the
ablation row in the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from summarizer import Summarizer
from summarizer.evaluation import evaluate
from summarizer.llm.backends import Backend
from summarizer.render.evaluation import render_report
from tests.conftest import ROOT

MEANTIME = ROOT / "tests" / "data" / "meantime"


@pytest.mark.vcr
def test_meantime_meets_the_bar(model_backend: Backend, tmp_path: Path) -> None:
    with Summarizer(backend=model_backend) as summarizer:
        report = evaluate(MEANTIME, summarizer, store_path=tmp_path / "store.sqlite", force=True)
    render_report(report, Console(width=160))  # shown with `pytest -s`: the recorded run's figures
    overall = report.overall
    assert overall.briefs == overall.articles == 10
    missed = [f"{b.label} {b.value} (bar {b.op} {b.target})" for b in report.bar if not b.met]
    assert not missed, missed
    assert overall.model_mean_s is not None and overall.model_mean_s <= 80.0, overall.model_mean_s
