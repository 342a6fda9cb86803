"""Who items that are a piece of a name, a bare title, or a function word: set right or dropped.

Several readings give an actor that is not one, from the rules and the model alike:

- **a piece of a longer name**: "Treasury" where the article writes it only in "Secretary of the Treasury" or
  "Treasury Board" is no body of its own. Where the recognizer reads the longer name as a person or an
  organization ("Chief Inspector Mara Lind" read as "Mara Lind"), that name is the item; otherwise it is dropped.
  Read from capitals, so in every language that capitalises names only (not German, whose nouns all are);
- **a title with no name**: "Detective Sergeant" followed at every use by a person's name stands for that person
  (the item becomes the person, or goes when the person is listed already); one of title words alone ("Deputy
  Governor") names nobody. English titles;
- **a person behind a title**: "Westmoor Governor Ada Brandt", "Lakeline University historian Tom Okafor": where the
  recognizer reads a person at the end of the item and the words before say who the person is (a title, a role in
  lower case, a place or nationality), the item is that person. The place or body is not lost: it is read on its own;
- **a function word**: "Nuestras" opening a quoted Spanish sentence is read as a name only because it starts a
  sentence: a word of any covered language's stop list that is capitalised only where a sentence opens, or a run of
  such words ("Si la" opening a quoted clause);
- **a quantity word**: "Thousands marched" is read as a name for the same reason: an English number word (spaCy's
  list), singular or plural, capitalised only where a sentence opens;
- **an adjective**: "the Andean farmers": one word the parser reads as an adjective at every use
  qualifies a noun and names nobody. Where the language has a parser;
- **something owned**: "their Spring Recess", "his Lifetime Award": a name every use of which follows a possessive
  determiner is a thing somebody has, not an actor. English.
"""

from __future__ import annotations

import ast
import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from runpy import run_path

from summarizer.brief.items import GroundedDraft
from summarizer.brief.non_names import drop_non_names
from summarizer.distribution import install_line
from summarizer.nlp.entities import Entity, entities
from summarizer.nlp.pipeline import has_pipeline, parse
from summarizer.rules.kinds import PERSON_TITLES, ROLE_WORDS
from summarizer.rules.text import normalize, whole_word_spans
from summarizer.schema import Actor, ActorKind, Span

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_JOINERS = frozenset({"of", "for", "the", "de", "del", "la", "des", "du", "di", "da"})
"""Lower-case words inside a name between capitalised ones ("Secretary of State", "Banco de la Nación"). Not "and":
"Hale and Ortiz" are two."""
_RANKS = frozenset({"deputy", "vice", "assistant", "acting", "senior", "chief", "detective", "inspector",
                    "superintendent", "constable", "officer", "head", "interim", "majority", "minority", "leader",
                    "whip", "opposition", "shadow", "lady"})  # fmt: skip
"""Words that make a rank of a title ("Deputy Governor", "Detective Inspector", "Senate Minority Whip", "First
Lady"), as English writes them."""
_TITLE_WORDS = frozenset(PERSON_TITLES | ROLE_WORDS | _RANKS)
_STOP_LANGUAGES = ("en", "es", "fr", "it", "pt", "de")
"""The languages whose function words are read: the covered ones, and their neighbours quoted in them."""
_ACTOR_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "PER": "person"}
_PEOPLE = ("PERSON", "PER")
_PLACES_AND_PEOPLES = frozenset({"GPE", "LOC", "NORP"})
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
"""English possessive determiners: a name after one is something owned ("their Spring Recess")."""
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)\]]*\s+|\n\s*)['\"‘“(\[¡¿\u200b-\u200d\u2060\ufeff]*$")
"""Where a sentence opens: after its stop and spaces, quote marks, brackets and invisible joiners (web text keeps
zero-width characters in front of a quote in another language)."""


@cache
def _function_words() -> frozenset[str]:
    """Every covered language's stop words (spaCy's lists), loaded on first use. Each list is read from its own file:
    importing ``spacy.lang.fr.stop_words`` would first import the French language package and its tokenizer
    exceptions (about 3 s on this machine, for an English article as much as a French one)."""
    spacy = find_spec("spacy")
    if spacy is None or spacy.origin is None:
        raise ImportError(f"spaCy is not installed: reinstall the package ({install_line()})")
    lang = Path(spacy.origin).parent / "lang"
    words: set[str] = set()
    for language in _STOP_LANGUAGES:
        words |= run_path(str(lang / language / "stop_words.py"))["STOP_WORDS"]
    return frozenset(words)


@cache
def _number_words() -> frozenset[str]:
    """spaCy's English number words ("million", "thousand"), read from its file for the reason above: importing
    ``spacy.lang.en.lex_attrs`` would first import the English language package."""
    spacy = find_spec("spacy")
    if spacy is None or spacy.origin is None:
        raise ImportError(f"spaCy is not installed: reinstall the package ({install_line()})")
    source = (Path(spacy.origin).parent / "lang" / "en" / "lex_attrs.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_num_words" for t in node.targets):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


def _key(name: str) -> str:
    return normalize(name).removeprefix("the ")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _function_words()


@lru_cache(maxsize=4)  # a few texts: one article's who items ask of the same text
def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _name_run(text: str, start: int, end: int, people: list[Entity]) -> tuple[int, int]:
    """The capitalised name around [start, end): its words, and lower-case joiners between capitalised words, but
    not a joiner after a person's name ("Ada Brandt of Lakeline University": two names)."""
    words = _words(text)
    inside = [i for i, w in enumerate(words) if w.start() >= start and w.end() <= end]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]

    def joined(a: int, b: int) -> bool:  # nothing but spaces between two words on one line
        gap = text[words[a].end() : words[b].start()]
        return not gap.strip() and "\n" not in gap

    while True:
        i = first - 1
        while i >= 0 and words[i].group() in _JOINERS:
            i -= 1
        crossed = i < first - 1
        if (
            i >= 0
            and all(joined(k, k + 1) for k in range(i, first))
            and _capitalised(words[i].group())
            and not (crossed and _in_person(words[i], people))
        ):
            first = i
            continue
        break
    while True:
        i = last + 1
        while i < len(words) and words[i].group() in _JOINERS:
            i += 1
        crossed = i > last + 1
        if (
            i < len(words)
            and all(joined(k, k + 1) for k in range(last, i))
            and _capitalised(words[i].group())
            and not (crossed and _in_person(words[last], people))
        ):
            last = i
            continue
        break
    return min(start, words[first].start()), max(end, words[last].end())


