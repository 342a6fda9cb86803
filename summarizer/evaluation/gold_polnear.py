"""PolNeAR gold (``gold.attributions``): who is said to say what, as source, cue and content spans.

See ``../shared/eval/NOTICE.md``. PolNeAR texts are copyrighted: they are read
from the user's files at eval time and never shipped with the project.
"""

from __future__ import annotations

from typing import Any

from summarizer.evaluation.annotations import GoldAttribution, GoldSpan


def span(record: Any, text: str) -> GoldSpan:
    """A span record ``{start, end, text}`` that must be the article's own text there."""
    result = GoldSpan(start=record["start"], end=record["end"], text=record["text"])
    if text[result.start : result.end] != result.text:
        raise ValueError(f"span {result.start}-{result.end} is not the article's text there")
    return result


def attributions(gold: dict[str, Any], text: str) -> tuple[GoldAttribution, ...]:
    """Every attribution of the article, in file order."""
    out = []
    for record in gold["attributions"]:
        source = span(record["source"], text)
        parts = tuple(span(part, text) for part in record.get("source_parts") or [record["source"]])
        out.append(
            GoldAttribution(
                start=source.start,
                end=source.end,
                text=source.text,
                parts=parts,
                cue=span(record["cue"], text),
                content=tuple(span(part, text) for part in record["content"]),
            )
        )
    return tuple(out)
