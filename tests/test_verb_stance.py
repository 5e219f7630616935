"""The stance a reporting verb carries (cues.csv's verb_stance column)."""
from __future__ import annotations

import pytest

from analysis.verb_stance import verb_stance


@pytest.mark.parametrize("cue, expected", [
    ("said", "neutral"), ("claimed", "doubt"), ("admitted", "concede"), ("insisted", "assert"),
    ("stressed", "assert"), ("according to", "neutral"), ("", "neutral"),
    ("admits", "concede"), ("claiming", "doubt"), ("went on to say", "neutral"),
])
def test_verb_stance(cue, expected):
    assert verb_stance(cue) == expected