def _in_person(word: re.Match[str], people: list[Entity]) -> bool:
    return any(p.start <= word.start() < p.end for p in people)


def _standalone(use: tuple[int, int], run: tuple[int, int], text: str) -> bool:
    """The name stands alone at this use: nothing around it, or only titles before it ("Governor Ada Brandt")."""
    before = text[run[0] : use[0]].split()
    return run[1] == use[1] and all(word.lower().strip(".") in _TITLE_WORDS for word in before)


def _as_actor(actor: Actor, entity: Entity, text: str) -> Actor:
    start = entity.start + (4 if text[entity.start : entity.start + 4].lower() == "the " else 0)
    name = text[start : entity.end]
    kind = _ACTOR_KINDS.get(entity.label, actor.kind)
    ruled = list(dict.fromkeys([*actor.ruled, "mention", *(["kind"] if kind != actor.kind else [])]))
    return actor.model_copy(
        update={"name": name, "kind": kind, "mention": Span(start=start, end=entity.end, text=name), "ruled": ruled}
    )


def _actor_entities(text: str, language: str) -> list[Entity]:
    return [e for e in entities(text, language) if e.label in _ACTOR_KINDS]


def _people(text: str, language: str) -> list[Entity]:
    return [e for e in _actor_entities(text, language) if e.label in _PEOPLE]


def _longer_name(actor: Actor, text: str, language: str) -> Actor | bool | None:
    """For a piece of a longer name: the recognized person or body it belongs to, or None (drop it). False when the
    name stands on its own somewhere in the article."""
    name = actor.mention.text
    if not _WORD.fullmatch(name):
        return False  # one word only: a longer name's last words are often a person's the recognizer missed
    if name.isupper():
        return False  # "KBC" in "KBC Radio": a body's short name, written as a name, whatever follows it
    uses = whole_word_spans(name, text)
    recognized = _actor_entities(text, language)
    people = _people(text, language)
    runs = [_name_run(text, s, e, people) for s, e in uses]
    if not uses or any(_standalone(use, run, text) for run, use in zip(runs, uses, strict=True)):
        return False
    if any(e.start <= s and end <= e.end for e in people for s, end in uses):
        return False  # "Ortiz of the Harbour Board": a person read there, not a piece of the board's name
    for start, end in runs:
        around = [e for e in recognized if e.start < end and start < e.end]
        longer = [e for e in around if e.end - e.start > len(name) and any(e.start <= s < e.end for s, _ in uses)]
        if longer:
            return _as_actor(actor, longer[0], text)
    return None


def _title_only(actor: Actor, text: str, language: str) -> Actor | bool | None:
    """For a title with no name: the person every use of it is followed by, or None (drop it). False otherwise."""
    words = normalize(actor.name).removeprefix("the ").split()
    if language != "en" or not words or not actor.name[:1].isupper():
        return False
    people = _people(text, language)
    followed: list[Entity] = []
    for _, end in whole_word_spans(actor.mention.text, text):
        person = next((p for p in people if p.start > end and not text[end : p.start].strip()), None)
        if person is None:
            break
        followed.append(person)
    else:
        if followed:
            return _as_actor(actor, followed[0], text)
    # One title word alone ("Officials", "President") is left to the other rules: it may be a described actor.
    return None if len(words) > 1 and all(word in _TITLE_WORDS for word in words) else False


