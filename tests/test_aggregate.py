import datetime as dt

import pandas as pd
import pytest

from analysis import aggregate, schema


def _statements(rows):
    return schema.frame("statements", [
        {"doc_id": d, "statement_id": f"{d}:{i}", "stance": s, "actor": a, "event_start": start, "event_end": end}
        for i, (d, s, a, start, end) in enumerate(rows)])


@pytest.mark.parametrize("k, n, low, high", [
    (0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0), (0, 0, 0.0, 1.0),
])
def test_wilson(k, n, low, high):
    assert aggregate.wilson(k, n) == pytest.approx((low, high), abs=1e-4)


@pytest.mark.parametrize("day, freq, expected", [
    (dt.date(2022, 11, 3), "month", "2022-11"),
    (dt.date(2022, 11, 3), "week", "2022-W44"),
    (dt.date(2023, 1, 1), "week", "2022-W52"),
    (dt.date(2022, 11, 3), "year", "2022"),
    (None, "month", "undated"),
])
def test_period_of(day, freq, expected):
    assert aggregate.period_of(day, freq) == expected


def test_named_periods():
    periods = aggregate.ARTICLE_PERIODS
    assert aggregate.period_of(dt.date(2022, 9, 22), periods=periods) == "September 2022"
    assert aggregate.period_of(dt.date(2022, 11, 3), periods=periods) == "Oct–Nov 2022"
    assert aggregate.period_of(dt.date(2022, 2, 24), periods=periods) == "other"


def test_week_is_dated_by_its_middle():
    # "last week" in a 2022-11-08 story = 2022-10-31..11-06: it belongs to November, not October.
    st = _statements([("a", "accusation", "United States", "2022-10-31", "2022-11-06")])
    assert aggregate.assign_periods(st).tolist() == ["2022-11"]


def test_counts_by_period_and_stance():
    st = _statements([
        ("a", "denial", "North Korea", "2022-09-22", "2022-09-22"),
        ("a", "accusation", "United States", "2022-09-06", "2022-09-06"),
        ("a", "denial", "North Korea", "2022-11-08", "2022-11-08"),
        ("b", "denial", "North Korea", "2022-11-08", "2022-11-08"),
        ("b", "other", "Russia", "2022-11-01", "2022-11-01"),
    ])
    counts = aggregate.count_statements(st)
    cell = counts.set_index(["period", "stance"])
    assert cell.loc[("2022-11", "denial"), "n_statements"] == 2
    assert cell.loc[("2022-11", "denial"), "n_docs"] == 2
    assert cell.loc[("2022-11", "denial"), "share"] == pytest.approx(2 / 3)
    assert cell.loc[("2022-09", "accusation"), "period_total"] == 2
    assert cell.loc[("2022-09", "accusation"), "small_n"]
    assert counts["ci_low"].le(counts["share"]).all() and counts["ci_high"].ge(counts["share"]).all()
    assert list(counts.columns) == schema.columns("counts")


def test_counts_reported_uses_publication_date():
    st = _statements([("a", "denial", "North Korea", "2022-09-22", "2022-09-22")])
    articles = schema.frame("articles", [{"doc_id": "a", "published": "2022-11-08"}])
    counts = aggregate.count_statements(st, articles, when="reported")
    assert set(counts["period"]) == {"2022-11"}


def test_counts_by_actor_and_empty():
    st = _statements([("a", "denial", "North Korea", "2022-09-22", "2022-09-22"),
                      ("a", "accusation", "United States", "2022-09-06", "2022-09-06")])
    counts = aggregate.count_statements(st, by_actor=True)
    assert set(counts["actor"]) == {"North Korea", "United States"}
    assert aggregate.count_statements(schema.empty("statements")).empty


def test_bad_when():
    with pytest.raises(ValueError):
        aggregate.assign_periods(_statements([]), when="sometime")


def test_period_order():
    counts = pd.DataFrame({"period": ["undated", "2022-11", "2022-09"]})
    assert aggregate.period_order(counts) == ["2022-09", "2022-11", "undated"]


def test_count_by_outlet_is_per_article():
    st = _statements([("a", "denial", "North Korea", "2022-11-08", "2022-11-08"),
                      ("a", "accusation", "United States", "2022-11-02", "2022-11-02"),
                      ("b", "denial", "North Korea", "2022-11-08", "2022-11-08")])
    articles = schema.frame("articles", [{"doc_id": "a", "published": "2022-11-08", "outlet": "X"},
                                         {"doc_id": "b", "published": "2022-11-09", "outlet": "X"},
                                         {"doc_id": "c", "published": "2022-10-01", "outlet": ""}])
    table = aggregate.count_by_outlet(st, articles).set_index(["period", "outlet", "stance"])
    assert table.loc[("2022-11", "X", "denial"), "n_statements"] == 2
    assert table.loc[("2022-11", "X", "denial"), "per_article"] == 1.0
    assert table.loc[("2022-11", "X", "accusation"), "per_article"] == 0.5
    assert table.loc[("2022-10", "unknown outlet", "denial"), "n_docs"] == 1   # articles with nothing still count
