"""Quote pairing and the quote-window helpers: (text, expected) tables with negative cases."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes import dominant_quote, find_quotes, inside_quote, quote_ending_at, quotes_in
from analysis.spans import SpanIndex


def quotes(text: str) -> list[tuple[str, str]]:
    return [(q["label"], q["text"]) for q in find_quotes(text)]


# ----------------------------------------------------------------------------- quotes

@pytest.mark.parametrize("text, expected", [
    ("He said “we won” today.", [("double", "“we won”")]),
    ('He said "we won" today.', [("double", '"we won"')]),
    ("Il a dit « non » hier.", [("guillemet", "« non »")]),
    ("“We never had ‘arms dealings’ with Russia,’’ it said.",
     [("double", "“We never had ‘arms dealings’ with Russia,’’"), ("single", "‘arms dealings’")]),
    ("He called it a ‘rumour’ again.", [("single", "‘rumour’")]),
    ("He said 'no way' twice.", [("single", "'no way'")]),
    # apostrophes are not quote marks
    ("Russia’s army and the ’90s: don’t worry, voters’ rights.", []),
    ("It's Pyongyang's view that we're right.", []),
    # leftovers are unpaired, never an error
    ("He said “we won and left.", [("unpaired", "“")]),
    ("A stray ” mark.", [("unpaired", "”")]),
    ("An opening ‘ alone.", [("unpaired", "‘")]),
    # NYT-style typewriter quotes
    ("''I think so,'' he said.", [("double", "''I think so,''")]),
])
def test_quotes(text, expected):
    assert quotes(text) == expected


def test_quote_runs_over_paragraphs():
    text = "“First paragraph of a long quote.\n\n“Second paragraph ends it,” she said."
    qs = quotes(text)
    assert qs == [("double", text[: text.index("it,”") + 4])]


def test_quote_open_at_paragraph_end_without_continuation_is_unpaired():
    text = "“First paragraph never closes.\n\nThe next one is narration."
    assert quotes(text) == [("unpaired", "“")]


@given(st.text(alphabet=st.sampled_from(list("ab “”‘’'\"«»\n.,")), max_size=200))
@settings(max_examples=300, deadline=None)
def test_quotes_never_raise_and_stay_in_bounds(text):
    for q in find_quotes(text):
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert q["text"] == text[q["start"]:q["end"]]
        assert q["label"] in {"double", "single", "guillemet", "unpaired"}


# ----------------------------------------------------------------------------- quotes and sentences

TEXT = "He said “we won it all” and left. “Yes,” she said."
DOUBLES = [(8, 23), (34, 40)]  # “we won it all”, “Yes,”


def test_the_doubles_are_where_the_table_says():
    assert [(q["start"], q["end"]) for q in find_quotes(TEXT)] == DOUBLES


@pytest.mark.parametrize("spans", [DOUBLES, SpanIndex(DOUBLES)])
@pytest.mark.parametrize("pos, expected", [(9, True), (21, True), (8, False), (22, False), (30, False), (35, True)])
def test_inside_quote_excludes_the_marks(spans, pos, expected):
    assert inside_quote(pos, spans) is expected


@pytest.mark.parametrize("spans", [DOUBLES, SpanIndex(DOUBLES)])
def test_quotes_in_a_stretch(spans):
    assert quotes_in(0, 33, spans) == ((8, 23),)
    assert quotes_in(23, 34, spans) == ()
    assert quotes_in(0, len(TEXT), spans) == tuple(DOUBLES)


def test_quote_ending_at_allows_a_comma_or_dash_after_the_mark():
    text = "“We won” , he said."
    assert quote_ending_at([(0, 8)], text.index("he"), text) == (0, 8)
    text = "“We won” today, he said."
    assert quote_ending_at([(0, 8)], text.index("he"), text) is None  # a word between: no


def test_dominant_quote_needs_most_of_the_sentence():
    text = "“We will never give in to anyone at all,” he said."
    assert dominant_quote(text, 0, len(text), [(0, 41)]) == (0, 41)
    assert dominant_quote(TEXT, 0, 33, DOUBLES) is None  # the quote is under 60% of the words
