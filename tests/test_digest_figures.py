"""The digest reads figures, who reports what and statuses off the briefs' events (issue 10 item 3, issue 14).

The articles are small texts written for these tests (CC0): real places,
fictional events. Their briefs are built here, item by item, as the engine
would ground them, so no model is called and each rule is seen on its own.
"""

from __future__ import annotations

import datetime as dt

from summarizer.digest.build import rank, sections, story
from summarizer.digest.claims import Member, agreements, figure_conflicts
from summarizer.digest.continuity import follow
from summarizer.digest.schema import Digest, DigestArticle, DigestRun
from summarizer.ingest.article import Article
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.rules.text import ArticleIndex
from summarizer.schema import (
    ArticleInfo,
    Brief,
    Event,
    EventStatus,
    Figure,
    RunInfo,
    Source,
    Span,
    Uncertainty,
)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


def sentence(text: str, phrase: str) -> Span:
    """The sentence of ``text`` that holds ``phrase``."""
    at = text.index(phrase)
    found = next(s for s in ArticleIndex(text).sentences if s.start <= at < s.end)
    return Span(start=found.start, end=found.end, text=found.text)


def event(
    text: str,
    statement: str,
    status: EventStatus = "confirmed",
    sources: tuple[str, ...] = (),
    figures: tuple[tuple[str, str | None], ...] = (),
) -> Event:
    """An event resting on the sentence that holds its statement; figures as (text as written, who gave it)."""
    return Event(
        origin="model",
        description=statement,
        status=status,
        evidence=[sentence(text, statement)],
        sources=list(sources),
        figures=[Figure(text=f, mention=span(text, f), source=who) for f, who in figures],
    )


def source(text: str, name: str, said: str, anonymous: bool = False) -> Source:
    return Source(
        origin="model",
        name=name,
        anonymous=anonymous,
        said=said,
        mention=span(text, name),
        evidence=[sentence(text, said)],
    )


def member(
    key: str, outlet: str, text: str, events: list[Event], sources: list[Source], day: dt.date = dt.date(2026, 3, 2)
) -> Member:
    brief = Brief(
        headline=text.split(".")[0][:80],
        summary=text.split(".")[0] + ".",
        who=[],
        what=events,
        where=[],
        when=[],
        sources=sources,
        uncertainty=Uncertainty(level="low"),
        article=ArticleInfo(outlet=outlet, published=day, language="en", chars=len(text), chars_used=len(text)),
        run=RunInfo(
            model="built-in-test", backend="none", prompt_version="test", prompt_tokens=0, completion_tokens=0,
            latency_s=0.0, attempts=0, reasks=0, dropped_items=0,
        ),
    )  # fmt: skip
    return Member(key, Article(text=text, outlet=outlet, published=day), brief)


PROTEST = (
    "COTONOU, Benin — Police detained at least 20 people after a protest outside the port on Sunday, a security "
    "source said. A member of parliament said the arrests were as high as 50. No one has been arrested in "
    "Porto-Novo, the capital, police said."
)


def protest(figures: bool = True) -> Member:
    text = PROTEST
    return member(
        "protest",
        "Gulf Courier",
        text,
        [
            event(
                text,
                "Police detained at least 20 people",
                sources=("a security source",),
                figures=(("at least 20", "a security source"),) if figures else (),
            ),
            event(
                text,
                "the arrests were as high as 50",
                "claimed",
                sources=("A member of parliament",),
                figures=(("as high as 50", "A member of parliament"),) if figures else (),
            ),
            event(
                text,
                "No one has been arrested in Porto-Novo",
                "denied",
                sources=("police",),
                figures=(("one", None),) if figures else (),
            ),
        ],
        [
            source(text, "a security source", "Police detained at least 20 people", anonymous=True),
            source(text, "A member of parliament", "the arrests were as high as 50"),
            source(text, "police", "No one has been arrested in Porto-Novo", anonymous=True),
        ],
    )


def test_no_one_arrested_is_zero_not_one() -> None:
    """'No one has been arrested' counts nobody: it was read as 1 arrested, then as no count at all."""
    text = "No one has been arrested over the fire in Tamale. Not one trader was injured."
    bare = member("bare", "Savanna Post", text, [event(text, "No one has been arrested", "denied")], [])
    assert [(c.thing, c.value, c.written) for c in bare.counts] == [
        ("arrested", 0, "No one"),
        ("injured", 0, "Not one"),
    ]
    # the event's "one" is zero; next to the article's 20 and 50 it is a part of the story, no third account
    assert [c.value for c in protest().counts if c.thing == "arrested"] == [20, 50, 0]


