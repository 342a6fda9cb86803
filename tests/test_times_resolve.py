"""Times that resolve against the article's date, in English, French, Spanish and German (issue 24 item 3).

Every sentence here was written for this test. Each names the expression a
brief should find in it and the ISO value it should resolve to, at its own
granularity, for an article published on ``THURSDAY`` (2026-08-13) unless the
case gives another date.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.languages import rules_for
from summarizer.brief.when import add_times
from summarizer.rules.calendar import iso_value
from summarizer.rules.text import ArticleIndex
from summarizer.rules.time_phrases import Context

THURSDAY = date(2026, 8, 13)
FEBRUARY = date(2026, 2, 20)

CASES: list[tuple[str, str, str, str | None, date]] = [
    # language, sentence, expression, value, published
    # English: direction by tense
    ("en", "The coastal road will reopen in April after the repairs.", "in April", "2027-04", THURSDAY),
    ("en", "The coastal road closed in April after the storm.", "in April", "2026-04", THURSDAY),
    ("en", "Stocks are set to open higher on Friday, traders said.", "on Friday", "2026-08-14", THURSDAY),
    ("en", "Stocks fell sharply on Friday as oil prices rose.", "on Friday", "2026-08-07", THURSDAY),
    ("en", "Last Friday the council rejected the plan.", "Last Friday", "2026-08-07", THURSDAY),
    ("en", "The council meets next Tuesday to vote again.", "next Tuesday", "2026-08-18", THURSDAY),
    ("en", "Orchard sales fell in April, the cooperative reported.", "in April", "2025-04", FEBRUARY),
    ("en", "The museum, closed since March, will reopen in July.", "in July", "2027-07", THURSDAY),
    ("en", "The museum, closed since March, will reopen in July.", "since March", "2026-03", THURSDAY),
    ("en", "The ferry company sent out invitations for its launch on August 20.", "August 20", "2026-08-20", THURSDAY),
    # English: phrases
    ("en", "The club last won the cup in '82 and came close in '05.", "'82", "1982", THURSDAY),
    ("en", "The club last won the cup in '82 and came close in '05.", "'05", "2005", THURSDAY),
    ("en", "Exports rose 4% from the same month a year ago.", "the same month a year ago", "2025-08", THURSDAY),
    ("en", "The bakery opened a year ago in a former bank.", "a year ago", "2025", THURSDAY),
    ("en", "Rents have climbed since the start of this year.", "the start of this year", "2026", THURSDAY),
    ("en", "The mill had shut at the end of last year.", "the end of last year", "2025", THURSDAY),
    ("en", "Water use fell from March to May 2016 across the valley.", "from March", "2016-03", THURSDAY),
    ("en", "Water use fell from March to May 2016 across the valley.", "May 2016", "2016-05", THURSDAY),
    ("en", "The dam was built between 2010 and 2012 by local crews.", "2012", "2012", THURSDAY),
    ("en", "Net profit doubled in the third quarter of 2016.", "the third quarter of 2016", "2016-Q3", THURSDAY),
    ("en", "Revenue reached $2 billion in Q4 2015, the firm said.", "Q4 2015", "2015-Q4", THURSDAY),
    ("en", "The grocer reported higher third-quarter sales.", "third-quarter", "2026-Q3", date(2026, 10, 20)),
    ("en", "Shipments fell 3% in the fourth quarter, the maker said.", "the fourth quarter", "2025-Q4", FEBRUARY),
    ("en", "Three weeks ago the bridge was closed to lorries.", "Three weeks ago", "2026-W30", THURSDAY),
    # French
    ("fr", "La route côtière rouvrira en avril après les travaux.", "avril", "2027-04", THURSDAY),
    ("fr", "La route côtière a fermé en avril après la tempête.", "avril", "2026-04", THURSDAY),
    ("fr", "Le conseil municipal se réunira vendredi pour voter.", "vendredi", "2026-08-14", THURSDAY),
    ("fr", "Le conseil municipal a voté vendredi contre le projet.", "vendredi", "2026-08-07", THURSDAY),
    ("fr", "La boulangerie a ouvert il y a deux ans dans une ancienne banque.", "il y a deux ans", "2024", THURSDAY),
    (
        "fr",
        "Les ventes ont progressé par rapport au même mois l'an dernier.",
        "même mois l'an dernier",
        "2025-08",
        THURSDAY,
    ),
    ("fr", "Les loyers augmentent depuis le début de l'année.", "début de l'année", "2026", THURSDAY),
    ("fr", "Le bénéfice a doublé au troisième trimestre 2016.", "troisième trimestre 2016", "2016-Q3", THURSDAY),
    ("fr", "La consommation d'eau a baissé de mars à mai 2016.", "mars", "2016-03", THURSDAY),
    ("fr", "Le barrage a été construit entre 2010 et 2012.", "2012", "2012", THURSDAY),
    # Spanish
    ("es", "La carretera de la costa se abrirá en abril tras las obras.", "abril", "2027-04", THURSDAY),
    ("es", "La carretera de la costa se cerró en abril tras la tormenta.", "abril", "2026-04", THURSDAY),
    ("es", "El pleno se reunirá el viernes para votar el plan.", "viernes", "2026-08-14", THURSDAY),
    ("es", "La panadería abrió hace un año en un antiguo banco.", "hace un año", "2025", THURSDAY),
    (
        "es",
        "Las exportaciones subieron frente al mismo mes del año pasado.",
        "mismo mes del año pasado",
        "2025-08",
        THURSDAY,
    ),
    ("es", "Los alquileres suben desde principios de este año.", "principios de este año", "2026", THURSDAY),
    ("es", "El beneficio se duplicó en el tercer trimestre de 2016.", "tercer trimestre de 2016", "2016-Q3", THURSDAY),
    ("es", "La presa se construyó entre 2010 y 2012.", "2010", "2010", THURSDAY),
    # German
    ("de", "Die Küstenstraße wird im April nach den Arbeiten wieder geöffnet.", "April", "2027-04", THURSDAY),
    ("de", "Die Küstenstraße wurde im April nach dem Sturm gesperrt.", "April", "2026-04", THURSDAY),
    ("de", "Der Stadtrat wird am Freitag über den Plan abstimmen.", "Freitag", "2026-08-14", THURSDAY),
    ("de", "Die Bäckerei öffnete vor einem Jahr in einer alten Bank.", "vor einem Jahr", "2025", THURSDAY),
    ("de", "Die Ausfuhren stiegen gegenüber dem selben Monat des Vorjahres.", None, None, THURSDAY),
    ("de", "Die Mieten steigen seit Anfang des Jahres.", "Anfang des Jahres", "2026", THURSDAY),
    ("de", "Der Gewinn verdoppelte sich im dritten Quartal 2016.", "dritten Quartal 2016", "2016-Q3", THURSDAY),
    ("de", "Der Wasserverbrauch sank von März bis Mai 2016.", "März", "2016-03", THURSDAY),
]


def _read(language: str, sentence: str, published: date) -> dict[str, str | None]:
    """Every time the language's rules find in the sentence, with the value they resolve it to."""
    rules = rules_for(language).times
    found: dict[str, str | None] = {}
    for start, end in rules.find(sentence):
        context = Context(sentence, start, end, language)
        found[sentence[start:end]] = iso_value(*rules.resolve(sentence[start:end], published, context))
    return found


