"""Person or organization from the verbs and prepositions around a name (nlp/kind_evidence.py, rules/kinds.py).

The articles are written for these tests (CC0; fictional people, outlets,
teams and colleges). spaCy's real English pipeline reads them.
"""

from __future__ import annotations

from summarizer.nlp.kind_evidence import grammar_kind
from summarizer.rules.kinds import kind_cue, written_as_place

LEGISLATURE = (
    "Council Rejects Budget\n\n"
    "The Grand Council had not approved him by Friday, and the Harbour Assembly rejected her on Monday. "
    "Marta Ilves Quintana resigned as the mayor of Dunholm on Tuesday."
)
SPORT = (
    "Trade Shakes League\n\n"
    "Before the season began, the Falcons traded him to the Otters. "
    "On Chirpline, Pavel Drozdov, Czech sport columnist, said the deal was done. "
    "The club announced on Chirpline the trade would be reviewed."
)
NEWS = (
    "Airline Chief Sacked\n\n"
    "Officials confirmed the ban on Monday.\n\n"
    "Kestrelpost reports the airline's director was sacked. "
    "Researchers at Norwood Tech and scientists from the Institute of Marine Study and Ellery U said the water warmed."
)


def test_a_pronoun_the_names_own_verb_takes_is_someone_else() -> None:
    assert grammar_kind("Grand Council", LEGISLATURE) is None  # "had not approved him": not the council
    assert grammar_kind("Harbour Assembly", LEGISLATURE) is None
    assert grammar_kind("Falcons", SPORT) is None  # "the Falcons traded him"
    said = "Lena Park said he would not run again. Lena Park said she was sorry."
    assert grammar_kind("Lena Park", said) == "person"  # a pronoun in the clause said still takes her up


def test_resigning_as_a_role_makes_a_person() -> None:
    assert grammar_kind("Marta Ilves Quintana", LEGISLATURE) == "person"


def test_announcing_on_a_name_makes_it_a_medium() -> None:
    assert grammar_kind("Chirpline", SPORT) == "organization"
    assert grammar_kind("Pavel Drozdov", SPORT) != "organization"  # the parser may join him to "On Chirpline"
    assert grammar_kind("Ana Ruiz", "The mayor relied on Ana Ruiz. Ana Ruiz said he was wrong.") != "organization"


def test_a_one_word_name_that_reports_is_an_outlet() -> None:
    assert grammar_kind("Kestrelpost", NEWS) == "organization"
    reporter = "Tom Kestrel covers the courts. Kestrel reports the judge was sacked."
    assert grammar_kind("Kestrel", reporter) != "organization"  # a surname: the reporter has a first name


def test_researchers_at_a_name_work_for_an_organization() -> None:
    assert grammar_kind("Norwood Tech", NEWS) == "organization"
    assert grammar_kind("Ellery U", NEWS) == "organization"  # joined to a college by "and"
    assert grammar_kind("Boston", "Researchers from Boston said the water warmed.") != "organization"  # a place


def test_a_nationality_before_a_noun_is_no_place() -> None:
    assert not written_as_place("Pavel Drozdov", SPORT)  # "Pavel Drozdov, Czech sport columnist"
    assert not written_as_place("Lena Park", "Lena Park, US trade envoy, said talks went well.")
    assert written_as_place("Taipei", "Taipei, Taiwan and Seoul signed the pact.")  # still "city, country"


def test_a_senate_is_a_body_and_its_officer_a_person() -> None:
    assert kind_cue("Upper Senate") == "organization"  # a legislature's head noun, like "Parliament"
    assert kind_cue("Senate President Ana Ruiz") == "person"  # a title inside: the officer, named last
    assert kind_cue("Harbour Party Chairman Office") == "organization"  # the last word is the body's
