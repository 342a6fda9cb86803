"""Which way a sentence points from its article's date: ahead (will, is due to, va rouvrir) or back (was, said, a fermé).

A time named without its year or week is read in that direction
(rules/calendar.py): "The road will reopen in April" in an August article is
the coming April, "the road closed in April" the one gone by. The cue nearest
the expression decides, so in "The bridge, closed since March, will reopen in
May" March is back and May ahead; a sentence with no cue gives no direction.
"""

from __future__ import annotations

import re

from summarizer.rules.calendar import Direction

LANGUAGES = frozenset({"en", "fr", "es", "de"})

_AHEAD: dict[str, str] = {
    "en": r"(?:will|won't|'ll|shall)(?:\s+not)?\s+be\s+(?:[a-z]+(?:ed|en)|held|made|met|paid|sent|built|brought|found|hit|led|run|sold|left|shown|seen)\b"
    r"|will|won't|'ll|shall|(?:is|are|am)\s+(?:not\s+)?(?:due|set|scheduled|slated|expected|going|planned)"
    r"|(?:is|are|am)\s+to|plans?\s+to|planning|intends?\s+to|aims?\s+to|upcoming|coming|next|tomorrow"
    r"|scheduled\s+(?:for|to)|set\s+to|due\s+to(?!\s+(?:a|an|the|this|that|these|those|his|her|its|their|our|\d+|\w+ing)\b)"
    r"|(?:delay|postpone|defer|push|put)(?:s|d|ed|ing|red|ring)?(?=\s+(?:\w+\s+){0,4}?(?:until|till|back\s+to|off\s+until)\b)"
    r"|(?:have|has|'ve)\s+(?:asked|instructed|ordered|told|directed|urged|invited|requested|called\s+on)"
    r"\s+(?:[^\s.;!?]+\s+){1,12}?to\s+[a-z]+",
    "fr": r"va|vont|allons|prévue?s?|prochaine?s?|demain|doit|doivent",
    "es": r"va\s+a|van\s+a|vamos\s+a|prevista?s?|previsto?s?|próxim[oa]s?|mañana",
    "de": r"wird|werden|werde|wirst|soll|sollen|geplant|kommende[nmrs]?|nächste[nmrs]?|morgen",
}
"""Future tense, intention and schedule, per language, in any case ("will be held": a future passive, whose participle
is no past). English postponements ("delayed the vote until
June") point ahead although their verb is past: the date is the new one, after the decision. So does a
directive in the present perfect ("has asked the board to report on Monday"): what it asks for is still to come. "Due to" before a
determiner, a number or a gerund is a cause ("due to a landslide"), not a schedule ("due to reopen")."""
_SCHEDULED: dict[str, str] = {
    "en": r"(?:re)?opens|starts|begins|resumes|kicks\s+off|takes\s+(?:place|effect)|comes\s+into\s+force|ends|closes"
    r"|goes\s+on\s+sale|expires|launches",
    "fr": r"r?ouvre|commence|débute|reprend|s['’]ouvre|entre\s+en\s+vigueur|a\s+lieu|se\s+tient|se\s+termine|expire",
    "es": r"(?:re)?abre|comienza|empieza|arranca|se\s+reanuda|se\s+celebra|tiene\s+lugar|entra\s+en\s+vigor|termina"
    r"|vence",
    "de": r"beginnt|öffnet|eröffnet|startet|endet|tritt|findet|läuft",
}
"""The present of a schedule has a future meaning ("It reopens on Monday", "The trial starts next week", "le procès
s'ouvre lundi", "el plazo vence el viernes", "die Messe beginnt am Montag"): verbs of starting, ending and taking
place, in the third person of the present; their past ("reopened", "a commencé") is a past."""
for _language, _present in _SCHEDULED.items():
    _AHEAD[_language] = f"{_AHEAD[_language]}|{_present}"
