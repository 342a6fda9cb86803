"""Stories that continue: today's stories linked to earlier digests', and what is new since, cited on both sides.

- Linking: a story of today continues a story of an earlier digest (within
  WINDOW_DAYS) when one of its articles and one of the earlier story's score
  at least SAME_STORY_LATER by the measure that groups a day's stories
  (names and words, TF-IDF over both days; dates within the window); an
  earlier story's own ``continues`` are followed too, so the timeline reaches
  back past a day whose words drifted. Measured with ``python -m
  benchmarks.story_continuity`` (README, *Story grouping*).
- What changed is counted against every earlier brief of the story up to the
  baseline (``since``: the latest earlier digest unless chosen), so nothing is
  called new that an earlier brief or article of the story already had:
  a count of the same thing that differs (claims.figures), an event whose
  sentence an earlier article also says with another status (alleged ->
  confirmed), names and sources no earlier brief or article had, outlets
  that had not covered it, and the uncertainty level moving.

No model call: both days' briefs and texts are in their digests.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from summarizer.digest.claims import SAME_CLAIM, Count, Member, _Similarity, _stating, _stems
from summarizer.digest.schema import (
    Account,
    Digest,
    EarlierArticle,
    EarlierStory,
    FigureChange,
    FiguresApart,
    NameKind,
    NewName,
    NewOutlet,
    NewSource,
    StatusChange,
    Story,
    StoryChanges,
    StoryReason,
    UncertaintyChange,
)
from summarizer.digest.store import Store
from summarizer.digest.stories import close_in_time, cross_similarity
from summarizer.errors import ConfigError
from summarizer.ingest.article import Article
from summarizer.rules.kinds import datelines
from summarizer.rules.measures import RELATED
from summarizer.rules.names import same_name
from summarizer.rules.text import normalize
from summarizer.schema import Brief, Event, Span

logger = logging.getLogger(__name__)

WINDOW_DAYS = 7
"""How far back a story is followed by default: a week of digests."""
SAME_STORY_LATER = 0.24
"""Score at or above which a later article continues an earlier one; see ``benchmarks/story_continuity.py``."""
MAX_NEW_NAMES = 8
"""First-named people and places a continued story lists under 'New since'. Chosen by hand, not measured."""

_STATUS_GROUP = {"confirmed": "happened", "claimed": "happened"}
"""Statuses that say the same about whether it happened; any other status is its own group."""


@dataclass(frozen=True)
class _Told:
    """One story of one digest, with its articles as members (lead first)."""

    day: dt.date
    story: Story
    members: tuple[Member, ...]


def earlier_digests(
    store: Store, day: dt.date, since: dt.date | None = None, window: int = WINDOW_DAYS
) -> list[Digest]:
    """The stored digests before ``day`` to follow stories from (oldest first); ``since`` must be one of them.

    The window reaches back ``window`` days, or to ``since`` when that is older.
    A stored digest this summarizer cannot read (a newer schema, a damaged row) is passed over, unless it is
    ``since``'s: that is a ConfigError, as a ``since`` with no digest is.
    """
    days = [d for d in store.digest_days() if d < day]
    if since is not None:
        if since >= day:
            raise ConfigError(f"since={since} (CLI: --since) must be before the digest's date {day}")
        if since not in days:
            stored = ", ".join(d.isoformat() for d in days[-5:]) or "none"
            raise ConfigError(f"no digest for {since} in the store {store.path} (earlier digests stored: {stored})")
    first = min(day - dt.timedelta(days=window), since or day)
    found = []
    for earlier in (d for d in days if d >= first):
        try:
            found.append(Digest.model_validate_json(store.digest_json(earlier) or ""))
        except (ValidationError, zlib.error, UnicodeDecodeError) as error:  # a newer schema, or a damaged row
            if earlier == since:  # asked for by name: saying nothing would drop "New since" without a word
                raise ConfigError(
                    f"the stored digest of {since} in {store.path} cannot be read ({_why(error)}); rebuild that day's "
                    "digest, or choose another since= (CLI: --since)"
                ) from None
            logger.info("passed over the stored digest of %s: it does not read as today's schema", earlier)
            continue
    return found


def _why(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return f"{error.error_count()} fields do not read as this summarizer's digest: a newer summarizer's, or damaged"
    return "damaged: it does not decompress or decode"


def follow_and_keep(store: Store, today: Digest, since: dt.date | None = None, window: int = WINDOW_DAYS) -> Digest:
    """Follow today's stories from the stored digests, then keep today's for the days after (a digest built
    without ``build_digest``, e.g. from ``summarizer batch`` output, continues stories the same way)."""
    followed = follow(today, earlier_digests(store, today.date, since, window), since)
    store.put_digest(followed.date, followed.model_dump_json())
    return followed


def follow(today: Digest, earlier: Sequence[Digest], since: dt.date | None = None) -> Digest:
    """Today's digest with every story that continues an earlier one marked, and what is new since ``since``.

    ``since`` defaults to the latest of ``earlier``; stories are followed over
    all of ``earlier``, changes counted against the briefs up to ``since``.
    """
    earlier = sorted((d for d in earlier if d.date < today.date), key=lambda d: d.date)
    if not earlier:
        return today
    baseline = since or earlier[-1].date
    told_before = [_Told(d.date, s, _members(d, s)) for d in earlier for s in d.stories]
    told_today = [_Told(today.date, s, _members(today, s)) for s in today.stories]
    linked = _links(told_before, told_today)
    stories = []
    for now in told_today:
        before = _with_chains(linked.get(now.story.id, []), told_before)
        if not before:
            stories.append(now.story)
            continue
        up_to = [t for t in before if t.day <= baseline]
        changes = _changes(now, up_to, baseline) if up_to else None
        stories.append(now.story.model_copy(update={"continues": [_earlier(t) for t in before], "changes": changes}))
    return today.model_copy(update={"stories": stories, "since": baseline})


def _members(digest: Digest, story: Story) -> tuple[Member, ...]:
    articles = {a.id: a for a in digest.articles}
    ordered = [story.lead_article, *(a for a in story.articles if a != story.lead_article)]
    return tuple(
        Member(
            a.id,
            Article(text=a.text, title=a.title, outlet=a.outlet, url=a.url, published=a.published),
            a.brief,
        )
        for a in (articles[i] for i in ordered if i in articles)
    )


def continued(
    earlier: Sequence[Sequence[Member]],
    today: Sequence[Sequence[Member]],
    threshold: float = SAME_STORY_LATER,
    window: int = WINDOW_DAYS,
) -> list[list[int]]:
    """For each of today's stories (its members), the indices of the earlier stories it continues.

    Two stories are linked when an article of each scores ``threshold`` or
    more and their dates are at most ``window`` days apart, or they share an article.
    """
    left = [(n, m) for n, members in enumerate(earlier) for m in members]
    right = [(n, m) for n, members in enumerate(today) for m in members]
    found: list[set[int]] = [set() for _ in today]
    if left and right:
        matrix = cross_similarity([m.article for _, m in left], [m.article for _, m in right])
        for i, (old, earlier_member) in enumerate(left):
            for j, (new, member) in enumerate(right):
                if earlier_member.id == member.id or (
                    matrix[i][j] >= threshold
                    and close_in_time(earlier_member.article.published, member.article.published, window)
                ):
                    found[new].add(old)
    return [sorted(indices) for indices in found]


def _links(before: Sequence[_Told], today: Sequence[_Told]) -> dict[str, list[_Told]]:
    """Today's story id -> the earlier stories it continues."""
    found = continued([t.members for t in before], [t.members for t in today])
    return {today[n].story.id: [before[i] for i in indices] for n, indices in enumerate(found) if indices}


