"""Stance evaluation: Emergent headlines (denial vs 'against') and brat gold reading."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.evaluate.stance import evaluate, read_brat

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
EMERGENT = DEV / "emergent" / "train.csv"


def _write(tmp_path: Path, name: str, content: str) -> Path:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


def test_evaluate_small_inline_table(tmp_path):
    path = _write(tmp_path, "mini.csv",
                  "articleHeadline,articleHeadlineStance\n"
                  "Minister denies taking bribes,against\n"
                  "Photo of three-breasted woman is a hoax,against\n"
                  "Apple will sell 19 million watches,for\n"
                  "Report says the singer may retire,observing\n"
                  "Police deny him a permit to march,for\n")
    res = evaluate(path)
    assert res["task"] == "stance" and res["documents"] == 5
    assert res["denial"]["tp"] == 2 and res["denial"]["fp"] == 0 and res["denial"]["fn"] == 0
    assert res["denial"]["precision"] == 1.0 and res["denial"]["recall"] == 1.0
    assert res["confusion"]["other"] == {"for": 2, "observing": 1}
    json.dumps(res)  # printable as JSON


@pytest.mark.parametrize("content, reason", [
    ("headline,stance\nA,against\n", "missing column"),
    ("articleHeadline,articleHeadlineStance\n", "no headlines"),
    ("articleHeadline,articleHeadlineStance\nA,for\n", "no 'against'"),
])
def test_bad_gold_raises_input_error(tmp_path, content, reason):
    path = _write(tmp_path, "bad.csv", content)
    with pytest.raises(InputError) as err:
        evaluate(path)
    assert reason in err.value.reason and err.value.path == str(path)


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        evaluate(tmp_path / "nope.csv")


def test_not_utf8_raises_input_error(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("articleHeadline,articleHeadlineStance\nCaf\xe9 denies,against\n".encode("latin-1"))
    with pytest.raises(InputError):
        evaluate(p)


@pytest.mark.skipif(not EMERGENT.is_file(), reason="dev data (../shared/dev) not present")
def test_emergent_denial_precision_target():
    res = evaluate(EMERGENT)
    assert res["documents"] > 1000
    assert res["denial"]["precision"] >= 0.80  # the target
    assert res["denial"]["recall"] >= 0.40     # reported; guard against collapse
    assert set(res["confusion"]) <= {"denial", "accusation", "other"}
    assert res["seconds"] < 30


# --- brat gold ------------------------------------------------------------------------

def test_read_brat_with_notes_and_offsets(tmp_path):
    text = "Moscow denied it."
    p = _write(tmp_path, "a.ann", "T1\tSource 0 6\tMoscow\nT2\tCue 7 13\tdenied\n"
                                  "#1\tAnnotatorNotes T2\tstance=denial; actor=Russia; target=\n")
    rows = read_brat(p, text)
    assert [(r["layer"], r["text"]) for r in rows] == [("source", "Moscow"), ("cue", "denied")]
    assert rows[1]["notes"] == {"stance": "denial", "actor": "Russia", "target": ""}


@pytest.mark.parametrize("content", [
    "T1\tSource 0 6\tMoskow\n",       # surface does not match the text
    "T1\tSource 6 0\tMoscow\n",       # reversed span
    "this is not brat\n",
])
def test_read_brat_bad_gold(tmp_path, content):
    p = _write(tmp_path, "bad.ann", content)
    with pytest.raises(InputError):
        read_brat(p, "Moscow denied it.")


def test_shipped_gold_matches_article():
    root = Path(__file__).resolve().parents[1]
    text = (root / "data" / "articles" / "000_69a36e7ce07eb426.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    rows = read_brat(root / "data" / "gold" / "000_69a36e7ce07eb426.ann", text)
    layers = {r["layer"] for r in rows}
    assert {"source", "cue", "content", "denial", "accusation", "hedge", "evidence"} <= layers
