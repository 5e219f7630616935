"""Statement dates on real news (issue 11): the speech act is never dated after publication
unless its frame is future, and the real-news time gold gets its day ranges.

Reads ../shared/dev/realnews and ../shared/dev/polnear; skipped where they are absent.
The counts are printed (run with ``-s`` to see them).
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from analysis import load, pipeline, timex

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
REALNEWS = DEV / "realnews"
POLNEAR = DEV / "polnear"


def _run(folder: Path):
    arts = load.load_inputs([folder]).articles
    spans, statements = pipeline.annotate_articles(arts, workers=1)
    return arts, spans, statements


def after_publication(arts, statements) -> tuple[int, int, list[str]]:
    """(speech acts dated after publication without a future frame, future-marked ones, examples)."""
    pub = dict(zip(arts["doc_id"], arts["published"]))
    bad, future, examples = 0, 0, []
    for r in statements.itertuples():
        p = pub.get(r.doc_id, "")
        if p and r.event_start and r.event_start > p:
            if "time.future" in r.rule:
                future += 1
            else:
                bad += 1
                examples.append(f"{r.doc_id} {p} {r.event_start} {r.time_text!r}: {r.text[:80]}")
    return bad, future, examples


def gold_time_hits(arts, spans) -> tuple[int, int, int, list[str]]:
    """(exact range, Jaccard >= 0.5, total, misses) of the system's period for each gold time item."""
    text = dict(zip(arts["doc_id"], arts["text"]))
    pub = dict(zip(arts["doc_id"], arts["published"]))
    tx = spans[spans["layer"] == "timex"]
    by_doc = {d: g for d, g in tx.groupby("doc_id")}
    exact = jac = 0
    misses = []
    with open(REALNEWS / "gold_time.csv", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    for g in gold:
        s, e = int(g["start"]), int(g["end"])
        rows = by_doc.get(g["doc_id"])
        got = None
        if rows is not None:
            for r in rows[(rows["start"] < e) & (rows["end"] > s)].itertuples():
                got = timex.timex_period(r.value, text[g["doc_id"]], r.start, r.end, pub[g["doc_id"]])
                if got:
                    break
        want = (g["gold_start"], g["gold_end"])
        if got == want:
            exact += 1
        else:
            misses.append(f"{g['doc_id']} {g['expression']!r}: {got} != {want}")
        if got:
            a0, a1 = (date.fromisoformat(x) for x in got)
            b0, b1 = (date.fromisoformat(x) for x in want)
            inter = (min(a1, b1) - max(a0, b0)).days + 1
            if inter / ((max(a1, b1) - min(a0, b0)).days + 1) >= 0.5:
                jac += 1
    return exact, jac, len(gold), misses


@pytest.fixture(scope="module")
def realnews():
    if not (REALNEWS / "gold_time.csv").exists():
        pytest.skip("real-news dev set absent")
    return _run(REALNEWS / "articles")


def test_realnews_no_speech_act_after_publication(realnews):
    arts, _, statements = realnews
    bad, future, examples = after_publication(arts, statements)
    print(f"\nrealnews: {len(statements)} statements, {bad} dated after publication without a future frame, "
          f"{future} future-marked")
    assert bad == 0, examples[:5]


def test_realnews_gold_time_ranges(realnews):
    arts, spans, _ = realnews
    exact, jac, n, misses = gold_time_hits(arts, spans)
    print(f"\nrealnews gold_time: {exact}/{n} exact ranges, {jac}/{n} with Jaccard >= 0.5")
    assert exact >= 0.9 * n, misses


def test_realnews_about_dates_are_content_dates(realnews):
    arts, _, statements = realnews
    dated = set(arts.loc[arts["published"] != "", "doc_id"])
    with_about = statements[statements["about_start"] != ""]
    assert len(with_about) > 20
    # an about date always comes with its expression, and never replaces the speech-act date
    assert (with_about["about_text"] != "").all()
    assert (with_about.loc[with_about["doc_id"].isin(dated), "event_start"] != "").all()
    assert (with_about["about_start"] <= with_about["about_end"]).all()


def test_polnear_no_speech_act_after_publication():
    if not (POLNEAR / "metadata.tsv").exists():
        pytest.skip("PolNeAR dev data absent")
    arts, _, statements = _run(POLNEAR)
    bad, future, examples = after_publication(arts, statements)
    print(f"\nPolNeAR: {len(arts)} articles, {len(statements)} statements, {bad} dated after publication "
          f"without a future frame, {future} future-marked")
    assert len(arts) >= 800
    assert bad == 0, examples[:5]


def test_statements_evaluator_reads_time_in_context():
    """`python -m analysis evaluate statements` scores the same: ranges read in their article,
    future-marked speech acts counted apart."""
    if not (REALNEWS / "gold_time.csv").exists():
        pytest.skip("real-news dev set absent")
    from analysis.evaluate import statements as ev

    res = ev.evaluate(REALNEWS, workers=1)["time"]
    print(f"\nevaluate statements: time exact {res['exact']}/{res['items']}, dated after publication "
          f"{res['dated_after_publication']} ({res['dated_after_publication_future']} future-marked)")
    assert res["exact"] >= 0.9 * res["items"]
    assert res["dated_after_publication_not_future"] == 0
    assert res["dated_after_publication"] == res["dated_after_publication_future"] + \
        res["dated_after_publication_not_future"]


def test_shipped_article_dates_stay():
    """Through the whole pipeline (content spans included): the September denial, the US
    accusation of "last week" and the ministry's statement keep their dates."""
    arts = load.load_inputs().articles
    _, st = pipeline.annotate_articles(arts, workers=1)

    def dates(prefix: str) -> tuple[str, str, str]:
        row = st[st["text"].str.startswith(prefix)].iloc[0]
        return row["event_start"], row["event_end"], row["about_start"]
    assert dates("North Korea had also previously denied") == ("2022-09-01", "2022-09-30", "")
    assert dates("The US government last week accused") == ("2022-10-31", "2022-11-06", "")
    assert dates("The Foreign Ministry in Pyongyang said")[:2] == ("2022-11-08", "2022-11-08")
    assert dates("It said that Washington")[:2] == ("2022-11-08", "2022-11-08")
    pub = arts["published"].iloc[0]
    assert (st["event_start"] <= pub).all()


def test_a_date_in_a_relative_clause_about_the_speaker_does_not_date_what_they_said():
    import pandas as pd

    from analysis.pipeline import annotate_articles

    text = ("Security researcher Tom Blake, who first reported the leak on Monday, said the firm was "
            "downplaying the incident. Paradis, who volunteered for Bill Clinton when he ran in 1992, "
            "says she could not support the plan. On Monday, Blake said the firm had lied.")
    articles = pd.DataFrame([{"doc_id": "r", "text": text, "published": "2024-08-21"}])
    _, st = annotate_articles(articles, workers=1, progress=False)
    said = {r["text"][:20]: r for r in st.to_dict("records") if r["cue"].startswith(("said", "says"))}
    assert said["Security researcher "]["event_start"] == "2024-08-21"   # the report, not Monday
    assert said["Security researcher "]["time_text"] == ""
    assert said["Paradis, who volunte"]["event_start"] == "2024-08-21"  # not 1992
    assert said["On Monday, Blake sai"]["event_start"] == "2024-08-19"   # a date of the saying stays
