"""Every stance row's examples are a test: each example must get the row's stance, and no
counter-example may be labelled by that row. Examples and counter-examples are written in
``lexicons/stance.csv``, several per cell separated by ';'."""
from __future__ import annotations

import pytest

from analysis.lexicons import load_lexicon
from analysis.stance import find_stance


def _cases(column: str):
    for row in load_lexicon("stance"):
        if row["kind"] != "match":
            continue
        for text in (t.strip() for t in (row.get(column) or "").split(";")):
            text = text.replace("(in a speaker's words) ", "").replace("...", "").strip()
            if text:
                yield pytest.param(row["rule"], row["stance"], text, id=f"{row['rule']}: {text[:40]}")


@pytest.mark.parametrize("rule, stance, text", list(_cases("example")))
def test_example_gets_the_rows_stance(rule, stance, text):
    assert stance in {r.stance for r in find_stance(text)}


@pytest.mark.parametrize("rule, stance, text", list(_cases("counter_example")))
def test_counter_example_is_not_labelled_by_the_row(rule, stance, text):
    assert rule not in {r.rule.split("+")[0] for r in find_stance(text)}
