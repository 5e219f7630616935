"""Dating statements: when each was said, and the date it is about (analysis.events)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.events import assign_event_times
from analysis.load import read_article
from analysis.timex import find_timexes, timex_period

REPO = Path(__file__).resolve().parents[1]
ARTICLE_MD = REPO / "data" / "articles" / "000_69a36e7ce07eb426.md"
NOV8 = "2022-11-08"          # a Tuesday
DEC11_2017 = "2017-12-11"    # a Monday


@pytest.fixture(scope="module")
def article():
    """The shipped article's body (data/articles; test_data checks it is the reference text)."""
    return read_article(ARTICLE_MD)["text"]


def _sentence(text: str, starts_with: str) -> tuple[int, int, str]:
    s = text.find(starts_with)
    assert s >= 0, starts_with
    e = text.find("\n", s)
    e = len(text) if e < 0 else e
    return s, e, text[s:e]


def test_assign_event_times_on_article(article):
    spec = [  # (sentence opening, source, actor, stance)
        ("The Foreign Ministry in Pyongyang said", "The Foreign Ministry in Pyongyang", "North Korea", "denial"),
        ("It said that Washington", "The Foreign Ministry in Pyongyang", "North Korea", "denial"),
        ("The ministry went on to accuse", "The ministry", "North Korea", "accusation"),
        ("“We once again make clear", "the statement", "North Korea", "denial"),
        ("The US government last week accused", "The US government", "United States", "accusation"),
        ("National Security Council Communications Director", "John Kirby", "United States", "accusation"),
        ("Kirby said the US would continue", "Kirby", "United States", "other"),
        ("North Korea had also previously denied", "North Korea", "North Korea", "denial"),
        ("At the time, Kirby spoke", "Kirby", "United States", "accusation"),
        ("Though he stressed", "he", "United States", "other"),
        ("According to military experts", "military experts", "unknown", "other"),
    ]
    rows = []
    for i, (opening, source, actor, stance) in enumerate(spec):
        s, e, t = _sentence(article, opening)
        rows.append({"doc_id": "000", "statement_id": f"000:{i}", "sent_index": i, "start": s, "end": e,
                     "text": t, "source": source, "actor": actor, "stance": stance, "rule": "test.rule"})
    statements = schema.frame("statements", rows)
    before = statements.copy()
    timexes = schema.frame("spans", find_timexes(article, NOV8))
    out = assign_event_times(statements, timexes, article, NOV8)
    pd.testing.assert_frame_equal(statements, before)  # input not mutated
    got = {r.text[:30]: (r.time_text, r.event_start, r.event_end, r.rule.split("+")[-1]) for r in out.itertuples()}

    def at(opening):
        return next(v for k, v in got.items() if k.startswith(opening[:30]))
    assert at("The Foreign Ministry in Pyongyang said") == ("Tuesday", "2022-11-08", "2022-11-08", "time.in_sentence")
    assert at("It said that Washington") == ("Tuesday", "2022-11-08", "2022-11-08", "time.carried")
    assert at("The ministry went on to accuse")[1:] == ("2022-11-08", "2022-11-08", "time.carried")
    assert at("“We once again make clear")[1:] == ("2022-11-08", "2022-11-08", "time.carried")
    assert at("The US government last week accused") == ("last week", "2022-10-31", "2022-11-06", "time.in_sentence")
    assert at("North Korea had also previously denied") == ("September", "2022-09-01", "2022-09-30", "time.in_sentence")
    assert at("At the time, Kirby spoke") == ("the time", "2022-09-01", "2022-09-30", "time.anaphora")
    assert at("Though he stressed") == ("the time", "2022-09-01", "2022-09-30", "time.carried")
    assert at("According to military experts") == ("", NOV8, NOV8, "time.dct")
    # the ministry's denial and the US accusation fall in late Oct / Nov 2022
    for opening in ("The Foreign Ministry in Pyongyang said", "The ministry went on to accuse",
                    "The US government last week accused", "National Security Council Communications Director"):
        start, end = at(opening)[1:3]
        assert "2022-10-24" <= start <= end <= "2022-11-30"
    assert all(r.startswith("test.rule+time.") for r in out["rule"])


