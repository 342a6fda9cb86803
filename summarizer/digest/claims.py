"""What the outlets of one story agree and disagree on, each side cited in its own article.

- Corroboration: an event one brief states (the sentence of its article that
  says it) is matched to the most similar sentence of every other outlet's
  article (IDF-weighted Dice of content-word stems, IDF over the story's
  sentences); at or above SAME_CLAIM, and sharing a third of the event's own
  words, the outlet reports it too.
- Figure conflicts: counts of the same thing ("12 killed", "arrested 40
  people") that differ between outlets, each outlet's first figure cited.
- Status conflicts: a corroborated claim one outlet's brief states as having
  happened (confirmed, or claimed by a speaker) and another's as alleged or
  denied.

No model call: the briefs and the article text are already there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from summarizer.digest.schema import Account, Citation, Conflict, Corroboration
from summarizer.ingest.article import Article
from summarizer.rules.counts import COUNTED
from summarizer.rules.text import ArticleIndex, Sentence, stems
from summarizer.schema import Brief, Event, Span

SAME_CLAIM = 0.35
"""Weighted Dice at or above which two sentences report the same claim. Chosen by reading the claims found
in the BASIL clusters: at 0.25-0.28 unrelated sentences of one story start to match ("retired general" for
"retirement"); at 0.35 every claim found was right."""
STEM = 6
MAX_CLAIMS = 5

_STATUS_GROUP = {"confirmed": "happened", "claimed": "happened", "alleged": "alleged", "denied": "denied"}
"""What an event status says happened: "claimed" is a statement someone made, so it sides with confirmed."""
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_NUMBER_WORDS)
_COUNT_WORD = "|".join(COUNTED)
_FIGURE_BEFORE = re.compile(rf"\b({_NUMBER})\s+(?!of\b)(?:[a-z-]+\s+){{0,2}}?({_COUNT_WORD})\b", re.IGNORECASE)
"""A count before what it counts ("12 people were killed"); "four of the injured" is part of a count, not one."""
_FIGURE_AFTER = re.compile(
    rf"\b({_COUNT_WORD})\s+(?:at least |about |some |nearly |almost |more than |over |up to )?({_NUMBER})\b",
    re.IGNORECASE,
)


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

    @cached_property
    def index(self) -> ArticleIndex:
        return ArticleIndex(self.article.text)

    def cite(self, span: Span) -> Citation:
        return Citation(article=self.id, outlet=self.outlet, quote=span)

    def sentence_span(self, sentence: Sentence) -> Span:
        return Span(start=sentence.start, end=sentence.end, text=sentence.text)


def _stems(text: str) -> set[str]:
    return stems(text, STEM)


class _Similarity:
    """IDF-weighted Dice of sentence stems, the IDF taken over every sentence of the story."""

    def __init__(self, bags: Iterable[set[str]]) -> None:
        bags = list(bags)
        counts = Counter(stem for bag in bags for stem in bag)
        self.idf = {stem: math.log((len(bags) + 1) / (n + 1)) + 1 for stem, n in counts.items()}

    def __call__(self, a: set[str], b: set[str]) -> float:
        total = sum(self.idf.get(s, 1.0) for s in a) + sum(self.idf.get(s, 1.0) for s in b)
        return 2 * sum(self.idf.get(s, 1.0) for s in a & b) / total if total else 0.0


def corroborations(members: Sequence[Member], max_claims: int = MAX_CLAIMS) -> list[Corroboration]:
    """Claims of the briefs (lead first) that another outlet's article also reports.

    A claim whose sentence already backs an earlier claim widens that one
    instead of repeating it.
    """
    if len({m.outlet for m in members}) < 2:
        return []
    bags = {(m.id, s.start): _stems(s.text) for m in members for s in m.index.sentences}
    similarity = _Similarity(bags.values())
    claims: list[tuple[str, list[Citation], list[str]]] = []
    claim_of: dict[tuple[str, int], int] = {}
    for member in members:
        for event in member.brief.what:
            sentence = _stating(member, event, bags)
            if sentence is None:
                continue
            if (member.id, sentence.start) in claim_of:
                number = claim_of[(member.id, sentence.start)]
            else:
                claims.append((event.description, [member.cite(sentence)], [member.outlet]))
                number = len(claims) - 1
                claim_of[(member.id, sentence.start)] = number
            _, citations, outlets = claims[number]
            for other in members:
                if other.outlet in outlets:
                    continue
                scored = [(similarity(bags[(member.id, sentence.start)], bags[(other.id, s.start)]), s)
                          for s in other.index.sentences]  # fmt: skip
                score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
                if (
                    best is not None
                    and score >= SAME_CLAIM
                    and _says(claims[number][0], bags[(other.id, best.start)])
                    and (other.id, best.start) not in claim_of
                ):
                    citations.append(other.cite(other.sentence_span(best)))
                    outlets.append(other.outlet)
                    claim_of[(other.id, best.start)] = number
    found = [
        Corroboration(claim=claim, outlets=outlets, citations=citations)
        for claim, citations, outlets in claims
        if len(outlets) > 1
    ]
    return sorted(found, key=lambda c: -len(c.outlets))[:max_claims]


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


def status_conflicts(members: Sequence[Member], corroborated: Sequence[Corroboration]) -> list[Conflict]:
    """Corroborated claims whose briefs disagree on whether it happened (happened vs alleged vs denied)."""
    by_id = {m.id: m for m in members}
    conflicts = []
    for claim in corroborated:
        accounts = []
        for citation in claim.citations:
            event = _event_at(by_id[citation.article].brief, citation.quote)
            if event is not None and event.status in _STATUS_GROUP:
                accounts.append(Account(value=event.status, citation=citation))
        if len({_STATUS_GROUP[a.value] for a in accounts}) > 1:
            conflicts.append(Conflict(kind="status", about=claim.claim, accounts=accounts))
    return conflicts


def _event_at(brief: Brief, span: Span) -> Event | None:
    for event in brief.what:
        if any(e.start < span.end and span.start < e.end for e in event.evidence):
            return event
    return None


def _value(number: str) -> int:
    word = number.casefold()
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word.replace(",", ""))


def figures(member: Member) -> dict[str, tuple[int, Span]]:
    """Each counted thing's first figure in the article, with the sentence that gives it."""
    first: dict[str, tuple[int, Span]] = {}
    for sentence in member.index.sentences:
        found = [
            (m.start(), COUNTED[m.group(2).casefold()], m.group(1)) for m in _FIGURE_BEFORE.finditer(sentence.text)
        ]
        found += [
            (m.start(), COUNTED[m.group(1).casefold()], m.group(2)) for m in _FIGURE_AFTER.finditer(sentence.text)
        ]
        for _position, thing, number in sorted(found):
            first.setdefault(thing, (_value(number), member.sentence_span(sentence)))
    return first


def figure_conflicts(members: Sequence[Member]) -> list[Conflict]:
    """Counts of the same thing that differ between outlets (each outlet's first figure)."""
    by_thing: dict[str, dict[str, tuple[int, Citation]]] = {}
    for member in members:
        for thing, (value, span) in figures(member).items():
            by_thing.setdefault(thing, {}).setdefault(member.outlet, (value, member.cite(span)))
    conflicts = []
    for thing, accounts in by_thing.items():
        if len(accounts) > 1 and len({value for value, _ in accounts.values()}) > 1:
            conflicts.append(
                Conflict(
                    kind="figure",
                    about=thing,
                    accounts=[Account(value=str(value), citation=citation) for value, citation in accounts.values()],
                )
            )
    return conflicts
