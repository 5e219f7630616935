"""Character spans: overlap, containment and trimming of ``(start, end)`` offsets.

A span is a pair of offsets into the article text, end exclusive. These helpers hold no
knowledge of what the span is (a quote, a source, a skipped boilerplate line).

>>> text = "  “No,” he said. "
>>> trim(text, 0, len(text))
(2, 16)
>>> strip_final_period(text, 0, len(text))
(2, 15)
>>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9)), overlaps_any((3, 6), [(0, 2), (5, 8)])
(True, False, True)
>>> offset_in(5, [(0, 5)]), offset_in(4, [(0, 5)])
(False, True)
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, Sequence

Span = tuple[int, int]


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:") -> Span:
    """``(start, end)`` without `chars` and any whitespace (no-break spaces included) at either end;
    ``chars=""`` trims whitespace only."""
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def strip_final_period(text: str, start: int, end: int) -> Span:
    """Trim spaces and the sentence's final punctuation (a quote's closing mark stays)."""
    start, end = trim(text, start, end)
    while end > start and text[end - 1] in ".!?;:, ":
        end -= 1
    return start, end


def overlaps(a: Span, b: Span) -> bool:
    """True when the two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def overlaps_any(span: Span, ranges: Iterable[Span]) -> bool:
    """True when `span` shares a character with one of `ranges` (a skipped boilerplate line ...)."""
    return any(overlaps(span, r) for r in ranges)


def offset_in(pos: int, ranges: Sequence[Span]) -> bool:
    """True when offset `pos` lies in one of the (start, end) `ranges`."""
    return any(s <= pos < e for s, e in ranges)


class SpanIndex(list):
    """Spans (a list, in the order given) with a bisect index when they are sorted by start.

    Testing every span of an article, once per cue or sentence, is quadratic in a long
    article. ``window(lo, hi)`` gives, in list order, a stretch of spans holding every
    span that starts before ``hi`` and ends after ``lo``; callers still apply their exact
    test to each, so results are those of a scan of the whole list.

    >>> list(SpanIndex([(0, 4), (6, 9), (20, 30)]).window(5, 8))
    [(6, 9)]
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        super().__init__(spans)
        self.starts = [q[0] for q in self]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for q in self:
            self.reach.append(max(q[1], self.reach[-1]) if self.reach else q[1])

    def window(self, lo: int, hi: int) -> Sequence[Span]:
        if not self.sorted:
            return self
        j = bisect_right(self.reach, lo)  # spans before j all end at or before lo
        k = bisect_left(self.starts, hi)  # spans from k on all start at or after hi
        return self[j:k]  # a list slice: the same spans in the same order, no generator


def window(spans: Sequence[Span], lo: int, hi: int) -> Iterable[Span]:
    """The spans that may meet ``[lo, hi)``: a :class:`SpanIndex`'s window, else all of them."""
    return spans.window(lo, hi) if isinstance(spans, SpanIndex) else spans
