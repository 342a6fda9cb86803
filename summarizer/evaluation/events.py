"""What happened and how sure the article is: a brief's ``what`` against MEANTIME event mentions.

Only the annotated scope counts (the title, dateline and first body sentences,
``scope_end``). A brief event is **in scope** when one of its evidence spans
starts inside it. It is **judged** by the gold event mentions that lie inside
one of its evidence spans and whose word shares a stem with the event's
statement (``stems``: 'defeated' meets 'defeat'); a statement with no verb of
the article ("Northrop Grumman and Airbus parent company") is not judged. Of
those mentions the verbs come first, then the order of their words in the
statement: the first is the one the status is held to.

Status expected from the mention's factuality (``expected``), checked in this order:

- polarity NEG -> ``denied``;
- certainty POSSIBLE or PROBABLE -> ``alleged``, ``claimed`` or ``unclear``
  (and ``planned`` too when the mention is FUTURE);
- CERTAIN and FUTURE -> ``planned``;
- CERTAIN and NON_FUTURE -> ``confirmed``;
- CERTAIN with the time UNDERSPECIFIED -> ``confirmed`` or ``planned``;
- certainty UNDERSPECIFIED or missing: no expectation, the event is not judged.

A lead holds a **planned or uncertain** event when a mention in scope is
FUTURE or POSSIBLE/PROBABLE (and not negated). The article **gets it** when a
brief event judged by such a mention (any of its mentions, not only the first)
has a non-confirmed status the mention allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.evaluation.annotations import GoldEvent
from summarizer.rules.text import stems
from summarizer.schema import Event

UNCERTAIN = frozenset({"alleged", "claimed", "unclear"})


@dataclass(frozen=True)
class EventScore:
    events: int
    in_scope: int
    judged: int
    status_right: int
    lead_uncertain: tuple[int, int]
    wrong: list[str]


def expected(mention: GoldEvent) -> frozenset[str]:
    """The statuses a brief may give an event resting on this mention (empty: not judgeable)."""
    if mention.polarity == "NEG":
        return frozenset({"denied"})
    if mention.certainty in ("POSSIBLE", "PROBABLE"):
        return UNCERTAIN | ({"planned"} if mention.time == "FUTURE" else set())
    if mention.certainty != "CERTAIN":
        return frozenset()
    return {
        "FUTURE": frozenset({"planned"}),
        "NON_FUTURE": frozenset({"confirmed"}),
    }.get(mention.time or "", frozenset({"confirmed", "planned"}))


def planned_or_uncertain(mention: GoldEvent) -> bool:
    return mention.polarity != "NEG" and (mention.time == "FUTURE" or mention.certainty in ("POSSIBLE", "PROBABLE"))


def judges(event: Event, golds: Sequence[GoldEvent]) -> list[GoldEvent]:
    """The gold mentions that judge ``event``, the one its status is held to first."""
    statement = event.description
    words = stems(statement)
    found = [
        g
        for g in golds
        if expected(g) and any(e.start <= g.start and g.end <= e.end for e in event.evidence) and stems(g.text) & words
    ]

    def place(g: GoldEvent) -> tuple[bool, int]:
        first = min((statement.casefold().find(s) for s in stems(g.text) & words), default=-1)
        return (not g.verb, first if first >= 0 else len(statement))

    return sorted(found, key=place)


def score_events(
    golds: Sequence[GoldEvent], events: Sequence[Event], scope_end: int, lead_end: int | None = None
) -> EventScore:
    """Score one brief's events against one article's event mentions (module docstring).

    ``lead_end`` is where the lead ends when it is not the whole scope (the topic set annotates the whole text).
    """
    lead_end = scope_end if lead_end is None else lead_end
    in_scope = [e for e in events if any(span.start < scope_end for span in e.evidence)]
    judged = right = 0
    wrong: list[str] = []
    gets_it = False
    for event in in_scope:
        mentions = judges(event, golds)
        if not mentions:
            continue
        judged += 1
        status = str(event.status)
        if status in expected(mentions[0]):
            right += 1
        else:
            wrong.append(
                f"{event.description} ({status}; '{mentions[0].text}' is {'/'.join(sorted(expected(mentions[0])))})"
            )
        gets_it |= any(
            planned_or_uncertain(m) and m.start < lead_end and status in expected(m) - {"confirmed"} for m in mentions
        )
    lead = any(planned_or_uncertain(g) and g.start < lead_end for g in golds)
    return EventScore(
        events=len(events),
        in_scope=len(in_scope),
        judged=judged,
        status_right=right,
        lead_uncertain=(int(lead and gets_it), int(lead)),
        wrong=wrong,
    )
