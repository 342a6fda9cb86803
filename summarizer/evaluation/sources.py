"""Who said what: a brief's ``sources`` against PolNeAR attributions.

Each gold attribution's source is one of:

- *pronoun*: every word a pronoun ("he", "I", "who", "it");
- *other*: not a person or organization but a document or medium ("the
  report", "Video", "a new poll", "A 2014 study that appeared in ..."; the
  last word before an apposition or relative clause is in ``NOT_AGENTS``);
  not counted;
- *named*: a word in it is capitalised where the article also writes it that
  way mid-sentence, or in capitals ("Trump", "the IMF", "WALLACE"; a
  sentence-initial "Demonstrators" is not a name because the article writes
  "demonstrators" elsewhere, or not at all mid-sentence);
- *described*: anything else ("a source", "U.S. officials", "the mayor").

A brief source **matches** a gold attribution when its ``mention`` (or one of
its ``mentions``) overlaps the gold source span; or, for a named gold source
whose last word is a name, when the brief source is named and its name is the
same name (``same_name``: titles and first names forgiven; "Trump" is
"Republican nominee Donald Trump" but not "the Trump campaign"); or, for any
other named or described one, when it is written the same (case and a leading
article forgiven). PolNeAR has no coreference, so a *pronoun* attribution is
**resolved** when a named brief source matches its span, or has evidence
overlapping its cue or content and a name the article writes before the
pronoun (an antecedent it can refer to).

Metrics (micro-averaged over the set):

- ``sources_recall``: named and described attributions matched by some brief source;
- ``pronoun_sources``: pronoun attributions resolved (reported apart: not in recall);
- ``sources_precision``: brief sources that match some attribution (any kind)
  and are not a duplicate, i.e. neither the same name as an earlier brief
  source nor matching only attributions an earlier one already matched;
- ``sources_anonymity``: of the correct brief sources, those whose ``anonymous``
  flag is right (anonymous exactly when none of its attributions is named);
- ``sources_content``: of the correct brief sources, those whose evidence
  overlaps the content span of an attribution they match (what the brief
  shows the source saying is what the article attributes to it);
- ``sources_covered``: of the matched named/described attributions, those
  whose content a matching brief source's evidence overlaps (every quote of
  a source, not one per source: stricter, shown beside it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.evaluation.annotations import GoldAttribution, overlaps
from summarizer.rules.names import PRONOUNS, same_name, usable
from summarizer.rules.text import normalize
from summarizer.schema import Source

RELATIVES = {"who", "whom", "whose", "which", "that", "one", "ones"}
NOT_AGENTS = {
    "report", "reports", "poll", "polls", "survey", "surveys", "study", "studies", "data", "statement",
    "memo", "email", "e-mail", "emails", "letter", "tweet", "tweets", "post", "website", "article", "book",
    "documents", "document", "records", "analysis", "ad", "ads", "video", "film", "filing", "documentary",
    "story", "research", "numbers", "figures", "footage", "transcript", "release", "message", "paper",
}  # fmt: skip
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_CLAUSE = re.compile(r"\s*[,;:]\s*|\s+(?:that|which|who|whose|whom)\s+")


@dataclass(frozen=True)
class SourceScore:
    recall: tuple[int, int]
    pronouns: tuple[int, int]
    precision: tuple[int, int]
    anonymity: tuple[int, int]
    content: tuple[int, int]
    covered: tuple[int, int]
    duplicates: int
    missed: list[str]
    wrong: list[str]


def head(source: str) -> str:
    """The source phrase before an apposition or relative clause: "Scott Pruitt, the attorney general" -> "Scott Pruitt"."""
    return _CLAUSE.split(re.sub(r"\s*\([^)]*\)", "", source.strip()), maxsplit=1)[0]


def source_class(attribution: GoldAttribution, text: str) -> str:
    """``named``, ``described``, ``pronoun`` or ``other`` by the rules in the module docstring."""
    tokens = _WORD.findall(head(attribution.text)) or _WORD.findall(attribution.text)
    folded = [t.casefold().strip(".'’") for t in tokens]
    if not folded or all(t in PRONOUNS or t in RELATIVES for t in folded):
        return "pronoun"
    if folded[-1] in NOT_AGENTS:
        return "other"
    return "named" if any(_is_name(token, text) for token in tokens) else "described"


def _is_name(token: str, text: str) -> bool:
    token = re.sub(r"['’]s$", "", token)
    if not token[:1].isupper() or token.casefold() in PRONOUNS:
        return False
    if len(token) > 1 and token.isupper():
        return True
    return re.search(rf"[\w,;] {re.escape(token)}\b", text) is not None and not re.search(
        rf"\b{re.escape(token.lower())}\b", text
    )


def _written_same(a: str, b: str) -> bool:
    def bare(s: str) -> str:
        return re.sub(r"^(the|a|an) ", "", normalize(s).strip(" ,.'’\""))

    return bare(a) == bare(b)


def _on_span(source: Source, gold: GoldAttribution) -> bool:
    """One of the source's mentions (``mention`` and, in schema 1.2, ``mentions``) overlaps the gold source."""
    spans = (source.mention, *getattr(source, "mentions", ()))
    return any(overlaps(m.start, m.end, p.start, p.end) for m in spans for p in gold.parts)


