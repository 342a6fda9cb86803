"""Many articles in, one digest out: brief each (stored, resumable), group into stories, merge, rank.

Only the briefs cost model calls (see batch.py); grouping, merging, sections
and the overview are rules over the briefs and the article text, so every
line of the digest can be traced to an article.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from typing import Literal

from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import BatchResult, Progress, brief_all, brief_key, match_concurrency
from summarizer.digest.claims import Member, agreements, figure_conflicts
from summarizer.digest.continuity import WINDOW_DAYS, earlier_digests, follow
from summarizer.digest.schema import (
    ArticleCoverage,
    Digest,
    DigestArticle,
    DigestRun,
    OverviewLine,
    Section,
    Skipped,
    Story,
    StoryReason,
    StoryThing,
    StoryUncertainty,
)
from summarizer.digest.sections import region, topic
from summarizer.digest.store import Store
from summarizer.digest.stories import group
from summarizer.digest.substance import story_events, story_figures, story_sources
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item
from summarizer.rules.kinds import datelines
from summarizer.rules.names import same_name
from summarizer.rules.text import split_sentences
from summarizer.schema import SCHEMA_VERSION, UNCERTAINTY_LEVELS, Coverage, ThingKind

OVERVIEW_STORIES = 5
"""Stories in the digest's overview, the top of the ranking a reader sees first. Chosen by hand, not measured."""
MAX_NAMES = 8
"""Names a story lists (after merging spellings of one name), so a busy story stays readable. Chosen by hand,
not measured."""


def build_digest(
    articles: Iterable[Article | Item],
    *,
    summarizer: Summarizer | None = None,
    model: str | None = None,
    store: Store | None = None,
    day: dt.date | None = None,
    force: bool = False,
    concurrency: int | None = None,
    progress: Progress | None = None,
    since: dt.date | None = None,
    window: int = WINDOW_DAYS,
    model_slots: threading.Semaphore | None = None,
) -> Digest:
    """The digest of these articles (Articles, or Items from ``summarizer.ingest.inputs.collect``).

    Briefs are kept in ``store`` (default: the user data directory) and reused
    on the next run; ``force`` remakes them. ``concurrency`` defaults to the
    backend's (1 for the embedded model, which then gets that many slots).
    The digest is kept in the store too: stories that continue one of the
    stored digests of the ``window`` days before say what is new since
    ``since`` (default: the latest of them; a ConfigError, before any brief
    is made, when no digest of that day is stored). ``model_slots`` is held
    around each brief the model makes (see ``brief_all``): the server shares
    it between its brief jobs and its digest jobs.
    """
    day = day or dt.date.today()
    items = [a if isinstance(a, Item) else Item(a.url or f"article {n}", a) for n, a in enumerate(articles, 1)]
    own_summarizer = summarizer is None
    engine = summarizer or Summarizer(model)
    own_store = store is None
    db = store or Store()
    try:
        earlier = earlier_digests(db, day, since, window)
        run = db.start_run([item.source for item in items])
        workers = match_concurrency(engine, concurrency)
        result = brief_all(
            items, engine, db, force=force, concurrency=workers, progress=progress, model_slots=model_slots
        )
        digest = follow(assemble(result, engine, day), earlier, since)
        db.put_digest(day, digest.model_dump_json())
        db.finish_run(
            run,
            {"articles": len(result.articles), "made": result.made, "reused": result.reused,
             "failed": len(result.failures), "skipped": len(result.skipped), "stories": len(digest.stories)},
            [{"source": source, "error": error} for source, error in result.failures],
        )  # fmt: skip
        return digest
    finally:
        if own_summarizer:
            engine.close()
        if own_store:
            db.close()


def assemble(result: BatchResult, summarizer: Summarizer, day: dt.date) -> Digest:
    """Stories from the briefs of one batch: grouped, merged, ranked, sectioned."""
    hashes = [h for h in result.articles if h in result.briefs]
    members = [Member(h[:12], result.articles[h], result.briefs[h]) for h in hashes]
    groups = group([m.article for m in members])
    stories = rank([story([members[i] for i in members_of]) for members_of in groups])
    key = brief_key(summarizer)
    return Digest(
        date=day,
        generated=dt.datetime.now(dt.UTC).replace(microsecond=0),
        overview=[OverviewLine(story=s.id, text=s.summary) for s in stories[:OVERVIEW_STORIES]],
        sections=sections(stories, "region") + sections(stories, "topic"),
        stories=stories,
        articles=[
            DigestArticle(
                id=m.id,
                sources=result.sources[h],
                title=m.article.title,
                outlet=m.article.outlet,
                url=m.article.url,
                published=m.article.published,
                text=m.article.text,
                brief=m.brief,
            )
            for h, m in zip(hashes, members, strict=True)
        ],
        skipped=[Skipped(source=s, reason=r) for s, r in result.skipped],
        failed=[Skipped(source=s, reason=r) for s, r in result.failures],
        run=DigestRun(
            model=key.model,
            prompt_version=key.prompt_version,
            schema_version=SCHEMA_VERSION,
            made=result.made,
            reused=result.reused,
            failed=len(result.failures),
            complete=result.complete,
        ),
    )


