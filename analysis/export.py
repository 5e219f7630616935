"""Write results to disk. The only module that writes files.

Every figure leaves through :func:`save_figure`: PNG + SVG + PDF, a CSV of the
plotted numbers and a caption JSON (kit version, lexicon hash, inputs, periods,
denominator), so a chart in a report can always be traced back to its data.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd

from . import __version__
from .lexicons import lexicon_hash

FIGURE_FORMATS = ("png", "svg", "pdf")


def safe_filename(name: str, fallback: str = "article", max_length: int = 80) -> str:
    """A file-name-safe slug of `name` (ASCII letters, digits, '-', '_', '.'); never empty, never a path."""
    ascii_name = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-._")[:max_length].strip("-._")
    return slug or fallback


def unique_name(stem: str, suffix: str, used: set[str]) -> str:
    """`stem + suffix`, or `stem-2 + suffix`, ... when that name is taken; records the name in `used`.

    Ids that differ only in punctuation ('a?b', 'a!b') slug to the same file name;
    without this one article's page would overwrite the other's.
    """
    name, n = f"{stem}{suffix}", 1
    while name.lower() in used:  # case-insensitive file systems (macOS, Windows) too
        n += 1
        name = f"{stem}-{n}{suffix}"
    used.add(name.lower())
    return name


def caption_metadata(**fields) -> dict:
    """The caption every export carries: kit version and lexicon hash first, then `fields`."""
    return {"kit_version": __version__, "lexicon_hash": lexicon_hash(), **fields}


def save_figure(fig: plt.Figure, name: str, out_dir: Path | str, data: pd.DataFrame,
                caption: Mapping) -> dict[str, Path]:
    """Write `fig` as PNG, SVG and PDF beside `name`.csv (its data) and `name`.caption.json.

    `caption` should say what is counted (the denominator), the inputs and the
    periods; kit version and lexicon hash are added here. Returns the paths.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = safe_filename(name, "figure")
    paths: dict[str, Path] = {}
    for fmt in FIGURE_FORMATS:
        path = out / f"{stem}.{fmt}"
        # Fixed metadata keeps SVG/PDF byte-stable across runs.
        metadata = {"Date": None} if fmt in ("svg",) else ({"CreationDate": None} if fmt == "pdf" else {})
        with plt.rc_context({"svg.hashsalt": "who-said-what", "svg.fonttype": "none", "pdf.fonttype": 42}):
            # bbox "tight" keeps legends placed outside the axes inside the file.
            fig.savefig(path, format=fmt, metadata=metadata, dpi=200, bbox_inches="tight", pad_inches=0.2)
        paths[fmt] = path
    paths["csv"] = out / f"{stem}.csv"
    data.to_csv(paths["csv"], index=False)
    paths["caption"] = out / f"{stem}.caption.json"
    full_caption = caption_metadata(figure=stem, **dict(caption))
    paths["caption"].write_text(json.dumps(full_caption, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return paths


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path | str) -> dict[str, Path]:
    """Write each table as `<name>.csv` in `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        paths[name] = out / f"{name}.csv"
        table.to_csv(paths[name], index=False)
    return paths


def write_text(path: Path | str, text: str) -> Path:
    """Write `text` (UTF-8) to `path`, creating folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_statements(statements: pd.DataFrame, path: Path | str) -> Path:
    """Write the statements table as CSV or, for a `.jsonl` path, one JSON object per line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".jsonl":
        statements.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        statements.to_csv(path, index=False)
    return path


def write_csv(table: pd.DataFrame, path: Path | str) -> Path:
    """Write one table as CSV at `path` (UTF-8, no index), creating folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False)
    return path