def _matches(source: Source, gold: GoldAttribution, kind: str) -> bool:
    if _on_span(source, gold):
        return True
    if kind == "named" and _name_headed(gold.text):
        return not source.anonymous and usable(source.name) and same_name(source.name, gold.text)
    if kind in ("named", "described"):
        return _written_same(source.name, gold.text)
    return False


def _name_headed(source: str) -> bool:
    """The source's last word is capitalised: a name ("Gov. Mike Pence"), not a thing named after one ("the Trump campaign")."""
    tokens = _WORD.findall(head(source))
    return bool(tokens) and tokens[-1][:1].isupper()


def _resolves(source: Source, gold: GoldAttribution, text: str) -> bool:
    """A named brief source standing for a pronoun attribution (module docstring)."""
    if source.anonymous or not usable(source.name):
        return False
    if _on_span(source, gold):
        return True
    said = (gold.cue, *gold.content)
    covers = any(overlaps(e.start, e.end, s.start, s.end) for e in source.evidence for s in said)
    last = _WORD.findall(source.name)[-1:] or [""]
    return covers and re.search(rf"\b{re.escape(last[0])}\b", text[: gold.start]) is not None


def score_sources(golds: Sequence[GoldAttribution], sources: Sequence[Source], text: str) -> SourceScore:
    """Score one brief's sources against one article's attributions (module docstring)."""
    kinds = [source_class(g, text) for g in golds]
    matched: list[set[int]] = []
    for source in sources:
        hits = {i for i, (g, k) in enumerate(zip(golds, kinds, strict=True)) if _matches(source, g, k)}
        hits |= {
            i
            for i, (g, k) in enumerate(zip(golds, kinds, strict=True))
            if k == "pronoun" and _resolves(source, g, text)
        }
        matched.append(hits)
    counted = [i for i, k in enumerate(kinds) if k in ("named", "described")]
    found = [i for i in counted if any(i in m for m in matched)]
    pronouns = [i for i, k in enumerate(kinds) if k == "pronoun"]
    resolved = [i for i in pronouns if any(i in m for m, s in zip(matched, sources, strict=True) if not s.anonymous)]
    covered = [
        i
        for i in found
        if any(
            overlaps(e.start, e.end, c.start, c.end)
            for m, s in zip(matched, sources, strict=True)
            if i in m
            for e in s.evidence
            for c in golds[i].content
        )
    ]
    correct, duplicates, anonymity, content, wrong = 0, 0, 0, 0, []
    claimed: set[int] = set()
    for number, (source, hits) in enumerate(zip(sources, matched, strict=True)):
        earlier = sources[:number]
        if not hits:
            wrong.append(source.name)
        elif hits <= claimed or any(same_name(source.name, e.name) for e in earlier if usable(source.name)):
            duplicates += 1
            wrong.append(f"{source.name} (again)")
        else:
            correct += 1
            anonymous = not any(kinds[i] == "named" for i in hits)
            anonymity += source.anonymous == anonymous
            content += any(
                overlaps(e.start, e.end, c.start, c.end)
                for e in source.evidence
                for i in hits
                for c in golds[i].content
            )
        claimed |= hits
    return SourceScore(
        recall=(len(found), len(counted)),
        pronouns=(len(resolved), len(pronouns)),
        precision=(correct, len(sources)),
        anonymity=(anonymity, correct),
        content=(content, correct),
        covered=(len(covered), len(found)),
        duplicates=duplicates,
        missed=list(dict.fromkeys(golds[i].text for i in counted if i not in found)),
        wrong=wrong,
    )
