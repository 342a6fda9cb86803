"""The topic set's reader and scoring (tests/data/topics-mini: two articles written for these tests); no model."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.errors import ArticleError
from summarizer.evaluation import load_gold, score_brief, summarize_scores
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.report import check_bar
from summarizer.schema import Actor, Event, NamedThing, Place, Source, TimeReference
from tests.conftest import ROOT
from tests.test_eval_meantime import brief, sentence, span

TOPICS = ROOT / "tests" / "data" / "topics-mini"


@pytest.fixture(scope="module")
def golds() -> dict[str, GoldArticle]:
    return {g.topic or "": g for g in load_gold(TOPICS)}


def test_topic_files_are_read_from_their_topic_folders(golds: dict[str, GoldArticle]) -> None:
    assert sorted(golds) == ["disasters-weather", "sport"] and all(g.kind == "topics" for g in golds.values())
    sport = golds["sport"]
    assert [e.label for e in sport.who] == ["Lena Maris", "Ada Kern"] and sport.who[0].mentions == (
        "Lena Maris",
        "Maris",
    )
    kinds = {m.text: m.type for m in sport.mentions}
    assert kinds["Harbour Games"] == "PRO" and kinds["Portugal"] == "LOC" and kinds["Riverside Athletic Club"] == "ORG"
    assert len([m for m in sport.mentions if m.entity == "Lena Maris"]) == 3  # "Lena Maris", then "Maris" twice
    assert sport.scope_end == len(sport.article.text) and sport.lead_end == sport.article.text.index("\n\n")


def test_statuses_become_meantime_factuality(golds: dict[str, GoldArticle]) -> None:
    flood = {e.text: (e.certainty, e.polarity, e.time) for e in golds["disasters-weather"].events}
    assert flood["the road will reopen in April"] == ("CERTAIN", "POS", "FUTURE")
    assert flood["No one was hurt"] == ("CERTAIN", "NEG", "NON_FUTURE")
    assert flood["The storm may return on Friday"] == ("POSSIBLE", "POS", "NON_FUTURE")


def test_sources_and_times_are_found_at_their_occurrence(golds: dict[str, GoldArticle]) -> None:
    sport = golds["sport"]
    text = sport.article.text
    kern = sport.attributions[2]
    assert text[kern.start : kern.end] == "Kern" and kern.start == text.index("Kern said")
    assert text[kern.cue.start : kern.cue.end] == "said" and kern.cue.start == text.index("said she")
    assert [(t.text, t.value) for t in sport.times] == [
        ("Wednesday", "2021-03-03"),
        ("June 2022", "2022-06"),
        ("next year", "2022"),
    ]


def _write(tmp_path: Path, **changes: object) -> Path:
    record = json.loads((TOPICS / "sport" / "test-sport-harbour-games.json").read_text())
    record.update(changes)
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record))
    return path


def test_unannotated_or_wrong_files_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not annotated yet"):
        load_gold(_write(tmp_path, annotated=False))
    with pytest.raises(ArticleError, match="'Monday' is not in the article text"):
        load_gold(_write(tmp_path, times=[{"text": "Monday", "value": "2021-03-01"}]))
    with pytest.raises(ArticleError, match="'lead' must be true exactly"):
        load_gold(_write(tmp_path, events=[{"text": "Kern said she may retire", "status": "unclear", "lead": True}]))
    with pytest.raises(ArticleError, match="'kind' must be one of"):
        load_gold(_write(tmp_path, who=[{"name": "Lena Maris", "kind": "athlete"}]))
    with pytest.raises(ArticleError, match="not in the article text as whole words"):
        load_gold(_write(tmp_path, where=[{"name": "Malt", "kind": "country"}]))


def _actor(text: str, name: str, kind: str) -> Actor:
    return Actor(origin="model", name=name, kind=kind, mention=span(text, name), evidence=[span(text, name)])  # type: ignore[arg-type]


def _place(text: str, name: str, kind: str) -> Place:
    return Place(origin="model", name=name, kind=kind, mention=span(text, name), evidence=[span(text, name)])  # type: ignore[arg-type]


def _time(text: str, phrase: str, date: dt.date, precision: str) -> TimeReference:
    return TimeReference(
        origin="rule",
        text=phrase,
        date=date,
        precision=precision,
        mention=span(text, phrase),
        evidence=[span(text, phrase)],  # type: ignore[arg-type]
    )


def _event(text: str, description: str, status: str, phrase: str) -> Event:
    return Event(origin="model", description=description, status=status, evidence=[sentence(text, phrase)])  # type: ignore[arg-type]


def test_a_brief_is_scored_on_names_kinds_times_events_and_sources(golds: dict[str, GoldArticle]) -> None:
    gold = golds["sport"]
    text = gold.article.text
    made = brief(
        text,
        who=[
            _actor(text, "Lena Maris", "person"),
            _actor(text, "Harbour Games", "organization"),  # an event, neither who nor where
            _actor(text, "Riverside Athletic Club", "organization"),  # named in passing: right, not required
        ],
        where=[_place(text, "Valletta", "city"), _place(text, "Malta", "country"), _place(text, "Wednesday", "city")],
        when=[
            _time(text, "Wednesday", dt.date(2021, 3, 3), "day"),
            _time(text, "June 2022", dt.date(2022, 1, 1), "year"),  # a month given as a year
        ],
        what=[
            _event(text, "Lena Maris won the final", "confirmed", "Lena Maris of Portugal won"),
            _event(text, "The Harbour Games will return to Valletta", "confirmed", "will return"),
        ],
    )
    made = made.model_copy(
        update={
            "sources": [
                Source(
                    origin="rule",
                    name="Maris",
                    anonymous=False,
                    said="trained all winter",
                    mention=span(text, "Maris told"),
                    evidence=[sentence(text, "I trained")],
                )
            ]
        }
    )
    score = score_brief(gold, made)
    assert (score.who_precision.hit, score.who_precision.total) == (2, 3)
    assert (score.where_precision.hit, score.where_precision.total) == (2, 3)
    assert (score.kind_accuracy.hit, score.kind_accuracy.total) == (4, 5)  # "Harbour Games" is no organization
    assert (score.who.hit, score.who.total) == (1, 2) and score.who_missed == ["Ada Kern"]
    assert (score.where.hit, score.where.total) == (2, 2)
    assert (score.times.hit, score.times.total) == (1, 3) and (
        score.times_precision.hit,
        score.times_precision.total,
    ) == (1, 2)
    assert (score.status_right.hit, score.status_right.total) == (1, 2)  # "will return" is planned
    assert (score.lead_uncertain.hit, score.lead_uncertain.total) == (0, 0)  # the lead holds no planned event
    assert (score.sources.hit, score.sources.total) == (1, 3) and (
        score.sources_precision.hit,
        score.sources_precision.total,
    ) == (1, 1)


def _thing(text: str, name: str, kind: str) -> NamedThing:
    return NamedThing(origin="rule", name=name, kind=kind, mention=span(text, name), evidence=[span(text, name)])  # type: ignore[arg-type]


def test_named_things_are_scored_for_recall_kind_and_where_they_lie(golds: dict[str, GoldArticle]) -> None:
    gold = golds["sport"]
    text = gold.article.text
    right = score_brief(gold, brief(text).model_copy(update={"others": [_thing(text, "Harbour Games", "event")]}))
    assert (right.others.hit, right.others.total, right.others_kind.hit) == (1, 1, 1)
    assert (right.others_precision.hit, right.others_precision.total) == (1, 1)
    wrong = score_brief(
        gold,
        brief(text).model_copy(
            update={"others": [_thing(text, "Harbour Games", "work"), _thing(text, "Lena Maris", "product")]}
        ),
    )
    assert (wrong.others.hit, wrong.others_kind.hit, wrong.others_kind.total) == (1, 0, 1)
    assert (wrong.others_precision.hit, wrong.others_precision.total) == (1, 2)  # a person is no product
    assert "Lena Maris (others product; PER)" in wrong.wrong
    empty = score_brief(gold, brief(text))
    assert (empty.others.hit, empty.others.total) == (0, 1) and empty.others_missed == ["Harbour Games"]
    overall = summarize_scores([right, wrong, empty])
    assert (overall.others_recall, overall.others_precision, overall.others_kind_accuracy) == (2 / 3, 2 / 3, 1 / 2)


def test_a_planned_lead_event_kept_counts_and_topics_are_reported_apart(golds: dict[str, GoldArticle]) -> None:
    flood = golds["disasters-weather"]
    text = flood.article.text
    kept = brief(text, what=[_event(text, "The road will reopen in April", "planned", "will reopen")])
    lost = brief(text, what=[_event(text, "The road will reopen in April", "confirmed", "will reopen")])
    assert (score_brief(flood, kept).lead_uncertain.hit, score_brief(flood, kept).lead_uncertain.total) == (1, 1)
    assert (score_brief(flood, lost).lead_uncertain.hit, score_brief(flood, lost).lead_uncertain.total) == (0, 1)
    overall = summarize_scores(
        [score_brief(flood, kept), score_brief(golds["sport"], brief(golds["sport"].article.text))]
    )
    assert overall.lead_uncertain == 1.0 and overall.times_recall == 0.0
    bars = {b.metric: b.met for b in check_bar(overall, ["topics"])}
    assert bars["lead_uncertain"] is True and bars["times_recall"] is False and "judged_per_brief" not in bars


def test_eval_reports_each_topic_from_stored_briefs(golds: dict[str, GoldArticle], tmp_path: Path) -> None:
    flood = golds["disasters-weather"]
    text = flood.article.text
    made = brief(
        text,
        when=[_time(text, "Tuesday", dt.date(2021, 11, 9), "day"), _time(text, "April", dt.date(2021, 4, 1), "month")],
    )
    (tmp_path / f"{flood.stem}.json").write_text(made.model_dump_json())
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["eval", str(TOPICS), "--from-briefs", str(tmp_path), "--report", str(report)], terminal_width=250
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["datasets"] == ["topics"] and sorted(data["topics"]) == ["disasters-weather"]
    flood_figures = data["topics"]["disasters-weather"]
    assert flood_figures["times_recall"] == pytest.approx(1 / 3) and flood_figures["times_precision"] == pytest.approx(
        1 / 2
    )
    assert "per topic" in result.output and "disasters-weather" in result.output
    compared = CliRunner().invoke(cli, ["eval", "--compare", str(report), str(report)], terminal_width=250)
    assert compared.exit_code == 0, compared.output
    assert "per topic, A → B" in compared.output and "33→33" in compared.output  # times recall 1/3 on both sides


def test_ablation_scores_the_topic_set_with_the_rules_alone(tmp_path: Path) -> None:
    report = tmp_path / "rules-only.json"
    args = ["eval", str(TOPICS), "--ablation", "--store", str(tmp_path / "store.sqlite"), "--report", str(report)]
    result = CliRunner().invoke(cli, args, terminal_width=250)
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert (
        data["backend"] == "none"
        and data["overall"]["briefs"] == 2
        and sorted(data["topics"]) == ["disasters-weather", "sport"]
    )
    assert data["overall"]["times_recall"] is not None and data["overall"]["sources_recall"] is not None


def test_a_cue_without_its_occurrence_is_the_one_beside_its_source(tmp_path: Path) -> None:
    record = json.loads((TOPICS / "sport" / "test-sport-harbour-games.json").read_text())
    kern = {
        "source": "Kern",
        "source_occurrence": 2,
        "named": True,
        "cue": "said",
        "content": "she may retire next year",
    }
    (gold,) = load_gold(_write(tmp_path, sources=[*record["sources"][:2], kern]))
    text = gold.article.text
    assert gold.attributions[2].cue.start == text.index("said she")  # not the first "said" ("organisers said")
    assert gold.attributions[0].cue.start == text.index("said.")


def test_a_clock_time_or_duration_marked_as_such_is_not_held_against_a_brief(tmp_path: Path) -> None:
    record = json.loads((TOPICS / "sport" / "test-sport-harbour-games.json").read_text())
    duration = {"text": "4 minutes 2.1 seconds", "type": "duration"}
    (plain,) = load_gold(_write(tmp_path, times=record["times"]))
    (marked,) = load_gold(_write(tmp_path, times=[*record["times"], duration]))
    assert marked.times[-1].type == "DURATION" and marked.times[-1].value is None
    text = plain.article.text
    made = brief(text, when=[_time(text, "4 minutes", dt.date(2021, 3, 5), "day")])  # a duration read as a date
    assert score_brief(plain, made).times_precision.total == 1  # on no gold expression: wrong
    assert score_brief(marked, made).times_precision.total == 0  # on a marked duration: not judged
    with pytest.raises(ArticleError, match="'type' must be one of"):
        load_gold(_write(tmp_path, times=[{"text": "Wednesday", "type": "weekday"}]))
