"""The kit's tables and their columns, declared once.

Every other module builds its frames from these declarations, and
``data/README.md`` (the data dictionary) is checked against them by a test.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pandas is imported where a frame is built: `statements` writes rows without it
    import pandas as pd

#: table name -> {column: one-line description}
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "doc_id": "Stable id of the article: the front matter's `id`, else the input file's stem.",
        "title": "Headline, from front matter or the first line of the body.",
        "outlet": "Where the article was published (site or paper).",
        "credit": "Agency or author credited (e.g. NAN, AP).",
        "url": "Address of the article, if known.",
        "published": "Publication date (YYYY-MM-DD); empty when unknown.",
        "text": "Body as loaded: decoded, BOM removed, newlines as \\n, front matter removed. All offsets point into it.",
        "source_path": "File the article was read from.",
        "wire_group": "doc_id of the copy counted for this wire story (itself when it is the counted copy); empty when the article has no wire copies.",
        "collapsed": "True when this article is a wire copy left out of the counts (its statements stay in the statements table).",
        "notes": "What loading changed or doubted, '; '-separated: bad UTF-8 bytes replaced, read as cp1252, a placeholder date (0001-01-01, 9999-12-31) treated as unknown, a long outlet name cut; empty when nothing.",
    },
    "spans": {
        "doc_id": "Article the span belongs to.",
        "layer": "Annotation layer: boilerplate, quote, source, cue, content, denial, accusation, hedge, evidence, scare_quote, loaded, timex.",
        "label": "Label within the layer (e.g. a TimeML type for timex, a CAMEO name for denial).",
        "start": "Start character offset into the article text.",
        "end": "End character offset (exclusive); text == article_text[start:end].",
        "text": "The covered text, verbatim.",
        "value": "Layer-specific value: statement_id for cue/source/content, CAMEO code for stance, TimeML value for timex.",
        "rule": "Id of the rule or lexicon row that produced the span.",
    },
    "statements": {
        "doc_id": "Article the statement comes from.",
        "statement_id": "Unique id, `<doc_id>:<n>`.",
        "sent_index": "Index of the sentence (0-based) the statement starts in.",
        "start": "Start character offset of the statement's sentence or clause.",
        "end": "End character offset of the statement's sentence or clause.",
        "text": "The statement's sentence or clause, verbatim.",
        "mode": "direct | indirect | mixed | according_to.",
        "cue": "Attribution cue as written (said, accused, according to ...).",
        "source": "Source as written, pronouns resolved (e.g. 'The Foreign Ministry in Pyongyang').",
        "source_type": "person | organisation | government | media | anonymous | document | unknown.",
        "speaker": "The named speaker, canonical across the article (e.g. 'John Kirby', 'Citicorp'); empty when nobody is named.",
        "actor": "The party the speaker speaks for (e.g. 'United States' for John Kirby; the person for a politician; the client for a lawyer); 'unknown' when nobody is named.",
        "target": "Canonical actor accused or whose accusation is denied; empty if none.",
        "stance": "denial | accusation | other.",
        "hedged": "True when a hedge (could potentially, reportedly, ...) qualifies the statement.",
        "evidence": "Evidence marker found with it (e.g. 'no evidence'); empty if none.",
        "time_text": "Temporal expression that dates the event, as written; empty if the publication date was used.",
        "event_start": "First day the reported event may have happened (YYYY-MM-DD).",
        "event_end": "Last day the reported event may have happened (YYYY-MM-DD).",
        "about_text": "Temporal expression inside the statement's content (what it talks about), as written; empty if none.",
        "about_start": "First day of the period the statement's content talks about (YYYY-MM-DD); empty if none.",
        "about_end": "Last day of the period the statement's content talks about (YYYY-MM-DD); empty if none.",
        "rule": "Ids of the rules behind source, cue, stance and time, joined by '+'.",
        "act_id": "Speech act the statement reports, `<doc_id>:a<n>`: reports of one act (same actor, stance and date in one article) share it; each `other` statement is its own act.",
        "answers": "For a denial: statement_id of the accusation (same article) it answers; empty otherwise.",
        "answer_lag_days": "Days from the answered accusation's event_start to the denial's event_start; empty (NaN) when either is undated or nothing is answered.",
    },
    "counts": {
        "period": "Period label (e.g. 2022-09, or a named period).",
        "stance": "denial | accusation | other.",
        "actor": "Canonical actor, or 'all'.",
        "n_statements": "Statements reported in that cell (reports, not events; several may report one speech act).",
        "n_docs": "Distinct articles contributing to the cell.",
        "share": "The stance's share of that period's (and actor's) total, in the unit named by `unit`.",
        "ci_low": "Lower bound of the 95% Wilson interval for share (treats the unit as independent).",
        "ci_high": "Upper bound of the 95% Wilson interval for share (treats the unit as independent).",
        "period_total": "Denominator of share: all speech acts (or statements, see `unit`) of that period (and actor).",
        "small_n": "True when period_total is below 5 or all of the period comes from one article: read with care.",
        "n_acts": "Distinct speech acts reported in that cell (statements sharing an act_id count once).",
        "unit": "What share and period_total count: acts (speech acts) or statements.",
        "period_docs": "Distinct articles in that period (and actor), whatever their stance.",
        "directions": "Who -> whom in that cell with counts in `unit`, e.g. 'United States → North Korea: 2'.",
    },
}

#: Annotation layers, in the order displays list them.
LAYERS = ("boilerplate", "quote", "source", "cue", "content", "denial", "accusation",
          "hedge", "evidence", "scare_quote", "loaded", "timex")

STANCES = ("denial", "accusation", "other")
MODES = ("direct", "indirect", "mixed", "according_to")
SOURCE_TYPES = ("person", "organisation", "government", "media", "anonymous", "document", "unknown")

_INT_COLUMNS = {"start", "end", "sent_index", "n_statements", "n_docs", "period_total", "n_acts", "period_docs"}
_FLOAT_COLUMNS = {"share", "ci_low", "ci_high", "answer_lag_days"}
_BOOL_COLUMNS = {"hedged", "small_n", "collapsed"}


def is_missing(value) -> bool:
    """``pd.isna(value)`` for one cell value, without importing pandas: None and NaN, and
    pandas' own missing values (NA, NaT) when pandas is in use (only then can a value be one).

    >>> is_missing(None), is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    pd = sys.modules.get("pandas")
    return pd is not None and pd.api.types.is_scalar(value) and bool(pd.isna(value))