def _with_chains(direct: Sequence[_Told], before: Sequence[_Told]) -> list[_Told]:
    """The linked stories plus those they continued themselves (within the window), oldest first."""
    by_key = {(t.day, t.story.id): t for t in before}
    found = {(t.day, t.story.id): t for t in direct}
    todo = list(direct)
    while todo:
        for ref in todo.pop().story.continues:
            key = (ref.date, ref.story)
            if key in by_key and key not in found:
                found[key] = by_key[key]
                todo.append(by_key[key])
    return sorted(found.values(), key=lambda t: (t.day, t.story.rank))


def _earlier(told: _Told) -> EarlierStory:
    s = told.story
    return EarlierStory(
        date=told.day, story=s.id, headline=s.headline, published=s.published, outlets=s.outlets, articles=s.articles
    )


def _changes(now: _Told, before: Sequence[_Told], since: dt.date) -> StoryChanges:
    """What today's briefs of the story say that none of the earlier ones (up to ``since``) did."""
    old = _unique([(t.day, m) for t in before for m in t.members])
    cited: set[str] = set()
    figure_changes, apart = _figures(now, old, cited)
    status_changes = _statuses(now, old, cited)
    uncertainty = _uncertainty(now.story, before, cited)
    return StoryChanges(
        since=since,
        figures=figure_changes,
        figures_apart=apart,
        statuses=status_changes,
        names=_names(now, old),
        outlets=_outlets(now, old),
        sources=_sources(now, old),
        uncertainty=uncertainty,
        earlier_articles=[
            EarlierArticle(
                id=m.id,
                date=day,
                title=m.article.title,
                outlet=m.outlet,
                url=m.article.url,
                published=m.article.published,
            )
            for day, m in old
            if m.id in cited
        ],
    )


