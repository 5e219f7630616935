"""PolNeAR-style attribution scoring: layout, matching rules, bad input, and the dev targets."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.evaluate.attribution import evaluate, parse_ann

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "dev" / "polnear"
TARGETS = {"cue": 0.75, "source": 0.65, "content": 0.65}

TEXT = "Kirby said the talks failed. “We are ready,” the minister added."


def span(sub: str, text: str = TEXT) -> str:
    s = text.index(sub)
    return f"{s} {s + len(sub)}"


def make_gold(tmp_path: Path, anns: dict[str, str], text: str = TEXT, meta: bool = True) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(text, encoding="utf-8")
    for annotator, body in anns.items():
        (tmp_path / "attributions" / f"doc1_{annotator}.ann").write_text(body, encoding="utf-8")
    if meta:
        (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tpublication_date\ntrain\tdoc1\t2016-01-01\n")
    return tmp_path


PERFECT = (
    f"T1\tSource {span('Kirby')}\tKirby\n"
    f"T2\tCue {span('said')}\tsaid\n"
    f"T3\tContent {span('the talks failed')}\tthe talks failed\n"
    f"T4\tAttribution {span('said')}\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    f"T5\tContent {span('“We are ready,”')}\t“We are ready,”\n"
    f"T6\tSource {span('the minister')}\tthe minister\n"
    f"T7\tCue {span('added')}\tadded\n"
)


def test_perfect_document_scores_one(tmp_path):
    result = evaluate(make_gold(tmp_path, {"aaaa": PERFECT}))
    assert result["task"] == "attribution" and result["documents"] == 1
    for kind in ("exact", "overlap"):
        for role in ("cue", "source", "content"):
            assert result[kind][role] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}, (kind, role)


def test_overlap_counts_partial_spans_but_exact_does_not(tmp_path):
    body = PERFECT.replace(f"Source {span('Kirby')}", f"Source {span('Kirby said')}")
    result = evaluate(make_gold(tmp_path, {"aaaa": body}))
    assert result["overlap"]["source"]["f1"] == 1.0
    assert result["exact"]["source"]["recall"] == 0.5


def test_discontinuous_gold_span(tmp_path):
    # a content in two pieces: overlap on either piece matches it, exact needs the extent
    text = "“We are ready,” Kirby said. “Always.”"
    body = (f"T1\tContent {span('“We are ready,”', text)};{span('“Always.”', text)}\tx\n"
            f"T2\tCue {span('said', text)}\tsaid\nT3\tSource {span('Kirby', text)}\tKirby\n")
    result = evaluate(make_gold(tmp_path, {"aaaa": body}, text=text))
    assert result["overlap"]["content"]["recall"] == 1.0
    assert result["exact"]["content"]["recall"] == 0.0


def test_several_annotators_are_micro_averaged(tmp_path):
    half = "".join(line + "\n" for line in PERFECT.splitlines() if line.split("\t")[0] in {"T1", "T2", "T3"})
    result = evaluate(make_gold(tmp_path, {"aaaa": PERFECT, "bbbb": half}))
    assert result["documents"] == 1 and result["annotation_files"] == 2
    # cue: predicted 2 per file (4), gold 2 + 1 = 3, matched 2 + 1 = 3
    assert result["overlap"]["cue"] == {"precision": 0.75, "recall": 1.0, "f1": round(2 * .75 / 1.75, 4)}


def test_one_to_one_matching(tmp_path):
    # two gold cues over the same word: only one can match the single prediction
    body = PERFECT + f"T9\tCue {span('said the')}\tsaid the\n"
    result = evaluate(make_gold(tmp_path, {"aaaa": body}))
    assert result["counts"]["cue"]["overlap_tp"] == 2 and result["counts"]["cue"]["gold"] == 3


def test_multiline_surface_and_notes_are_tolerated(tmp_path):
    body = PERFECT + "#1\tAnnotatorNotes T1\tunsure\n" + f"T8\tDiscard {span('talks')}\ttalks\nsecond line of a surface\n"
    result = evaluate(make_gold(tmp_path, {"aaaa": body}))
    assert result["overlap"]["cue"]["f1"] == 1.0


@pytest.mark.parametrize("body, reason", [
    ("T1\tCue 5\tsaid\n", "bad offsets"),
    ("T1\tCue x y\tsaid\n", "bad offsets"),
    ("T1\tCue 5 9999\tsaid\n", "outside the text"),
    ("T1\tCue 9 5\tsaid\n", "outside the text"),
    ("T1 Cue 5 9 said\n", None),  # no tabs: not a T line at all, ignored
])
def test_bad_ann_lines(tmp_path, body, reason):
    path = tmp_path / "x.ann"
    path.write_text(body)
    if reason is None:
        assert parse_ann(path, len(TEXT)) == {"cue": set(), "source": set(), "content": set()}
    else:
        with pytest.raises(InputError, match=reason) as info:
            parse_ann(path, len(TEXT))
        assert info.value.path == str(path)


def test_missing_layout_raises(tmp_path):
    with pytest.raises(InputError, match="PolNeAR layout"):
        evaluate(tmp_path)


def test_annotation_without_text_raises(tmp_path):
    gold = make_gold(tmp_path, {"aaaa": PERFECT})
    (gold / "attributions" / "other_bbbb.ann").write_text(PERFECT)
    with pytest.raises(InputError, match="no text file"):
        evaluate(gold)


def test_metadata_without_filename_column_raises(tmp_path):
    gold = make_gold(tmp_path, {"aaaa": PERFECT}, meta=False)
    (gold / "metadata.tsv").write_text("name\tdate\ndoc1\t2016\n")
    with pytest.raises(InputError, match="filename"):
        evaluate(gold)


# ----------------------------------------------------------------------------- the dev corpus

@pytest.fixture(scope="module")
def polnear_result():
    if not (POLNEAR / "attributions").is_dir():
        pytest.skip("PolNeAR dev data not available")
    t0 = time.perf_counter()
    result = evaluate(POLNEAR)
    return result, time.perf_counter() - t0


def test_polnear_runs_on_every_text_fast(polnear_result):
    result, seconds = polnear_result
    assert result["documents"] == 840
    assert seconds < 60  # it runs in the test suite on a 2-core machine


@pytest.mark.parametrize("role", ["cue", "source", "content"])
def test_polnear_overlap_targets(polnear_result, role):
    result, _ = polnear_result
    f1 = result["overlap"][role]["f1"]
    assert f1 >= TARGETS[role], f"overlap F1 {role} {f1:.3f} below target {TARGETS[role]}"


def test_polnear_exact_is_reported_and_below_overlap(polnear_result):
    result, _ = polnear_result
    for role in ("cue", "source", "content"):
        assert 0 < result["exact"][role]["f1"] <= result["overlap"][role]["f1"]
