import csv

import pytest

from analysis import lexicons


@pytest.mark.parametrize("lemma, double, expected, absent", [
    ("say", False, {"say", "says", "sayed", "saying"}, set()),
    ("deny", False, {"denies", "denied", "denying"}, {"denyed"}),
    ("accuse", False, {"accuses", "accused", "accusing"}, {"accuseed"}),
    ("stress", False, {"stresses", "stressed", "stressing"}, set()),
    ("admit", True, {"admits", "admitted", "admitting"}, set()),
    ("admit", False, {"admits", "admited"}, {"admitted"}),
])
def test_inflections(lemma, double, expected, absent):
    forms = lexicons.inflections(lemma, double_final=double)
    assert expected <= forms and not (absent & forms)


def test_every_lexicon_row_names_its_rule():
    for path in sorted(lexicons.LEXICON_DIR.glob("*.csv")):
        rows = lexicons.load_lexicon(path.stem)
        assert rows, path
        assert all(row.get("rule") for row in rows), path
        assert len({row["rule"] for row in rows}) == len(rows) or path.stem in ("abbreviations", "actors"), path  # grouped by kind


def test_hash_changes_with_a_lexicon(tmp_path, monkeypatch):
    before = lexicons.lexicon_hash()
    for path in lexicons.LEXICON_DIR.glob("*.csv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    assert lexicons.lexicon_hash() == before
    with (tmp_path / "loaded.csv").open("a", newline="") as fh:
        csv.writer(fh).writerow(["L_test", "x"])
    assert lexicons.lexicon_hash() != before
