import re

import pytest

from analysis.prefilter import lowered, required_words


@pytest.mark.parametrize("pattern, expected", [
    (r"\bdenied\s+\w+", ("denied",)),
    (r"\b(?:groundless|baseless)\s+rumou?r", ("groundless", "baseless")),
    (r"last\s+(week|month)", ("last",)),
    (r"\d{4}", None),                  # nothing literal: no prefilter
    (r"(?:a|an)?\s*x", None),          # optional or one-letter parts never count
])
def test_required_words(pattern, expected):
    words = required_words(re.compile(pattern, re.I))
    assert (set(words) if words else None) == (set(expected) if expected else None)


@pytest.mark.parametrize("pattern, text", [
    (r"\b(?:groundless|baseless)\s+rumou?r", "a Baseless rumour"),
    (r"last\s+(week|month)", "LAST   week"),
])
def test_a_matching_text_always_has_a_required_word(pattern, text):
    rx = re.compile(pattern, re.I)
    assert rx.search(text) and any(w in lowered(text) for w in required_words(rx))


def test_odd_case_folds_disable_the_filter():
    assert lowered("Kelvin \u212a") is None and lowered("ABC") == "abc"
