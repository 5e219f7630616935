"""Count what articles report, by period, stance and actor, with uncertainty.

The unit is reports, not events. By default it is the *speech act*: statements
that report the same act (same speaker, stance and date in one article) share
the statement engine's ``act_id`` and count once; where that column is absent
or empty each statement is its own act. ``unit="statements"`` counts every
statement instead. Either way a denial that three articles repeat counts three
times unless wire copies are collapsed.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Mapping

import pandas as pd

from . import schema

#: Cells with fewer acts (or statements) than this are flagged as small n.
SMALL_N = 5

#: What a count counts -> the words on a chart's axis.
UNITS = {"acts": "speech acts reported", "statements": "statements reported"}

#: The statement columns :func:`count_statements` reads: a caller that filters a large
#: statements table before counting (wire copies left out) copies only these.
COUNT_COLUMNS = ("doc_id", "statement_id", "act_id", "stance", "actor", "target", "event_start", "event_end")

#: Period label for dates outside every named period (not "other": that reads as a stance).
OUTSIDE = "outside these periods"

#: The two periods the shipped article spans.
ARTICLE_PERIODS: dict[str, tuple[str, str]] = {
    "September 2022": ("2022-09-01", "2022-09-30"),
    "Oct–Nov 2022": ("2022-10-24", "2022-11-30"),
}


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval for a proportion k/n ((0, 1) when n is 0)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def midpoint(start: str, end: str) -> dt.date | None:
    """Middle day of an event range; a week or month is dated by its middle, not its edge."""
    try:
        first = dt.date.fromisoformat(start)
        last = dt.date.fromisoformat(end or start)
    except (TypeError, ValueError):
        return None
    return first + (last - first) / 2


def period_of(day: dt.date | None, freq: str = "month",
              periods: Mapping[str, tuple[str, str]] | None = None) -> str:
    """Label of the period containing `day`: a named period, a month (2022-09), a week (2022-W44) or a year."""
    if day is None:
        return "undated"
    if periods:
        for name, (first, last) in periods.items():
            if first <= day.isoformat() <= last:
                return name
        return OUTSIDE
    if freq == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "year":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"


def assign_periods(statements: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                   when: str = "happened", freq: str = "month",
                   periods: Mapping[str, tuple[str, str]] | None = None) -> pd.Series:
    """Period label of each statement, by when it happened (event dates) or when it was reported."""
    if when not in ("happened", "reported"):
        raise ValueError("when must be 'happened' or 'reported'")
    if when == "reported":
        published = {} if articles is None else dict(zip(articles["doc_id"], articles["published"]))
        days = [midpoint(published.get(doc, ""), "") for doc in statements["doc_id"].tolist()]
    else:
        days = [midpoint(s, e) for s, e in zip(statements["event_start"].tolist(), statements["event_end"].tolist())]
    return pd.Series([period_of(d, freq, periods) for d in days], index=statements.index, dtype=str)


def act_ids(statements: pd.DataFrame) -> pd.Series:
    """The speech act of each statement: its ``act_id``, or its own ``statement_id`` where none is given."""
    own = statements["statement_id"].astype(str)
    if "act_id" not in statements.columns:
        return own
    acts = statements["act_id"].astype(object).where(statements["act_id"].notna(), "").astype(str)
    return acts.where(acts.str.strip() != "", own)


def has_acts(statements: pd.DataFrame) -> bool:
    """True when the statement engine grouped statements into speech acts (some ``act_id`` is given)."""
    return "act_id" in statements.columns and bool((statements["act_id"].astype(str).str.strip() != "").any())


def direction(actor: str, target: str) -> str:
    """'North Korea → United States' (who → whom); the actor alone when nobody is targeted."""
    return f"{actor} → {target}" if target else str(actor)


def _directions(ways: list[str], unit_ids: list[str]) -> str:
    """'United States → North Korea: 2; North Korea → United States: 1' for a cell (each
    statement's direction and unit id), in the count's unit: the most counted first, ties
    in the directions' alphabetical order."""
    units: dict[str, set] = {}
    for way, unit_id in zip(ways, unit_ids):
        units.setdefault(way, set()).add(unit_id)
    counted = sorted(((way, len(ids)) for way, ids in units.items()), key=lambda wn: wn[0])
    counted.sort(key=lambda wn: -wn[1])  # stable: ties keep the alphabetical order
    return "; ".join(f"{way}: {n}" for way, n in counted)


def count_statements(statements: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                     when: str = "happened", freq: str = "month",
                     periods: Mapping[str, tuple[str, str]] | None = None,
                     by_actor: bool = False, stances=schema.STANCES, unit: str = "acts") -> pd.DataFrame:
    """The `counts` table: speech acts (or statements) per period × stance (× actor), with shares and intervals.

    ``n_statements`` always counts statements, ``n_acts`` distinct speech acts; ``share``,
    ``period_total`` and the 95% Wilson interval (``ci_low``/``ci_high``) are in `unit`
    (``"acts"`` or ``"statements"``, named in the ``unit`` column). The interval treats the
    unit as independent draws, which reports from one article are not: ``small_n`` is set
    when the period has fewer than :data:`SMALL_N` of them *or* all come from one article.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {sorted(UNITS)}")
    if statements.empty:
        return schema.empty("counts")
    period = assign_periods(statements, articles, when=when, freq=freq, periods=periods)
    # Cells are counted over plain lists, one pass per (period, actor) group: filtering a
    # frame per cell cost a second on a corpus of 800 articles. The groups are pandas' own
    # (``ngroup``: sorted keys, rows with a missing key left out), so the cells are the same.
    keys = [period, statements["actor"] if by_actor else pd.Series("all", index=statements.index)]
    group_of = pd.DataFrame({"period": keys[0], "key": keys[1]}).groupby(["period", "key"], sort=True).ngroup()
    groups: dict[int, list[int]] = {}
    for i, g in enumerate(group_of.tolist()):
        if g >= 0:
            groups.setdefault(g, []).append(i)
    acts = act_ids(statements).tolist()
    ids = acts if unit == "acts" else statements["statement_id"].astype(str).tolist()
    docs = [None if missing else d
            for d, missing in zip(statements["doc_id"].tolist(), statements["doc_id"].isna().tolist())]
    stance_of = statements["stance"].tolist()
    # (lists, not the columns: iterating an Arrow-backed column costs a call per cell)
    ways = ([direction(a, t) for a, t in zip(statements["actor"].tolist(), statements["target"].tolist())]
            if "target" in statements.columns else None)
    period_of_row, key_of_row = keys[0].tolist(), keys[1].tolist()
    rows = []
    for g in sorted(groups):
        members = groups[g]
        total = len({ids[i] for i in members})
        n_docs = len({docs[i] for i in members} - {None})
        for stance in stances:
            cell = [i for i in members if stance_of[i] == stance]
            k = len({ids[i] for i in cell})
            low, high = wilson(k, total)
            rows.append({"period": period_of_row[members[0]], "stance": stance, "actor": key_of_row[members[0]],
                         "n_statements": len(cell), "n_docs": len({docs[i] for i in cell} - {None}),
                         "share": k / total, "ci_low": low, "ci_high": high, "period_total": total,
                         "small_n": total < SMALL_N or n_docs < 2, "n_acts": len({acts[i] for i in cell}),
                         "unit": unit, "period_docs": n_docs,
                         "directions": _directions([ways[i] for i in cell], [ids[i] for i in cell]) if ways else ""})
    return schema.frame("counts", rows)


def counted(counts: pd.DataFrame) -> str:
    """The count column the counts table's unit refers to: ``n_acts`` or ``n_statements``."""
    unit = str(counts["unit"].iloc[0]) if "unit" in counts.columns and len(counts) else "statements"
    return "n_acts" if unit == "acts" and "n_acts" in counts.columns else "n_statements"


def unit_words(counts: pd.DataFrame) -> str:
    """'speech acts reported' or 'statements reported', for the axis of a chart of `counts`."""
    return UNITS["acts"] if counted(counts) == "n_acts" else UNITS["statements"]


def answer_links(statements: pd.DataFrame) -> dict:
    """How denials answer accusations: denials, how many answer a known accusation, and the median lag in days.

    Uses the statement engine's ``answers`` / ``answer_lag_days`` columns; without them
    ``linked`` and ``median_lag_days`` are None (not known, rather than zero).
    """
    denials = statements[statements["stance"] == "denial"] if len(statements) else statements
    out = {"denials": int(len(denials)), "linked": 0, "median_lag_days": None}
    if "answers" not in statements.columns or denials.empty:
        return out | {"linked": None} if "answers" not in statements.columns else out
    linked = denials[denials["answers"].astype(str).str.strip() != ""]
    out["linked"] = int(len(linked))
    if "answer_lag_days" in linked.columns and len(linked):
        lags = pd.to_numeric(linked["answer_lag_days"], errors="coerce").dropna()
        out["median_lag_days"] = float(lags.median()) if len(lags) else None
    return out


def period_order(counts: pd.DataFrame, periods: Mapping[str, tuple[str, str]] | None = None) -> list[str]:
    """Periods in time order (named periods in the order given, 'outside these periods'/'undated' last)."""
    labels = list(dict.fromkeys(counts["period"]))
    if periods:
        return [p for p in periods if p in labels] + [p for p in labels if p not in periods]
    return sorted(labels, key=lambda p: (p in (OUTSIDE, "undated"), p))


def count_by_outlet(statements: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "month",
                    stances=("denial", "accusation")) -> pd.DataFrame:
    """Statements reported per publication period × outlet × stance, with per-article rates.

    Columns: period, outlet, stance, n_statements, n_docs (articles of that outlet in the
    period, whatever they report), per_article (n_statements / n_docs).
    """
    columns = ["period", "outlet", "stance", "n_statements", "n_docs", "per_article"]
    if articles.empty:
        return pd.DataFrame(columns=columns)
    docs = articles.assign(period=[period_of(midpoint(p, ""), freq) for p in articles["published"]],
                           outlet=articles["outlet"].replace("", "unknown outlet"))
    per_doc = docs.groupby(["period", "outlet"])["doc_id"].nunique()
    joined = statements.merge(docs[["doc_id", "period", "outlet"]], on="doc_id", how="inner")
    rows = []
    for (period, outlet), n_docs in per_doc.items():
        cell = joined[(joined["period"] == period) & (joined["outlet"] == outlet)]
        for stance in stances:
            k = int((cell["stance"] == stance).sum())
            rows.append({"period": period, "outlet": outlet, "stance": stance, "n_statements": k,
                         "n_docs": int(n_docs), "per_article": k / n_docs})
    return pd.DataFrame(rows, columns=columns)