def _unique(members: Sequence[tuple[dt.date, Member]]) -> list[tuple[dt.date, Member]]:
    """Each earlier article once, at the latest day that carried it."""
    latest: dict[str, tuple[dt.date, Member]] = {}
    for day, member in members:
        if member.id not in latest or latest[member.id][0] < day:
            latest[member.id] = (day, member)
    return sorted(latest.values(), key=lambda pair: pair[0])


def _figures(
    now: _Told, old: Sequence[tuple[dt.date, Member]], cited: set[str]
) -> tuple[list[FigureChange], list[FiguresApart]]:
    """Counts and sums today's articles give that no earlier article gave for the same measure (before: the
    latest earlier day's), each side quoted with who gave it; and today's figures of a measure no earlier day
    gave whose related measure an earlier day gave (injured, then in hospital): apart, never a change."""
    earlier: dict[str, list[tuple[dt.date, Member, Count]]] = {}
    for day, member in old:
        for count in member.counts:
            if not count.added:
                earlier.setdefault(count.thing, []).append((day, member, count))
    today = {count.thing for member in now.members for count in member.counts}
    changes: list[FigureChange] = []
    apart: list[FiguresApart] = []
    seen: set[tuple[str, float, bool]] = set()
    for member in now.members:
        for count in _first_of_each(member):
            given = earlier.get(count.thing)
            if (count.thing, count.value, count.added) in seen:
                continue
            seen.add((count.thing, count.value, count.added))
            if given and count.value not in {c.value for _, _, c in given}:
                after = member.account(count)
                changes.append(FigureChange(about=count.about, before=_latest(given, cited), after=after))
            elif not given:
                apart += [
                    FiguresApart(
                        before_about=thing, before=_latest(other, cited), after_about=count.about,
                        after=member.account(count),
                    )
                    for thing, other in earlier.items()
                    if thing not in today and RELATED.get(thing, thing) == RELATED.get(count.thing)
                ]  # fmt: skip
    return changes, apart


def _first_of_each(member: Member) -> list[Count]:
    """The article's first figure of each measure (a later one is a part or a past value); a total before an
    increase ("a further seven"), a count before a zero ("none in the capital" is a part)."""
    first: dict[str, Count] = {}
    for count in member.counts:
        kept = first.get(count.thing)
        if kept is None or (count.added, count.value == 0) < (kept.added, kept.value == 0):
            first[count.thing] = count
    return list(first.values())


def _latest(given: Sequence[tuple[dt.date, Member, Count]], cited: set[str]) -> list[Account]:
    """The values the latest earlier day gave (each article's first of them), noting the articles cited."""
    latest = max(day for day, _, _ in given)
    before: dict[float, Account] = {}
    for day, member, count in given:
        if day == latest and count.value not in before and count in _first_of_each(member):
            before[count.value] = member.account(count)
            cited.add(member.id)
    return list(before.values())


def _statuses(now: _Told, old: Sequence[tuple[dt.date, Member]], cited: set[str]) -> list[StatusChange]:
    """Events today's briefs state whose sentence an earlier article also says, with a status of another group."""
    bags = {(m.id, s.start): _stems(s.text) for _, m in old for s in m.index.sentences}
    today_bags = {(m.id, s.start): _stems(s.text) for m in now.members for s in m.index.sentences}
    similarity = _Similarity([*bags.values(), *today_bags.values()])
    changes: list[StatusChange] = []
    done: set[tuple[str, int]] = set()
    for member in now.members:
        for event in member.brief.what:
            sentence = _stating(member, event, today_bags)
            if sentence is None:
                continue
            wanted = _stems(event.description)
            scored = [
                (similarity(today_bags[(member.id, sentence.start)], bags[(m.id, s.start)]), m, s)
                for _, m in old
                for s in m.index.sentences
            ]
            score, old_member, old_sentence = max(scored, key=lambda t: t[0], default=(0.0, None, None))
            if old_member is None or old_sentence is None or score < SAME_CLAIM:
                continue
            if len(wanted & bags[(old_member.id, old_sentence.start)]) * 3 < len(wanted):
                continue
            old_event = _event_in(old_member.brief, old_sentence.start, old_sentence.end, wanted)
            if old_event is None or _group(old_event.status) == _group(event.status):
                continue
            key = (old_member.id, old_sentence.start)
            if key in done:
                continue
            done.add(key)
            cited.add(old_member.id)
            changes.append(
                StatusChange(
                    event=event.description,
                    before=Account(
                        value=old_event.status,
                        citation=old_member.cite(old_member.sentence_span(old_sentence), old_event.sources),
                    ),
                    after=Account(value=event.status, citation=member.cite(sentence, event.sources)),
                )
            )
    return changes


