"""An article grounded with a scripted model answer that holds only names: how the name tests ask what the merge
makes of the model's people, organizations and places, with no model and no server."""

from __future__ import annotations

from datetime import date

from summarizer.brief.grounding import GroundedDraft, Grounder
from summarizer.llm.draft import draft_model
from summarizer.rules.text import ArticleIndex


def ground_names(
    text: str,
    people: list[str],
    organizations: list[str],
    places: list[str],
    *,
    language: str = "en",
    published: date = date(2026, 3, 3),
    outlet: str | None = None,
) -> GroundedDraft:
    """``text`` grounded with the model's three name lists (every place filed as a city) and one bare event."""
    draft = draft_model(3).model_validate(
        {
            "h": "x",
            "sm": "x",
            "ppl": people,
            "org": organizations,
            "plc": [{"n": p, "t": "city"} for p in places],
            "what": [{"e": "x", "st": "confirmed", "s": [1]}],
            "src": [],
            "tm": [],
        }
    )
    return Grounder(ArticleIndex(text), published, language, outlet=outlet).ground(draft)


def kinds_of(out: GroundedDraft) -> dict[str, str]:
    """Each grounded name's kind: an actor's as it is, a place's as "place:<kind>", a thing's as "other:<kind>"."""
    return {
        **{a.name: a.kind for a in out.who},
        **{p.name: f"place:{p.kind}" for p in out.where},
        **{o.name: f"other:{o.kind}" for o in out.others},
    }
