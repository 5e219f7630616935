"""Classroom scoring: kappa, alpha, answer sheets, the kit's answers and the shipped answer key."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis import boilerplate, classroom as cls, export, schema, segment


def sheet(student: str, labels: list[str], speakers: list[str] | None = None, start: int = 0) -> pd.DataFrame:
    speakers = speakers or [""] * len(labels)
    return pd.DataFrame({"student": student, "sent_index": range(start, start + len(labels)),
                         "label": labels, "speaker": speakers})


# ------------------------------------------------------------------- kappa

@pytest.mark.parametrize("a, b, expected", [
    # hand-computed: Ao = 3/4, Ae = (2*1 + 1*2 + 1*1)/16 = 5/16, kappa = (12/16 - 5/16)/(11/16) = 7/11
    (["denial", "denial", "accusation", "neither"], ["denial", "accusation", "accusation", "neither"], 7 / 11),
    (["denial", "accusation", "neither"], ["denial", "accusation", "neither"], 1.0),
    # systematic swap: agreement below chance
    (["denial", "accusation", "denial", "accusation"], ["accusation", "denial", "accusation", "denial"], -1.0),
    # Ao = 2/4, Ae = (2*2 + 2*2)/16 = 1/2: exactly chance
    (["denial", "denial", "neither", "neither"], ["denial", "neither", "denial", "neither"], 0.0),
])
def test_cohen_kappa_values(a, b, expected):
    kappa, n = cls.cohen_kappa(sheet("a", a), sheet("b", b))
    assert n == len(a)
    assert kappa == pytest.approx(expected)


@pytest.mark.parametrize("a, b, n", [
    (["denial", "denial"], ["denial", "denial"], 2),                       # too few sentences
    (["neither"] * 5, ["neither"] * 5, 5),                                 # one label only: chance = 1, undefined
    (["denial", "", "", "", "neither"], ["denial", "accusation", "", "neither", ""], 1),  # blanks left out
])
def test_cohen_kappa_undefined_is_nan(a, b, n):
    kappa, shared = cls.cohen_kappa(sheet("a", a), sheet("b", b))
    assert math.isnan(kappa) and shared == n


def test_kappa_ignores_sentences_only_one_answered():
    a = sheet("a", ["denial", "accusation", "neither", "denial"])
    b = sheet("b", ["denial", "accusation", "neither", ""])
    kappa, n = cls.cohen_kappa(a, b)
    assert n == 3 and kappa == pytest.approx(1.0)


def test_krippendorff_alpha_hand_computed():
    # Coincidences: x-x 2, x-y 1+1, y-y 4; n = 8, n_x = 3, n_y = 5 -> alpha = 1 - 7 * 2 / (2 * 3 * 5)
    answers = pd.concat([sheet("A", ["x", "x", "y", "y"]), sheet("B", ["x", "y", "y", "y"])])
    assert cls.krippendorff_alpha(answers) == pytest.approx(1 - 14 / 30)


def test_krippendorff_alpha_treats_blank_as_missing():
    full = pd.concat([sheet("A", ["x", "x", "y", "y"]), sheet("B", ["x", "y", "y", "y"])])
    with_blank = pd.concat([full, sheet("C", ["", "", "", ""])])
    assert cls.krippendorff_alpha(with_blank) == pytest.approx(cls.krippendorff_alpha(full))


@pytest.mark.parametrize("kappa, words", [
    (float("nan"), "not enough answers"), (-0.3, "worse than chance"), (0.0, "slight"), (0.2, "slight"),
    (0.35, "fair"), (0.5, "moderate"), (0.7, "substantial"), (0.81, "almost perfect"), (1.0, "almost perfect"),
])
def test_kappa_words(kappa, words):
    assert cls.kappa_words(kappa) == words


# ------------------------------------------------------------ answer sheets

def test_validate_answers_normalises_case_and_blanks():
    raw = pd.DataFrame({"student": [" Ada "], "sent_index": ["3"], "label": ["Denial"], "speaker": ["north korea"]})
    out = cls.validate_answers(raw)
    assert out.to_dict("records") == [{"student": "Ada", "sent_index": 3, "label": "denial", "speaker": "North Korea"}]


@pytest.mark.parametrize("raw, message", [
    ({"student": ["a"], "sent_index": [0], "label": ["deny"], "speaker": [""]}, "unknown labels"),
    ({"student": ["a"], "sent_index": [0], "label": ["denial"], "speaker": ["Mars"]}, "unknown speakers"),
    ({"student": ["a"], "sent_index": [0], "label": ["denial"]}, "lacks columns"),
    ({"student": [""], "sent_index": [0], "label": ["denial"], "speaker": [""]}, "student name"),
    ({"student": ["a", "a"], "sent_index": [0, 0], "label": ["denial", "neither"], "speaker": ["", ""]}, "twice"),
    ({"student": ["a"], "sent_index": ["first"], "label": ["denial"], "speaker": [""]}, "sentence numbers"),
    # Issue 13 point 6: an absurd sent_index gave an OverflowError, which no caller caught.
    ({"student": ["a"], "sent_index": ["99999999999999999999"], "label": ["denial"], "speaker": [""]},
     "sentence numbers.*99999999999999999999"),
])
def test_validate_answers_refuses(raw, message):
    with pytest.raises(ValueError, match=message):
        cls.validate_answers(pd.DataFrame(raw))


def test_validate_answers_checks_sentences_against_key():
    key = pd.DataFrame({"sent_index": [0, 3]})
    with pytest.raises(ValueError, match=r"\[7\]"):
        cls.validate_answers(sheet("a", ["denial"], start=7), key)


def test_answers_round_trip_through_export(tmp_path):
    answers = cls.answers_from_choices("Zoë <b>", {4: ("denial", "North Korea"), 0: ("", "")})
    path = export.write_answers(answers, tmp_path)
    assert path.parent == tmp_path and path.name == f"Zoe-b-{cls.student_id('Zoë <b>')}.csv"
    back = cls.read_answers(path)
    pd.testing.assert_frame_equal(back, answers)
    assert cls.read_answers(path.read_bytes()).equals(back)


@pytest.mark.parametrize("name, stored", [
    ("Ada", "Ada"), ("  Bo ", "Bo"), ("", "student"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("@me", "'@me"), ("-", "'-"),
])
def test_student_names_never_become_spreadsheet_formulas(name, stored):
    assert cls.answers_from_choices(name, {0: ("denial", "")})["student"].iloc[0] == stored


def test_answers_folder_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(cls.ANSWERS_ENV, raising=False)
    assert cls.answers_folder("../class-answers") == Path("../class-answers")
    monkeypatch.setenv(cls.ANSWERS_ENV, str(tmp_path))
    assert cls.answers_folder("../class-answers") == tmp_path


def test_read_class_collects_good_sheets_and_names_bad_ones(tmp_path):
    export.write_answers(sheet("Ada", ["denial", "neither"]), tmp_path)
    export.write_answers(sheet("Bo", ["accusation", "neither"]), tmp_path)
    (tmp_path / "broken.csv").write_text("student,sent_index,label,speaker\nCy,0,maybe,\n", encoding="utf-8")
    answers, problems = cls.read_class([tmp_path])
    assert sorted(set(answers["student"])) == ["Ada", "Bo"]
    assert len(problems) == 1 and problems[0].startswith("broken.csv") and "maybe" in problems[0]


# ------------------------------------- issue 13 point 6: sheets never overwrite each other

NAMES = ["李雷", "王芳", "محمد", "Дмитрий", "Zoë", "Zoe", "Ada Lovelace", "Ada-Lovelace", "ADA LOVELACE", "Ada"]


def test_every_name_gets_its_own_sheet(tmp_path):
    paths = [export.write_answers(cls.answers_from_choices(n, {0: ("denial", "")}), tmp_path) for n in NAMES]
    assert len(set(paths)) == len(NAMES) == len(list(tmp_path.glob("*.csv")))
    assert not (tmp_path / "answers.csv").exists()
    answers, problems = cls.read_class([tmp_path])
    assert sorted(set(answers["student"])) == sorted(NAMES) and problems == []


def test_saving_again_keeps_both_versions_and_the_class_uses_the_first(tmp_path):
    first = export.write_answers(cls.answers_from_choices("Ada", {0: ("denial", ""), 1: ("neither", "")}), tmp_path)
    again = export.write_answers(cls.answers_from_choices("Ada", {0: ("accusation", ""), 1: ("neither", "")}),
                                 tmp_path, saw_key=True)
    assert first.exists() and again.exists() and first != again and again.name.endswith(".v2.csv")
    assert cls.sheet_version(again) == 2 and cls.sheet_version(first) == 1
    got = cls.collect_class([tmp_path])
    assert got.answers.set_index("sent_index").loc[0, "label"] == "denial"  # the hand-in before the key
    assert got.sheets[["version", "saw_key", "used"]].values.tolist() == [[1, False, True], [2, True, False]]
    latest = cls.collect_class([tmp_path], which="latest")
    assert latest.answers.set_index("sent_index").loc[0, "label"] == "accusation"


@pytest.mark.parametrize("content, reason", [
    (b"student,sent_index,label,speaker\nA,99999999999999999999,denial,\n", "sentence numbers"),
    (b"", "empty"),
    (b"\xff\xfe\x00\x01garbage", "UTF-8"),
    (b"name;answer\nA;1\n", "lacks columns"),
])
def test_unreadable_sheets_are_named_with_their_reason_and_the_rest_compared(tmp_path, content, reason):
    export.write_answers(sheet("Ada", ["denial", "neither"]), tmp_path)
    (tmp_path / "odd.csv").write_bytes(content)
    answers, problems = cls.read_class([tmp_path])
    assert set(answers["student"]) == {"Ada"}
    assert len(problems) == 1 and problems[0].startswith("odd.csv: ") and reason in problems[0], problems


def test_kappa_of_zero_over_zero_is_not_called_too_few_answers():
    a, b = sheet("A", ["denial"] * 4), sheet("B", ["denial"] * 4)
    kappa, n = cls.cohen_kappa(a, b)
    assert math.isnan(kappa) and n == 4
    assert cls.kappa_words(kappa, n) != "not enough answers" and "0/0" in cls.kappa_words(kappa, n)
    assert cls.kappa_words(math.nan, 2) == "not enough answers"


def test_sentence_split_puts_the_most_divided_first():
    key = pd.DataFrame({"sent_index": [0, 1, 2], "text": ["s0", "s1", "s2"],
                        "label": ["denial", "neither", "accusation"], "speaker": ["North Korea"] * 3})
    answers = pd.concat([sheet("A", ["denial", "neither", "accusation"], ["North Korea"] * 3),
                         sheet("B", ["denial", "denial", "accusation"], ["North Korea", "Russia", "North Korea"]),
                         sheet("C", ["denial", "accusation", ""], ["North Korea", "", ""])])
    split = cls.sentence_split(answers, key)
    assert split["sentence"].tolist() == [2, 1, 3]
    top = split.iloc[0]
    assert (top["denial"], top["accusation"], top["neither"], top["answered"]) == (1, 1, 1, 3)
    assert top["speakers named"] == 2 and top["key"] == "neither"
    assert split.iloc[2]["majority"] == 1.0


def test_read_class_of_empty_folder(tmp_path):
    answers, problems = cls.read_class([tmp_path])
    assert answers.empty and list(answers.columns) == cls.ANSWER_COLUMNS and problems == []


# --------------------------------------------------------- the kit's answers

def _statements(rows):
    return schema.frame("statements", [{"doc_id": "d", "statement_id": f"d:{n}", **r} for n, r in enumerate(rows)])


@pytest.mark.parametrize("rows, expected", [
    ([], ("neither", "journalist")),
    ([{"sent_index": 0, "stance": "other", "actor": "United States"}], ("neither", "United States")),
    ([{"sent_index": 0, "stance": "accusation", "actor": "United States"},
      {"sent_index": 0, "stance": "denial", "actor": "North Korea"}], ("denial", "North Korea")),
    ([{"sent_index": 0, "stance": "other", "actor": "Russia"},
      {"sent_index": 0, "stance": "accusation", "actor": "United States"}], ("accusation", "United States")),
    ([{"sent_index": 0, "stance": "accusation", "actor": "China"}], ("accusation", "unknown")),
    ([{"sent_index": 1, "stance": "denial", "actor": "North Korea"}], ("neither", "journalist")),  # other sentence
])
def test_engine_answers(rows, expected):
    out = cls.engine_answers(_statements(rows), pd.DataFrame({"sent_index": [0]}))
    assert tuple(out.iloc[0][["label", "speaker"]]) == expected


def test_score_and_disagreements():
    key = pd.DataFrame({"sent_index": [0, 1, 2, 3], "text": ["s0", "s1", "s2", "s3"],
                        "label": ["denial", "accusation", "neither", "neither"],
                        "speaker": ["North Korea", "United States", "journalist", "journalist"]})
    student = sheet("Ada", ["denial", "denial", "neither", ""], ["North Korea", "United States", "journalist", ""])
    kit = sheet("kit", ["denial", "accusation", "accusation", "neither"],
                ["North Korea", "United States", "journalist", "unknown"])
    result = cls.score(student, cls.key_answers(key))
    assert (result["answered"], result["label_agree"], result["label_answered"]) == (3, 2, 3)
    assert result["speaker_accuracy"] == 1.0
    table = cls.disagreements(student, key, kit)
    assert dict(zip(table["sent_index"], table["who_differs"])) == {1: "student", 2: "kit", 3: "kit"}
    assert cls.disagreements(cls.key_answers(key), key).empty


def test_class_agreement():
    answers = pd.concat([sheet("Ada", ["denial", "accusation", "neither", "neither"]),
                         sheet("Bo", ["denial", "accusation", "neither", "denial"]),
                         sheet("Cy", ["denial", "accusation", "neither", "neither"])])
    key = pd.DataFrame({"sent_index": range(4), "text": "", "label": ["denial", "accusation", "neither", "neither"],
                        "speaker": ""})
    result = cls.class_agreement(answers, key)
    assert result["students"] == ["Ada", "Bo", "Cy"]
    p = result["pairs"]
    pairs = {(a, b): k for a, b, k in zip(p["coder_a"], p["coder_b"], p["kappa"])}
    assert pairs[("Ada", "Cy")] == pytest.approx(1.0) and pairs[("Ada", "Bo")] < 1.0
    assert 0 < result["alpha_label"] < 1
    per = result["per_student"].set_index("student")
    assert per.loc["Ada", "kappa_vs_key"] == pytest.approx(1.0) and per.loc["Bo", "kappa_vs_key"] < 1


# -------------------------------------------------------- the shipped key

@pytest.fixture(scope="module")
def key(article):
    return cls.load_key(article["doc_id"])


def test_key_offsets_point_into_the_article(key, article):
    for row in key.to_dict("records"):
        assert article["text"][row["start"]:row["end"]] == row["text"]


def test_key_is_every_story_sentence_and_no_boilerplate(key, article):
    text = article["text"]
    bp = [(r["start"], r["end"]) for r in boilerplate.find_boilerplate(text)]
    story = [i for i, (s, e) in enumerate(segment.find_sentences(text))
             if not any(bs <= s and e <= be for bs, be in bp)]
    assert list(key["sent_index"]) == story
    assert not any(bs < row["end"] and row["start"] < be for row in key.to_dict("records") for bs, be in bp)


@pytest.mark.parametrize("fragment, label, speaker", [
    ("North Korea denies arms dealings", "denial", "North Korea"),
    ("groundless ‘rumour of arms dealings’", "denial", "North Korea"),
    ("went on to accuse the US", "accusation", "North Korea"),
    ("we have never had ‘arms dealings’", "denial", "North Korea"),
    ("last week accused North Korea", "accusation", "United States"),
    ("previously denied providing weapons", "denial", "North Korea"),
    ("had no evidence", "neither", "United States"),          # a qualification, not an accusation
    ("According to military experts", "neither", "unknown"),  # unnamed source
    ("Pyongyang is subject to tough", "neither", "journalist"),
    ("said in a statement published", "neither", "North Korea"),  # speech act with no content
])
def test_key_labels(key, fragment, label, speaker):
    row = key[key["text"].str.contains(fragment, regex=False)]
    assert len(row) == 1
    assert (row.iloc[0]["label"], row.iloc[0]["speaker"]) == (label, speaker)


def test_read_key_refuses_unknown_label(tmp_path):
    bad = tmp_path / "k.csv"
    bad.write_text("sent_index,start,end,text,label,speaker\n0,0,1,x,maybe,journalist\n", encoding="utf-8")
    with pytest.raises(ValueError, match="maybe"):
        cls.read_key(bad)
