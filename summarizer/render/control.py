"""Control characters out of text a terminal or a Markdown reader is shown.

Article text, model answers and file names may hold escape sequences that set
a terminal's title, clear its screen or plant a link (ANSI CSI, OSC), and bare
control characters (NUL, BEL, backspace, carriage return). Shown text keeps its
words, tabs and line breaks and loses every other control character: C0, DEL
and C1. Without its ESC (or C1 introducer) a sequence is inert text, shown as
such ("[2J"), so nothing is hidden from the reader either.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 except tab and line feed, DEL, C1."""


def printable(text: str) -> str:
    """``text`` without control characters (tab and line feed kept)."""
    return _CONTROL.sub("", text)


def shown(text: str, style: str = "") -> Text:
    """Text for the terminal as written: never Rich markup, never a control code."""
    return Text(printable(text), style=style)
