"""Stage one for names: the model's people, organizations and places, found in the article (origin model).

Each name becomes the article's own words at its first mention; a name the
article does not contain is a miss, which the engine may re-ask once. A name
seen twice is kept once. How the model's lists are sorted into who and where
is the language's choice (brief/languages.py): English word cues may move a
name the model filed wrongly before it is looked up.
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft, NamedField, NameMiss
from summarizer.brief.mentions import actor_at, alignment_of, place_at
from summarizer.llm.draft import Draft
from summarizer.rules.kinds import kind_cue, written_as_place
from summarizer.rules.places import is_country
from summarizer.rules.text import Found, normalize
from summarizer.schema import ActorKind, PlaceKind

SortedNames = tuple[list[tuple[str, ActorKind]], list[tuple[str, PlaceKind]]]
NameSorter = Callable[[Draft, str], SortedNames]


def align_names(draft: Draft, aligner: Aligner, renames: dict[tuple[str, int], str], sort: NameSorter) -> GroundedDraft:
    """The model's who and where, each at its first mention in the article; the misses besides."""
    misses: list[NameMiss] = []
    seen: set[str] = set()

    def locate(field_name: NamedField, position: int, name: str) -> Found | None:
        name = renames.get((field_name, position), name)
        found = aligner.locate(name) if name.strip() else None
        if found is None:
            misses.append(NameMiss(field_name, position, name))
            return None
        key = normalize(found.text)
        if key in seen:
            return None
        seen.add(key)
        return found

    who, where = sort(draft, aligner.index.text)
    actors = [
        actor_at(aligner, found, kind, "model", name)
        for position, (name, kind) in enumerate(who)
        if (found := locate("who", position, name))
    ]
    places = [
        place_at(aligner, found, place_kind, "model", alignment_of(found, name))
        for position, (name, place_kind) in enumerate(where)
        if (found := locate("where", position, name))
    ]
    return GroundedDraft(who=actors, where=places, misses=misses)


def as_listed(draft: Draft, text: str) -> SortedNames:
    """The model's own filing: people and organizations are who, places where."""
    listed: list[tuple[str, ActorKind]] = [(n, "person") for n in draft.ppl] + [(n, "organization") for n in draft.org]
    return listed, [(p.n, p.t) for p in draft.plc]


def by_english_cues(draft: Draft, text: str) -> SortedNames:
    """The model's filing, with strong English word cues overriding it ("... Stadium" is a site, "CEO X" a person)."""
    countries = {normalize(p.n) for p in draft.plc if p.t == "country"}
    who: list[tuple[str, ActorKind]] = []
    where: list[tuple[str, PlaceKind]] = []
    listed, _ = as_listed(draft, text)
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
