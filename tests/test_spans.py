"""Span helpers: overlap, containment, trimming and the bisect window."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.spans import SpanIndex, offset_in, overlaps, overlaps_any, strip_final_period, trim, window


def test_trim_and_final_period():
    text = " ,“No,” he said.\u00a0 "
    assert text[slice(*trim(text, 0, len(text)))] == "“No,” he said."
    assert text[slice(*trim(text, 0, len(text), ""))] == ",“No,” he said."  # whitespace only
    assert text[slice(*strip_final_period(text, 0, len(text)))] == "“No,” he said"
    assert trim("   ", 0, 3) == (3, 3)


def test_overlap_and_offsets():
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9)) and overlaps((2, 3), (0, 9))
    assert overlaps_any((3, 6), [(0, 2), (5, 8)]) and not overlaps_any((3, 5), [(0, 3), (5, 8)])
    assert offset_in(0, [(0, 1)]) and not offset_in(1, [(0, 1)]) and not offset_in(0, [])


spans_st = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@given(spans_st, st.integers(0, 90), st.integers(0, 90))
@settings(max_examples=300, deadline=None)
def test_window_keeps_every_span_that_meets_the_range(spans, lo, hi):
    """The bisect window may hold extra spans, never lose one that starts before hi and ends after lo."""
    index = SpanIndex(sorted(spans))
    got = list(window(index, lo, hi))
    assert [s for s in sorted(spans) if s[0] < hi and s[1] > lo] == [s for s in got if s[0] < hi and s[1] > lo]
    assert list(window(spans, lo, hi)) == spans  # a plain list is scanned whole
