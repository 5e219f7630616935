"""Write results to disk. The only module that writes files.

Every figure leaves through :func:`save_figure`: PNG + SVG + PDF, a CSV of the
plotted numbers and a caption JSON (kit version, lexicon hash, inputs, periods,
denominator), so a chart in a report can always be traced back to its data.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import shutil
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence, TextIO

from . import __version__, schema
from .errors import OutputError
from .lexicons import lexicon_hash

if TYPE_CHECKING:  # matplotlib and pandas are imported where a figure or frame is used: `statements` needs neither
    import matplotlib.pyplot as plt
    import pandas as pd

FIGURE_FORMATS = ("png", "svg", "pdf")

#: A cell starting with one of these is read as a formula by Excel, LibreOffice and Google
#: Sheets (OWASP "CSV injection"); spreadsheet-safe CSVs put a ``'`` before it.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: The file listing what one run wrote; its presence marks a folder as this kit's report.
MANIFEST = "manifest.json"
#: Labels in figures longer than this are cut (with an ellipsis); the figure's CSV keeps them whole.
LABEL_MAX = 60
#: Files and folders a report wrote before reports carried a manifest.
_LEGACY_REPORT_NAMES = {"index.html", "articles", "figures", "articles.csv", "spans.csv", "statements.csv",
                        "counts.csv", "rejects.csv"}


# ------------------------------------------------------------------ safe cells and files

def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with every text cell that a spreadsheet would run as a formula prefixed by ``'``.

    Cells starting with ``= + - @``, tab or carriage return get a leading apostrophe
    (the OWASP rule); numbers, booleans and other cells are unchanged. Returns a copy
    only when something had to change.
    """
    import pandas as pd

    out = table
    for col in table.columns:
        values = table[col]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        risky = values.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_PREFIXES)).astype(bool)
        if risky.any():
            if out is table:
                out = table.copy()
            out[col] = out[col].astype(object)
            out.loc[risky, col] = "'" + values[risky].astype(str)
    return out


def _csv_cell(value, raw: bool) -> str:
    """One cell of :func:`write_rows_csv` as pandas' ``to_csv`` writes it: a float by its repr,
    NaN empty; a bool as True/False; a text cell spreadsheet-safe unless `raw`."""
    if value.__class__ is str:
        return "'" + value if not raw and value.startswith(FORMULA_PREFIXES) else value
    if value.__class__ is float:
        return "" if value != value else repr(value)
    return str(value)


def write_rows_csv(table: str, rows: Iterable[Mapping], out: TextIO, *, raw: bool = False) -> None:
    """Write `rows` of `table` as CSV to the open text stream `out`, byte for byte what
    ``(table if raw else spreadsheet_safe(table)).to_csv(out, index=False)`` writes for the
    frame ``schema.frame(table, rows)`` (pandas' own writer is the csv module with these
    settings), without importing pandas: ``statements`` on one article starts in half the time.

    Each row holds its columns' plain values, as :func:`analysis.schema.rows` gives them.

    >>> import io
    >>> out = io.StringIO()
    >>> write_rows_csv("spans", [{"layer": "cue", "label": 'a "b", c', "start": 3, "end": 7, "text": "=A1"}], out)
    >>> print(out.getvalue(), end="")
    doc_id,layer,label,start,end,text,value,rule
    ,cue,"a ""b"", c",3,7,'=A1,,
    """
    cols = schema.columns(table)
    writer = csv.writer(out, lineterminator=os.linesep)
    writer.writerow(cols)
    for row in schema.rows(table, rows):
        writer.writerow([_csv_cell(row[c], raw) for c in cols])


