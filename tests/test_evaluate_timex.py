"""TempEval-3 style scoring of time expressions (analysis.evaluate.timex)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.evaluate.timex import evaluate, read_tml, score_document

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "dev" / "timeml" / "tbaq"

# A made-up TimeML document (not from any corpus).
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-11-08" temporalFunction="false" functionInDocument="CREATION_TIME">2022-11-08</TIMEX3></DCT>
<TEXT>
The ministry &amp; its allies <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-11-08">Tuesday</TIMEX3> that talks held <TIMEX3 tid="t2" type="DATE" value="2022-W44">last week</TIMEX3> lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>, after a visit <TIMEX3 tid="t4" type="DATE" value="2022-09-21">on Sept. 21</TIMEX3>.
</TEXT>
</TimeML>
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_read_tml_offsets(tmp_path):
    doc = read_tml(write(tmp_path, "toy.tml", TML))
    assert doc["dct"] == "2022-11-08"
    assert "&amp;" not in doc["text"] and "<" not in doc["text"]
    assert [g["text"] for g in doc["gold"]] == ["Tuesday", "last week", "three days", "on Sept. 21"]
    for g in doc["gold"]:
        assert doc["text"][g["start"]:g["end"]] == g["text"]


def test_evaluate_toy(tmp_path):
    write(tmp_path, "toy.tml", TML)
    r = evaluate(tmp_path)
    assert r["task"] == "timex" and r["documents"] == 1
    # "Sept. 21" overlaps the gold "on Sept. 21": a relaxed but not a strict match
    assert r["relaxed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert r["strict"]["recall"] == 0.75
    assert r["value_accuracy"] == 1.0 and r["value_f1"] == 1.0 and r["type_accuracy"] == 1.0


def test_score_definitions():
    gold = [{"start": 0, "end": 5, "type": "DATE", "value": "2022"},
            {"start": 10, "end": 15, "type": "DATE", "value": "2021"}]
    pred = [{"start": 0, "end": 5, "label": "DATE", "value": "2022"},
            {"start": 12, "end": 14, "label": "DURATION", "value": "P1Y"},
            {"start": 20, "end": 25, "label": "DATE", "value": "2020"}]
    sc = score_document(gold, pred)
    assert (sc["strict"], sc["relaxed"], sc["value"], sc["type"]) == (1, 2, 1, 1)


@pytest.mark.parametrize("body,reason", [
    (TML.replace('<DCT><TIMEX3 tid="t0" type="DATE" value="2022-11-08" temporalFunction="false" '
                 'functionInDocument="CREATION_TIME">2022-11-08</TIMEX3></DCT>', ""), "no DCT"),
    (TML.replace("<TEXT>", "").replace("</TEXT>", ""), "no <TEXT>"),
    (TML.replace("last week</TIMEX3>", "last week"), "TIMEX3"),
    (TML.replace(' type="DURATION"', ""), "no type"),
])
def test_bad_gold(tmp_path, body, reason):
    write(tmp_path, "bad.tml", body)
    with pytest.raises(InputError) as exc:
        evaluate(tmp_path)
    assert reason in exc.value.reason


def test_empty_dir(tmp_path):
    with pytest.raises(InputError):
        evaluate(tmp_path)


@pytest.fixture(scope="module")
def tbaq():
    if not TBAQ.exists():
        pytest.skip("TBAQ dev data absent")
    t0 = time.perf_counter()
    result = evaluate(TBAQ)
    result["seconds"] = time.perf_counter() - t0
    return result


def test_tbaq_runs_fast(tbaq):
    assert tbaq["documents"] >= 250
    assert tbaq["seconds"] < 60


def test_tbaq_relaxed_f1_target(tbaq):
    assert tbaq["relaxed"]["f1"] >= 0.85


def test_tbaq_value_f1_target(tbaq):
    assert tbaq["value_f1"] >= 0.75


def test_tbaq_type_accuracy_floor(tbaq):
    assert tbaq["type_accuracy"] >= 0.90
    assert tbaq["strict"]["f1"] >= 0.75
