"""What the outlets of one story agree and disagree on, each side cited in its own article and voice.

- Corroboration: an event one brief states (the sentence of its article that
  says it) is matched to the most similar sentence of every other outlet's
  article (IDF-weighted Dice of content-word stems, numbers read as numbers,
  IDF over the story's sentences); at or above SAME_CLAIM, and sharing a
  third of the event's own words, the outlet reports it too, unless that
  sentence gives another figure for what the event counts (then the outlets
  differ, see below). Each outlet's quote says who reports it there: the
  sources of its brief's event for that sentence (none: the outlet itself).
- Figures: the counts (killed, injured, arrested...) and sums of money the
  briefs' events give, with the source that gave each; the article's
  sentences are read for a count only where its brief's events give none of
  that thing. Figure conflicts: counts of one thing that differ between
  outlets, or between two named sources of one article ("the security
  source says at least 20, the lawmaker as high as 50").
- Status conflicts: a corroborated claim one outlet's brief states as having
  happened (confirmed, or claimed by a speaker) and another's as alleged or
  denied, each read off the brief's own event for that sentence.

No model call: the briefs and the article text are already there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from summarizer.digest.schema import Account, Citation, Conflict, Corroboration
from summarizer.ingest.article import Article
from summarizer.rules.counts import NUMBER_WORDS, Amount, amounts, number
from summarizer.rules.measures import NUMBER_WORDS as WORDS_BY_LANGUAGE
from summarizer.rules.measures import Reading, read
from summarizer.rules.text import ArticleIndex, Sentence, stems
from summarizer.schema import Brief, Event, Figure, Span

SAME_CLAIM = 0.35
"""Weighted Dice at or above which two sentences report the same claim. Chosen by reading the claims found
in the BASIL clusters: at 0.25-0.28 unrelated sentences of one story start to match ("retired general" for
"retirement"); at 0.35 every claim found was right."""
STEM = 6
"""Letters of a word kept to compare two claims (one more than rules/text.py's default of 5). Chosen by hand, not
measured."""
MAX_CLAIMS = 5
"""Corroborated claims a story shows, most outlets first. Chosen by hand, not measured."""

_STATUS_GROUP = {"confirmed": "happened", "claimed": "happened", "alleged": "alleged", "denied": "denied"}
"""What an event status says happened: "claimed" is a statement someone made, so it sides with confirmed."""
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS)
_NUMBER_TOKEN = re.compile(rf"\b(?:{_NUMBER})\b", re.IGNORECASE)
_NUMBER_STEMS = frozenset(word[:STEM] for word in NUMBER_WORDS)


@dataclass(frozen=True)
class Count:
    """A figure an article gives for one thing: what it counts, its value as read and as written, who gave it."""

    thing: str
    """What is counted, the comparison key: 'killed', or a sum's currency and what it is for ('USD aid')."""
    about: str
    """What is counted as a reader sees it: 'killed', 'aid'."""
    value: float
    written: str
    figure: Span
    sentence: Span
    sources: tuple[str, ...]
    """Who in the article gave it (names from the brief's sources); none: the outlet itself."""
    money: bool = False
    added: bool = False
    """An increase ("a further seven"), not a total: compared with no total."""

    @property
    def shown(self) -> str:
        """The value for a reader: '12' for a count, the sum as written for money ('$40 million')."""
        if self.money:
            return self.written
        if self.thing.startswith("% "):
            return f"{self.value:g}%"
        shown = f"{self.value:g}" if self.value < 1e6 else f"{self.value:,.0f}"  # :g writes a million as 1e+06
        return f"+{shown}" if self.added else shown


@dataclass(frozen=True)
class Member:
    """One article of a story, with its brief."""

    id: str
    article: Article
    brief: Brief

    @property
    def outlet(self) -> str:
        """The outlet, else the site the article came from, else 'unknown'."""
        return self.article.outlet or (urlsplit(self.article.url).hostname if self.article.url else None) or "unknown"

    @property
    def language(self) -> str:
        """The article's language where the figure rules know it, else English."""
        language = self.brief.article.language or "en"
        return language if language in WORDS_BY_LANGUAGE else "en"

    @cached_property
    def index(self) -> ArticleIndex:
        return ArticleIndex(self.article.text)

    @cached_property
    def counts(self) -> list[Count]:
        """Every figure of the article in reading order: its events' figures, then sentences for the rest."""
        given = _event_counts(self)
        read = _read_counts(self, {c.thing for c in given if not c.added}, [c.figure for c in given])
        return sorted(given + read, key=lambda c: c.figure.start)

    def cite(self, span: Span, said_by: Sequence[str] | None = None) -> Citation:
        return Citation(
            article=self.id, outlet=self.outlet, quote=span, said_by=None if said_by is None else list(said_by)
        )

    def account(self, count: Count) -> Account:
        """A count as this article gives it: its value, how it is written, and the sentence with who says it."""
        return Account(value=count.shown, written=count.written, citation=self.cite(count.sentence, count.sources))

    def sentence_span(self, sentence: Sentence) -> Span:
        return Span(start=sentence.start, end=sentence.end, text=sentence.text)

    def sentence_of(self, offset: int, fallback: Span) -> Span:
        sentence = self.index.sentence_at(offset)
        return self.sentence_span(sentence) if sentence else fallback

    def crediting(self, span: Span) -> list[str]:
        """The brief's sources credited in this sentence (where the article says who said it)."""
        return [
            s.name
            for s in self.brief.sources
            if any(e.start < span.end and span.start < e.end for e in [*s.evidence, *s.mentions])
        ]


def _event_counts(member: Member) -> list[Count]:
    """The figures the brief's events give that count something, each with the source that gave it."""
    found: list[Count] = []
    for event in member.brief.what:
        for figure in event.figures:
            count = _of_figure(member, event, figure)
            if count is not None and not any(c.figure == count.figure for c in found):
                found.append(count)
    return found


def _of_figure(member: Member, event: Event, figure: Figure) -> Count | None:
    text, mention = member.article.text, figure.mention
    sentence = member.sentence_of(mention.start, mention)
    sources = (figure.source,) if figure.source else tuple(event.sources)
    sums = amounts(text, sentence.start, sentence.end, member.language)
    for amount in sums:
        if amount.start < mention.end and mention.start < amount.end:
            if amount.thing is None:
                return None
            span = Span(start=amount.start, end=amount.end, text=text[amount.start : amount.end])
            return Count(amount.quantity, amount.thing, amount.value, span.text, span, sentence, sources, money=True)
    for reading in _readings(member, sentence, sums):
        if reading.start < mention.end and mention.start < reading.end:
            return _of_reading(text, reading, sentence, sources)
    return None


def _readings(member: Member, sentence: Span, sums: Sequence[Amount]) -> list[Reading]:
    """The counts and percentages of a sentence, its sums of money aside."""
    skip = tuple((a.start, a.end) for a in sums)
    return read(member.article.text, sentence.start, sentence.end, member.language, skip)


def _of_reading(text: str, reading: Reading, sentence: Span, sources: tuple[str, ...]) -> Count:
    written = Span(start=reading.start, end=reading.end, text=text[reading.start : reading.end])
    about = reading.about or reading.measure
    return Count(reading.measure, about, reading.value, written.text, written, sentence, sources, added=reading.added)


def _read_counts(member: Member, given: set[str], taken: list[Span]) -> list[Count]:
    """Counts and sums read off the sentences, for the things the brief's events give no figure of."""
    text = member.article.text
    found: list[Count] = []
    for sentence in member.index.sentences:
        span = member.sentence_span(sentence)
        sources = tuple(member.crediting(span))
        sums = amounts(text, sentence.start, sentence.end, member.language)
        for reading in _readings(member, span, sums):
            if reading.measure not in given and not any(t.start <= reading.start < t.end for t in taken):
                found.append(_of_reading(text, reading, span, sources))
        for amount in sums:
            if (
                amount.thing
                and amount.quantity not in given
                and not any(t.start <= amount.start < t.end for t in taken)
            ):
                written = Span(start=amount.start, end=amount.end, text=text[amount.start : amount.end])
                found.append(
                    Count(amount.quantity, amount.thing, amount.value, written.text, written, span, sources, True)
                )
    return found


def _stems(text: str) -> set[str]:
    """Content-word stems, numbers as numbers: 'Forty people' and '40 people' share their figure."""
    numbers = {f"#{value:g}" for m in _NUMBER_TOKEN.finditer(text) if (value := number(m.group())) is not None}
    return (stems(text, STEM) - _NUMBER_STEMS) | numbers


class _Similarity:
    """IDF-weighted Dice of sentence stems, the IDF taken over every sentence of the story."""

    def __init__(self, bags: Iterable[set[str]]) -> None:
        bags = list(bags)
        counts = Counter(stem for bag in bags for stem in bag)
        self.idf = {stem: math.log((len(bags) + 1) / (n + 1)) + 1 for stem, n in counts.items()}

    def __call__(self, a: set[str], b: set[str]) -> float:
        total = sum(self.idf.get(s, 1.0) for s in a) + sum(self.idf.get(s, 1.0) for s in b)
        return 2 * sum(self.idf.get(s, 1.0) for s in a & b) / total if total else 0.0


@dataclass
class _Claim:
    """A claim being gathered: its statement, and per outlet the quote and the brief's event that say it."""

    statement: str
    counts: list[Count]
    citations: list[Citation]
    events: list[Event | None]

    @property
    def outlets(self) -> list[str]:
        return [c.outlet for c in self.citations]

    def corroboration(self) -> Corroboration:
        return Corroboration(claim=self.statement, outlets=self.outlets, citations=self.citations)

    def status_conflict(self) -> Conflict | None:
        """The outlets' briefs disagree on whether it happened (happened vs alleged vs denied)."""
        accounts = [
            Account(value=event.status, citation=citation)
            for event, citation in zip(self.events, self.citations, strict=True)
            if event is not None and event.status in _STATUS_GROUP
        ]
        if len({_STATUS_GROUP[a.value] for a in accounts}) < 2:
            return None
        return Conflict(kind="status", about=self.statement, accounts=accounts)


def agreements(members: Sequence[Member], max_claims: int = MAX_CLAIMS) -> tuple[list[Corroboration], list[Conflict]]:
    """The claims several outlets report (most outlets first), and those of them their briefs give statuses
    that disagree on whether it happened."""
    kept = sorted((c for c in _claims(members) if len(c.outlets) > 1), key=lambda c: -len(c.outlets))[:max_claims]
    return [c.corroboration() for c in kept], [x for c in kept if (x := c.status_conflict()) is not None]


def _claims(members: Sequence[Member]) -> list[_Claim]:
    """Every event of the briefs (lead first) as a claim, widened by the other outlets' sentences that say it.

    A claim whose sentence already backs an earlier claim widens that one
    instead of repeating it.
    """
    if len({m.outlet for m in members}) < 2:
        return []
    bags = {(m.id, s.start): _stems(s.text) for m in members for s in m.index.sentences}
    similarity = _Similarity(bags.values())
    claims: list[_Claim] = []
    claim_of: dict[tuple[str, int], int] = {}
    for member in members:
        for event in member.brief.what:
            sentence = _stating(member, event, bags)
            if sentence is None:
                continue
            if (member.id, sentence.start) not in claim_of:
                counts = [c for c in member.counts if c.sentence == sentence]
                said_by = event.sources or member.crediting(sentence)
                claims.append(_Claim(event.description, counts, [member.cite(sentence, said_by)], [event]))
                claim_of[(member.id, sentence.start)] = len(claims) - 1
            number = claim_of[(member.id, sentence.start)]
            for other in members:
                if other.outlet not in claims[number].outlets:
                    found = _widen(claims[number], bags[(member.id, sentence.start)], other, bags, similarity, claim_of)
                    if found is not None:
                        claim_of[(other.id, found.start)] = number
    return claims


def _widen(
    claim: _Claim,
    said: set[str],
    other: Member,
    bags: dict[tuple[str, int], set[str]],
    similarity: _Similarity,
    used: Container[tuple[str, int]],
) -> Span | None:
    """Add ``other``'s sentence that says the claim, if one does, backs no other claim and gives no other figure
    for what the claim counts."""
    scored = [(similarity(said, bags[(other.id, s.start)]), s) for s in other.index.sentences]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    if best is None or score < SAME_CLAIM or (other.id, best.start) in used:
        return None
    if not _says(claim.statement, bags[(other.id, best.start)]):
        return None
    span = other.sentence_span(best)
    if _differ(claim.counts, [c for c in other.counts if c.sentence == span]):
        return None
    event = _event_in(other.brief, span, claim.statement)
    said_by = event.sources if event is not None and event.sources else other.crediting(span)
    claim.citations.append(other.cite(span, said_by))
    claim.events.append(event)
    return span


def _differ(ours: Sequence[Count], theirs: Sequence[Count]) -> bool:
    """The two sentences give different values for the same thing."""
    return any(a.thing == b.thing and a.value != b.value for a in ours for b in theirs)


def _says(claim: str, sentence: set[str]) -> bool:
    """A similar sentence corroborates the claim only if it shares a third of the claim's own words."""
    wanted = _stems(claim)
    return len(wanted & sentence) * 3 >= len(wanted) > 0


def _stating(member: Member, event: Event, bags: dict[tuple[str, int], set[str]]) -> Span | None:
    """The sentence of the article that states the event: its evidence, unless another says it more fully.

    The model cites sentences by number and sometimes cites the lead for an
    event told later; the quote under a claim must say the claim, so an event
    no sentence shares a word with is no claim.
    """
    wanted = _stems(event.description)
    evidence = event.evidence[0]
    best = max(member.index.sentences, key=lambda s: len(wanted & bags[(member.id, s.start)]))
    shared = len(wanted & bags[(member.id, best.start)])
    if not shared:
        return None
    return member.sentence_span(best) if shared > len(wanted & _stems(evidence.text)) else evidence


def _event_in(brief: Brief, span: Span, statement: str) -> Event | None:
    """The brief's event resting on this sentence that says the statement (a third of its words), if any."""
    wanted = _stems(statement)
    inside = [e for e in brief.what if any(s.start < span.end and span.start < s.end for s in e.evidence)]
    best = max(inside, key=lambda e: len(wanted & _stems(e.description)), default=None)
    if best is None or len(wanted & _stems(best.description)) * 3 < len(wanted):
        return None
    return best


def figure_conflicts(members: Sequence[Member]) -> list[Conflict]:
    """Counts of one thing that differ: between outlets (each outlet's first figure), or between named sources
    of one article that give different figures, each account with the source that gave it."""
    by_thing: dict[str, list[tuple[Member, Count]]] = {}
    for member in members:
        for count in totals(member.counts):
            given = by_thing.setdefault(count.thing, [])
            if _new_account(member, count, given):
                given.append((member, count))
    conflicts = []
    for accounts in by_thing.values():
        if len({count.value for _, count in accounts}) > 1:
            conflicts.append(
                Conflict(
                    kind="figure",
                    about=accounts[0][1].about,
                    accounts=[
                        Account(
                            value=count.shown,
                            written=count.written,
                            citation=member.cite(count.sentence, count.sources),
                        )
                        for member, count in accounts
                    ],
                )
            )
    return conflicts


def totals(counts: Sequence[Count]) -> list[Count]:
    """The counts an article's figure is compared on: totals, not increases ("a further seven"); a zero only
    where the article gives no other figure of that measure ("none in the capital" next to "20 detained" is a
    part of the story, not another account of it)."""
    counted = {c.thing for c in counts if c.value and not c.added}
    return [c for c in counts if not c.added and (c.value or c.thing not in counted)]


def _new_account(member: Member, count: Count, given: Sequence[tuple[Member, Count]]) -> bool:
    """An outlet's first figure of the thing; a later one of the same article only from another named source
    and with another value (one voice giving two figures is a count told twice, not two accounts)."""
    same_outlet = [c for m, c in given if m.outlet == member.outlet]
    if not same_outlet:
        return True
    if any(c.value == count.value for c in same_outlet) or not count.sources:
        return False
    return not any(set(c.sources) & set(count.sources) or not c.sources for c in same_outlet)
