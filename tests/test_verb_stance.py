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


@pytest.mark.parametrize("cue, expected", [
    ("declared:", "assert"), ("warned:", "assert"), ("Claim:", "doubt"),   # punctuation: not a cues.csv form
    ("admittedly has never asked", "concede"), ("emphasised", "assert"),
    ("contends:", "assert"),                                                # as cues.csv says for contend
    ("Pledged:", "neutral"), ("sparked criticism from Democrats", "neutral"),  # no stem: neutral
])
def test_stems_cover_cues_cues_csv_does_not_list(cue, expected):
    assert verb_stance(cue) == expected


def test_stems_agree_with_cues_csv():
    from analysis.lexicons import load_lexicon

    lemmas = {row["pattern"].lower(): row["verb_stance"] for row in load_lexicon("cues") if row.get("verb_stance")}
    for row in load_lexicon("verb_stance"):
        assert row["verb_stance"] in {"neutral", "doubt", "concede", "assert"}, row["rule"]
        if row["stem"] in lemmas:
            assert row["verb_stance"] == lemmas[row["stem"]], row["rule"]
