"""Hostile inputs and interrupted runs (issue 13): nothing crashes, nothing is lost, nothing is injected.

One test (or a few) per point of the issue; each failed on the code before the fix.
Point 6 (classroom sheets) is tested in test_classroom.py.
"""
from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, export, load, pipeline, render, schema
from analysis.errors import InputError

REPO = Path(__file__).resolve().parents[1]

STORY = ('North Korea on Tuesday denied that it had supplied arms to Russia. "We have never had arms dealings '
         'with Russia," the foreign ministry said in a statement. The United States accused Pyongyang in '
         'September of covertly shipping artillery shells.')


def article(folder: Path, name: str, body: str = STORY, **meta) -> Path:
    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}\n" if meta else f"{body}\n", encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=300)


def assert_one_line_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


# ---------------------------------------------------------------- 1. everyday dates

def test_first_century_is_a_date_not_a_crash(tmp_path):
    path = article(tmp_path, "century.md", "The ministry said the two countries have traded since the 1st "
                                           "century, and denied the report.", published="2022-11-08")
    proc = run_cli("statements", path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    # the 1st century is read as a date (what was said is about it), never a crash
    assert rows and "0001-01-01" in {r["event_start"] for r in rows} | {r["about_start"] for r in rows}
    out = tmp_path / "out"
    proc = run_cli("report", path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").is_file()
    caption = json.loads((out / "figures" / "who-said-what-when.caption.json").read_text())
    assert "not drawn" in caption["not_drawn"]  # in the CSV, off the time axis


def test_placeholder_published_dates_are_unknown_and_the_report_completes(tmp_path):
    inputs = tmp_path / "in"
    article(inputs, "a.md", published="0001-01-01", outlet="a.com")
    article(inputs, "b.md", STORY.replace("Tuesday", "Monday"), published="9999-12-31", outlet="b.com")
    out = tmp_path / "out"
    proc = run_cli("report", inputs, "--out", out)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert (out / "index.html").is_file()
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False, dtype=str)
    assert set(articles["published"]) == {""}
    assert all("treated as unknown" in n for n in articles["notes"])


def test_placeholder_date_given_on_the_command_line_is_one_line(tmp_path):
    path = article(tmp_path, "a.md")
    assert_one_line_error(run_cli("report", path, "--published", "9999-12-31", "--out", tmp_path / "out"),
                          "--published", "9999-12-31")


# ---------------------------------------------------------------- 2. time grows with the input

def test_annotation_work_is_linear_in_the_article():
    """Characters the annotators copy out of the article per character of it: flat as it grows.

    A proxy for time that a busy machine cannot disturb: before the fix, "the ministry" and a
    closing quote were looked up by slicing the article from its start (quadratic).
    """
    from analysis import annotate

    class CountingStr(str):
        sliced = 0

        def __getitem__(self, key):
            out = str.__getitem__(self, key)
            CountingStr.sliced += len(out)
            return out

    paragraph = (STORY + " John Kirby, a spokesman for the National Security Council, said the statement was "
                 "false. The ministry said the report was a smear.\n\n")
    per_char = []
    for n in (10, 40):
        text = CountingStr(paragraph * n)
        CountingStr.sliced = 0
        annotate.annotate("d", text)
        per_char.append(CountingStr.sliced / len(text))
    assert per_char[1] < 1.5 * per_char[0], per_char


def test_pages_are_rendered_from_each_articles_own_rows(tmp_path, monkeypatch):
    rows = [{"doc_id": f"d{i}", "title": f"t{i}", "text": STORY, "published": "2022-11-08"} for i in range(4)]
    tables = pipeline.run(schema.frame("articles", rows), workers=1)
    seen = []
    original = render.article_html

    def spy(article, spans, statements, *args, **kwargs):
        seen.append((article["doc_id"], set(spans["doc_id"]), set(statements["doc_id"])))
        return original(article, spans, statements, *args, **kwargs)

    monkeypatch.setattr(render, "article_html", spy)
    export.write_report(tables, tmp_path / "out")
    assert len(seen) == 4
    for doc_id, span_docs, statement_docs in seen:  # not the whole corpus filtered again per page
        assert span_docs == {doc_id} and statement_docs == {doc_id}


# ---------------------------------------------------------------- 3. CSV formula injection

FORMULA = '=HYPERLINK("http://evil.example","click")'


def all_csv_cells(folder: Path):
    for path in folder.rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    yield path.name, cell


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("inject")
    inputs = root / "in"
    body = ("=1+1 the ministry said.\n\n+SUM(A1) North Korea denied the accusation, the spokesman said.\n\n"
            "-2+3 \"@cmd|' /C calc'!A0,\" the official said. " + STORY)
    article(inputs, "a.md", body, id=FORMULA, title="=1+1", outlet="@SUM(1)", credit="-1", published="2022-11-08")
    article(inputs, "b.md", STORY, title="+2", outlet="=cmd", published="2022-12-08")
    (inputs / "=1+1.md").write_bytes(b"")  # rejected: its name is a rejects.csv cell
    out = root / "out"
    proc = run_cli("report", inputs, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return inputs, out


def test_no_csv_cell_starts_a_formula(hostile_report):
    _, out = hostile_report
    cells = list(all_csv_cells(out))
    assert {"articles.csv", "spans.csv", "statements.csv", "rejects.csv"} <= {name for name, _ in cells}
    risky = [(name, cell[:40]) for name, cell in cells if cell.startswith(export.FORMULA_PREFIXES)]
    assert not risky
    assert any(cell == "'" + FORMULA for _, cell in cells)  # kept, shown as text


def test_raw_values_stay_available(hostile_report, tmp_path):
    inputs, _ = hostile_report
    raw = tmp_path / "raw"
    assert run_cli("report", inputs, "--out", raw, "--raw-csv").returncode == 0
    articles = pd.read_csv(raw / "articles.csv", keep_default_na=False, dtype=str)
    assert FORMULA in set(articles["doc_id"])
    proc = run_cli("statements", inputs, "--out", tmp_path / "s.jsonl")
    assert proc.returncode == 0
    ids = {json.loads(line)["doc_id"] for line in (tmp_path / "s.jsonl").read_text().splitlines()}
    assert FORMULA in ids


def test_statements_on_standard_output_are_spreadsheet_safe(hostile_report):
    inputs, _ = hostile_report
    proc = run_cli("statements", inputs)
    assert proc.returncode == 0
    cells = [cell for row in csv.reader(proc.stdout.splitlines()) for cell in row]
    assert cells and not [c for c in cells if c.startswith(export.FORMULA_PREFIXES)]


def test_spreadsheet_safe_leaves_numbers_alone():
    frame = pd.DataFrame({"n": [-1, 2], "x": [-0.5, 1.0], "t": ["-1", "ok"], "b": [True, False]})
    safe = export.spreadsheet_safe(frame)
    assert safe["n"].tolist() == [-1, 2] and safe["x"].tolist() == [-0.5, 1.0]
    assert safe["t"].tolist() == ["'-1", "ok"] and safe["b"].tolist() == [True, False]


# ---------------------------------------------------------------- 4. malformed tables

@pytest.mark.parametrize("name, content", [
    ("shape.json", '{"articles": 5}'),
    ("null.json", '{"articles": null}'),
    ("text.json", '{"articles": "text"}'),
])
def test_malformed_json_is_a_reject(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    article(tmp_path, "good.md", published="2022-11-08")
    result = load.load_inputs([tmp_path])
    assert result.articles["doc_id"].tolist() == ["good"]
    assert len(result.rejects) == 1 and name in result.rejects["source_path"][0]


def test_jsonl_keeps_its_good_lines_around_a_deep_array_and_a_huge_integer(tmp_path):
    good = json.dumps({"id": "g1", "text": STORY, "published": "2022-11-08"})
    lines = [good, "[" * 100_000 + "]" * 100_000, '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",
             good.replace("g1", "g2").replace("Tuesday", "Friday")]
    (tmp_path / "t.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load.load_inputs([tmp_path / "t.jsonl"])
    assert result.articles["doc_id"].tolist() == ["g1", "g2"]
    reasons = dict(zip(result.rejects["source_path"], result.rejects["reason"]))
    assert "nested too deeply" in reasons[f"{tmp_path / 't.jsonl'}#line=2"]
    assert reasons[f"{tmp_path / 't.jsonl'}#line=3"].startswith("invalid JSON")


# ---------------------------------------------------------------- 5. unreadable subfolders

def test_unreadable_subfolder_and_link_into_it_are_rejects(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    article(inputs, "good.md", published="2022-11-08")
    private = tmp_path / "private"
    article(private, "secret.md")
    (inputs / "locked").mkdir()
    article(inputs / "locked", "x.md")
    (inputs / "link.md").symlink_to(private / "secret.md")
    (inputs / "linkdir").symlink_to(private)
    # Simulate permissions (the tests may run as root, who can read everything).
    real_stat, real_iterdir = Path.stat, Path.iterdir

    def denied(path: Path) -> bool:
        return "private" in os.path.realpath(path) or path.name == "locked" or "locked" in path.parts

    def fake_stat(self, *, follow_symlinks=True):
        if (follow_symlinks and "private" in os.path.realpath(self)) or "locked" in self.parts[:-1]:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    def fake_iterdir(self):
        if denied(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "stat", fake_stat)
    monkeypatch.setattr(Path, "iterdir", fake_iterdir)
    result = load.load_inputs([inputs])
    assert result.articles["doc_id"].tolist() == ["good"]
    reasons = {Path(p).name: r for p, r in zip(result.rejects["source_path"], result.rejects["reason"])}
    assert "permission denied" in reasons["locked"]
    assert "permission denied" in reasons["link.md"] or "outside the input folder" in reasons["link.md"]
    assert "linkdir" in reasons


# ---------------------------------------------------------------- 7. half-written or mixed output folders

@pytest.fixture
def two_corpora(tmp_path):
    first = tmp_path / "first"
    article(first, "a.md", published="2022-10-08", outlet="a.com")
    article(first, "b.md", STORY.replace("Tuesday", "Friday"), published="2022-11-09", outlet="b.com")
    second = tmp_path / "second"
    article(second, "c.md", STORY.replace("Tuesday", "Sunday"), published="2022-11-08", outlet="c.com")
    return first, second


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_rerun_leaves_no_stale_files(tmp_path, two_corpora):
    first, second = two_corpora
    out = tmp_path / "out"
    assert run_cli("report", first, "--out", out).returncode == 0
    assert (out / "articles" / "a.html").is_file() and (out / "figures" / "by-outlet-over-time.png").is_file()
    assert run_cli("report", second, "--out", out).returncode == 0
    names = set(snapshot(out))
    assert "articles/a.html" not in names and "figures/by-outlet-over-time.png" not in names
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # no temporary folder or lock left


def test_interrupted_run_leaves_the_previous_report_whole(tmp_path, two_corpora, monkeypatch):
    first, second = two_corpora
    out = tmp_path / "out"
    assert run_cli("report", first, "--out", out).returncode == 0
    before = snapshot(out)
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "article_html", interrupted)
    try:
        status = cli.main(["report", str(second), "--out", str(out), "--workers", "1"])
    except KeyboardInterrupt:  # escaped as a traceback
        status = None
    assert status == 130
    assert calls and snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "out", "second"]


def test_full_disk_names_the_file_and_keeps_the_previous_report(tmp_path, two_corpora, monkeypatch, capsys):
    first, second = two_corpora
    out = tmp_path / "out"
    assert run_cli("report", first, "--out", out).returncode == 0
    before = snapshot(out)
    real_to_csv = pd.DataFrame.to_csv

    def full(self, path_or_buf=None, *args, **kwargs):
        if str(path_or_buf).endswith("spans.csv"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_to_csv(self, path_or_buf, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    assert cli.main(["report", str(second), "--out", str(out), "--workers", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"error: {out / 'spans.csv'}:") and "No space left on device" in err[-1]
    assert snapshot(out) == before


def test_second_run_into_a_busy_folder_is_refused(tmp_path, two_corpora):
    first, _ = two_corpora
    out = tmp_path / "out"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / ".out.lock").write_text(f"{sleeper.pid}\n")
        proc = run_cli("report", first, "--out", out)
        assert_one_line_error(proc, str(out), "another run", str(sleeper.pid))
        assert not out.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    # the writer died: its lock is taken over
    assert run_cli("report", first, "--out", out).returncode == 0
    assert (out / "index.html").is_file() and not (tmp_path / ".out.lock").exists()


def test_a_folder_of_someone_elses_files_is_never_replaced(tmp_path, two_corpora):
    first, _ = two_corpora
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"precious")
    assert_one_line_error(run_cli("report", first, "--out", out), "chapter1.docx")
    assert (out / "chapter1.docx").read_bytes() == b"precious"


# ---------------------------------------------------------------- 8. one bad byte in a UTF-8 file

def test_a_bad_byte_does_not_turn_utf8_into_cp1252(tmp_path):
    raw = "\u201cWe deny it,\u201d the Foreign Ministry said. ".encode("utf-8") * 5 + b"\xff" + b" The end."
    (tmp_path / "a.txt").write_bytes(raw)
    row = load.read_article(tmp_path / "a.txt")
    assert "\u201cWe deny it,\u201d the Foreign Ministry" in row["text"] and "\u00e2\u20ac" not in row["text"]
    assert "\ufffd" in row["text"] and "not valid UTF-8" in row["notes"] and "0xff" in row["notes"]


def test_undecodable_reason_names_the_first_bad_byte():
    raw = b"caf\xe9 " + b"\x81\x8d\x8f\x90\x9d" * 50
    with pytest.raises(InputError, match=r"byte 3: 0xe9"):
        load.decode(raw, "x.txt")


# ---------------------------------------------------------------- 9. memory

def test_table_files_are_streamed_not_read_whole(tmp_path, monkeypatch):
    lines = [json.dumps({"id": f"a{i}", "text": f"{STORY} ({i})", "published": "2022-11-08"}) for i in range(3)]
    (tmp_path / "t.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "t.csv").write_text("id,text\nc1,\"" + STORY.replace('"', '""') + '"\n', encoding="utf-8")

    def whole(self, *args, **kwargs):
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(Path, "read_text", whole)
    result = load.load_inputs([tmp_path / "t.csv", tmp_path / "t.jsonl"])
    assert result.articles["doc_id"].tolist() == ["c1", "a0", "a1", "a2"]


def test_a_huge_outlet_name_makes_a_normal_figure(tmp_path):
    import matplotlib.image as mpimg

    inputs = tmp_path / "in"
    article(inputs, "a.md", published="2022-10-08", outlet="Very Long Outlet " * 60)
    article(inputs, "b.md", STORY.replace("Tuesday", "Friday"), published="2022-11-09", outlet="b.com")
    out = tmp_path / "out"
    assert run_cli("report", inputs, "--out", out).returncode == 0
    height, width = mpimg.imread(out / "figures" / "by-outlet-over-time.png").shape[:2]
    assert width < 5000 and height < 5000
    by_outlet = pd.read_csv(out / "figures" / "by-outlet-over-time.csv", keep_default_na=False)
    assert max(map(len, by_outlet["outlet"])) <= load.NAME_MAX  # cut once at load, with a note
    notes = pd.read_csv(out / "articles.csv", keep_default_na=False)["notes"]
    assert any("outlet cut" in n for n in notes)


# ---------------------------------------------------------------- 10. other tracebacks

def test_mathtext_in_names_is_drawn_as_text(tmp_path):
    inputs = tmp_path / "in"
    article(inputs, "a.md", published="2022-10-08", outlet="$\\frac{$")
    article(inputs, "b.md", STORY.replace("Tuesday", "Friday"), published="2022-11-09", outlet="b$^{$")
    events = tmp_path / "events.csv"
    events.write_text("date,actor,actor_country,stance,paraphrase\n2022-09-01,$\\frac{$,X,denial,$x^{$\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("report", inputs, "--events", events, "--out", out)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert (out / "index.html").is_file()


def test_binary_events_file_is_one_line(tmp_path):
    events = tmp_path / "events.csv"
    events.write_bytes(bytes(range(128, 256)) * 40)  # no NUL: not UTF-8, mostly control codes in latin-1
    assert_one_line_error(run_cli("report", article(tmp_path, "a.md"), "--events", events, "--out", tmp_path / "o"),
                          "events.csv")


def test_broken_lexicon_regex_names_file_and_row(tmp_path, monkeypatch, capsys):
    from analysis import lexicons

    folder = tmp_path / "lexicons"
    folder.mkdir()
    for path in lexicons.LEXICON_DIR.glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    hedges = (folder / "hedges.csv").read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(hedges) if line.startswith("rule,"))
    cells = next(csv.reader([hedges[header + 2]]))
    cells[hedges[header].split(",").index("pattern")] = "(unclosed"
    hedges[header + 2] = ",".join(f'"{c}"' for c in cells)
    (folder / "hedges.csv").write_text("\n".join(hedges) + "\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "LEXICON_DIR", folder)
    lexicons.load_lexicon.cache_clear()
    try:
        assert cli.main(["statements", str(article(tmp_path, "a.md")), "--workers", "1"]) == 2
    finally:
        lexicons.load_lexicon.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "hedges.csv#row=2" in err[0] and "pattern" in err[0], err


# ---------------------------------------------------------------- 11. small ones

def test_links_out_of_the_folder_devices_and_empty_subfolders(tmp_path):
    inputs = tmp_path / "in"
    article(inputs, "good.md", published="2022-11-08")
    outside = article(tmp_path, "outside.md", "A secret text, the owner said.")
    (inputs / "passwd.md").symlink_to(outside)
    (inputs / "null.txt").symlink_to("/dev/null")
    (inputs / "empty").mkdir()
    article(inputs / "inner", "inside.md", STORY.replace("Tuesday", "Friday"))
    (inputs / "alias.md").symlink_to(inputs / "inner" / "inside.md")  # inside the folder: followed
    result = load.load_inputs([inputs])
    reasons = {Path(p).name: r for p, r in zip(result.rejects["source_path"], result.rejects["reason"])}
    assert reasons["passwd.md"].startswith("link to a file outside the input folder")
    assert reasons["null.txt"] == "not a regular file"
    assert reasons["empty"] == "folder holds no files"
    assert "secret" not in " ".join(result.articles["text"])
    ids = set(result.articles["doc_id"])
    assert "good" in ids and {"alias", "inside"} & ids  # read once (the second is a duplicate)


# ---------------------------------------------------------------- 12. reproducible install

def test_every_extractor_the_loader_relies_on_imports():
    """A missing transitive package (lxml_html_clean for justext) must fail here, not turn pages into rejects."""
    import importlib

    for name in ("trafilatura", "justext", "lxml.html.clean", "lxml_html_clean", "htmldate", "courlan",
                 "charset_normalizer"):
        importlib.import_module(name)
    page = ("<html><body><article><p>North Korea on Tuesday denied that it had supplied arms to Russia, "
            "the foreign ministry said in a statement on its website.</p></article></body></html>")
    assert "denied" in load.extract_html(page)["text"]


def test_lock_pins_every_package_and_make_installs_it():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    names = {d.split("==")[0].lower().replace("_", "-") for d in project["dependencies"]}
    assert "lxml-html-clean" in names  # explicit, not left to the pip version's extras handling
    lock = (REPO / "requirements.lock").read_text()
    pins = dict(line.split("==") for line in lock.splitlines() if "==" in line and not line.startswith("#"))
    pins = {k.lower().replace("_", "-"): v.split()[0] for k, v in pins.items()}
    for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
        name, _, version = dep.partition("==")
        if version:
            assert pins[name.lower().replace("_", "-")] == version, name
    assert {"lxml", "justext", "htmldate", "courlan", "charset-normalizer", "lxml-html-clean"} <= set(pins)
    dry = subprocess.run(["make", "-n", "-B", ".venv/.installed"], cwd=REPO, capture_output=True, text=True)
    assert "requirements.lock" in dry.stdout
    assert "requirements.lock" in (REPO / "environment.yml").read_text()