def test_a_figure_conflict_cites_the_events_figures_and_who_gave_each() -> None:
    conflicts = figure_conflicts([protest()])
    assert [c.about for c in conflicts] == ["arrested"]
    accounts = conflicts[0].accounts
    assert [(a.value, a.written, a.citation.said_by) for a in accounts] == [
        ("20", "at least 20", ["a security source"]),
        ("50", "as high as 50", ["A member of parliament"]),
    ]
    for account in accounts:
        assert PROTEST[account.citation.quote.start : account.citation.quote.end] == account.citation.quote.text
    markdown = render_digest_markdown(digest_of(dt.date(2026, 3, 2), [protest()]))
    assert (
        "- arrested: 20 (Gulf Courier: a security source, “at least 20”)"
        " vs 50 (Gulf Courier: A member of parliament, “as high as 50”)"
    ) in markdown


def test_a_brief_without_figures_is_read_off_its_sentences() -> None:
    """With no figure in its events, the article's sentences give the counts, and the sources they credit."""
    bare = protest(figures=False)
    counts = [(c.thing, c.value, c.written, c.sources) for c in bare.counts]
    assert counts == [
        ("arrested", 20, "at least 20", ("a security source",)),
        ("arrested", 50, "as high as 50", ("A member of parliament",)),
        ("arrested", 0, "No one", ("police",)),
    ]


FERRY_A = (
    "KIGOMA, Tanzania — Twelve people were killed when a ferry sank on Lake Tanganyika on Friday, police said. "
    "Forty people were rescued by fishermen."
)
FERRY_B = (
    "Fourteen people were killed when the ferry sank on Lake Tanganyika near Kigoma, the transport ministry said. "
    "Fishermen rescued 40 people, the ministry said."
)
FERRY_C = "Rescuers said 40 people were rescued. The ferry sank near Kigoma on Lake Tanganyika, killing 12 people."


def ferry_members() -> list[Member]:
    a = member(
        "ferry-a", "Lake Times", FERRY_A,
        [event(FERRY_A, "Twelve people were killed when a ferry sank", sources=("police",),
               figures=(("Twelve", "police"),)),
         event(FERRY_A, "Forty people were rescued by fishermen", figures=(("Forty", None),))],
        [source(FERRY_A, "police", "Twelve people were killed", anonymous=True)],
    )  # fmt: skip
    b = member(
        "ferry-b", "Rift Wire", FERRY_B,
        [event(FERRY_B, "Fourteen people were killed when the ferry sank", sources=("the transport ministry",),
               figures=(("Fourteen", "the transport ministry"),)),
         event(FERRY_B, "Fishermen rescued 40 people", sources=("the transport ministry",))],
        [source(FERRY_B, "the transport ministry", "Fourteen people were killed")],
    )  # fmt: skip
    c = member("ferry-c", "Great Lakes Monitor", FERRY_C, [event(FERRY_C, "The ferry sank near Kigoma")], [])
    return [a, b, c]


def test_outlets_that_give_another_figure_do_not_corroborate_it_and_differ_with_their_sources() -> None:
    corroborated, disputed = agreements(ferry_members())
    claims = {c.claim: c for c in corroborated}
    # "Twelve" and "12" are one figure; "Fourteen" is another, so Rift Wire does not corroborate the dead.
    killed = claims["Twelve people were killed when a ferry sank"]
    assert killed.outlets == ["Lake Times", "Great Lakes Monitor"]
    assert [c.said_by for c in killed.citations] == [["police"], []]  # the outlet itself says it in C
    rescued = claims["Forty people were rescued by fishermen"]  # "Forty" and "40" read as one number
    assert set(rescued.outlets) == {"Lake Times", "Rift Wire", "Great Lakes Monitor"}
    assert dict(zip(rescued.outlets, [c.said_by for c in rescued.citations], strict=True))["Rift Wire"] == [
        "the transport ministry"
    ]
    assert disputed == []
    conflicts = figure_conflicts(ferry_members())
    assert [(c.about, [(a.value, a.citation.outlet, a.citation.said_by) for a in c.accounts]) for c in conflicts] == [
        ("killed", [("12", "Lake Times", ["police"]), ("14", "Rift Wire", ["the transport ministry"]),
                    ("12", "Great Lakes Monitor", [])]),
    ]  # fmt: skip


ARSON_A = "A police spokesperson said the warehouse fire in Tema was allegedly set deliberately by a guard."
ARSON_B = "The warehouse fire in Tema was set deliberately by a guard, police confirmed on Tuesday."


