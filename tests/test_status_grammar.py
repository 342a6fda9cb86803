"""An event's status comes from the grammar of its sentence, in English, French, Spanish and German (issue 24.4).

Modals, conditionals, the future and intention, hedges and reported
allegations, and negation, each in the language's own grammar: the English
and Spanish parses (tags, dependencies, Universal Dependencies morphology),
the French parse (nlp/factuality_fr.py; more in test_languages.py) and the
German tagger's STTS tags. The sentences are the project's own. Each was
misread before issue 24.4 (Spanish and German had no reader at all), but
ENGLISH_KEPT and the French "ne ... que", kept as they were.
"""

from __future__ import annotations

import pytest

from summarizer.brief.languages import rules_for
from summarizer.nlp import factuality, factuality_de, factuality_es, factuality_fr
from summarizer.nlp.clauses import main_clause
from summarizer.schema import Span
from tests import components

ENGLISH = [
    ("City to close two libraries", "City close libraries", "planned"),  # the headline's infinitive
    ("The units are to be allowed to bid for contracts.", "units allowed", "planned"),
    ("The plant is due to close in May.", "plant close", "planned"),
    ("The bridge is said to have collapsed overnight.", "bridge collapsed", "unclear"),
    ("The council appears to have approved the budget.", "council approved budget", "unclear"),
    ("The ferry can carry 300 cars.", "ferry carry cars", "unclear"),
    ("If the rain continues, the river will flood the town.", "rain continues", "unclear"),
    ("No one was arrested.", "one arrested", "denied"),
    ("Police made no arrests after the match.", "Police made arrests", "denied"),
    ("The club failed to pay its players.", "club pay players", "denied"),
    ("The minister denied taking bribes.", "minister taking bribes", "denied"),
]
ENGLISH_KEPT = [  # what the reader read before and still reads so; each of ENGLISH it misread
    ("The mayor will open the bridge.", "mayor open bridge", "planned"),
    ("The minister may resign.", "minister resign", "unclear"),
    ("The minister resigned on Monday.", "minister resigned", "confirmed"),
    ("The strike is likely to last a week.", "strike last week", "unclear"),
    ("The mayor never signed the order.", "mayor signed order", "denied"),
    ("The river would flood the town, the engineer said.", "river flood town", "planned"),
]
HEDGED_PARTIES = [  # a hedge on who or what the clause tells of, not on its verb (misread before session 19)
    ("On Friday a man stabbed reportedly several shoppers at a market.", "man stabbed several shoppers", "unclear"),
    ("The factory employed reportedly 300 workers.", "factory employed 300 workers", "unclear"),
    ("There were reportedly six people on board the ferry.", "six people on board", "unclear"),
    ("The storm hit on Monday, leaving reportedly 2,000 travellers stranded.", "travellers stranded", "unclear"),
    ("By reports on Sunday, three of the climbers died.", "three climbers died", "unclear"),
    ("Police arrested a man who reportedly fled a checkpoint.", "Police arrested a man", "confirmed"),
    ("There will be severe penalties, maybe up to 30 years in prison.", "there will be penalties", "planned"),
    ("There will be no fines for late payment.", "there will be fines", "denied"),
    ("There were three arrests on Sunday.", "three arrests", "confirmed"),
    ("The team located the wrecks by old reports.", "team located wrecks", "confirmed"),  # "by": the means
]
DENIALS = [  # an active denial of something said denies it; of a plan or a case, it is done (session 19)
    ("The Varno council dismissed the claim as groundless.", "council dismissed the claim", "denied"),
    ("The club denied the reports on Sunday.", "club denied the reports", "denied"),
    ("The council rejected the plan on Monday.", "council rejected the plan", "confirmed"),
    ("The court dismissed the case.", "court dismissed the case", "confirmed"),
]
BELIEFS_AND_CHARGES = [  # what someone believes is unsure; what someone is charged with is alleged (session 19)
    ("Police believe the fire was started deliberately.", "fire was started deliberately", "unclear"),
    ("The man has been charged with murder.", "man charged with murder", "alleged"),
    ("Police accused the driver of fraud.", "police accused driver of fraud", "alleged"),
    ("The driver was arrested on Monday.", "driver was arrested", "confirmed"),
]

