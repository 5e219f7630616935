"""Charts. Each ``plot_*`` draws on an optional Axes, labels it and returns it.

All use the packaged style sheet (``style/kit.mplstyle``), whose palette is
Okabe–Ito (colour-blind-safe). The unit on every count axis is *statements
reported*: these charts count reports in articles, not events in the world.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .aggregate import midpoint, period_order

STYLE_PATH = Path(__file__).with_name("style") / "kit.mplstyle"

#: One colour per stance everywhere (Okabe–Ito: blue, vermillion, grey).
STANCE_COLOURS = {"denial": "#0072B2", "accusation": "#D55E00", "other": "#999999",
                  "rejection": "#56B4E9", "admission": "#009E73"}

#: Marker per stance, so the charts still read in black and white.
STANCE_MARKERS = {"denial": "o", "accusation": "s", "other": "D", "rejection": "v", "admission": "*"}

#: Above this many periods, bar charts drop per-bar numbers and long tick labels.
MAX_LABELLED_PERIODS = 8

#: Colour per actor (Okabe–Ito), for charts that colour by who speaks.
ACTOR_COLOURS = {"North Korea": "#0072B2", "United States": "#D55E00", "Russia": "#CC79A7",
                 "South Korea": "#009E73", "Japan": "#E69F00", "media": "#999999"}
_OTHER_ACTOR_COLOUR = "#000000"


@contextlib.contextmanager
def kit_style() -> Iterator[None]:
    """Apply the kit's style sheet inside a ``with`` block."""
    with plt.style.context(str(STYLE_PATH)):
        yield


def _axes(ax: plt.Axes | None, figsize=None) -> plt.Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def period_label(period: str) -> str:
    """'2022-09' -> 'Sep 2022' for axis labels; other labels unchanged."""
    try:
        return dt.datetime.strptime(period, "%Y-%m").strftime("%b %Y")
    except ValueError:
        return period


def _period_ticks(data: pd.DataFrame, order: Sequence[str]) -> list[str]:
    """Tick labels: the period, its total number of statements, and a small-n flag."""
    labels = []
    for p in order:
        cell = data[data["period"] == p]
        total = int(cell["period_total"].max()) if len(cell) else 0
        flag = ", small n" if len(cell) and bool(cell["small_n"].any()) else ""
        labels.append(f"{period_label(p)}\n(all statements: {total}{flag})")
    return labels


