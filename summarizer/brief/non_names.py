"""Who and where items that are no named actor or place, read from how the article uses the word. English.

- **a common noun opening a sentence**: "Barriers can only hold so much." capitalises "Barriers" only because the
  sentence opens there: one word capitalised at every use only where a sentence opens, and written in lower case
  elsewhere in the article (itself or its singular);
- **a family in the plural**: "the Okafors" beside the listed "Ada Okafor" is the family, already listed person by
  person; and a first name alone that opens a listed person's full name ("Ada" of "Ada and Ben Okafor") is that
  person;
- **a place only as a modifier**: "pro-Lisbon candidates", "a Baltic port town": a place name every use of which
  is the second part of a "pro-"/"anti-" word or qualifies the noun after it names no place of the story;
- **a law's abbreviation**: "the Clean Harbours Act (CHA)": letters the article gives for a law name a law, not an
  actor or a place (brief/things.py reads laws);
- **a title with no person**: "Dr Ada Okafor, Chair In Marine Ecology at ...": a capitalised title phrase set
  after a person's name and a comma describes that person;
- **a genus**: "Velociraptor mongoliensis": a capitalised word followed at some use by a lower-case Latin species
  epithet is the name of a kind of animal or plant;
- **a demonym**: "Lithuanian" in "Lithuanian rival X" (a country's demonym, from ``countryinfo``) qualifies a name
  and is none.
"""

from __future__ import annotations

import re

from summarizer.brief.items import GroundedDraft
from summarizer.nlp.entities import entities
from summarizer.nlp.pipeline import has_pipeline, parse
from summarizer.rules.kinds import PERSON_TITLES, ROLE_WORDS
from summarizer.rules.places import is_demonym
from summarizer.rules.text import whole_word_spans
from summarizer.schema import Actor, Place

