import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import export


@pytest.mark.parametrize("name, expected", [
    ("North Korea denies arms dealings", "North-Korea-denies-arms-dealings"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("Kim Yo-jong’s statement", "Kim-Yo-jongs-statement"),
    ("", "article"),
    ("///", "article"),
    ("a" * 300, "a" * 80),
])
def test_safe_filename(name, expected):
    assert export.safe_filename(name) == expected


def test_save_figure_writes_everything(tmp_path):
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2], label="x")
    ax.legend()
    data = pd.DataFrame({"period": ["a", "b"], "n": [1, 2]})
    paths = export.save_figure(fig, "my figure", tmp_path, data, {"denominator": "all statements", "inputs": ["x"]})
    plt.close(fig)
    assert {p.name for p in paths.values()} == {"my-figure.png", "my-figure.svg", "my-figure.pdf", "my-figure.csv",
                                                "my-figure.caption.json"}
    assert paths["png"].read_bytes()[:4] == b"\x89PNG"
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    assert b"<svg" in paths["svg"].read_bytes()[:2000]
    assert pd.read_csv(paths["csv"]).equals(data)
    caption = json.loads(paths["caption"].read_text())
    assert caption["denominator"] == "all statements" and caption["kit_version"] and len(caption["lexicon_hash"]) == 12


def test_svg_is_reproducible(tmp_path):
    def draw(out):
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        paths = export.save_figure(fig, "f", out, pd.DataFrame({"x": [1]}), {})
        plt.close(fig)
        return paths["svg"].read_bytes()
    assert draw(tmp_path / "a") == draw(tmp_path / "b")


def test_write_statements_jsonl(tmp_path):
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    path = export.write_statements(df, tmp_path / "s.jsonl")
    assert [json.loads(line) for line in path.read_text().splitlines()] == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]


def test_unique_name():
    used: set[str] = set()
    assert [export.unique_name("articles/a-b", ".html", used) for _ in range(3)] == \
        ["articles/a-b.html", "articles/a-b-2.html", "articles/a-b-3.html"]
    assert export.unique_name("articles/A-B", ".html", used) == "articles/A-B-4.html"   # case-insensitive disks
