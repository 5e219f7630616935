"""Cue finding from lexicons/cues.csv: (sentence, expected cues) tables with negative cases."""
from __future__ import annotations

import pytest

from analysis.cues import cue_index, cue_stance, cue_start, extend_cue, find_cues
from analysis.lexicons import load_lexicon
from analysis.segment import find_tokens


def tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    toks = find_tokens(text)
    return toks, [text[a:b].lower() for a, b in toks]


def cues(text: str) -> list[tuple[str, str]]:
    """(cue words as written, rule) of each cue in `text`."""
    toks, low = tokens(text)
    return [(text[toks[c.first_tok][0]:toks[c.end_tok - 1][1]], c.row["rule"]) for c in find_cues(text, toks, low)]


@pytest.mark.parametrize("text, expected", [
    ("Kirby said the talks failed.", [("said", "cue.say")]),
    ("The ministry went on to accuse Seoul.", [("went on to accuse", "cue.go_on_to")]),
    ("He declined to comment.", [("declined", "cue.decline")]),
    ("She is expected to endorse him.", [("expected to endorse", "cue.expect")]),
    # negatives: a noun after a determiner, an idiom, a name, a headline in capitals
    ("Emissions declined last year.", []),
    ("All told, it was a good year.", []),
    ("They shop at the ACE Cash Express store every week.", []),
    ("LEAVE A REPLY", []),
    ("Prices continued to rise.", []),
])
def test_find_cues(text, expected):
    assert cues(text) == expected


def test_capitalised_verbs_are_cues_only_in_title_case():
    assert cues("Beck Blasts Drudge Over Report") == [("Blasts", "cue.blast")]
    assert cues("He met Blasts and Drudge in the small town yesterday.") == []


@pytest.mark.parametrize("text, first, floor, expected", [
    ("Kirby has also said so.", 3, 0, "has also said"),
    ("Kirby has also said so.", 3, 2, "also said"),  # never into the previous cue
    ("Kirby said so.", 1, 0, "said"),
])
def test_cue_start_takes_auxiliaries_and_adverbs(text, first, floor, expected):
    toks, low = tokens(text)
    assert text[toks[cue_start(text, toks, low, first, floor)][0]:toks[first][1]] == expected


@pytest.mark.parametrize("text, rule, expected", [
    ("Kirby said: no.", "cue.say", "said:"),
    ("Kirby said Tuesday it failed.", "cue.say", "said Tuesday"),
    ("Kirby said in a statement that it failed.", "cue.say", "said in a statement"),
    ("Kirby said in Paris that it failed.", "cue.say", "said"),
    ("They talked about it.", "cue.talk", "talked about"),
    ("They talked on behalf of him.", "cue.talk", "talked"),
])
def test_extend_cue(text, rule, expected):
    toks, low = tokens(text)
    assert text[toks[1][0]:extend_cue(toks, low, 2, toks[1][1], rule, len(toks))] == expected


def test_every_inflected_form_is_indexed():
    assert {"say", "says", "said", "saying"} <= set(cue_index())


def test_cue_lexicon_columns_and_stances():
    rows = load_lexicon("cues")
    assert {"rule", "pattern", "kind", "verb_stance"} <= set(rows[0])
    assert len({r["rule"] for r in rows}) == len(rows)
    assert {r["verb_stance"] for r in rows} <= {"neutral", "doubt", "concede", "assert"}
    stance = cue_stance()
    assert (stance["cue.say"], stance["cue.claim"], stance["cue.admit"], stance["cue.insist"]) == \
        ("neutral", "doubt", "concede", "assert")