def test_assign_event_times_fallbacks():
    text = "Officials said it. Others said something else in 2015. They added more."
    rows = [
        {"statement_id": "a:0", "start": 0, "end": 18, "source": "Officials", "rule": ""},
        {"statement_id": "a:1", "start": 19, "end": 54, "source": "Others", "rule": "r1"},
        {"statement_id": "a:2", "start": 55, "end": 72, "source": "They", "rule": "r2"},
    ]
    st = schema.frame("statements", rows)
    tx = schema.frame("spans", find_timexes(text, "2022-11-08"))
    out = assign_event_times(st, tx, text, "2022-11-08")
    assert list(out["rule"]) == ["time.dct", "r1+time.in_sentence", "r2+time.carried"]
    assert list(out["event_start"]) == ["2022-11-08", "2015-01-01", "2015-01-01"]
    assert list(out["time_text"]) == ["", "2015", "2015"]
    # without a publication date nothing is invented
    out = assign_event_times(st, schema.empty("spans"), text, None)
    assert list(out["event_start"]) == ["", "", ""]
    # an empty frame passes through
    assert assign_event_times(schema.empty("statements"), tx, text, "2022-11-08").empty


def test_assign_event_times_new_speaker_does_not_carry():
    text = "Kirby said it in September. The ministry said otherwise."
    st = schema.frame("statements", [
        {"statement_id": "b:0", "start": 0, "end": 27, "source": "Kirby", "actor": "United States"},
        {"statement_id": "b:1", "start": 28, "end": 56, "source": "The ministry", "actor": "North Korea"},
    ])
    out = assign_event_times(st, schema.frame("spans", find_timexes(text, NOV8)), text, NOV8)
    assert list(out["event_start"]) == ["2022-09-01", NOV8]
    assert out["rule"].iloc[1] == "time.dct"


def test_assign_event_times_odd_frames():
    """Duplicate index labels, two documents, missing sources: no carry across documents."""
    text = "A said it in 2015. B said more."
    st = pd.DataFrame([
        {"doc_id": "x", "start": 0, "end": 18, "source": None, "actor": None, "rule": None},
        {"doc_id": "y", "start": 19, "end": 31, "source": None, "actor": None, "rule": None},
    ], index=[7, 7])
    out = assign_event_times(st, pd.DataFrame(find_timexes(text, NOV8)), text, NOV8)
    assert list(out.index) == [7, 7]
    assert list(out["rule"]) == ["time.in_sentence", "time.dct"]
    assert list(out["event_start"]) == ["2015-01-01", NOV8]


def test_now_is_not_carried_over():
    text = "Kirby said it happened in September. Kirby now says it is over."
    st = schema.frame("statements", [
        {"statement_id": "c:0", "start": 0, "end": 36, "source": "Kirby"},
        {"statement_id": "c:1", "start": 37, "end": 63, "source": "Kirby"},
    ])
    out = assign_event_times(st, schema.frame("spans", find_timexes(text, NOV8)), text, NOV8)
    assert list(out["event_start"]) == ["2022-09-01", NOV8]
    assert list(out["time_text"]) == ["September", "now"]


@pytest.mark.parametrize("text,clause,expected_text", [
    ("At the time, Kirby spoke of shells. He said more.", "Kirby spoke of shells", ""),
    ("North Korea denied it in September. At the time, Kirby spoke of shells.", "Kirby spoke of shells", "the time"),
    ("Washington is lying, the ministry said on Tuesday. Then more.", "Washington is lying", "Tuesday"),
])
def test_time_in_the_rest_of_the_sentence(text, clause, expected_text):
    s = text.find(clause)
    st = schema.frame("statements", [{"statement_id": "d:0", "start": s, "end": s + len(clause), "source": "X"}])
    out = assign_event_times(st, schema.frame("spans", find_timexes(text, NOV8)), text, NOV8)
    assert out["time_text"].iloc[0] == expected_text


def test_time_of_another_statement_in_the_sentence_is_not_taken():
    text = "Kirby said on Tuesday it was over, while Smith insisted it was not."
    a, b = text.find("Kirby"), text.find(", while")
    c = text.find("Smith")
    st = schema.frame("statements", [
        {"statement_id": "e:0", "start": a, "end": b, "source": "Kirby"},
        {"statement_id": "e:1", "start": c, "end": len(text) - 1, "source": "Smith"},
    ])
    out = assign_event_times(st, schema.frame("spans", find_timexes(text, NOV8)), text, NOV8)
    assert list(out["rule"]) == ["time.in_sentence", "time.dct"]


def test_placeholder_and_year_zero_values_never_raise():
    text = "Officials said it has been so since the 1st century."
    for value in ("0000", "XXXX-XX-XX", "PAST_REF", "0000-01", "P1Y", "", None):
        assert timex_period(value, text, 32, 51, DEC11_2017) is None
    # the 1st century itself is a period (years 1-99), not a crash
    assert timex_period("00", text, 32, 51, DEC11_2017) in (None, ("0001-01-01", "0099-12-31"))
    rows = find_timexes(text, DEC11_2017)
    assert [(r["text"], r["value"]) for r in rows] == [("the 1st century", "00")]
    st = [{"doc_id": "d", "statement_id": "d:1", "start": 0, "end": len(text), "source": "Officials", "rule": ""}]
    out = assign_event_times(st, rows, text, DEC11_2017,
                             spans=_statement_spans(text, "d:1", "said", "it has been so since the 1st century"))
    assert (out[0]["event_start"], out[0]["rule"]) == (DEC11_2017, "time.dct")  # said today, about antiquity


