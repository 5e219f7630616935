"""Whole-word places (analysis/words.py): the same as the \\b regexes they replace."""
from __future__ import annotations

import random
import re

import pytest

from analysis.words import boundary, has_word, phrase_at, word_starts

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


@pytest.mark.parametrize("phrase, text, pos, at", [
    ("he", "the man, he said", 0, 9),   # not inside "the"
    ("he", "he said", 1, -1),           # the look-behind sees before pos
    ("..", "a...", 0, 2),               # occurrences overlap: the second one stands alone
    ("he", "he", 5, -1),                # a position past the end
])
def test_phrase_at(phrase, text, pos, at):
    assert phrase_at(phrase, text, pos) == at


def test_phrase_at_finds_what_the_lookaround_regex_finds():
    """phrase_at replaced a regex compiled per target phrase: the same first offset from any
    position (negative and past the end included), the look-behind seeing before it."""
    rng = random.Random(17)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
        for phrase in ("Kirby", "by", "Jr.", "U.S.", "’", "Kir by"):
            rx = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
            for pos in range(-1, len(text) + 2):
                m = rx.search(text, pos)
                assert phrase_at(phrase, text, pos) == (m.start() if m else -1), (phrase, text, pos)