def is_frame(obj) -> bool:
    """Is `obj` a pandas DataFrame? Answered without importing pandas: when pandas is not
    imported, nothing is one."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def columns(table: str) -> list[str]:
    """Column names of `table`, in order."""
    return list(TABLES[table])


#: The rejects table's columns: every input not used, and why (beside the four tables).
REJECT_COLUMNS = ["source_path", "reason"]


def rejects_frame(rejects: list[dict]) -> pd.DataFrame:
    """The rejects table from its rows."""
    import pandas as pd

    return pd.DataFrame(rejects, columns=REJECT_COLUMNS)


def empty(table: str) -> pd.DataFrame:
    """An empty frame with `table`'s columns and dtypes."""
    return frame(table, [])


_FAST_TYPES = {"int": frozenset({int, type(None)}), "float": frozenset({int, float, type(None)}),
               "bool": frozenset({bool, type(None)}), "str": frozenset({str, type(None)})}


#: what frame() puts in a missing cell, by kind of column
_DEFAULTS = {"int": 0, "float": float("nan"), "bool": False, "str": ""}


def _kind(col: str) -> str:
    """int, float, bool or str: the kind of values `col` holds."""
    return ("int" if col in _INT_COLUMNS else "float" if col in _FLOAT_COLUMNS
            else "bool" if col in _BOOL_COLUMNS else "str")


def frame(table: str, rows) -> pd.DataFrame:
    """Build `table` from dict rows: missing columns filled, extra keys refused, dtypes set."""
    cols = columns(table)
    rows = list(rows)
    allowed = set(cols)
    for row in rows:
        if not allowed.issuperset(row):
            raise ValueError(f"{table}: unknown columns {sorted(set(row) - allowed)}")
    # Fast path: plain Python values of the column's own type (or missing) are converted
    # directly and the frame built once; per-column pandas conversions cost milliseconds
    # per call and the pipeline builds many small frames. Anything else (NaN, numpy
    # scalars, numbers in a text column) takes pandas' own inference, as before.
    import numpy as np
    import pandas as pd

    data = {}
    for col, values in zip(cols, _by_column(cols, rows)):
        kind = _kind(col)
        types = set(map(type, values))  # the classes of the column's values, in one pass in C
        if not types.issubset(_FAST_TYPES[kind]):
            return _frame_pandas(cols, rows)
        if type(None) in types:  # missing cells: the kind's default (NaN for a float)
            values = [_DEFAULTS[kind] if v is None else v for v in values]
        if kind == "int":
            data[col] = np.array(values, dtype="int64")
        elif kind == "float":
            data[col] = np.array(values, dtype="float64")
        elif kind == "bool":
            data[col] = np.array(values, dtype=bool)
        else:
            data[col] = _str_array(list(values))
    return pd.DataFrame(data, columns=cols)