_AHEAD_FORMS: dict[str, str] = {
    "en": r"(?!)",
    "fr": r"[a-zéèêàâîôûç]{2,}(?:rai|ras|ra|rons|rez|ront)",
    "es": r"[a-záéíóúñ]{2,}(?:ré|rás|rá|remos|réis|rán)",
    "de": r"(?!)",
}
"""French and Spanish futures by their endings ("rouvrira", "abrirá"), lower case only (names are not verbs)."""
_BACK: dict[str, str] = {
    "en": r"was|were|had|did|didn't|ago|earlier|previously|last|since"
    r"|fell|rose|won|lost|took|made|came|went|began|met|saw|gave|sold|bought|left|held|struck|hit|paid"
    r"|spent|grew|led|ran|sent|fought|found|brought|built|became|broke|chose|drove|flew|froze|stood|spoke|wrote",
    "fr": r"a|ont|avait|avaient|ai|avons|avez|été|était|étaient|fut|furent|hier|dernière?s?|passée?s?|depuis",
    "es": r"ha|han|había|habían|fue|fueron|era|eran|ayer|pasad[oa]s?|hace|desde",
    "de": r"hat|haben|hatte|hatten|war|waren|wurde|wurden|gestern|letzte[nmrs]?|vergangene[nmrs]?|seit|vor",
}
"""Past auxiliaries, common simple pasts and pointers to the past ("ago", "last", "since"), in any case."""
_BACK_FORMS: dict[str, str] = {
    "en": r"[a-z]{2,}(?<!schedul)(?<!expect)(?<!plann)(?<!slat)(?<!propos)(?<!intend)(?<!announc)(?<!report)(?<!add)"
    r"(?<!stat)(?<!confirm)(?<!claim)ed",
    "fr": r"(?!)",
    "es": r"[a-záéíóúñ]{3,}(?:ó|aron|ieron)",
    "de": r"(?:ist|sind)\s+\w+\s+ge[a-zäöü]+",
}
"""Regular pasts by their endings ("closed", "cerró"), lower case only: "United" is no verb. Planned, expected and
scheduled point ahead."""


_REPORTING: dict[str, str] = {
    "en": r"said|told|says|added|announced|reported|stated|confirmed|claimed|according\s+to",
    "fr": r"selon|d'après|déclaré|indiqué|annoncé|affirmé|précisé|expliqué",
    "es": r"dijo|según|declaró|indicó|anunció|afirmó|explicó|aseguró|informó",
    "de": r"sagte|teilte|erklärte|kündigte|berichtete|laut|zufolge|hieß\s+es",
}
"""Verbs that frame a report ("traders said"): their tense is the telling's, not the event's, so they decide only
when they take the expression themselves ("said on Friday") or the clause has no other cue."""
_TOLD_PAST: dict[str, str] = {
    "en": r"said|told|added|announced|reported|stated|confirmed|claimed",
    "fr": r"a\s+(?:déclaré|indiqué|annoncé|affirmé|précisé|expliqué)",
    "es": r"dijo|declaró|indicó|anunció|afirmó|explicó|aseguró|informó",
    "de": r"sagte|erklärte|berichtete",
}
"""A past telling between the expression and its nearest cue ("On Monday she announced that the plant will
close"): the cue is the told clause's, and the expression dates the telling, which is past."""
_TOLD = {language: re.compile(rf"(?<!\w)(?i:{words})(?!\w)") for language, words in _TOLD_PAST.items()}
_TAKES = re.compile(r"\s*(?:\w{1,3}\s+)?")
"""A reporting verb takes the expression right after it, or one short word apart: "said Friday", "dijo el viernes"."""


def _compiled(words: dict[str, str], forms: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {
        language: re.compile(rf"(?<![\w'’])(?:(?i:{words[language]})|{forms[language]})(?!\w)")
        for language in LANGUAGES
    }


_NONE = dict.fromkeys(LANGUAGES, r"(?!)")
_EITHER: dict[str, str] = {**_NONE, "en": r"would|wouldn't"}
"""A future seen from the past ("was projected to have won, and would be sworn in on January 20"): ahead of a
telling that may itself be past, so it points neither way and the nearest date is read; it stops a past verb further
off ("won") from deciding."""
_CUES: tuple[tuple[dict[str, re.Pattern[str]], Direction | None], ...] = (
    (_compiled(_AHEAD, _AHEAD_FORMS), "ahead"),
    (_compiled(_BACK, _BACK_FORMS), "back"),
    (_compiled(_EITHER, _NONE), None),
)
_FRAMING = _compiled(_REPORTING, _NONE)


def direction(sentence: str, start: int, end: int, language: str) -> Direction | None:
    """The direction of the cue nearest the expression at ``start:end`` in ``sentence``, outside it and within its
    clause (a semicolon ends one); None when the clause has no cue or the language none listed."""
    if language not in LANGUAGES:
        return None
    clause_start = sentence.rfind(";", 0, start) + 1
    clause_end = sentence.find(";", end)
    clause_end = len(sentence) if clause_end < 0 else clause_end
    best: tuple[int, Direction | None, int] | None = None
    for cues, way in _CUES:
        for cue in cues[language].finditer(sentence, clause_start, clause_end):
            if cue.start() < end and start < cue.end():
                continue  # the expression's own words ("last Friday") are read by its rules
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            if best is None or distance < best[0]:
                best = (distance, way, cue.start())
    if best is not None:
        framing = list(_FRAMING[language].finditer(sentence, clause_start, start))
        takes = framing and _TAKES.fullmatch(sentence, framing[-1].end(), start)
        told_after = best[2] >= end and _TOLD[language].search(sentence, end, best[2])
        return "back" if takes or told_after else best[1]
    return "back" if _FRAMING[language].search(sentence, clause_start, clause_end) else None
