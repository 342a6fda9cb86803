"""Property-based tests: the code that reads or shows article text must never fail on any text.

Deterministic (``derandomize=True``: the same examples every run, so CI is never
flaky) and small (a few seconds each).
"""

from __future__ import annotations

import html
import json
import os
import re
from datetime import date
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from summarizer.render import render_json, render_markdown, render_terminal
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.rules.attribution import find_doubts, find_sources, what_was_said
from summarizer.rules.text import ArticleIndex, NormalizedText, find_name, split_sentences
from summarizer.rules.times import find_times, resolve
from summarizer.schema import Brief
from tests import hostile

FAST = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# News-like text: words, names, punctuation, quotes, markup, line breaks, odd spaces, RTL and NUL.
_PIECES = st.sampled_from(
    [
        "The", "minister", "said", "told", "according to", "Anna Berg", "Dr.", "U.S.", "on Tuesday", "last week",
        "July 21, 2017", "at least 20", "as high as 50", "alleged", ".", ",", "!", "?", '"', "\u201c", "\u201d",
        "'", "[/]", "[sic]", "[bold]", "<script>", "&amp;", "]", "(", ")", "\n", "\n\n", " ", "  ", "\u00a0",
        "\t", "\u2009", "\u05e9\u05dc\u05d5\u05dd", "\u202e", "\x00", "\u00e9", "Z\u0308", "\U0001f600", "{", "}",
    ]
)  # fmt: skip
NEWS = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(NEWS, st.text(max_size=200))


@FAST
@given(ANY_TEXT)
def test_sentences_are_exact_ordered_slices(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for number, sentence in enumerate(sentences, start=1):
        assert sentence.number == number
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
    covered = "".join(s.text for s in sentences)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)  # nothing but whitespace is left out


@FAST
@given(ANY_TEXT, ANY_TEXT)
def test_find_name_returns_the_articles_own_text(text: str, name: str) -> None:
    found = find_name(NormalizedText(text), name)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text


@FAST
@given(NEWS, st.sampled_from([" ", "\u00a0", "  ", "\u00a0\n"]))
def test_a_name_in_the_text_is_found(filler: str, space: str) -> None:
    text = f"{filler} Then Anna{space}Lindqvist spoke. {filler}"
    found = find_name(NormalizedText(text), "Anna Lindqvist")
    assert found is not None and text[found.start : found.end] == found.text
    assert found.text.split() == ["Anna", "Lindqvist"]


@FAST
@given(ANY_TEXT)
def test_sources_and_doubts_are_slices_of_their_sentences(text: str) -> None:
    index = ArticleIndex(text)
    for cue in find_sources(index):
        assert cue.sentence.start <= cue.start < cue.end <= cue.sentence.end
        assert text[cue.start : cue.end].strip() == text[cue.start : cue.end]
        assert isinstance(what_was_said(cue), str)
    for doubt in find_doubts(index):
        assert doubt.sentences and all(text[s.start : s.end] == s.text for s in doubt.sentences)


@FAST
@given(ANY_TEXT, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_time_expressions_are_slices_and_resolve_without_error(text: str, published: date | None) -> None:
    for start, end in find_times(text):
        assert 0 <= start < end <= len(text)
        resolved, precision = resolve(text[start:end], published)
        assert resolved is None or (isinstance(resolved, date) and precision in ("day", "month", "year"))


def _plain(brief: Brief) -> str:
    console = Console(record=True, width=100, file=open(os.devnull, "w"))  # noqa: SIM115
    render_terminal(brief, console)
    return console.export_text()


LABEL = st.one_of(_PIECES, NEWS.filter(str.strip), st.text(min_size=1, max_size=40))
ARTICLE = st.one_of(NEWS, st.text(max_size=200)).filter(lambda t: len(t) >= 1)


@FAST
@given(ARTICLE, LABEL)
def test_brief_renderers_take_any_text(text: str, label: str) -> None:
    brief = hostile.brief(text, label)
    again = Brief.model_validate(json.loads(render_json(brief)))
    assert again == brief
    for item in (*again.who, *again.what, *again.sources, *again.uncertainty.reasons):
        assert all(text[span.start : span.end] == span.text for span in item.evidence)
    plain = " ".join(_plain(brief).split())
    # Markup in the article's text is shown as written, never interpreted or dropped.
    for shown in (label, *(span.text for span in brief.who[0].evidence)):
        words = [w for w in shown.split() if w.isprintable()]
        assert all(w in plain for w in words if len(w) < 20), (shown, plain)
    markdown = render_markdown(brief)
    assert markdown.startswith("# ") and all(f"`[{s.start}:{s.end}]`" in markdown for s in brief.who[0].evidence)


class _Tags(HTMLParser):
    """Every tag and attribute of a page, to check nothing the article says becomes markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.data: list[str] = []

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


HOSTILE_URL = st.one_of(
    st.none(),
    st.sampled_from(
        ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>", "https://ok.example/a)b]",
         "http://x.example/\"><script>", "vbscript:x", "https://ok.example/story?id=1&b=2"]
    ),
    st.text(max_size=30),
)  # fmt: skip


@FAST
@given(ARTICLE, LABEL, HOSTILE_URL)
def test_digest_renderers_take_any_text_and_never_link_a_script(text: str, label: str, url: str | None) -> None:
    digest = hostile.digest(text, label, url)
    page = render_digest_html(digest)
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("script") == 1  # ours
    assert all(h.startswith(("#", "http://", "https://")) for h in parser.hrefs), parser.hrefs
    shown = " ".join("".join(parser.data).split())
    assert all(word in shown for word in label.split() if word.isprintable()), (label, shown[:300])
    markdown = render_digest_markdown(digest)
    links = re.findall(r"\]\(([^)\s]*)\)", markdown)
    assert all(link.startswith(("#", "http://", "https://")) for link in links), links
    assert "javascript:" not in markdown.lower().replace(html.escape(label).lower(), "").replace(label.lower(), "")


_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((https?://[^)\s]+)\)")


@FAST
@given(st.lists(st.sampled_from(["Fire", "[update]", "]", "[", "at", "plant", "`x`", "\\", "*", "_"]), min_size=1))
def test_a_markdown_link_keeps_its_whole_title(words: list[str]) -> None:
    title = " ".join(words)
    markdown = render_digest_markdown(hostile.digest("Some text.", title, "https://news.example/a"))
    line = markdown.split("**Articles**\n\n", 1)[1].splitlines()[0]  # "- [title](url) — outlet"
    link = _MD_LINK.match(line.removeprefix("- "))
    assert link is not None and link[2] == "https://news.example/a", line
    assert re.sub(r"\\(.)", r"\1", link[1]) == " ".join(title.split()), line
