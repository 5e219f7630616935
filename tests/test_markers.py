"""Markers: hedges and evidence, voice, scare quotes, loaded language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.markers import find_hedges, find_loaded, find_scare_quotes, voice_of

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_69a36e7ce07eb426.md"


def _body() -> str:
    raw = ARTICLE.read_text(encoding="utf-8")
    return raw.split("\n---\n", 1)[1]


# --- hedges and evidence ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Moscow could potentially purchase shells", [("hedge", "could potentially")]),
    ("The deal was reportedly signed", [("hedge", "reportedly")]),
    ("The allegedly secret deal", [("hedge", "allegedly")]),
    ("The talks may resume", [("hedge", "may")]),
    ("They might have met", [("hedge", "might have")]),
    ("by invoking what it called illegal resolutions", [("hedge", "what it called")]),
    ("the so-called special operation", [("hedge", "so-called")]),
    ("the US had no evidence that any sales took place", [("evidence", "no evidence")]),
    ("He spoke without evidence", [("evidence", "without evidence")]),
    ("There is no proof of the sales", [("evidence", "no proof")]),
    ("Reuters could not independently verify the claim", [("evidence", "could not independently verify")]),
    ("some 300 shells were sent", [("hedge", "some")]),
    ("There is evidence that shells were shipped", [("evidence", "evidence that")]),
    # negatives: the month May, plain statements
    ("The talks began in May", []),
    ("The ministry said it would respond", []),
])
def test_find_hedges(text, expected):
    got = [(m["layer"], m["text"]) for m in find_hedges(text)]
    assert got == expected


def test_hedge_voice_narration_reported_quoted():
    text = 'He said the deal may go ahead. "It may," she said. Possibly so.'
    quotes = [(text.index('"It'), text.index(',"') + 2)]
    contents = [(text.index("the deal"), text.index("ahead") + 5)]
    voices = [m["label"] for m in find_hedges(text, quotes, contents)]
    assert voices == ["reported", "quoted", "narration"]


def test_voice_of():
    assert voice_of((5, 8), [(0, 10)], []) == "quoted"
    assert voice_of((5, 8), [], [(0, 10)]) == "reported"
    assert voice_of((5, 8), [(20, 30)], [(20, 30)]) == "narration"


# --- scare quotes ---------------------------------------------------------------------

def test_scare_quotes_in_article():
    text = _body()
    q1 = (text.index("‘rumour"), text.index("dealings’") + len("dealings’"))
    q2 = (text.index("“illegal"), text.index("resolutions”") + len("resolutions”"))
    q3s = text.index("“We once")
    q3 = (q3s, text.index("future,’’") + len("future,’’"))
    q4 = (text.index("‘arms dealings’"), text.index("‘arms dealings’") + len("‘arms dealings’"))
    got = {(d["start"], d["end"]): d["rule"] for d in find_scare_quotes(text, [q1, q2, q3, q4], attributed=[q3])}
    assert got == {q1: "SQ_fragment", q2: "SQ_called", q4: "SQ_nested"}


@pytest.mark.parametrize("text, attributed, expected", [
    ('He called it a “special operation” on TV.', False, ["SQ_called"]),
    ('“We will win this war, and nobody can stop us now,” he said.', True, []),
    ('The so-called “experts” were wrong.', False, ["SQ_called"]),
    ('Critics said it was “a complete disaster for the country and its people.”', False, []),
    ('They used the term “superpredator” in the 1990s.', False, ["SQ_called"]),
    ('“I’m sorry,” he said after the debate.', False, []),          # speech, not distancing
    ('He said “no comment” and left.', False, []),                  # speech after "said"
    ('She appeared on “The View” on Monday.', False, []),           # a title
    ('<tweet author=“@SkyNews”> text', False, []),                  # markup
    ('The ministry condemned the “rumour campaign” against it.', False, ["SQ_fragment"]),
])
def test_scare_quote_table(text, attributed, expected):
    s = text.index("“")
    e = text.index("”") + 1
    got = [d["rule"] for d in find_scare_quotes(text, [(s, e)], attributed=[(s, e)] if attributed else [])]
    assert got == expected


# --- loaded language ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Russia had business relations with the Asian autocracy", ["autocracy"]),
    ("a move that has largely triggered outrage in the West", ["outrage"]),
    ("the puppet regime in the east", ["puppet", "regime"]),
    ("a smear campaign", ["smear campaign"]),
    # context rules drop literal uses
    ("a new tax regime for small firms", []),
    ("the puppet show for children", []),
    ("a bomb blast killed two", []),
    ("she slammed the door", []),
    ("a smear test at the clinic", []),
    ("The ministry said on Tuesday", []),
])
def test_find_loaded(text, expected):
    assert [d["text"] for d in find_loaded(text)] == expected


def test_bare_list_ignores_context_rules():
    assert [d["text"] for d in find_loaded("a new tax regime", bare=True)] == ["regime"]


# --- properties -----------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_TEXTS = st.text(alphabet=st.sampled_from(list("abc XYZ.,;:!?'\"“”‘’-\ndenyaccusedNorthKoreanot")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_markers_never_raise_and_offsets_hold(text):
    for d in find_hedges(text) + find_loaded(text) + find_loaded(text, bare=True):
        assert text[d["start"]:d["end"]] == d["text"]
    quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    for d in find_scare_quotes(text, quotes):
        assert text[d["start"]:d["end"]] == d["text"]
