"""Measure brief quality against gold annotations: ``summarizer eval`` and its Python API."""

from summarizer.evaluation.gold import GoldArticle, GoldEntity, load_gold
from summarizer.evaluation.metrics import ArticleScore, Overall, score_brief, summarize_scores
from summarizer.evaluation.report import BAR, BARS, EvalReport, compare_reports, load_report
from summarizer.evaluation.runner import evaluate
from summarizer.evaluation.stored import score_stored

__all__ = [
    "BAR",
    "BARS",
    "ArticleScore",
    "EvalReport",
    "GoldArticle",
    "GoldEntity",
    "Overall",
    "compare_reports",
    "evaluate",
    "load_gold",
    "load_report",
    "score_brief",
    "score_stored",
    "summarize_scores",
]
