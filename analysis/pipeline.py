"""Glue: run every stage over the articles table and return the kit's tables."""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from . import acts, annotate, boilerplate, corpus, events, schema, timex

if TYPE_CHECKING:  # pandas is imported where frames are built: `statements` passes rows end to end
    import pandas as pd

#: Articles per task sent to a worker process: large enough to amortise the hand-over.
CHUNK_SIZE = 8
#: Runs longer than this many articles show a progress bar in a terminal or notebook.
PROGRESS_THRESHOLD = 20


@dataclass
class Tables:
    """Everything one run produces (the tables of DESIGN §2, plus the inputs not used)."""

    articles: pd.DataFrame
    spans: pd.DataFrame
    statements: pd.DataFrame
    counts: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: schema.rejects_frame([]))

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The four tables by name, in DESIGN §2 order (rejects included)."""
        return {"articles": self.articles, "spans": self.spans, "statements": self.statements,
                "counts": self.counts, "rejects": self.rejects}


def _article_rows(article: Mapping) -> tuple[list[dict], list[dict]]:
    """Span rows (sorted by start, end, layer) and statement rows of one article."""
    doc_id, text = str(article["doc_id"]), str(article["text"])
    published = str(article.get("published") or "") or None
    bp_rows = boilerplate.find_boilerplate(text)
    skip = [(r["start"], r["end"]) for r in bp_rows]
    # Rows, not frames, from stage to stage until a whole chunk is done: a frame per
    # article and stage cost more than the annotation itself.
    annotated, statements = annotate.annotate_rows(doc_id, text, skip=skip)
    timex_rows = [{**r, "doc_id": doc_id} for r in timex.find_timexes(text, published, skip=skip)]
    statement_rows = events.assign_event_times(statements, timex_rows, text, published, spans=annotated)
    span_rows = [{**r, "doc_id": doc_id} for r in bp_rows] + annotated + timex_rows
    span_rows.sort(key=lambda r: (r["start"], r["end"], r["layer"]))
    # dated statements -> speech acts (act_id) and which denial answers which accusation
    return span_rows, acts.link_rows(statement_rows)


def process_article(article: Mapping) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements of one article: boilerplate, annotation, time, then speech acts and pairing."""
    span_rows, statement_rows = _article_rows(article)
    return schema.frame("spans", span_rows), schema.frame("statements", statement_rows)


def _annotate_chunk(articles: list[dict], signatures: bool = False, frames: bool = True
                    ) -> tuple[pd.DataFrame | None, pd.DataFrame | list[dict], list | None]:
    """Spans and statements of a chunk of articles (runs in a worker process), one frame
    each; with `signatures`, each article's wire-copy signature too
    (:func:`analysis.corpus.signature`), computed where the text already is. Without
    `frames`: no spans, and the statements as rows (:func:`analysis.schema.rows`)."""
    span_rows: list[dict] = []
    statement_rows: list[dict] = []
    for article in articles:
        s, st = _article_rows(article)
        span_rows.extend(s)
        statement_rows.extend(st)
    sigs = [corpus.signature(a["text"]) for a in articles] if signatures else None
    if not frames:
        return None, schema.rows("statements", statement_rows), sigs
    return schema.frame("spans", span_rows), schema.frame("statements", statement_rows), sigs


def default_workers() -> int:
    """Worker processes for annotation: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def want_progress(progress: bool | None, total: int | None) -> bool:
    """Show a progress bar? Yes when asked; by default only for long runs (> 20 articles) in a terminal or notebook."""
    if progress is not None:
        return bool(progress)
    interactive = sys.stderr.isatty() or "ipykernel" in sys.modules
    return bool(total and total > PROGRESS_THRESHOLD and interactive)


def _worker_start() -> None:
    """Set up a worker process's garbage collector; nothing the worker computes changes.

    The objects the worker inherited from the parent (the kit, pandas, the lexicons) are
    frozen out of the cyclic collector, which would otherwise walk them again at every full
    collection; and the youngest generation is collected every 20,000 allocations instead of
    Python's 700: annotation makes many short-lived objects, few of them in cycles, and the
    frequent young collections cost the workers 2-3 % of their time (one cold pass over the
    PolNeAR texts: 10.64 -> 10.38 ms per article, four alternating runs)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 100)


