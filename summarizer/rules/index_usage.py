"""A bare index name outside English, read from the sentence it moves in ("le DAX a reculé de 1 %").

rules/things.py finds an index by its size ("CAC 40"), its word ("l'indice
Nikkei", "Leitindex Dax") or its points. A market report also writes an
index with neither: "El FTSE 100 perdió un 1,4 % y el DAX bajó un 2 %". There
the name stands in the same slot as the index beside it: after the
masculine article (the gender of "índice", "indice", "Index") and before a
move by a percentage or points. A company moves by percentages too ("el BBVA
subió un 3 %"), so the sentence must also name an index the rules know.
"""

from __future__ import annotations

import re

LANGUAGES = frozenset({"es", "fr", "de"})

_MASCULINE = {"es": r"el|del|al", "fr": r"le|du|au", "de": r"der|den|dem|des"}
"""The masculine singular article (and its contractions): the gender of the language's word for an index."""
_MOVE = r"(?:%|por[^\S\n]?ciento|pour[^\S\n]?cent|Prozent|puntos?|points?|Punkte|Zähler)"
MAX_WORDS_TO_MOVE = 6
"""Words between the name and its move: "a reculé de 1 %" (3), "gab am Nachmittag 1 Prozent nach" (3)."""
_SENTENCE_END = re.compile(r"[.!?](?!\d)\s|\n")


def moves_beside_an_index(start: int, end: int, text: str, language: str, indices: list[tuple[int, int]]) -> bool:
    """True when the name at [start, end) follows the masculine article and moves by a percentage or points, in a
    sentence that names one of ``indices``, the name not inside one."""
    if language not in LANGUAGES or any(a <= start and end <= b for a, b in indices):
        return False  # "CAC" inside "CAC 40": that index (rules/things.py)
    before = re.search(rf"(?i:\b(?:{_MASCULINE[language]}))[^\S\n]+$", text[max(0, start - 6) : start])
    moving = re.match(rf"(?:[^\S\n]+\S+){{0,{MAX_WORDS_TO_MOVE}}}?[^\S\n]+\d[\d.,]*[^\S\n]*{_MOVE}", text[end:])
    if before is None or moving is None or _SENTENCE_END.search(moving.group()):
        return False
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    closing = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return any(opening <= a and b <= closing for a, b in indices)
