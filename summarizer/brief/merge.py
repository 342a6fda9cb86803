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
from summarizer.brief.events import ground_events, names_in
from summarizer.brief.introduced import retype_introduced
from summarizer.brief.located import add_located, retype_recognized, type_territories
from summarizer.brief.sources import find_sources
from summarizer.llm.draft import Addition, Draft
from summarizer.nlp.dates import find_dates, resolve_date
from summarizer.nlp.entities import Entity, entities, inside_other_name, kind_at, recognizes, short_for_organization
from summarizer.nlp.usage import (
    described_as_organization,
    is_event_name,
    is_plural_name,
    mostly_acts,
    only_acts,
    product_use,
    used_as_product,
)
from summarizer.rules import attribution, kinds
from summarizer.rules import times as time_rules
from summarizer.rules.attribution import find_doubts
from summarizer.rules.doubts import find_doubts_in
from summarizer.rules.kinds import (
    CURRENCY_CODES,
    PERSON_TITLES,
    ROLE_WORDS,
    datelines,
    kind_cue,
    published_in,
    set_in,
    titled,
    uses_of,
    written_as_place,
    written_with_article,
)
from summarizer.rules.names import is_dateline, is_heading, proper_names, same_name
from summarizer.rules.places import CountryMention, find_countries, is_country
from summarizer.rules.text import Found, Sentence, normalize, stems
from summarizer.rules.times import find_times, iso_value, resolve
from summarizer.schema import (
    UNCERTAINTY_LEVELS,
    Actor,
    ActorKind,
    Alignment,
    Event,
    Origin,
    Place,
    PlaceKind,
    Source,
    Span,
    TimeReference,
    Uncertainty,
    UncertaintyReason,
)