def _group(status: str) -> str:
    return _STATUS_GROUP.get(status, status)


def _event_in(brief: Brief, start: int, end: int, wanted: set[str]) -> Event | None:
    """The event of the brief resting on this sentence that shares most words with ``wanted``."""
    inside = [e for e in brief.what if any(s.start < end and start < s.end for s in e.evidence)]
    return max(inside, key=lambda e: len(wanted & _stems(e.description)), default=None)


def _names(now: _Told, old: Sequence[tuple[dt.date, Member]]) -> list[NewName]:
    """People, organizations and places today's briefs name that no earlier brief or article named."""
    known = [a.name for _, m in old for a in m.brief.who]
    known += [p.name for _, m in old for p in m.brief.where]
    known += [s.name for _, m in old for s in m.brief.sources if not s.anonymous]
    texts = [normalize(m.article.text) for _, m in old]
    found: list[NewName] = []
    for member in now.members:
        named: list[tuple[str, NameKind, Span]] = [(a.name, a.kind, a.mention) for a in member.brief.who]
        named += [(p.name, "place", p.mention) for p in member.brief.where]
        for name, kind, mention in named:
            if datelines(name, member.article.text) or any(same_name(name, k) for k in known):
                continue
            if _in_texts(name, texts) or any(same_name(name, n.name) for n in found):
                continue
            sentence = member.index.sentence_at(mention.start)
            span = member.sentence_span(sentence) if sentence else mention
            found.append(NewName(name=name, kind=kind, citation=member.cite(span)))
    return found[:MAX_NEW_NAMES]


def _in_texts(name: str, texts: Sequence[str]) -> bool:
    """The name written in an earlier article (a brief that left it out does not make it new)."""
    form = normalize(name)
    pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
    return bool(form) and any(pattern.search(text) for text in texts)


def _outlets(now: _Told, old: Sequence[tuple[dt.date, Member]]) -> list[NewOutlet]:
    known = {m.outlet for _, m in old}
    found: dict[str, NewOutlet] = {}
    for member in now.members:
        if member.outlet not in known and member.outlet not in found and member.index.sentences:
            first = member.index.sentences[0]
            found[member.outlet] = NewOutlet(outlet=member.outlet, citation=member.cite(member.sentence_span(first)))
    return list(found.values())


def _sources(now: _Told, old: Sequence[tuple[dt.date, Member]]) -> list[NewSource]:
    """Sources no earlier brief quoted: named ones by name, unnamed ones by their description."""
    known = [s for _, m in old for s in m.brief.sources]
    found: list[NewSource] = []
    for member in now.members:
        for source in member.brief.sources:
            if any(_same_source(source.name, source.anonymous, k.name, k.anonymous) for k in known):
                continue
            if any(_same_source(source.name, source.anonymous, f.name, f.anonymous) for f in found):
                continue
            found.append(
                NewSource(
                    name=source.name,
                    anonymous=source.anonymous,
                    said=source.said,
                    citation=member.cite(source.evidence[0]),
                )
            )
    return found


def _same_source(a: str, a_anonymous: bool, b: str, b_anonymous: bool) -> bool:
    if a_anonymous != b_anonymous:
        return False
    if not a_anonymous:
        return same_name(a, b)
    return _description(a) == _description(b) or _head(a) == _head(b)


def _head(name: str) -> str:
    """What an unnamed source is, its last word in the singular: 'crash investigators' and 'an investigator'
    are one voice of the story from day to day, not a new source each day."""
    words = _description(name).split()
    return re.sub(r"(?<=[^s])s$", "", words[-1]) if words else ""


def _description(name: str) -> str:
    """An unnamed source's description without its article: 'A police spokesperson' -> 'police spokesperson'."""
    words = normalize(name).split()
    while words and words[0] in {"a", "an", "the", "another", "one"}:
        words = words[1:]
    return " ".join(words)


def _uncertainty(story: Story, before: Sequence[_Told], cited: set[str]) -> UncertaintyChange | None:
    """The level moved since the latest earlier telling; the reasons that came or went say why."""
    latest = max(before, key=lambda t: t.day).story
    old, new = latest.uncertainty, story.uncertainty
    if old.level == new.level:
        return None
    old_kinds = {r.kind for t in before for r in t.story.uncertainty.reasons}
    new_kinds = {r.kind for r in new.reasons}
    added = [r for r in new.reasons if r.kind not in old_kinds]
    dropped: list[StoryReason] = [r for r in old.reasons if r.kind not in new_kinds]
    cited.update(r.citation.article for r in dropped)
    return UncertaintyChange(before=old.level, after=new.level, added=added, dropped=dropped)
