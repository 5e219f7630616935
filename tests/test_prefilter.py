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


# --- the needs column of every regex lexicon ------------------------------------------

from analysis import markers, stance  # noqa: E402
from analysis.lexicons import load_lexicon  # noqa: E402
from analysis.prefilter import implied, may_match, parse_needs  # noqa: E402

#: the lexicons whose rows declare needs, and the module that compiles (and reads) their patterns
NEEDS_LEXICONS = {"stance_terms": stance, "stance": stance, "hedges": markers, "loaded": markers}


def _rows():
    for name in NEEDS_LEXICONS:
        for row in load_lexicon(name):
            yield pytest.param(name, row, id=f"{name}:{row['rule']}")


def _examples(row: dict) -> list[str]:
    """The row's examples, several per cell separated by ';' (as test_lexicon_examples reads them)."""
    cell = row.get("example") or row.get("note") or ""
    return [t.replace("(in a speaker's words) ", "").replace("...", "").strip() for t in cell.split(";") if t.strip()]


@pytest.mark.parametrize("lexicon, row", list(_rows()))
def test_declared_needs_are_necessary(lexicon, row):
    """Every word the pattern is read to need contains a declared one, so a text holding a
    match holds a declared word and skipping the row never loses a match."""
    declared = [w.strip() for w in (row.get("needs") or "").split("|") if w.strip()]
    derived = NEEDS_LEXICONS[lexicon].derived_needs(lexicon, row)
    if derived is None:  # nothing can be read off the pattern: the row must be tried everywhere
        assert not declared, f"{row['rule']}: needs {declared} cannot be checked against the pattern"
        return
    assert declared, f"{row['rule']}: no needs; run tools/fill_needs.py"
    assert implied(declared, derived), f"{row['rule']}: needs {declared}, the pattern needs one of {derived}"


@pytest.mark.parametrize("lexicon, row", list(_rows()))
def test_example_passes_the_filter(lexicon, row):
    needs = parse_needs(row.get("needs"), stance._term_needs())
    for text in _examples(row):
        assert may_match(needs, lowered(text)), f"{row['rule']}: example {text!r} holds none of {needs}"


def test_word_class_needs_follow_an_edit():
    """A row that names a word class ({WRONGV}) needs whatever the class's terms need."""
    classes = stance._term_needs()
    rows = {row["rule"]: row for row in load_lexicon("stance")}
    needs = parse_needs(rows["A_reported_wrong"]["needs"], classes)
    assert "{WRONGV}" in rows["A_reported_wrong"]["needs"] and needs == classes["{WRONGV}"]
    assert parse_needs("{WRONGV}", {**classes, "{WRONGV}": None}) is None  # a term without needs: no filter
