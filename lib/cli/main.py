"""Command line: `python -m lib analyze PATH... -o OUT` (a table), `--store DIR` (a store the
dashboard opens), or both."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from lib.annotate.sentiment import DEFAULT_ENGINE, get_engine
from lib.annotate.sentiment import ENGINES as SENTIMENT_ENGINES
from lib.cli.collect import add_parser as add_collect_parser
from lib.cli.collect import run_collect
from lib.cli.evaluate import add_parser as add_evaluate_parser
from lib.cli.evaluate import job_count, run_evaluate
from lib.cli.outputs import output_path, output_problems, unaccounted_message
from lib.cli.progress import ProgressLine
from lib.cli.summary import corpus_summary_text, ingest_report_lines
from lib.pipeline.corpus import StoreRun, build_store, load_corpus, resolve_taxonomy
from lib.pipeline.dask_engine import ClusterUnavailable, DaskEngineError, dask_client, dask_stream
from lib.pipeline.export import EXPORT_SUFFIXES, write_frame
from lib.pipeline.parallel import analyze_stream, default_jobs
from lib.reference.taxonomy import TaxonomyError
from lib.schema.report import IngestReport

ENGINES = ("local", "dask")  # --engine: this machine's process pool, or a Dask cluster


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib",
        description="Alliance Lens: analyse news articles on Japan-US relations.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser(
        "analyze",
        aliases=["analyse"],  # the docs' British spelling works too
        help="analyse articles into one table",
        description="Analyse articles (.txt .md .html .csv .jsonl .json .zip, or folders of them) "
        "into one table with dates, prime ministers, topics and sentiment.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to analyse")
    analyze.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="OUT",
        help=f"where to write the table ({', '.join(EXPORT_SUFFIXES)}); optional with "
        "--store, which then holds the results without building a table in memory",
    )
    analyze.add_argument("--taxonomy", metavar="FILE", help="a topic taxonomy TOML file (default: bundled)")
    analyze.add_argument("--strict", action="store_true", help="exit with status 1 if any input could not be used")
    analyze.add_argument(
        "-j",
        "--jobs",
        type=job_count,
        default=None,
        metavar="N",
        help=f"worker processes (0 = all {default_jobs()} cores; default 1 for the local "
        "engine, all cores for a dask LocalCluster; ignored with --scheduler)",
    )
    analyze.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine (a process pool with -j); dask: a Dask cluster, "
        "a LocalCluster unless --scheduler is given (needs "
        "pip install 'alliance-lens[scale]')",
    )
    analyze.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster, e.g. "
        "tcp://host:8786 (workers need alliance-lens installed, same version)",
    )
    analyze.add_argument(
        "--store",
        metavar="DIR",
        help="an analysis store: unchanged inputs are read back instead of analysed, "
        "new results are added (created if missing)",
    )
    analyze.add_argument(
        "--sentiment",
        choices=list(SENTIMENT_ENGINES),
        default=DEFAULT_ENGINE,
        metavar="ENGINE",
        help=f"sentiment engine: {', '.join(SENTIMENT_ENGINES)} (default {DEFAULT_ENGINE}; "
        "economy reads economic news best, see bench/sentiment.py)",
    )
    analyze.add_argument("--quiet", action="store_true", help="no progress line")
    add_evaluate_parser(commands)
    add_collect_parser(commands)
    return parser


def run_analyze(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    try:
        taxonomy = resolve_taxonomy(args.taxonomy)
    except TaxonomyError as error:
        parser.error(str(error))
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    if args.scheduler and args.jobs is not None:
        print("warning: --jobs is ignored with --scheduler: the cluster's workers do the work", file=sys.stderr)
    _check_destinations(args, parser)
    progress = None if args.quiet else ProgressLine()
    try:
        with _outcome_stream(args) as analyze_outcomes:
            options = dict(
                taxonomy=taxonomy,
                engine=get_engine(args.sentiment),
                jobs=args.jobs or 1,
                progress=progress,
                analyze_outcomes=analyze_outcomes,
            )
            if args.output is None:
                run = build_store(*args.paths, store=args.store, **options)
            else:
                corpus = load_corpus(*args.paths, store=args.store, **options)
    except ClusterUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except DaskEngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        if progress:
            progress.close()
    if args.output is None:
        return _report_store_run(run, args)
    _warn_store_problems(corpus.store_problems)
    try:
        write_frame(corpus.frame, args.output)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(corpus_summary_text(corpus.frame, corpus.report, taxonomy), file=sys.stderr)
    print(f"Wrote {len(corpus.frame)} row(s) to {args.output}", file=sys.stderr)
    return _exit_status(corpus.report, args, len(corpus.frame))


def _check_destinations(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Before analysing: a run never ends unable to write, nor overwrites an input."""
    if args.output is None and args.store is None:
        parser.error("say where the results go: -o OUT (a table), --store DIR, or both")
    for problem in output_problems(args.paths, args.output, args.store):
        parser.error(problem)


def _report_store_run(run: StoreRun, args: argparse.Namespace) -> int:
    _warn_store_problems(run.store_problems)
    print(
        f"Store {args.store}: {run.analysed} article(s) analysed, {run.reused} already there; "
        f"{run.report.inputs} input(s), {run.report.n_unused} not used.",
        file=sys.stderr,
    )
    for line in ingest_report_lines(run.report):
        print(line, file=sys.stderr)
    return _exit_status(run.report, args, run.analysed + run.reused)


def _warn_store_problems(problems: list[str]) -> None:
    for problem in problems:
        print(f"warning: store: {problem}", file=sys.stderr)


def _exit_status(report: IngestReport, args: argparse.Namespace, n_articles: int) -> int:
    """1 when some input is neither an article nor a report entry (never silent), or under
    --strict when some input could not be used; else 0."""
    if not report.accounted(n_articles):
        print(f"error: {unaccounted_message(report, n_articles)}", file=sys.stderr)
        return 1
    if args.strict and report.entries:
        print(f"--strict: {report.n_unused} input(s) could not be used", file=sys.stderr)
        return 1
    return 0


@contextmanager
def _outcome_stream(args: argparse.Namespace):
    """How articles are analysed for --engine; a dask cluster lives as long as the run."""
    if args.engine == "local":
        yield analyze_stream
        return
    with dask_client(args.scheduler, workers=args.jobs) as client:
        yield dask_stream(client)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "evaluate":
        return run_evaluate(args, parser)
    if args.command == "collect":
        return run_collect(args, parser)
    return run_analyze(args, parser)
