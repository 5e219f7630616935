"""annotate() on the shipped article: statements, stance, actors, targets, markers, gold agreement."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from analysis import schema
from analysis.annotate import annotate

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "data" / "articles" / "000_69a36e7ce07eb426.md"
GOLD = ROOT / "data" / "gold" / "000_69a36e7ce07eb426.ann"
DOC = "000_69a36e7ce07eb426"


@lru_cache(maxsize=1)
def _text() -> str:
    return ARTICLE.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def _skip(text: str) -> list[tuple[int, int]]:
    """Boilerplate ranges from the lead's module, else the known lines by hand."""
    try:
        from analysis.boilerplate import find_boilerplate
        return [(r["start"], r["end"]) for r in find_boilerplate(text)]
    except ImportError:  # pragma: no cover - the module ships with the kit
        lines = ["Kim Jong Un and Vladimir Putin", "Advertisement", "NAN", "LEAVE A REPLY"]
        return [(text.index(x), text.index(x) + len(x)) for x in lines]


@lru_cache(maxsize=1)
def _run():
    text = _text()
    return annotate(DOC, text, skip=_skip(text))


def _statement(sentence_start: str):
    text = _text()
    pos = text.index(sentence_start)
    _, st = _run()
    rows = st[(st.start <= pos) & (st.end > pos)]
    assert len(rows), f"no statement at {sentence_start!r}"
    return rows


def test_tables_follow_schema_and_offsets():
    spans, st = _run()
    assert list(spans.columns) == schema.columns("spans")
    assert list(st.columns) == schema.columns("statements")
    text = _text()
    for r in spans.to_dict("records"):
        assert r["text"] == text[r["start"]:r["end"]]
        assert r["layer"] in schema.LAYERS
        assert r["rule"], r
    assert st.statement_id.is_unique
    for r in st.to_dict("records"):
        assert r["text"] == text[r["start"]:r["end"]]
    assert st.statement_id.str.startswith(DOC + ":").all()
    assert set(st.stance) <= set(schema.STANCES)
    assert set(st.source_type) <= set(schema.SOURCE_TYPES)
    assert (st.time_text == "").all() and (st.event_start == "").all()
    # every cue / source / content span points at a statement
    ids = set(st.statement_id)
    assert set(spans[spans.layer.isin(["cue", "source", "content"])].value) <= ids


@pytest.mark.parametrize("sentence, stance, actor, target", [
    ("It said that Washington", "denial", "North Korea", "United States"),
    ("The ministry went on", "accusation", "North Korea", "United States"),
    ("“We once again", "denial", "North Korea", ""),
    ("The US government last week", "accusation", "United States", "North Korea"),
    ("National Security Council", "accusation", "United States", "North Korea"),
    ("North Korea had also previously", "denial", "North Korea", ""),  # target left empty: see codebook
    ("At the time, Kirby", "accusation", "United States", "North Korea"),
    ("Kirby said the US would", "other", "United States", ""),
    ("Though he stressed", "other", "United States", ""),
    ("According to military experts", "other", "unknown", ""),
])
def test_statement_stance_actor_target(sentence, stance, actor, target):
    rows = _statement(sentence)
    first = rows.iloc[0]
    assert (first.stance, first.actor, first.target) == (stance, actor, target)


def test_hedge_and_evidence_on_kirby_statements():
    sept = _statement("At the time, Kirby").iloc[0]
    assert bool(sept.hedged)
    stressed = _statement("Though he stressed").iloc[0]
    assert stressed.evidence == "no evidence"
    assert stressed.cue == "stressed"


def test_unknown_speaker_and_document_source():
    experts = _statement("According to military experts").iloc[0]
    assert experts.source_type == "anonymous" and experts.actor == "unknown"
    stmt = _statement("“We once again").iloc[0]
    assert stmt["source_type"] == "document" and stmt["mode"] == "direct"


@pytest.mark.parametrize("layer, surface, label", [
    ("denial", "groundless ‘rumour", "Deny responsibility / reject accusation"),
    ("accusation", "accused North Korea of", "Accuse of aggression"),
    ("hedge", "could potentially", "reported"),
    ("hedge", "what it called", "narration"),
    ("evidence", "no evidence", "reported"),
    ("scare_quote", "‘rumour of arms dealings’", "reported"),
    ("scare_quote", "“illegal resolutions”", "reported"),
    ("scare_quote", "‘arms dealings’", "quoted"),
    ("loaded", "autocracy", "reported"),
    ("loaded", "outrage", "narration"),  # "a move that ... triggered outrage": the journalist's words
])
def test_marker_spans(layer, surface, label):
    spans, _ = _run()
    rows = spans[(spans.layer == layer) & (spans.text == surface)]
    assert len(rows) >= 1
    assert rows.iloc[0].label == label


