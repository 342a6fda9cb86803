"""The digest as Markdown: overview, stories by region, each claim quoted from its articles.

Every title, outlet, quote, name and model word passes through ``markdown_text``
(``md``): nothing an article, a feed or the model says becomes markup or a link;
only http(s) URLs are linked.
"""

from __future__ import annotations

from summarizer.digest.schema import Account, Citation, Digest, DigestArticle, Story, StoryChanges
from summarizer.render.coverage import coverage_notes
from summarizer.render.links import markdown_link, markdown_paragraphs, safe_url
from summarizer.render.links import markdown_text as md


def _quote(citation: Citation, links: dict[str, str], day: str = "") -> str:
    outlet = md(citation.outlet)
    link = f" ([article]({links[citation.article]}))" if links.get(citation.article) else ""
    who = f", according to {md(', '.join(citation.said_by))}" if citation.said_by else ""
    return f"  > {md(citation.quote.text)} — *{outlet}*{f', {day}' if day else ''}{who}{link}"


def _voice(citation: Citation) -> str:
    """The outlet, and who in its article says it: 'Lake Times (police)'."""
    return md(f"{citation.outlet} ({', '.join(citation.said_by)})" if citation.said_by else citation.outlet)


def _account(account: Account) -> str:
    """The outlet, who in it gives the figure, and how it is written when that says more than the number:
    'Coastal Wire: the transport ministry, “at least 14”'."""
    written = account.written
    hedged = written is not None and written != account.value and len(written.split()) > 1
    citation = account.citation
    said = [*(citation.said_by or []), *([f"“{written}”"] if hedged else [])]
    return md(f"{citation.outlet}{': ' + ', '.join(said) if said else ''}")


def _new_since(story: Story, changes: StoryChanges, links: dict[str, str]) -> list[str]:
    """What a continued story says that its earlier days did not, each side quoted; then its timeline."""
    earlier = {a.id: a.date.isoformat() for a in changes.earlier_articles}
    lines = [f"**New since {changes.since.isoformat()}**", "", _timeline(story), ""]
    for figure in changes.figures:
        before = md(" / ".join(dict.fromkeys(a.value for a in figure.before)))
        lines += [f"- {md(figure.about)}: {before} → **{md(figure.after.value)}**"]
        lines += [_quote(a.citation, links, earlier.get(a.citation.article, "")) for a in figure.before]
        lines.append(_quote(figure.after.citation, links))
    for apart in changes.figures_apart:
        before = md(" / ".join(dict.fromkeys(a.value for a in apart.before)))
        lines += [
            f"- {md(apart.before_about)} {before}, then {md(apart.after_about)} {md(apart.after.value)}:"
            " different measures, not compared"
        ]
        lines += [_quote(a.citation, links, earlier.get(a.citation.article, "")) for a in apart.before]
        lines.append(_quote(apart.after.citation, links))
    for status in changes.statuses:
        lines += [
            f"- {md(status.event)}: {md(status.before.value)} → **{md(status.after.value)}**",
            _quote(status.before.citation, links, earlier.get(status.before.citation.article, "")),
            _quote(status.after.citation, links),
        ]
    if changes.names:
        lines.append(f"- Named for the first time: {', '.join(f'{md(n.name)} ({n.kind})' for n in changes.names)}")
        lines += [_quote(n.citation, links) for n in changes.names]
    for outlet in changes.outlets:
        lines += [f"- New outlet: {md(outlet.outlet)}", _quote(outlet.citation, links)]
    if changes.sources:
        named = ", ".join(f"{md(s.name)}{' (unnamed)' * s.anonymous}" for s in changes.sources)
        lines.append(f"- New source{'s' * (len(changes.sources) > 1)}: {named}")
        lines += [_quote(s.citation, links) for s in changes.sources]
    if changes.uncertainty:
        moved = changes.uncertainty
        why = [f"now {r.kind.replace('_', ' ')}: {md(r.note)}" for r in moved.added]
        why += [f"no longer {r.kind.replace('_', ' ')}: {md(r.note)}" for r in moved.dropped]
        lines.append(f"- Uncertainty {moved.before} → **{moved.after}**{': ' + '; '.join(why) if why else ''}")
        lines += [_quote(r.citation, links) for r in moved.added]
        lines += [_quote(r.citation, links, earlier.get(r.citation.article, "")) for r in moved.dropped]
    if changes.empty:
        lines.append("- Nothing the earlier briefs did not already have.")
    return [*lines, ""]


def _timeline(story: Story) -> str:
    days = [
        f"{(e.published or e.date).isoformat()} {md(e.headline)} ({md(', '.join(e.outlets))})" for e in story.continues
    ]
    days.append(
        f"{story.published.isoformat() if story.published else 'today'} this story ({md(', '.join(story.outlets))})"
    )
    return f"_Timeline: {' → '.join(days)}_"


def _story(story: Story, articles: dict[str, DigestArticle], links: dict[str, str]) -> list[str]:
    outlets = md(", ".join(story.outlets))
    facts = [md(story.topic), f"{len(story.outlets)} outlet{'s' * (len(story.outlets) > 1)}: {outlets}"]
    if story.published:
        facts.append(story.published.isoformat())
    facts.append(f"uncertainty {story.uncertainty.level}")
    lines = [f'### {story.rank}. {md(story.headline)} <a id="{story.id}"></a>', "", f"_{' · '.join(facts)}_", ""]
    if story.changes:
        lines += _new_since(story, story.changes, links)
    elif story.continues:
        lines += [_timeline(story), ""]
    lines += [markdown_paragraphs(story.summary), ""]
    if story.who or story.where:
        lines += [f"**Who:** {md(', '.join(story.who)) or '—'} · **Where:** {md(', '.join(story.where)) or '—'}", ""]
    lines += [*(f"_{md(note)}_" for note in coverage_notes(story)), ""] if story.coverage else []
    if story.corroborated:
        lines += ["**Reported by several outlets**", ""]
        for claim in story.corroborated:
            reported = ", ".join(_voice(c) for c in claim.citations)
            lines += [f"- {md(claim.claim)} — {reported}", *(_quote(c, links) for c in claim.citations)]
        lines.append("")
    if story.conflicts:
        lines += ["**Where the accounts differ**", ""]
        for conflict in story.conflicts:
            values = " vs ".join(
                f"{md(value)} ({'; '.join(_account(a) for a in accounts)})"
                for value, accounts in conflict.by_value().items()
            )
            lines += [f"- {md(conflict.about)}: {values}", *(_quote(a.citation, links) for a in conflict.accounts)]
        lines.append("")
    if story.uncertainty.reasons:
        lines += [f"**Uncertainty: {story.uncertainty.level}**", ""]
        for reason in story.uncertainty.reasons:
            lines += [f"- {reason.kind.replace('_', ' ')}: {md(reason.note)}", _quote(reason.citation, links)]
        lines.append("")
    lines += ["**Articles**", ""]
    for article_id in story.articles:
        article = articles[article_id]
        title = article.title or article.brief.headline
        named = markdown_link(title, article.url)
        lines.append(
            f"- {named} — {md(article.outlet or 'unknown outlet')}{f', {article.published}' if article.published else ''}"
        )
    return [*lines, ""]


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
