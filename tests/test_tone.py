import socket

import pytest

from analysis import tone


@pytest.mark.parametrize("text, sign", [
    ("a great and wonderful success", 1),
    ("a horrible, disgusting outrage", -1),
    ("the ministry issued a statement on Tuesday", 0),
])
def test_tone_sign(text, sign):
    score = tone.tone(text)
    assert (score > 0.05) - (score < -0.05) == sign


def test_strong_words_have_offsets():
    text = "It triggered outrage in the West."
    words = tone.strong_words(text, threshold=2.0)
    assert [(w["text"], text[w["start"]:w["end"]]) for w in words] == [("outrage", "outrage")]
    assert words[0]["valence"] < 0
    assert tone.strong_words("The ministry said so.") == []


def test_lexicon_loads_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    tone.analyzer.cache_clear()
    assert len(tone.analyzer().lexicon) > 7000


def test_kit_beats_tone_on_loaded_language(dev_dir):
    """Why tone is not used as loaded language: on PTC, VADER's strong words score below the lexicon."""
    from analysis.evaluate import loaded

    result = loaded.evaluate(dev_dir / "ptc")
    assert result["vader_baseline"]["overlap"]["f1"] < result["overlap"]["f1"]
