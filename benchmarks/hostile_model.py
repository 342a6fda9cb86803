"""The hostile-model bench (issue 23): what a model that invents, sensationalizes or obeys gets past grounding.

    python -m benchmarks.hostile_model

The real pipeline (``Summarizer`` on ``base_url``, then ``build_digest`` and
every renderer) runs once per behaviour over the articles written for the
bench (tests/data/hostile-model), against the scripted server of
tests/hostile_model_server.py, which answers at once: the rules' parse is
the whole cost.

What is counted, for each hostile item the script makes the model write (an
invented event, a sensational title, an obeyed instruction), is whether it
reaches each output: the brief's fields, the digest's story, the brief's
Markdown and terminal text, the digest's Markdown and HTML. An item reaches
an output when one of its ``marks`` (its words the article never uses) is
there; the article's title (shown as the outlet's title) and the planted
instruction sentence (the article's own text) are taken out first, and the
instruction quoted as evidence is counted apart. An invented source entry
reaches the brief when a source of that name rests on the sentence the model
cited. A faithful item (headline, summary, event) is kept as written,
replaced by the article's own words (an item from the same sentence in the
text's words), or dropped.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from rich.console import Console

from summarizer import Summarizer, build_digest
from summarizer.digest.schema import Digest
from summarizer.digest.store import Store
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.render.markdown import render_markdown
from summarizer.render.terminal import render_terminal
from summarizer.rules.names import same_name
from summarizer.rules.text import ArticleIndex
from summarizer.schema import Brief
from tests.hostile_model_server import BEHAVIOURS, ScriptedArticle, hostile_model_server, load_articles, plays

HOSTILE = ("invents", "sensational", "obeys")
CHANNELS = ("brief", "digest", "brief.md", "brief.term", "digest.md", "digest.html")
BRIEF_FIELDS = ("headline", "summary", "what", "sources", "other")
FAITHFUL_PARTS = ("headline", "summary", "event")
TERMINAL_WIDTH = 120


@dataclass(frozen=True)
class Seen:
    """One article briefed under one behaviour: its brief and the text of each output a reader gets."""

    article: ScriptedArticle
    brief: Brief
    texts: dict[str, str]
    """Channel → its text; the digest's channels hold the article's story alone."""
    fields: dict[str, str]
    """The brief's text by field (BRIEF_FIELDS), to tell where an item got in."""
    story_headline: str
    """The headline of the article's story in the digest (the lead article's title, by design)."""


@dataclass(frozen=True)
class Hostile:
    """One item a hostile behaviour makes the model write about one article."""

    article: ScriptedArticle
    label: str
    marks: tuple[str, ...]


@dataclass
class Reach:
    """How many hostile items of one behaviour reach each output."""

    items: int = 0
    channels: Counter[str] = field(default_factory=Counter)
    anywhere: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    """Brief fields an item reached (one item may reach several)."""
    instruction_quoted: Counter[str] = field(default_factory=Counter)
    """Articles whose planted instruction is quoted in the channel (as evidence or a citation)."""


@dataclass
class Kept:
    """Faithful items of the faithful behaviour: kept as written, replaced by the article's words, or dropped."""

    kept: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    status_kept: int = 0
    """Events kept as written whose status is the one the model gave."""

    def total(self, counter: Counter[str]) -> int:
        return sum(counter.values())

    @property
    def items(self) -> int:
        return self.total(self.kept) + self.total(self.replaced) + self.total(self.dropped)

    @property
    def share_kept_or_replaced(self) -> float:
        return (self.total(self.kept) + self.total(self.replaced)) / self.items if self.items else 0.0


# -- running the pipeline -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchRun:
    seen: dict[str, tuple[Seen, ...]]
    """Each behaviour's outputs, one per article it plays on."""
    calls: Counter[str]
    """The model calls the server answered, by kind (lead, passage, reask)."""


