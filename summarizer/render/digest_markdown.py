"""The digest as Markdown: overview, stories by region, each claim quoted from its articles.

A story's events, sources and figures cite their sentences as footnotes
(``[^s1-2]``, listed after the story), so the lines stay short to scan and the
evidence is one footnote away.

Every title, outlet, quote, name and model word passes through ``markdown_text``
(``md``): nothing an article, a feed or the model says becomes markup or a link;
only http(s) URLs are linked.
"""

from __future__ import annotations

from summarizer.digest.schema import (
    Account,
    Citation,
    Digest,
    DigestArticle,
    Story,
    StoryChanges,
    StoryEvent,
    StoryFigure,
    StorySource,
)
from summarizer.render.coverage import coverage_notes
from summarizer.render.labels import (
    SHOWN_EVENTS,
    SHOWN_FIGURES,
    SHOWN_SOURCES,
    SHOWN_VOICES,
    THING_KINDS,
    differing,
    more,
    reporter,
    voice,
)
from summarizer.render.links import markdown_link, markdown_paragraphs, safe_url
from summarizer.render.links import markdown_text as md


def _quoted(citation: Citation, links: dict[str, str], day: str = "") -> str:
    outlet = md(citation.outlet)
    link = f" ([article]({links[citation.article]}))" if links.get(citation.article) else ""
    who = f", according to {md(', '.join(citation.said_by))}" if citation.said_by else ""
    return f"“{md(citation.quote.text)}” — *{outlet}*{f', {day}' if day else ''}{who}{link}"


class _Footnotes:
    """One story's evidence as footnotes listed after it: a sentence cited twice gets one note."""

    def __init__(self, story: Story, links: dict[str, str]) -> None:
        self.prefix = f"s{story.rank}"
        self.links = links
        self.earlier = {a.id: a.date.isoformat() for a in story.changes.earlier_articles} if story.changes else {}
        self.labels: dict[tuple[str, int, int, tuple[str, ...] | None], str] = {}
        self.notes: list[str] = []

    def __call__(self, *citations: Citation) -> str:
        """The footnote marks of these citations: '[^s1-3][^s1-4]'."""
        return "".join(self._label(c) for c in citations)

    def _label(self, citation: Citation) -> str:
        said_by = None if citation.said_by is None else tuple(citation.said_by)
        key = (citation.article, citation.quote.start, citation.quote.end, said_by)
        if key not in self.labels:
            self.labels[key] = label = f"[^{self.prefix}-{len(self.labels) + 1}]"
            self.notes.append(f"{label}: {_quoted(citation, self.links, self.earlier.get(citation.article, ''))}")
        return self.labels[key]

    def lines(self) -> list[str]:
        return [*self.notes, ""] if self.notes else []


def _account(account: Account) -> str:
    """The outlet, who in it gives the figure, and how it is written when that says more than the number:
    'Coastal Wire: the transport ministry, “at least 14”'."""
    written = account.written
    hedged = written is not None and written != account.value and len(written.split()) > 1
    citation = account.citation
    said = [*(citation.said_by or []), *([f"“{written}”"] if hedged else [])]
    return md(f"{citation.outlet}{': ' + ', '.join(said) if said else ''}")


def _values(accounts: list[Account]) -> str:
    """'12 (Lake Times: police) vs 14 (Coastal Wire)': outlets that agree together."""
    by_value: dict[str, list[Account]] = {}
    for account in accounts:
        by_value.setdefault(account.value, []).append(account)
    return " vs ".join(f"{md(v)} ({'; '.join(_account(a) for a in told)})" for v, told in by_value.items())


def _bounded(title: str, items: list[str], hidden: int, what: str) -> list[str]:
    """A titled list; what it leaves out said in one line ('and 3 more events')."""
    return [f"**{title}**", "", *items, *([f"- _{more(hidden, what)}_"] if hidden > 0 else []), ""]


