"""Charts. Each ``plot_*`` draws on an optional Axes, labels it and returns it.

All use the packaged style sheet (``style/kit.mplstyle``), whose palette is
Okabe–Ito (colour-blind-safe). Colour means stance and nothing else, in every
chart. Count axes say their unit: *speech acts reported* (the default) or
*statements reported*: these charts count reports in articles, not events in the
world.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .aggregate import OUTSIDE, counted, midpoint, period_order, unit_words

STYLE_PATH = Path(__file__).with_name("style") / "kit.mplstyle"

#: One colour per stance everywhere (Okabe–Ito: blue, vermillion, grey).
STANCE_COLOURS = {"denial": "#0072B2", "accusation": "#D55E00", "other": "#999999",
                  "rejection": "#56B4E9", "admission": "#009E73"}

#: Marker per stance, so the charts still read in black and white.
STANCE_MARKERS = {"denial": "o", "accusation": "s", "other": "D", "rejection": "v", "admission": "*"}

#: Above this many periods, bar charts drop per-bar numbers and long tick labels.
MAX_LABELLED_PERIODS = 8

#: What a person reads for each stance value (the classroom's word for the kit's 'other').
STANCE_NAMES = {"other": "neither"}

#: Marker per country in the rounds chart (colour stays the stance's); media are drawn hollow.
COUNTRY_MARKERS = {"North Korea": "o", "United States": "s", "Russia": "^", "South Korea": "D", "Japan": "P",
                   "multinational": "X"}


def stance_name(stance: str) -> str:
    """'other' -> 'neither'; every other stance as it is."""
    return STANCE_NAMES.get(stance, stance)


@contextlib.contextmanager
def kit_style() -> Iterator[None]:
    """Apply the kit's style sheet inside a ``with`` block.

    A notebook's inline backend is chosen when the first figure is made and switches
    matplotlib to interactive then; the style context would undo that on exit, and no
    later chart in the kernel would be shown. So the interactive state the block ends
    with is kept.
    """
    interactive = mpl.is_interactive()
    try:
        with plt.style.context(str(STYLE_PATH)):
            try:
                yield
            finally:
                interactive = mpl.is_interactive()
    finally:
        mpl.interactive(interactive)


def _axes(ax: plt.Axes | None, figsize=None) -> plt.Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def _thinned_period_ticks(ax: plt.Axes, order: Sequence[str]) -> None:
    """Many periods on the x axis: about a dozen plain labels, rotated."""
    step = max(1, len(order) // 12)
    ax.set_xticks(range(0, len(order), step), [period_label(p) for p in order[::step]], rotation=45, ha="right")


def period_label(period: str) -> str:
    """'2022-09' -> 'Sep 2022' for axis labels; other labels unchanged."""
    try:
        return dt.datetime.strptime(period, "%Y-%m").strftime("%b %Y")
    except ValueError:
        return period


def _period_ticks(data: pd.DataFrame, order: Sequence[str]) -> list[str]:
    """Tick labels: the period, its total (in the counts' unit), its articles, and a small-n flag."""
    unit = "acts" if counted(data) == "n_acts" else "statements"
    labels = []
    for p in order:
        cell = data[data["period"] == p]
        total = int(cell["period_total"].max()) if len(cell) else 0
        docs = int(cell["period_docs"].max()) if len(cell) and "period_docs" in cell.columns else 0
        source = f"{docs} article{'s' if docs != 1 else ''}" if docs else ""
        flag = "small n" if len(cell) and bool(cell["small_n"].any()) else ""
        extra = ", ".join(x for x in (source, flag) if x)
        labels.append(f"{period_label(p)}\n(all {unit}: {total}{'; ' + extra if extra else ''})")
    return labels


_SHORT = {"United States": "US", "North Korea": "N. Korea", "South Korea": "S. Korea", "United Kingdom": "UK",
          "United Nations": "UN"}


def _short_directions(directions: str) -> str:
    """'United States → North Korea: 2; ...' as short lines for a bar ('US → N. Korea 2')."""
    lines = []
    for part in str(directions or "").split("; "):
        if not part or " → " not in part:
            continue
        way, _, n = part.rpartition(": ")
        lines.append(" → ".join(_SHORT.get(x, x) for x in way.split(" → ")) + f" {n}")
    return "\n".join(lines)


def plot_periods(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                 stances: Sequence[str] = ("denial", "accusation"),
                 periods: Mapping[str, tuple[str, str]] | None = None,
                 title: str = "Denials and accusations reported, by period") -> plt.Axes:
    """Grouped bars of speech acts (or statements, as the counts say) per period and stance, n on every bar.

    `counts` is the `counts` table for one actor ('all'); periods with none of
    `stances` are left out, and periods whose total is small, or that come from one
    article, are flagged. Under each bar's number, who → whom (for accusations and
    denials that name a target), so accusations in both directions are not read as one.
    """
    with kit_style():
        ax = _axes(ax)
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        column = counted(data)
        shown = data[data["stance"].isin(stances)].groupby("period")[column].sum()
        # undated acts are no period: named in a note, not drawn as the tallest bar at the end
        undated = int(shown.get("undated", 0))
        every = period_order(data, periods)
        dated = [p for p in every if p != "undated"]
        order = [p for p in dated if shown.get(p, 0) > 0] or dated or every
        width = 0.8 / max(len(stances), 1)
        for i, stance in enumerate(stances):
            cells = [data[(data["period"] == p) & (data["stance"] == stance)] for p in order]
            values = [int(c[column].sum()) for c in cells]
            xs = [j + (i - (len(stances) - 1) / 2) * width for j in range(len(order))]
            bars = ax.bar(xs, values, width=width * 0.95, color=STANCE_COLOURS.get(stance),
                          label=stance_name(stance), edgecolor="white",
                          hatch=None if stance == "denial" else "//")
            if len(order) <= MAX_LABELLED_PERIODS:
                ways = [_short_directions(c["directions"].iloc[0]) if len(c) and "directions" in c.columns
                        and stance != "other" else "" for c in cells]
                ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=12)
                for x, v, way in zip(xs, values, ways):
                    if v and way:
                        ax.annotate(way, (x, v), xytext=(0, 20), textcoords="offset points", ha="center",
                                    va="bottom", fontsize=9, color="#333333", linespacing=1.1)
        if len(order) <= MAX_LABELLED_PERIODS:
            ax.set_xticks(range(len(order)), _period_ticks(data, order))
        else:
            # Many periods: plain, thinned, rotated labels (n stays in the figure's CSV).
            _thinned_period_ticks(ax, order)
            ax.text(1.0, -0.32, "only periods with statements are shown; gaps between them are not to scale",
                    transform=ax.transAxes, ha="right", fontsize=10, color="#555555")
        if undated and order != ["undated"]:
            noun = "speech acts" if column == "n_acts" else "statements"
            ax.text(0.01, 0.98, f"not drawn: {undated} {noun} with no date in the text or a publication date",
                    transform=ax.transAxes, va="top", fontsize=10, color="#555555")
        ax.set_ylabel(unit_words(data))
        ax.set_xlabel("when it happened (event date resolved from the text)")
        ax.set_title(title)
        top = max([b.get_height() for b in ax.patches] + [1])
        ax.set_ylim(0, top * 1.6 + 1)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_shares(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                stances: Sequence[str] = ("denial", "accusation"),
                periods: Mapping[str, tuple[str, str]] | None = None,
                title: str = "Share of statements reported, by period") -> plt.Axes:
    """Grouped bars of each stance's share of a period's speech acts (or statements).

    95% Wilson intervals are drawn only where the period is not small n: the interval
    treats acts as independent draws, which acts from one article (or a handful) are not.
    """
    with kit_style():
        if ax is None:
            _, ax = plt.subplots()
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        order = period_order(data, periods)
        width = 0.8 / max(len(stances), 1)
        withheld = False
        for i, stance in enumerate(stances):
            cells = [data[(data["period"] == p) & (data["stance"] == stance)] for p in order]
            share = [float(c["share"].iloc[0]) if len(c) else 0.0 for c in cells]
            honest = [len(c) and not bool(c["small_n"].iloc[0]) for c in cells]
            withheld = withheld or not all(honest)
            low = [s - float(c["ci_low"].iloc[0]) if ok else 0.0 for s, c, ok in zip(share, cells, honest)]
            high = [float(c["ci_high"].iloc[0]) - s if ok else 0.0 for s, c, ok in zip(share, cells, honest)]
            xs = [j + (i - (len(stances) - 1) / 2) * width for j in range(len(order))]
            bars = ax.bar(xs, share, width=width * 0.95, color=STANCE_COLOURS.get(stance),
                          label=stance_name(stance), edgecolor="white", hatch=None if stance == "denial" else "//")
            if any(honest):
                ax.errorbar([x for x, ok in zip(xs, honest) if ok], [s for s, ok in zip(share, honest) if ok],
                            yerr=[[v for v, ok in zip(low, honest) if ok], [v for v, ok in zip(high, honest) if ok]],
                            fmt="none", capsize=4, ecolor="#333333")
            ax.bar_label(bars, labels=[f"{s:.0%}" for s in share], padding=3, fontsize=12)
        ax.set_xticks(range(len(order)), _period_ticks(data, order))
        ax.set_ylim(0, 1.15)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_ylabel(f"share of {unit_words(data)}")
        if withheld:
            ax.text(1.0, -0.3, "no interval where n is small or from one article: its acts are not independent",
                    transform=ax.transAxes, ha="right", fontsize=10, color="#555555")
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_rounds(events: pd.DataFrame, ax: plt.Axes | None = None, *,
                title: str = "Rounds of accusation and denial, 2022–2025") -> plt.Axes:
    """Timeline of the sourced events table: one marker per statement, one row per stance.

    Colour is the stance (as in every chart); the marker's shape is the speaker's country,
    hollow for a newspaper writing in its own name (``speaker_type == 'media'``), so the
    press is not read as a government. Statements on the same day and row are spread
    sideways so none hides another. An admission is labelled with what it admits
    (``about``), never as an admission of more.
    """
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        rows = [s for s in ("accusation", "denial", "rejection", "other", "admission") if s in set(events["stance"])]
        rows += sorted(set(events["stance"]) - set(rows))
        ypos = {s: i for i, s in enumerate(reversed(rows))}
        dates = pd.to_datetime(events["date"])
        media = (events["speaker_type"] == "media") if "speaker_type" in events.columns else \
            pd.Series(False, index=events.index)
        lift = _round_lift(events, dates)
        for (country, is_media), group in events.groupby([events["actor_country"], media], sort=True):
            stance_colours = [STANCE_COLOURS.get(s, "#000000") for s in group["stance"]]
            ax.scatter(dates[group.index], [ypos[s] + lift[i] for s, i in zip(group["stance"], group.index)], s=95,
                       marker=COUNTRY_MARKERS.get(country, "o"), zorder=3, linewidth=1.8 if is_media else 0.8,
                       facecolors="white" if is_media else stance_colours,
                       edgecolors=stance_colours if is_media else "white")
        _mark_admissions(ax, events, ypos)
        _label_rounds(ax, ypos, title)
        _legend_speakers(ax, events, media)
    return ax


