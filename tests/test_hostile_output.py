"""Nothing hostile reaches the reader (issue 23, item 5).

Markdown shows article, outlet and model text as written, never as markup or a
non-http(s) link; the terminal gets no control code or Rich markup from an
article or a file name; text full of control characters is refused as binary
data, and a few stray ones are removed and said, the same through every door.
JSON stays faithful. The command-line cases are in tests/bad_inputs/.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from summarizer import Article, ArticleError
from summarizer.bulk.inputs import read_inputs
from summarizer.digest.schema import Digest
from summarizer.ingest.article import ControlCharactersRemoved, article_from_bytes, read_article
from summarizer.ingest.inputs import collect
from summarizer.render import render_json, render_markdown, render_terminal
from summarizer.render.control import printable
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.render.links import markdown_text
from summarizer.schema import Brief
from tests import hostile
from tests.page_server import ROUTES, page_server
from tests.test_bad_inputs import markdown_problems

TEXT = "The mayor said the bridge would close on Friday. Officials said it would reopen."
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](data:text/html,<b>x</b>)",
    "[x](vbscript:msgbox)",
    "![x](https://evil.example/pixel.png)",
    "<javascript:alert(1)>",
    "# heading",
    "1. item",
    "- item",
    "`code` **bold** _em_",
    "&lt;script&gt; &#60;b&#62;",
    "Fire at [plant] (again)\nsecond line",
]
TERMINAL = [
    "\x1b[2J\x1b[31mred\x1b[0m",
    "\x1b]0;pwned\x07title",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x9b2J C1 \x9d0;t\x9c",
    "bell\x07 back\x08 nul\x00 del\x7f",
    "[red]Free[/] [link=https://evil.example]x[/link]",
]


def _unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_markdown_brief_shows_every_piece_as_written(payload: str) -> None:
    markdown = render_markdown(hostile.brief(TEXT, payload))
    assert not markdown_problems(markdown), markdown
    assert " ".join(payload.split()) in _unescaped(markdown)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("url", [None, "javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,x", "vbscript:x"])
def test_a_markdown_digest_shows_every_piece_as_written_and_links_only_http(payload: str, url: str | None) -> None:
    markdown = render_digest_markdown(hostile.digest(TEXT, payload, url))
    assert not markdown_problems(markdown), markdown
    assert " ".join(payload.split()) in _unescaped(markdown)
    # Every piece: the overview, section titles, headline, outlets, quotes, events, sources, skipped and failed lines.
    assert _unescaped(markdown).count(" ".join(payload.split())) >= 12
    # A story's events (description, outlet, who reports it), sources (name, what it said, outlet) and figures
    # (what is counted, the value, the outlet): each piece shown as written.
    for part in ("**Main events**", "**Sources**", "**Figures**"):
        listed = _unescaped(markdown).split(part, 1)[1].split("\n\n**", 1)[0]
        assert listed.count(" ".join(payload.split())) >= 3, (part, listed)


def test_a_heading_in_article_text_is_not_a_heading() -> None:
    markdown = render_digest_markdown(hostile.digest(TEXT, "# Not a heading", "https://news.example/a"))
    assert not re.search(r"^#+ Not a heading", markdown, re.M)
    assert "\\# Not a heading" in markdown


def test_markdown_text_escapes_markup_and_keeps_words() -> None:
    assert markdown_text("<b>x</b> [a](javascript:b)") == "\\<b\\>x\\</b\\> \\[a\\](javascript:b)"
    assert markdown_text("1.5 million, AT&T, C# and -3 degrees") == "1.5 million, AT&T, C# and -3 degrees"
    assert markdown_text("1. first") == "1\\. first" and markdown_text("## two") == "\\## two"
    assert markdown_text("&amp; &#60;") == "\\&amp; \\&#60;"
    assert markdown_text("a\x1b]0;t\x07b\x00c\nd") == "a\\]0;tbc d"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J\x1b[31mred\x1b[0m text", "[2J[31mred[0m text"),
        ("x\x1b]0;pwned\x07y", "x]0;pwnedy"),
        ("x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\z", "x]8;;http://evil\\link]8;;\\z"),
        ("n\x00u\x01l\x7f\x85l", "null"),
        ("C1 CSI\x9b31m and OSC\x9d0;t\x9c", "C1 CSI31m and OSC0;t"),
        ("tab\tand\nline\r", "tab\tand\nline"),
    ],
)
def test_printable_drops_control_characters_and_so_every_sequence(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.mark.parametrize("payload", TERMINAL)
@pytest.mark.parametrize("colour", [False, True])
def test_the_terminal_brief_gets_no_control_code_and_no_markup(payload: str, colour: bool) -> None:
    out = io.StringIO()
    render_terminal(hostile.brief(TEXT + payload, payload), Console(file=out, force_terminal=colour, width=100))
    shown = out.getvalue()
    assert "\x1b]" not in shown and "\x1b[2J" not in shown and "\x07" not in shown and "\x00" not in shown
    assert not re.search(r"[\x80-\x9f]", shown)
    if not colour:
        assert "\x1b" not in shown
    if payload.startswith("[red]"):
        assert "[red]Free[/]" in shown and "[link=https://evil.example]x[/link]" in shown


@pytest.mark.parametrize("payload", PAYLOADS + TERMINAL)
def test_json_stays_faithful_and_html_escapes_as_before(payload: str) -> None:
    brief = hostile.brief(TEXT, payload)
    assert Brief.model_validate(json.loads(render_json(brief))).headline == payload
    digest = hostile.digest(TEXT, payload, "javascript:alert(1)")
    assert Digest.model_validate_json(digest.model_dump_json()).stories[0].headline == payload
    page = render_digest_html(digest)
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page


# One rule for control characters, every door: mostly control characters is binary data; a few are removed and said.

STRAY = "The mayor said\x00 the bridge would close\x1b[2J on Friday.\x07 Officials said it would reopen."
CLEAN = "The mayor said the bridge would close[2J on Friday. Officials said it would reopen."
MOSTLY = "\x00" * 60 + "The mayor said so."


def test_the_api_article_removes_a_few_and_says_so() -> None:
    with pytest.warns(ControlCharactersRemoved, match=r"removed 3 control characters \(U\+0000, U\+0007, U\+001B\)"):
        article = Article(text=STRAY, title="Bridge\x1b]0;t\x07 closes", outlet="Lake\x00 Times")
    assert article.text == CLEAN and article.title == "Bridge]0;t closes" and article.outlet == "Lake Times"
    assert Article(text="Tabs\tand\r\nbreaks stay.").text == "Tabs\tand\r\nbreaks stay."


def test_the_api_article_refuses_binary_text() -> None:
    with pytest.raises(ArticleError, match=r"text: looks like binary data, not text \(60 of 75 characters"):
        Article(text=MOSTLY)
    with pytest.raises(ArticleError, match="binary"):
        Article(text="\x1b\x1b\x1b")


def _stray(article: Article | None) -> str:
    assert article is not None
    return article.text


@pytest.mark.filterwarnings("ignore::summarizer.ingest.article.ControlCharactersRemoved")
def test_every_door_reads_control_characters_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    (tmp_path / "a.txt").write_text(STRAY.replace("\x00", ""))  # a NUL byte in a file is a binary file, as before
    (tmp_path / "a.json").write_text(json.dumps({"text": STRAY}))
    (tmp_path / "day.jsonl").write_text(json.dumps({"text": STRAY}) + "\n" + json.dumps({"text": MOSTLY}) + "\n")
    pq.write_table(pa.table({"text": [STRAY, MOSTLY]}), tmp_path / "day.parquet")
    (tmp_path / "bin.txt").write_text("\x1b" * 60 + " text")
    clean = CLEAN
    assert _stray(read_article(tmp_path / "a.txt")) == clean
    assert _stray(read_article(tmp_path / "a.json")) == clean
    assert _stray(article_from_bytes(STRAY.replace("\x00", "").encode(), "stdin")) == clean
    assert _stray(Article(text=STRAY)) == clean
    lines = list(collect([str(tmp_path / "day.jsonl")]))
    rows = list(read_inputs([str(tmp_path / "day.parquet")]))
    for good, bad in (lines, rows):
        assert _stray(good.article) == clean and good.notes and "removed 3 control characters" in good.notes[0]
        assert bad.article is None and "text: looks like binary data" in (bad.skipped or "")
    (binary,) = collect([str(tmp_path / "bin.txt")])
    assert "looks like binary data" in (binary.skipped or "")
    with pytest.raises(ArticleError, match="stdin: looks like binary data"):
        article_from_bytes(("\x1b" * 60 + " text").encode(), "stdin")
    # A feed: each entry's page is read through the same Article.
    monkeypatch.setitem(ROUTES, "/stray.txt", (200, "text/plain; charset=utf-8", STRAY.replace("\x00", "").encode()))
    monkeypatch.setitem(ROUTES, "/mostly.txt", (200, "text/plain; charset=utf-8", ("\x1b" * 60 + " text").encode()))
    with page_server() as base:
        feed = tmp_path / "feed.xml"
        entries = "".join(f"<item><title>S</title><link>{base}/{n}.txt</link></item>" for n in ("stray", "mostly"))
        feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{entries}</channel></rss>')
        good, bad = collect([str(feed)])
    assert _stray(good.article) == clean and good.notes
    assert bad.article is None and "looks like binary data" in (bad.skipped or "")
