"""Property-based tests: each generates text that contains what it checks and asserts it is found.

A name, a speaker, a doubt or a date is built from generated parts, put into
generated noise (news-like pieces, markup, odd spaces, RTL, NUL, any Unicode),
and the rule must find exactly it, at its own offsets; the renderers take any
text and show it as written. Deterministic (``derandomize=True``: the same
examples every run, so CI is never flaky) and small (a few seconds each).
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from datetime import date, timedelta
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from rich.console import Console

from summarizer.render import render_json, render_markdown, render_terminal
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.rules.attribution import CONFLICT_RATIO, find_doubts, find_source_cues, what_was_said
from summarizer.rules.text import ArticleIndex, NormalizedText, find_name, normalize, split_sentences
from summarizer.rules.times import AHEAD_DAYS, find_times, resolve
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
NOISE = ANY_TEXT.filter(lambda t: "`" not in t)
"""Text around what a test puts in; no backquote, since a name between two of them is inline code, never a name."""

# Made-up names: capitalised words of syllables that spell no English word the rules skip on purpose
# (titles, pronouns, months, "And", "After").
_SYLLABLES = st.sampled_from(["ka", "lo", "vin", "dre", "mu", "tes", "ori", "zan", "bel", "quo", "ny", "rak"])
NAME_WORD = st.lists(_SYLLABLES, min_size=2, max_size=3).map("".join).filter(lambda w: len(w) >= 4).map(str.title)
NAME = st.lists(NAME_WORD, min_size=1, max_size=3, unique=True).map(" ".join)
PERSON = st.lists(NAME_WORD, min_size=2, max_size=3, unique=True).map(" ".join)
CLAUSE = st.lists(st.from_regex(r"[a-z]{3,9}", fullmatch=True), min_size=2, max_size=8).map(" ".join)
"""What was said: lower-case words, so the only capitalised phrase in its sentence is the speaker."""
_ACCENTED = str.maketrans("aeiou", "\u00e1\u00e9\u00ef\u00f6\u00fc")
NAME_SPACES = st.sampled_from([" ", "\u00a0", "  ", "\u00a0\n", "\t"])


def _inserted(left: str, middle: str, right: str) -> tuple[str, int, int]:
    """``middle`` on a line of its own between two noises, with its offsets."""
    text = f"{left}\n{middle}\n{right}"
    return text, len(left) + 1, len(left) + 1 + len(middle)


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


_LAST_WORD = st.from_regex(r"[a-z]{5,9}", fullmatch=True)
"""A sentence's last word: five letters or more, so it is no abbreviation ("etc.", "Sept.") that ends nothing."""
SENTENCE = st.builds(
    lambda first, words, title, last, stop: " ".join([first, *words, *title, last]) + stop,
    st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
    st.lists(st.from_regex(r"[a-z]{1,9}", fullmatch=True), max_size=6),
    st.lists(st.tuples(st.sampled_from(["Dr.", "Mr.", "Gen.", "Sen.", "St."]), NAME_WORD).map(" ".join), max_size=1),
    _LAST_WORD,
    st.sampled_from([".", "!", "?", '."', ".\u201d", ".)"]),
)


@FAST
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.lists(st.sampled_from([" ", "  ", "\n", " \n\n", "\u00a0 "])))
def test_written_sentences_come_back_one_by_one(sentences: list[str], gaps: list[str]) -> None:
    """Sentences joined by spaces or line breaks split back into exactly themselves; "Dr. Kalo" splits nothing."""
    text = sentences[0]
    for number, sentence in enumerate(sentences[1:]):
        text += (gaps[number] if number < len(gaps) else " ") + sentence
    split = split_sentences(text)
    assert [s.text for s in split] == sentences
    assert all(text[s.start : s.end] == s.text for s in split)


def test_a_closing_quote_stays_with_its_sentence() -> None:
    """Found by the property above with '."' as a stop (issue 22 kept it; evidence then missed the closing mark)."""
    assert [s.text for s in split_sentences('He said "go." Then he left.')] == ['He said "go."', "Then he left."]


@FAST
@given(NOISE, NOISE, NAME, NAME_SPACES, st.booleans())
def test_a_name_in_noise_is_found_at_its_offsets(left: str, right: str, name: str, space: str, accented: bool) -> None:
    """The name as the article writes it (any spacing, accents or not) is found exactly where it stands."""
    written = name.replace(" ", space)
    written = written.translate(_ACCENTED) if accented else written
    text, start, end = _inserted(left, written, right)
    assume(normalize(name) not in normalize(left + " " + right))
    found = find_name(NormalizedText(text), name)
    assert found is not None, (text, name)
    assert (found.start, found.end, found.text, found.exact) == (start, end, written, True)


@FAST
@given(NOISE, NOISE, NAME, st.sampled_from(["Dr.", "Gen.", "President", "the", "Prime Minister"]))
def test_a_title_the_article_does_not_write_is_forgiven(left: str, right: str, name: str, title: str) -> None:
    """A model may add a title ("Dr. Kalo"); the article's "Kalo" is found, marked inexact."""
    text, start, end = _inserted(left, name, right)
    query = f"{title} {name}"
    assume(normalize(name) not in normalize(left + " " + right) and normalize(query) not in normalize(text))
    found = find_name(NormalizedText(text), query)
    assert found is not None, (text, query)
    assert (found.start, found.end, found.text, found.exact) == (start, end, name, False)


