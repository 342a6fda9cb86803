"""``summarizer eval``: brief a gold set, score it, write the report; or compare two reports."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.brief.engine import Summarizer
from summarizer.cli.common import fail
from summarizer.errors import ArticleError, ConfigError, SummarizerError
from summarizer.evaluation import compare_reports, evaluate, load_gold, load_report
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.metrics import ArticleScore
from summarizer.evaluation.report import write_report
from summarizer.evaluation.runner import default_briefs_dir
from summarizer.render.evaluation import render_comparison, render_report


@click.command("eval")
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-m", "--model", envvar="SUMMARIZER_MODEL", help="Model spec, as for `summarizer brief`. [env: SUMMARIZER_MODEL]"
)
@click.option(
    "--base-url", envvar="SUMMARIZER_BASE_URL", help="An OpenAI-compatible server. [env: SUMMARIZER_BASE_URL]"
)
@click.option(
    "--api-key", envvar="SUMMARIZER_API_KEY", help="Key for --base-url or openai/ models. [env: SUMMARIZER_API_KEY]"
)
@click.option("--timeout", type=click.FloatRange(min=1), help="Seconds to wait for one model answer.")
@click.option(
    "-r",
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eval-report.json"),
    show_default=True,
    help="Write the JSON report here.",
)
@click.option(
    "--briefs",
    "briefs_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Where briefs are stored and reused. [default: {default_briefs_dir()}]",
)
@click.option("--force", is_flag=True, help="Make every brief again, even when a stored one matches.")
@click.option("--check", is_flag=True, help="Exit 3 when the run misses the quality bar (for CI).")
@click.option(
    "--compare",
    nargs=2,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="A B",
    help="Show what changed from report A to report B (no model run; GOLD not needed).",
)
def evaluate_command(
    gold: Path | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    report: Path,
    briefs_dir: Path | None,
    force: bool,
    check: bool,
    compare: tuple[Path, Path] | None,
) -> None:
    """Score briefs against gold annotations and write a report.

    GOLD is a directory of GUM-format JSON files (like ../shared/eval/gum-news),
    one such file, or a JSONL file with one article per line: {"article":
    {"text": ...}, "summary": ..., "who": [names], "where": [names]}.

    Reported per article and overall: who/where recall against the gold
    entities (titles, case and possessives forgiven), exact evidence spans,
    names found verbatim in the article, items dropped as ungrounded,
    ROUGE-L of the summary, model calls, tokens and seconds per brief.
    Briefs are stored and reused while article, model, prompts and schema are
    unchanged, so a re-run after a renderer or metric change is instant.

    \b
    Examples:
      summarizer eval ../shared/eval/gum-news --report before.json
      summarizer eval ../shared/eval/gum-news --report after.json   # after a prompt change
      summarizer eval --compare before.json after.json

    Exit status: 0 done, 1 a model or server failure stopped the run,
    2 bad input or options, 3 with --check when the bar is missed.
    """
    out = Console(width=None if sys.stdout.isatty() else 160)  # a report piped to a file keeps its columns
    err = Console(stderr=True)
    try:
        if compare:
            before, after = (load_report(path) for path in compare)
            render_comparison(before, after, compare_reports(before, after), out)
            return
        if gold is None:
            raise click.UsageError("give a GOLD directory or file, or --compare A B")
        golds = load_gold(gold)
        with (
            warnings.catch_warnings(),
            Summarizer(model, base_url=base_url, api_key=api_key, timeout=timeout) as engine,
        ):
            warnings.simplefilter("ignore")
            with Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as bar:
                task = bar.add_task("briefing", total=len(golds))
                engine.status = lambda message: bar.update(task, description=message)

                def advance(item: GoldArticle, score: ArticleScore) -> None:
                    how = "stored" if score.reused else "failed" if score.error else f"{score.latency_s:.0f} s"
                    bar.console.print(f"[dim]{item.id}: {how}[/]", highlight=False)
                    bar.update(task, advance=1, description="briefing")

                result = evaluate(golds, engine, briefs_dir=briefs_dir, force=force, progress=advance)
        result = result.model_copy(update={"gold": str(gold)})
        write_report(result, report)
    except (ArticleError, ConfigError) as error:
        fail(err, error, 2)
    except SummarizerError as error:
        fail(err, error, 1)
    render_report(result, out)
    err.print(f"wrote {report}", highlight=False)
    if check and not result.meets_bar:
        sys.exit(3)