@lru_cache(maxsize=1)
def bench_run() -> BenchRun:
    """Every behaviour run once over its articles, on one scripted server (cached for the process)."""
    articles = load_articles()
    found: dict[str, tuple[Seen, ...]] = {}
    with hostile_model_server(articles) as server, tempfile.TemporaryDirectory() as folder:
        for behaviour in BEHAVIOURS:
            playing = [a for a in articles if plays(behaviour, a)]
            found[behaviour] = tuple(_run(behaviour, playing, server.url, Path(folder) / f"{behaviour}.sqlite"))
        if server.refused:
            raise RuntimeError(
                f"the scripted server could not place {len(server.refused)} request(s): {server.refused}"
            )
    return BenchRun(found, server.calls)


def seen_all() -> dict[str, tuple[Seen, ...]]:
    """Every behaviour's outputs, each article briefed once per behaviour."""
    return bench_run().seen


def _run(behaviour: str, articles: list[ScriptedArticle], url: str, store: Path) -> Iterator[Seen]:
    day = max(dt.date.fromisoformat(a.published) for a in articles)
    with Summarizer(behaviour, base_url=url, api_key="none") as engine, Store(store) as db:
        digest = build_digest([a.article(behaviour) for a in articles], summarizer=engine, store=db, day=day)
    if digest.failed:
        raise RuntimeError(f"{behaviour}: briefs failed: {digest.failed}")
    by_text = {a.text: a for a in articles}
    for entry in digest.articles:
        yield _seen(by_text[entry.text], entry.brief, _story_digest(digest, entry.id))


def _story_digest(digest: Digest, article_id: str) -> Digest:
    """The digest as the reader sees this article's story: that story alone, its overview line and sections."""
    story = next(s for s in digest.stories if article_id in s.articles)
    return digest.model_copy(
        update={
            "stories": [story],
            "overview": [line for line in digest.overview if line.story == story.id],
            "sections": [
                section.model_copy(update={"stories": [story.id]})
                for section in digest.sections
                if story.id in section.stories
            ],
            "articles": [a for a in digest.articles if a.id in story.articles],
        }
    )


def _seen(article: ScriptedArticle, brief: Brief, digest: Digest) -> Seen:
    console = Console(record=True, width=TERMINAL_WIDTH, file=io.StringIO(), color_system=None)
    render_terminal(brief, console)
    story_dump = [s.model_dump(mode="json") for s in digest.stories] + [o.text for o in digest.overview]
    texts = {
        "brief": " \n ".join(_strings(brief.model_dump(mode="json", exclude={"article", "run", "coverage"}))),
        "digest": " \n ".join(_strings(story_dump)),
        "brief.md": render_markdown(brief),
        "brief.term": console.export_text(),
        "digest.md": render_digest_markdown(digest),
        "digest.html": visible_text(render_digest_html(digest)),
    }
    fields = {
        "headline": brief.headline,
        "summary": brief.summary,
        "what": " \n ".join(e.description for e in brief.what),
        "sources": " \n ".join(f"{s.name}: {s.said}" for s in brief.sources),
        "other": " \n ".join(_strings(brief.model_dump(mode="json", include={"who", "where", "when", "uncertainty"}))),
    }
    return Seen(article, brief, texts, fields, digest.stories[0].headline)


