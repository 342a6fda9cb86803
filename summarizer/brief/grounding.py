"""Grounding: the model's draft and the rules' findings, made one set of items that rest on the article's words.

Three stages, each a step from items to items (brief/items.py):

1. **align** the model's items to the text: its names found at their first
   mention (a name the article lacks is a miss the engine may re-ask), its
   sources, events, headline and summary checked against what they cite;
2. **the rules' items**, chosen once for the article's language
   (brief/languages.py): names, countries, places, times, doubts;
3. **reconcile** them in named, ordered steps (retype, move between who
   and where, let events name their parties).

Nothing here invents a span: every Span is sliced from the article text.
"""

from __future__ import annotations

from datetime import date

from summarizer.brief.align import Aligner
from summarizer.brief.doubt import add_doubt_cues
from summarizer.brief.events import add_events
from summarizer.brief.fragments import set_right_fragments
from summarizer.brief.items import GroundedDraft, NameMiss
from summarizer.brief.languages import Step, rules_for
from summarizer.brief.leads import rules_lead_names
from summarizer.brief.model_names import align_names
from summarizer.brief.reconcile import events_name_their_parties
from summarizer.brief.sources import find_sources
from summarizer.brief.statements import with_statements
from summarizer.brief.when import add_times
from summarizer.llm.draft import EVENT_CHARS, Addition, Draft
from summarizer.rules.text import ArticleIndex

__all__ = ["GroundedDraft", "Grounder", "NameMiss"]


class Grounder(Aligner):
    """Grounds the items of one draft against one article: the model's items, then the rules'."""

    def __init__(
        self,
        index: ArticleIndex,
        published: date | None,
        language: str = "en",
        *,
        statement_chars: int = EVENT_CHARS,
        outlet_country: str | None = None,
        outlet: str | None = None,
    ) -> None:
        super().__init__(index, published, language, outlet_country=outlet_country, outlet=outlet)
        self.statement_chars = statement_chars
        """The longest statement the model could write (its profile's): one that long was cut by the grammar."""

    def ground(
        self,
        draft: Draft,
        renames: dict[tuple[str, int], str] | None = None,
        added: list[Addition] | None = None,
    ) -> GroundedDraft:
        """Ground every item; ``renames`` carries corrected names from a re-ask, ``added`` the later passages' answers.

        Item names become the article's own words (the mention text), so a
        reader can search the article for any name the brief shows.
        """
        rules = rules_for(self.language)
        added = added or []
        aligned = align_names(draft, self, renames or {}, rules.sort_names)
        items = self._names(aligned, rules.names)
        if rules.rules_lead_names:
            # With no model names (rules alone, or a model that named nobody) the rules' own reading is the one
            # just made: the name steps are the costliest part of grounding, so they do not run twice.
            own = items if aligned == GroundedDraft() else self._names(GroundedDraft(), rules.names)
            items = rules_lead_names(items, own, self.index.text)
        items = set_right_fragments(items, self.index.text, self.language)
        drafted_sources = [*draft.src, *(source for more in added for source in more.src)]
        items = items.but(sources=find_sources(self, drafted_sources, rules.sources))
        later = [event for more in added for event in more.events()]
        names = rules.people(self.index.text)
        items = add_events(items, self, draft.events(), later, rules.events, names, self.statement_chars)
        items = events_name_their_parties(items, self)
        items = with_statements(items, self, draft.h, draft.sm, names)
        for text_step in rules.model_text:
            items = text_step(items, self, [draft.h, draft.sm, *(event.e for event in draft.events())])
        items = add_times(items, self, draft.tm, rules.times)
        return add_doubt_cues(items, self, rules.doubts)

    def _names(self, items: GroundedDraft, steps: tuple[Step, ...]) -> GroundedDraft:
        """The who and where items after the language's name steps (the rules' own names, retyping, reconciling)."""
        for step in steps:
            items = step(items, self)
        return items