FRENCH = [  # beside test_languages.py's French cases, which the reader already read right
    ("Personne n'a été blessé dans l'incendie.", "personne blessé", "denied"),
    ("Le ministre a refusé de signer l'accord.", "ministre signer accord", "denied"),
    ("La grève devrait durer une semaine.", "grève durer semaine", "unclear"),
    ("Si la pluie continue, la rivière inondera la ville.", "pluie continue", "unclear"),
    ("Le suspect a présumément volé une voiture.", "suspect volé voiture", "alleged"),
    ("Le pont semble avoir cédé pendant la nuit.", "pont cédé", "unclear"),
    ("Le club n'a vendu que deux joueurs.", "club vendu joueurs", "confirmed"),  # kept: "ne ... que" is "only"
]

SPANISH = [
    ("El ayuntamiento cerrará dos bibliotecas.", "ayuntamiento cierra bibliotecas", "planned"),
    ("El gobierno va a subir los impuestos.", "gobierno sube impuestos", "planned"),
    ("La empresa planea construir una fábrica.", "empresa construir fábrica", "planned"),
    ("El ministro no firmó el acuerdo.", "ministro firmó acuerdo", "denied"),
    ("Nadie resultó herido en el incendio.", "nadie resultó herido", "denied"),
    ("El alcalde negó haber recibido sobornos.", "alcalde recibió sobornos", "denied"),
    ("El sospechoso habría matado a dos personas.", "sospechoso mató personas", "alleged"),
    ("El detenido presuntamente robó un coche.", "detenido robó coche", "alleged"),
    ("La línea podría ampliarse hasta el puerto.", "línea ampliarse", "unclear"),
    ("El club puede perder la licencia.", "club perder licencia", "unclear"),
    ("Si llueve mucho, el río inundaría la ciudad.", "río inundaría ciudad", "unclear"),
    ("La policía detuvo a tres hombres el lunes.", "policía detuvo hombres", "confirmed"),
]

GERMAN = [
    ("Die Stadt wird zwei Bibliotheken schließen.", "Stadt schließt Bibliotheken", "planned"),
    ("Die Brücke wird im Herbst eröffnet werden.", "Brücke eröffnet", "planned"),
    ("Die Firma will das Werk schließen.", "Firma schließt Werk", "planned"),
    ("Die Firma plant, eine Fabrik zu bauen.", "Firma baut Fabrik", "planned"),
    ("Die Spieler müssen das Stadion verlassen.", "Spieler verlassen Stadion", "planned"),
    ("Der Minister hat den Vertrag nicht unterschrieben.", "Minister unterschrieb Vertrag", "denied"),
    ("Niemand wurde bei dem Brand verletzt.", "niemand verletzt", "denied"),
    ("Der Bürgermeister bestritt, Geld erhalten zu haben.", "Bürgermeister erhielt Geld", "denied"),
    ("Der Minister soll Schmiergeld angenommen haben.", "Minister nahm Schmiergeld an", "alleged"),
    ("Der Täter hat angeblich ein Auto gestohlen.", "Täter stahl Auto", "alleged"),
    ("Die Linie könnte bis zum Hafen verlängert werden.", "Linie verlängert", "unclear"),
    ("Die Spieler müssten das Stadion verlassen.", "Spieler verlassen Stadion", "unclear"),
    ("Ohne Regen würde der Fluss austrocknen.", "Fluss trocknet aus", "unclear"),
    ("Der Verein kann die Lizenz verlieren.", "Verein verliert Lizenz", "unclear"),
    ("Das Werk wurde im Mai geschlossen.", "Werk geschlossen", "confirmed"),
    ("Die Polizei nahm am Montag drei Männer fest.", "Polizei nahm Männer fest", "confirmed"),
    ("Der Sprecher sagte, die Firma habe das Werk verkauft.", "Firma verkaufte Werk", "confirmed"),  # reported
]