def _new_since(story: Story, changes: StoryChanges, cite: _Footnotes) -> list[str]:
    """What a continued story says that its earlier days did not, each side cited; then its timeline."""
    lines = []
    for figure in changes.figures:
        before = md(" / ".join(dict.fromkeys(a.value for a in figure.before)))
        citations = [a.citation for a in figure.before] + [figure.after.citation]
        lines.append(f"- {md(figure.about)}: {before} → **{md(figure.after.value)}**{cite(*citations)}")
    for apart in changes.figures_apart:
        before = md(" / ".join(dict.fromkeys(a.value for a in apart.before)))
        citations = [a.citation for a in apart.before] + [apart.after.citation]
        lines.append(
            f"- {md(apart.before_about)} {before}, then {md(apart.after_about)} {md(apart.after.value)}:"
            f" different measures, not compared{cite(*citations)}"
        )
    for status in changes.statuses:
        lines.append(
            f"- {md(status.event)}: {md(status.before.value)} → **{md(status.after.value)}**"
            f"{cite(status.before.citation, status.after.citation)}"
        )
    if changes.names:
        named = ", ".join(f"{md(n.name)} ({n.kind}){cite(n.citation)}" for n in changes.names)
        lines.append(f"- Named for the first time: {named}")
    lines += [f"- New outlet: {md(o.outlet)}{cite(o.citation)}" for o in changes.outlets]
    if changes.sources:
        named = ", ".join(f"{md(s.name)}{' (unnamed)' * s.anonymous}{cite(s.citation)}" for s in changes.sources)
        lines.append(f"- New source{'s' * (len(changes.sources) > 1)}: {named}")
    if changes.uncertainty:
        moved = changes.uncertainty
        why = [f"now {r.kind.replace('_', ' ')}: {md(r.note)}" for r in moved.added]
        why += [f"no longer {r.kind.replace('_', ' ')}: {md(r.note)}" for r in moved.dropped]
        lines.append(
            f"- Uncertainty {moved.before} → **{moved.after}**{': ' + '; '.join(why) if why else ''}"
            f"{cite(*(r.citation for r in [*moved.added, *moved.dropped]))}"
        )
    if changes.empty:
        lines.append("- Nothing the earlier briefs did not already have.")
    return [f"**New since {changes.since.isoformat()}**", "", _timeline(story), "", *lines, ""]


def _timeline(story: Story) -> str:
    days = [
        f"{(e.published or e.date).isoformat()} {md(e.headline)} ({md(', '.join(e.outlets))})" for e in story.continues
    ]
    days.append(
        f"{story.published.isoformat() if story.published else 'today'} this story ({md(', '.join(story.outlets))})"
    )
    return f"_Timeline: {' → '.join(days)}_"


def _events(events: list[StoryEvent], cite: _Footnotes) -> list[str]:
    lines = []
    for event in events[:SHOWN_EVENTS]:
        reports = event.reports[:SHOWN_VOICES]
        who = [md(reporter(r, event.status)) for r in reports]
        who += [more(len(event.reports) - len(reports), "outlets")] if len(event.reports) > len(reports) else []
        marks = cite(*(r.citation for r in reports))
        lines.append(f"- {md(event.description)} *({event.status})* — {', '.join(who)}{marks}")
    return _bounded("Main events", lines, len(events) - SHOWN_EVENTS, "events")


def _sources(sources: list[StorySource], cite: _Footnotes) -> list[str]:
    lines = [
        f"- **{md(s.name)}**{' (unnamed)' * s.anonymous}: {md(s.said)} — {md(s.citation.outlet)}{cite(s.citation)}"
        for s in sources[:SHOWN_SOURCES]
    ]
    return _bounded("Sources", lines, len(sources) - SHOWN_SOURCES, "sources")


def _figures(figures: list[StoryFigure], differ: set[str], cite: _Footnotes) -> list[str]:
    lines = []
    for figure in figures[:SHOWN_FIGURES]:
        accounts = figure.accounts[:SHOWN_VOICES]
        hidden = len(figure.accounts) - len(accounts)
        extra = f", {more(hidden, 'accounts')}" if hidden > 0 else ""
        flag = " — **outlets differ**" if figure.about in differ else ""
        marks = cite(*(a.citation for a in accounts))
        lines.append(f"- {md(figure.about)}: {_values(accounts)}{extra}{flag}{marks}")
    return _bounded("Figures", lines, len(figures) - SHOWN_FIGURES, "figures")


def _claims(story: Story, cite: _Footnotes) -> list[str]:
    """What several outlets report, where the accounts differ, and why the story is uncertain."""
    lines: list[str] = []
    if story.corroborated:
        items = [
            f"- {md(c.claim)} — {', '.join(md(voice(x)) for x in c.citations)}{cite(*c.citations)}"
            for c in story.corroborated
        ]
        lines += _bounded("Reported by several outlets", items, 0, "")
    if story.conflicts:
        items = [
            f"- {md(c.about)}: {_values(c.accounts)}{cite(*(a.citation for a in c.accounts))}" for c in story.conflicts
        ]
        lines += _bounded("Where the accounts differ", items, 0, "")
    if story.uncertainty.reasons:
        items = [f"- {r.kind.replace('_', ' ')}: {md(r.note)}{cite(r.citation)}" for r in story.uncertainty.reasons]
        lines += _bounded(f"Uncertainty: {story.uncertainty.level}", items, 0, "")
    return lines


