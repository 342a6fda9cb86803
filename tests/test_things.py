"""Names that are neither who nor where (an index, a time zone, a product, a law, an event) are kept in ``others``,
typed, in English, French, Spanish and German, whether the model filed them as people, organizations or places or
the rules found them. The articles are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.grounding import GroundedDraft
from summarizer.render.markdown import render_markdown
from summarizer.rules.things import find_things
from tests.scripted_names import ground_names

ENGLISH = (
    "Stocks fall as lawmakers pass river law\n\n"
    "Stocks fell in London on Tuesday. The FTSE 100 lost 1.2% by 10:30 GMT, and the Dow Jones Industrial Average "
    "slipped at the open. Harbor Motors said sales of its electric SUV Kestrel Volt would start in May. "
    "Parliament passed the Clean Rivers Act on Monday. Traders at Bellmont Bank said the Winter Olympics in Oslo "
    "had lifted travel shares. Helen Marsh, an analyst at Bellmont Bank, said investors were cautious."
)
FRENCH = (
    "La Bourse recule avant le vote\n\n"
    "La Bourse de Paris a reculé mardi. Le CAC 40 a perdu 1,2 % à 10 h 30 GMT, et l'indice Nikkei a cédé 0,8 %. "
    "Le constructeur Veloce a présenté à Lyon la voiture Astrale. L'Assemblée nationale a adopté la loi Durand "
    "lundi, avant les Jeux olympiques de Grenoble. Claire Morel, analyste chez Banque Lenoir, a jugé les "
    "investisseurs prudents."
)
SPANISH = (
    "La Bolsa cae antes de la votación\n\n"
    "La Bolsa de Madrid cayó el martes. El Ibex 35 perdió un 1,2 % a las 10.30 GMT y el índice Nikkei cedió un "
    "0,8 %. La empresa Motores Duarte presentó en Valencia su coche Brisa. El Congreso aprobó la Ley de Aguas "
    "Limpias el lunes, antes de los Juegos Olímpicos de Invierno. Lucía Ferrer, analista de Banco Sierra, dijo que "
    "los inversores estaban cautos."
)
GERMAN = (
    "Börse gibt vor der Abstimmung nach\n\n"
    "Die Frankfurter Börse gab am Dienstag nach. Der Leitindex Dax verlor bis 10.30 Uhr MEZ 1,2 Prozent, der "
    "Nikkei-Index gab 0,8 Prozent nach. Der Hersteller Brandt Motoren stellte in Stuttgart das Elektroauto Falke "
    "vor. Der Bundestag verabschiedete am Montag das Gewässerschutzgesetz, kurz vor den Olympischen Winterspielen. "
    "Jana Richter, Analystin der Nordbank, sagte, die Anleger seien vorsichtig."
)

# language, text, what the model filed (people, organizations, places), the things expected, the actors kept
CASES = [
    (
        "en",
        ENGLISH,
        (["FTSE 100", "Helen Marsh", "Kestrel Volt"], ["GMT", "Harbor Motors", "Clean Rivers Act", "Bellmont Bank"]),
        ["Winter Olympics", "London"],
        {
            "FTSE 100": "index",
            "Dow Jones Industrial Average": "index",
            "GMT": "time_zone",
            "Kestrel Volt": "product",
            "Clean Rivers Act": "law",
            "Winter Olympics": "event",
        },
        {"Helen Marsh": "person", "Harbor Motors": "organization"},
    ),
    (
        "fr",
        FRENCH,
        (["CAC 40", "Claire Morel", "Astrale"], ["GMT", "Veloce", "loi Durand", "Banque Lenoir"]),
        ["Jeux olympiques de Grenoble", "Lyon"],
        {
            "CAC 40": "index",
            "Nikkei": "index",
            "GMT": "time_zone",
            "Astrale": "product",
            "loi Durand": "law",
            "Jeux olympiques de Grenoble": "event",
        },
        {"Claire Morel": "person", "Banque Lenoir": "organization"},
    ),
    (
        "es",
        SPANISH,
        (["Ibex 35", "Lucía Ferrer", "Brisa"], ["GMT", "Motores Duarte", "Ley de Aguas Limpias", "Banco Sierra"]),
        ["Juegos Olímpicos de Invierno", "Valencia"],
        {
            "Ibex 35": "index",
            "Nikkei": "index",
            "GMT": "time_zone",
            "Brisa": "product",
            "Ley de Aguas Limpias": "law",
            "Juegos Olímpicos de Invierno": "event",
        },
        {"Lucía Ferrer": "person"},
    ),
    (
        "de",
        GERMAN,
        (["Dax", "Jana Richter", "Falke"], ["MEZ", "Brandt Motoren", "Gewässerschutzgesetz", "Nordbank"]),
        ["Olympischen Winterspielen", "Stuttgart"],
        {
            "Dax": "index",
            "Nikkei": "index",
            "MEZ": "time_zone",
            "Falke": "product",
            "Gewässerschutzgesetz": "law",
            "Olympischen Winterspielen": "event",
        },
        {"Jana Richter": "person"},
    ),
]


def ground(text: str, language: str, people: list[str], organizations: list[str], places: list[str]) -> GroundedDraft:
    return ground_names(text, people, organizations, places, language=language, published=date(2026, 3, 3))


@pytest.mark.parametrize(("language", "text", "actors", "places", "things", "kept"), CASES, ids=[c[0] for c in CASES])
def test_the_models_things_leave_who_and_where_typed(
    language: str,
    text: str,
    actors: tuple[list[str], list[str]],
    places: list[str],
    things: dict[str, str],
    kept: dict[str, str],
) -> None:
    out = ground(text, language, *actors, places)
    others = {o.name: o.kind for o in out.others}
    named = {a.name for a in out.who} | {p.name for p in out.where}
    for name, kind in things.items():
        assert others.get(name) == kind, (name, others)
        assert name not in named, (name, named)
    assert {name: kind for name, kind in ((a.name, a.kind) for a in out.who) if name in kept} == kept
    moved = {o.name: o for o in out.others}
    assert moved[next(iter(things))].origin == "model" and "moved" in moved[next(iter(things))].ruled
    for thing in out.others:
        assert text[thing.mention.start : thing.mention.end] == thing.mention.text


@pytest.mark.parametrize(("language", "text", "actors", "places", "things", "kept"), CASES, ids=[c[0] for c in CASES])
def test_the_rules_find_the_things_the_model_left_out(
    language: str,
    text: str,
    actors: tuple[list[str], list[str]],
    places: list[str],
    things: dict[str, str],
    kept: dict[str, str],
) -> None:
    out = ground(text, language, [], [], [])
    others = {o.name: o.kind for o in out.others}
    for name, kind in things.items():
        assert others.get(name) == kind, (name, others)
    assert all(o.origin == "rule" and not o.ruled for o in out.others)
    assert not {o.name for o in out.others} & ({a.name for a in out.who} | {p.name for p in out.where})


def test_a_part_of_a_things_name_becomes_the_thing() -> None:
    """The model's "CAC" or "Dow Jones" where the article only ever writes "CAC 40" or "Dow Jones Industrial
    Average": the index, at its own mention, saying the model named it elsewhere."""
    out = ground(FRENCH, "fr", [], ["CAC", "Veloce"], [])
    others = {o.name: o for o in out.others}
    assert others["CAC 40"].kind == "index" and others["CAC 40"].origin == "model"
    assert others["CAC 40"].ruled == ["moved", "mention"]
    assert "Veloce" in {a.name for a in out.who} and "CAC" not in {a.name for a in out.who}
    out = ground(ENGLISH, "en", [], ["FTSE", "Dow Jones", "Harbor Motors"], [])
    others = {o.name: o for o in out.others}
    assert others["Dow Jones Industrial Average"].origin == "model"
    assert {a.name for a in out.who} >= {"Harbor Motors"} and not {"FTSE", "Dow Jones"} & {a.name for a in out.who}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Shares rose on March 10 after Windows shipped. Boeing 787 deliveries lifted the stock 2%."),
        ("en", "On March 10, shares fell 2%. On Tuesday 10 stocks rose. Mayor Bill de Blasio said."),
        ("en", "President Bill Clinton spoke. The war ended. Harbor Motors sold 20 cars."),
        ("en", "Riot Games said the Vanity Fair story was wrong; the model Kate Moss agreed."),
        ("en", "The concert starts at 8 p.m. in the CAT building; ART Holdings said."),
        ("fr", "L'accord de Renault avec Nissan tient, a dit le porte-parole."),
        ("es", "La carta de Pedro Sánchez llegó el lunes; el acuerdo de Sánchez sigue."),
        ("de", "Die neue Regierung in Berlin stellte das Gesetz vor; der Vertrag gilt."),
    ],
)
def test_general_words_are_no_things(language: str, text: str) -> None:
    """Dates, model numbers, a person's first name, lower-case nouns, acronyms with no clock, letters and pacts
    named after people, and German nouns after "neue" are not indices, laws, events or time zones."""
    assert [text[t.start : t.end] for t in find_things(text, language)] == []