@FAST
@given(NOISE, NOISE, NAME, NAME_WORD, st.sampled_from(["{name} {extra}", "{extra} {name}", "{name} of {extra}"]))
def test_a_longer_name_is_found_by_the_words_the_article_writes(
    left: str, right: str, name: str, extra: str, form: str
) -> None:
    """A model may write more than the article ("Kalo Mutes Zanbel" for "Kalo Mutes"): the longest run of the
    name's words that the article writes is found, marked inexact."""
    text, start, end = _inserted(left, name, right)
    query = form.format(name=name, extra=extra)
    assume(normalize(extra) not in normalize(text) and normalize(name) not in normalize(left + " " + right))
    found = find_name(NormalizedText(text), query)
    assert found is not None, (text, query)
    assert (found.start, found.end, found.text, found.exact) == (start, end, name, False)


_SAID = st.sampled_from(["said", "told reporters", "confirmed", "denied", "warned", "added"])
_SPEAKER_FORMS = st.sampled_from(
    [
        "{speaker} {verb} {clause}.",
        "{Clause}, {speaker} {verb}.",
        "{Clause}, according to {speaker}.",
        "\u201c{Clause},\u201d said {speaker}.",
        '"{Clause}," said {speaker}.',
    ]
)


@FAST
@given(NOISE, NOISE, PERSON, CLAUSE, _SAID, _SPEAKER_FORMS)
def test_a_speaker_is_found_with_its_span_and_what_they_said(
    left: str, right: str, speaker: str, clause: str, verb: str, form: str
) -> None:
    sentence = form.format(speaker=speaker, verb=verb, clause=clause, Clause=clause.capitalize())
    text, start, end = _inserted(left, sentence, right)
    speaker_start = start + sentence.index(speaker)
    assume(normalize(speaker) not in normalize(left + " " + right))
    index = ArticleIndex(text)
    cues = find_source_cues(index)
    ours = [c for c in cues if (c.start, c.end) == (speaker_start, speaker_start + len(speaker))]
    assert len(ours) == 1, (sentence, [text[c.start : c.end] for c in cues])
    assert not ours[0].anonymous
    assert (ours[0].sentence.start, ours[0].sentence.end) == (start, end)
    quoted = form.startswith(("\u201c", '"'))
    assert what_was_said(ours[0]) == (clause.capitalize() if quoted else sentence)
    for cue in cues:  # every other cue, in the noise too, is a trimmed slice of its sentence
        assert cue.sentence.start <= cue.start < cue.end <= cue.sentence.end
        assert text[cue.start : cue.end].strip() == text[cue.start : cue.end]


_GENERIC_SPEAKER = st.tuples(
    st.sampled_from(["two", "several", "local", "senior", "the"]),
    st.sampled_from(["officials", "witnesses", "residents", "analysts", "police", "diplomats"]),
).map(" ".join)


@FAST
@given(NOISE, _GENERIC_SPEAKER, CLAUSE, st.booleans())
def test_an_unnamed_speaker_is_found_as_anonymous(noise: str, speaker: str, clause: str, first: bool) -> None:
    """ "Two officials said ..." and "..., the police said": a speaker all in lower case is found, as anonymous."""
    sentence = f"{speaker.capitalize()} said {clause}." if first else f"{clause.capitalize()}, {speaker} said."
    text, start, _ = _inserted(noise, sentence, "")
    start += sentence.casefold().index(speaker)
    cues = [c for c in find_source_cues(ArticleIndex(text)) if (c.start, c.end) == (start, start + len(speaker))]
    assert len(cues) == 1 and cues[0].anonymous, text


@FAST
@given(NOISE, PERSON, CLAUSE, st.sampled_from(["allegedly", "purportedly", "was accused of", "is suspected of"]))
def test_an_allegation_is_a_doubt_citing_its_sentence(noise: str, name: str, clause: str, alleging: str) -> None:
    sentence = f"{name} {alleging} {clause}."
    text = f"{sentence}\n{noise}"
    allegations = [d for d in find_doubts(ArticleIndex(text)) if d.kind == "allegation"]
    assert len(allegations) == 1
    assert allegations[0].note == f"described as {alleging.split()[-2 if ' ' in alleging else -1]}"
    assert allegations[0].sentences[0].text == sentence


_UNSAID = st.sampled_from(
    ["declined to comment", "did not say", "could not be reached", "could not be independently verified"]
)


@FAST
@given(NOISE, NOISE, PERSON, _UNSAID)
def test_what_is_not_known_is_a_doubt_citing_its_sentence(left: str, right: str, name: str, unsaid: str) -> None:
    sentence = f"{name} {unsaid}."
    text, start, end = _inserted(left, sentence, right)
    missing = [d for d in find_doubts(ArticleIndex(text)) if d.kind == "missing_information"]
    assert any(d.note == unsaid and (d.sentences[0].start, d.sentences[0].end) == (start, end) for d in missing)


