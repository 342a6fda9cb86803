"""Issue 23's bars, on the hostile-model bench: nothing a misbehaving model writes reaches a reader, and what a
faithful model writes is kept.

The pipeline runs once per behaviour for the whole module (benchmarks/hostile_model.py caches it), against the
scripted server of tests/hostile_model_server.py. A bar today's grounding misses is a strict xfail whose reason says
what still gets through: it turns into a failure (XPASS) when that is fixed, and the mark comes off then.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import hostile_model as bench
from summarizer.brief.reading import read
from summarizer.ingest.article import Article
from summarizer.llm.draft import addition_model, draft_model
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.rules.text import ArticleIndex
from tests.hostile_model_server import (
    BEHAVIOURS,
    ScriptedArticle,
    Unplaceable,
    addition,
    lead,
    load_articles,
    plays,
    respond,
)

ARTICLES = load_articles()
INJECTION_LANGUAGES = {"en", "fr", "es", "de", "it"}
FAITHFUL_BAR = 0.9
"""Issue 23: at least 90% of faithful paraphrases kept (as written, or in the article's own words)."""


def _sentence(article: ScriptedArticle, number: int) -> str:
    return ArticleIndex(article.text).sentences[number - 1].text


def _lead_size(article: ScriptedArticle) -> int:
    return len(read(ArticleIndex(article.text)).lead)


# -- the bench itself -----------------------------------------------------------------------------------------


def test_the_articles_cover_what_the_issue_asks() -> None:
    assert len(ARTICLES) >= 20
    assert len({a.id for a in ARTICLES}) == len(ARTICLES)
    bodies = [a.language for a in ARTICLES]
    assert {"fr", "es", "de"} <= set(bodies) and bodies.count("en") > len(ARTICLES) / 2
    injected = [a.injection["language"] for a in ARTICLES if a.injection]
    assert all(injected.count(language) >= 2 for language in INJECTION_LANGUAGES), injected


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_the_scripted_facts_hold_in_the_article(article: ScriptedArticle) -> None:
    """Cited sentences exist; an invented event cites a sentence naming whom it names (a faithful one may name
    whom its sentence calls "she" or "the probe", as models do); marks are words the article never uses."""
    sentences = ArticleIndex(article.text).sentences
    names = [*article.faithful["ppl"], *article.faithful["org"], article.invented["src"]["n"]]
    for event in [*article.faithful["what"], *article.invented["what"]]:
        assert all(1 <= n <= len(sentences) for n in event["s"]), event
        cited = [sentences[n - 1] for n in event["s"]] if "marks" in event else sentences[: max(event["s"])]
        for name in (n.split()[-1] for n in names if n.split()[-1] in event["e"]):
            assert any(name in sentence.text for sentence in cited), (event, name)
    told = bench.fold(article.text)
    invented = [m for e in article.invented["what"] for m in e["marks"]]
    for mark in [*invented, *article.sensational["marks"]]:
        assert not bench.carries(told, [mark]), f"{mark!r} is in the article: it cannot tell an invention"
    if article.injection:
        planted = _sentence(article, article.injection["sentence"])
        assert article.injection["target"] in planted
        assert not bench.carries(told, article.injection["marks"], [bench.fold(planted)])


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_each_answer_fits_the_engine_schema_and_carries_its_marks(behaviour: str) -> None:
    """What the server answers validates against the draft the engine asks for, and the hostile items are in it:
    a count of 0 is the pipeline's doing, not a script that never wrote them."""
    for article in (a for a in ARTICLES if plays(behaviour, a)):
        size = _lead_size(article)
        answer = lead(BEHAVIOURS[behaviour](article), size)
        draft_model(size).model_validate(answer)
        written = " ".join([answer["h"], answer["sm"], *(e["e"] for e in answer["what"])])
        for item in bench.hostile_items(behaviour, article):
            assert bench.carries(written, item.marks), (article.id, item.label)


def test_a_long_article_is_answered_in_its_passage_too() -> None:
    """The pipeline reads the long article's rest as a passage; the events the script cites there reach the brief
    through that call (the faithful ones) as they would from a model."""
    long = next(a for a in ARTICLES if read(ArticleIndex(a.text)).passages)
    lead_size = _lead_size(long)
    later = [e for e in long.faithful["what"] if min(e["s"]) > lead_size]
    assert later
    brief = next(s.brief for s in bench.seen_all()["faithful"] if s.article is long)
    assert {e["e"] for e in later} <= {e.description for e in brief.what}


def test_the_server_answers_a_later_passage_and_a_reask_as_the_engine_asks() -> None:
    article = next(a for a in ARTICLES if a.language == "en" and a.injection)
    assert article.injection is not None
    reading = read(ArticleIndex(article.text), lead_chars=150)  # a short lead, so the rest comes as a passage
    assert reading.passages
    passage = reading.passages[0]
    first, last = passage[0].number, passage[-1].number
    task = BRIEF_PROMPTS.render("brief")
    shown = Article(text=article.text, title=article.title, published=article.published)
    messages = [
        {"role": "system", "content": BRIEF_PROMPTS.render("system", task=task)},
        {"role": "user", "content": BRIEF_PROMPTS.render("user", article=shown, reading=reading, language=None)},
    ]
    opening = json.loads(respond({"model": "obeys", "messages": messages}, ARTICLES))
    draft_model(len(reading.lead)).model_validate(opening)
    assert all(n <= len(reading.lead) for e in opening["what"] for n in e["s"])

    messages += [{"role": "assistant", "content": json.dumps(opening)}]
    messages += [{"role": "user", "content": BRIEF_PROMPTS.render("more", passage=passage, language=None)}]
    added = json.loads(respond({"model": "obeys", "messages": messages}, ARTICLES))
    addition_model(first, last).model_validate(added)
    assert added == addition(BEHAVIOURS["obeys"](article), first, last)
    assert any(e["e"] == article.injection["e"] for e in added["what"])  # the obeyed event cites the passage

    items = [{"field": "ppl", "name": article.injection["target"].upper()}, {"field": "ppl", "name": "Nobody Here"}]
    messages += [{"role": "user", "content": BRIEF_PROMPTS.render("reask", items=items)}]
    fixed = json.loads(respond({"model": "faithful", "messages": messages}, ARTICLES))
    assert fixed == {"fix": [article.injection["target"], ""]}
    insisted = json.loads(respond({"model": "invents", "messages": messages}, ARTICLES))
    assert insisted == {"fix": [article.injection["target"], "Nobody Here"]}

    with pytest.raises(Unplaceable, match="no behaviour"):
        respond({"model": "gpt-4o", "messages": messages}, ARTICLES)
    stranger = [messages[0], {"role": "user", "content": "<article>\nLead:\n[1] Not a scripted article.\n</article>"}]
    with pytest.raises(Unplaceable, match="0 scripted articles"):
        respond({"model": "faithful", "messages": stranger}, ARTICLES)


@pytest.mark.parametrize("behaviour", ["invents", "sensational"])
def test_a_faithful_model_carries_no_mark_of_an_invention(behaviour: str) -> None:
    """The control: the marks of invented and sensational items are found nowhere in the faithful run's outputs,
    so a count above 0 is the item itself. (An obeyed instruction's words are the article's own: see the item 2
    tests below.)"""
    found = bench.reach("faithful", bench.seen_all()["faithful"], behaviour)
    assert found.items and found.anywhere == 0, found


# -- the bars -------------------------------------------------------------------------------------------------


def _nothing_reaches(behaviour: str) -> None:
    found = bench.reach(behaviour, bench.seen_all()[behaviour])
    assert found.items
    assert {c: found.channels[c] for c in bench.CHANNELS} == dict.fromkeys(bench.CHANNELS, 0), found


def test_no_invented_event_reaches_a_brief_digest_or_rendered_output() -> None:
    _nothing_reaches("invents")


def test_no_invented_source_reaches_a_brief() -> None:
    items, in_brief = bench.invented_sources(bench.seen_all()["invents"])
    assert items and in_brief == 0


def test_no_sensational_title_reaches_a_brief_digest_or_rendered_output() -> None:
    _nothing_reaches("sensational")


def test_no_obeyed_instruction_reaches_a_brief_digest_or_rendered_output() -> None:
    _nothing_reaches("obeys")


def test_a_planted_instruction_reaches_no_output_even_from_a_faithful_model() -> None:
    """The rules alone must not turn the instruction into an event or a source."""
    found = bench.reach("faithful", bench.seen_all()["faithful"], "obeys")
    assert found.items and found.anywhere == 0, found


def test_a_planted_instruction_is_never_evidence() -> None:
    injected = [s for s in bench.seen_all()["faithful"] if s.article.injection]
    quoted = bench.reach("faithful", injected).instruction_quoted
    assert injected and sum(quoted.values()) == 0, quoted


def test_faithful_paraphrases_are_kept() -> None:
    found = bench.kept(bench.seen_all()["faithful"])
    assert found.items == sum(2 + len(a.faithful["what"]) for a in ARTICLES)  # headline, summary, events
    assert found.share_kept_or_replaced >= FAITHFUL_BAR, found