def _statement_spans(text: str, sid: str, cue: str, content: str) -> list[dict]:
    c0 = text.index(cue)
    k0 = text.index(content)
    return [{"layer": "cue", "start": c0, "end": c0 + len(cue), "value": sid},
            {"layer": "content", "start": k0, "end": k0 + len(content), "value": sid}]


def _date_one(text: str, dct: str, cue: str, content: str, source: str = "An official"):
    st = [{"doc_id": "d", "statement_id": "d:1", "start": 0, "end": len(text), "source": source, "rule": ""}]
    tx = find_timexes(text, dct)
    return assign_event_times(st, tx, text, dct, spans=_statement_spans(text, "d:1", cue, content))[0]


def test_date_inside_content_is_what_it_is_about():
    text = "A White House official said the vote would come before the Dec. 12 election."
    r = _date_one(text, "2017-11-27", "said", "the vote would come before the Dec. 12 election")
    assert (r["event_start"], r["event_end"], r["time_text"]) == ("2017-11-27", "2017-11-27", "")
    assert (r["about_text"], r["about_start"], r["about_end"]) == ("Dec. 12", "2017-12-12", "2017-12-12")
    assert r["rule"].endswith("time.dct")


def test_date_of_the_saying_stays_with_the_saying():
    # counter-case: the date is in the frame ("said on Tuesday"), the content names none
    text = "A White House official said on Tuesday that the vote would come soon."
    r = _date_one(text, "2017-11-29", "said", "the vote would come soon")
    assert (r["event_start"], r["time_text"], r["about_start"]) == ("2017-11-28", "Tuesday", "")
    # a non-finite complement's date dates the act: "denied providing weapons ... in September"
    text = "North Korea had also previously denied providing weapons to Russia in September."
    r = _date_one(text, NOV8, "denied", "providing weapons to Russia in September")
    assert (r["event_start"], r["event_end"], r["about_start"]) == ("2022-09-01", "2022-09-30", "")


def test_speech_act_never_after_publication_unless_future():
    text = "The ministry will announce its decision on Friday."
    r = _date_one(text, NOV8, "announce", "its decision")
    assert (r["event_start"], r["rule"].split("+")[-1]) == ("2022-11-11", "time.future")
    # counter-case: a later date in the frame of a past saying goes to the about columns
    text = "The company said in a filing dated Dec. 31 that profits were up."
    r = _date_one(text, "2017-12-23", "said", "profits were up")
    assert r["event_start"] <= "2017-12-23" and r["about_start"] == "2017-12-31"
    assert "time.after_publication" in r["rule"]
    # a period running past publication ends on it
    text = "The minister said this week that talks had failed."
    r = _date_one(text, NOV8, "said", "talks had failed")
    assert (r["event_start"], r["event_end"]) == ("2022-11-07", NOV8)


def test_future_date_is_not_carried_to_a_past_saying():
    text = "Carson will address the convention on Tuesday night. He said the tide will lift all boats."
    st = [{"doc_id": "d", "statement_id": "d:1", "start": 0, "end": 52, "source": "Carson", "rule": ""},
          {"doc_id": "d", "statement_id": "d:2", "start": 53, "end": len(text), "source": "He", "rule": ""}]
    spans = _statement_spans(text, "d:1", "address", "the convention") + \
        _statement_spans(text, "d:2", "said", "the tide will lift all boats")
    out = assign_event_times(st, find_timexes(text, "2016-07-18"), text, "2016-07-18", spans=spans)
    assert out[0]["event_start"] == "2016-07-19" and out[0]["rule"].endswith("time.future")
    assert (out[1]["event_start"], out[1]["rule"]) == ("2016-07-18", "time.dct")


def test_frame_and_rows_give_the_same_dates():
    text = "A White House official said the vote would come before the Dec. 12 election."
    st = [{"doc_id": "d", "statement_id": "d:1", "start": 0, "end": len(text), "source": "An official",
           "rule": "r"}]
    spans = _statement_spans(text, "d:1", "said", "the vote would come before the Dec. 12 election")
    tx = find_timexes(text, "2017-11-27")
    rows = assign_event_times(st, tx, text, "2017-11-27", spans=spans)
    frame = assign_event_times(schema.frame("statements", st), tx, text, "2017-11-27", spans=pd.DataFrame(spans))
    pd.testing.assert_frame_equal(frame, schema.frame("statements", rows))
    assert rows[0]["about_start"] == "2017-12-12"
