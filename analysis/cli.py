"""Command line: ``python -m analysis report | statements | evaluate``.

Exit status 0 on success. Bad input gives one line naming the file and the
reason, exit status 2, and never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Sequence

from .errors import InputError

EVALUATION_TASKS = ("attribution", "timex", "stance", "loaded", "statements")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Who said what, when: denials and accusations in news.")
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser("report", help="annotate, chart and export (tables, figures, HTML)")
    report.add_argument("inputs", nargs="*", help="article files or folders (default: the shipped articles)")
    report.add_argument("--out", default="report", help="output folder (default: report)")
    report.add_argument("--published", help="publication date YYYY-MM-DD for inputs that lack one")
    report.add_argument("--strict", action="store_true", help="exit 2 if any input is rejected")
    report.add_argument("--events", help="a timeline CSV laid out like data/timeline/events.csv to chart "
                                         "(default: the shipped timeline, when no INPUT is given)")
    report.add_argument("--raw-csv", action="store_true",
                        help="write CSV cells as they are (default: a cell starting with = + - @ gets a leading ' so "
                             "spreadsheets do not run it as a formula)")
    report.add_argument("--keep-wire-copies", action="store_true",
                        help="count every copy of a wire story (default: each story once; copies are listed "
                             "in articles.csv's wire_group and collapsed columns)")
    _corpus_options(report)

    statements = sub.add_parser("statements", help="the statements table only")
    statements.add_argument("inputs", nargs="+", help="article files or folders")
    statements.add_argument("--published", help="publication date YYYY-MM-DD (overrides front matter)")
    statements.add_argument("--out", help="FILE.csv or FILE.jsonl (default: CSV on standard output)")
    statements.add_argument("--raw-csv", action="store_true",
                            help="CSV cells as they are (default: spreadsheet-safe; JSON lines are always raw)")
    _corpus_options(statements)

    evaluate = sub.add_parser("evaluate", help="score an annotator against gold data; prints JSON")
    evaluate.add_argument("task", choices=EVALUATION_TASKS)
    evaluate.add_argument("--gold", required=True, help="gold folder or file (see DESIGN §3)")
    evaluate.add_argument("--errors", metavar="FILE.csv",
                          help="statements only: write one row per error (false positive, miss, wrong actor, "
                               "target or date) to FILE.csv")
    return parser


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    """Options for reading your own corpus (tables of articles) and for long runs."""
    group = parser.add_argument_group("your own corpus")
    group.add_argument("--text-column", help="CSV/JSONL column holding the article text (default: text, body or content)")
    group.add_argument("--date-column", help="CSV/JSONL column holding the publication date (default: published or date)")
    group.add_argument("--require-date", action="store_true", help="reject articles without a publication date")
    group.add_argument("--workers", type=int, help="processes annotating in parallel (default: every core)")
    progress = group.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show a progress bar (default: only for long runs in a terminal)")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")


def _print_rejects(rejects: list[dict], limit: int = 20) -> None:
    """One line per reject on standard error (the first `limit`; all are in rejects.csv)."""
    for reject in rejects[:limit]:
        print(f"skipped: {reject['source_path']}: {reject['reason']}", file=sys.stderr)
    if len(rejects) > limit:
        print(f"skipped: ... and {len(rejects) - limit} more (listed in rejects.csv with their reasons)", file=sys.stderr)


def _load(inputs: Sequence[str], published: str | None, args=None) -> tuple[list[dict], list[dict]]:
    """The article rows and rejects of `inputs` (see :func:`analysis.load.load_rows`); none
    loaded is an InputError naming the first reject's file and reason."""
    from . import lexicons, load

    lexicons.check_patterns()  # an edited lexicon's bad regex: one line naming its row
    if published:
        load.parse_date(published, "--published")
    options = load.LoadOptions(text_column=getattr(args, "text_column", None),
                               date_column=getattr(args, "date_column", None),
                               require_date=bool(getattr(args, "require_date", False)))
    rows, rejects = load.load_rows(inputs or None, published=published, options=options)
    if not rows:
        first = rejects[0] if rejects else None
        reason = f"{first['source_path']}: {first['reason']}" if first is not None else "no input files"
        raise InputError(", ".join(inputs) or "data/articles", f"no article could be read ({reason})")
    return rows, rejects


def _report(args) -> int:
    from . import corpus, export, load, pipeline, schema

    rows, rejects = _load(args.inputs, args.published, args)
    _print_rejects(rejects)
    tables = pipeline.run(schema.frame("articles", rows), rejects=schema.rejects_frame(rejects),
                          collapse_wire=not args.keep_wire_copies, workers=args.workers, progress=args.progress)
    inputs = [str(p) for p in (args.inputs or [load.shipped_articles_dir()])]
    # The sourced rounds belong to the shipped story: charted for it, or for a timeline the user names.
    events = load.read_events(args.events) if (args.events or not args.inputs) else None
    # The article's recorded errors: the shipped table, shown beside the sentences they concern.
    errors = load.read_article_errors()
    written = export.write_report(tables, args.out, events=events, inputs=inputs, raw_csv=args.raw_csv,
                                  errors=errors)
    stances = tables.statements["stance"].value_counts().to_dict()
    wire = corpus.wire_summary(tables.articles)
    wire_note = (f", {wire['collapsed']} wire cop{'y' if wire['collapsed'] == 1 else 'ies'} not counted"
                 if wire["collapsed"] else "")
    print(f"report: {len(tables.articles)} article(s) processed, {len(tables.rejects)} rejected{wire_note}, "
          f"{len(tables.statements)} statements ({stances.get('denial', 0)} denials, "
          f"{stances.get('accusation', 0)} accusations), {len(written)} files -> {Path(args.out) / 'index.html'}")
    return 2 if args.strict and len(tables.rejects) else 0


def _statements(args) -> int:
    from . import export, pipeline

    # rows end to end, never a frame: pandas is not imported (half the time of one article)
    rows, rejects = _load(args.inputs, args.published, args)
    _print_rejects(rejects)
    statements = pipeline.annotate_statement_rows(rows, workers=args.workers, progress=args.progress)
    if args.out:
        export.write_statements(statements, args.out, raw=args.raw_csv)
    else:
        export.write_rows_csv("statements", statements, sys.stdout, raw=args.raw_csv)
    return 0


def _evaluate(args) -> int:
    gold = Path(args.gold)
    if not gold.exists():
        raise InputError(gold, "gold data not found")
    module = importlib.import_module(f"analysis.evaluate.{args.task}")
    if args.task == "statements":
        result = module.evaluate(gold, errors_path=args.errors)
    elif args.errors:
        raise InputError(args.errors, f"--errors is only written by `evaluate statements`, not {args.task}")
    else:
        result = module.evaluate(gold)
    print(json.dumps(result, indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    handler = {"report": _report, "statements": _statements, "evaluate": _evaluate}[args.command]
    try:
        return handler(args)
    except InputError as exc:
        print(f"error: {exc.path}: {exc.reason}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or args.command}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was left (a report folder is replaced only when complete)",
              file=sys.stderr)
        return 130
