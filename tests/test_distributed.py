"""The Dask path on a local cluster gives the same tables and counts as one process."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from analysis import distributed, load, pipeline  # noqa: E402

STORY = ('North Korea on Tuesday denied supplying artillery shells to Russia. "We have never had arms dealings '
         'with Russia," the foreign ministry said in a statement. The United States accused Pyongyang in '
         'September of covertly shipping shells, officials said. Analysts said the denial followed a pattern.')


def corpus_folder(root: Path) -> Path:
    folder = root / "in"
    (folder / "feeds").mkdir(parents=True)
    for i, (outlet, day) in enumerate([("a.com", "2022-11-08"), ("b.com", "2022-11-09"), ("c.com", "2022-11-08")]):
        (folder / f"wire{i}.md").write_text(f"---\npublished: {day}\noutlet: {outlet}\n---\n{STORY}\n", encoding="utf-8")
    (folder / "own.txt").write_text("Russia accused Ukraine on Monday of shelling the plant, the agency reported. "
                                    "Kyiv denied the claim, saying it had never targeted the site.", encoding="utf-8")
    (folder / "dup.txt").write_text("Russia accused Ukraine on Monday of shelling the plant, the agency reported. "
                                    "Kyiv denied the claim, saying it had never targeted the site.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "feeds" / "rows.csv").write_text(
        "text,date\n\"Officials said on Friday that the talks had failed, according to a statement.\",2022-10-07\n"
        ",2022-10-07\n\"He denied it, he said.\",2022-13-01\n", encoding="utf-8")
    polnear = folder / "polnear"
    (polnear / "text").mkdir(parents=True)
    (polnear / "text" / "p1.txt").write_text("The senator denied the report on Wednesday, an aide said.", encoding="utf-8")
    (polnear / "metadata.tsv").write_text("filename\tpublisher\tpublication_date\ttitle\np1\tnyt\t2016-11-09\tP1\n"
                                          "p2\tnyt\t2016-11-09\tP2\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client():
    client = distributed.local_client(workers=2, processes=False)
    yield client
    client.close()
    client.cluster.close()


@pytest.fixture(scope="module")
def both(tmp_path_factory, client):
    root = tmp_path_factory.mktemp("dask")
    folder = corpus_folder(root)
    single = load.load_inputs([folder])
    tables = pipeline.run(single.articles, rejects=single.rejects, workers=1)
    summary = distributed.run_dask([folder], root / "parquet", partition_size=3)
    return tables, summary, root / "parquet"


def test_same_counts_as_one_process(both):
    tables, _, out = both
    pd.testing.assert_frame_equal(distributed.count_statements(out), tables.counts)


def test_same_articles_statements_and_rejects(both):
    tables, summary, out = both
    assert summary.partitions == 3
    assert (summary.articles, summary.rejects, summary.statements) == (
        len(tables.articles), len(tables.rejects), len(tables.statements))
    back = distributed.read_tables(out)
    assert back.articles["doc_id"].tolist() == tables.articles["doc_id"].tolist()
    assert back.articles["wire_group"].tolist() == tables.articles["wire_group"].tolist()
    assert back.articles["collapsed"].tolist() == tables.articles["collapsed"].tolist()
    pd.testing.assert_frame_equal(back.statements, tables.statements)
    pd.testing.assert_frame_equal(back.spans, tables.spans)
    assert back.rejects.to_dict("records") == tables.rejects.to_dict("records")


def test_wire_copies_counted_once(both):
    tables, summary, _ = both
    assert summary.wire_copies_collapsed == 2
    assert tables.articles.set_index("doc_id")["collapsed"].to_dict()["wire1"]


def test_rerun_replaces_partitions(both, tmp_path):
    _, _, out = both
    before = sorted(p.name for p in (out / "articles").iterdir())
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "one.txt").write_text("One article, he said.", encoding="utf-8")
    summary = distributed.run_dask([folder], tmp_path / "p", scheduler="synchronous")
    assert summary.articles == 1 and summary.partitions == 1
    assert distributed.read_table(tmp_path / "p", "articles")["doc_id"].tolist() == ["one"]
    assert len(before) == 3


def test_empty_run_reads_back_empty_tables(tmp_path):
    summary = distributed.run_dask([tmp_path / "missing"], tmp_path / "p", scheduler="synchronous")
    assert (summary.articles, summary.rejects) == (0, 1)
    assert distributed.count_statements(tmp_path / "p").empty
