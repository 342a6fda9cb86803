"""The article's language, detected when the input does not say it.

py3langid (BSD, a maintained fork of langid.py; pure Python on numpy, 4.6 MB)
was measured against lingua on 114 short news leads in 13 languages
(``python -m benchmarks.language_detection``): 95.6% right over all its 97
languages, 98.2% restricted to news languages, at 0.1-0.2 ms a lead (the model
loads in ~1 s once); lingua 2.1 was 94.7% at 5 ms a lead from a 96 MB wheel.
Restricted to the languages news wires publish in, a caption or a short line is
not called Venetian, Galician or Nigerian Pidgin.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

NEWS_LANGUAGES = [
    "ar",
    "bg",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fr",
    "ga",
    "he",
    "hi",
    "hr",
    "hu",
    "id",
    "is",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "ms",
    "mt",
    "nl",
    "no",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sr",
    "sv",
    "sw",
    "th",
    "tl",
    "tr",
    "uk",
    "ur",
    "vi",
    "zh",
]
"""Languages news agencies and outlets publish in that py3langid knows (ISO 639-1)."""
DETECT_CHARS = 2_000
"""The opening of the article is enough: the language of a news text does not change halfway."""

_loading = threading.Lock()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model restricted to news languages, with probabilities; loaded once (~1.3 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with _loading:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(NEWS_LANGUAGES)
        return identifier


def detect(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en", "fr", ...)."""
    language, _confidence = _identifier().classify(text[:DETECT_CHARS])
    return str(language)


NAMES = {
    "ar": "Arabic", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip
"""English names of common news languages, for the prompt and the renderers; others show their code."""


def language_name(code: str) -> str:
    """ "French" for "fr"; an unlisted code as itself."""
    return NAMES.get(code, code)