def _person_inside(actor: Actor, text: str, language: str) -> Actor | None:
    """The person a who item ends with, when more words stand before the person's name: a place, a body or a title
    ("Connecticut Governor Ada Brandt", "Harbour Board chair Ola Berg", "Honorable Ada Brandt"). The item is that
    person: the words before say who the person is, not a name of their own (a body named there is listed by its own
    reading). Not a pair ("Ada and Ola Berg"): the last name is not the only one there."""
    start, end = actor.mention.start, actor.mention.end
    if re.search(r",|&|\band\b|\by\b|\bet\b|\bund\b", text[start:end]):
        return None
    people = _people(text, language)
    inside = [p for p in people if start < p.start and p.end == end and len(text[p.start : p.end].split()) > 1]
    if not inside or not _says_who(text, start, inside[0].start, language):
        return None
    return _as_actor(actor, inside[0], text)


def _says_who(text: str, start: int, end: int, language: str) -> bool:
    """The words in [start, end) say who someone is: a title or role word ("Governor", "chair", "Dr.", a shared role
    such as "Co-developer"), a word in lower case ("regional", "political scientist"), or a recognized place or
    nationality ("Vermont Ada Brandt").
    Not a body's name alone: "HDT" in "HDT Védelmi Ipari Kft" is the company's first word, where the recognizer read
    the rest as a person."""
    words = _WORD.findall(text[start:end])
    if any(word.lower() in _TITLE_WORDS or word.lower().startswith("co-") or not word[:1].isupper() for word in words):
        return True
    return any(e.label in _PLACES_AND_PEOPLES and start <= e.start and e.end <= end for e in entities(text, language))


def _function_word(actor: Actor, text: str) -> bool:
    """Stop words of some language, the first capitalised only where a sentence opens ("Nuestras acciones ...",
    "Si el ...")."""
    name = actor.mention.text
    if not all(word.lower() in _function_words() for word in name.split()):
        return False
    return _opens_sentences(name, text)


def _quantity_word(actor: Actor, text: str) -> bool:
    """An English number word, singular or plural, capitalised only where a sentence opens ("Thousands marched")."""
    name = actor.mention.text
    if " " in name:
        return False
    word = name.lower()
    if word not in _number_words() and not (word.endswith("s") and word[:-1] in _number_words()):
        return False
    return _opens_sentences(name, text)


def _opens_sentences(name: str, text: str) -> bool:
    uses = whole_word_spans(name, text)
    return bool(uses) and all(_SENTENCE_OPENING.search(text[max(0, s - 12) : s]) for s, _ in uses)


def _owned(actor: Actor, text: str, language: str) -> bool:
    """Every use of the name follows a possessive determiner ("after their Spring Recess"): a thing, not an actor."""
    if language != "en":
        return False
    uses = whole_word_spans(actor.mention.text, text)
    before = [_WORD.findall(text[max(0, s - 8) : s]) for s, _ in uses]  # 8: room for "their " and a quote mark
    return bool(uses) and all(words and words[-1].lower() in _POSSESSIVES for words in before)


def _adjective(actor: Actor, text: str, language: str) -> bool:
    """One word the parser reads as an adjective at every use ("the Andean farmers"): it qualifies, it names nobody."""
    name = actor.mention.text
    if not _WORD.fullmatch(name) or not has_pipeline(language):
        return False
    uses = whole_word_spans(name, text)
    if not uses:
        return False
    doc = parse(text, language)
    for start, end in uses:
        span = doc.char_span(start, end)
        if span is None or len(span) != 1 or span[0].pos_ != "ADJ":
            return False
    return True


def set_right_fragments(items: GroundedDraft, text: str, language: str) -> GroundedDraft:
    """Who without pieces of names, bare titles and function words (module docstring); the name a piece or a title
    stands for takes its place unless who lists it already."""
    who: list[Actor] = []
    for actor in items.who:
        if actor.kind != "country":  # countries acting are read by their own rules
            if _function_word(actor, text) or _quantity_word(actor, text) or _owned(actor, text, language):
                continue
            if _adjective(actor, text, language):
                continue
            found = _title_only(actor, text, language)
            if found is False:
                found = _person_inside(actor, text, language) or False
            if found is False and language != "de":
                found = _longer_name(actor, text, language)
            if found is None:
                continue
            if isinstance(found, Actor):
                if any(_key(o.name) == _key(found.name) or _overlaps(o, found) for o in items.who if o is not actor):
                    continue  # the name it stands for is listed already
                actor = found
        if not any(_key(o.name) == _key(actor.name) for o in who):
            who.append(actor)
    return drop_non_names(items.but(who=who), text, language)  # and the readings of brief/non_names.py


def _overlaps(a: Actor, b: Actor) -> bool:
    return a.mention.start < b.mention.end and b.mention.start < a.mention.end
