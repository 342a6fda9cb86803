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

from summarizer.brief import english_names, located, recognized, reconcile
from summarizer.brief.align import Aligner
from summarizer.brief.doubt import DoubtRules
from summarizer.brief.introduced import retype_introduced
from summarizer.brief.items import GroundedDraft
from summarizer.brief.model_names import NameSorter, as_listed, by_english_cues
from summarizer.brief.when import TimeRules
from summarizer.nlp import dates
from summarizer.nlp.entities import recognizes
from summarizer.rules import attribution, classifiers, doubts, kinds
from summarizer.rules import located as located_rules
from summarizer.rules import times as time_rules
from summarizer.rules.attribution import DoubtCue
from summarizer.rules.text import ArticleIndex
from summarizer.rules.times import Precision

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


def rules_for(language: str) -> LanguageRules:
    """The rules for an article in ``language``, chosen once (whether a recognizer is installed is asked here)."""
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
    if language in classifiers.LANGUAGES:  # French, Spanish: "la empresa Boeing" is an organization
        names.append(retype_introduced)
    if language in located_rules.LANGUAGES:  # the dateline's place and places after "in"; "Francia" a country
        names += [located.add_located, located.type_territories]
    names.append(reconcile.no_currency_places)
    return LanguageRules(
        language=language,
        sort_names=by_english_cues if english else as_listed,
        names=tuple(names),
        model_text=(english_names.add_acting_countries,) if english else (),
        times=_time_rules(language),
        doubts=_doubt_rules(language),
    )


def _time_rules(language: str) -> TimeRules:
    if language in time_rules.LANGUAGES:
        return TimeRules(find=time_rules.find_times, resolve=time_rules.resolve, recognized_dates=True)

    def find(text: str) -> list[tuple[int, int]]:
        return dates.find_dates(text, language)

    def resolve(expression: str, published: date | None) -> tuple[date | None, Precision | None]:
        return dates.resolve_date(expression, language, published)

    return TimeRules(find=find, resolve=resolve, recognized_dates=False)


def _doubt_rules(language: str) -> DoubtRules:
    if language in attribution.LANGUAGES:
        return attribution.find_doubts

    def find(index: ArticleIndex) -> list[DoubtCue]:
        return doubts.find_doubts_in(index, language)

    return find
