"""Speech acts (act_id) and pairing of denials with the accusations they answer (issue 9, items 4-5)."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from analysis import acts, aggregate, load, pipeline, schema

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "data" / "articles" / "000_69a36e7ce07eb426.md"

NOV, LAST_WEEK, SEP = ("2022-11-08", "2022-11-08"), ("2022-10-31", "2022-11-06"), ("2022-09-01", "2022-09-30")


def st(n, stance, actor, target="", dates=NOV, sent=None, source=None, doc="d"):
    """One invented statement row; statements are numbered in text order (sentence n)."""
    sent = n if sent is None else sent
    return {"doc_id": doc, "statement_id": f"{doc}:{n}", "sent_index": sent, "start": 100 * sent + n,
            "end": 100 * sent + 90, "text": f"sentence {sent}", "source": actor if source is None else source,
            "actor": actor, "target": target, "stance": stance,
            "event_start": dates[0] if dates else "", "event_end": dates[1] if dates else ""}


def frame(*rows):
    return schema.frame("statements", rows)


def act_numbers(df):
    """The act ids as short labels a1, a2, ... in row order."""
    return [a.split(":")[-1] for a in df["act_id"]]


# ------------------------------------------------------------------ group_acts

@pytest.mark.parametrize("rows, expected", [
    # headline, paraphrase, quote of one statement: one act (target named once is compatible)
    ([st(1, "denial", "Freedonia"), st(2, "denial", "Freedonia", "Sylvania"), st(3, "denial", "Freedonia")],
     ["a1", "a1", "a1"]),
    # different actors, same stance and day: two acts
    ([st(1, "denial", "Freedonia"), st(2, "denial", "Sylvania")], ["a1", "a2"]),
    # same actor, different dates (November vs September): two acts
    ([st(1, "denial", "Freedonia"), st(2, "denial", "Freedonia", dates=SEP)], ["a1", "a2"]),
    # overlapping dates (a month and a day in it): one act
    ([st(1, "denial", "Freedonia", dates=SEP), st(2, "denial", "Freedonia", dates=("2022-09-22", "2022-09-22"))],
     ["a1", "a1"]),
    # a wide range does not chain two distinct months into one act
    ([st(1, "accusation", "Freedonia", dates=("2022-01-01", "2022-12-31")),
      st(2, "accusation", "Freedonia", dates=SEP), st(3, "accusation", "Freedonia")], ["a1", "a1", "a2"]),
    # same actor and date, different stance: two acts
    ([st(1, "denial", "Freedonia", "Sylvania"), st(2, "accusation", "Freedonia", "Sylvania")], ["a1", "a2"]),
    # two different named targets: two acts
    ([st(1, "accusation", "Freedonia", "Sylvania"), st(2, "accusation", "Freedonia", "Ruritania")], ["a1", "a2"]),
    # one party, two named people: two acts; a person and the party's institutional voice: one
    ([{**st(1, "denial", "WorldCom"), "speaker": "Bernard Ebbers", "source_type": "person"},
      {**st(2, "denial", "WorldCom"), "speaker": "Scott Sullivan", "source_type": "person"},
      {**st(3, "denial", "WorldCom"), "speaker": "Bernard Ebbers", "source_type": "person"}], ["a1", "a2", "a1"]),
    ([{**st(1, "accusation", "Freedonia", "Sylvania"), "speaker": "The government", "source_type": "government"},
      {**st(2, "accusation", "Freedonia", "Sylvania"), "speaker": "Jane Roe", "source_type": "person"}], ["a1", "a1"]),
    # `other` statements are never grouped, each its own act
    ([st(1, "other", "Freedonia"), st(2, "other", "Freedonia")], ["a1", "a2"]),
    # unknown speakers: grouped only when written the same way
    ([st(1, "denial", "unknown", source="experts"), st(2, "denial", "unknown", source="analysts"),
      st(3, "denial", "unknown", source="the experts")], ["a1", "a2", "a1"]),
    # undated reports join the one dated act of the same actor and stance
    ([st(1, "denial", "Freedonia", dates=None), st(2, "denial", "Freedonia")], ["a1", "a1"]),
    # ... but with two dated acts they are ambiguous: one undated act of their own
    ([st(1, "denial", "Freedonia", dates=None), st(2, "denial", "Freedonia", dates=SEP),
      st(3, "denial", "Freedonia"), st(4, "denial", "Freedonia", dates=None)], ["a1", "a2", "a3", "a1"]),
])
def test_group_acts(rows, expected):
    assert act_numbers(acts.group_acts(frame(*rows))) == expected


def test_acts_are_numbered_in_text_order_per_article():
    rows = [st(2, "denial", "Freedonia"), st(1, "accusation", "Sylvania", "Freedonia"),
            st(1, "denial", "Freedonia", doc="e")]
    out = acts.group_acts(frame(*rows))
    assert list(out["act_id"]) == ["d:a2", "d:a1", "e:a1"]
    assert list(out["statement_id"]) == ["d:2", "d:1", "e:1"]  # rows keep their order


def test_group_acts_different_articles_never_share_an_act():
    out = acts.group_acts(frame(st(1, "denial", "Freedonia"), st(1, "denial", "Freedonia", doc="e")))
    assert out["act_id"].nunique() == 2


# ------------------------------------------------------------------ pair_denials

def paired(*rows):
    out = acts.pair_denials(acts.group_acts(frame(*rows)))
    return list(out["answers"]), [None if math.isnan(x) else x for x in out["answer_lag_days"]]


def test_denial_answers_earlier_accusation_with_lag():
    answers, lags = paired(st(1, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK),
                           st(2, "denial", "Freedonia"))
    assert answers == ["", "d:1"]
    assert lags == [None, 8.0]  # 2022-10-31 -> 2022-11-08


def test_denial_with_no_matching_accusation_stays_unpaired():
    # the accusation targets someone else; another accuses the denier itself (its own counter-accusation)
    answers, lags = paired(st(1, "accusation", "Sylvania", "Ruritania"),
                           st(2, "accusation", "Freedonia", "Freedonia"),
                           st(3, "denial", "Freedonia"))
    assert answers == ["", "", ""] and lags == [None, None, None]


def test_named_accuser_must_be_the_accusations_actor():
    answers, _ = paired(st(1, "accusation", "Ruritania", "Freedonia"),
                        st(2, "denial", "Freedonia", "Sylvania"))
    assert answers == ["", ""]
    answers, _ = paired(st(1, "accusation", "Ruritania", "Freedonia"),
                        st(2, "accusation", "Sylvania", "Freedonia"),
                        st(3, "denial", "Freedonia", "Ruritania"))
    assert answers == ["", "", "d:1"]  # the named accuser, not the nearest accusation


def test_named_speaker_counts_as_the_denier():
    # prosecutors accuse the person; the person (actor: his company) denies
    acc = {**st(1, "accusation", "United States", "Bernard Ebbers", dates=LAST_WEEK), "speaker": "prosecutors"}
    den = {**st(2, "denial", "WorldCom"), "speaker": "Bernard Ebbers", "source_type": "person"}
    other = {**st(3, "denial", "WorldCom"), "speaker": "Scott Sullivan", "source_type": "person"}
    out = acts.pair_denials(acts.group_acts(frame(acc, den, other)))
    assert act_numbers(out) == ["a1", "a2", "a3"]  # two people: two acts
    assert list(out["answers"]) == ["", "d:1", ""]


def test_later_accusation_in_another_sentence_is_not_answered():
    answers, _ = paired(st(1, "denial", "Freedonia"), st(2, "accusation", "Sylvania", "Freedonia"))
    assert answers == ["", ""]
    # undated, later in the text: not answered either
    answers, _ = paired(st(1, "denial", "Freedonia", dates=None),
                        st(2, "accusation", "Sylvania", "Freedonia", dates=None))
    assert answers == ["", ""]


def test_same_sentence_accusation_is_answered_without_dates():
    answers, lags = paired(st(1, "denial", "Freedonia", "Sylvania", dates=None, sent=4),
                           st(2, "accusation", "Sylvania", "Freedonia", dates=None, sent=4))
    assert answers == ["d:2", ""] and lags == [None, None]  # no lag without dates


def test_later_in_text_but_dated_before_is_answered():
    # news order: the denial first, then "last week, Sylvania accused ..."
    answers, lags = paired(st(1, "denial", "Freedonia"),
                           st(2, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK))
    assert answers == ["d:2", ""] and lags == [8.0, None]


def test_accusation_dated_after_the_denial_is_not_answered():
    # earlier in the text, but reported as happening after the September denial
    answers, _ = paired(st(1, "accusation", "Sylvania", "Freedonia"),
                        st(2, "denial", "Freedonia", dates=SEP))
    assert answers == ["", ""]


def test_nearest_dated_accusation_before_the_denial_wins():
    answers, lags = paired(st(1, "accusation", "Sylvania", "Freedonia", dates=SEP),
                           st(2, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK),
                           st(3, "accusation", "Sylvania", "Freedonia", dates=SEP, sent=9),
                           st(4, "denial", "Freedonia", sent=10))
    assert answers == ["", "", "", "d:2"] and lags[3] == 8.0


def test_every_report_of_a_denial_act_answers_the_same_accusation():
    out = acts.pair_denials(acts.group_acts(frame(
        st(1, "denial", "Freedonia"), st(2, "denial", "Freedonia", "Sylvania"),
        st(3, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK))))
    assert list(out["answers"]) == ["d:3", "d:3", ""]


def test_pairing_works_without_act_ids():
    out = acts.pair_denials(frame(st(1, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK),
                                  st(2, "denial", "Freedonia")).assign(act_id=""))
    assert list(out["answers"]) == ["", "d:1"]


def test_pairing_summary_counts_acts():
    out = acts.pair_denials(acts.group_acts(frame(
        st(1, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK),
        st(2, "denial", "Freedonia"), st(3, "denial", "Freedonia"),              # one act, answers d:1 (lag 8)
        st(4, "denial", "Freedonia", dates=SEP),                                 # unpaired
        st(5, "accusation", "Ruritania", "Sylvania", dates=("2022-11-01", "2022-11-01")),
        st(6, "denial", "Sylvania", dates=("2022-11-03", "2022-11-03")))))      # answers d:5 (lag 2)
    summary = acts.pairing_summary(out)
    assert summary == {"denials": 3, "answering": 2, "share": pytest.approx(2 / 3), "median_lag_days": 5.0,
                       "lags": 2}


def test_pairing_summary_without_denials_or_columns():
    assert acts.pairing_summary(schema.empty("statements"))["share"] is None
    plain = pd.DataFrame({"statement_id": ["d:1"], "stance": ["denial"]})
    assert acts.pairing_summary(plain) == {"denials": 1, "answering": 0, "share": 0.0, "median_lag_days": None,
                                           "lags": 0}


def test_empty_and_sparse_tables():
    out = acts.pair_denials(acts.group_acts(schema.empty("statements")))
    assert out.empty and {"act_id", "answers", "answer_lag_days"} <= set(out.columns)
    # a table with only the columns the stage reads (no sent_index, NaN and NA as blanks)
    sparse = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["d:1", "d:2"], "start": [0, 50],
                           "actor": ["Sylvania", "Freedonia"], "target": ["Freedonia", math.nan],
                           "stance": ["accusation", "denial"], "event_start": ["2022-11-01", pd.NA],
                           "event_end": ["2022-11-01", None]})
    out = acts.pair_denials(acts.group_acts(sparse))
    assert list(out["act_id"]) == ["d:a1", "d:a2"] and list(out["answers"]) == ["", "d:1"]
    assert math.isnan(out["answer_lag_days"].iloc[1])


def test_inputs_are_left_alone():
    table = frame(st(1, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK), st(2, "denial", "Freedonia"))
    before = table.copy()
    acts.pair_denials(acts.group_acts(table))
    pd.testing.assert_frame_equal(table, before)
    rows = [st(1, "accusation", "Sylvania", "Freedonia", dates=LAST_WEEK), st(2, "denial", "Freedonia")]
    linked = acts.link_rows(rows)
    assert "act_id" not in rows[0] and [r["answers"] for r in linked] == ["", "d:1"]


_DAYS = ["2022-09-01", "2022-09-15", "2022-09-30", "2022-11-01", "2022-11-08", ""]


@settings(max_examples=60, deadline=None)
@given(hs.lists(hs.tuples(hs.sampled_from(["denial", "accusation", "other"]),
                          hs.sampled_from(["Freedonia", "Sylvania", "unknown"]),
                          hs.sampled_from(["", "Freedonia", "Sylvania"]),
                          hs.sampled_from(_DAYS), hs.integers(0, 30)), max_size=12))
def test_acts_and_pairs_are_consistent(specs):
    rows = [st(n, stance, actor, target, dates=(day, day) if day else None)
            for n, (stance, actor, target, day, _) in enumerate(specs, 1)]
    out = acts.pair_denials(acts.group_acts(frame(*rows))) if rows else None
    if out is None:
        return
    by_id = out.set_index("statement_id")
    for _, act in out.groupby("act_id"):
        assert act["stance"].nunique() == 1 and act["actor"].nunique() == 1
        if act["stance"].iloc[0] == "other":
            assert len(act) == 1
        dated = act[act["event_start"] != ""]["event_start"]
        assert dated.nunique() <= 1  # single days: overlapping means equal
        assert len(set(act["target"]) - {""}) <= 1
    for _, den in out[out["answers"] != ""].iterrows():
        assert den["stance"] == "denial"
        acc = by_id.loc[den["answers"]]
        assert acc["stance"] == "accusation" and acc["target"] == den["actor"] and acc["actor"] != den["actor"]
        assert not den["target"] or acc["actor"] == den["target"]
        if acc["event_start"] and den["event_start"]:
            assert acc["event_start"] <= den["event_start"]
            assert den["answer_lag_days"] >= 0
    assert (out.loc[out["answers"] == "", "answer_lag_days"].isna()).all()


# ------------------------------------------------------------------ the shipped article (issue 9, acceptance 3)

@pytest.fixture(scope="module")
def shipped():
    """The shipped article's statements, with the month each falls in as the counts assign it."""
    articles = load.load_inputs([ARTICLE]).articles
    statements = pipeline.annotate_articles(articles, workers=1)[1]
    return statements.assign(month=aggregate.assign_periods(statements, articles, freq="month"))


