"""How much room the model's answer gets: a small model's tight bounds, or a large model's room.

The draft's JSON Schema becomes the server's grammar (llm/draft.py), so its
bounds decide what the model may write. They were chosen for the embedded
1.5B, which fills whatever room it is given with repeats; a large remote model
writes more real events, longer statements and every source, and the same
grounding checks each of them against the article. A backend says which
profile it gets (:class:`~summarizer.llm.backends.base.Capabilities`); the
caller may declare a ``--base-url`` model large.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.errors import ConfigError


@dataclass(frozen=True)
class ModelProfile:
    """The bounds of one model's answer (the lead's draft; a later passage's addition)."""

    name: str
    names: int
    """People, organizations and places the model lists, each."""
    events: int
    """Events the model writes for the lead."""
    event_chars: int
    """The longest statement of an event."""
    sources: int
    """Sources the model lists for the lead."""
    times: int
    """Time expressions the model lists."""
    answer_tokens: int
    """A bound, not a target, on the lead's answer: room for a full draft in compact JSON."""


SMALL = ModelProfile(name="small", names=6, events=3, event_chars=60, sources=6, times=4, answer_tokens=700)
"""Today's bounds, chosen by hand for the 1.5B default (llm/draft.py says why each): given room for eight
events it repeats one until the bound; longer statements let it copy whole sentences."""
LARGE = ModelProfile(name="large", names=12, events=8, event_chars=160, sources=16, times=8, answer_tokens=2400)
"""Room for a large model, matched to the brief's own bounds (not measured: no large model was run here):
events as many as the brief keeps (brief/events.py MAX_EVENTS 8), 8 times (brief/when.py keeps 12, the rules find
the rest), every source the brief keeps (brief/sources.py MAX_SOURCES 16), twice the small model's names, and statements of one
full clause (~25 words). The token bound covers that draft (~1,500 compact-JSON tokens) with a margin."""

PROFILES = {profile.name: profile for profile in (SMALL, LARGE)}


def profile_named(name: str | None, default: ModelProfile = SMALL) -> ModelProfile:
    """The profile called ``name`` (``small`` or ``large``); ``default`` when no name is given."""
    if not name:
        return default
    found = PROFILES.get(name.strip().lower())
    if found is None:
        raise ConfigError(
            f"unknown model profile {name!r}: use {' or '.join(PROFILES)} (model_profile=, CLI: --model-profile)"
        )
    return found
