import pandas as pd
import pytest

from analysis import schema


def test_every_column_has_a_description():
    for table, cols in schema.TABLES.items():
        assert cols, table
        assert all(desc.strip() for desc in cols.values()), table


def test_design_columns_present_in_order():
    # DESIGN §2: these columns are contracts other tools rely on.
    assert schema.columns("spans") == ["doc_id", "layer", "label", "start", "end", "text", "value", "rule"]
    assert schema.columns("articles")[:8] == ["doc_id", "title", "outlet", "credit", "url", "published", "text",
                                              "source_path"]
    assert schema.columns("statements")[:6] == ["doc_id", "statement_id", "sent_index", "start", "end", "text"]
    assert schema.columns("counts")[:8] == ["period", "stance", "actor", "n_statements", "n_docs", "share",
                                            "ci_low", "ci_high"]


def test_frame_fills_and_types():
    df = schema.frame("spans", [{"doc_id": "a", "layer": "cue", "start": 1, "end": 3}])
    assert df.loc[0, "label"] == "" and df["start"].dtype == "int64"
    assert list(df.columns) == schema.columns("spans")


def test_frame_refuses_unknown_columns():
    with pytest.raises(ValueError, match="unknown columns"):
        schema.frame("spans", [{"doc_id": "a", "colour": "red"}])


def test_empty_has_columns():
    assert isinstance(schema.empty("statements"), pd.DataFrame)
    assert list(schema.empty("counts").columns) == schema.columns("counts")
