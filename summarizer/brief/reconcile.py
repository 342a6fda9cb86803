"""Steps that reconcile the items already found, whoever found them: nothing new is read from the text."""

from __future__ import annotations

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.mentions import as_place, money
from summarizer.rules.text import normalize


def countries_also_where(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A country in who is also where things happen, unless where already names it."""
    named = {normalize(p.mention.text) for p in items.where}
    where = list(items.where)
    for actor in items.who:
        if actor.kind == "country" and normalize(actor.mention.text) not in named:
            where.append(as_place(actor, "country"))
            named.add(normalize(actor.mention.text))
    return items.but(where=where)


def no_currency_places(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A place named as a currency ("US$40 billion") is no place."""
    text = aligner.index.text
    return items.but(where=[p for p in items.where if not money(text, p.mention.start, p.mention.end)])


def events_name_their_parties(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Each event lists the who and where items its evidence sentences name."""
    what = [
        event.model_copy(
            update={
                "actors": aligner.named_in([a.name for a in items.who], [a.mention for a in items.who], event.evidence),
                "places": aligner.named_in(
                    [p.name for p in items.where], [p.mention for p in items.where], event.evidence
                ),
            }
        )
        for event in items.what
    ]
    return items.but(what=what)