def _by_column(cols: list[str], rows: list[dict]) -> list[Sequence]:
    """The values of each column of `rows`, column by column (None where a row lacks the
    column): one transposition in C when every row has every column, as the pipeline's
    rows do, else a look-up per cell."""
    if len(cols) > 1 and rows:
        try:
            return list(zip(*map(itemgetter(*cols), rows)))
        except KeyError:  # some row lacks a column
            pass
    return [[row.get(col) for row in rows] for col in cols]


def rows(table: str, rows) -> list[dict]:
    """The rows :func:`frame` would hold, as dicts, without building the frame: every
    column in order, a missing value filled as :func:`frame` fills it, each value of its
    column's plain Python type (``frame(table, rows).to_dict("records")``, faster).

    The pipeline passes rows from stage to stage and builds a frame once per chunk of
    articles; a frame per article and stage cost more than the annotation itself.

    >>> rows("spans", [{"layer": "cue", "start": 3, "end": 7, "text": "said"}])
    [{'doc_id': '', 'layer': 'cue', 'label': '', 'start': 3, 'end': 7, 'text': 'said', 'value': '', 'rule': ''}]
    """
    rows = list(rows)
    template, ok_of, floats = _row_spec(table)
    out = []
    try:
        for row in rows:
            # a missing key is None, which every column takes: only the row's own keys need a look
            new = template.copy()  # every column in order, a missing value as frame() fills it
            for col, v in row.items():
                if v.__class__ not in ok_of[col]:  # an unknown column is a KeyError here
                    # not a plain value (NaN, a numpy scalar, a number in a text column):
                    # pandas' own conversion decides, exactly as frame() does
                    return frame(table, rows).to_dict("records")
                if v is not None:
                    new[col] = float(v) if col in floats else v
            out.append(new)
    except KeyError:
        frame(table, rows)  # raises the ValueError naming the unknown columns
        raise
    return out


@lru_cache(maxsize=None)  # one entry per table
def _row_spec(table: str) -> tuple[dict, dict, frozenset]:
    """For :func:`rows`: each column's default (in column order), its plain Python types,
    and the float columns (an int there becomes a float)."""
    cols = columns(table)
    return ({col: _DEFAULTS[_kind(col)] for col in cols}, {col: _FAST_TYPES[_kind(col)] for col in cols},
            frozenset(col for col in cols if _kind(col) == "float"))


@lru_cache(maxsize=1)
def _str_ref():
    """An empty array of pandas' "str" dtype: whether it is Arrow-backed, and its Arrow type."""
    import pandas as pd

    return pd.array([], dtype="str")


def _str_array(values: list[str]):
    """``pd.array(values, dtype="str")`` for a list of str, without pandas' inference when the
    "str" dtype is Arrow-backed (several times faster for the short columns built here)."""
    import pandas as pd

    ref = _str_ref()
    if isinstance(ref, pd.arrays.ArrowStringArray):
        try:
            import pyarrow as pa
        except ImportError:  # pragma: no cover - the str dtype is Arrow-backed only with pyarrow
            pass
        else:
            return pd.arrays.ArrowStringArray(pa.array(values, type=ref._pa_array.type), dtype=ref.dtype)
    return pd.array(values, dtype="str")


def _frame_pandas(cols: list[str], rows: list[dict]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col in _INT_COLUMNS:
            df[col] = df[col].fillna(0).astype("int64")
        elif col in _FLOAT_COLUMNS:
            df[col] = df[col].astype("float64")
        elif col in _BOOL_COLUMNS:
            values = df[col].astype(object)
            df[col] = values.where(values.notna(), False).astype(bool)
        else:
            values = df[col].astype(object)
            df[col] = values.where(values.notna(), "").astype(str)
    return df