@pytest.mark.parametrize(
    ("sentence", "statement", "status"),
    ENGLISH + ENGLISH_KEPT + HEDGED_PARTIES + DENIALS + BELIEFS_AND_CHARGES,
)
def test_english_status_from_the_parse(sentence: str, statement: str, status: str) -> None:
    verb = factuality.anchor(sentence, 0, len(sentence), statement)
    assert verb is not None and factuality.status_of(verb) == status, (verb, verb and factuality.status_of(verb))


@pytest.mark.parametrize(("sentence", "statement", "status"), FRENCH)
def test_french_status_from_the_parse(sentence: str, statement: str, status: str) -> None:
    verb = factuality_fr.anchor(sentence, 0, len(sentence), statement)
    assert verb is not None and factuality_fr.status_of(verb) == status, (verb, verb and factuality_fr.status_of(verb))


@pytest.mark.parametrize(("sentence", "statement", "status"), SPANISH)
def test_spanish_status_from_the_morphology(sentence: str, statement: str, status: str) -> None:
    components.spanish_pipeline()
    verb = factuality_es.anchor(sentence, 0, len(sentence), statement)
    assert verb is not None and factuality_es.status_of(verb) == status, (verb, verb and factuality_es.status_of(verb))


@pytest.mark.parametrize(("sentence", "statement", "status"), GERMAN)
def test_german_status_from_the_tags(sentence: str, statement: str, status: str) -> None:
    assert factuality_de.status(sentence, [Span(start=0, end=len(sentence), text=sentence)], statement) == status


def test_a_german_statement_no_sentence_names_leaves_the_status_to_the_model() -> None:
    sentence = "Die Stadt wird zwei Bibliotheken schließen."
    assert factuality_de.status(sentence, [Span(start=0, end=len(sentence), text=sentence)], "Wahl gewonnen") is None


def test_every_rule_language_reads_status() -> None:
    """English, French and German always; Spanish with its optional pipeline. The reader of each, on a planned
    event, says so (the registry wires the right language's grammar)."""
    components.spanish_pipeline()
    for language, sentence, statement in [
        ("en", "The city will close two libraries.", "city close libraries"),
        ("fr", "La ville fermera deux bibliothèques.", "ville fermera bibliothèques"),
        ("es", "La ciudad cerrará dos bibliotecas.", "ciudad cierra bibliotecas"),
        ("de", "Die Stadt wird zwei Bibliotheken schließen.", "Stadt schließt Bibliotheken"),
    ]:
        reader = rules_for(language).events.status
        assert reader is not None, language
        assert reader(sentence, [Span(start=0, end=len(sentence), text=sentence)], statement) == "planned", language


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("The new laptops are said to be four times faster than the old ones.", "to be four times faster"),
        ("The device appears to be running a new system.", "to be running a new system"),
        ("The strike is likely to last a week.", "to last a week"),
    ],
)
def test_a_hedged_main_clause_keeps_what_it_hedges(sentence: str, statement: str) -> None:
    """The rules' event of such a sentence says what is likely, and says it is only likely."""
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and statement in clause.text, clause
    assert factuality.status_of(clause.verb) == "unclear"


def test_the_status_of_reported_speech_is_the_reported_event() -> None:
    sentence = "The club said it will sell the stadium."
    verb = factuality.anchor(sentence, 0, len(sentence), "The club said it will sell the stadium")
    assert verb is not None and verb.lemma_ == "sell" and factuality.status_of(verb) == "planned"


def test_the_sentence_naming_the_verb_gives_the_status() -> None:
    """An event citing two sentences: the one that names its verb, not the one that only names a thing in it."""
    text = "The stadium drew protests for years. The council will close the stadium."
    evidence = [Span(start=0, end=36, text=text[:36]), Span(start=37, end=len(text), text=text[37:])]
    reader = rules_for("en").events.status
    assert reader is not None and reader(text, evidence, "council close stadium") == "planned"
