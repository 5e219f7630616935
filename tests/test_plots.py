import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import aggregate, plots, schema  # noqa: E402


@pytest.fixture()
def statements():
    rows = [("denial", "North Korea", "2022-09-22", "2022-09-22"),
            ("accusation", "United States", "2022-09-01", "2022-09-30"),
            ("denial", "North Korea", "2022-11-08", "2022-11-08"),
            ("denial", "North Korea", "2022-11-08", "2022-11-08"),
            ("accusation", "United States", "2022-10-31", "2022-11-06"),
            ("other", "Russia", "2022-02-01", "2022-02-28")]
    return schema.frame("statements", [{"doc_id": "a", "statement_id": f"a:{i}", "stance": s, "actor": a,
                                        "event_start": b, "event_end": e} for i, (s, a, b, e) in enumerate(rows)])


def test_plot_periods_labels_and_values(statements):
    counts = aggregate.count_statements(statements)
    ax = plots.plot_periods(counts)
    assert ax.get_ylabel() == "speech acts reported"  # no act_id yet: each statement is its own act
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0].startswith("Sep 2022") and ticks[1].startswith("Nov 2022") and len(ticks) == 2  # Feb: no denial
    heights = sorted(int(p.get_height()) for p in ax.patches)
    assert heights == [1, 1, 1, 2]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["denial", "accusation"]
    assert "small n" in ticks[0]
    plt.close(ax.figure)


def test_plot_periods_draws_on_given_axes(statements):
    fig, ax = plt.subplots()
    assert plots.plot_periods(aggregate.count_statements(statements), ax=ax) is ax
    plt.close(fig)


def test_plot_statement_strip_groups_repeats(statements):
    ax = plots.plot_statement_strip(statements)
    labels = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert set(labels) == {"Russia", "United States", "North Korea"}
    assert max(labels, key=labels.get) == "North Korea"  # alphabetical from the top
    assert "2 reports" in [t.get_text() for t in ax.texts]  # not "×2", which reads as two denials
    plt.close(ax.figure)


def test_plot_rounds_marks_admission():
    events = pd.DataFrame({"date": ["2022-09-22", "2022-11-02", "2025-04-28"], "about": ["arms", "arms", "troops"],
                           "actor": ["KCNA", "Kirby", "KCNA"], "stance": ["denial", "accusation", "admission"],
                           "actor_country": ["North Korea", "United States", "North Korea"],
                           "paraphrase": ["a", "b", "c"]})
    ax = plots.plot_rounds(events)
    assert any("admits" in t.get_text() for t in ax.texts)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["admission", "denial", "accusation"]
    plt.close(ax.figure)


def test_plot_counts_over_time(statements):
    ax = plots.plot_counts_over_time(aggregate.count_statements(statements, unit="statements"))
    # one legend entry per stance; the lines are broken where months are missing
    assert ax.get_ylabel() == "statements reported" and len(ax.get_legend().get_texts()) == 2
    assert {line.get_label() for line in ax.lines if not line.get_label().startswith("_")} == {"denial", "accusation"}
    plt.close(ax.figure)


@pytest.mark.parametrize("period, label", [("2022-09", "Sep 2022"), ("September 2022", "September 2022"),
                                           ("2022-W44", "2022-W44")])
def test_period_label(period, label):
    assert plots.period_label(period) == label


def test_plot_shares_with_intervals(statements):
    counts = aggregate.count_statements(statements)
    ax = plots.plot_shares(counts)
    assert ax.get_ylabel() == "share of speech acts reported"
    labels = [t.get_text() for c in ax.containers if hasattr(c, "datavalues") for t in ax.texts] or \
        [t.get_text() for t in ax.texts]
    nov_denial = counts[(counts["period"] == "2022-11") & (counts["stance"] == "denial")]["share"].iloc[0]
    assert f"{nov_denial:.0%}" in labels
    # One article: its statements are not independent draws, so no interval is drawn, and the chart says why.
    assert not [c for c in ax.collections if c.get_segments()]
    assert any("not independent" in t.get_text() for t in ax.texts)
    plt.close(ax.figure)


def test_plot_shares_draws_intervals_for_many_articles(statements):
    many = pd.concat([statements.assign(doc_id=f"d{i}", statement_id=statements["statement_id"] + f"-{i}")
                      for i in range(3)], ignore_index=True)
    ax = plots.plot_shares(aggregate.count_statements(many))
    assert [c for c in ax.collections if c.get_segments()]
    plt.close(ax.figure)


# ------------------------------------------- issue 12, point 5: figures a reader could misread

def _kcna_repeated():
    """One KCNA denial reported three times (one act), and accusations both ways."""
    rows = [("denial", "North Korea", "United States", "a:a1"), ("denial", "North Korea", "United States", "a:a1"),
            ("denial", "North Korea", "United States", "a:a1"),
            ("accusation", "North Korea", "United States", "a:a2"),
            ("accusation", "United States", "North Korea", "a:a3")]
    return pd.DataFrame([{"doc_id": "a", "statement_id": f"a:{i}", "stance": s, "actor": a, "target": t,
                          "act_id": act, "event_start": "2022-11-08", "event_end": "2022-11-08"}
                         for i, (s, a, t, act) in enumerate(rows)])


