"""Benchmark: language detectors on short news leads (a measurement, not a test).

Leads: spaCy's own example sentences for 13 languages (short, news-like, shipped
with spacy), the first prose sentence of each shipped English article
(tests/data/gum-news, tests/data/meantime) and of the project's own articles
(tests/data/languages, tests/data/digest-day). Reports accuracy and time per lead
for py3langid and, when installed, lingua (not a dependency; measured to choose).
Norwegian Bokmål answered as "no" (Norwegian) counts as right.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "de", "it", "pt", "nl", "ca", "ro", "sv", "da", "nb", "pl"]


def leads() -> list[tuple[str, str]]:
    """(language, lead) pairs."""
    pairs: list[tuple[str, str]] = []
    for code in LANGUAGES:
        module = importlib.import_module(f"spacy.lang.{code}.examples")
        pairs += [(code, s) for s in module.sentences]
    for folder in ("gum-news", "meantime"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            text = (record.get("article") or record)["text"]
            paragraphs = [p for p in text.split("\n") if len(p.split()) > 6]
            pairs.append(("en", paragraphs[0].split(". ")[0]))
    for path in sorted((ROOT / "tests" / "data" / "languages").glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        pairs.append((path.name[:2], text.split("\n")[0].split(" — ", 1)[-1].split(", ")[0]))
    spanish = (ROOT / "tests" / "data" / "digest-day" / "festival-valencia.txt").read_text(encoding="utf-8")
    pairs.append(("es", spanish.split(" — ", 1)[1].split(",")[0]))
    return pairs


def detectors() -> dict[str, Callable[[str], str]]:
    import py3langid

    from summarizer.nlp.language import detect as restricted

    found: dict[str, Callable[[str], str]] = {
        "py3langid (all 97 languages)": lambda text: str(py3langid.classify(text)[0]),
        "py3langid (news languages; summarizer.nlp.language)": restricted,
    }
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return found
    lingua = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(text: str) -> str:
        language = lingua.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else "?"

    found["lingua (all languages)"] = detect
    return found


def main() -> None:
    pairs = leads()
    median = sorted(len(text) for _, text in pairs)[len(pairs) // 2]
    print(f"{len(pairs)} leads, {len({lang for lang, _ in pairs})} languages, median {median} chars")
    for name, detect in detectors().items():
        started = time.perf_counter()
        detect("warm up")
        warm = time.perf_counter() - started
        started = time.perf_counter()
        wrong = [
            (lang, got, text) for lang, text in pairs if (got := detect(text)) != lang and (lang, got) != ("nb", "no")
        ]
        per = (time.perf_counter() - started) / len(pairs)
        print(f"{name}: {1 - len(wrong) / len(pairs):.1%} right, {per * 1000:.2f} ms per lead, first call {warm:.2f} s")
        for lang, got, text in wrong:
            print(f"   {lang} -> {got}: {text[:70]}")


if __name__ == "__main__":
    main()
