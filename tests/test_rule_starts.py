"""One scan for where rules can match (analysis.rule_starts)."""
from __future__ import annotations

import re

import pytest

from analysis import rule_starts
from analysis import prefilter
from analysis.prefilter import lowered

DECLARED = {"month": "jan january* may", "year": r"19* 20*", "num": r"\d few", "the": "the", "ago": "a*"}


@pytest.mark.parametrize("text,expected", [
    ("In January 2019 the firm", {"month": [3], "year": [11], "num": [11], "the": [16]}),
    ("Jan. and Janus", {"month": [0], "ago": [5]}),       # "jan" is a whole word, "january*" a prefix
    ("Maybe in May", {"month": [9]}),                      # "may" whole: not "Maybe"
    ("theory, the'", {"the": [8]}),                        # ' is no word character
    ("a few and 3 others", {"ago": [0, 6], "num": [2, 10]}),
    ("x٣ ٣ days", {"num": [3]}),                           # any digit, at a word start
    ("the", {"the": [0]}),
])
def test_positions(text, expected):
    index = rule_starts.build(DECLARED)
    assert rule_starts.positions(index, lowered(text)) == expected


def test_two_words_and_the_space_between():
    index = rule_starts.build({"weekend": "the_weekend", "the": "the", "pre": "the_week*"})
    low = "the  weekend, the-weekend, the weekends, the\nweek"
    assert rule_starts.positions(index, low) == {
        "weekend": [0, 14], "pre": [0, 14, 27, 41], "the": [0, 14, 27, 41]}


@pytest.mark.parametrize("pattern,text", [
    (r"(?<!\w)(?:last|next)\s+(?:week|month)", "last week, next month and next  week"),
    (r"(?<!\w)a?", "a b aa"),                              # empty matches: finditer decides
    (r"(?<!\w)(?:ab|a)(?=c)?", "abc ab a"),
])
def test_matches_at_gives_what_finditer_gives(pattern, text):
    rx = re.compile(pattern)
    starts = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
    assert [m.span() for m in prefilter.matches_at(rx, text, starts)] == [m.span() for m in rx.finditer(text)]


def test_the_scan_after_offset_0_finds_every_word_start_rx_finds():
    """positions reads offset 0 with index.rx and later word starts with index.after (which
    consumes the character before them): the same places as rx at every offset."""
    from pathlib import Path

    from analysis import timex

    index = timex._start_index()
    texts = ["", "1", "the", "  last week", "'90s and the '80s", "x'last week", "\nyesterday, -5 days", "½ hour ago",
             "Last week; last  week--the weekend\u2019s 3 days", "two-week"]
    articles = Path(__file__).resolve().parents[1] / "data" / "articles"
    texts += [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.md"))]
    for text in texts:
        low = lowered(text)
        found = {}
        for m in index.rx.finditer(low):
            found.setdefault(m.group(1), []).append(m.start())
        scanned = {}
        first = index.rx.match(low)
        if first is not None:
            scanned[first.group(1)] = [0]
        for m in index.after.finditer(low):
            scanned.setdefault(m.group(1), []).append(m.end())
        assert scanned == found, text