def acts_in(statements, stance, month):
    """The acts of `stance` in `month`: actor, the target named, what it answers, how many reports."""
    cell = statements[(statements["stance"] == stance) & (statements["month"] == month)]
    return cell.groupby("act_id").agg(actor=("actor", "first"), target=("target", "max"),
                                      answers=("answers", "first"), n=("statement_id", "size"))


def test_shipped_article_september_has_one_denial_and_one_accusation(shipped):
    denials, accusations = acts_in(shipped, "denial", "2022-09"), acts_in(shipped, "accusation", "2022-09")
    assert list(denials["actor"]) == ["North Korea"]
    assert list(zip(accusations["actor"], accusations["target"])) == [("United States", "North Korea")]


def test_shipped_article_november_acts_and_pairing(shipped):
    denials, accusations = acts_in(shipped, "denial", "2022-11"), acts_in(shipped, "accusation", "2022-11")
    assert list(denials["actor"]) == ["North Korea"]
    assert denials["n"].iloc[0] == 3  # headline, paraphrase, direct quote: one KCNA statement
    # the US accusation of "last week" and North Korea's counter-accusation, each once
    assert sorted(zip(accusations["actor"], accusations["target"])) == [("North Korea", "United States"),
                                                                         ("United States", "North Korea")]
    us = shipped[(shipped["stance"] == "accusation") & (shipped["actor"] == "United States")
                 & (shipped["month"] == "2022-11")]
    assert set(us["time_text"]) == {"last week"} and us["act_id"].nunique() == 1
    # the denial is paired to the US accusation, 8 days after "last week" began (2022-10-31)
    answered = shipped.set_index("statement_id").loc[denials["answers"].iloc[0]]
    assert answered["act_id"] == us["act_id"].iloc[0]
    assert set(shipped.loc[shipped["act_id"] == denials.index[0], "answer_lag_days"]) == {8.0}
    assert acts.pairing_summary(shipped)["median_lag_days"] == 8.0


def test_shipped_article_counts_each_act_once(shipped):
    # what the default counts (distinct act_id) give per month and stance
    stances = shipped[shipped["stance"] != "other"]
    counted = stances.groupby(["month", "stance"])["act_id"].nunique().to_dict()
    assert counted == {("2022-09", "accusation"): 1, ("2022-09", "denial"): 1,
                       ("2022-11", "accusation"): 2, ("2022-11", "denial"): 1}
    assert stances.groupby(["month", "stance"]).size().to_dict()[("2022-11", "denial")] == 3  # the statements
