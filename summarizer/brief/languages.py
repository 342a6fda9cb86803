"""Which rules read an article, by its language: the one registry, consulted once per article.

Every rule module states the languages it supports (``LANGUAGES``); this
module turns them into the steps grounding runs (brief/grounding.py), so no
other part of grounding asks which language it is reading. A language no
rule supports still gets the model's items, found in the article, and the
reconciling steps that hold in any language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from summarizer.brief import english_names, located, name_forms, recognized, reconcile, things
from summarizer.brief.align import Aligner
from summarizer.brief.doubt import DoubtRules
from summarizer.brief.events import EventReading, StatusReader
from summarizer.brief.introduced import retype_introduced
from summarizer.brief.items import GroundedDraft
from summarizer.brief.model_names import NameSorter, as_listed, by_english_cues
from summarizer.brief.reading import NameLister, recognized_names, salient_names
from summarizer.brief.sources import SourceReading, cued
from summarizer.brief.when import TimeRules
from summarizer.nlp import dates, factuality, factuality_de, factuality_es, factuality_fr, speakers
from summarizer.nlp.entities import entities, recognizes
from summarizer.nlp.language import language_name
from summarizer.nlp.pipeline import has_pipeline
from summarizer.nlp.speakers import Attribution
from summarizer.rules import attribution, classifiers, cues, doubts, kinds
from summarizer.rules import located as located_rules
from summarizer.rules import name_forms as name_form_rules
from summarizer.rules import names as name_rules
from summarizer.rules import things as thing_rules
from summarizer.rules import times as time_rules
from summarizer.rules.attribution import DoubtCue
from summarizer.rules.calendar import Precision
from summarizer.rules.text import ArticleIndex
from summarizer.rules.time_phrases import Context
from summarizer.schema import EventStatus, Span

Step = Callable[[GroundedDraft, Aligner], GroundedDraft]
TextStep = Callable[[GroundedDraft, Aligner, list[str]], GroundedDraft]


@dataclass(frozen=True)
class LanguageRules:
    """The rules that read one article, in the order grounding runs them."""

    language: str
    sort_names: NameSorter
    """How the model's name lists become who and where before they are looked up."""
    names: tuple[Step, ...]
    """Steps over who and where: the rules' own names, then retyping and reconciling."""
    model_text: tuple[TextStep, ...]
    """Steps that read the model's headline, summary and events (countries named as actors)."""
    times: TimeRules
    doubts: DoubtRules
    events: EventReading
    sources: SourceReading
    people: Callable[[str], list[str]]
    """The article's people and organizations as its recognizer reads them (none without one): a statement's
    names are held to these (nlp/support.py)."""
    lead_names: NameLister | None
    """The names the prompt lists for the model (most mentioned first), or none."""
    rules_lead_names: bool
    """Whether the rules' own who and where type and place the model's names and drop those the recognizer reads
    as none (brief/leads.py): measured on English only."""
    written_in: str | None
    """The language the prompt says the article is written in; English articles get no such line (their prompt is
    the one every English cassette recorded)."""


LISTED_RECOGNIZED = frozenset({"fr"})
"""Languages whose recognizer's names the model reads. Not Spanish: its pipeline (WikiNER) reads some people as
MISC, and given its list the model copied it into people (places too) and left out the person it lacked (the
Spanish test article, recorded); the rules still type and add Spanish names after the model answers. Not German either:
its tagger's names (nlp/german.py) are added after the model in the same way, so German prompts stay as recorded."""


