"""Wire copies (grouped, counted once, switchable) and streaming helpers."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus, pipeline, schema

STORY = ("North Korea on Tuesday denied supplying artillery shells to Russia for its war in Ukraine, "
         "calling the claim by the United States a smear campaign. The foreign ministry said the country "
         "had never had arms dealings with Russia and had no plans to do so. Washington said last week that "
         "Pyongyang was covertly shipping shells through countries in the Middle East and North Africa. "
         "Analysts said the denial followed a familiar pattern of statements from the state news agency.")
OTHER = ("The city council voted on Monday to extend the opening hours of public libraries during the exam "
         "season, after students complained that reading rooms closed too early. The mayor said the budget "
         "would cover the extra staff for three months and that a review would follow in the spring.")


def articles(rows):
    return schema.frame("articles", rows)


def test_shingles_and_signature_are_stable():
    assert corpus.shingles("") == set()
    assert len(corpus.shingles("one two three four five six")) == 2
    sig1, n1 = corpus.signature(STORY)
    sig2, n2 = corpus.signature(STORY)
    assert (sig1 == sig2).all() and n1 == n2 > 50


@pytest.mark.parametrize("copy, same", [
    (STORY, True),                                                      # verbatim
    ("PYONGYANG (AP) — " + STORY + " Reporting by staff; editing by desk.", True),  # dateline and credit line
    (STORY[: len(STORY) * 2 // 3], True),                               # trimmed copy
    (STORY.replace("Tuesday", "Wednesday").replace("smear", "slander"), True),  # light edits
    (OTHER, False),                                                     # another story
    (STORY.split(". ")[0] + ". " + OTHER, False),                       # shares one sentence only
])
def test_wire_copy_detection(copy, same):
    table = articles([{"doc_id": "a", "text": STORY, "outlet": "x.com", "published": "2022-11-08"},
                      {"doc_id": "b", "text": copy, "outlet": "y.com", "published": "2022-11-09"}])
    decisions = corpus.find_wire_copies(table)
    if same:
        assert decisions["wire_group"].tolist() == ["a", "a"]
        assert decisions["collapsed"].tolist() == [False, True]
    else:
        assert decisions["wire_group"].tolist() == ["", ""]
        assert not decisions["collapsed"].any()


def test_earliest_copy_is_counted_then_first_read():
    table = articles([{"doc_id": "late", "text": STORY, "published": "2022-11-09"},
                      {"doc_id": "undated", "text": STORY, "published": ""},
                      {"doc_id": "early", "text": STORY, "published": "2022-11-08"},
                      {"doc_id": "other", "text": OTHER, "published": "2022-11-08"}])
    decisions = corpus.find_wire_copies(table).set_index("doc_id")
    assert decisions.loc[["late", "undated", "early"], "wire_group"].eq("early").all()
    assert decisions["collapsed"].to_dict() == {"late": True, "undated": True, "early": False, "other": False}


def test_copies_far_apart_in_time_are_different_stories():
    table = articles([{"doc_id": "a", "text": STORY, "published": "2022-01-01"},
                      {"doc_id": "b", "text": STORY, "published": "2022-06-01"}])
    assert corpus.find_wire_copies(table)["wire_group"].tolist() == ["", ""]
    assert corpus.find_wire_copies(table, max_days=None)["wire_group"].tolist() == ["a", "a"]


def test_short_texts_are_never_copies():
    table = articles([{"doc_id": "a", "text": "Advertisement"}, {"doc_id": "b", "text": "Advertisement"}])
    assert corpus.find_wire_copies(table)["wire_group"].tolist() == ["", ""]


def test_switch_keeps_the_group_but_counts_every_copy():
    table = articles([{"doc_id": "a", "text": STORY}, {"doc_id": "b", "text": STORY}])
    marked = corpus.mark_wire_copies(table, collapse=False)
    assert marked["wire_group"].tolist() == ["a", "a"]
    assert marked["collapsed"].tolist() == [False, False]
    assert marked is not table  # a copy: the input keeps what it had
    assert table.get("wire_group", pd.Series(["", ""])).tolist() == ["", ""]


@pytest.mark.parametrize("values, expected", [
    ([True, False], [True, False]),
    (["True", "False", "", "1", "yes"], [True, False, False, True, True]),
])
def test_is_collapsed_reads_bools_and_their_text(values, expected):
    assert corpus.is_collapsed(pd.Series(values)).tolist() == expected


def test_run_counts_wire_copies_once_and_records_the_decision():
    quote = ('North Korea denied the accusation. "We have never had arms dealings with Russia," '
             'the foreign ministry said on Tuesday. ') + STORY
    table = articles([{"doc_id": "a", "text": quote, "published": "2022-11-08", "outlet": "x.com"},
                      {"doc_id": "b", "text": quote, "published": "2022-11-08", "outlet": "y.com"}])
    collapsed = pipeline.run(table, workers=1)
    kept = pipeline.run(table, workers=1, collapse_wire=False)
    assert collapsed.articles["collapsed"].tolist() == [False, True]
    assert kept.articles["collapsed"].tolist() == [False, False]
    assert len(collapsed.statements) == len(kept.statements) > 0  # every statement stays in the table
    assert collapsed.counts["n_statements"].sum() * 2 == kept.counts["n_statements"].sum()
    assert collapsed.counts["n_docs"].max() == 1


def test_wire_index_decisions_do_not_depend_on_how_articles_arrive():
    rows = [("a", STORY, "2022-11-09"), ("b", OTHER, ""), ("c", STORY, "2022-11-08")]
    one = corpus.WireIndex()
    for row in rows:
        one.add(*row)
    other = corpus.WireIndex()
    for doc_id, text, day in rows:
        sig, size = corpus.signature(text)  # as computed in a worker
        other.add_signature(doc_id, sig, size, day)
    assert one.decisions().equals(other.decisions())
    assert len(one) == 3


@pytest.mark.parametrize("n, size, expected", [
    (0, 3, []), (5, 2, [2, 2, 1]), (4, 4, [4]), (3, 10, [3]),
])
def test_chunked(n, size, expected):
    assert [len(c) for c in corpus.chunked(range(n), size)] == expected


def test_chunked_is_lazy():
    def endless():
        i = 0
        while True:
            yield i
            i += 1

    assert next(corpus.chunked(endless(), 3)) == [0, 1, 2]


def test_polnear_wire_groups(dev_dir):
    from analysis import load

    result = load.load_inputs([dev_dir / "polnear"])
    decisions = corpus.find_wire_copies(result.articles)
    groups = decisions[decisions["wire_group"] != ""]
    assert 0 < groups["wire_group"].nunique() < 40  # a few syndicated or re-run stories, not half the corpus
    assert decisions["collapsed"].sum() == len(groups) - groups["wire_group"].nunique()


def test_groups_are_stars_not_chains():
    """A~B and B~C but A!~C: C is not A's copy, even though B links them."""
    p, q, r = (" ".join(f"{tag}{i}" for i in range(100)) for tag in ("p", "q", "r"))
    table = articles([{"doc_id": "a", "text": f"{p} {q}", "published": "2022-11-08"},
                      {"doc_id": "b", "text": q, "published": "2022-11-09"},
                      {"doc_id": "c", "text": f"{q} {r}", "published": "2022-11-10"}])
    decisions = corpus.find_wire_copies(table)
    assert decisions["wire_group"].tolist() == ["a", "a", ""]
    assert decisions["collapsed"].tolist() == [False, True, False]