def story(members: Sequence[Member]) -> Story:
    """One story from its articles: the fullest brief leads; outlets, claims, conflicts and doubts merged."""
    lead = max(members, key=lambda m: len(m.brief.who) + len(m.brief.what) + len(m.brief.where))
    ordered = [lead, *(m for m in members if m is not lead)]
    briefs = [m.brief for m in ordered]
    corroborated, disputed = agreements(ordered)
    dates = [m.article.published for m in members if m.article.published]
    return Story(
        id=f"story-{lead.id[:8]}",
        rank=1,
        headline=(lead.article.title or "").strip() or lead.brief.headline,
        summary=_whole_sentences(lead.brief.summary),
        lead_article=lead.id,
        region=region(briefs),
        topic=topic(briefs),
        published=max(dates) if dates else None,
        outlets=list(dict.fromkeys(m.outlet for m in ordered)),
        articles=[m.id for m in members],
        who=_names([a.name for m in ordered for a in m.brief.who if not datelines(a.name, m.article.text)]),
        where=_names([_place_name(p.name, m.article.text) for m in ordered for p in m.brief.where]),
        others=_things(ordered),
        corroborated=corroborated,
        conflicts=figure_conflicts(ordered) + disputed,
        uncertainty=_uncertainty(ordered),
        coverage=[_coverage(m, c) for m in ordered if (c := m.brief.coverage) is not None and c.partial],
        events=story_events(ordered, corroborated),
        sources=story_sources(ordered),
        figures=story_figures(ordered),
    )


def _coverage(member: Member, coverage: Coverage) -> ArticleCoverage:
    """What the rules could not check in this article's language, for the line a reader sees under the story."""
    return ArticleCoverage(
        article=member.id,
        outlet=member.outlet,
        language=coverage.language,
        rules=coverage.rules,
        model_only=coverage.model_only,
    )


def _whole_sentences(summary: str) -> str:
    """A summary the model ran out of room in ends at its last full sentence, or with an ellipsis."""
    summary = summary.strip()
    if summary.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?")):
        return summary
    sentences = split_sentences(summary)
    if len(sentences) > 1:
        return summary[: sentences[-2].end].strip()
    return summary.rstrip(" ,;:-\"'\u201c\u201d\u2018\u2019") + "\u2026"


def _place_name(name: str, text: str) -> str:
    """A dateline's capitals ("MWANZA, Tanzania —") written as usual: "Mwanza"."""
    return name.title() if name.isupper() and datelines(name, text) else name


def _names(names: list[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if not any(same_name(name, k) for k in kept):
            kept.append(name)
    return kept[:MAX_NAMES]


def _things(members: Sequence[Member]) -> list[StoryThing]:
    """Each thing the briefs name once, typed as the first brief naming it types it."""
    kinds: dict[str, ThingKind] = {}
    for thing in (t for m in members for t in m.brief.others):
        kinds.setdefault(thing.name, thing.kind)
    return [StoryThing(name=name, kind=kinds[name]) for name in _names(list(kinds))]


def _uncertainty(members: Sequence[Member]) -> StoryUncertainty:
    level = max((m.brief.uncertainty.level for m in members), key=UNCERTAINTY_LEVELS.index)
    reasons: dict[tuple[str, str], StoryReason] = {}
    for member in members:
        for reason in member.brief.uncertainty.reasons:
            reasons.setdefault(
                (reason.kind, reason.note.casefold()),
                StoryReason(kind=reason.kind, note=reason.note, citation=member.cite(reason.evidence[0])),
            )
    return StoryUncertainty(level=level, reasons=list(reasons.values()))


def rank(stories: list[Story]) -> list[Story]:
    """Most outlets first, then most articles, then the most recent; numbered from 1."""
    order = sorted(
        enumerate(stories),
        key=lambda pair: (
            -len(pair[1].outlets),
            -len(pair[1].articles),
            -(pair[1].published.toordinal() if pair[1].published else 0),
            pair[0],
        ),
    )
    return [s.model_copy(update={"rank": number}) for number, (_, s) in enumerate(order, start=1)]


def sections(stories: Sequence[Story], kind: Literal["region", "topic"]) -> list[Section]:
    """Stories by region or topic; sections in the order of their best story."""
    members: dict[str, list[str]] = {}
    for s in stories:
        members.setdefault(getattr(s, kind), []).append(s.id)
    return [Section(title=title, kind=kind, stories=ids) for title, ids in members.items()]
