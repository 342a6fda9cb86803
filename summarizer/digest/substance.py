"""What a story's briefs carry, gathered across its articles: events, sources and figures, each cited.

A reader of the digest should see the substance of the briefs without opening
them: every event with each outlet's status and who there reports it, every
source with what it said, every figure with who gave it. No model call and no
new judgement: the briefs' own items, with the sentence each rests on.

An event is one across articles when its sentences back the same corroborated
claim (``claims.agreements`` matched them), else when the briefs word it alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.digest.claims import Member
from summarizer.digest.schema import Account, Citation, Corroboration, StoryEvent, StoryFigure, StorySource
from summarizer.schema import Event, Span


def story_events(members: Sequence[Member], corroborated: Sequence[Corroboration]) -> list[StoryEvent]:
    """Every event of the briefs, one entry per event however many articles state it: those most outlets state
    first, then each article's first event (lead article first), then each one's second, and so on, so the
    first few a reader sees are not all from one outlet."""
    first: dict[str, Event] = {}
    reports: dict[str, list[Account]] = {}
    place: dict[str, int] = {}
    for member in members:
        for position, event in enumerate(member.brief.what):
            sentence = event.evidence[0]
            key = _claim_of(member.id, sentence, corroborated) or " ".join(event.description.casefold().split())
            first.setdefault(key, event)
            place.setdefault(key, position)
            told = reports.setdefault(key, [])
            if not any(r.citation.article == member.id for r in told):
                told.append(Account(value=event.status, citation=member.cite(sentence, event.sources)))
    order = sorted(first, key=lambda k: (-len({r.citation.outlet for r in reports[k]}), place[k]))
    return [StoryEvent(description=first[k].description, status=first[k].status, reports=reports[k]) for k in order]


def _claim_of(article: str, sentence: Span, corroborated: Sequence[Corroboration]) -> str | None:
    """The corroborated claim whose quote from this article overlaps the event's sentence, if any."""
    for claim in corroborated:
        for citation in claim.citations:
            if citation.article == article and _overlap(citation, sentence):
                return f"claim:{claim.claim}"
    return None


def _overlap(citation: Citation, span: Span) -> bool:
    return citation.quote.start < span.end and span.start < citation.quote.end


def story_sources(members: Sequence[Member]) -> list[StorySource]:
    """Who each article quotes (lead article first), once per article, with what it said there."""
    found: list[StorySource] = []
    for member in members:
        seen: set[str] = set()
        for source in member.brief.sources:
            key = " ".join(source.name.casefold().split())
            if key in seen:
                continue
            seen.add(key)
            citation = member.cite(source.evidence[0], [source.name])
            found.append(StorySource(name=source.name, anonymous=source.anonymous, said=source.said, citation=citation))
    return found


def story_figures(members: Sequence[Member]) -> list[StoryFigure]:
    """Every count and sum the articles give (``Member.counts``: the events' figures, then the sentences), by
    what is counted; an article's same value in the same sentence once."""
    by_thing: dict[str, tuple[str, list[Account]]] = {}
    for member in members:
        for count in member.counts:
            _, accounts = by_thing.setdefault(count.thing, (count.about, []))
            account = member.account(count)
            if not any(a.value == account.value and a.citation == account.citation for a in accounts):
                accounts.append(account)
    return [StoryFigure(about=about, accounts=accounts) for about, accounts in by_thing.values()]