def _story(story: Story, articles: dict[str, DigestArticle], links: dict[str, str]) -> list[str]:
    """The lead first (headline, facts, summary, names), then what changed, then the substance, each line's
    evidence one footnote away."""
    outlets = md(", ".join(story.outlets))
    facts = [md(story.topic), f"{len(story.outlets)} outlet{'s' * (len(story.outlets) > 1)}: {outlets}"]
    if story.published:
        facts.append(story.published.isoformat())
    facts.append(f"uncertainty {story.uncertainty.level}")
    lines = [f'### {story.rank}. {md(story.headline)} <a id="{story.id}"></a>', "", f"_{' · '.join(facts)}_", ""]
    lines += [markdown_paragraphs(story.summary), ""]
    if story.who or story.where:
        lines += [f"**Who:** {md(', '.join(story.who)) or '—'} · **Where:** {md(', '.join(story.where)) or '—'}", ""]
    if story.others:
        lines += [f"**Also named:** {md(', '.join(f'{t.name} ({THING_KINDS[t.kind]})' for t in story.others))}", ""]
    lines += [*(f"_{md(note)}_" for note in coverage_notes(story)), ""] if story.coverage else []
    cite = _Footnotes(story, links)
    if story.changes:
        lines += _new_since(story, story.changes, cite)
    elif story.continues:
        lines += [_timeline(story), ""]
    lines += _events(story.events, cite) if story.events else []
    lines += _sources(story.sources, cite) if story.sources else []
    lines += _figures(story.figures, differing(story), cite) if story.figures else []
    lines += _claims(story, cite)
    lines += ["**Articles**", ""]
    for article_id in story.articles:
        article = articles[article_id]
        title = article.title or article.brief.headline
        named = markdown_link(title, article.url)
        lines.append(
            f"- {named} — {md(article.outlet or 'unknown outlet')}{f', {article.published}' if article.published else ''}"
        )
    return [*lines, "", *cite.lines()]


def render_digest_markdown(digest: Digest) -> str:
    links = {a.id: url for a in digest.articles if (url := safe_url(a.url))}
    for story in digest.stories:
        for earlier in story.changes.earlier_articles if story.changes else []:
            if url := safe_url(earlier.url):
                links.setdefault(earlier.id, url)
    outlets = {s for story in digest.stories for s in story.outlets}
    run = digest.run
    lines = [
        f"# Digest for {digest.date.isoformat()}",
        "",
        f"_{len(digest.stories)} stories from {len(digest.articles)} articles, {len(outlets)} outlets · "
        f"{md(run.model)}, prompt {md(run.prompt_version)} · {run.made} briefs made, {run.reused} reused"
        f"{'' if run.complete else f' · **partial: {run.failed} failed**'}_",
        "",
    ]
    if not digest.stories:
        lines += ["No articles to digest: nothing was found in the inputs (see *Skipped* below).", ""]
    stories = {s.id: s for s in digest.stories}
    articles = {a.id: a for a in digest.articles}
    if digest.overview:
        lines += ["## Overview", ""]
        lines += [f"- [{md(stories[o.story].headline)}](#{o.story}): {md(o.text)}" for o in digest.overview]
        lines.append("")
    for section in (s for s in digest.sections if s.kind == "region"):
        lines += [f"## {md(section.title)}", ""]
        for story_id in section.stories:
            lines += _story(stories[story_id], articles, links)
    topics = [s for s in digest.sections if s.kind == "topic"]
    if topics:
        lines += ["## By topic", ""]
        for section in topics:
            ranks = ", ".join(f"[{stories[i].rank}](#{i})" for i in section.stories)
            lines.append(f"- **{md(section.title)}:** {ranks}")
        lines.append("")
    for title, entries in (("Skipped", digest.skipped), ("Failed", digest.failed)):
        if entries:
            lines += [f"## {title}", ""]
            lines += [f"- {md(entry.source)}: {md(entry.reason)}" for entry in entries]
            lines.append("")
    return "\n".join(lines)
