"""The grounded items of one brief, as plain data passed from one grounding step to the next.

Every step (brief/grounding.py) takes a ``GroundedDraft`` and returns a new
one; none changes the one it was given, so a step can be read, tested and
reordered on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from summarizer.schema import (
    UNCERTAINTY_LEVELS,
    Actor,
    Event,
    NamedThing,
    Place,
    Source,
    TimeReference,
    Uncertainty,
    UncertaintyReason,
    Unsupported,
)

NamedField = Literal["who", "where"]
MAX_PLACES = 12
"""Places a brief lists at most: a long article's every town would bury the story's own places."""
MAX_WHO = 12
"""People and organizations a brief lists at most, the model's and the rules' together."""
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


@dataclass(frozen=True)
class GroundedDraft:
    """Every item grounded so far, what could not be grounded, and the headline and summary."""

    who: list[Actor] = field(default_factory=list)
    what: list[Event] = field(default_factory=list)
    where: list[Place] = field(default_factory=list)
    when: list[TimeReference] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    others: list[NamedThing] = field(default_factory=list)
    """Names neither who nor where (brief/things.py)."""
    reasons: list[UncertaintyReason] = field(default_factory=list)
    misses: list[NameMiss] = field(default_factory=list)
    headline: str = ""
    summary: str = ""
    rejected: list[Unsupported] = field(default_factory=list)
    """The model's statements the cited text does not bear out, with why: replaced or dropped."""

    @property
    def unsupported(self) -> int:
        """Items without a name whose citations do not bear them out: those of ``rejected`` dropped, not replaced."""
        return sum(not rejection.replaced for rejection in self.rejected)

    @property
    def dropped(self) -> int:
        return len(self.misses) + self.unsupported

    def but(self, **changes: object) -> GroundedDraft:
        """A copy with ``changes``: how a step hands on its result."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def uncertainty(self) -> Uncertainty:
        """Low when every event is confirmed and nothing casts doubt; raised by doubtful events and reasons."""
        kinds = {r.kind for r in self.reasons}
        implied = 1 if kinds or any(e.status in _DOUBTFUL for e in self.what) else 0
        if "conflicting_claims" in kinds and kinds & {"allegation", "anonymous_sources", "missing_information"}:
            implied = 2
        return Uncertainty(level=UNCERTAINTY_LEVELS[implied], reasons=self.reasons)
