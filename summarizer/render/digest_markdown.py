"""The digest as Markdown: overview, stories by region, each claim quoted from its articles."""

from __future__ import annotations

from summarizer.digest.schema import Citation, Digest, DigestArticle, Story
from summarizer.render.links import markdown_link, markdown_text, safe_url


def _quote(citation: Citation, links: dict[str, str]) -> str:
    outlet = citation.outlet
    link = f" ([article]({links[citation.article]}))" if links.get(citation.article) else ""
    return f"  > {' '.join(citation.quote.text.split())} — *{outlet}*{link}"


def _story(story: Story, articles: dict[str, DigestArticle], links: dict[str, str]) -> list[str]:
    facts = [story.topic, f"{len(story.outlets)} outlet{'s' * (len(story.outlets) > 1)}: {', '.join(story.outlets)}"]
    if story.published:
        facts.append(story.published.isoformat())
    facts.append(f"uncertainty {story.uncertainty.level}")
    lines = [f'### {story.rank}. {story.headline} <a id="{story.id}"></a>', "", f"_{' · '.join(facts)}_", ""]
    lines += [story.summary, ""]
    if story.who or story.where:
        lines += [f"**Who:** {', '.join(story.who) or '—'} · **Where:** {', '.join(story.where) or '—'}", ""]
    if story.corroborated:
        lines += ["**Reported by several outlets**", ""]
        for claim in story.corroborated:
            lines += [f"- {claim.claim} — {', '.join(claim.outlets)}", *(_quote(c, links) for c in claim.citations)]
        lines.append("")
    if story.conflicts:
        lines += ["**Where the outlets differ**", ""]
        for conflict in story.conflicts:
            values = " vs ".join(
                f"{value} ({', '.join(a.citation.outlet for a in accounts)})"
                for value, accounts in conflict.by_value().items()
            )
            lines += [f"- {conflict.about}: {values}", *(_quote(a.citation, links) for a in conflict.accounts)]
        lines.append("")
    if story.uncertainty.reasons:
        lines += [f"**Uncertainty: {story.uncertainty.level}**", ""]
        for reason in story.uncertainty.reasons:
            lines += [f"- {reason.kind.replace('_', ' ')}: {reason.note}", _quote(reason.citation, links)]
        lines.append("")
    lines += ["**Articles**", ""]
    for article_id in story.articles:
        article = articles[article_id]
        title = article.title or article.brief.headline
        named = markdown_link(title, article.url)
        lines.append(
            f"- {named} — {article.outlet or 'unknown outlet'}{f', {article.published}' if article.published else ''}"
        )
    return [*lines, ""]


def render_digest_markdown(digest: Digest) -> str:
    links = {a.id: url for a in digest.articles if (url := safe_url(a.url))}
    outlets = {s for story in digest.stories for s in story.outlets}
    run = digest.run
    lines = [
        f"# Digest for {digest.date.isoformat()}",
        "",
        f"_{len(digest.stories)} stories from {len(digest.articles)} articles, {len(outlets)} outlets · "
        f"{run.model}, prompt {run.prompt_version} · {run.made} briefs made, {run.reused} reused"
        f"{'' if run.complete else f' · **partial: {run.failed} failed**'}_",
        "",
    ]
    if not digest.stories:
        lines += ["No articles to digest: nothing was found in the inputs (see *Skipped* below).", ""]
    stories = {s.id: s for s in digest.stories}
    articles = {a.id: a for a in digest.articles}
    if digest.overview:
        lines += ["## Overview", ""]
        lines += [f"- [{markdown_text(stories[o.story].headline)}](#{o.story}): {o.text}" for o in digest.overview]
        lines.append("")
    for section in (s for s in digest.sections if s.kind == "region"):
        lines += [f"## {section.title}", ""]
        for story_id in section.stories:
            lines += _story(stories[story_id], articles, links)
    topics = [s for s in digest.sections if s.kind == "topic"]
    if topics:
        lines += ["## By topic", ""]
        for section in topics:
            ranks = ", ".join(f"[{stories[i].rank}](#{i})" for i in section.stories)
            lines.append(f"- **{section.title}:** {ranks}")
        lines.append("")
    for title, entries in (("Skipped", digest.skipped), ("Failed", digest.failed)):
        if entries:
            lines += [f"## {title}", ""]
            lines += [f"- `{entry.source}`: {entry.reason}" for entry in entries]
            lines.append("")
    return "\n".join(lines)
