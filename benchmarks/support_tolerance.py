"""Benchmark: the support check's tolerance on faithful and unfaithful statements (a measurement, not a test).

Corpus: tests/data/support/ (articles written for the project, CC0), per language
faithful paraphrases (headline, event, summary, terse) and unfaithful statements
that reuse the article's names (invented acts, wrong joins, wrong numbers). For a
grid of tolerances, prints per language and overall the share of faithful
statements kept and unfaithful ones rejected, for the variants measured to choose
the rule (lemmas only, or also a shared five-letter prefix; adverbs counted or not);
then asserts_event's accuracy on the labelled sentences and the time per call.

    PYTHONPATH=. .venv/bin/python benchmarks/support_tolerance.py
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.nlp import assertion, support, wording
from summarizer.nlp.entities import entities

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "support"
LANGUAGES = ("en", "fr", "es", "de")
GRID = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class Case:
    language: str
    article: str
    statement: str
    cited: tuple[str, ...]
    names: tuple[str, ...]
    faithful: bool
    style: str


def corpus(language: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((CORPUS / f"{language}.json").read_text(encoding="utf-8"))
    return data


def article_names(text: str, language: str) -> tuple[str, ...]:
    """The people and organizations the article's recognizer finds: what grounding will pass as names_in_article."""
    return tuple(text[e.start : e.end] for e in entities(text, language) if e.kind in {"person", "organization"})


def cases(language: str) -> Iterator[Case]:
    for article in corpus(language)["articles"]:  # type: ignore[attr-defined]
        sentences = article["sentences"]
        names = article_names(" ".join(sentences), language)
        for statement in article["statements"]:
            cites = statement["cites"]
            cited = tuple(sentences if cites is None else [sentences[i] for i in cites])
            yield Case(
                language, article["id"], statement["text"], cited, names, statement["faithful"], statement["style"]
            )


def verdicts(all_cases: list[Case]) -> list[tuple[Case, support.Verdict]]:
    """Each case's verdict by the rules alone (TOLERANCE 0): the grid then applies the tolerance to its coverage."""
    saved = support.TOLERANCE
    support.TOLERANCE = 0.0
    try:
        return [(c, support.check_statement(c.statement, c.cited, c.language, c.names)) for c in all_cases]
    finally:
        support.TOLERANCE = saved


def kept(verdict: support.Verdict, tolerance: float) -> bool:
    return verdict.supported and verdict.coverage >= tolerance


def grid(results: list[tuple[Case, support.Verdict]]) -> None:
    print(f"{'tolerance':>9}  " + "  ".join(f"{lang + ' kept/rej':>13}" for lang in (*LANGUAGES, "all")))
    for tolerance in GRID:
        cells = []
        for language in (*LANGUAGES, None):
            chosen = [(c, v) for c, v in results if language is None or c.language == language]
            if not chosen:
                cells.append("-")
                continue
            faithful = [kept(v, tolerance) for c, v in chosen if c.faithful]
            unfaithful = [not kept(v, tolerance) for c, v in chosen if not c.faithful]
            cells.append(f"{share(faithful):>6.0%}/{share(unfaithful):<6.0%}")
        print(f"{tolerance:>9.2f}  " + "  ".join(f"{cell:>13}" for cell in cells))


def share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def variant(name: str, prefix: int, adverbs: bool, all_cases: list[Case]) -> list[tuple[Case, support.Verdict]]:
    support.PREFIX = prefix
    wording.CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", *(["ADV"] if adverbs else [])})
    wording.forget()
    results = verdicts(all_cases)
    print(f"\n== {name} (PREFIX={prefix}, adverbs {'counted' if adverbs else 'not counted'})")
    grid(results)
    return results


def without_spanish_parse(all_cases: list[Case]) -> None:
    """Spanish as read when its optional pipeline is not installed: crude stems (summarizer/rules/text.py)."""
    parsed = wording.has_pipeline
    wording.has_pipeline = lambda language: language != "es" and parsed(language)
    wording.forget()
    try:
        variant(
            "Spanish without its pipeline: stems", support.PREFIX, False, [c for c in all_cases if c.language == "es"]
        )
    finally:
        wording.has_pipeline = parsed
        wording.forget()


def misses(results: list[tuple[Case, support.Verdict]], tolerance: float) -> None:
    print(f"\nWrong at TOLERANCE {tolerance}:")
    for case, verdict in results:
        if kept(verdict, tolerance) != case.faithful:
            label = "faithful dropped" if case.faithful else f"{case.style} kept"
            print(f"  {case.language} {label:>16} {verdict.coverage:.2f} {case.statement!r}: {verdict.reason}")


def assertions() -> None:
    print("\nasserts_event on the labelled sentences:")
    total = right = 0
    for language in LANGUAGES:
        labelled = corpus(language)["assertions"]
        hits = [
            support.asserts_event(a["sentence"], language, a["statement"]) == a["asserts"]
            for a in labelled  # type: ignore[attr-defined]
        ]
        wrong = [a["sentence"] for a, hit in zip(labelled, hits, strict=True) if not hit]  # type: ignore[call-overload]
        total, right = total + len(hits), right + sum(hits)
        print(f"  {language}: {sum(hits)}/{len(hits)} right" + (f"; wrong: {wrong}" if wrong else ""))
    print(f"  all: {right}/{total} = {right / total:.0%}")


def timing(all_cases: list[Case]) -> None:
    """Time per call once the pipelines are loaded: with nothing read yet (each article's sentences are read by the
    first statement citing them, in one batch), then with everything kept; and asserts_event per sentence."""
    for language in LANGUAGES:
        support.check_statement("warm up", ["warm up"], language)
    wording.forget()
    start = time.perf_counter()
    for c in all_cases:
        support.check_statement(c.statement, c.cited, c.language, c.names)
    cold = (time.perf_counter() - start) / len(all_cases)
    start = time.perf_counter()
    for c in all_cases:
        support.check_statement(c.statement, c.cited, c.language, c.names)
    warm = (time.perf_counter() - start) / len(all_cases)
    print(f"\ncheck_statement: {cold * 1000:.1f} ms per statement, nothing read before; {warm * 1000:.2f} ms kept")
    labelled = [(a["sentence"], language) for language in LANGUAGES for a in corpus(language)["assertions"]]  # type: ignore[attr-defined]
    assertion.parse.cache_clear()
    start = time.perf_counter()
    for sentence, language in labelled:
        support.asserts_event(sentence, language)
    print(f"asserts_event: {(time.perf_counter() - start) / len(labelled) * 1000:.1f} ms per sentence")


def main() -> None:
    all_cases = [c for language in LANGUAGES for c in cases(language)]
    faithful = sum(c.faithful for c in all_cases)
    print(f"{len(all_cases)} statements: {faithful} faithful, {len(all_cases) - faithful} unfaithful")
    variant("lemmas only", 0, False, all_cases)
    variant("lemmas and adverbs", 5, True, all_cases)
    chosen = variant("lemmas or a shared prefix (chosen)", 5, False, all_cases)
    misses(chosen, support.TOLERANCE)
    without_spanish_parse(all_cases)
    assertions()
    timing(all_cases)


if __name__ == "__main__":
    main()
