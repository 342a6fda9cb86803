"""``summarizer eval``: brief a gold set, score it, write the report; or compare two reports."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.cli.common import fail, model_options
from summarizer.digest.store import Store, default_store_path
from summarizer.errors import ArticleError, ConfigError, SummarizerError
from summarizer.evaluation import compare_reports, evaluate, load_gold, load_report
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.metrics import ArticleScore
from summarizer.evaluation.report import EvalReport, write_report
from summarizer.evaluation.stored import score_stored
from summarizer.render.control import shown
from summarizer.render.evaluation import render_comparison, render_report
from summarizer.settings import Settings


@click.command("eval")
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@model_options
@click.option(
    "-r",
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eval-report.json"),
    show_default=True,
    help="Write the JSON report here.",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The SQLite store briefs are kept in, shared with `summarizer digest`; a stored brief is rebuilt from "
    f"the model's answers with today's rules. [default: {default_store_path()}]",
)
@click.option("--force", is_flag=True, help="Ask the model again for every brief, even when a stored one matches.")
@click.option(
    "--from-briefs",
    "from_briefs",
    type=click.Path(file_okay=False, path_type=Path),
    help="Score the briefs already in DIR (<name>.json or <set>__<name>.json per gold file) without a model;"
    " articles with none are skipped.",
)
@click.option(
    "--ablation",
    is_flag=True,
    help="Replace the model's answer by nothing (the `none` backend): what the rules alone score.",
)
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
    model_profile: str | None,
    passages: int,
    report: Path,
    store_path: Path | None,
    force: bool,
    from_briefs: Path | None,
    ablation: bool,
    check: bool,
    compare: tuple[Path, Path] | None,
) -> None:
    """Score briefs against gold annotations and write a report.

    GOLD is a directory of gold JSON files or one such file, each recognised
    by its annotations: GUM (salient entities; ../shared/eval/gum-news),
    PolNeAR (attributions; ../shared/eval/polnear-dev), MEANTIME (events,
    times, typed entities; ../shared/eval/meantime-dev) or the topic set
    (eval/topics: a folder per topic, scored by both and reported per
    topic; docs/annotation-guide.md); or a JSONL file with
    one article per line: {"article": {"text": ...}, "summary": ...,
    "who": [names], "where": [names]}.

    Reported per article and overall: who/where recall against the gold
    entities (titles, case and possessives forgiven), exact evidence spans,
    names found verbatim in the article, items dropped as ungrounded,
    ROUGE-L of the summary, model calls, tokens and seconds per brief; on
    PolNeAR, source recall and precision (duplicates count against it),
    anonymous/named right and evidence covering what was said; on MEANTIME,
    events per brief, judgeable events, status right, planned/uncertain lead
    events kept, times recall and precision at the gold granularity, who/where
    precision and kind accuracy; on the topic set, all of these, per topic and
    overall, and its named things (others: recall, kind, and precision as
    items on a product/index rather than an actor or place). --check holds the run to the bars of the gold
    kinds it has. Briefs are kept in the digest's store with the model's
    answers; while article, model, prompts and the answer schema are
    unchanged a re-run asks no model and rebuilds each brief with today's
    rules, so a rule or metric change is measured in seconds.

    \b
    Examples:
      summarizer eval ../shared/eval/gum-news --report before.json
      summarizer eval ../shared/eval/gum-news --report after.json   # after a prompt change
      summarizer eval --compare before.json after.json
      summarizer eval ../shared/eval/meantime-dev --ablation --report rules-only.json
      summarizer eval --compare rules-only.json after.json           # the model's own share
      summarizer eval ../shared/eval/meantime-dev --from-briefs old-briefs/ --report old.json

    Exit status: 0 done, 1 a model or server failure stopped the run or
    every brief failed, 2 bad input or options, 3 with --check when the bar
    is missed.
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
        if ablation and (model or base_url):
            raise click.UsageError("--ablation replaces the model; leave out --model and --base-url")
        golds = load_gold(gold)
        if from_briefs is not None:
            result, skipped = score_stored(golds, from_briefs, gold=str(gold))
            if skipped:
                err.print(
                    f"{skipped} of {len(golds)} articles have no stored brief in {from_briefs}: skipped",
                    highlight=False,
                    markup=False,
                )
            _write(result, report)
            _finish(result, report, check, out, err)
            return
        if ablation:
            model, base_url = "none", None
        settings = Settings.resolve(
            model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
        )
        with (
            warnings.catch_warnings(),
            Summarizer(settings=settings, max_passages=passages) as engine,
            Store(store_path) as store,
            hold_store(store.path),  # one writer per store: a digest, batch or eval on it is refused at once
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
                    bar.console.print(shown(f"{item.id}: {how}", "dim"), highlight=False)
                    bar.update(task, advance=1, description="briefing")

                result = evaluate(golds, engine, store=store, force=force, progress=advance)
        result = result.model_copy(update={"gold": str(gold)})
        _write(result, report)
    except (ArticleError, ConfigError) as error:
        fail(err, error, 2)
    except SummarizerError as error:
        fail(err, error, 1)
    _finish(result, report, check, out, err)


def _write(result: EvalReport, report: Path) -> None:
    try:
        write_report(result, report)
    except OSError as error:
        raise ConfigError(
            f"{report}: cannot write the report ({error.strerror or error.__class__.__name__}); give a writable"
            " --report (stored briefs are kept: a re-run is instant)"
        ) from None


def _finish(result: EvalReport, report: Path, check: bool, out: Console, err: Console) -> None:
    """Show the report; exit 1 when no article got a brief, 3 when --check and the bar is missed."""
    render_report(result, out)
    err.print(shown(f"wrote {report}"), highlight=False)
    if result.overall.articles and not result.overall.briefs:
        first = next((s.error for s in result.articles if s.error), "unknown error")
        fail(err, f"every brief failed (the first: {first})", 1)
    if check and not result.meets_bar:
        sys.exit(3)
