"""The eval machinery without a model: gold loading, name matching, scores, reports, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.errors import ArticleError
from summarizer.evaluation import load_gold, score_brief, summarize_scores
from summarizer.evaluation.gold import GoldArticle, GoldEntity
from summarizer.evaluation.matching import found
from summarizer.evaluation.metrics import failed_score
from summarizer.evaluation.report import EvalReport, check_bar, compare_reports, write_report
from summarizer.ingest.article import Article
from summarizer.rules.names import same_name, usable
from summarizer.schema import Actor, ArticleInfo, Brief, Place, RunInfo, Span, Uncertainty
from tests.conftest import ROOT

GUM = ROOT / "tests" / "data" / "gum-news"


def test_gum_gold_follows_the_notice_rules() -> None:
    golds = {g.id: g for g in load_gold(GUM)}
    assert len(golds) == 12
    afghan = golds["GUM_news_afghan"]
    assert {e.label for e in afghan.who} == {
        "Afghan Girls Robotics Team",
        "For Inspiration and Recognition of Science and Technology",
        "Donald Trump",
    }
    assert {e.label for e in afghan.where} == {"Washington, D.C.", "United States", "Afghanistan"}
    assert afghan.summary and afghan.article.published is not None
    assert golds["GUM_news_warming"].who == ()


def test_jsonl_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "article": {"text": "Ann Lee spoke in Oslo."}, "who": ["Ann Lee"], "where": ["Oslo"]},
        {"text": "FIFA met.", "summary": "FIFA met.", "who": [{"name": "FIFA", "aliases": ["the federation"]}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    golds = load_gold(path)
    assert [g.id for g in golds] == ["a", "gold-2"]
    assert golds[1].who[0].mentions == ("FIFA", "the federation")
    assert golds[1].article.text == "FIFA met."


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]\n"])
def test_bad_gold_files_are_named(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(ArticleError, match=r"bad\.jsonl"):
        load_gold(path)


def test_empty_gold_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"no \*\.json gold files"):
        load_gold(tmp_path)


@pytest.mark.parametrize(
    ("brief_name", "gold_form"),
    [
        ("Donald Trump", "President Donald Trump"),
        ("Trump", "President Trump's"),
        ("the Church of Scientology", "Church of Scientology"),
        ("Creswell Eastman", "Creswell Eastman"),
        ("Afghan Girls Robotics Team", "Afghan Girls"),
        ("HOME OFFICE", "the Home Office"),
        ("Washington D.C.", "Washington, D.C."),
        ("Supreme Court of Cassation", "Supreme Court of Cassation (Italy)"),
    ],
)
def test_names_match_despite_titles_case_and_punctuation(brief_name: str, gold_form: str) -> None:
    assert same_name(brief_name, gold_form)


@pytest.mark.parametrize(
    ("brief_name", "gold_form"),
    [("Sweden", "South Korea"), ("Donald Tusk", "Donald Trump"), ("the", "the Home Office"), ("Mr", "Mr Smith")],
)
def test_different_names_do_not_match(brief_name: str, gold_form: str) -> None:
    assert not same_name(brief_name, gold_form)


def test_acronyms_match_only_the_same_acronym() -> None:
    america = GoldEntity(label="United States of America", mentions=("U.S.", "the United States", "us"))
    assert found(america, ["US"]) == "US"
    assert found(america, ["us"]) is None and found(GoldEntity(label="UK", mentions=("UK",)), ["US"]) is None


def test_pronouns_and_descriptions_are_not_matched() -> None:
    assert not usable("He") and not usable("its") and not usable("the organization")
    entity = GoldEntity(label="Creswell Eastman", mentions=("He", "I", "Creswell Eastman"))
    assert found(entity, ["He", "the chairman"]) is None
    assert found(entity, ["Dr Creswell Eastman"]) == "Dr Creswell Eastman"


TEXT = "Ann Lee visited Oslo on Monday. She met the mayor."


def _brief(who: list[str], where: list[str], span_text: str | None = None, dropped: int = 0) -> Brief:
    def span(name: str) -> Span:
        start = TEXT.index(name)
        return Span(start=start, end=start + len(name), text=span_text or name)

    sentence = Span(start=0, end=31, text=TEXT[:31])
    return Brief(
        headline="Lee in Oslo",
        summary="Ann Lee visited Oslo.",
        who=[Actor(origin="model", name=n, kind="person", mention=span(n), evidence=[sentence]) for n in who],
        what=[],
        where=[Place(origin="model", name=n, kind="city", mention=span(n), evidence=[sentence]) for n in where],
        when=[],
        sources=[],
        uncertainty=Uncertainty(level="low"),
        article=ArticleInfo(chars=len(TEXT), chars_used=len(TEXT)),
        run=RunInfo(
            model="m",
            backend="b",
            prompt_version="brief/2",
            prompt_tokens=100,
            completion_tokens=50,
            latency_s=12.0,
            attempts=1,
            reasks=0,
            dropped_items=dropped,
        ),
    )


GOLD = GoldArticle(
    id="lee",
    article=Article(text=TEXT),
    summary="Ann Lee visited Oslo on Monday.",
    who=(GoldEntity(label="Ann Lee", mentions=("Ann Lee", "She")), GoldEntity(label="Bo Ek")),
    where=(GoldEntity(label="Oslo", mentions=("Oslo",)),),
)


def test_score_of_one_brief() -> None:
    score = score_brief(GOLD, _brief(["Ann Lee"], ["Oslo"], dropped=1))
    assert (score.who.hit, score.who.total, score.who_missed) == (1, 2, ["Bo Ek"])
    assert (score.where.hit, score.where.total) == (1, 1)
    assert score.spans_exact.share == 1.0 and score.names_in_article.share == 1.0
    assert (score.items_dropped.hit, score.items_dropped.total) == (1, 3)
    assert score.rouge_l is not None and 0.5 < score.rouge_l < 1.0


def test_a_span_that_does_not_match_the_article_is_counted() -> None:
    score = score_brief(GOLD, _brief(["Ann Lee"], [], span_text="Ann Lex"))
    assert score.spans_exact.hit == score.spans_exact.total - 1


def test_failed_articles_count_against_recall_and_validity() -> None:
    scores = [score_brief(GOLD, _brief(["Ann Lee"], ["Oslo"])), failed_score(GOLD, "server down")]
    overall = summarize_scores(scores)
    assert overall.who_recall == 1 / 4 and overall.where_recall == 1 / 2
    assert overall.validity == 0.5 and overall.briefs == 1
    bar = {b.metric: b.met for b in check_bar(overall)}
    assert bar["who_recall"] is False and bar["latency_mean_s"] is True


def _report(path: Path, who: list[str]) -> Path:
    scores = [score_brief(GOLD, _brief(who, ["Oslo"]))]
    overall = summarize_scores(scores)
    report = EvalReport.model_validate(
        {
            "created": "2026-11-23T10:00:00Z",
            "gold": "mem",
            "model": "m",
            "backend": "b",
            "prompt_version": "brief/2",
            "schema_version": "1.1",
            "overall": overall.model_dump(),
            "bar": [b.model_dump() for b in check_bar(overall)],
            "articles": [s.model_dump() for s in scores],
        }
    )
    write_report(report, path)
    return path


def test_compare_two_reports(tmp_path: Path) -> None:
    before = _report(tmp_path / "a.json", [])
    after = _report(tmp_path / "b.json", ["Ann Lee"])
    changes = {
        c.metric: c for c in compare_reports(*(EvalReport.model_validate_json(p.read_text()) for p in (before, after)))
    }
    assert changes["who_recall"].delta == pytest.approx(0.5)
    result = CliRunner().invoke(cli, ["eval", "--compare", str(before), str(after)], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "who recall" in result.output and "+50.0 pts" in result.output
    assert "who 0/2 → 1/2" in result.output


def test_compare_shows_the_new_metrics_of_both_reports(tmp_path: Path) -> None:
    report = EvalReport.model_validate_json(_report(tmp_path / "a.json", []).read_text())
    before = report.model_copy(update={"overall": report.overall.model_copy(update={"times_recall": 0.5})})
    overall = before.overall.model_copy(update={"times_recall": 0.75, "sources_precision": 0.8})
    after = before.model_copy(update={"overall": overall})
    write_report(before, tmp_path / "a.json")
    changes = {c.metric: c for c in compare_reports(before, after)}
    assert changes["times_recall"].delta == pytest.approx(0.25)
    assert changes["sources_precision"].before is None and changes["sources_precision"].after == 0.8
    assert "kind_accuracy" not in changes  # neither report measured it
    write_report(after, tmp_path / "b.json")
    result = CliRunner().invoke(cli, ["eval", "--compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    assert result.exit_code == 0 and "times recall" in result.output and "+25.0 pts" in result.output


def test_compare_refuses_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text("{}")
    result = CliRunner().invoke(cli, ["eval", "--compare", str(other), str(other)])
    assert result.exit_code == 2 and "not a summarizer eval report" in result.output


def test_eval_needs_gold_or_compare() -> None:
    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2 and "GOLD" in result.output