def test_plot_periods_counts_acts_and_shows_direction():
    ax = plots.plot_periods(aggregate.count_statements(_kcna_repeated()))
    assert sorted(int(p.get_height()) for p in ax.patches) == [1, 2]  # 1 denial act (3 reports), 2 accusations
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "US → N. Korea 1" in texts and "N. Korea → US 1" in texts
    assert "1 article" in ax.get_xticklabels()[0].get_text() and "small n" in ax.get_xticklabels()[0].get_text()
    plt.close(ax.figure)


def test_plot_periods_by_statements_says_so():
    ax = plots.plot_periods(aggregate.count_statements(_kcna_repeated(), unit="statements"))
    assert ax.get_ylabel() == "statements reported" and sorted(int(p.get_height()) for p in ax.patches) == [2, 3]
    plt.close(ax.figure)


def test_plot_statement_strip_bands_are_directions_and_repeats_are_reports():
    ax = plots.plot_statement_strip(_kcna_repeated())
    labels = {t.get_text() for t in ax.get_yticklabels()}
    assert labels == {"North Korea → United States", "United States → North Korea"}
    assert "3 reports of 1 act" in [t.get_text() for t in ax.texts]
    ax.figure.canvas.draw()
    assert ax.xaxis.get_offset_text().get_text() == "", "no stray year under the axis"
    plt.close(ax.figure)


def test_neither_not_other_in_legends(statements):
    ax = plots.plot_periods(aggregate.count_statements(statements), stances=("denial", "accusation", "other"))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["denial", "accusation", "neither"]
    plt.close(ax.figure)


def test_plot_rounds_colour_is_stance_and_media_apart():
    from analysis import load

    events = load.read_events()
    ax = plots.plot_rounds(events)
    texts = [t.get_text() for t in ax.texts]
    assert any("North Korea admits troops" in t for t in texts) and not any(t.endswith("admits") for t in texts)
    assert any("No admission of arms supply" in t for t in texts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "United States newspaper" in legend and "Japan newspaper" in legend
    # Colour means stance: every accusation marker is vermillion, whoever spoke.
    acc_y = [t.get_position()[1] for t in ax.get_yticklabels() if t.get_text() == "accusation"][0]
    colours = set()
    for coll in ax.collections:
        for (x, y), face, edge in zip(coll.get_offsets(), coll.get_facecolors(),
                                      coll.get_edgecolors() if len(coll.get_edgecolors()) > 1 else
                                      [coll.get_edgecolors()[0]] * len(coll.get_offsets())):
            if abs(y - acc_y) < 1e-9:
                rgb = face if face[:3].tolist() != [1.0, 1.0, 1.0] else edge
                colours.add(matplotlib.colors.to_hex(rgb))
    assert colours == {plots.STANCE_COLOURS["accusation"].lower()}
    # No two markers on one spot (Tokyo Shimbun and Kirby spoke on the same day).
    points = [tuple(p) for coll in ax.collections for p in coll.get_offsets()]
    assert len(points) == len(set(points)) == len(events)
    plt.close(ax.figure)


def test_months_years_apart_are_not_joined_by_a_line():
    from analysis.plots import _month_runs

    assert _month_runs(["1987-03", "1987-04", "1987-06", "2017-10", "2017-11"]) == [(0, 2), (2, 3), (3, 5)]
    assert _month_runs(["September 2022", "now"]) == [(0, 2)]


def test_plot_statement_strip_places_dates_pandas_cannot_hold():
    # an article about the Reformation dates a statement 1523; pandas' Timestamps stop at 1677
    rows = [("denial", "Luther", "1523-01-01", "1523-12-31"), ("accusation", "Rome", "2000-01-01", "2099-12-31")]
    frame = schema.frame("statements", [{"doc_id": "a", "statement_id": f"a:{i}", "stance": s, "actor": a,
                                         "event_start": b, "event_end": e} for i, (s, a, b, e) in enumerate(rows)])
    ax = plots.plot_statement_strip(frame)
    left, right = (matplotlib.dates.num2date(x).year for x in ax.get_xlim())
    assert left <= 1523 and right >= 2099
    assert {t.get_text() for t in ax.get_yticklabels()} == {"Luther", "Rome"}
    plt.close(ax.figure)


def test_plot_statement_strip_keeps_the_most_reported_directions():
    rows = [("accusation", f"Actor {i:02d}", "2022-11-08") for i in range(30)]
    rows += [("denial", "Actor 07", "2022-11-09")] * 3 + [("accusation", "Actor 11", "2022-11-10")] * 2
    frame = schema.frame("statements", [{"doc_id": "a", "statement_id": f"a:{i}", "stance": s, "actor": a,
                                         "event_start": d, "event_end": d} for i, (s, a, d) in enumerate(rows)])
    ax = plots.plot_statement_strip(frame, max_bands=5)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 5 and {"Actor 07", "Actor 11"} <= set(labels)
    assert "5 most reported of 30 directions" in ax.get_title(loc="left")
    plt.close(ax.figure)
    ax = plots.plot_statement_strip(frame)  # one article: every direction
    assert len(ax.get_yticklabels()) == 30
    plt.close(ax.figure)


def test_plot_periods_names_undated_acts_instead_of_drawing_them(statements):
    undated = statements.copy()
    undated.loc[undated.index[:2], ["event_start", "event_end"]] = ""  # two statements nobody dated
    counts = aggregate.count_statements(undated)
    assert "undated" in set(counts["period"])
    ax = plots.plot_periods(counts)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert not any("undated" in t for t in ticks)
    assert any(t.get_text().startswith("not drawn: 2 speech acts") for t in ax.texts)
    plt.close(ax.figure)