_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)\]]*\s+|\n\s*)['\"‘“(\[]*$|\s[\"“‘]$")
"""Where a sentence opens: after its stop, at a paragraph's start, or where a quotation opens ('said "Barriers')."""
_STANCE_PREFIX = re.compile(r"(?i)(?:pro|anti)-$")
"""The prefixes that make a stance of a place name ("pro-Lisbon", "anti-Madrid")."""
_LAW_WORDS = frozenset({"act", "law", "code", "treaty", "convention", "directive", "regulation", "bill", "statute"})
"""The last word of a law's English name ("Clean Harbours Act")."""
_EPITHET = re.compile(r"[a-z]+(?:i|ae|ensis|orum|arum|oides)")
"""Latin species epithets end so ("mongoliensis", "smithi", "janae"); few English words after a capitalised word do."""
_TITLE_WORDS = frozenset(PERSON_TITLES | ROLE_WORDS)


def _uses(name: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?!\w)", text)]


def common_noun_opening(name: str, text: str) -> bool:
    """One word capitalised only where a sentence opens, and written in lower case elsewhere (or its singular)."""
    if not re.fullmatch(r"[A-Z][a-z]+", name):
        return False
    uses = whole_word_spans(name, text)
    if not uses or not all(_SENTENCE_OPENING.search(text[max(0, s - 12) : s]) for s, _ in uses):
        return False
    lower = name.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")} - {""}
    return any(whole_word_spans(form, text) for form in forms)


def _full_name(actor: Actor, text: str) -> Actor:
    """ "Ada" in "Ada and Ben Okafor" is Ada Okafor: the full name where the article writes it, else the actor as is."""
    name = actor.mention.text
    if actor.kind != "person" or not re.fullmatch(r"[A-Z][a-z]+", name):
        return actor
    for match in re.finditer(rf"(?<!\w){name} and [A-Z][a-z]+ ([A-Z][a-z]+)(?!\w)", text):
        full = re.search(rf"(?<!\w){name} {match.group(1)}(?!\w)", text)
        if full:
            mention = actor.mention.model_copy(update={"start": full.start(), "end": full.end(), "text": full.group()})
            ruled = list(dict.fromkeys([*actor.ruled, "mention"]))
            return actor.model_copy(update={"name": full.group(), "mention": mention, "ruled": ruled})
    return actor


def _family(actor: Actor, who: list[Actor]) -> bool:
    """ "Okafors" beside a listed "... Okafor"; "Ada" alone beside a listed "Ada Okafor"."""
    name = actor.mention.text
    if " " in name:
        return False
    others = [o.name.split() for o in who if o is not actor and o.kind == "person" and len(o.name.split()) > 1]
    plural = name.endswith("s") and any(words[-1] == name[:-1] for words in others)  # read as a body or a person
    return plural or (actor.kind == "person" and any(words[0] == name for words in others))


def modifier_place(name: str, text: str, language: str) -> bool:
    """Every use is the second part of "pro-X"/"anti-X", or an adjective ("a Baltic port town"). A name before a noun
    ("Lisbon police") is left: news names the place of the story so."""
    if language != "en" or not has_pipeline(language):
        return False
    uses = whole_word_spans(name, text)
    if not uses:
        return False
    doc = None
    for start, end in uses:
        if _STANCE_PREFIX.search(text[max(0, start - 5) : start]):
            continue
        doc = doc or parse(text, language)
        span = doc.char_span(start, end)
        if span is None or len(span) != 1 or span[0].pos_ != "ADJ":
            return False
    return True


def law_abbreviation(name: str, text: str) -> bool:
    """Letters the article gives in brackets after a law's name: "the Clean Harbours Act (CHA)"."""
    if not re.fullmatch(r"[A-Z]{2,}", name):
        return False
    before = re.finditer(rf"(\w+)\s*\({re.escape(name)}\)", text)
    return any(match.group(1).lower() in _LAW_WORDS for match in before)


def _appositive_title(actor: Actor, text: str, language: str) -> bool:
    """A title phrase after a person's name and a comma at every use: "Dr Ada Okafor, Chair In Marine Ecology"."""
    words = actor.mention.text.split()
    if language != "en" or len(words) < 2 or words[0].lower() not in _TITLE_WORDS:
        return False
    uses = _uses(actor.mention.text, text)
    people = [e for e in entities(text, language) if e.label in ("PERSON", "PER")]
    return bool(uses) and all(
        any(text[p.end : s].strip() == "," for p in people if p.end <= s and s - p.end <= 3) for s, _ in uses
    )


def _body_in_title(actor: Actor, text: str, language: str) -> Actor | None:
    """The organization a title phrase names ("Chief Operating Officer of Harbour Air"), as an actor of its own."""
    start, end = actor.mention.start, actor.mention.end
    bodies = [
        e
        for e in entities(text, language)
        if e.label == "ORG"
        and start < e.start
        and e.end == end
        and re.search(r"\bof (?:the )?$", text[start : e.start])
    ]  # the title ends "of <the body>"; a piece the recognizer reads inside the title itself is no body
    if not bodies:
        return None
    body = bodies[-1]
    name = text[body.start : body.end].removeprefix("the ").removeprefix("The ")
    first = body.end - len(name)
    ruled = list(dict.fromkeys([*actor.ruled, "mention", "kind"]))
    mention = actor.mention.model_copy(update={"start": first, "end": body.end, "text": name})
    return actor.model_copy(update={"name": name, "kind": "organization", "mention": mention, "ruled": ruled})


def genus(name: str, text: str) -> bool:
    """A capitalised word followed at some use by a Latin species epithet: "Velociraptor mongoliensis"."""
    if not re.fullmatch(r"[A-Z][a-z]+", name):
        return False
    return any(_EPITHET.fullmatch(m.group(1)) for m in re.finditer(rf"(?<!\w){name} ([a-z]+)\b", text))


def drop_non_names(items: GroundedDraft, text: str, language: str) -> GroundedDraft:
    """Who and where without the readings of the module docstring."""
    if language != "en":
        return items

    def not_a_name(name: str) -> bool:
        return common_noun_opening(name, text) or law_abbreviation(name, text) or genus(name, text) or is_demonym(name)

    named: list[Actor] = []
    for actor in (_full_name(a, text) for a in items.who):
        if not any(o.name == actor.name for o in named):
            named.append(actor)
    who: list[Actor] = []
    for actor in named:
        if not_a_name(actor.mention.text) or _family(actor, named):
            continue
        if _appositive_title(actor, text, language):
            body = _body_in_title(actor, text, language)  # "Chair of the Harbour Board": the board acts
            if body is None or any(o.name == body.name for o in named):
                continue
            actor = body
        who.append(actor)
    where: list[Place] = [
        p for p in items.where if not (not_a_name(p.mention.text) or modifier_place(p.mention.text, text, language))
    ]
    return items.but(who=who, where=where)