def write_json(path: Path | str, payload) -> Path:
    """Write `payload` as indented JSON."""
    return write_text(path, json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def close(figs: Iterable[plt.Figure]) -> None:
    """Free the figures' memory once saved."""
    for fig in figs:
        plt.close(fig)


def _relative_figure(paths: Mapping[str, Path], base: Path, title: str) -> dict[str, str]:
    return {"name": paths["png"].stem, "title": title,
            **{k: p.relative_to(base).as_posix() for k, p in paths.items()}}


def report_figures(tables, events: pd.DataFrame | None, inputs: Sequence[str]) -> list[tuple[str, str, plt.Figure, pd.DataFrame, dict]]:
    """The report's figures as (name, title, figure, plotted data, caption) — drawn, not yet written."""
    from . import aggregate, plots  # local: keeps `import analysis.export` light

    figures = []
    inputs = list(inputs)
    # The report's counts table itself, so the figure's CSV is exactly counts.csv.
    by_month = tables.counts
    ax = plots.plot_periods(by_month, title="Denials and accusations reported, by month it happened")
    figures.append(("denials-accusations-by-period", "Denials and accusations reported, by month it happened",
                    ax.figure, by_month, {
                        "inputs": inputs, "periods": sorted(set(by_month["period"])),
                        "grouping": "month of the event date resolved from the text (midpoint of its range)",
                        "denominator": "all attributed statements in the counted input articles (wire copies "
                                       "once) whose event falls in the period; unit: statements reported, not events"}))
    strip_data = tables.statements[["doc_id", "statement_id", "actor", "target", "stance", "cue", "time_text",
                                    "event_start", "event_end", "text"]]
    ax = plots.plot_statement_strip(tables.statements)
    figures.append(("who-said-what-when", "Who said what, when", ax.figure, strip_data, {
        "inputs": inputs, "periods": [str(strip_data["event_start"].min()), str(strip_data["event_end"].max())],
        "denominator": "each marker is one statement reported in the input articles"}))
    if events is not None and len(events):
        ax = plots.plot_rounds(events)
        figures.append(("rounds-2022-2025", "Rounds of accusation and denial, 2022–2025", ax.figure,
                        events, {"inputs": ["data/timeline/events.csv"],
                                 "periods": [str(events["date"].min()), str(events["date"].max())],
                                 "denominator": "each marker is one sourced statement from the fact sheet "
                                                "(one per actor per round), not a count of articles"}))
    figures += corpus_figures(tables, inputs)
    return figures


def corpus_figures(tables, inputs: Sequence[str]) -> list[tuple[str, str, plt.Figure, pd.DataFrame, dict]]:
    """For a dated corpus (two or more publication months): counts over time, and per outlet."""
    from . import aggregate, corpus, plots

    articles = corpus.counted_articles(tables.articles)
    statements = corpus.counted_statements(tables.statements, tables.articles)
    months = {p[:7] for p in articles["published"] if p}
    if len(months) < 2:
        return []
    figures = []
    reported = aggregate.count_statements(statements, articles, when="reported", freq="month")
    ax = plots.plot_counts_over_time(reported, title="Denials and accusations reported, by month published",
                                     xlabel="month the article was published")
    figures.append(("statements-over-time", "Denials and accusations reported, by month published", ax.figure,
                    reported, {"inputs": list(inputs), "periods": sorted(months),
                               "grouping": "month the article was published",
                               "denominator": f"statements in {len(articles)} counted articles (wire copies once)"}))
    if articles["outlet"].nunique() >= 2:
        by_outlet = aggregate.count_by_outlet(statements, articles, freq="month")
        ax = plots.plot_outlets_over_time(by_outlet)
        figures.append(("by-outlet-over-time", "Denials and accusations reported per article, by outlet",
                        ax.figure, by_outlet, {
                            "inputs": list(inputs), "periods": sorted(months),
                            "grouping": "month the article was published × outlet",
                            "denominator": "denials + accusations per article of that outlet and month"}))
    return figures


def write_report(tables, out_dir: Path | str, *, events: pd.DataFrame | None = None,
                 inputs: Sequence[str] = ()) -> dict[str, Path]:
    """Write the whole report: tables as CSV, figures, one HTML page per article and `index.html`."""
    from . import render  # local: keeps `import analysis.export` light

    out = Path(out_dir)
    written = write_tables(tables.as_dict(), out)
    figure_links = []
    figures = report_figures(tables, events, inputs)
    for name, title, fig, data, caption in figures:
        paths = save_figure(fig, name, out / "figures", data, caption)
        figure_links.append(_relative_figure(paths, out, title))
        written.update({f"{name}.{k}": p for k, p in paths.items()})
    close(f[2] for f in figures)
    pages: dict[str, str] = {}
    used: set[str] = set()
    for article in tables.articles.to_dict("records"):
        rel = unique_name(f"articles/{safe_filename(article['doc_id'])}", ".html", used)
        written[rel] = write_text(out / rel, render.article_html(article, tables.spans, tables.statements))
        pages[article["doc_id"]] = rel
    written["index.html"] = write_text(out / "index.html", render.index_html(
        tables.articles, pages, figure_links, [f"{n}.csv" for n in tables.as_dict()], tables.rejects))
    return written


def write_answers(answers: pd.DataFrame, out_dir: Path | str, student: str | None = None) -> Path:
    """Write a classroom answer sheet as `<out_dir>/<student>.csv` (file name made safe); returns the path."""
    name = student if student is not None else (str(answers["student"].iloc[0]) if len(answers) else "answers")
    path = Path(out_dir) / f"{safe_filename(name, 'answers')}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    answers.to_csv(path, index=False)
    return path
