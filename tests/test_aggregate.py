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
    # not "other": the timeline offers an "other" stance beside its periods (issue 12, point 7)
    assert aggregate.period_of(dt.date(2022, 2, 24), periods=periods) == "outside these periods"


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


# ---------------------------------------------------- speech acts, direction, small n (issue 12, point 5)

def _acts_frame(act_ids=True):
    """One KCNA denial reported three times in one article, and accusations both ways."""
    rows = [
        # doc, id, stance, actor, target, act
        ("a", "a:1", "denial", "North Korea", "United States", "a:a1"),
        ("a", "a:2", "denial", "North Korea", "United States", "a:a1"),
        ("a", "a:3", "denial", "North Korea", "United States", "a:a1"),
        ("a", "a:4", "accusation", "North Korea", "United States", "a:a2"),
        ("a", "a:5", "accusation", "United States", "North Korea", "a:a3"),
        ("a", "a:6", "accusation", "United States", "North Korea", "a:a4"),
    ]
    frame = pd.DataFrame([{"doc_id": d, "statement_id": i, "stance": s, "actor": a, "target": t, "act_id": act,
                           "event_start": "2022-11-08", "event_end": "2022-11-08"}
                          for d, i, s, a, t, act in rows])
    return frame if act_ids else frame.drop(columns="act_id")


def test_counts_speech_acts_by_default():
    counts = aggregate.count_statements(_acts_frame()).set_index("stance")
    assert counts.loc["denial", "n_acts"] == 1 and counts.loc["denial", "n_statements"] == 3
    assert counts.loc["denial", "period_total"] == 4  # 4 acts in November, not 6 statements
    assert counts.loc["denial", "unit"] == "acts"
    assert aggregate.unit_words(counts) == "speech acts reported"


def test_counts_statements_when_asked_or_without_act_ids():
    counts = aggregate.count_statements(_acts_frame(), unit="statements").set_index("stance")
    assert counts.loc["denial", "period_total"] == 6 and aggregate.unit_words(counts) == "statements reported"
    fallback = aggregate.count_statements(_acts_frame(act_ids=False)).set_index("stance")
    assert fallback.loc["denial", "n_acts"] == 3  # no grouping yet: each statement is its own act
    empty_ids = _acts_frame().assign(act_id="")
    assert aggregate.count_statements(empty_ids).set_index("stance").loc["denial", "n_acts"] == 3
    with pytest.raises(ValueError):
        aggregate.count_statements(_acts_frame(), unit="articles")


def test_counts_name_the_direction_of_accusations():
    counts = aggregate.count_statements(_acts_frame()).set_index("stance")
    assert counts.loc["accusation", "directions"] == "United States → North Korea: 2; North Korea → United States: 1"


def test_one_article_is_small_n_however_many_statements():
    frame = pd.concat([_acts_frame(act_ids=False)] * 2, ignore_index=True)
    frame["statement_id"] = [f"a:{i}" for i in range(len(frame))]
    counts = aggregate.count_statements(frame)
    assert counts["period_total"].max() == 12 and counts["period_docs"].max() == 1
    assert counts["small_n"].all(), "twelve statements from one article are not twelve independent reports"


def test_answer_links():
    st = _acts_frame().assign(answers=["a:5", "", "", "", "", ""], answer_lag_days=["6", "", "", "", "", ""])
    assert aggregate.answer_links(st) == {"denials": 3, "linked": 1, "median_lag_days": 6.0}
    assert aggregate.answer_links(_acts_frame()) == {"denials": 3, "linked": None, "median_lag_days": None}


@pytest.mark.parametrize("options", [{}, {"when": "reported"}, {"by_actor": True}, {"unit": "statements"}])
def test_counting_reads_only_its_declared_columns(article, options):
    """``COUNT_COLUMNS`` is what callers keep when they filter before counting
    (:func:`analysis.corpus.counted_statements`): counting the narrow table must give the
    counts of the whole one. A column ``count_statements`` starts to read without being
    declared fails here with a KeyError."""
    from analysis import corpus, pipeline

    articles = schema.frame("articles", [{**article, "collapsed": False}])
    tables = pipeline.run(articles, workers=1, progress=False)
    assert len(tables.statements) > 5
    whole = aggregate.count_statements(tables.statements, articles, **options)
    narrow = corpus.counted_statements(tables.statements, articles, aggregate.COUNT_COLUMNS)
    assert list(narrow.columns) == list(aggregate.COUNT_COLUMNS)
    pd.testing.assert_frame_equal(aggregate.count_statements(narrow, articles, **options), whole)
