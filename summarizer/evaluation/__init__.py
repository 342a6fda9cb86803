"""Measure brief quality against gold annotations: ``summarizer eval`` and its Python API."""

from summarizer.evaluation.gold import GoldArticle, GoldEntity, load_gold
from summarizer.evaluation.metrics import ArticleScore, Overall, score_brief, summarize_scores
from summarizer.evaluation.report import BAR, EvalReport, compare_reports, load_report
from summarizer.evaluation.runner import evaluate

__all__ = [
    "BAR",
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
    "summarize_scores",
]
