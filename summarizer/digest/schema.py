"""The public Digest: the day's stories, each traced to its articles; exported to ``schemas/``.

Every line a reader sees points back at article text: corroborated claims and
conflicting accounts carry a ``Citation`` (article id + exact span of that
article's text), and each article carries its full grounded Brief.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.schema import Brief, EventStatus, ReasonKind, RuleField, Span, ThingKind, UncertaintyLevel

NameKind = Literal["person", "organization", "group", "country", "place"]

DIGEST_SCHEMA_VERSION = "1.7"
"""1.1: a story that continues one of an earlier digest says so (``continues``) and what is new since
(``changes``: figures, statuses, names, outlets, sources and uncertainty, cited on both sides); the digest
names its baseline (``since``).
1.2: a citation of an account says who in the article gives it (``said_by``: the brief's sources, empty for the
outlet itself); a figure says how the article writes it (``written``: 'at least 14'); figures include sums of
money ('$40 million' in aid) where the same quantity is meant.
1.3: a story lists its articles in a language the rules only partly cover (``coverage``: which fields are the
model's grounded answer alone), so a reader sees it in one line per article.
1.4: a story carries the substance of its briefs, each item cited: its events with each article's status and
who there reports it (``events``), its sources with what they said (``sources``), and every figure its
articles give (``figures``), so a reader of the digest need not open the briefs.
1.5: a figure change compares only the same measure ('killed' with 'killed', never 'injured' with 'in
hospital'); an increase reads '+7' ("a further seven"); a negation is zero ("No one has been arrested": 0);
``figures_apart`` names figures of related measures that cannot be compared (injured 20, in hospital 15).
1.6: a story lists the names its briefs keep apart from who and where (``others``: an index, a product, an event, a
law, a time zone, a work, each with its kind; brief schema 1.7).
1.7: a thing may be a ``disease`` (brief schema 1.9)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(_Model):
    """Where one article says it: ``quote.text == article_text[quote.start:quote.end]``."""

    article: str = Field(description="Id of the article in `articles`.")
    outlet: str = Field(description="The article's outlet, else its URL's host, else 'unknown'.")
    quote: Span
    said_by: list[str] | None = Field(
        default=None,
        description="Who in the article says it (names from its brief's `sources`); empty: the outlet in its own "
        "voice; None where the quote is not an account of something (a sentence that names someone).",
    )


class Corroboration(_Model):
    """A claim that more than one outlet reports."""

    claim: str = Field(description="The claim as the story's first brief states it.")
    outlets: list[str] = Field(min_length=2)
    citations: list[Citation] = Field(min_length=2, description="One sentence from each article that reports it.")


class Account(_Model):
    value: str = Field(description="What this article says: a figure ('12', '$40 million'), or an event's status.")
    citation: Citation = Field(description="The sentence that says it, and who in the article says it (`said_by`).")
    written: str | None = Field(default=None, description="A figure as the article writes it: 'at least 14'.")


class Conflict(_Model):
    """Outlets that disagree: different figures for the same thing, or different accounts of an event."""

    kind: Literal["figure", "status"]
    about: str = Field(description="What they disagree on: what is counted ('killed', 'aid') or an event.")
    accounts: list[Account] = Field(min_length=2)

    def by_value(self) -> dict[str, list[Account]]:
        """Accounts grouped by what they say (outlets that agree with each other together)."""
        grouped: dict[str, list[Account]] = {}
        for account in self.accounts:
            grouped.setdefault(account.value, []).append(account)
        return grouped


class StoryReason(_Model):
    kind: ReasonKind
    note: str
    citation: Citation


class StoryUncertainty(_Model):
    level: UncertaintyLevel = Field(description="The strongest level of the story's briefs.")
    reasons: list[StoryReason] = Field(default_factory=list)


class EarlierStory(_Model):
    """A story of an earlier digest that this one continues."""

    date: dt.date = Field(description="The date of the earlier digest.")
    story: str = Field(description="The story's id in that digest.")
    headline: str
    published: dt.date | None = Field(default=None, description="The latest date of its articles.")
    outlets: list[str]
    articles: list[str]


class EarlierArticle(_Model):
    """An article of an earlier digest cited under ``changes`` (its text is in that digest)."""

    id: str
    date: dt.date = Field(description="The date of the digest that holds it.")
    title: str | None = None
    outlet: str
    url: str | None = None
    published: dt.date | None = None


class FigureChange(_Model):
    """The same count given anew: ``before`` from the latest earlier day that gave it, ``after`` today."""

    about: str = Field(description="What is counted: 'killed', or what a sum is for ('aid').")
    before: list[Account] = Field(min_length=1)
    after: Account


class FiguresApart(_Model):
    """Figures a reader could take for one measure but that are not: earlier days gave one (injured), today
    another (in hospital), so neither is a change of the other."""

    before_about: str = Field(description="What the earlier figures measure: 'injured'.")
    before: list[Account] = Field(min_length=1)
    after_about: str = Field(description="What today's figure measures: 'in hospital'.")
    after: Account


class StatusChange(_Model):
    """An event an earlier brief gave one status and today's another (alleged -> confirmed, claimed -> denied)."""

    event: str
    before: Account
    after: Account


class NewName(_Model):
    """A person, organization or place no earlier brief or article of the story named."""

    name: str
    kind: NameKind
    citation: Citation = Field(description="The sentence that names it.")


class NewOutlet(_Model):
    outlet: str
    citation: Citation = Field(description="The first sentence of its article.")


class NewSource(_Model):
    """A source (named or unnamed) no earlier brief of the story quoted, and what it said."""

    name: str
    anonymous: bool
    said: str
    citation: Citation


class UncertaintyChange(_Model):
    """The story's uncertainty level moved; the reasons that appeared or went away say why."""

    before: UncertaintyLevel
    after: UncertaintyLevel
    added: list[StoryReason] = Field(default_factory=list, description="Reasons today's briefs give, cited today.")
    dropped: list[StoryReason] = Field(
        default_factory=list, description="Earlier reasons no brief of today gives, cited in the earlier article."
    )


class StoryChanges(_Model):
    """What a continued story says that its briefs up to ``since`` did not; every item cited."""

    since: dt.date = Field(description="The baseline: the earlier digest the changes are counted from.")
    figures: list[FigureChange] = Field(default_factory=list)
    figures_apart: list[FiguresApart] = Field(
        default_factory=list, description="Figures of related but different measures: not compared."
    )
    statuses: list[StatusChange] = Field(default_factory=list)
    names: list[NewName] = Field(default_factory=list)
    outlets: list[NewOutlet] = Field(default_factory=list)
    sources: list[NewSource] = Field(default_factory=list)
    uncertainty: UncertaintyChange | None = None
    earlier_articles: list[EarlierArticle] = Field(
        default_factory=list, description="The earlier articles the `before` sides cite."
    )

    @property
    def empty(self) -> bool:
        return not (
            self.figures
            or self.figures_apart
            or self.statuses
            or self.names
            or self.outlets
            or self.sources
            or self.uncertainty
        )


class ArticleCoverage(_Model):
    """An article of the story whose language the rules only partly cover (from its brief's ``coverage``)."""

    article: str = Field(description="Id of the article in `articles`.")
    outlet: str
    language: str = Field(description="ISO 639-1 code of the article's language.")
    rules: list[RuleField] = Field(description="Fields the rules checked and completed in this language.")
    model_only: list[RuleField] = Field(
        min_length=1, description="Fields no rule supports in this language: the model's grounded answer alone."
    )


class StoryEvent(_Model):
    """An event of the story: each article that states it, with its status there and who there reports it."""

    description: str = Field(description="As the first brief that states it words it.")
    status: EventStatus = Field(description="The status the first brief that states it gives.")
    reports: list[Account] = Field(
        description="One per article that states it: `value` its status there, the sentence, `said_by` its sources.",
    )


class StorySource(_Model):
    """A source (named or unnamed) one article of the story quotes, and what it said there."""

    name: str
    anonymous: bool
    said: str
    citation: Citation = Field(description="The sentence that attributes it (`said_by`: the source).")


class StoryFigure(_Model):
    """A count or sum of one thing, every article's account of it (outlets that differ: also in `conflicts`)."""

    about: str = Field(description="What is counted: 'killed', or what a sum is for ('aid').")
    accounts: list[Account] = Field(min_length=1)


class StoryThing(_Model):
    """A name that is neither who nor where ("FTSE 100", an index), as the story's briefs type it."""

    name: str
    kind: ThingKind


class Story(_Model):
    id: str
    rank: int = Field(ge=1)
    headline: str = Field(description="The title of the story's lead article, else its brief's headline.")
    summary: str = Field(description="The summary of the story's lead brief (cut to whole sentences).")
    lead_article: str
    region: str
    topic: str
    published: dt.date | None = Field(default=None, description="The latest date of its articles.")
    outlets: list[str] = Field(description="Every outlet covering the story (else the URL's host, else 'unknown').")
    articles: list[str] = Field(min_length=1)
    who: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    others: list[StoryThing] = Field(
        default_factory=list, description="Names neither who nor where, typed (schema 1.6; brief schema 1.7)."
    )
    corroborated: list[Corroboration] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    uncertainty: StoryUncertainty
    continues: list[EarlierStory] = Field(
        default_factory=list,
        description="Stories of earlier digests (within the window) this one continues, oldest first.",
    )
    changes: StoryChanges | None = Field(default=None, description="What is new since the baseline digest.")
    coverage: list[ArticleCoverage] = Field(
        default_factory=list,
        description="Its articles in a language the rules only partly cover (none: every field rule-checked).",
    )
    events: list[StoryEvent] = Field(
        default_factory=list, description="Its briefs' events, those most outlets state first (schema 1.4)."
    )
    sources: list[StorySource] = Field(
        default_factory=list, description="Who its articles quote, lead article first (schema 1.4)."
    )
    figures: list[StoryFigure] = Field(
        default_factory=list, description="The counts and sums its articles give, in reading order (schema 1.4)."
    )


class DigestArticle(_Model):
    id: str = Field(description="The first 12 hex digits of the article's normalised-content hash.")
    sources: list[str] = Field(description="Every input this article came from (one article under two URLs).")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    text: str = Field(description="The text the brief was made from: every offset in the digest points into it.")
    brief: Brief


class OverviewLine(_Model):
    """One line of the day's overview: a story's lead summary, as its brief wrote it."""

    story: str
    text: str


class Section(_Model):
    title: str
    kind: Literal["region", "topic"]
    stories: list[str]


class Skipped(_Model):
    source: str
    reason: str


class DigestRun(_Model):
    model: str
    prompt_version: str
    schema_version: str
    made: int = Field(description="Briefs made by the model in this run.")
    reused: int = Field(description="Briefs found in the store (no model call).")
    failed: int
    complete: bool = Field(description="True when every article found has a brief.")


class Digest(_Model):
    """The day's stories, ranked, with sections, an overview and every article's brief."""

    schema_version: str = DIGEST_SCHEMA_VERSION
    date: dt.date
    generated: dt.datetime
    since: dt.date | None = Field(
        default=None,
        description="The earlier digest stories were followed from (None: no earlier digest in the store).",
    )
    overview: list[OverviewLine]
    sections: list[Section]
    stories: list[Story]
    articles: list[DigestArticle]
    skipped: list[Skipped] = Field(default_factory=list, description="Inputs that gave no article, and why.")
    failed: list[Skipped] = Field(default_factory=list, description="Articles whose brief failed, and why.")
    run: DigestRun