def _start_method() -> multiprocessing.context.BaseContext:
    """How worker processes start. ``fork`` on Linux when this process runs no other thread
    (the command line, a script): the workers start at once with what this process has
    imported, where a fresh interpreter took a second to import the kit before the first
    article. Forking a process that runs threads (Jupyter, Dask, a progress bar's monitor)
    can deadlock: there ``forkserver`` (``spawn`` where it is missing), as before."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["analysis.pipeline", "pandas"])
    return context


def iter_annotated(articles: Iterable[Mapping], *, workers: int | None = None, chunk_size: int = CHUNK_SIZE,
                   progress: bool | None = None, total: int | None = None
                   ) -> Iterator[tuple[list[dict], pd.DataFrame, pd.DataFrame]]:
    """Stream (articles, spans, statements) chunk by chunk, in input order.

    Articles are read from the iterable as workers free up (at most two chunks
    per worker in flight), so a corpus of any size runs in constant memory.
    `workers` > 1 annotates across processes; output is identical to one process.
    """
    for chunk, (spans, statements, _) in _chunk_results(articles, workers, chunk_size, progress, total):
        yield chunk, spans, statements


def _chunk_results(articles: Iterable[Mapping], workers: int | None, chunk_size: int, progress: bool | None,
                   total: int | None, signatures: bool = False, frames: bool = True
                   ) -> Iterator[tuple[list[dict], tuple]]:
    """(chunk, :func:`_annotate_chunk` of it), chunk by chunk in input order: the engine of
    :func:`iter_annotated`, in this process or across `workers` processes."""
    workers = default_workers() if workers is None else max(1, int(workers))
    bar = None
    if want_progress(progress, total):
        from tqdm.auto import tqdm  # imported here: nothing happens at import of the kit

        bar = tqdm(total=total, unit="article", desc="annotating")
    chunks = corpus.chunked((dict(a) for a in articles), chunk_size)
    try:
        if workers == 1:
            for chunk in chunks:
                result = _annotate_chunk(chunk, signatures, frames)
                if bar is not None:
                    bar.update(len(chunk))
                yield chunk, result
            return
        if frames:
            # The workers build frames: pandas is imported here, before they fork, so they
            # share its pages instead of each importing its own copy (about 70 MB each).
            import pandas  # noqa: F401
        with ProcessPoolExecutor(max_workers=workers, mp_context=_start_method(), initializer=_worker_start) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append((chunk, pool.submit(_annotate_chunk, chunk, signatures, frames)))
                while len(pending) >= 2 * workers:
                    done_chunk, future = pending.popleft()
                    result = future.result()
                    if bar is not None:
                        bar.update(len(done_chunk))
                    yield done_chunk, result
            while pending:
                done_chunk, future = pending.popleft()
                result = future.result()
                if bar is not None:
                    bar.update(len(done_chunk))
                yield done_chunk, result
    finally:
        if bar is not None:
            bar.close()


def annotate_articles(articles: pd.DataFrame, *, workers: int | None = None, progress: bool | None = None,
                      chunk_size: int = CHUNK_SIZE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spans and statements for every article, concatenated in input order.

    Small inputs run in this process; larger ones across `workers` processes
    (default: every core), with the same result.
    """
    return _annotate_all(articles, workers, progress, chunk_size)


def annotate_statement_rows(articles: list[Mapping], *, workers: int | None = None, progress: bool | None = None,
                            chunk_size: int = CHUNK_SIZE) -> list[dict]:
    """The statements of :func:`annotate_articles` as rows (:func:`analysis.schema.rows`), for
    article rows (doc_id, text, published): the ``statements`` command's path, which never
    builds a frame and so never imports pandas."""
    statements: list[dict] = []
    for _, (_, rows, _) in _chunk_results(_work(articles), _workers_for(len(articles), workers, chunk_size),
                                          chunk_size, progress, len(articles), frames=False):
        statements.extend(rows)
    return statements


def _work(articles: Iterable[Mapping]) -> Iterator[dict]:
    """What a worker needs of each article row: its id, text and publication date."""
    return ({"doc_id": a["doc_id"], "text": a["text"], "published": a.get("published", "")} for a in articles)


def _workers_for(n: int, workers: int | None, chunk_size: int) -> int | None:
    """`workers`, or one when none was asked for and `n` articles are too few to share."""
    if workers is None and n <= 2 * chunk_size:
        return 1  # starting worker processes costs more than it saves
    return workers


def _annotate_all(articles: pd.DataFrame, workers: int | None, progress: bool | None, chunk_size: int,
                  wire: corpus.WireIndex | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`annotate_articles`; given a `wire` index, every article is added to it too, in
    input order, with the signature its worker computed (as :func:`corpus.find_wire_copies`
    adds them), so finding wire copies costs the parent no pass over the texts."""
    import pandas as pd

    n = len(articles)
    workers = _workers_for(n, workers, chunk_size)
    spans, statements = [schema.empty("spans")], [schema.empty("statements")]
    for chunk, (s, st, sigs) in _chunk_results(_work(articles.to_dict("records")), workers, chunk_size, progress, n,
                                               wire is not None):
        spans.append(s)
        statements.append(st)
        for article, (sig, size) in zip(chunk, sigs or ()):
            wire.add_signature(article["doc_id"], sig, size, article["published"])
    return pd.concat(spans, ignore_index=True), pd.concat(statements, ignore_index=True)


def run(articles: pd.DataFrame, *, when: str = "happened", freq: str = "month",
        periods: Mapping[str, tuple[str, str]] | None = None, rejects: pd.DataFrame | None = None,
        collapse_wire: bool = True, workers: int | None = None, progress: bool | None = None) -> Tables:
    """Annotate, date and count `articles`; counts are statements reported per period and stance.

    Wire copies (the same story in several articles) are grouped and, with
    `collapse_wire` (the default), counted once; the decision is recorded in the
    articles table (``wire_group``, ``collapsed``). Every statement stays in the
    statements table either way.
    """
    from . import aggregate

    # the wire-copy signatures are made by the workers, beside the annotation
    wire = corpus.WireIndex()
    spans, statements = _annotate_all(articles, workers, progress, CHUNK_SIZE, wire)
    articles = corpus.with_wire_decisions(articles, wire.decisions(collapse_wire) if len(articles) else None)
    counted = corpus.counted_statements(statements, articles, aggregate.COUNT_COLUMNS)
    counts = aggregate.count_statements(counted,
                                        corpus.counted_articles(articles), when=when, freq=freq, periods=periods)
    tables = Tables(articles, spans, statements, counts)
    if rejects is not None:
        tables.rejects = rejects
    return tables
