"""The statements evaluator: sentence-level stance scores, actor/target pairing, controls and time.

The scoring rules are checked on a tiny invented gold folder with hand-built statements and
spans tables (so each rule is tested without depending on the engine); one test runs the
whole evaluator (loader + pipeline) on that folder, and one on ../shared/dev/realnews.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, schema
from analysis.errors import InputError
from analysis.evaluate import statements as ev

# Scores on ../shared/dev/realnews (clear items): every floor is issue 9's target, asserted as
# it stands (the measurement beside it is for the reader).
FLOOR_DENIAL_PRECISION = 0.92        # measured 0.975
FLOOR_DENIAL_RECALL = 0.85           # measured 0.879
FLOOR_ACCUSATION_PRECISION = 0.85    # measured 0.940
FLOOR_ACCUSATION_RECALL = 0.70       # measured 0.724
FLOOR_ACTOR_DENIAL = 0.85            # with alternatives, measured 0.862
FLOOR_ACTOR_ACCUSATION = 0.85        # with alternatives, measured 0.866
FLOOR_TARGET_ACCUSATION = 0.70       # measured 0.704
FLOOR_TARGET_DENIAL = 0.70           # measured 0.706 (12 of 17)
CEILING_UNKNOWN_DENIAL = 0.05        # measured 0.046 (5 of 108)
CEILING_UNKNOWN_ACCUSATION = 0.05    # measured 0.048 (7 of 146)
CEILING_CONTROL_STATEMENTS = 0       # issue 9 target met: measured 0
FLOOR_TIME_EXACT = 36                # issue 11 target (90% of 40) met: measured 40
CEILING_DATED_AFTER_PUBLICATION = 0   # issue 11 target met: speech acts after publication not marked future

REALNEWS = Path(__file__).resolve().parents[2] / "shared" / "dev" / "realnews"

# --------------------------------------------------------------------------- an invented gold folder

STANCE_TEXT = (
    "Marsk rejects Valdoria claims\n"
    "\n"
    "The Marsk foreign ministry on Tuesday denied the report. "
    "Valdoria accused Marsk of hiding troops near the border. "
    "Senator Ana Ruiz and the U.S. State Department both blamed Marsk for the attack. "
    "A spokesman defended the ministry's record. "
    "Officials said the convoy left on March 4."
)
CONTROL_TEXT = (
    "Wheat harvest up\n"
    "\n"
    "Farmers in Brenland expect a larger harvest this year. "
    "The coach refused to blame the referee for the loss. "
    "Prices rose in February."
)


def _sentence(text: str, needle: str) -> tuple[int, int, str]:
    s = text.index(needle)
    return s, s + len(needle), needle


S_HEAD = "Marsk rejects Valdoria claims"
S_DENY = "The Marsk foreign ministry on Tuesday denied the report."
S_ACCUSE = "Valdoria accused Marsk of hiding troops near the border."
S_BLAME = "Senator Ana Ruiz and the U.S. State Department both blamed Marsk for the attack."
S_DEFEND = "A spokesman defended the ministry's record."
S_CONVOY = "Officials said the convoy left on March 4."
C_BLAME = "The coach refused to blame the referee for the loss."

GOLD_ROWS = [
    # doc, sentence, stance, strength, actor, actor_alt, target, target_alt
    ("art_a", S_HEAD, "denial", "clear", "Marsk", "", "Valdoria", ""),
    ("art_a", S_DENY, "denial", "clear", "Marsk", "Marsk foreign ministry", "", "Valdoria"),
    ("art_a", S_ACCUSE, "accusation", "clear", "Valdoria", "", "Marsk", ""),
    ("art_a", S_BLAME, "accusation", "clear", "Ana Ruiz", "Democratic Party", "Marsk", ""),
    ("art_a", S_BLAME, "accusation", "clear", "United States", "State Department", "Marsk", ""),
    ("art_a", S_DEFEND, "denial", "weak", "Marsk", "", "", ""),
    ("ctl_b", C_BLAME, "accusation", "weak", "unknown", "", "", ""),
]


def make_gold(root: Path) -> Path:
    """A gold folder in the real-news layout: 2 articles (one stance, one control) and their gold."""
    folder = root / "gold"
    (folder / "articles").mkdir(parents=True)
    texts = {"art_a": STANCE_TEXT, "ctl_b": CONTROL_TEXT}
    (folder / "articles" / "art_a.md").write_text(
        f"---\ntitle: Marsk rejects Valdoria claims\npublished: 2024-03-15\noutlet: Test\n---\n{STANCE_TEXT}\n",
        encoding="utf-8")
    (folder / "articles" / "ctl_b.md").write_text(
        f"---\ntitle: Wheat harvest up\noutlet: Test\n---\n{CONTROL_TEXT}\n", encoding="utf-8")
    with (folder / "index.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "dataset", "row", "title", "published", "chars", "kind"])
        w.writerow(["art_a", "invented", "1", "Marsk rejects Valdoria claims", "2024-03-15", len(STANCE_TEXT) + 1, "stance"])
        w.writerow(["ctl_b", "invented", "2", "Wheat harvest up", "", len(CONTROL_TEXT) + 1, "control"])
    with (folder / "gold.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "sent_start", "sent_end", "sentence", "stance", "strength", "actor", "actor_alt",
                    "target", "target_alt", "note"])
        for doc, sent, stance, strength, actor, actor_alt, target, target_alt in GOLD_ROWS:
            s, e, surface = _sentence(texts[doc], sent)
            w.writerow([doc, s, e, surface, stance, strength, actor, actor_alt, target, target_alt, ""])
    with (folder / "gold_time.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "expression", "start", "end", "gold_start", "gold_end", "sentence", "sent_start",
                    "sent_end", "note"])
        for expr, sent, g0, g1 in (("on Tuesday", S_DENY, "2024-03-12", "2024-03-12"),
                                   ("on March 4", S_CONVOY, "2024-03-04", "2024-03-04")):
            s = STANCE_TEXT.index(expr)
            ss, se, _ = _sentence(STANCE_TEXT, sent)
            w.writerow(["art_a", expr, s, s + len(expr), g0, g1, sent, ss, se, ""])
    return folder


@pytest.fixture()
def gold_dir(tmp_path) -> Path:
    return make_gold(tmp_path)


def stmt(doc: str, sentence: str, stance: str, actor: str = "unknown", target: str = "", n: int = 0,
         event_start: str = "2024-03-15") -> dict:
    text = STANCE_TEXT if doc == "art_a" else CONTROL_TEXT
    s, e, surface = _sentence(text, sentence)
    return {"doc_id": doc, "statement_id": f"{doc}:{n}", "start": s, "end": e, "text": surface, "cue": "x",
            "actor": actor, "target": target, "stance": stance, "rule": "test", "event_start": event_start,
            "event_end": event_start}


def frames(rows: list[dict], timexes: list[dict] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    for i, r in enumerate(rows):
        r["statement_id"] = f"{r['doc_id']}:{i}"
    spans = [{"doc_id": "art_a", "layer": "timex", "label": "DATE", "rule": "test", **t} for t in timexes]
    return schema.frame("statements", rows), schema.frame("spans", spans)


def timex(expr: str, value: str) -> dict:
    s = STANCE_TEXT.index(expr)
    return {"start": s, "end": s + len(expr), "text": expr, "value": value}


# --------------------------------------------------------------------------- the rules

def test_perfect_statements_score_one(gold_dir):
    st, sp = frames([stmt("art_a", S_HEAD, "denial", "Marsk", "Valdoria"),
                     stmt("art_a", S_DENY, "denial", "Marsk"),
                     stmt("art_a", S_ACCUSE, "accusation", "Valdoria", "Marsk"),
                     stmt("art_a", S_BLAME, "accusation", "Ana Ruiz", "Marsk"),
                     stmt("art_a", S_BLAME, "accusation", "United States", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    for stance in ("denial", "accusation"):
        assert res["clear"][stance]["precision"] == 1.0 and res["clear"][stance]["recall"] == 1.0
        assert res["actor"][stance]["strict"] == 1.0
    assert res["clear"]["denial"]["gold_sentences"] == 2 and res["clear"]["accusation"]["gold_sentences"] == 2
    assert res["clear"]["accusation"]["tp"] == 3  # precision counts statements, recall sentences
    assert res["target"]["accusation"]["with_alternatives"] == 1.0 and res["target"]["accusation"]["n"] == 3
    assert res["controls"] == {"stance_statements": 0, "documents": 1}


def test_weak_sentences_are_ignored_in_clear_mode_and_gold_in_all_mode(gold_dir):
    st, sp = frames([stmt("art_a", S_DEFEND, "denial", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    clear, all_ = res["clear"]["denial"], res["all"]["denial"]
    assert (clear["tp"], clear["fp"], clear["ignored"], clear["fn"], clear["gold_sentences"]) == (0, 0, 1, 2, 2)
    assert (all_["tp"], all_["fp"], all_["fn"], all_["gold_sentences"]) == (1, 0, 2, 3)
    assert all_["recall"] == pytest.approx(1 / 3, abs=1e-4)


def test_same_stance_is_required(gold_dir):
    # a denial on the accusation-only sentence: a false positive for denial, a miss for accusation
    st, sp = frames([stmt("art_a", S_ACCUSE, "denial", "Valdoria")])
    res, errors = ev.score_with_errors(st, sp, gold_dir)
    assert res["clear"]["denial"]["fp"] == 1 and res["clear"]["denial"]["tp"] == 0
    assert res["clear"]["accusation"]["fn"] == 2 and res["clear"]["accusation"]["tp"] == 0
    assert res["actor"]["denial"]["n"] == 0  # no pair across stances
    fp = [e for e in errors if e["kind"] == "fp"]
    assert len(fp) == 1 and fp[0]["sentence"] == S_ACCUSE and fp[0]["stance"] == "denial"
    missed = {(e["sentence"], e["mode"]) for e in errors if e["kind"] == "fn" and e["stance"] == "accusation"}
    assert missed == {(S_ACCUSE, "clear"), (S_BLAME, "clear"), (C_BLAME, "all")}  # the weak one counts in all only


def test_alternatives_and_us_normalisation(gold_dir):
    # "U.S." is "United States" (strict); "the State Department" is an alternative only; Ana Ruiz's
    # party is an alternative for her
    st, sp = frames([stmt("art_a", S_BLAME, "accusation", "U.S.", "Marsk"),
                     stmt("art_a", S_DENY, "denial", "the Marsk Foreign Ministry"),
                     stmt("art_a", S_ACCUSE, "accusation", "Brenland", "Marsk")])
    res, errors = ev.score_with_errors(st, sp, gold_dir)
    acc, den = res["actor"]["accusation"], res["actor"]["denial"]
    assert acc["n"] == 2 and acc["strict"] == 0.5 and acc["with_alternatives"] == 0.5  # Brenland is wrong
    assert den["n"] == 1 and den["strict"] == 0.0 and den["with_alternatives"] == 1.0
    assert [e["sys_actor"] for e in errors if e["kind"] == "actor"] == ["Brenland"]


@pytest.mark.parametrize("system, primary, alts, expected", [
    ("US", "United States", "", (True, True)),
    ("U.S.", "united states", "", (True, True)),
    ("The United States", "United States", "", (True, True)),
    ("us", "United States", "", (False, False)),          # the pronoun is not the country
    ("EC", "European Community", "", (True, True)),
    ("European Commission", "European Community", "", (True, True)),
    ("European Union", "European Community", "", (False, False)),
    ("State Department", "United States", "Pentagon; state department", (False, True)),
    ("", "", "Valdoria", (True, True)),                    # empty gold target, empty kit target
    ("", "Valdoria", "", (False, False)),
    ("Valdoria", "", "Valdoria", (False, True)),           # denial: accuser named elsewhere, as alternative
])
def test_accepts(system, primary, alts, expected):
    assert ev.accepts(system, primary, alts) == expected


def test_one_to_one_pairing_in_a_sentence(gold_dir):
    # two speakers in one sentence, listed in the "wrong" order: each is paired with its own item
    st, sp = frames([stmt("art_a", S_BLAME, "accusation", "State Department", "Marsk"),
                     stmt("art_a", S_BLAME, "accusation", "Ana Ruiz", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    assert res["actor"]["accusation"] == {"strict": 0.5, "with_alternatives": 1.0, "n": 2}
    # one statement for two items: one pair, not two
    st, sp = frames([stmt("art_a", S_BLAME, "accusation", "Ana Ruiz", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    assert res["actor"]["accusation"]["n"] == 1 and res["actor"]["accusation"]["strict"] == 1.0
    # two statements of one speaker for two items: only one can be right
    st, sp = frames([stmt("art_a", S_BLAME, "accusation", "Ana Ruiz", "Marsk"),
                     stmt("art_a", S_BLAME, "accusation", "Ana Ruiz", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    assert res["actor"]["accusation"] == {"strict": 0.5, "with_alternatives": 0.5, "n": 2}


def test_targets_scored_where_gold_names_one_and_overall(gold_dir):
    st, sp = frames([stmt("art_a", S_HEAD, "denial", "Marsk", ""),          # gold names Valdoria: wrong
                     stmt("art_a", S_DENY, "denial", "Marsk", "")])         # empty gold target: right
    res = ev.score(st, sp, gold_dir)
    t = res["target"]["denial"]
    assert t["n"] == 1 and t["with_alternatives"] == 0.0
    assert t["overall"] == {"strict": 0.5, "with_alternatives": 0.5, "n": 2}


def test_unknown_rate_counts_unknown_actors_where_gold_names_one(gold_dir):
    st, sp = frames([stmt("art_a", S_HEAD, "denial", "unknown"), stmt("art_a", S_DENY, "denial", "Marsk")])
    res = ev.score(st, sp, gold_dir)
    assert res["unknown_rate"]["denial"] == 0.5
    assert res["unknown_rate"]["counts"]["denial"] == {"unknown": 1, "n": 2}


def test_control_false_positives_except_on_weak_items(gold_dir):
    st, sp = frames([stmt("ctl_b", "Farmers in Brenland expect a larger harvest this year.", "accusation"),
                     stmt("ctl_b", C_BLAME, "accusation"),   # on the control's weak item: not counted
                     stmt("ctl_b", C_BLAME, "denial")])      # other stance on it: counted
    res, errors = ev.score_with_errors(st, sp, gold_dir)
    assert res["controls"] == {"stance_statements": 2, "documents": 1}
    assert res["clear"]["accusation"]["fp"] == 1 and res["clear"]["accusation"]["ignored"] == 1
    assert res["all"]["accusation"]["tp"] == 1
    assert sorted(e["stance"] for e in errors if e["kind"] == "control") == ["accusation", "denial"]
    assert not [e for e in errors if e["kind"] == "fp"]  # listed once, as control


def test_time_exact_and_jaccard(gold_dir):
    rows = [stmt("art_a", S_DENY, "denial", event_start="2024-03-12"),
            stmt("art_a", S_CONVOY, "other", event_start="2024-03-20")]     # after publication 2024-03-15
    st, sp = frames(rows, [timex("Tuesday", "2024-W11"),         # the week: 1 day of 7 shared
                           timex("March 4", "2024-03")])         # the month: 1 of 31
    res = ev.score(st, sp, gold_dir)["time"]
    assert (res["items"], res["found"], res["exact"], res["jaccard_0.5"]) == (2, 2, 0, 0)
    assert res["dated_after_publication"] == 1 and res["statements_in_dated_articles"] == 2
    st, sp = frames(rows[:1], [timex("on Tuesday", "2024-03-12"), timex("March 4", "2024-03-03")])
    res = ev.score(st, sp, gold_dir)["time"]
    assert (res["found"], res["exact"], res["jaccard_0.5"]) == (2, 1, 1)
    assert res["dated_after_publication"] == 0


def test_jaccard_of_days():
    assert ev._jaccard(("2024-03-01", "2024-03-31"), ("2024-03-01", "2024-03-20")) == pytest.approx(20 / 31)
    assert ev._jaccard(("2024-03-11", "2024-03-17"), ("2024-03-12", "2024-03-12")) == pytest.approx(1 / 7)
    assert ev._jaccard(("2024-01-01", "2024-01-02"), ("2024-02-01", "2024-02-02")) == 0.0


# --------------------------------------------------------------------------- bad gold, the whole run, the CLI

def test_bad_gold_raises_input_error(gold_dir):
    (gold_dir / "gold_time.csv").unlink()
    assert ev.read_gold(gold_dir).time == []  # optional
    rows = (gold_dir / "gold.csv").read_text(encoding="utf-8").splitlines()
    (gold_dir / "gold.csv").write_text("\n".join(rows[:3] + [rows[3].replace("accusation", "praise")]) + "\n",
                                       encoding="utf-8")
    with pytest.raises(InputError, match="line 4: stance 'praise'"):
        ev.read_gold(gold_dir)
    (gold_dir / "gold.csv").unlink()
    with pytest.raises(InputError, match="no such file") as exc:
        ev.read_gold(gold_dir)
    assert exc.value.path.endswith("gold.csv")


def test_offsets_checked_against_the_loaded_text(gold_dir):
    gold = ev.read_gold(gold_dir)
    gold.items[1]["sent_start"] += 3  # a shifted sentence is moved back to where it is
    gold.items[1]["sent_end"] += 3
    gold.index["ctl_b"]["chars"] = str(len(CONTROL_TEXT) + 2)  # one more than the loaded body
    ev.load_articles(gold)
    assert gold.remapped == 1 and gold.length_mismatches == ["ctl_b"]
    assert (gold.items[1]["sent_start"], gold.items[1]["sent_end"]) == _sentence(STANCE_TEXT, S_DENY)[:2]
    gold.items[2]["sentence"] = "A sentence that is not in the article."
    with pytest.raises(InputError, match="not in the loaded text of art_a"):
        ev.load_articles(gold)


def test_evaluate_runs_the_kit_and_writes_errors(gold_dir, tmp_path):
    out = tmp_path / "errors" / "errors.csv"
    res = ev.evaluate(gold_dir, errors_path=out)
    assert res["task"] == "statements" and res["documents"] == 2
    assert res["errors_csv"] == str(out) and res["alignment"]["remapped"] == 0
    # the kit finds the plain "denied" sentence
    assert res["clear"]["denial"]["gold_sentences"] == 2 and res["clear"]["denial"]["fn"] <= 1
    errors = pd.read_csv(out, keep_default_na=False)
    assert list(errors.columns) == ev.ERROR_COLUMNS
    assert len(errors) == sum(res["error_counts"].values())
    assert set(errors["kind"]) <= {"fp", "fn", "actor", "target", "time", "control"}


def test_index_csv_is_optional(gold_dir):
    (gold_dir / "index.csv").unlink()
    (gold_dir / "articles" / "ctl_c.md").write_text("---\ntitle: Rain\n---\nRain fell in Brenland on Monday.\n",
                                                   encoding="utf-8")
    res = ev.evaluate(gold_dir)
    assert res["documents"] == 3
    assert res["controls"]["documents"] == 1  # ctl_c has no gold items; ctl_b has a weak one
    assert res["time"]["statements_in_dated_articles"] > 0  # art_a's date from its front matter


def test_cli_prints_json_and_rejects_bad_gold(gold_dir, tmp_path, capsys):
    assert cli.main(["evaluate", "statements", "--gold", str(gold_dir)]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["errors_csv"] is None and res["documents"] == 2
    (gold_dir / "gold.csv").unlink()
    assert cli.main(["evaluate", "statements", "--gold", str(gold_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gold.csv" in err[0] and "no such file" in err[0]
    assert cli.main(["evaluate", "statements", "--gold", str(gold_dir / "index.csv")]) == 2
    assert "index.csv: not a folder" in capsys.readouterr().err
    assert cli.main(["evaluate", "stance", "--gold", str(gold_dir / "index.csv"), "--errors", "x.csv"]) == 2
    assert "only written by `evaluate statements`" in capsys.readouterr().err


# --------------------------------------------------------------------------- the real-news dev set

@pytest.fixture(scope="module")
def realnews_result():
    if not (REALNEWS / "gold.csv").is_file():
        pytest.skip("../shared/dev/realnews is absent on this machine")
    return ev.evaluate(REALNEWS)


def test_realnews_shape(realnews_result):
    res = realnews_result
    assert res["documents"] == 90 and res["controls"]["documents"] == 20
    assert res["alignment"]["remapped"] == 0  # the loader's text is the gold's body
    assert res["alignment"]["length_mismatches"] == []
    for mode in ("clear", "all"):
        for stance in ("denial", "accusation"):
            assert set(res[mode][stance]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert res["clear"]["denial"]["gold_sentences"] < res["all"]["denial"]["gold_sentences"]
    assert res["time"]["items"] == 40
    for key in ("actor", "target"):
        assert set(res[key]) == {"denial", "accusation", "all_items"}


def test_realnews_floors(realnews_result):
    res = realnews_result
    assert res["clear"]["denial"]["precision"] >= FLOOR_DENIAL_PRECISION
    assert res["clear"]["denial"]["recall"] >= FLOOR_DENIAL_RECALL
    assert res["clear"]["accusation"]["precision"] >= FLOOR_ACCUSATION_PRECISION
    assert res["clear"]["accusation"]["recall"] >= FLOOR_ACCUSATION_RECALL
    assert res["actor"]["denial"]["with_alternatives"] >= FLOOR_ACTOR_DENIAL
    assert res["actor"]["accusation"]["with_alternatives"] >= FLOOR_ACTOR_ACCUSATION
    assert res["target"]["accusation"]["with_alternatives"] >= FLOOR_TARGET_ACCUSATION
    assert res["target"]["denial"]["with_alternatives"] >= FLOOR_TARGET_DENIAL
    assert res["unknown_rate"]["denial"] <= CEILING_UNKNOWN_DENIAL
    assert res["unknown_rate"]["accusation"] <= CEILING_UNKNOWN_ACCUSATION
    assert res["controls"]["stance_statements"] <= CEILING_CONTROL_STATEMENTS
    assert res["time"]["exact"] >= FLOOR_TIME_EXACT
    assert res["time"]["dated_after_publication_not_future"] <= CEILING_DATED_AFTER_PUBLICATION
