"""What a figure counts: "12 people were killed" counts the dead, "15 injured" the injured.

Two figures are one count told two ways only when they count the same thing;
the digest's figure conflicts and the brief's conflicting-figures cue both
read it here.
"""

from __future__ import annotations

import re

COUNTED = {
    "killed": "killed", "killing": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
    "fatalities": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "missing": "missing", "evacuated": "evacuated", "displaced": "displaced",
    "votes": "votes", "seats": "seats",
}  # fmt: skip
"""Words that say what a count is of, by the thing counted."""
_AFTER = re.compile(r"(?:\s+(?!of\b)[A-Za-z-]+){1,4}")


_BEFORE = re.compile(r"(?:[A-Za-z-]+\s+){1,2}$")


def counted(text: str, start: int, end: int) -> str | None:
    """What the figure at [start, end) counts: the next few words ("11 people were killed") or the word before
    ("killed at least 11 people"), or None when they do not say."""
    following = _AFTER.match(text, end)
    words = following.group().casefold().split() if following else []
    before = _BEFORE.search(text[max(0, start - 30) : start])
    words += before.group().casefold().split() if before else []
    return next((COUNTED[w] for w in words if w in COUNTED), None)
