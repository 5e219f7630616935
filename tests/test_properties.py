"""Properties that must hold for any text (hypothesis): offsets in bounds and verbatim, determinism, no exception."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import corpus, load, pipeline, schema
from analysis.errors import InputError

REPO = Path(__file__).resolve().parents[1]

# Words and marks that wake the annotators up (cues, quotes, dates, actors), mixed with arbitrary text.
NEWSY = st.sampled_from([
    "said", "denied", "accused", "according to", "North Korea", "the United States", "Russia", "he", "she",
    "officials", "on Tuesday", "in September", "last week", "2022", "no evidence", "reportedly", "claimed",
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", ",", ".", "!", "?", ":", ";", "\n", "\n\n",
    "  ", "\t", "Advertisement", "Please enter your name here", "Mr.", "U.S.", "(", ")", "--", "\u2014",
])
TEXTS = st.one_of(
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=60).map(" ".join),
    st.text(max_size=300),
)
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str, spans: pd.DataFrame, statements: pd.DataFrame) -> None:
    assert list(spans.columns) == schema.columns("spans")
    assert list(statements.columns) == schema.columns("statements")
    for row in spans.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(text), row
        assert text[row.start:row.end] == row.text, row
        assert row.rule, row
    for row in statements.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(text), row


@FAST
@given(text=TEXTS, published=st.sampled_from(["", "2022-11-08", "2016-02-29"]))
def test_any_text_gives_spans_in_bounds_that_match(text, published):
    spans, statements = pipeline.process_article({"doc_id": "d", "text": text, "published": published})
    check_spans(text, spans, statements)


@FAST
@given(text=TEXTS)
def test_statement_text_matches_its_offsets(text):
    """Statements carry offsets of their sentence or clause, and its text verbatim."""
    _, statements = pipeline.process_article({"doc_id": "d", "text": text, "published": "2022-11-08"})
    for row in statements.itertuples(index=False):
        assert text[row.start:row.end] == row.text, row


@FEWER
@given(text=TEXTS)
def test_pipeline_is_deterministic(text):
    article = {"doc_id": "d", "text": text, "published": "2022-11-08"}
    first = pipeline.process_article(article)
    second = pipeline.process_article(article)
    assert first[0].equals(second[0]) and first[1].equals(second[1])


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=400))
def test_decode_either_text_or_input_error(raw):
    try:
        text = load.decode(raw, "x.txt")
    except InputError as exc:
        assert exc.reason
    else:
        assert "\r" not in text and text.strip()


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html", ".csv", ".jsonl", ".json", ".tsv"]))
def test_any_file_is_an_article_or_a_reject(tmp_path_factory, raw, suffix):
    folder = tmp_path_factory.mktemp("any")
    (folder / f"f{suffix}").write_bytes(raw)
    items = list(load.iter_articles([folder]))
    assert items  # every input accounted for
    for item in items:
        if isinstance(item, load.Reject):
            assert item.reason and item.source_path
        else:
            assert item["text"].strip() and item["doc_id"]


@settings(max_examples=60, deadline=None)
@given(value=st.text(max_size=40))
def test_parse_date_either_iso_or_input_error(value):
    try:
        out = load.parse_date(value)
    except InputError:
        return
    assert out == "" or (len(out) == 10 and out[4] == out[7] == "-")


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=6))
def test_wire_decisions_well_formed(texts):
    table = schema.frame("articles", [{"doc_id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    decisions = corpus.find_wire_copies(table)
    assert decisions["doc_id"].tolist() == table["doc_id"].tolist()
    for group in set(decisions["wire_group"]) - {""}:
        members = decisions[decisions["wire_group"] == group]
        assert len(members) >= 2 and (~members["collapsed"]).sum() == 1
        assert group in set(members["doc_id"])


FINGERPRINT = """
import hashlib, sys
from analysis import load, pipeline, schema
texts = [load.read_article(sys.argv[1])["text"],
         'North Korea denied it. "We never had arms dealings," the ministry said on Tuesday.',
         'Officials in Washington accused Pyongyang in September, according to a report, of shipping shells.']
articles = schema.frame("articles", [{"doc_id": f"d{i}", "text": t, "published": "2022-11-08"} for i, t in enumerate(texts)])
tables = pipeline.run(articles, workers=int(sys.argv[2]))
digest = hashlib.sha256()
for name, table in tables.as_dict().items():
    digest.update(table.to_csv(index=False).encode())
print(digest.hexdigest())
"""


def test_same_output_whatever_the_hash_seed_and_worker_count():
    """Set order changes with PYTHONHASHSEED; worker processes each get their own: output must not change."""
    article = REPO / "data" / "articles" / "000_69a36e7ce07eb426.md"
    digests = set()
    for seed, workers in (("1", "1"), ("2", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", FINGERPRINT, str(article), workers], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