NamedField = Literal["who", "where"]
MAX_TIMES = 8
MAX_PLACES = 12
MAX_WHO = 12
LEAD_EVENTS = 6
"""Prose sentences at the top that get an event each when the model gave none: the inverted pyramid's lead."""
HEADLINE_CHARS = 70
SUMMARY_CHARS = 240
"""The draft's own bounds: a fallback from the article's words is no longer than the model's would be."""
_PLACE_KINDS: dict[str, PlaceKind] = {"GPE": "city", "LOC": "region", "FAC": "site"}
_DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)[- ](?:year|month|week|day|hour)s?(?:-old)?\b|\b(?:years|months|weeks|days|decades?)\b",
    re.I,
)
"""Durations and ages ("five-year", "two weeks", "62-year-old") are not points in time."""
_DESCRIBED = re.compile(r"\s(?!of\b|the\b|de\b|du\b|la\b|le\b|del\b)[a-z][a-z-]*$")
"""A name ending in a lower-case word ("United States airframer") describes something; places end in names."""
_LOCATED = re.compile(r"\b(?:in|to|from|across|throughout|into|near|inside|outside)\s+(?:the\s+)?$", re.I)
"""A country written as where something is ("in France"), not as who acts ("France said")."""
_PRODUCT_AFTER = re.compile(r"[ -]?(?:[A-Z]{0,3}-?\d[\w-]*|OS\b|SDK\b)")
"""A model number or product word right after a maker's name: "Boeing 787", "Airbus A380", "Mac OS"."""
_ACRONYM = re.compile(r"[A-Z][A-Z&.-]*[A-Z]\.?")
"""A name written in capitals only ("AT&T", "ANA", "U.N."): an organization's, never a person's."""
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
    headline: str = ""
    summary: str = ""
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

    def ground(
        self,
        draft: Draft,
        renames: dict[tuple[str, int], str] | None = None,
        added: list[Addition] | None = None,
    ) -> GroundedDraft:
        """Ground every item; ``renames`` carries corrected names from a re-ask, ``added`` the later passages' answers.

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

        english = self.language in kinds.LANGUAGES  # English kind words, country names and "in X" rules
        who, where = _sorted_names(draft, self.index.text, cues=english)
        for position, (name, kind) in enumerate(who):
            if found := locate("who", position, name):
                out.who.append(self._actor(found, kind, name))
        for position, (name, place_kind) in enumerate(where):
            if found := locate("where", position, name):
                out.where.append(self._place(found, place_kind, "model", _alignment(found, name)))
        if english:
            self._retype(out)
        elif recognizes(self.language):
            retype_recognized(self, out)
        named_places = {normalize(p.mention.text) for p in out.where}
        for actor in out.who:
            if actor.kind == "country" and normalize(actor.mention.text) not in named_places:
                out.where.append(_as_place(actor, "country"))
                named_places.add(normalize(actor.mention.text))
        if english:
            self._add_countries(out, named_places)
            self._acting_countries_out_of_where(out)
            self._add_located_names(out)
        if english or recognizes(self.language):
            self._add_named_entities(out)
        retype_introduced(self, out)  # French, Spanish: "la empresa Boeing" is an organization
        add_located(self, out)  # French, Spanish, German: the dateline's place and places after "in"
        type_territories(self, out)  # French, Spanish, German: "Francia" is a country, "Europa" a region
        out.where = [p for p in out.where if not _money(self.index.text, p.mention.start, p.mention.end)]
        added = added or []
        out.sources = find_sources(self, [*draft.src, *(source for more in added for source in more.src)])
        lead = [
            s
            for s in self.index.sentences
            if not (is_heading(s.text) or is_dateline(s.text) or self.addressed(s.start))
        ][:LEAD_EVENTS]
        later = [event for more in added for event in more.events()]
        events, unsupported = ground_events(self, draft.events(), out.sources, lead, later)
        out.unsupported += unsupported
        for event in events:
            out.what.append(
                event.model_copy(
                    update={
                        "actors": self.named_in(
                            [a.name for a in out.who], [a.mention for a in out.who], event.evidence
                        ),
                        "places": self.named_in(
                            [p.name for p in out.where], [p.mention for p in out.where], event.evidence
                        ),
                    }
                )
            )
        out.headline = self.checked(draft.h, self.fallback_headline())
        out.summary = self.checked(draft.sm, self.fallback_summary())
        if english:
            self._add_acting_countries(out, [draft.h, draft.sm, *(event.e for event in draft.events())])
        self._add_times(out, draft.tm)
        self._add_doubt_cues(out)
        return out

    def _add_countries(self, out: GroundedDraft, named: set[str]) -> None:
        """Every country the article names (places.py), after the model's places."""
        text = self.index.text
        mentions = self._standalone_countries()
        for mention in mentions:
            if normalize(mention.country) in named or normalize(text[mention.start : mention.end]) in named:
                continue
            if len(out.where) >= MAX_PLACES:
                break
            named.add(normalize(mention.country))
            same = [m for m in mentions if m.country == mention.country]
            mention = next((m for m in same if _LOCATED.search(text[max(0, m.start - 12) : m.start])), mention)
            span = self.span(mention.start, mention.end)
            sentence = self.index.sentence_at(mention.start)
            evidence = [self.sentence_span(sentence)] if sentence else [span]
            out.where.append(
                Place(name=article_name(span), kind="country", mention=span, evidence=evidence, origin="rule")
            )

    def _standalone_countries(self) -> list[CountryMention]:
        """The article's countries, less those inside another name ("Air Canada") or a currency ("US$40 billion",
        "$40 billion US")."""
        text = self.index.text
        return [
            m
            for m in find_countries(text)
            if not (inside_other_name(text, m.start, m.end) or _money(text, m.start, m.end))
        ]

    def _acting_countries_out_of_where(self, out: GroundedDraft) -> None:
        """A country the article only writes as a party ("Qatar has an order", "talks between Russia and the US")
        is who, not where: no event is set there."""
        text = self.index.text
        mentions = [m for m in find_countries(text) if not inside_other_name(text, m.start, m.end)]
        kept: list[Place] = []
        for place in out.where:
            key = normalize(place.mention.text)
            same = [
                (m.start, m.end) for m in mentions if key in {normalize(m.country), normalize(text[m.start : m.end])}
            ]
            if place.kind != "country" or datelines(place.mention.text, text) or not only_acts(text, same):
                kept.append(place)
                continue
            if all(normalize(a.mention.text) != key for a in out.who):
                found = Found(place.mention.start, place.mention.end, place.mention.text, True)
                out.who.append(self._actor(found, "country").model_copy(update={"origin": place.origin}))
        out.where = kept

    def _add_located_names(self, out: GroundedDraft) -> None:
        """Names the article writes as places ("in Kati", "Taipei, Taiwan") that the model left out."""
        have = {normalize(p.mention.text) for p in out.where} | {normalize(a.mention.text) for a in out.who}
        for sentence in self.index.sentences:
            for name in proper_names(sentence.text, self.index):
                if len(out.where) >= MAX_PLACES or normalize(name) in have or len(name.split()) > 3:
                    continue
                if (
                    kind_cue(name) is None
                    and not is_country(name)
                    and set_in(name, self.index.text)
                    and not published_in(name, self.index.text)
                ):
                    found = self.locate(name)
                    if found is not None:
                        out.where.append(self._place(found, "city", "rule"))
                have.add(normalize(name))

    def _add_acting_countries(self, out: GroundedDraft, texts: list[str]) -> None:
        """Countries the headline or an event names as actors ("Sweden defeated South Korea") are also who."""
        have = {normalize(a.mention.text) for a in out.who}
        written = " ".join(texts)
        for mention in self._standalone_countries():  # "Air Canada ordered", "$40 billion US": not Canada, the US
            form = self.index.text[mention.start : mention.end]
            if normalize(form) in have or not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", written):
                continue
            span = self.span(mention.start, mention.end)
            place = next((p for p in out.where if p.mention == span), None)
            evidence = place.evidence if place else self.mention_evidence(Found(mention.start, mention.end, form, True))
            out.who.append(Actor(name=article_name(span), kind="country", mention=span, evidence=evidence))
            have.add(normalize(form))

    def _actor(self, found: Found, kind: ActorKind, name: str | None = None) -> Actor:
        mention = self.span(found.start, found.end)
        return Actor(
            name=article_name(mention),
            kind=kind,
            mention=mention,
            evidence=self.mention_evidence(found),
            alignment=_alignment(found, name),
        )

    def _place(self, found: Found, kind: PlaceKind, origin: Origin, alignment: Alignment = "exact") -> Place:
        mention = self.span(found.start, found.end)
        return Place(
            name=article_name(mention),
            kind=kind,
            mention=mention,
            evidence=self.mention_evidence(found),
            origin=origin,
            alignment=alignment,
        )

    def _retype(self, out: GroundedDraft) -> None:
        """The recognizer's reading of each mention decides its kind where the name's own words do not.

        "Boeing" filed as a person becomes an organization, "Ars Technica" filed
        as a city moves to who, "February" or a product is neither a who nor a
        where. Word cues ("... Council", "... Stadium"), the country list and
        places the text writes as places ("in Kati") keep their say.
        """
        text = self.index.text
        who: list[Actor] = []
        moved: list[Place] = []
        for actor in out.who:
            if is_event_name(actor.name, text) or actor.name.casefold() in ROLE_WORDS | PERSON_TITLES:
                continue  # "the annual Developers Conference" is an event; "CEO" alone names no one
            if (organization := self._without_role(actor)) is not actor:
                who.append(organization)  # "Ryanair CEO" -> Ryanair, whatever the recognizer reads in the phrase
                continue
            kind = kind_at(text, actor.mention.start, actor.mention.end)
            cue = kind_cue(actor.name)
            country = actor.kind == "country"
            if not country and cue is None and titled(text, actor.mention.start):
                who.append(actor.model_copy(update={"kind": "person"}))  # "Spokeswoman Sandy Angers"
            elif not country and cue is None and described_as_organization(actor.name, text):
                who.append(actor.model_copy(update={"kind": "organization"}))  # "retailer Best Buy"
            elif not country and (cue == "person" or cue == "organization"):
                who.append(actor.model_copy(update={"kind": cue}))  # "CEO Steve Jobs", "... Council"
            elif not country and _ACRONYM.fullmatch(actor.name):
                who.append(actor.model_copy(update={"kind": "organization"}))  # "AT&T", "ANA": no person's name
            elif country or cue is not None or kind is None:
                who.append(actor)
            elif kind == "person" or kind == "organization":
                who.append(actor.model_copy(update={"kind": kind}))
            elif kind == "place":
                moved.append(_as_place(actor, "city"))
        where: list[Place] = []
        for place in [*out.where, *moved]:
            if is_event_name(place.name, text):
                continue  # "Paris Air Show" is an event, not where
            if published_in(place.name, text):
                found = Found(place.mention.start, place.mention.end, place.mention.text, True)
                who.append(self._actor(found, "organization").model_copy(update={"origin": place.origin}))
                continue  # "a report in Ars Technica": a publication
            if _DESCRIBED.search(place.mention.text) or _money(text, place.mention.start, place.mention.end):
                continue  # "United States airframer" is a description, "US$40 billion" a currency: no place
            kind = kind_at(text, place.mention.start, place.mention.end)
            placed = place.kind == "country" or kind_cue(place.name) is not None or written_as_place(place.name, text)
            if placed or kind is None or kind == "place":
                where.append(place)
            elif kind == "person" or kind == "organization":
                found = Found(place.mention.start, place.mention.end, place.mention.text, True)
                who.append(self._actor(found, kind).model_copy(update={"origin": place.origin}))
        who = [
            a.model_copy(update={"kind": "organization"})
            if a.kind == "person" and not a.name.startswith("The ") and written_with_article(a.name, text)
            else a
            for a in who
            if a.kind == "country" or not (used_as_product(a.name, text) or a.name in CURRENCY_CODES)
        ]
        out.who, out.where = [a for a in (self._as_maker(actor) for actor in who) if a is not None], where

    def _without_role(self, actor: Actor) -> Actor:
        """An organization named with a person's role after it ("Apple Computer CEO") is the organization."""
        words = actor.mention.text.split()
        if actor.kind == "country" or len(words) < 2 or words[-1].casefold() not in ROLE_WORDS:
            return actor
        end = actor.mention.start + actor.mention.text.rstrip().rindex(words[-1])
        kept = self.index.text[actor.mention.start : end].rstrip(" ,")
        found = Found(actor.mention.start, actor.mention.start + len(kept), kept, True)
        return self._actor(found, "organization").model_copy(update={"origin": actor.origin})

    def _as_maker(self, actor: Actor) -> Actor | None:
        """The actor at a mention that names it, not its product or currency ("Boeing", not "Boeing 787" or "Boeing
        jets"; "US", not "US$40 billion"). A name used only for products ("Airbus A380") is a product, not a who.
        """
        text = self.index.text

        def misread(start: int, end: int) -> bool:
            made = actor.kind == "organization" and _PRODUCT_AFTER.match(text, end) is not None
            return made or _money(text, start, end) or (actor.kind != "country" and product_use(text, start, end))

        if not misread(actor.mention.start, actor.mention.end):
            return actor
        for match in re.finditer(rf"(?<!\w){re.escape(actor.mention.text)}(?!\w)", self.index.text):
            if not misread(*match.span()):
                found = Found(match.start(), match.end(), match.group(), True)
                moved = self._actor(found, actor.kind, actor.name)
                return moved.model_copy(update={"origin": actor.origin, "alignment": actor.alignment})
        return None

    def _add_named_entities(self, out: GroundedDraft) -> None:
        """People, organizations and places the recognizer finds in the prose that the brief lacks, most named first."""
        text = self.index.text
        have = [a.name for a in out.who] + [p.name for p in out.where]
        prose = [s for s in self.index.sentences if not (is_heading(s.text) or is_dateline(s.text))]
        counts: dict[str, int] = {}
        first: dict[str, Entity] = {}
        english = self.language in kinds.LANGUAGES
        for entity in entities(text, self.language):
            if entity.kind not in {"person", "organization", "place"}:
                continue
            if not any(s.start <= entity.start and entity.end <= s.end for s in prose):
                continue
            name = " ".join(text[entity.start : entity.end].split()).removesuffix("'s").removesuffix("’s")
            if not name[:1].isupper() or self.addressed(entity.start):
                continue
            key = next((k for k in first if same_name(k, name)), name)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, entity)
            if (
                english
                and product_use(text, first[key].start, first[key].end)
                and not product_use(text, entity.start, entity.end)
                and text[entity.start : entity.end] == text[first[key].start : first[key].end]
            ):
                first[key] = entity  # "by Airbus" names the maker; "Airbus jets" its product
        for name in sorted(first, key=lambda k: (-counts[k], first[k].start)):
            entity = first[name]
            if any(same_name(name, h) for h in have) or (
                english
                and (
                    is_country(name)
                    or _PRODUCT_AFTER.match(text, entity.end)
                    or name in CURRENCY_CODES
                    or text[entity.start - 1 : entity.start].isdigit()  # "30GB": a unit, not a name
                    or used_as_product(name, text)
                    or is_event_name(name, text)
                )
            ):
                continue
            found = Found(entity.start, entity.start + len(name), text[entity.start : entity.start + len(name)], True)
            cue = kind_cue(name) if english else None
            as_place = english and written_as_place(name, text)
            organization = english and (
                published_in(name, text)  # "a report in Ars Technica"
                or (  # "Cisco sues", "developed by Cisco", "AirTran" beside "AirTran Airways": not a city
                    entity.kind == "place"
                    and cue is None
                    and not as_place
                    and (mostly_acts(text, uses_of(name, text)) or short_for_organization(name, text))
                )
            )
            if not organization and (entity.kind == "place" or cue in {"site", "city"} or as_place):
                if len(out.where) >= MAX_PLACES or cue in {"person", "organization"}:
                    continue
                place_kind: PlaceKind = "site" if cue == "site" else _PLACE_KINDS.get(entity.label, "city")
                out.where.append(self._place(found, place_kind, "rule"))
            elif len(out.who) < MAX_WHO:
                kind: ActorKind = (
                    "person"
                    if cue == "person"  # "Spokeswoman Sandy Angers", whatever the recognizer's label
                    else "organization"
                    if cue == "organization"
                    or organization
                    or (english and (written_with_article(name, text) or described_as_organization(name, text)))
                    else entity.kind  # type: ignore[assignment]
                )
                if english and cue is None and is_plural_name(name, text):
                    kind = "group"  # "the Beatles"
                out.who.append(self._actor(found, kind).model_copy(update={"origin": "rule"}))
            have.append(name)

    def _add_times(self, out: GroundedDraft, drafted: list[str]) -> None:
        """Time expressions of the prose, in order: the rules' and the recognizer's, then the model's; datelines skipped.

        Each is resolved against the published date at its own granularity
        (a year is "2020", a month "2024-03"); durations ("five-year") are not times.
        """
        text = self.index.text
        english = self.language in time_rules.LANGUAGES  # else dateparser's words for the language (nlp/dates.py)
        found: dict[tuple[int, int], Origin] = {}
        for prose in self.index.sentences:
            if is_dateline(prose.text) or self.addressed(prose.start):
                continue
            for start, end in find_times(prose.text) if english else find_dates(prose.text, self.language):
                found[(prose.start + start, prose.start + end)] = "rule"
        for entity in entities(text) if english else ():
            end = entity.start + len(text[entity.start : entity.end].split("\n", 1)[0].rstrip())
            if entity.label == "DATE" and not _overlapping(found, entity.start, end):
                holder = self.index.sentence_at(entity.start)
                if holder and not is_dateline(holder.text):
                    found[(entity.start, end)] = "rule"
        for expression in drafted:
            hit = self.locate(expression)
            if hit is not None and not _overlapping(found, hit.start, hit.end):
                found[(hit.start, hit.end)] = "model"
        seen: set[str] = set()
        for (start, end), origin in sorted(found.items()):
            mention = self.span(start, end)
            resolved, precision = (
                resolve(mention.text, self.published)
                if english
                else resolve_date(mention.text, self.language, self.published)
            )
            key = normalize(mention.text)
            if key in seen or len(out.when) >= MAX_TIMES or (resolved is None and _DURATION.search(mention.text)):
                continue
            sentence = self.index.sentence_at(start)
            seen.add(key)
            out.when.append(
                TimeReference(
                    text=mention.text,
                    date=resolved,
                    precision=precision,
                    value=iso_value(resolved, precision),
                    mention=mention,
                    evidence=[self.sentence_span(sentence)] if sentence else [mention],
                    origin=origin,
                )
            )
        for position, event in enumerate(out.what):
            times = [t.text for t in out.when if inside(t.mention, event.evidence)]
            if times:
                out.what[position] = event.model_copy(update={"times": times})

    def checked(self, written: str, fallback: str) -> str:
        """The model's headline or summary when the article bears it out, else the article's own words.

        Borne out: every name it uses is in the article, and its content words
        come from article sentences that do not address the model.
        """
        prose = [s for s in self.index.sentences if not self.addressed(s.start)]
        have = set().union(*(stems(s.text) for s in prose)) if prose else set()
        wanted = stems(written)
        names_ok = all(self.locate(word) is not None for word in names_in(written, self.language))
        if wanted and names_ok and len(wanted & have) * 2 >= len(wanted):
            return written
        return fallback

    def fallback_headline(self) -> str:
        prose = self._prose()
        return _shorten(prose[0].text if prose else self.index.text, HEADLINE_CHARS)

    def fallback_summary(self) -> str:
        prose = [s for s in self._prose() if not is_heading(s.text)]
        return _shorten(prose[0].text if prose else self.index.text, SUMMARY_CHARS)

    def _prose(self) -> list[Sentence]:
        return [s for s in self.index.sentences if not (is_dateline(s.text) or self.addressed(s.start))]

    def _add_doubt_cues(self, out: GroundedDraft) -> None:
        """Add allegations, missing information, conflicting figures and unnamed sourcing."""
        have = {(r.kind, r.evidence[0].start) for r in out.reasons}
        english = self.language in attribution.LANGUAGES
        for cue in find_doubts(self.index) if english else find_doubts_in(self.index, self.language):
            evidence = [self.sentence_span(s) for s in cue.sentences[:MAX_EVIDENCE]]
            if (cue.kind, evidence[0].start) not in have:
                note = cue.note
                if cue.kind == "conflicting_claims":
                    givers = [_credited(out.sources, span) for span in evidence]
                    if any(givers):
                        note += " (" + " vs ".join(g or "the outlet" for g in givers) + ")"
                out.reasons.append(UncertaintyReason(kind=cue.kind, note=note, evidence=evidence, origin="rule"))
        unnamed = [s for s in out.sources if s.anonymous]
        if unnamed and not any(r.kind == "anonymous_sources" for r in out.reasons):
            note = f"{len(unnamed)} of {len(out.sources)} sources are unnamed"
            evidence = list({s.evidence[0].start: s.evidence[0] for s in unnamed}.values())[:MAX_EVIDENCE]
            out.reasons.append(UncertaintyReason(kind="anonymous_sources", note=note, evidence=evidence, origin="rule"))