def _round_lift(events: pd.DataFrame, dates: pd.Series) -> pd.Series:
    """Vertical offset of each event: statements within a fortnight on one row are stacked a
    little (0.14 apart, centred on the row), so none hides another."""
    lift = pd.Series(0.0, index=events.index)

    def spread(cluster: list) -> None:
        lift[cluster] = [(k - (len(cluster) - 1) / 2) * 0.14 for k in range(len(cluster))]

    for _, row_events in events.assign(_d=dates).sort_values("_d").groupby("stance"):
        cluster, start = [], None
        for idx, day in zip(row_events.index, row_events["_d"]):
            if start is not None and (day - start).days > 14:
                spread(cluster)
                cluster, start = [], None
            cluster.append(idx)
            start = day if start is None else start
        spread(cluster)
    return lift


def _mark_admissions(ax: plt.Axes, events: pd.DataFrame, ypos: Mapping[str, int]) -> None:
    """A dashed rule and a label ("<date>: <country> admits <about>") per admission, and a note
    where no admission is about arms."""
    admissions = events[events["stance"] == "admission"].sort_values("date")
    for k, (_, row) in enumerate(admissions.iterrows()):
        when = pd.Timestamp(row["date"])
        ax.axvline(when, color=STANCE_COLOURS["admission"], linestyle="--", linewidth=1.2, zorder=1)
        what = f" {row['about']}" if str(row.get("about", "")) else ""
        ax.annotate(f"{row['date']}: {row['actor_country']} admits{what}", (when, ypos["admission"]),
                    xytext=(-12, 12 + 20 * (len(admissions) - 1 - k)), textcoords="offset points",
                    ha="right", fontsize=11, color="#00664d")
    if len(admissions) and "about" in events.columns and "arms" not in set(admissions["about"]):
        ax.text(1.0, -0.26, "No admission of arms supply has been found; the 2025 admissions are about troops.",
                transform=ax.transAxes, ha="right", fontsize=10, color="#00664d")


