"""Loaded-language evaluation on the PTC layout: kit vs bare list, overlap scoring."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.evaluate.loaded import evaluate

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
PTC = DEV / "ptc"


def _corpus(tmp_path: Path, articles: dict[str, str], labels: str) -> Path:
    (tmp_path / "articles").mkdir()
    for aid, text in articles.items():
        (tmp_path / "articles" / f"article{aid}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "labels.tsv").write_text("article_id\ttechnique\tstart\tend\n" + labels, encoding="utf-8")
    return tmp_path


def test_inline_corpus_scores_and_baseline(tmp_path):
    text = "The regime's thugs staged an outrageous show. A new tax regime starts in May."
    s1, s2 = text.index("thugs"), text.index("outrageous")
    labels = f"1\tName_Calling,Labeling\t{s1}\t{s1 + 5}\n1\tLoaded_Language\t{s2}\t{s2 + 10}\n1\tDoubt\t0\t3\n"
    res = evaluate(_corpus(tmp_path, {"1": text}, labels))
    assert res["task"] == "loaded" and res["documents"] == 1
    # kit: regime (wrong), thugs, outrageous; "tax regime" dropped by the context rule
    assert res["overlap"]["predicted"] == 3 and res["overlap"]["gold"] == 2
    assert res["overlap"]["recall"] == 1.0
    assert res["overlap"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    # the bare list also takes "tax regime": lower precision
    assert res["baseline"]["overlap"]["predicted"] == 4
    assert res["baseline"]["overlap"]["precision"] < res["overlap"]["precision"]
    assert res["per_technique"]["Name_Calling,Labeling"]["recall"] == 1.0
    assert set(res["per_technique"]) == {"Loaded_Language", "Name_Calling,Labeling"}


@pytest.mark.parametrize("setup, reason", [
    ("nofolder", "not a folder"),
    ("noarticles", "no articles/"),
    ("nolabels", "no labels.tsv"),
    ("badint", "not integers"),
    ("orphan", "no article9"),
    ("outside", "outside"),
    ("notechnique", "no Loaded_Language"),
])
def test_bad_gold_raises_input_error(tmp_path, setup, reason):
    if setup == "nofolder":
        path = tmp_path / "missing"
    elif setup == "noarticles":
        (tmp_path / "labels.tsv").write_text("", encoding="utf-8")
        path = tmp_path
    elif setup == "nolabels":
        (tmp_path / "articles").mkdir()
        (tmp_path / "articles" / "article1.txt").write_text("x", encoding="utf-8")
        path = tmp_path
    else:
        labels = {"badint": "1\tLoaded_Language\ta\tb\n", "orphan": "9\tLoaded_Language\t0\t1\n",
                  "outside": "1\tLoaded_Language\t0\t999\n", "notechnique": "1\tDoubt\t0\t3\n"}[setup]
        path = _corpus(tmp_path, {"1": "Some words here."}, labels)
    with pytest.raises(InputError) as err:
        evaluate(path)
    assert reason in err.value.reason


@pytest.mark.skipif(not PTC.is_dir(), reason="dev data (../shared/dev) not present")
def test_ptc_report():
    res = evaluate(PTC)
    assert res["documents"] > 100
    kit, base = res["overlap"], res["baseline"]["overlap"]
    # the context rules must pay: better precision than the bare list at (almost) the same recall
    assert kit["precision"] > base["precision"]
    assert kit["recall"] >= base["recall"] - 0.02
    assert kit["f1"] >= 0.30
    assert res["seconds"] < 30