def plot_periods(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                 stances: Sequence[str] = ("denial", "accusation"),
                 periods: Mapping[str, tuple[str, str]] | None = None,
                 title: str = "Denials and accusations reported, by period") -> plt.Axes:
    """Grouped bars of statements reported per period and stance, n on every bar.

    `counts` is the `counts` table for one actor ('all'); periods with none of
    `stances` are left out, and periods whose total is small are flagged.
    """
    with kit_style():
        ax = _axes(ax)
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        shown = data[data["stance"].isin(stances)].groupby("period")["n_statements"].sum()
        order = [p for p in period_order(data, periods) if shown.get(p, 0) > 0] or period_order(data, periods)
        width = 0.8 / max(len(stances), 1)
        for i, stance in enumerate(stances):
            values = [int(data[(data["period"] == p) & (data["stance"] == stance)]["n_statements"].sum())
                      for p in order]
            xs = [j + (i - (len(stances) - 1) / 2) * width for j in range(len(order))]
            bars = ax.bar(xs, values, width=width * 0.95, color=STANCE_COLOURS.get(stance),
                          label=stance, edgecolor="white",
                          hatch=None if stance == "denial" else "//")
            if len(order) <= MAX_LABELLED_PERIODS:
                ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=12)
        if len(order) <= MAX_LABELLED_PERIODS:
            ax.set_xticks(range(len(order)), _period_ticks(data, order))
        else:
            # Many periods: plain, thinned, rotated labels (n stays in the figure's CSV).
            step = max(1, len(order) // 12)
            ax.set_xticks(range(0, len(order), step), [period_label(p) for p in order[::step]],
                          rotation=45, ha="right")
            ax.text(1.0, -0.32, "only periods with statements are shown; gaps between them are not to scale",
                    transform=ax.transAxes, ha="right", fontsize=10, color="#555555")
        ax.set_ylabel("statements reported")
        ax.set_xlabel("when it happened (event date resolved from the text)")
        ax.set_title(title)
        top = max([b.get_height() for b in ax.patches] + [1])
        ax.set_ylim(0, top * 1.25 + 0.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_shares(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                stances: Sequence[str] = ("denial", "accusation"),
                periods: Mapping[str, tuple[str, str]] | None = None,
                title: str = "Share of statements reported, by period") -> plt.Axes:
    """Grouped bars of each stance's share of a period's statements, with 95% Wilson intervals."""
    with kit_style():
        if ax is None:
            _, ax = plt.subplots()
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        order = period_order(data, periods)
        width = 0.8 / max(len(stances), 1)
        for i, stance in enumerate(stances):
            cells = [data[(data["period"] == p) & (data["stance"] == stance)] for p in order]
            share = [float(c["share"].iloc[0]) if len(c) else 0.0 for c in cells]
            low = [s - float(c["ci_low"].iloc[0]) if len(c) else 0.0 for s, c in zip(share, cells)]
            high = [float(c["ci_high"].iloc[0]) - s if len(c) else 0.0 for s, c in zip(share, cells)]
            xs = [j + (i - (len(stances) - 1) / 2) * width for j in range(len(order))]
            bars = ax.bar(xs, share, width=width * 0.95, color=STANCE_COLOURS.get(stance), label=stance,
                          edgecolor="white", hatch=None if stance == "denial" else "//",
                          yerr=[low, high], capsize=4, ecolor="#333333")
            ax.bar_label(bars, labels=[f"{s:.0%}" for s in share], padding=3, fontsize=12)
        ax.set_xticks(range(len(order)), _period_ticks(data, order))
        ax.set_ylim(0, 1.15)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_ylabel("share of statements reported")
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_rounds(events: pd.DataFrame, ax: plt.Axes | None = None, *,
                title: str = "Rounds of accusation and denial, 2022–2025") -> plt.Axes:
    """Timeline of the sourced events table: one marker per statement, rows by stance, colour by actor country."""
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        rows = [s for s in ("accusation", "denial", "rejection", "other", "admission") if s in set(events["stance"])]
        rows += sorted(set(events["stance"]) - set(rows))
        ypos = {s: i for i, s in enumerate(reversed(rows))}
        dates = pd.to_datetime(events["date"])
        for country, group in events.groupby("actor_country", sort=True):
            ax.scatter(dates[group.index], [ypos[s] for s in group["stance"]], s=90, alpha=0.8,
                       color=ACTOR_COLOURS.get(country, _OTHER_ACTOR_COLOUR), label=country,
                       marker="o", edgecolor="white", linewidth=0.8, zorder=3)
        admissions = events[events["stance"] == "admission"].sort_values("date")
        for k, (_, row) in enumerate(admissions.iterrows()):
            when = pd.Timestamp(row["date"])
            ax.axvline(when, color=STANCE_COLOURS["admission"], linestyle="--", linewidth=1.2, zorder=1)
            # Stack the labels so two admissions two days apart stay readable.
            ax.annotate(f"{row['date']}: {row['actor_country']} admits", (when, ypos["admission"]),
                        xytext=(-12, 12 + 20 * (len(admissions) - 1 - k)), textcoords="offset points",
                        ha="right", fontsize=11, color="#00664d")
        ax.set_yticks(list(ypos.values()), list(ypos.keys()))
        ax.set_ylim(-0.7, len(ypos) - 0.3)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        ax.grid(axis="x", color="#eeeeee")
        ax.set_xlabel("date of the statement (sourced fact sheet, data/timeline/events.csv)")
        ax.set_ylabel("stance of statement")
        ax.set_title(title)
        ax.legend(title="who spoke (country)", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_statement_strip(statements: pd.DataFrame, ax: plt.Axes | None = None, *,
                         stances: Sequence[str] = ("denial", "accusation", "other"),
                         title: str = "Who said what, when (this article)") -> plt.Axes:
    """One band per actor, one lane per stance inside it; a marker at each event date, ×n when repeated.

    The faint bar behind a marker is the date range the text allows ("in
    September" is a whole month, "last week" a week).
    """
    lane = {"denial": 0.22, "accusation": 0.0, "other": -0.22}
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        data = statements[statements["stance"].isin(stances)].copy()
        data["mid"] = [midpoint(s, e) for s, e in zip(data["event_start"], data["event_end"])]
        data = data.dropna(subset=["mid"])
        data["event_end"] = data["event_end"].where(data["event_end"] != "", data["event_start"])
        actors = sorted(set(data["actor"]), key=lambda a: (a == "unknown", a))
        ypos = {a: i for i, a in enumerate(reversed(actors))}
        groups = data.groupby(["actor", "stance", "event_start", "event_end", "mid"], sort=False).size()
        for stance in stances:
            cells = groups[groups.index.get_level_values("stance") == stance]
            if cells.empty:
                continue
            xs, ys = [], []
            for (actor, _, start, end, mid), n in cells.items():
                y = ypos[actor] + lane.get(stance, 0.0)
                ax.plot([pd.Timestamp(start), pd.Timestamp(end)], [y, y], color=STANCE_COLOURS[stance],
                        linewidth=5, alpha=0.3, solid_capstyle="butt")
                xs.append(pd.Timestamp(mid))
                ys.append(y)
                if n > 1:
                    ax.annotate(f"×{n}", (pd.Timestamp(mid), y), xytext=(9, -4), textcoords="offset points",
                                fontsize=11, color=STANCE_COLOURS[stance])
            ax.scatter(xs, ys, s=110, marker=STANCE_MARKERS[stance], color=STANCE_COLOURS[stance],
                       label=stance, edgecolor="white", zorder=3)
        ax.set_yticks(list(ypos.values()), list(ypos.keys()))
        ax.set_ylim(-0.7, max(len(ypos), 1) - 0.3)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#eeeeee")
        ax.set_xlabel("when it happened (bar: the date range the text allows; ×n: n statements)")
        ax.set_ylabel("who spoke (actor)")
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_counts_over_time(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                          stances: Sequence[str] = ("denial", "accusation"),
                          title: str = "Statements reported over time",
                          xlabel: str = "period") -> plt.Axes:
    """Lines of statements reported per period for each stance, with the Wilson band on share as a secondary cue."""
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        order = [p for p in period_order(data) if p not in ("other", "undated")]
        for stance in stances:
            cell = data[data["stance"] == stance].set_index("period").reindex(order)
            ax.plot(range(len(order)), cell["n_statements"].fillna(0), marker=STANCE_MARKERS[stance],
                    color=STANCE_COLOURS[stance], label=stance, linewidth=2)
        step = max(1, len(order) // 12)
        ax.set_xticks(range(0, len(order), step), [period_label(p) for p in order[::step]], rotation=45,
                      ha="right")
        ax.set_ylabel("statements reported")
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_outlets_over_time(by_outlet: pd.DataFrame, ax: plt.Axes | None = None, *,
                           stances: Sequence[str] = ("denial", "accusation"),
                           title: str = "Denials and accusations reported per article, by outlet") -> plt.Axes:
    """One line per outlet: denials + accusations reported per article, by publication period.

    Normalised per article so a prolific outlet does not look more combative just by
    publishing more; `by_outlet` is :func:`aggregate.count_by_outlet`'s table.
    """
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        data = by_outlet[by_outlet["stance"].isin(stances)]
        per = data.groupby(["outlet", "period"]).agg(n=("n_statements", "sum"), docs=("n_docs", "first"))
        order = sorted(p for p in set(data["period"]) if p not in ("other", "undated"))
        markers = ["o", "s", "D", "^", "v", "P", "X", "*"]
        for i, outlet in enumerate(sorted(set(data["outlet"]))):
            cell = per.loc[outlet].reindex(order)
            ax.plot(range(len(order)), (cell["n"] / cell["docs"]).to_numpy(), marker=markers[i % len(markers)],
                    linewidth=1.8, label=f"{outlet} ({int(cell['docs'].sum(skipna=True))} articles)")
        step = max(1, len(order) // 12)
        ax.set_xticks(range(0, len(order), step), [period_label(p) for p in order[::step]], rotation=45,
                      ha="right")
        ax.set_ylabel("statements reported per article")
        ax.set_xlabel("month the article was published")
        ax.set_title(title)
        ax.legend(title="outlet", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax
