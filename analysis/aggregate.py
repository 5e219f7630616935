"""Count statements reported, by period, stance and actor, with uncertainty.

The unit is always *statements reported* (reports, not events): a denial that
three articles repeat counts three times unless wire copies are collapsed.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Mapping

import pandas as pd

from . import schema

#: Cells with fewer statements than this are flagged as small n.
SMALL_N = 5

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
        return "other"
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
        days = [midpoint(published.get(doc, ""), "") for doc in statements["doc_id"]]
    else:
        days = [midpoint(s, e) for s, e in zip(statements["event_start"], statements["event_end"])]
    return pd.Series([period_of(d, freq, periods) for d in days], index=statements.index, dtype=str)


def count_statements(statements: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                     when: str = "happened", freq: str = "month",
                     periods: Mapping[str, tuple[str, str]] | None = None,
                     by_actor: bool = False, stances=schema.STANCES) -> pd.DataFrame:
    """The `counts` table: statements per period × stance (× actor), with shares and intervals.

    ``share`` is the stance's share of all statements of that period (and actor);
    its 95% Wilson interval is in ``ci_low``/``ci_high``.
    """
    if statements.empty:
        return schema.empty("counts")
    frame = statements.assign(period=assign_periods(statements, articles, when=when, freq=freq, periods=periods))
    if not by_actor:
        frame = frame.assign(actor="all")
    rows = []
    for (period, actor), group in frame.groupby(["period", "actor"], sort=True):
        total = len(group)
        for stance in stances:
            cell = group[group["stance"] == stance]
            k = len(cell)
            low, high = wilson(k, total)
            rows.append({"period": period, "stance": stance, "actor": actor, "n_statements": k,
                         "n_docs": cell["doc_id"].nunique(), "share": k / total,
                         "ci_low": low, "ci_high": high, "period_total": total,
                         "small_n": total < SMALL_N})
    return schema.frame("counts", rows)


def period_order(counts: pd.DataFrame, periods: Mapping[str, tuple[str, str]] | None = None) -> list[str]:
    """Periods in time order (named periods in the order given, 'other'/'undated' last)."""
    labels = list(dict.fromkeys(counts["period"]))
    if periods:
        return [p for p in periods if p in labels] + [p for p in labels if p not in periods]
    return sorted(labels, key=lambda p: (p in ("other", "undated"), p))


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
