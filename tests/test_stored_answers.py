"""Stored briefs follow the code: the store keeps the model's answers and a brief read back is rebuilt from them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer.brief import when
from summarizer.brief.reading import LEAD_CHARS, PASSAGE_CHARS
from summarizer.digest.briefing import brief_all, brief_key
from summarizer.digest.store import Store
from summarizer.evaluation.runner import evaluate
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item
from tests.fault_server import fault_server, schema_minimal

TEXT = (
    "Port Reopens After Storm\n\n"
    "The port of Split reopened on Tuesday after a storm, harbour master Ana Ruiz said. "
    "She said repairs will cost about 2 million euros in March 2027. "
    "A coast guard source confirmed that 12 sailors had been rescued last week."
)


def test_a_rule_change_reaches_stored_briefs_without_a_model_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = Article(text=TEXT, title="Port Reopens After Storm", published="2026-11-25")
    with fault_server(schema_minimal()) as server, Store(tmp_path / "store.sqlite") as store:
        with Summarizer(base_url=server.url, api_key="test", model="scripted") as engine:
            first = brief_all([Item("a.txt", article)], engine, store)
            asked = len(server.requests)
            digest = next(iter(first.briefs))
            answers = store.answers(digest, brief_key(engine))
            assert first.made == 1 and asked >= 1 and answers and json.loads(answers[0])["h"] is not None
            assert len(first.briefs[digest].when) == 3

            monkeypatch.setattr(when, "MAX_TIMES", 1)  # today's rules differ from the stored brief's
            second = brief_all([Item("a.txt", article)], engine, store)
            assert second.reused == 1 and second.made == 0
            assert len(server.requests) == asked, "a stored brief costs no model call"
            rebuilt = second.briefs[digest]
            assert len(rebuilt.when) == 1, "the stored answers were grounded again with today's rules"
            assert rebuilt.run.prompt_tokens == first.briefs[digest].run.prompt_tokens  # the model's cost is kept


def test_the_eval_shares_the_store_and_rebuilds_from_it(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "port", "article": {"text": TEXT}, "who": ["Ana Ruiz"], "where": ["Split"]}))
    with fault_server(schema_minimal()) as server:
        with Summarizer(base_url=server.url, api_key="test", model="scripted") as engine:
            first = evaluate(gold, engine, store_path=tmp_path / "store.sqlite")
            asked = len(server.requests)
            again = evaluate(gold, engine, store_path=tmp_path / "store.sqlite")
    assert not first.articles[0].reused and again.articles[0].reused
    assert len(server.requests) == asked
    same = {"who", "where", "spans_exact", "times", "times_precision"}
    assert again.overall.model_dump(include=same) == first.overall.model_dump(include=same)


def test_answers_that_no_longer_fit_are_asked_again(tmp_path: Path) -> None:
    article = Article(text=TEXT)
    with fault_server(schema_minimal()) as server, Store(tmp_path / "store.sqlite") as store:
        with Summarizer(base_url=server.url, api_key="test", model="scripted") as engine:
            brief_all([Item("a.txt", article)], engine, store)
            key = brief_key(engine)
            digest = next(iter(brief_all([Item("a.txt", article)], engine, store).briefs))
            stored = store.brief(digest, key)
            assert stored is not None
            store.put_brief(digest, key, stored, ['{"not": "a draft"}'])
            asked = len(server.requests)
            again = brief_all([Item("a.txt", article)], engine, store)
    assert again.made == 1 and len(server.requests) > asked


LONG = "Harbour Board Meets\n\n" + " ".join(
    f"Member {n} of the harbour board of Split said on Tuesday that the repairs of pier {n} will wait."
    for n in range((LEAD_CHARS + 2 * PASSAGE_CHARS) // 100)
)
"""A lead and two later passages (sentences of ~95 characters), read whole with two passages."""


def test_a_long_article_is_read_in_follow_ups_and_its_answers_rebuild_only_the_same_reading() -> None:
    article = Article(text=LONG)
    with (
        fault_server(schema_minimal()) as server,
        Summarizer(base_url=server.url, api_key="test", model="x", max_passages=2) as engine,
    ):
        recorded = engine.summarize_recorded(article)
    asked = [json.loads(body)["messages"] for body in server.bodies]
    assert len(recorded.answers) == 3 and len(asked) == 3  # the lead, then two passages
    assert asked[1][:3] == [*asked[0], {"role": "assistant", "content": recorded.answers[0]}]  # one conversation
    assert "More of the same article" in asked[1][-1]["content"] and "More of the same" in asked[2][-1]["content"]
    assert recorded.brief.run.model_chars == len(LONG)
    with Summarizer("none", max_passages=2) as same, Summarizer("none", max_passages=0) as lead_only:
        rebuilt = same.rebuild(article, recorded.answers, recorded.brief.run)
        assert rebuilt is not None and rebuilt.what == recorded.brief.what
        assert lead_only.rebuild(article, recorded.answers, recorded.brief.run) is None  # another flow's answers
        assert brief_key(same) != brief_key(lead_only)
