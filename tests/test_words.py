"""Whole-word places (analysis/words.py): the same as the \\b regexes they replace."""
from __future__ import annotations

import random
import re

import pytest

from analysis.words import boundary, has_word, word_starts

PIECES = ["Kirby", "kirby", "Kir", "by", " ", "\n", "\u00a0", "_", "9", "é", "'", "’", ".", "-", "Jr.", "U.S."]


@pytest.mark.parametrize("word, text, starts", [
    ("Kirby", "Kirby said Kirby's Kirbys are Kirby.", [0, 11, 30]),
    ("by", "Kirby by_by by", [12]),  # "_" is a word character
    ("U.S.", "the U.S. and U.S.A", [13]),  # \b after a full stop needs a word character next
    ("Kirby", "", []),
])
def test_word_starts(word, text, starts):
    assert word_starts(word, text) == starts
    assert has_word(word, text) is bool(starts)


def test_the_same_places_as_the_regex():
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
        for word in ("Kirby", "by", "Jr.", "U.S.", "’", "", "KirbyKirby"):
            rx = re.compile(r"\b" + re.escape(word) + r"\b")
            assert word_starts(word, text) == [m.start() for m in rx.finditer(text)], (word, text)
            assert has_word(word, text) is (rx.search(text) is not None), (word, text)
        for i in range(len(text) + 1):
            assert boundary(text, i) is (re.compile(r"\b").match(text, i) is not None), (text, i)