def rules_for(language: str) -> LanguageRules:
    """The rules for an article in ``language``, chosen once per article (whether a recognizer is installed is
    asked here, not cached: a pipeline installed or removed is seen by the next article)."""
    english = language in kinds.LANGUAGES  # English kind words, country names and "in X" rules
    parsed = recognizes(language)
    names: list[Step] = []
    if english:
        names.append(english_names.retype_by_usage)
    elif parsed:
        names.append(located.retype_recognized)
    names.append(reconcile.countries_also_where)
    if english:
        names += [english_names.add_countries, english_names.acting_countries_out_of_where]
        names.append(english_names.add_located_names)
    if english or parsed:
        usage = recognized.ENGLISH_USAGE if english else recognized.LABEL_ONLY
        names.append(partial(recognized.add_recognized, usage=usage))
    if english:
        names.append(english_names.acting_sites_into_who)  # "the White House said": the body, by rules or model
    if language in classifiers.LANGUAGES:  # French, Spanish: "la empresa Boeing" is an organization
        names.append(retype_introduced)
    if language in located_rules.LANGUAGES:  # the dateline's place and places after "in"; "Francia" a country
        names += [located.add_located, located.type_territories]
    names.append(reconcile.no_currency_places)
    if language in name_form_rules.LANGUAGES:  # "Los mercados" no one, "Banco de Canadá" a body, "le DAX" an index
        names.append(name_forms.correct_by_form)
    if language in thing_rules.LANGUAGES:  # "FTSE 100", "09:30 GMT", "la loi Climat": neither who nor where
        names.append(things.set_apart_things)
    return LanguageRules(
        language=language,
        sort_names=by_english_cues if english else as_listed,
        names=tuple(names),
        model_text=(english_names.add_acting_countries,) if english else (),
        times=_time_rules(language),
        doubts=_doubt_rules(language),
        events=EventReading(
            parsed=language in factuality.LANGUAGES,
            status=_status_reader(language),
        ),
        sources=SourceReading(
            attributions=_english_attributions if language in speakers.LANGUAGES else cued,
            reports=attribution.reports_speech
            if language in attribution.LANGUAGES
            else partial(cues.reports_speech, language=language),
            recognizer=parsed,
            speaks=speakers.stands_as_speaker if language in speakers.LANGUAGES else None,
        ),
        people=partial(_people_and_organizations, language=language) if parsed else _no_names,
        lead_names=_lead_names(language),
        rules_lead_names=english and parsed,
        written_in=None if language == "en" else language_name(language),
    )


def _time_rules(language: str) -> TimeRules:
    if language in time_rules.LANGUAGES:
        return TimeRules(
            find=time_rules.find_times, resolve=time_rules.resolve, recognized_dates=True, language=language
        )

    def find(text: str) -> list[tuple[int, int]]:
        return dates.find_dates(text, language)

    def resolve(expression: str, published: date | None, context: Context) -> tuple[date | None, Precision | None]:
        return dates.resolve_date(expression, language, published, context)

    return TimeRules(find=find, resolve=resolve, recognized_dates=False, language=language)


def _doubt_rules(language: str) -> DoubtRules:
    if language in attribution.LANGUAGES:
        return attribution.find_doubts

    def find(index: ArticleIndex) -> list[DoubtCue]:
        return doubts.find_doubts_in(index, language)

    return find


def _status_reader(language: str) -> StatusReader | None:
    """The status an event's evidence gives its verb, where the language's grammar is read: the parse in English,
    French and Spanish (when its optional pipeline is installed), the tagger's tags in German."""
    if language in factuality.LANGUAGES:
        return _english_status
    if language in factuality_fr.LANGUAGES:
        return _french_status
    if language in factuality_es.LANGUAGES and has_pipeline(language):
        return _spanish_status
    if language in factuality_de.LANGUAGES:
        return factuality_de.status
    return None


def _english_status(text: str, evidence: list[Span], statement: str) -> EventStatus | None:
    found = [v for span in evidence if (v := factuality.anchor(text, span.start, span.end, statement)) is not None]
    verbs = [v for v in found if v.pos_ == "VERB"] or found  # a sentence naming its verb over one naming a noun
    return factuality.status_of(verbs[0]) if verbs else None


def _french_status(text: str, evidence: list[Span], statement: str) -> EventStatus | None:
    verbs = [v for span in evidence if (v := factuality_fr.anchor(text, span.start, span.end, statement))]
    return factuality_fr.status_of(verbs[0]) if verbs else None


def _spanish_status(text: str, evidence: list[Span], statement: str) -> EventStatus | None:
    verbs = [v for span in evidence if (v := factuality_es.anchor(text, span.start, span.end, statement))]
    return factuality_es.status_of(verbs[0]) if verbs else None


def _english_attributions(aligner: Aligner, persons: list[tuple[int, int]]) -> list[Attribution]:
    return speakers.attributions(aligner.index.text)


def _lead_names(language: str) -> NameLister | None:
    if language in name_rules.LANGUAGES:
        return salient_names
    if language in LISTED_RECOGNIZED:

        def recognized(index: ArticleIndex, max_names: int) -> list[str]:
            return recognized_names(index, language, max_names)

        return recognized
    return None


def _people_and_organizations(text: str, language: str) -> list[str]:
    return [text[e.start : e.end] for e in entities(text, language) if e.kind in {"person", "organization"}]


def _no_names(text: str) -> list[str]:
    return []
