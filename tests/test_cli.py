"""The command line on a messy folder of your own: good files processed, bad ones listed, exit 0, no traceback."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli

REPO = Path(__file__).resolve().parents[1]

GOOD = ('North Korea on Tuesday denied that it had supplied arms to Russia. "We have never had arms '
        'dealings with Russia," the foreign ministry said in a statement. The United States accused '
        'Pyongyang in September of covertly shipping artillery shells.')


def messy_folder(root: Path) -> Path:
    """The acceptance folder: good files (one a wire copy of another), an empty file, a binary file, cp1252, BOM, CRLF, HTML payloads, a bad date."""
    folder = root / "mine"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.md").write_text(f"---\ntitle: Good\npublished: 2022-11-08\noutlet: a.com\n---\n{GOOD}\n",
                                    encoding="utf-8")
    (folder / "sub" / "wire-copy.md").write_text(
        f"---\ntitle: Good elsewhere\npublished: 2022-11-08\noutlet: b.com\n---\n{GOOD}\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "sub" / "cp1252.txt").write_bytes(
        "The minist\u00e8re said \u201cno\u201d to the claim \u2014 officials denied it on Monday.".encode("cp1252"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbfThe United States accused Russia of buying shells, officials said.")
    (folder / "crlf.md").write_bytes(b"---\r\npublished: 2022-11-09\r\n---\r\nLine one, the spokesman said.\r\n\r\nLine two.\r\n")
    (folder / "page.html").write_text(
        "<html><head><title>Page</title><meta property=\"article:published_time\" content=\"2022-11-10\">"
        "<script>alert('head')</script></head><body><article><h1>North Korea denies claims</h1>"
        "<p>North Korea on Thursday denied the claims, calling them a smear, the ministry said in a statement.</p>"
        "<img src=x onerror=\"alert('img')\"><p>Readers posted &lt;script&gt;alert('text')&lt;/script&gt; and "
        "&lt;img src=x onerror=alert(1)&gt; under the story, the site's editor said.</p></article></body></html>",
        encoding="utf-8")
    (folder / "impossible.md").write_text("---\ntitle: Impossible\npublished: 2022-02-30\n---\nSome text, he said.\n",
                                          encoding="utf-8")
    return folder


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def acceptance(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    folder = messy_folder(root)
    out = root / "out"
    return folder, out, run_cli("report", str(folder), "--out", str(out))


def test_acceptance_exit_0_one_line_summary_no_traceback(acceptance):
    _, out, proc = acceptance
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("report: 6 article(s) processed, 3 rejected, 1 wire copy not counted")


def test_acceptance_rejects_listed_with_reasons(acceptance):
    _, out, proc = acceptance
    with (out / "rejects.csv").open(encoding="utf-8", newline="") as f:
        reasons = {Path(r["source_path"]).name: r["reason"] for r in csv.DictReader(f)}
    assert reasons == {"empty.txt": "empty file", "binary.txt": "binary file (contains NUL bytes), not text",
                       "impossible.md": "published date '2022-02-30' is not a real date"}
    skipped = [line for line in proc.stderr.splitlines() if line.startswith("skipped: ")]
    for name, reason in reasons.items():  # one stderr line per reject names the file and says why
        assert any(name in line and line.endswith(reason) for line in skipped), (name, skipped)


def test_acceptance_good_files_processed(acceptance):
    _, out, _ = acceptance
    with (out / "articles.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["doc_id"]: r for r in csv.DictReader(f)}
    assert sorted(rows) == ["bom", "cp1252", "crlf", "good", "page", "wire-copy"]
    assert (rows["wire-copy"]["wire_group"], rows["wire-copy"]["collapsed"]) == ("good", "True")
    assert (rows["good"]["wire_group"], rows["good"]["collapsed"]) == ("good", "False")
    assert rows["cp1252"]["text"].startswith("The minist\u00e8re said \u201cno\u201d")
    assert rows["bom"]["text"].startswith("The United States")
    assert "\r" not in rows["crlf"]["text"] and rows["crlf"]["published"] == "2022-11-09"
    assert rows["page"]["published"] == "2022-11-10"
    assert "alert('head')" not in rows["page"]["text"]
    assert "<script>alert('text')</script>" in rows["page"]["text"]  # visible text kept verbatim ...


def test_acceptance_no_unescaped_markup_in_any_html(acceptance):
    from test_security import assert_inert

    _, out, _ = acceptance
    pages = list(out.rglob("*.html"))
    assert len(pages) == 7
    for page in pages:
        assert_inert(page.read_text(encoding="utf-8"), str(page))  # ... and escaped in every page


def test_strict_exits_2_on_any_reject_and_wire_copies_can_be_kept(acceptance, tmp_path, capsys):
    folder, _, _ = acceptance
    out = tmp_path / "strict"
    assert cli.main(["report", str(folder), "--out", str(out), "--strict", "--no-progress", "--keep-wire-copies"]) == 2
    assert "report: 6 article(s) processed, 3 rejected, " in capsys.readouterr().out
    with (out / "articles.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["doc_id"]: r for r in csv.DictReader(f)}
    assert rows["wire-copy"]["wire_group"] == "good"  # the group is still recorded ...
    assert {r["collapsed"] for r in rows.values()} == {"False"}  # ... but every copy counts


def test_nothing_usable_is_exit_2_one_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli("report", str(tmp_path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "no article could be read" in proc.stderr


@pytest.mark.parametrize("argv, status, message", [
    (["report", "/no/such/folder"], 2, "no such file or folder"),
    (["report", "--published", "2022-02-30", "x"], 2, "not a real date"),
    (["statements", "/no/such.csv"], 2, "no such file or folder"),
])
def test_bad_input_exit_status(argv, status, message, capsys, tmp_path):
    assert cli.main([*argv, *(["--out", str(tmp_path / "o")] if argv[0] == "report" else [])]) == status
    assert message in capsys.readouterr().err


def test_statements_from_csv_with_named_columns(tmp_path, capsys):
    (tmp_path / "archive.csv").write_text(
        "story,when\n"
        f"\"{GOOD.replace(chr(34), chr(34) * 2)}\",2022-11-08\n"
        ",2022-11-08\n", encoding="utf-8")
    status = cli.main(["statements", str(tmp_path / "archive.csv"), "--text-column", "story", "--date-column",
                       "when", "--workers", "1"])
    out = capsys.readouterr()
    assert status == 0
    assert out.out.splitlines()[0].startswith("doc_id,statement_id")
    assert "archive-1:" in out.out
    assert "archive.csv#row=2: empty article text" in out.err


def test_statements_command_never_imports_pandas_and_matches_the_frame_route(acceptance):
    """`statements` passes rows end to end (half its start-up was importing pandas); its
    output is the statements table the frame route (`annotate_articles`) gives."""
    folder, _, _ = acceptance
    probe = ("import contextlib, io, sys\nfrom analysis import cli\nout = io.StringIO()\n"
             "with contextlib.redirect_stdout(out):\n    status = cli.main(['statements', sys.argv[1], '--no-progress'])\n"
             "print(status, sorted(m for m in ('pandas', 'pyarrow', 'matplotlib') if m in sys.modules))\n"
             "sys.stderr.write(out.getvalue())\n")
    proc = subprocess.run([sys.executable, "-c", probe, str(folder)], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.stdout.strip() == "0 []", proc.stdout + proc.stderr
    written = proc.stderr[proc.stderr.index("doc_id,statement_id"):]

    from analysis import export, load, pipeline

    articles = load.load_inputs([folder]).articles
    _, statements = pipeline.annotate_articles(articles, workers=1)
    assert len(statements) > 5
    assert written == export.spreadsheet_safe(statements).to_csv(index=False)