def _sorted_names(
    draft: Draft, text: str, cues: bool = True
) -> tuple[list[tuple[str, ActorKind]], list[tuple[str, PlaceKind]]]:
    """The draft's names as (name, kind) for who and where, with strong (English) word cues overriding its lists."""
    if not cues:
        return [(n, "person") for n in draft.ppl] + [(n, "organization") for n in draft.org], [
            (p.n, p.t) for p in draft.plc
        ]
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


_AMOUNT_BEFORE = re.compile(r"[$€£¥]\s?\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|m))?\s+$", re.I)


def _money(text: str, start: int, end: int) -> bool:
    """True when the name at [start, end) is a currency's: "US$40 billion", "$40 billion US"."""
    return text.startswith("$", end) or _AMOUNT_BEFORE.search(text[max(0, start - 30) : start]) is not None


def _as_place(actor: Actor, kind: PlaceKind) -> Place:
    """The same mention, as a where item: a country that acts is also where things happen."""
    return Place(
        name=actor.name,
        kind=kind,
        mention=actor.mention,
        evidence=actor.evidence,
        origin=actor.origin,
        alignment=actor.alignment,
    )


def _alignment(found: Found, name: str | None) -> Alignment:
    """Exact when the article writes the name as the model did; partial when found tolerantly."""
    return "exact" if name is not None and found.text == name.strip() else "partial"


def _overlapping(found: dict[tuple[int, int], Origin], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in found)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _credited(sources: list[Source], sentence: Span) -> str | None:
    """The source credited in a sentence, if any."""
    return next((s.name for s in sources if any(e.start == sentence.start for e in s.evidence)), None)