def test_the_brief_shows_the_things_apart() -> None:
    from summarizer.brief.engine import Summarizer
    from summarizer.ingest.article import Article

    brief = Summarizer(model="none").summarize(Article(text=ENGLISH, language="en", published=date(2026, 3, 3)))
    shown = render_markdown(brief)
    assert "## Also named" in shown
    assert "**FTSE 100** (index)" in shown and "**GMT** (time zone)" in shown and "(law or document)" in shown
    who_section = shown.split("## Who")[1].split("## What")[0]
    assert "FTSE" not in who_section and "GMT" not in who_section


def test_index_names_of_several_words() -> None:
    text = "The Standard & Poor's 500 index rose 1%, the Euro Stoxx 50 fell and the Russell 2000 gained."
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == [
        ("Standard & Poor's 500", "index"),
        ("Euro Stoxx 50", "index"),
        ("Russell 2000", "index"),
    ]


def test_a_story_lists_the_things_its_briefs_keep_apart() -> None:
    from summarizer.brief.engine import Summarizer
    from summarizer.digest.build import story
    from summarizer.digest.claims import Member
    from summarizer.digest.schema import DigestArticle
    from summarizer.ingest.article import Article
    from summarizer.render.digest_markdown import _story

    engine = Summarizer(model="none")
    members = []
    for number, (text, language) in enumerate([(ENGLISH, "en"), (FRENCH, "fr")]):
        article = Article(text=text, language=language, published=date(2026, 3, 3), outlet=f"Outlet {number}")
        members.append(Member(id=f"a{number}", article=article, brief=engine.summarize(article)))
    made = story(members)
    kinds = {t.name: t.kind for t in made.others}
    assert kinds["FTSE 100"] == "index" and kinds["Clean Rivers Act"] == "law" and kinds["CAC 40"] == "index"
    assert not {"FTSE 100", "GMT"} & {*made.who, *made.where}
    articles = {
        m.id: DigestArticle(id=m.id, sources=[m.id], outlet=m.article.outlet, text=m.article.text, brief=m.brief)
        for m in members
    }
    line = next(line for line in _story(made, articles, {}) if line.startswith("**Also named:**"))
    assert "FTSE 100 (index)" in line and "GMT (time zone)" in line