def test_boilerplate_yields_nothing():
    text = _text()
    spans, st = _run()
    for line in ("Advertisement", "Share your story", "LEAVE A REPLY", "Please enter", "Kim Jong Un and Vladimir Putin"):
        pos = text.index(line)
        assert not ((spans.start <= pos) & (spans.end > pos)).any(), line
        assert not ((st.start <= pos) & (st.end > pos)).any(), line
    nan = text.index("\nNAN\n") + 1
    assert not ((st.start <= nan) & (st.end > nan)).any()


def test_skip_everything_gives_empty_tables():
    text = _text()
    spans, st = annotate(DOC, text, skip=[(0, len(text))])
    assert spans.empty and st.empty
    assert list(st.columns) == schema.columns("statements")


@pytest.mark.parametrize("text", ["", "   ", "No quotes and no speakers here.", "“Unclosed quote"])
def test_odd_text_never_raises(text):
    spans, st = annotate("x", text)
    assert list(spans.columns) == schema.columns("spans")


def test_fallback_statement_for_uncued_stance():
    text = "The ministry on Monday flatly dismissed the report as fake."
    _, st = annotate("x", text)
    assert "denial" in set(st.stance)


# --- agreement with the hand-made gold ------------------------------------------------

def _agreement():
    from analysis.evaluate.stance import agreement, read_brat
    spans, st = _run()
    return agreement(read_brat(GOLD, _text()), spans, st)


@pytest.mark.parametrize("layer, min_f1", [
    ("denial", 0.99), ("accusation", 0.9), ("hedge", 0.99), ("evidence", 0.99),
    ("scare_quote", 0.99), ("loaded", 0.99), ("cue", 0.85), ("source", 0.85), ("content", 0.9),
])
def test_gold_span_agreement(layer, min_f1):
    assert _agreement()["layers"][layer]["f1"] >= min_f1


@pytest.mark.parametrize("field, min_share", [("stance", 1.0), ("actor", 1.0), ("target", 1.0),
                                              ("source_type", 0.85)])
def test_gold_statement_agreement(field, min_share):
    assert _agreement()["fields"][field]["share"] >= min_share


def test_gold_statements_found():
    assert _agreement()["statements_found"]["share"] >= 0.9


def test_gold_pledge_is_a_statement():
    """'has pledged its support' is a commissive speech act in the gold, and 'pledge' is a cue."""
    row = next(r for r in _agreement()["statements"] if r["cue"] == "has pledged")
    assert row["stance"][1] is not None


def test_gold_it_revealed_is_unresolved():
    """The gold leaves 'It revealed' unresolved; so does the engine (rule res.unresolved), not a fallback."""
    row = next(r for r in _agreement()["statements"] if r["cue"] == "revealed")
    assert row["source_type"][0] == row["source_type"][1]


def test_no_statement_for_published_by():
    """'a statement published by KCNA' reports no content: the gold has no statement there."""
    _, st = _run()
    assert "published" not in set(st.cue)


def test_nested_reports_do_not_inherit_host_stance():
    """'... by invoking what it called “illegal resolutions”': one accusation, not three."""
    rows = _statement("The ministry went on")
    assert (rows.stance == "accusation").sum() == 1


# --- the steps of annotate(), each by the rule it writes into the statement's `rule` ---------
# (who speaks, steps 5-11 and 13: tests/test_speakers.py)

@pytest.mark.parametrize("text, n, source, actor, stance, target, rule", [
    # _open_quoted: a paragraph of a quote running on, spoken by the quote's speaker
    ("“We did nothing wrong,” the Russian foreign minister said.\n\n“We deny these accusations. The Americans are "
     "lying.", 2, "the Russian foreign minister", "Russia", "denial", "", "S_quote_continuation"),
    # _open_fallback: a speech-act verb with no attribution; the participle clause shares the subject
    ("Trump outlined a new strategy on Monday, chastising Pakistan for harbouring terrorists.", 2, "Trump",
     "United States", "accusation", "Pakistan", "S_fallback"),
])
def test_annotate_steps(text, n, source, actor, stance, target, rule):
    _, st = annotate("x", text)
    row = st.set_index("statement_id").loc[f"x:{n}"]
    assert (row.source, row.actor, row.stance, row.target) == (source, actor, stance, target)
    assert rule in row.rule.split("+")


def test_adjective_cue_makes_no_statement():
    """_read_article: "Rand Paul's accused attacker" accuses nobody."""
    _, st = annotate("x", "Rand Paul's accused attacker was arrested on Monday.")
    assert st.empty
