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
    assert ax.get_ylabel() == "statements reported"
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
    assert "×2" in [t.get_text() for t in ax.texts]
    plt.close(ax.figure)


def test_plot_rounds_marks_admission():
    events = pd.DataFrame({"date": ["2022-09-22", "2022-11-02", "2025-04-28"],
                           "actor": ["KCNA", "Kirby", "KCNA"], "stance": ["denial", "accusation", "admission"],
                           "actor_country": ["North Korea", "United States", "North Korea"],
                           "paraphrase": ["a", "b", "c"]})
    ax = plots.plot_rounds(events)
    assert any("admits" in t.get_text() for t in ax.texts)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["admission", "denial", "accusation"]
    plt.close(ax.figure)


def test_plot_counts_over_time(statements):
    ax = plots.plot_counts_over_time(aggregate.count_statements(statements))
    assert ax.get_ylabel() == "statements reported" and len(ax.lines) == 2
    plt.close(ax.figure)


@pytest.mark.parametrize("period, label", [("2022-09", "Sep 2022"), ("September 2022", "September 2022"),
                                           ("2022-W44", "2022-W44")])
def test_period_label(period, label):
    assert plots.period_label(period) == label


def test_plot_shares_with_intervals(statements):
    counts = aggregate.count_statements(statements)
    ax = plots.plot_shares(counts)
    assert ax.get_ylabel() == "share of statements reported"
    labels = [t.get_text() for c in ax.containers if hasattr(c, "datavalues") for t in ax.texts] or \
        [t.get_text() for t in ax.texts]
    nov_denial = counts[(counts["period"] == "2022-11") & (counts["stance"] == "denial")]["share"].iloc[0]
    assert f"{nov_denial:.0%}" in labels
    assert len(ax.collections) >= 2          # one error-bar collection per stance
    plt.close(ax.figure)