HOLIDAY_RULES_AND_CRAFT = (
    "Ferry riders face fines over masks\n\n"
    "Riders who break the rules may be fined under the Harbour Ferries Conditions of Carriage and the Coach "
    "Passenger Regulations for Towns, officials said on Monday. Inventor Mara Vell crossed the bay on a small "
    "hovering device powered by fans and strapped to her boots, called Skylark Glide. She first showed it at the "
    "Founders Day parade in Brookvale. Ann Day, a rider, said the fines were fair."
)


def test_rules_a_holiday_and_a_called_device_leave_who_and_where() -> None:
    """Conditions of carriage and regulations "for" someone are laws, a "<Name> Day" after "the"/"on" is a holiday
    (an event, never the place the story is), and a device described and then "called X" is a product; a person
    named Day stays a person."""
    out = ground(
        HOLIDAY_RULES_AND_CRAFT,
        "en",
        ["Mara Vell", "Ann Day"],
        ["Harbour Ferries Conditions of Carriage", "Skylark Glide"],
        ["Founders Day", "Brookvale"],
    )
    others = {o.name: o.kind for o in out.others}
    assert others.get("Harbour Ferries Conditions of Carriage") == "law", others
    assert others.get("Coach Passenger Regulations for Towns") == "law", others
    assert others.get("Skylark Glide") == "product", others
    assert others.get("Founders Day") == "event", others
    assert {p.name for p in out.where} == {"Brookvale"}
    assert {a.name for a in out.who} == {"Mara Vell", "Ann Day"}