def test_a_status_conflict_reads_each_outlets_own_event() -> None:
    a = member(
        "arson-a", "Harbour News", ARSON_A,
        [event(ARSON_A, "the warehouse fire in Tema was allegedly set deliberately by a guard", "alleged",
               sources=("A police spokesperson",))],
        [source(ARSON_A, "A police spokesperson", "the warehouse fire", anonymous=True)],
    )  # fmt: skip
    b = member(
        "arson-b", "Coast Daily", ARSON_B,
        [event(ARSON_B, "The warehouse fire in Tema was set deliberately", sources=("police",))],
        [source(ARSON_B, "police", "The warehouse fire", anonymous=True)],
    )  # fmt: skip
    corroborated, disputed = agreements([a, b])
    assert len(corroborated) == 1 and [c.said_by for c in corroborated[0].citations] == [
        ["A police spokesperson"],
        ["police"],
    ]
    assert [(x.kind, [(y.value, y.citation.outlet) for y in x.accounts]) for x in disputed] == [
        ("status", [("alleged", "Harbour News"), ("confirmed", "Coast Daily")])
    ]
    # Without an event of B's brief on that sentence, B's status is not guessed from another event.
    b_other = member("arson-b", "Coast Daily", ARSON_B, [event(ARSON_B, "police confirmed on Tuesday")], [])
    assert agreements([a, b_other])[1] == []


def digest_of(day: dt.date, members: list[Member]) -> Digest:
    """A one-story digest of these members, as build_digest assembles it."""
    stories = rank([story(members)])
    return Digest(
        date=day,
        generated=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        overview=[],
        sections=sections(stories, "region"),
        stories=stories,
        articles=[
            DigestArticle(
                id=m.id,
                sources=[m.id],
                outlet=m.article.outlet,
                published=m.article.published,
                text=m.article.text,
                brief=m.brief,
            )
            for m in members
        ],
        run=DigestRun(
            model="built-in-test",
            prompt_version="test",
            schema_version="1.4",
            made=0,
            reused=0,
            failed=0,
            complete=True,
        ),
    )


FLOOD_1 = (
    "SYLHET, Bangladesh — The government pledged $40 million in aid to families hit by floods in Sylhet on "
    "Monday, the disaster management ministry said. About 200,000 people were displaced."
)
FLOOD_2 = (
    "SYLHET, Bangladesh — The World Bank offered $10 million for the repair of roads and Japan gave 300 million yen "
    "in aid on Tuesday, after the government raised its pledge to $55 million in aid to families hit by floods in "
    "Sylhet, the disaster management ministry said. About 200,000 people remain displaced."
)


def test_money_changes_only_where_the_same_quantity_is_meant() -> None:
    """$40 million -> $55 million in aid is a change; $10 million for roads and a sum in yen are other quantities."""
    day_1, day_2 = dt.date(2026, 3, 2), dt.date(2026, 3, 3)
    ministry = "the disaster management ministry"
    first = member(
        "flood-1", "Delta Herald", FLOOD_1,
        [event(FLOOD_1, "The government pledged $40 million in aid", sources=(ministry,),
               figures=(("$40 million", ministry),))],
        [source(FLOOD_1, ministry, "The government pledged $40 million in aid")],
        day_1,
    )  # fmt: skip
    second = member(
        "flood-2", "Delta Herald", FLOOD_2,
        [event(FLOOD_2, "The World Bank offered $10 million for the repair of roads",
               figures=(("$10 million", None),)),
         event(FLOOD_2, "Japan gave 300 million yen in aid", figures=(("300 million yen", None),)),
         event(FLOOD_2, "the government raised its pledge to $55 million in aid", sources=(ministry,),
               figures=(("$55 million", ministry),))],
        [source(FLOOD_2, ministry, "the government raised its pledge to $55 million in aid")],
        day_2,
    )  # fmt: skip
    earlier, today = digest_of(day_1, [first]), digest_of(day_2, [second])
    followed = follow(today, [earlier]).stories[0]
    assert followed.changes is not None
    changes = [(f.about, [b.value for b in f.before], f.after.value) for f in followed.changes.figures]
    assert changes == [("aid", ["$40 million"], "$55 million")]
    change = followed.changes.figures[0]
    assert change.before[0].citation.article == "flood-1" and change.after.citation.article == "flood-2"
    assert change.before[0].citation.said_by == [ministry] and change.after.citation.said_by == [ministry]
    for account, text in ((change.before[0], FLOOD_1), (change.after, FLOOD_2)):
        assert text[account.citation.quote.start : account.citation.quote.end] == account.citation.quote.text
    assert "aid: $40 million → **$55 million**" in render_digest_markdown(follow(today, [earlier]))