@pytest.mark.parametrize(("language", "sentence", "expression", "value", "published"), CASES)
def test_a_time_resolves_in_its_sentence(
    language: str, sentence: str, expression: str | None, value: str | None, published: date
) -> None:
    found = _read(language, sentence, published)
    if expression is None:  # "dem selben Monat" is not the phrase the German rules know ("im selben Monat")
        assert all(v is None or not v.startswith("2025") for v in found.values()), found
        return
    hits = {text: v for text, v in found.items() if expression in text or text in expression}
    assert hits, (expression, found)
    assert value in hits.values(), (expression, found)


def test_there_are_forty_written_sentences_across_the_four_languages() -> None:
    assert len({case[1] for case in CASES}) >= 40
    assert {case[0] for case in CASES} == {"en", "fr", "es", "de"}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The charity fed 2000 people and sold 1,500 tickets at 20 stalls."),
        ("fr", "Le festival a accueilli 2000 personnes et vendu 2500 billets."),
        ("es", "La feria recibió a 2000 visitantes y vendió 2500 entradas."),
        ("de", "Das Fest zählte 2000 Besucher und verkaufte 2500 Karten."),
        ("en", "The Expo '86 pavilion and Office '11 licences were sold."),
    ],
)
def test_bare_numbers_are_not_times(language: str, sentence: str) -> None:
    assert _read(language, sentence, THURSDAY) == {}


def test_a_quarter_of_a_match_is_no_quarter_of_a_year() -> None:
    found = _read("en", "The visitors scored twice in the third quarter to win the final.", THURSDAY)
    assert all(value is None for value in found.values()), found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The flood reached the town on March 3, 2025. Two bridges were closed the same day. "
            "Crews had warned residents the day before.",
            {"the same day": "2025-03-03", "the day before": "2025-03-02"},
        ),
        (
            "fr",
            "La crue a atteint la ville le 3 mars 2025. Deux ponts ont été fermés le même jour. "
            "Les secours avaient prévenu les habitants la veille.",
            {"le même jour": "2025-03-03", "la veille": "2025-03-02"},
        ),
        (
            "es",
            "La crecida llegó al pueblo el 3 de marzo de 2025. Dos puentes se cerraron el mismo día.",
            {"el mismo día": "2025-03-03"},
        ),
        (
            "de",
            "Das Hochwasser erreichte die Stadt am 3. März 2025. Zwei Brücken wurden am selben Tag gesperrt. "
            "Die Helfer hatten die Bewohner am Vortag gewarnt.",
            {"am selben Tag": "2025-03-03", "am Vortag": "2025-03-02"},
        ),
        ("en", "Two bridges were closed the same day, the council said.", {"the same day": "2026-08-13"}),
    ],
)
def test_the_same_day_is_the_day_just_named_else_the_articles(
    language: str, text: str, expected: dict[str, str]
) -> None:
    aligner = Aligner(ArticleIndex(text), THURSDAY, language)
    when = add_times(GroundedDraft(), aligner, [], rules_for(language).times).when
    values = {t.text: t.value for t in when}
    for expression, value in expected.items():
        assert values.get(expression) == value, values
    assert all(t.precision in {"day", "week", "month", "quarter", "year"} for t in when if t.value)