def _label_rounds(ax: plt.Axes, ypos: Mapping[str, int], title: str) -> None:
    """Rows named by stance in the stance's colour, quarterly date ticks, axis labels and title."""
    ax.set_yticks(list(ypos.values()), [stance_name(s) for s in ypos])
    for label in ax.get_yticklabels():
        label.set_color(STANCE_COLOURS.get({stance_name(k): k for k in ypos}.get(label.get_text(), ""), "#000"))
    ax.set_ylim(-0.8, len(ypos) - 0.2)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.grid(axis="x", color="#eeeeee")
    ax.set_xlabel("date of the statement (sourced fact sheet, data/timeline/events.csv)")
    ax.set_ylabel("stance (colour) of the statement")
    ax.set_title(title)


def _legend_speakers(ax: plt.Axes, events: pd.DataFrame, media: pd.Series) -> None:
    """The legend of marker shapes: one per country, then one hollow per country's newspaper."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker=COUNTRY_MARKERS.get(c, "o"), linestyle="", color="#555555", markersize=9,
                      label=c) for c in sorted(set(events["actor_country"][~media]))]
    handles += [Line2D([], [], marker=COUNTRY_MARKERS.get(c, "o"), linestyle="", markerfacecolor="white",
                       markeredgecolor="#555555", markeredgewidth=1.8, markersize=9, label=f"{c} newspaper")
                for c in sorted(set(events["actor_country"][media]))]
    ax.legend(handles=handles, title="who spoke (shape)", loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _day(value) -> dt.datetime:
    """An ISO date ("1523-01-01", "2022-11-08") as a datetime matplotlib can place anywhere
    in years 1-9999 (a pandas Timestamp overflows before 1677)."""
    return dt.datetime.fromisoformat(str(value)[:10])


def plot_statement_strip(statements: pd.DataFrame, ax: plt.Axes | None = None, *,
                         stances: Sequence[str] = ("denial", "accusation", "other"),
                         title: str = "Who said what to whom, when (this article)",
                         max_bands: int | None = None) -> plt.Axes:
    """One band per direction (who → whom), one lane per stance inside it; a marker at each event date.

    The faint bar behind a marker is the date range the text allows ("in September" is a
    whole month, "last week" a week). Several statements on one marker are labelled
    "n reports" (of how many speech acts, when the statement engine groups them), so a
    repeat is not read as n denials. With ``max_bands``, only that many directions are
    drawn, those with the most statements, and the title says how many there were.
    """
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        data = _strip_rows(statements, stances)
        bands = sorted(set(data["band"]), key=lambda a: (a.startswith("unknown"), a))
        if max_bands is not None and len(bands) > max_bands:
            data, bands, title = _most_reported_bands(data, bands, max_bands, title)
        ypos = {a: i for i, a in enumerate(reversed(bands))}
        groups = data.groupby(["band", "stance", "event_start", "event_end", "mid"], sort=False).agg(
            n=("statement_id", "size"), acts=("act", "nunique"))
        for stance in stances:
            cells = groups[groups.index.get_level_values("stance") == stance]
            if not cells.empty:
                _draw_strip_lane(ax, cells, stance, ypos)
        ax.set_yticks(list(ypos.values()), list(ypos.keys()))
        ax.set_ylim(-0.7, max(len(ypos), 1) - 0.3)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        # Month and year on every tick: no separate year floating under the axis.
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        if len(data):
            _strip_date_limits(ax, data)
        ax.grid(axis="x", color="#eeeeee")
        ax.set_xlabel("when it happened (bar: the date range the text allows; 'n reports': one marker, n statements)")
        ax.set_ylabel("who → whom")
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


#: Vertical place of each stance's lane inside a direction's band in the statement strip.
_STRIP_LANES = {"denial": 0.22, "accusation": 0.0, "other": -0.22}


def _strip_rows(statements: pd.DataFrame, stances: Sequence[str]) -> pd.DataFrame:
    """The statements the strip draws (of `stances`, dated), with their date midpoint ``mid``,
    direction ``band`` (who → whom) and speech act ``act``; an open range ends where it starts."""
    from .aggregate import act_ids, direction

    data = statements[statements["stance"].isin(stances)].copy()
    data["mid"] = [midpoint(s, e) for s, e in zip(data["event_start"], data["event_end"])]
    data = data.dropna(subset=["mid"])
    data["event_end"] = data["event_end"].where(data["event_end"] != "", data["event_start"])
    targets = data["target"] if "target" in data.columns else pd.Series("", index=data.index)
    data["band"] = [direction(a, t) for a, t in zip(data["actor"], targets)]
    data["act"] = act_ids(data) if len(data) else pd.Series(dtype=str)
    return data


def _most_reported_bands(data: pd.DataFrame, bands: list[str], max_bands: int,
                         title: str) -> tuple[pd.DataFrame, list[str], str]:
    """Only the `max_bands` directions with the most statements (a corpus has hundreds, and
    their labels must stay legible), in their order; the title says how many there were."""
    sizes = data["band"].value_counts()
    keep = set(sorted(bands, key=lambda a: (-sizes[a], a))[:max_bands])
    title = f"{title} — the {max_bands} most reported of {len(bands)} directions"
    return data[data["band"].isin(keep)], [a for a in bands if a in keep], title


def _draw_strip_lane(ax: plt.Axes, cells: pd.DataFrame, stance: str, ypos: Mapping[str, int]) -> None:
    """One stance's markers: per (band, date range) a faint bar over the range, a marker at its
    midpoint, and "n reports (of k acts)" where several statements share the marker."""
    xs, ys = [], []
    for (band, _, start, end, mid), row in cells.iterrows():
        y = ypos[band] + _STRIP_LANES.get(stance, 0.0)
        ax.plot([_day(start), _day(end)], [y, y], color=STANCE_COLOURS[stance],
                linewidth=5, alpha=0.3, solid_capstyle="butt")
        xs.append(_day(mid))
        ys.append(y)
        if row["n"] > 1:
            acts = f" of {row['acts']} act{'s' if row['acts'] != 1 else ''}" if row["acts"] < row["n"] else ""
            ax.annotate(f"{row['n']} reports{acts}", (_day(mid), y), xytext=(9, -4),
                        textcoords="offset points", fontsize=10, color=STANCE_COLOURS[stance])
    ax.scatter(xs, ys, s=110, marker=STANCE_MARKERS[stance], color=STANCE_COLOURS[stance],
               label=stance_name(stance), edgecolor="white", zorder=3)


def _strip_date_limits(ax: plt.Axes, data: pd.DataFrame) -> None:
    """The date axis from the first start to the last end, with room on the right for the
    'n reports' labels, which must not run into the legend."""
    first, last = min(data["event_start"]), max(data["event_end"])
    first, last = _day(first), _day(last)
    span = max((last - first).days, 20)
    # (Python datetimes, not pandas Timestamps: those stop at 1677 and 2262, and an
    # article about the Reformation is dated 1523.)
    ax.set_xlim(first - dt.timedelta(days=span * 0.04), last + dt.timedelta(days=span * 0.22))


def plot_counts_over_time(counts: pd.DataFrame, ax: plt.Axes | None = None, *,
                          stances: Sequence[str] = ("denial", "accusation"),
                          title: str = "Denials and accusations reported over time",
                          xlabel: str = "period") -> plt.Axes:
    """Lines of speech acts (or statements, as the counts say) per period for each stance."""
    with kit_style():
        ax = _axes(ax, figsize=(12, 5.6))
        data = counts[counts["actor"] == "all"] if "all" in set(counts["actor"]) else counts
        column = counted(data)
        order = [p for p in period_order(data) if p not in (OUTSIDE, "undated")]
        runs = _month_runs(order)
        for stance in stances:
            cell = data[data["stance"] == stance].set_index("period").reindex(order)
            values = cell[column].fillna(0).to_numpy()
            for k, (a, b) in enumerate(runs):  # no line across months the corpus does not cover
                ax.plot(range(a, b), values[a:b], marker=STANCE_MARKERS[stance], color=STANCE_COLOURS[stance],
                        label=stance_name(stance) if k == 0 else None, linewidth=2)
        for a, _ in runs[1:]:  # a gap in time: a dotted rule, not a slope
            ax.axvline(a - 0.5, color="0.6", linestyle=":", linewidth=1)
        _thinned_period_ticks(ax, order)
        ax.set_ylabel(unit_words(data))
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(title="stance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def _month_runs(order: Sequence[str]) -> list[tuple[int, int]]:
    """Index ranges of consecutive months in ``order`` ("2017-10", "2017-11" | "1987-03"):
    lines are drawn within a run only, so two periods years apart are not joined by a slope.
    Periods that are not months form one run."""
    months = []
    for p in order:
        try:
            y, m = str(p).split("-")[:2]
            months.append(int(y) * 12 + int(m))
        except ValueError:
            return [(0, len(order))] if order else []
    runs, start = [], 0
    for i in range(1, len(months)):
        if months[i] != months[i - 1] + 1:
            runs.append((start, i))
            start = i
    if order:
        runs.append((start, len(order)))
    return runs


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
        order = sorted(p for p in set(data["period"]) if p not in (OUTSIDE, "undated"))
        markers = ["o", "s", "D", "^", "v", "P", "X", "*"]
        for i, outlet in enumerate(sorted(set(data["outlet"]))):
            cell = per.loc[outlet].reindex(order)
            ax.plot(range(len(order)), (cell["n"] / cell["docs"]).to_numpy(), marker=markers[i % len(markers)],
                    linewidth=1.8, label=f"{outlet} ({int(cell['docs'].sum(skipna=True))} articles)")
        _thinned_period_ticks(ax, order)
        ax.set_ylabel("statements reported per article")
        ax.set_xlabel("month the article was published")
        ax.set_title(title)
        ax.legend(title="outlet", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax
