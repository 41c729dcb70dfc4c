"""`python -m lib evaluate ARTICLES... --labels LABELS.csv [-o report.json]`: analyse labelled
articles and print how far the library agrees with the labels (lib/evaluation)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lib.cli.progress import ProgressLine
from lib.cli.summary import ingest_report_lines
from lib.evaluation.evaluate import evaluate_articles
from lib.evaluation.labels import REQUIRED_COLUMNS, LabelError
from lib.evaluation.report import scorecard_dict, scorecard_text
from lib.pipeline.parallel import default_jobs
from lib.reference.taxonomy import TaxonomyError


def _json_path(value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() != ".json":
        raise argparse.ArgumentTypeError(f"'{value}': the report is JSON, its name must end in .json")
    return path


def job_count(value: str) -> int:
    """The -j/--jobs argument of every command: 0 means all cores."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return jobs or default_jobs()


def add_parser(commands) -> argparse.ArgumentParser:
    evaluate = commands.add_parser(
        "evaluate",
        help="score the library against hand labels",
        description="Analyse labelled articles and print a scorecard: dates (±1 day), prime "
        "ministers, titles, outlets and topics against a labels CSV, with 95%% intervals and "
        "every disagreement with the evidence the library used.",
    )
    evaluate.add_argument("paths", nargs="+", metavar="ARTICLES", help="labelled article files or folders")
    evaluate.add_argument(
        "--labels",
        required=True,
        metavar="LABELS.csv",
        help=f"the labels: columns {', '.join(REQUIRED_COLUMNS)}, then one 0/1 column per topic key; "
        "rows are matched to articles by file name",
    )
    evaluate.add_argument(
        "-o", "--output", type=_json_path, metavar="REPORT.json", help="also write the scorecard as JSON"
    )
    evaluate.add_argument("--taxonomy", metavar="FILE", help="a topic taxonomy TOML file (default: bundled)")
    evaluate.add_argument(
        "-j",
        "--jobs",
        type=job_count,
        default=1,
        metavar="N",
        help=f"worker processes (0 = all {default_jobs()} cores)",
    )
    evaluate.add_argument("--no-disagreements", action="store_true", help="print the figures only")
    evaluate.add_argument(
        "--field",
        action="append",
        metavar="NAME",
        help="list only the disagreements about this field: date, pm, title, outlet or a topic key (repeatable)",
    )
    evaluate.add_argument("--quiet", action="store_true", help="no progress line")
    return evaluate


def run_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    progress = None if args.quiet else ProgressLine()
    try:
        evaluation = evaluate_articles(
            args.paths,
            args.labels,
            taxonomy=args.taxonomy,
            jobs=args.jobs,
            progress=progress,
        )
    except (LabelError, TaxonomyError) as error:
        parser.error(str(error))
    finally:
        if progress:
            progress.close()
    for line in ingest_report_lines(evaluation.corpus.report):
        print(line, file=sys.stderr)
    print(scorecard_text(evaluation.scorecard, disagreements=not args.no_disagreements, fields=args.field))
    if args.output is not None:
        try:
            report = json.dumps(scorecard_dict(evaluation.scorecard), indent=2, ensure_ascii=False)
            args.output.write_text(report + "\n", encoding="utf-8")
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"Wrote the scorecard to {args.output}", file=sys.stderr)
    return 0
