"""The path for archives that outgrow one machine: Dask over files, partitioned Parquet out.

The same stages as :func:`analysis.pipeline.run`, spread with ``dask.bag``
over units of input (a file, or one text of a PolNeAR folder), on whatever
Dask scheduler is active: a ``distributed.Client`` (a laptop's LocalCluster
or a real cluster), or a local scheduler named with ``scheduler=``.

1. **Survey** (parallel): each unit is read and reduced to a few numbers per
   article (doc_id, outlet, date, text fingerprint, MinHash signature); texts
   stay on the workers.
2. **Decide** (here, small): duplicates are rejected and wire copies grouped
   in reading order, exactly as in one process (:class:`analysis.load.Deduplicator`,
   :class:`analysis.corpus.WireIndex`).
3. **Annotate** (parallel): each partition re-reads its units, annotates the
   articles kept and writes ``articles/``, ``spans/`` and ``statements/``
   as one Parquet file per partition, plus ``rejects/``.

:func:`read_tables` and :func:`count_statements` read the Parquet back (only the
columns they need); counts equal the single-process path's. Workers need the kit
installed and the input paths visible (a shared disk or the same machine);
``out_dir`` must be writable by them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import aggregate, corpus, load, pipeline, schema

#: Units of input per Dask partition (one task reads and annotates that many files).
PARTITION_SIZE = 64
TABLES = ("articles", "spans", "statements", "rejects")


@dataclass
class DaskRun:
    """What a distributed run wrote and counted."""

    out_dir: str
    partitions: int
    articles: int
    rejects: int
    statements: int
    wire_copies_collapsed: int

    def as_dict(self) -> dict:
        return asdict(self)


def _survey_partition(units: Sequence[load.InputUnit], published: str | None,
                      options: load.LoadOptions) -> list[dict]:
    """Per article: the numbers the decisions need, no text. Per reject: path and reason."""
    out = []
    for unit_no, unit in units:
        for row in load.read_unit(unit, published, options):
            if isinstance(row, load.Reject):
                out.append({"unit": unit_no, "reject": (row.source_path, row.reason)})
                continue
            sig, size = corpus.signature(row["text"])
            out.append({"unit": unit_no, "doc_id": row["doc_id"], "source_path": row["source_path"],
                        "outlet": row["outlet"], "published": row["published"],
                        "fingerprint": load.text_fingerprint(row["text"]), "sig": sig, "size": size})
    return out


def _write_parquet(frame: pd.DataFrame, path: Path) -> str:
    # Workers write their own partition (moving tables back to one process would defeat the purpose).
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(path, index=False, engine="pyarrow")
    return str(path)


def _annotate_partition(payload: tuple, out_dir: str, published: str | None, options: load.LoadOptions) -> dict:
    """Read, annotate and write one partition; returns row counts."""
    part_no, units, keep = payload
    rows = []
    for _, unit in units:
        for row in load.read_unit(unit, published, options):
            if isinstance(row, dict) and row["source_path"] in keep:
                wire_group, collapsed = keep[row["source_path"]]
                rows.append({**row, "wire_group": wire_group, "collapsed": collapsed})
    articles = schema.frame("articles", [{k: v for k, v in r.items() if k in schema.TABLES["articles"]}
                                         for r in rows])
    articles["wire_group"] = [r["wire_group"] for r in rows]
    articles["collapsed"] = pd.Series([bool(r["collapsed"]) for r in rows], dtype=bool)
    spans, statements = pipeline.annotate_articles(articles, workers=1, progress=False)
    out = Path(out_dir)
    name = f"part-{part_no:05d}.parquet"
    _write_parquet(articles, out / "articles" / name)
    _write_parquet(spans, out / "spans" / name)
    _write_parquet(statements, out / "statements" / name)
    return {"articles": len(articles), "statements": len(statements)}


def _compute(bag, scheduler: str | None):
    return bag.compute(scheduler=scheduler) if scheduler else bag.compute()


def _remove_stale_partitions(out: Path) -> None:
    """Partitions of an earlier run would be read back with this one's."""
    for table in TABLES:
        for stale in (out / table).glob("part-*.parquet"):
            stale.unlink()


def _numbered_units(paths: Iterable[Path | str]) -> tuple[list[tuple[int, load.InputUnit]], list[tuple]]:
    """Units of input numbered in reading order, and (number, path, reason) of those rejected unread."""
    units, rejects = [], []
    for n, unit in enumerate(load.iter_units(paths)):
        if isinstance(unit, load.Reject):
            rejects.append((n, unit.source_path, unit.reason))
        else:
            units.append((n, unit))
    return units, rejects


def _survey(parts: list[list], published: str | None, options: load.LoadOptions, scheduler: str | None) -> list[dict]:
    """Step 1, in parallel: every partition's :func:`_survey_partition`, in partition order."""
    import dask.bag as db

    if not parts:
        return []
    return _compute(db.from_sequence(parts, npartitions=max(1, len(parts)))
                    .map(_survey_partition, published, options).flatten(), scheduler)