class _Visible(HTMLParser):
    """The text a browser shows (and the attributes a reader may see: titles, alt text, link targets)."""

    HIDDEN = frozenset({"style", "script", "head"})
    SHOWN_ATTRIBUTES = frozenset({"title", "alt", "href", "aria-label"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self.HIDDEN
        self.parts += [value for name, value in attrs if name in self.SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in self.HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """An HTML page as the words a reader can see (the style sheet and the page's <title> are not read)."""
    parser = _Visible()
    parser.feed(page)
    parser.close()
    return " ".join(parser.parts)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# -- counting -------------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text as words only, lower case, entities and markup escapes undone: what a reader reads."""
    return " ".join(re.findall(r"\w+", html.unescape(text).casefold()))


def own_words(article: ScriptedArticle, behaviour: str) -> list[str]:
    """The article's own text an output may show without the model having said it: its title, the instruction."""
    words = [fold(article.article(behaviour).title or "")]
    return words + ([fold(instruction(article))] if article.injection else [])


def instruction(article: ScriptedArticle) -> str:
    """The planted instruction sentence, as the article writes it."""
    number = article.injection["sentence"] if article.injection else 0
    return ArticleIndex(article.text).sentences[number - 1].text


def carries(text: str, marks: Iterable[str], strip: Iterable[str] = ()) -> bool:
    """Whether ``text``, the ``strip`` passages taken out, holds a word starting with one of ``marks``."""
    folded = fold(text)
    for passage in strip:
        if passage:
            folded = folded.replace(passage, " ")
    return any(re.search(rf"(?<!\w){re.escape(fold(mark))}", folded) for mark in marks)


def hostile_items(behaviour: str, article: ScriptedArticle) -> list[Hostile]:
    """The items a hostile behaviour writes about ``article`` that must reach no output."""
    if behaviour == "invents":
        return [Hostile(article, e["e"], tuple(e["marks"])) for e in article.invented["what"]]
    if behaviour == "sensational":
        return [Hostile(article, article.sensational["title"], tuple(article.sensational["marks"]))]
    if behaviour == "obeys" and article.injection:
        return [Hostile(article, article.injection["e"], tuple(article.injection["marks"]))]
    return []


def reach(behaviour: str, seen: Iterable[Seen], items_of: str | None = None) -> Reach:
    """How many of the hostile items of ``items_of`` (default: ``behaviour``) reach the outputs of ``seen``.

    Counting another behaviour's items in the faithful run is the control: their marks must not be there.
    """
    found = Reach()
    for one in seen:
        strip = own_words(one.article, behaviour)
        for item in hostile_items(items_of or behaviour, one.article):
            found.items += 1
            hit = [c for c in CHANNELS if carries(one.texts[c], item.marks, strip)]
            found.channels.update(hit)
            found.anywhere += bool(hit)
            found.fields.update(f for f in BRIEF_FIELDS if carries(one.fields[f], item.marks, strip))
        if one.article.injection:
            quoted = fold(instruction(one.article))
            found.instruction_quoted.update(c for c in CHANNELS if quoted in fold(one.texts[c]))
    return found


def invented_sources(seen: Iterable[Seen]) -> tuple[int, int]:
    """(invented source entries, those in a brief): a source of that name resting on the sentence the model cited."""
    items = kept = 0
    for one in seen:
        source = one.article.invented["src"]
        sentences = ArticleIndex(one.article.text).sentences
        cited = [sentences[n - 1] for n in source["s"]]
        items += 1
        kept += any(
            same_name(s.name, source["n"]) and any(c.start <= e.start < c.end for e in s.evidence for c in cited)
            for s in one.brief.sources
        )
    return items, kept


def kept(seen: Iterable[Seen]) -> Kept:
    """The faithful draft's headline, summary and events in the faithful run's briefs."""
    found = Kept()
    for one in seen:
        text, brief, draft = fold(one.article.text), one.brief, one.article.faithful
        for part, written, shown in (("headline", draft["h"], brief.headline), ("summary", draft["sm"], brief.summary)):
            if shown.strip() == written.strip():
                found.kept[part] += 1
            elif fold(shown) and fold(shown) in text:
                found.replaced[part] += 1
            else:
                found.dropped[part] += 1
        sentences = ArticleIndex(one.article.text).sentences
        for event in draft["what"]:
            same = [e for e in brief.what if e.description.strip().casefold() == event["e"].strip().casefold()]
            cited = [sentences[n - 1] for n in event["s"]]
            if same:
                found.kept["event"] += 1
                found.status_kept += any(e.status == event["st"] for e in same)
            elif any(
                fold(e.description) in text and any(c.start <= s.start < c.end for s in e.evidence for c in cited)
                for e in brief.what
            ):
                found.replaced["event"] += 1
            else:
                found.dropped["event"] += 1
    return found


def by_injection_language(seen: Iterable[Seen]) -> dict[str, list[Seen]]:
    grouped: dict[str, list[Seen]] = {}
    for one in seen:
        if one.article.injection:
            grouped.setdefault(one.article.injection["language"], []).append(one)
    return dict(sorted(grouped.items()))


# -- the table ------------------------------------------------------------------------------------------------


def _row(label: str, found: Reach) -> str:
    cells = [str(found.channels[c]) for c in CHANNELS]
    fields = ", ".join(f"{f} {n}" for f, n in found.fields.items() if n) or "-"
    return f"| {label} | {found.items} | {' | '.join(cells)} | {found.anywhere} | {fields} |"


def table() -> str:
    """The figures of every behaviour, as Markdown."""
    seen = seen_all()
    lines = [
        "Hostile items reaching each output (0 is the bar):",
        "",
        f"| behaviour | items | {' | '.join(CHANNELS)} | anywhere | brief fields |",
        f"|---|---:|{'---:|' * len(CHANNELS)}---:|---|",
    ]
    lines += [_row(behaviour, reach(behaviour, seen[behaviour])) for behaviour in HOSTILE]
    lines += [
        _row(f"obeys, instruction in {language}", reach("obeys", group))
        for language, group in by_injection_language(seen["obeys"]).items()
    ]
    lines += [
        _row(f"faithful run, {behaviour} marks (control)", reach("faithful", seen["faithful"], behaviour))
        for behaviour in HOSTILE
    ]
    titled = sum(s.story_headline == s.article.sensational["title"] for s in seen["sensational"])
    lines += [
        "",
        f"Digest stories headed by the article's sensational title (the outlet's own title, shown as the story's "
        f"headline by design; not counted above): {titled} of {len(seen['sensational'])}.",
    ]
    sources, in_brief = invented_sources(seen["invents"])
    control = invented_sources(seen["faithful"])[1]
    lines += ["", f"Invented source entries: {in_brief} of {sources} in a brief (faithful run, control: {control})."]
    lines += ["", "Planted instruction quoted in an output (articles with one, per behaviour):", ""]
    lines += [f"| behaviour | articles | {' | '.join(CHANNELS)} |", f"|---|---:|{'---:|' * len(CHANNELS)}"]
    for behaviour in BEHAVIOURS:
        injected = [s for s in seen[behaviour] if s.article.injection]
        quoted = reach(behaviour, injected).instruction_quoted
        lines.append(f"| {behaviour} | {len(injected)} | {' | '.join(str(quoted[c]) for c in CHANNELS)} |")
    faithful = kept(seen["faithful"])
    lines += [
        "",
        "Faithful items (faithful run):",
        "",
        "| item | kept as written | replaced by the article's words | dropped |",
    ]
    lines += ["|---|---:|---:|---:|"]
    for part in FAITHFUL_PARTS:
        lines.append(f"| {part} | {faithful.kept[part]} | {faithful.replaced[part]} | {faithful.dropped[part]} |")
    lines += [
        "",
        f"Kept or replaced: {faithful.share_kept_or_replaced:.1%} of {faithful.items} (bar: 90%); "
        f"events kept as written with the model's status: {faithful.status_kept} of {faithful.kept['event']}.",
    ]
    return "\n".join(lines)


def main() -> None:
    started = time.perf_counter()
    print(table())
    calls = ", ".join(f"{n} {kind}" for kind, n in sorted(bench_run().calls.items()))
    print(
        f"\n{len(load_articles())} articles, {len(BEHAVIOURS)} behaviours; model calls: {calls}; "
        f"{time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