def _output_error(path: Path | str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return OutputError(path, f"cannot write: {reason}")


@contextlib.contextmanager
def _writing(path: Path | str, shown: Path | str | None = None) -> Iterator[None]:
    """Turn an OSError while writing `path` into an OutputError naming the file (disk full, ...)."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise _output_error(shown or path, exc) from None


def write_csv(table: pd.DataFrame, path: Path | str, *, raw: bool = False) -> Path:
    """Write `table` as CSV (UTF-8), spreadsheet-safe unless `raw`; OSErrors name the file."""
    path = Path(path)
    with _writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        (table if raw else spreadsheet_safe(table)).to_csv(path, index=False)
    return path


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


#: Environment variable naming where notebooks and examples write (tests point it at a temporary folder).
OUTPUT_ENV = "WHO_SAID_WHAT_OUTPUT"


def notebook_output(name: str) -> Path:
    """The folder a notebook or example writes into: ``notebook-outputs/<name>`` at the top of the kit.

    Never ``report/`` (that is ``make report``'s); ``$WHO_SAID_WHAT_OUTPUT`` replaces
    ``notebook-outputs``. Nothing is created here: the writing functions make the folder.
    """
    root = os.environ.get(OUTPUT_ENV) or Path(__file__).resolve().parent.parent / "notebook-outputs"
    return Path(root) / safe_filename(name, "notebook")


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
    import matplotlib.pyplot as plt

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
    paths["csv"] = write_csv(data, out / f"{stem}.csv")
    paths["caption"] = out / f"{stem}.caption.json"
    full_caption = caption_metadata(figure=stem, **dict(caption))
    paths["caption"].write_text(json.dumps(full_caption, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return paths


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path | str, *, raw: bool = False) -> dict[str, Path]:
    """Write each table as `<name>.csv` in `out_dir` (spreadsheet-safe unless `raw`)."""
    out = Path(out_dir)
    return {name: write_csv(table, out / f"{name}.csv", raw=raw) for name, table in tables.items()}


def write_text(path: Path | str, text: str) -> Path:
    """Write `text` (UTF-8) to `path`, creating folders."""
    path = Path(path)
    with _writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def write_statements(statements: pd.DataFrame | list[dict], path: Path | str, *, raw: bool = False) -> Path:
    """Write the statements table (a frame, or its rows) as CSV (spreadsheet-safe unless
    `raw`) or, for a `.jsonl` path, one JSON object per line (values as they are).

    Written to a temporary file beside `path` and moved into place, so an interrupted
    run never leaves a half-written table under the name asked for.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(path, "is a folder; give a file name ending in .csv or .jsonl")
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        with _writing(tmp, path):
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix.lower() == ".jsonl":
                frame = schema.frame("statements", statements) if isinstance(statements, list) else statements
                frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
            elif isinstance(statements, list):
                with open(tmp, "w", encoding="utf-8", newline="") as out:
                    write_rows_csv("statements", statements, out, raw=raw)
            else:
                (statements if raw else spreadsheet_safe(statements)).to_csv(tmp, index=False)
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def write_json(path: Path | str, payload) -> Path:
    """Write `payload` as indented JSON."""
    return write_text(path, json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def close(figs: Iterable[plt.Figure]) -> None:
    """Free the figures' memory once saved."""
    import matplotlib.pyplot as plt

    for fig in figs:
        plt.close(fig)


def _relative_figure(paths: Mapping[str, Path], base: Path, title: str) -> dict[str, str]:
    return {"name": paths["png"].stem, "title": title,
            **{k: p.relative_to(base).as_posix() for k, p in paths.items()}}


#: Years a figure's time axis can show; a statement dated outside them (a "1st century"
#: mentioned in passing) stays in the figure's CSV but is not drawn.
PLOT_YEARS = (1000, 2999)
MAX_MONTHS_DRAWN = 36  # more dated months than this and the period chart is drawn by year
UNDRAWN_PERIODS = ("undated",)  # counted in the CSV, named under the chart, never a bar
STRIP_MAX_BANDS = 20  # directions drawn in a corpus's strip chart (the CSV keeps them all)


def _dated_periods(counts: pd.DataFrame, stances: Sequence[str]) -> int:
    """How many dated periods hold at least one of `stances`."""
    from .aggregate import OUTSIDE, counted

    rows = counts[counts["stance"].isin(stances) & ~counts["period"].isin((OUTSIDE, "undated"))]
    return int((rows.groupby("period")[counted(rows)].sum() > 0).sum()) if len(rows) else 0


def _drawable_dates(statements: pd.DataFrame) -> pd.Series:
    """True for statements whose event dates are empty or inside :data:`PLOT_YEARS`."""
    lo, hi = f"{PLOT_YEARS[0]:04d}", f"{PLOT_YEARS[1]:04d}-12-31"

    def ok(value) -> bool:
        value = str(value or "")
        return not value or lo <= value <= hi

    return statements["event_start"].map(ok).astype(bool) & statements["event_end"].map(ok).astype(bool)


def report_figures(tables, events: pd.DataFrame | None, inputs: Sequence[str]) -> list[tuple[str, str, plt.Figure, pd.DataFrame, dict]]:
    """The report's figures as (name, title, figure, plotted data, caption) — drawn, not yet written."""
    from . import aggregate, corpus, plots  # local: keeps `import analysis.export` light

    figures = []
    inputs = list(inputs)
    # The figure's CSV holds exactly what is drawn: the two stances, in the periods that have them.
    drawn = ("denial", "accusation")
    counts, unit = tables.counts, "month"
    if _dated_periods(counts, drawn) > MAX_MONTHS_DRAWN:
        # decades of months make bars too thin to see: a corpus spanning years is drawn by year
        counted = corpus.counted_statements(tables.statements, tables.articles, aggregate.COUNT_COLUMNS)
        counts, unit = aggregate.count_statements(counted, corpus.counted_articles(tables.articles), freq="year"), "year"
    by_month = counts[counts["stance"].isin(drawn) & ~counts["period"].isin(UNDRAWN_PERIODS)]
    shown = by_month.groupby("period")[aggregate.counted(by_month)].sum() if len(by_month) else by_month
    by_month = by_month[by_month["period"].isin([p for p in shown.index if shown[p] > 0])] if len(by_month) \
        else by_month
    title = f"Denials and accusations reported, by {unit} it happened"
    ax = plots.plot_periods(_plot_copy(counts), title=title)
    figures.append(("denials-accusations-by-period", title,
                    ax.figure, by_month, {
                        "inputs": inputs, "periods": sorted(set(by_month["period"])),
                        "grouping": f"{unit} of the event date resolved from the text (midpoint of its range)",
                        "denominator": f"{aggregate.unit_words(tables.counts)} in the counted input articles "
                                       "(wire copies once) whose event falls in the period; share and period "
                                       "total are of all stances; reports, not events"}))
    strip_data = tables.statements[["doc_id", "statement_id", "actor", "target", "stance", "cue", "time_text",
                                    "event_start", "event_end", "text"]]
    drawable = _drawable_dates(tables.statements)
    n_docs = tables.statements["doc_id"].nunique()
    # a corpus: denials and accusations only, the most reported directions, so it can be read
    corpus_view = {"stances": ("denial", "accusation"), "title": f"Who denied or accused whom, when ({n_docs} articles)",
                   "max_bands": STRIP_MAX_BANDS} if n_docs > 1 else {}
    ax = plots.plot_statement_strip(_plot_copy(tables.statements[drawable]), **corpus_view)
    strip_caption = {
        "inputs": inputs, "periods": [str(strip_data["event_start"].min()), str(strip_data["event_end"].max())],
        "denominator": "each marker is one statement reported in the input articles"}
    if not drawable.all():
        strip_caption["not_drawn"] = (f"{int((~drawable).sum())} statement(s) dated outside the years "
                                      f"{PLOT_YEARS[0]}–{PLOT_YEARS[1]} are listed in the CSV but not drawn")
    figures.append(("who-said-what-when", "Who said what, when", ax.figure, strip_data, strip_caption))
    if events is not None and len(events):
        ax = plots.plot_rounds(_plot_copy(events, ("actor", "actor_country", "paraphrase")))
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
    ax = plots.plot_counts_over_time(_plot_copy(reported), title="Denials and accusations reported, by month published",
                                     xlabel="month the article was published")
    reported = reported[reported["stance"].isin(["denial", "accusation"])]  # the CSV holds what is drawn
    figures.append(("statements-over-time", "Denials and accusations reported, by month published", ax.figure,
                    reported, {"inputs": list(inputs), "periods": sorted(months),
                               "grouping": "month the article was published",
                               "denominator": f"statements in {len(articles)} counted articles (wire copies once)"}))
    if articles["outlet"].nunique() >= 2:
        by_outlet = aggregate.count_by_outlet(statements, articles, freq="month")
        ax = plots.plot_outlets_over_time(_plot_copy(by_outlet))
        figures.append(("by-outlet-over-time", "Denials and accusations reported per article, by outlet",
                        ax.figure, by_outlet, {
                            "inputs": list(inputs), "periods": sorted(months),
                            "grouping": "month the article was published × outlet",
                            "denominator": "denials + accusations per article of that outlet and month"}))
    return figures


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True


class ReportFolder:
    """Write a report into a temporary folder beside `out` and move it into place at the end.

    - An interrupted or failed run leaves the previous report whole: the new files sit in
      ``.<name>.partial-<pid>`` until everything is written, then replace the old folder,
      so stale files from an earlier run never sit beside new ones.
    - A second run into the same folder while one is writing is refused (a lock file
      ``.<name>.lock`` beside it, holding the writer's process id; a lock left by a dead
      process is taken over).
    - A folder that holds other files than an earlier report of this kit is never replaced:
      the run stops with a message instead of deleting someone's files.
    """

    def __init__(self, out: Path | str) -> None:
        self.shown = Path(out)
        out = Path(out)
        if out.is_symlink():
            out = out.resolve()
        self.out = Path(os.path.abspath(out))
        parent, name = self.out.parent, self.out.name
        self.lock = parent / f".{name}.lock"
        self.tmp = parent / f".{name}.partial-{os.getpid()}"
        self._locked = False

    def _check_replaceable(self) -> None:
        out = self.out
        if not out.exists():
            return
        if not out.is_dir():
            raise OutputError(self.shown, "exists and is not a folder; choose another --out")
        try:
            names = {p.name for p in out.iterdir()}
        except OSError as exc:
            raise _output_error(self.shown, exc) from None
        if not names:
            return
        if MANIFEST in names:
            try:
                listed = json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("files", {})
                tops = {MANIFEST} | {str(f).split("/", 1)[0] for f in listed}
            except (OSError, ValueError, AttributeError):
                tops = None
            extra = sorted(names - tops) if tops is not None else []
            if tops is not None and not extra:
                return
            what = f"files this kit did not write ({', '.join(extra[:3])})" if extra else "an unreadable manifest.json"
        else:
            extra = sorted(names - _LEGACY_REPORT_NAMES)
            if not extra:
                return  # a report written before reports carried a manifest
            what = f"files that are not a report of this kit ({', '.join(extra[:3])})"
        raise OutputError(self.shown, f"holds {what}; a report replaces its folder whole, so choose a new "
                                      "or empty --out folder (or move those files)")

    def _acquire(self) -> None:
        for _ in range(2):
            try:
                fd = os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    pid = int(self.lock.read_text().split()[0])
                except (OSError, ValueError, IndexError):
                    pid = -1
                if pid > 0 and _pid_alive(pid) and pid != os.getpid():
                    raise OutputError(self.shown, f"another run (process {pid}) is writing this report; wait for "
                                                  f"it to finish or choose another --out (lock: {self.lock})") from None
                if pid == -1:
                    raise OutputError(self.shown, f"another run may be writing this report (lock file {self.lock}); "
                                                  "remove the lock file if no run is going on") from None
                with contextlib.suppress(FileNotFoundError):
                    self.lock.unlink()  # left behind by a run that died
                continue
            except OSError as exc:
                raise _output_error(self.shown, exc) from None
            with os.fdopen(fd, "w") as f:
                f.write(f"{os.getpid()}\n")
            self._locked = True
            return
        raise OutputError(self.shown, f"could not take the lock {self.lock}")

    def __enter__(self) -> Path:
        if not self.out.name or self.out == self.out.parent:
            raise OutputError(self.shown, "is the root folder; choose a named folder for the report")
        with _writing(self.out.parent, self.shown.parent):
            self.out.parent.mkdir(parents=True, exist_ok=True)
        self._acquire()
        try:
            self._check_replaceable()
            if self.tmp.exists():
                shutil.rmtree(self.tmp)
            with _writing(self.tmp, self.shown):
                self.tmp.mkdir()
        except BaseException:
            self._release()
            raise
        return self.tmp

    def _release(self) -> None:
        if self._locked:
            with contextlib.suppress(OSError):
                self.lock.unlink()
            self._locked = False

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._commit()
        finally:
            if self.tmp.exists():
                shutil.rmtree(self.tmp, ignore_errors=True)
            self._release()

    def _commit(self) -> None:
        write_manifest(self.tmp)
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        with _writing(self.out, self.shown):
            if self.out.exists():
                os.rename(self.out, old)
                try:
                    os.rename(self.tmp, self.out)
                except OSError:
                    os.rename(old, self.out)  # put the previous report back
                    raise
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(self.tmp, self.out)


def write_manifest(folder: Path | str) -> Path:
    """List every file of `folder` (relative path, bytes, SHA-256) in `folder/manifest.json`."""
    folder = Path(folder)
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        files[path.relative_to(folder).as_posix()] = {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
    return write_json(folder / MANIFEST, {"kit": "who-said-what", "kit_version": __version__, "files": files})


def _label(value, limit: int = LABEL_MAX):
    """A figure label of at most `limit` characters (long outlet or actor names would make a huge image)."""
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def _plot_copy(frame: pd.DataFrame, columns: Sequence[str] = ("actor", "target", "outlet", "period")) -> pd.DataFrame:
    """`frame` with its label columns cut to :data:`LABEL_MAX` characters, for drawing only."""
    cols = [c for c in columns if c in frame.columns]
    if not cols:
        return frame
    out = frame.copy()
    for col in cols:
        out[col] = out[col].map(_label)
    return out


class _RowsByDoc:
    """Rows of a table per doc_id: positions found in one pass (a filter per article was
    quadratic), each article's frame cut only when asked for (holding them all costs memory)."""

    def __init__(self, table: pd.DataFrame) -> None:
        import pandas as pd

        # Plain object columns: taking rows from Arrow-backed strings that pd.concat left in
        # many chunks costs time in proportion to the whole table, once per article.
        self.table = table.astype({c: object for c in table.columns if pd.api.types.is_string_dtype(table[c])})
        self.positions = table.groupby("doc_id", sort=False).indices if len(table) else {}

    def get(self, doc_id: str) -> pd.DataFrame:
        idx = self.positions.get(doc_id)
        return self.table.iloc[idx] if idx is not None else self.table.iloc[:0]


def write_report(tables, out_dir: Path | str, *, events: pd.DataFrame | None = None,
                 inputs: Sequence[str] = (), raw_csv: bool = False,
                 errors: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write the whole report: tables as CSV, figures, one HTML page per article and `index.html`.

    Everything is written into a temporary folder beside `out_dir` and moved into place
    at the end (see :class:`ReportFolder`), with a ``manifest.json`` listing every file.
    CSVs are spreadsheet-safe unless `raw_csv`. `errors` are the articles' recorded errors, shown
    beside the sentences they concern. Returns the paths as they are in `out_dir`.
    """
    out = Path(out_dir)
    with ReportFolder(out) as tmp:
        try:
            written = _write_report_files(tables, tmp, events=events, inputs=inputs, raw_csv=raw_csv,
                                          errors=errors)
        except OutputError as exc:  # name the file as the user knows it, not its temporary folder
            raise OutputError(exc.path.replace(str(tmp), str(out)), exc.reason) from None
    written = {k: out / Path(p).relative_to(tmp) for k, p in written.items()}
    written[MANIFEST] = out / MANIFEST
    return written


def _write_report_files(tables, out: Path, *, events, inputs, raw_csv: bool,
                        errors: pd.DataFrame | None = None) -> dict[str, Path]:
    import matplotlib.pyplot as plt

    from . import render  # local: keeps `import analysis.export` light

    written = write_tables(tables.as_dict(), out, raw=raw_csv)
    figure_links = []
    # Outlet and actor names are untrusted text: '$' must not start matplotlib's math parser.
    with plt.rc_context({"text.parse_math": False}), warnings.catch_warnings():
        # a strip with every statement outside the drawable years has no legend entries
        warnings.filterwarnings("ignore", message="No artists with labels found")
        figures = report_figures(tables, events, inputs)
        try:
            for name, title, fig, data, caption in figures:
                paths = save_figure(fig, name, out / "figures", data, caption)
                figure_links.append(_relative_figure(paths, out, title))
                written.update({f"{name}.{k}": p for k, p in paths.items()})
        finally:
            close(f[2] for f in figures)
    pages: dict[str, str] = {}
    used: set[str] = set()
    spans_by_doc, statements_by_doc = _RowsByDoc(tables.spans), _RowsByDoc(tables.statements)
    for article in tables.articles.to_dict("records"):
        rel = unique_name(f"articles/{safe_filename(article['doc_id'])}", ".html", used)
        doc_id = article["doc_id"]
        written[rel] = write_text(out / rel, render.article_html(
            article, spans_by_doc.get(doc_id), statements_by_doc.get(doc_id), errors=errors))
        pages[doc_id] = rel
    del spans_by_doc, statements_by_doc
    written["index.html"] = write_text(out / "index.html", render.index_html(
        tables.articles, pages, figure_links, [f"{n}.csv" for n in tables.as_dict()], tables.rejects,
        statements=tables.statements))
    return written


def set_key_released(folder: Path | str, released: bool) -> Path:
    """Release (or hide again) the answer key for the class saving into `folder`: a marker file there."""
    from .classroom import RELEASE_FILE

    path = Path(folder) / RELEASE_FILE
    if released:
        return write_text(path, "The teacher released the answer key: students see it before handing in.\n")
    path.unlink(missing_ok=True)
    return path


def write_answers(answers: pd.DataFrame, out_dir: Path | str, student: str | None = None, *,
                  saw_key: bool = False) -> Path:
    """Save a classroom answer sheet as a new file in `out_dir`; never overwrites one; returns the path.

    The file is ``<slug>-<id>.csv`` (``<slug>-<id>.v2.csv``, ... for later versions), where
    `id` is :func:`classroom.student_id` of the name, so names that slug alike (any non-Latin
    name, *Zoë* / *Zoe*) never share a file. The name, id, version and whether the student had
    seen the key are stored inside the sheet.
    """
    from .classroom import student_id  # local: classroom imports nltk

    name = student if student is not None else (str(answers["student"].iloc[0]) if len(answers) else "student")
    ident = student_id(name)
    stem = f"{safe_filename(name, 'student', max_length=40)}-{ident}"
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    version = 1
    while True:
        path = folder / (f"{stem}.csv" if version == 1 else f"{stem}.v{version}.csv")
        sheet = answers.assign(student_id=ident, version=version, saw_key=bool(saw_key))
        try:
            with open(path, "x", encoding="utf-8", newline="") as handle:  # "x": two saves can never meet
                sheet.to_csv(handle, index=False)
            return path
        except FileExistsError:
            version += 1