def _decide(surveyed: list[dict], rejects: list[tuple], collapse_wire: bool
            ) -> tuple[list[dict], pd.DataFrame, dict[int, dict[str, tuple[str, bool]]]]:
    """Step 2, here: duplicates rejected (added to `rejects`) and wire copies grouped, in reading
    order as :func:`analysis.load.iter_articles` does. Returns the articles kept, the wire
    decisions, and per unit number ``{source_path: (wire_group, collapsed)}``."""
    dedup, wire = load.Deduplicator(), corpus.WireIndex()
    kept: list[dict] = []
    for item in surveyed:
        if "reject" in item:
            rejects.append((item["unit"], *item["reject"]))
            continue
        duplicate = dedup.check(item["doc_id"], item["source_path"], item["fingerprint"], item["outlet"])
        if duplicate:
            rejects.append((item["unit"], duplicate.source_path, duplicate.reason))
            continue
        wire.add_signature(item["doc_id"], item["sig"], item["size"], item["published"])
        kept.append(item)
    decisions = wire.decisions(collapse_wire)
    keep_by_unit: dict[int, dict[str, tuple[str, bool]]] = {}
    for item, group, collapsed in zip(kept, decisions["wire_group"], decisions["collapsed"]):
        keep_by_unit.setdefault(item["unit"], {})[item["source_path"]] = (group, bool(collapsed))
    return kept, decisions, keep_by_unit


def _annotate(parts: list[list], keep_by_unit: dict[int, dict], out: Path, published: str | None,
              options: load.LoadOptions, scheduler: str | None, show_progress: bool) -> list[dict]:
    """Step 3, in parallel: annotate and write each partition; each task gets only its own decisions."""
    import dask.bag as db

    payloads = []
    for part_no, part in enumerate(parts):
        keep = {}
        for unit_no, _ in part:
            keep.update(keep_by_unit.get(unit_no, {}))
        payloads.append((part_no, part, keep))
    if not payloads:
        return []
    bag = db.from_sequence(payloads, npartitions=len(payloads)).map(_annotate_partition, str(out), published, options)
    if show_progress:
        from dask.diagnostics import ProgressBar  # only the local schedulers report through it

        with ProgressBar():
            return _compute(bag, scheduler)
    return _compute(bag, scheduler)


def _write_rejects(rejects: list[tuple], out: Path) -> pd.DataFrame:
    """The rejects table, in the order a single process would list them, as one Parquet partition."""
    rejects.sort(key=lambda r: r[0])
    reject_frame = pd.DataFrame([{"source_path": p, "reason": r} for _, p, r in rejects],
                                columns=load.REJECT_COLUMNS)
    _write_parquet(reject_frame, out / "rejects" / "part-00000.parquet")
    return reject_frame


def run_dask(paths: Iterable[Path | str], out_dir: Path | str, *, published: str | None = None,
             options: load.LoadOptions | None = None, collapse_wire: bool = True,
             partition_size: int = PARTITION_SIZE, scheduler: str | None = None, progress: bool | None = None
             ) -> DaskRun:
    """Load, annotate and write `paths` as partitioned Parquet under `out_dir` with Dask.

    Uses the active ``distributed.Client`` if there is one, else `scheduler`
    ('threads', 'processes' or 'synchronous'; default: Dask's default).
    Counting is left to :func:`count_statements`, which reads the Parquet.
    """
    import dask.bag  # noqa: F401 -- without Dask, fail here, before out_dir is touched

    options = options or load.LoadOptions()
    out = Path(out_dir)
    _remove_stale_partitions(out)
    units, rejects = _numbered_units(paths)
    parts = list(corpus.chunked(units, max(1, partition_size)))
    surveyed = _survey(parts, published, options, scheduler)
    kept, decisions, keep_by_unit = _decide(surveyed, rejects, collapse_wire)
    written = _annotate(parts, keep_by_unit, out, published, options, scheduler,
                        pipeline.want_progress(progress, len(kept)))
    reject_frame = _write_rejects(rejects, out)
    return DaskRun(out_dir=str(out), partitions=len(parts), articles=sum(w["articles"] for w in written),
                   rejects=len(reject_frame), statements=sum(w["statements"] for w in written),
                   wire_copies_collapsed=int(decisions["collapsed"].sum()))


def read_table(out_dir: Path | str, table: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """One table written by :func:`run_dask` (all partitions, in partition order); `columns` to read fewer."""
    folder = Path(out_dir) / table
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not files:
        base = schema.empty(table) if table in schema.TABLES else pd.DataFrame(columns=load.REJECT_COLUMNS)
        if table == "articles":
            base = corpus.mark_wire_copies(base)
        return base[list(columns)] if columns else base
    return pd.concat([pd.read_parquet(f, columns=list(columns) if columns else None) for f in files],
                     ignore_index=True)


def read_tables(out_dir: Path | str) -> pipeline.Tables:
    """All tables of a distributed run, counts included (for runs that fit in memory once written)."""
    articles = read_table(out_dir, "articles")
    statements = read_table(out_dir, "statements")
    counts = count_statements(out_dir)
    return pipeline.Tables(articles, read_table(out_dir, "spans"), statements, counts,
                           rejects=read_table(out_dir, "rejects"))


def count_statements(out_dir: Path | str, *, when: str = "happened", freq: str = "month",
                     periods: Mapping[str, tuple[str, str]] | None = None, by_actor: bool = False) -> pd.DataFrame:
    """:func:`analysis.aggregate.count_statements` over the Parquet of a run; collapsed wire copies left out.

    Reads only the few columns counting needs (``aggregate.COUNT_COLUMNS``; the text columns
    stay on disk), so it works on archives whose tables would not fit in memory whole.
    """
    articles = read_table(out_dir, "articles", ["doc_id", "published", "collapsed"])
    statements = read_table(out_dir, "statements", list(aggregate.COUNT_COLUMNS))
    return aggregate.count_statements(corpus.counted_statements(statements, articles),
                                      corpus.counted_articles(articles), when=when, freq=freq, periods=periods,
                                      by_actor=by_actor)


def local_client(workers: int | None = None, processes: bool = True):
    """A ``distributed.Client`` on a LocalCluster of this machine's cores (close it when done)."""
    from distributed import Client, LocalCluster

    n = workers or pipeline.default_workers()
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None)
    return Client(cluster)
