"""Merging: the model's draft and the rules' findings into one set of grounded items.

Names are searched in the article (tolerating titles, accents, quotes and
line breaks); events cite sentence numbers, kept only when the cited sentence
shares words with the event. Sources, doubt cues and time expressions come
from rules over the article text. What cannot be grounded is reported, so the
engine can re-ask once and then drop and count it. Nothing here invents a
span: every Span is sliced from the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from summarizer.brief.align import MAX_EVIDENCE, Aligner, article_name, inside
from summarizer.llm.draft import Draft
from summarizer.rules.attribution import find_doubts, find_sources, what_was_said
from summarizer.rules.kinds import kind_cue, set_in, written_as_place
from summarizer.rules.names import is_dateline, is_heading, proper_names
from summarizer.rules.places import find_countries, is_country
from summarizer.rules.text import Found, normalize
from summarizer.rules.times import find_times, resolve
from summarizer.schema import (
    UNCERTAINTY_LEVELS,
    Actor,
    ActorKind,
    Event,
    Place,
    PlaceKind,
    Source,
    TimeReference,
    Uncertainty,
    UncertaintyReason,
)

NamedField = Literal["who", "where"]
MAX_TIMES = 4
LEAD_TIMES = 3
"""Prose sentences at the top whose time expressions count even when no event cites them."""
MAX_PLACES = 12
_DOUBTFUL = {"alleged", "claimed", "denied", "unclear"}


@dataclass(frozen=True)
class NameMiss:
    """A draft item whose name the article does not contain."""

    field: NamedField
    position: int
    name: str

    @property
    def fixable(self) -> bool:
        """Worth a re-ask: the name has a capitalised word. "junta" or "police" is not a name to respell."""
        return any(word[:1].isupper() or word[:1].isdigit() for word in self.name.split())


@dataclass
class GroundedDraft:
    who: list[Actor] = field(default_factory=list)
    what: list[Event] = field(default_factory=list)
    where: list[Place] = field(default_factory=list)
    when: list[TimeReference] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    reasons: list[UncertaintyReason] = field(default_factory=list)
    misses: list[NameMiss] = field(default_factory=list)
    unsupported: int = 0
    """Items without a name whose citations share nothing with the article."""

    @property
    def dropped(self) -> int:
        return len(self.misses) + self.unsupported

    def uncertainty(self) -> Uncertainty:
        """Low when every event is confirmed and nothing casts doubt; raised by doubtful events and reasons."""
        kinds = {r.kind for r in self.reasons}
        implied = 1 if kinds or any(e.status in _DOUBTFUL for e in self.what) else 0
        if "conflicting_claims" in kinds and kinds & {"allegation", "anonymous_sources", "missing_information"}:
            implied = 2
        return Uncertainty(level=UNCERTAINTY_LEVELS[implied], reasons=self.reasons)


class Grounder(Aligner):
    """Grounds the items of one draft against one article: the model's items, then the rules'."""

    def ground(self, draft: Draft, renames: dict[tuple[str, int], str] | None = None) -> GroundedDraft:
        """Ground every item; ``renames`` carries corrected names from a re-ask.

        Item names become the article's own words (the mention text), so a
        reader can search the article for any name the brief shows.
        """
        renames = renames or {}
        out = GroundedDraft()
        seen: set[str] = set()

        def locate(field_name: NamedField, position: int, name: str) -> Found | None:
            name = renames.get((field_name, position), name)
            found = self.locate(name) if name.strip() else None
            if found is None:
                out.misses.append(NameMiss(field_name, position, name))
                return None
            key = normalize(found.text)
            if key in seen:
                return None
            seen.add(key)
            return found

        who, where = _sorted_names(draft, self.index.text)
        for position, (name, kind) in enumerate(who):
            if found := locate("who", position, name):
                out.who.append(self._actor(found, kind))
        for position, (name, place_kind) in enumerate(where):
            if found := locate("where", position, name):
                mention = self.span(found.start, found.end)
                out.where.append(
                    Place(
                        name=article_name(mention),
                        kind=place_kind,
                        mention=mention,
                        evidence=self.mention_evidence(found),
                    )
                )
        named_places = {normalize(p.mention.text) for p in out.where}
        for actor in out.who:
            if actor.kind == "country" and normalize(actor.mention.text) not in named_places:
                out.where.append(Place(name=actor.name, kind="country", mention=actor.mention, evidence=actor.evidence))
                named_places.add(normalize(actor.mention.text))
        self._add_countries(out, named_places)
        self._add_located_names(out)
        self._add_source_cues(out)
        for event in draft.what:
            evidence = self.cited_evidence(event.s, event.e)
            if not evidence:
                out.unsupported += 1
                continue
            out.what.append(
                Event(
                    description=event.e,
                    status=event.st,
                    actors=self.named_in([a.name for a in out.who], [a.mention for a in out.who], evidence),
                    places=self.named_in([p.name for p in out.where], [p.mention for p in out.where], evidence),
                    evidence=evidence,
                )
            )
        self._add_acting_countries(out, [draft.h, *(event.e for event in draft.what)])
        self._add_times(out)
        self._add_doubt_cues(out)
        return out

    def _add_countries(self, out: GroundedDraft, named: set[str]) -> None:
        """Every country the article names (places.py), after the model's places."""
        for mention in find_countries(self.index.text):
            if normalize(mention.country) in named or normalize(self.index.text[mention.start : mention.end]) in named:
                continue
            if len(out.where) >= MAX_PLACES:
                break
            span = self.span(mention.start, mention.end)
            sentence = self.index.sentence_at(mention.start)
            evidence = [self.sentence_span(sentence)] if sentence else [span]
            out.where.append(Place(name=article_name(span), kind="country", mention=span, evidence=evidence))

    def _add_located_names(self, out: GroundedDraft) -> None:
        """Names the article writes as places ("in Kati", "Taipei, Taiwan") that the model left out."""
        have = {normalize(p.mention.text) for p in out.where} | {normalize(a.mention.text) for a in out.who}
        for sentence in self.index.sentences:
            for name in proper_names(sentence.text, self.index):
                if len(out.where) >= MAX_PLACES or normalize(name) in have or len(name.split()) > 3:
                    continue
                if kind_cue(name) is None and not is_country(name) and set_in(name, self.index.text):
                    found = self.locate(name)
                    if found is not None:
                        mention = self.span(found.start, found.end)
                        out.where.append(
                            Place(
                                name=article_name(mention),
                                kind="city",
                                mention=mention,
                                evidence=self.mention_evidence(found),
                            )
                        )
                have.add(normalize(name))

    def _add_acting_countries(self, out: GroundedDraft, texts: list[str]) -> None:
        """Countries the headline or an event names as actors ("Sweden defeated South Korea") are also who."""
        have = {normalize(a.mention.text) for a in out.who}
        written = " ".join(texts)
        for mention in find_countries(self.index.text):
            form = self.index.text[mention.start : mention.end]
            if normalize(form) in have or not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", written):
                continue
            span = self.span(mention.start, mention.end)
            place = next((p for p in out.where if p.mention == span), None)
            evidence = place.evidence if place else self.mention_evidence(Found(mention.start, mention.end, form, True))
            out.who.append(Actor(name=article_name(span), kind="country", mention=span, evidence=evidence))
            have.add(normalize(form))

    def _actor(self, found: Found, kind: ActorKind) -> Actor:
        mention = self.span(found.start, found.end)
        return Actor(name=article_name(mention), kind=kind, mention=mention, evidence=self.mention_evidence(found))

    def _add_times(self, out: GroundedDraft) -> None:
        """Time expressions of the events' sentences, then of the first prose sentences; datelines and headings skipped."""
        sentences = [self.index.sentence_at(e.start) for event in out.what for e in event.evidence]
        lead = [s for s in self.index.sentences if not (is_dateline(s.text) or is_heading(s.text))][:LEAD_TIMES]
        seen: set[str] = set()
        for sentence in dict.fromkeys(s for s in [*sentences, *lead] if s is not None):
            if is_dateline(sentence.text) or is_heading(sentence.text):
                continue
            for start, end in find_times(sentence.text):
                mention = self.span(sentence.start + start, sentence.start + end)
                if normalize(mention.text) in seen or len(out.when) >= MAX_TIMES:
                    continue
                seen.add(normalize(mention.text))
                resolved, precision = resolve(mention.text, self.published)
                out.when.append(
                    TimeReference(
                        text=mention.text,
                        date=resolved,
                        precision=precision,
                        mention=mention,
                        evidence=[self.sentence_span(sentence)],
                    )
                )
        for position, event in enumerate(out.what):
            times = [t.text for t in out.when if inside(t.mention, event.evidence)]
            if times:
                out.what[position] = event.model_copy(update={"times": times})

    def _add_source_cues(self, out: GroundedDraft) -> None:
        """Add attributed speakers the model missed (see attribution.py)."""
        cues = []
        found = find_sources(self.index)
        out.sources = [
            s for s in out.sources if not any(c.start < s.mention.end and s.mention.start < c.end for c in found)
        ]
        for cue in found:
            phrase = self.index.text[cue.start : cue.end]
            cues.append(
                Source(
                    name=phrase,
                    anonymous=cue.anonymous,
                    said=what_was_said(cue),
                    mention=self.span(cue.start, cue.end),
                    evidence=[self.sentence_span(cue.sentence)],
                )
            )
        out.sources = sorted([*out.sources, *cues], key=lambda s: s.mention.start)

    def _add_doubt_cues(self, out: GroundedDraft) -> None:
        """Add allegations, missing information, conflicting figures and unnamed sourcing."""
        have = {(r.kind, r.evidence[0].start) for r in out.reasons}
        for cue in find_doubts(self.index):
            evidence = [self.sentence_span(s) for s in cue.sentences[:MAX_EVIDENCE]]
            if (cue.kind, evidence[0].start) not in have:
                out.reasons.append(UncertaintyReason(kind=cue.kind, note=cue.note, evidence=evidence))
        unnamed = [s for s in out.sources if s.anonymous]
        if unnamed and not any(r.kind == "anonymous_sources" for r in out.reasons):
            note = f"{len(unnamed)} of {len(out.sources)} sources are unnamed"
            evidence = list({s.evidence[0].start: s.evidence[0] for s in unnamed}.values())[:MAX_EVIDENCE]
            out.reasons.append(UncertaintyReason(kind="anonymous_sources", note=note, evidence=evidence))


def _sorted_names(draft: Draft, text: str) -> tuple[list[tuple[str, ActorKind]], list[tuple[str, PlaceKind]]]:
    """The draft's names as (name, kind) for who and where, with strong word cues overriding its lists."""
    countries = {normalize(p.n) for p in draft.plc if p.t == "country"}
    who: list[tuple[str, ActorKind]] = []
    where: list[tuple[str, PlaceKind]] = []
    listed: list[tuple[str, ActorKind]] = [(n, "person") for n in draft.ppl] + [(n, "organization") for n in draft.org]
    for name, kind in listed:
        cue = kind_cue(name)
        if cue == "site" or cue == "city":
            where.append((name, cue))
        elif cue is None and (normalize(name) in countries or is_country(name)):
            who.append((name, "country"))
        elif cue is None and written_as_place(name, text):
            where.append((name, "city"))
        else:
            who.append((name, kind if cue is None else cue))
    for place in draft.plc:
        cue = kind_cue(place.n)
        if cue == "person" or cue == "organization":
            who.append((place.n, cue))
        else:
            where.append((place.n, place.t if cue is None else cue))
    return who, where