@FAST
@given(
    NOISE,
    st.integers(1, 10_000),
    st.floats(1.01, 20),
    st.sampled_from(["At least", "About", "Nearly", "More than"]),
    st.sampled_from(["as many as", "as high as", "up to", "around"]),
)
def test_two_hedged_counts_of_one_thing_conflict_only_when_close(
    noise: str, low: int, ratio: float, first: str, second: str
) -> None:
    """ "At least 12 people were killed" then "as many as 30 people were killed": one count told two ways when
    within CONFLICT_RATIO of each other; further apart they count different things."""
    high = int(low * ratio)
    assume(low < high)
    one, two = f"{first} {low} people were killed.", f"Officials said {second} {high} people were killed."
    text = f"{one}\n{two}\n{noise}"
    conflicts = [d for d in find_doubts(ArticleIndex(text)) if d.kind == "conflicting_claims"]
    event("close: one conflict" if high <= CONFLICT_RATIO * low else "far apart: none")
    if high <= CONFLICT_RATIO * low:
        assert conflicts and conflicts[0].note == f'"{first} {low}" vs "{second} {high}"', text
        assert [s.text for s in conflicts[0].sentences] == [one, two]
    else:
        assert not any(s.text in (one, two) for d in conflicts for s in d.sentences), text


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_SHORT = {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
DATE_FORMATS = st.sampled_from(
    [
        lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
        lambda d: f"{_MONTHS[d.month - 1]} {d.day}{_ORDINAL.get(d.day, 'th')}, {d.year}",
        lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
        lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}",
        lambda d: f"{_SHORT.get(d.month, _MONTHS[d.month - 1])} {d.day}, {d.year}",
        lambda d: d.isoformat(),
        lambda d: f"{d.month}/{d.day}/{d.year}",
    ]
)


@FAST
@given(NOISE, NOISE, DAYS, DATE_FORMATS, st.one_of(st.none(), DAYS))
def test_a_written_date_is_found_and_resolved(
    left: str, right: str, day: date, form: Callable[[date], str], published: date | None
) -> None:
    expression = form(day)
    text, start, _ = _inserted(left, f"The record of {expression} was read.", right)
    start += len("The record of ")
    assert (start, start + len(expression)) in find_times(text), (expression, find_times(text))
    assert resolve(text[start : start + len(expression)], published) == (day, "day")


@FAST
@given(NOISE, DAYS, st.sampled_from(_WEEKDAYS), st.sampled_from(["on ", "early ", "late ", ""]))
def test_a_weekday_is_the_last_one_on_or_before_the_published_day(
    noise: str, published: date, weekday: str, before: str
) -> None:
    expression = f"{before}{weekday}"
    text, start, _ = _inserted(noise, f"The vote came {expression}.", "")
    start += len("The vote came ")
    assert (start, start + len(expression)) in find_times(text)
    resolved, precision = resolve(expression, published)
    assert resolved is not None and precision == "day"
    assert _WEEKDAYS[resolved.weekday()] == weekday and 0 <= (published - resolved).days < 7


@FAST
@given(DAYS, st.sampled_from([("yesterday", -1), ("today", 0), ("tomorrow", 1), ("last night", -1)]))
def test_yesterday_today_tomorrow_count_from_the_published_day(published: date, word: tuple[str, int]) -> None:
    text = f"It happened {word[0]}."
    assert (12, 12 + len(word[0])) in find_times(text)
    assert resolve(word[0], published) == (published + timedelta(days=word[1]), "day")


@FAST
@given(DAYS.filter(lambda d: (d.month, d.day) != (2, 29)), DAYS, st.booleans())
def test_a_day_without_a_year_is_the_latest_one_at_most_ahead_days_ahead(
    day: date, published: date, short: bool
) -> None:
    """ "On October 25" is the coming one when it is at most AHEAD_DAYS away, else the one gone by."""
    month = _SHORT.get(day.month, _MONTHS[day.month - 1]) if short else _MONTHS[day.month - 1]
    expression = f"{month} {day.day}"
    assert (0, len(expression)) in find_times(f"{expression} was the day.")
    resolved, precision = resolve(expression, published)
    assert resolved is not None and precision == "day"
    assert (resolved.month, resolved.day) == (day.month, day.day)
    horizon = published + timedelta(days=AHEAD_DAYS)
    assert resolved <= horizon < resolved.replace(year=resolved.year + 1)


@FAST
@given(ANY_TEXT, st.one_of(st.none(), DAYS))
def test_time_expressions_in_any_text_are_slices_that_resolve(text: str, published: date | None) -> None:
    """Whatever is found in any text is a slice of it, and resolves without error to a known precision."""
    for start, end in find_times(text):
        assert 0 <= start < end <= len(text)
        resolved, precision = resolve(text[start:end], published)
        assert (resolved is None) == (precision is None)
        assert precision in (None, "day", "week", "month", "quarter", "year")


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
