"""Checks on the shipped data: the timeline, the article's errors, the data dictionary, the article."""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from analysis.schema import TABLES

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
EVENTS = DATA / "timeline" / "events.csv"
ERRORS = DATA / "timeline" / "article_errors.csv"
README = DATA / "README.md"
ARTICLE = DATA / "articles" / "000_69a36e7ce07eb426.md"
REFERENCE = REPO.parent / "shared" / "reference" / "000_69a36e7ce07eb426.txt"

EVENT_COLUMNS = ["date", "actor", "actor_country", "speaker_type", "stance", "about", "paraphrase", "source_title",
                 "url"]
ERROR_COLUMNS = ["doc_id", "quote", "claim_in_article", "primary_record", "source_title", "url", "status"]
STANCES = {"accusation", "denial", "rejection", "admission", "other"}
COUNTRIES = {"United States", "North Korea", "Russia", "South Korea", "Japan", "multinational"}
STATUSES = {"confirmed error", "partly right", "probable", "unconfirmed"}
FIRST_DAY, LAST_DAY = dt.date(2022, 2, 24), dt.date(2025, 4, 30)
QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb'


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def iso_date(value: str) -> dt.date | None:
    """The date for a strict YYYY-MM-DD string, else None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@pytest.mark.parametrize("value, expected", [
    ("2022-11-08", dt.date(2022, 11, 8)),
    ("2022-02-30", None),          # not a real day
    ("2022-11-8", None),           # not zero-padded
    ("2022-09-21/22", None),       # a range, not one date
    ("08/11/2022", None),
    ("", None),
])
def test_iso_date_helper(value, expected):
    assert iso_date(value) == expected


# ---------------------------------------------------------------- events.csv

@pytest.fixture(scope="module")
def events():
    return read_csv(EVENTS)


def test_events_header(events):
    assert events[0] == EVENT_COLUMNS


def test_events_not_empty(events):
    assert len(events[1]) >= 30


def test_events_dates_real_and_in_range(events):
    for row in events[1]:
        day = iso_date(row["date"])
        assert day is not None, row
        assert FIRST_DAY <= day <= LAST_DAY, row


def test_events_sorted(events):
    dates = [row["date"] for row in events[1]]
    assert dates == sorted(dates)


def test_events_allowed_values(events):
    for row in events[1]:
        assert row["stance"] in STANCES, row
        assert row["actor_country"] in COUNTRIES, row
        assert row["actor"].strip(), row


def test_events_paraphrase_source_url(events):
    for row in events[1]:
        text = row["paraphrase"].strip()
        assert text and "\n" not in text, row
        assert not any(mark in text for mark in QUOTE_MARKS), row
        assert 8 <= len(text.split()) <= 30, row  # brief: about 10-25 words
        assert row["source_title"].strip(), row
        assert re.match(r"https?://\S+$", row["url"]), row


def test_events_key_rows(events):
    rows = events[1]
    assert any(r["stance"] == "admission" and r["date"].startswith("2025") for r in rows)
    for day in ("2022-09-22", "2022-11-08"):
        assert any(r["date"] == day and r["stance"] == "denial" and r["actor_country"] == "North Korea"
                   for r in rows), day
    # The article's "last week": Kirby's accusation of Wed 2022-11-02.
    assert any(r["date"] == "2022-11-02" and r["stance"] == "accusation" and "Kirby" in r["actor"] for r in rows)
    assert any(r["date"] == "2022-02-24" and r["stance"] == "other" and r["actor_country"] == "Russia" for r in rows)


@pytest.mark.parametrize("day, actor_part, stance", [
    ("2023-10-28", "Choe Son Hui", "rejection"),
    ("2024-10-25", "Kim Jong Gyu", "other"),
    ("2022-11-09", "Zakharova", "denial"),
    ("2025-04-26", "Gerasimov", "admission"),
    ("2025-04-28", "Kim Jong Un", "admission"),
])
def test_events_stance_of_hard_cases(events, day, actor_part, stance):
    matches = [r for r in events[1] if r["date"] == day and actor_part in r["actor"]]
    assert matches and all(r["stance"] == stance for r in matches)


def test_events_leave_out_reprints(events):
    # Wire reprints (dpa, NAN) are provenance, not statements: they live in article_errors.csv.
    for row in events[1]:
        assert not re.search(r"\b(dpa|NAN)\b|newspotng|an24", row["actor"] + " " + row["url"]), row


def test_events_no_duplicate_rows(events):
    keys = [(r["date"], r["actor"], r["stance"]) for r in events[1]]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------- article_errors.csv

@pytest.fixture(scope="module")
def errors():
    return read_csv(ERRORS)


def test_errors_header_and_status(errors):
    header, rows = errors
    assert header == ERROR_COLUMNS
    assert rows
    for row in rows:
        assert row["status"] in STATUSES, row
        assert row["claim_in_article"].strip() and row["primary_record"].strip(), row
        assert row["url"] == "" or re.match(r"https?://\S+$", row["url"]), row


def test_events_media_and_subject(events):
    # Figures keep newspapers apart from governments and say what an admission admits (issue 12, point 5).
    rows = events[1]
    assert {r["speaker_type"] for r in rows} <= {"government", "media", "organisation", "joint"}
    assert {r["actor"] for r in rows if r["speaker_type"] == "media"} == {"New York Times", "Tokyo Shimbun"}
    assert {r["about"] for r in rows} <= {"arms", "troops", "war", "summit", "treaty"}
    assert {r["about"] for r in rows if r["stance"] == "admission"} == {"troops"}


def test_errors_quote_the_article(errors):
    # Each anchored error quotes the article verbatim, so displays can put it beside its sentence.
    text = (DATA / "articles" / "000_69a36e7ce07eb426.md").read_text(encoding="utf-8")
    anchored = [r for r in errors[1] if r["quote"]]
    assert len(anchored) >= 3
    for row in anchored:
        assert row["doc_id"] == "000_69a36e7ce07eb426" and text.count(row["quote"]) == 1, row


def test_errors_name_the_ministry(errors):
    rows = errors[1]
    assert any("Ministry of National Defence" in r["primary_record"] and r["status"] == "confirmed error"
               for r in rows)
    assert any(r["status"] == "partly right" and "Patel" in r["primary_record"] for r in rows)
    assert any(r["status"] == "unconfirmed" and "newspotng" in r["claim_in_article"] + r["primary_record"]
               for r in rows)


# ------------------------------------------------------------- data/README.md

def documented_columns(readme: str, heading: str) -> dict[str, str]:
    """Column -> description from the `| column | description |` table under `### `heading``."""
    match = re.search(rf"^#+ `{re.escape(heading)}`[^\n]*\n(?P<body>.*?)(?=^#|\Z)", readme, re.S | re.M)
    if not match:
        return {}
    found = {}
    for line in match.group("body").splitlines():
        row = re.match(r"^\| `(?P<col>[^`]+)` \| (?P<desc>.*) \|$", line)
        if row:
            found[row.group("col")] = row.group("desc").replace("\\|", "|")
    return found


def test_documented_columns_parser():
    text = "### `t`\n\n| column | description |\n|---|---|\n| `a` | x \\| y |\n| `b` | z |\n\n### `u`\n| `c` | w |\n"
    assert documented_columns(text, "t") == {"a": "x | y", "b": "z"}
    assert documented_columns(text, "missing") == {}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_readme_documents_schema_table(table):
    documented = documented_columns(README.read_text(encoding="utf-8"), table)
    assert list(documented) == list(TABLES[table]), f"data/README.md is out of date for `{table}`"
    for col, desc in TABLES[table].items():
        assert documented[col] == desc, f"{table}.{col}: description differs from analysis/schema.py"


@pytest.mark.parametrize("heading, columns", [
    ("timeline/events.csv", EVENT_COLUMNS),
    ("timeline/article_errors.csv", ERROR_COLUMNS),
    ("rejects.csv", ["source_path", "reason"]),
])
def test_readme_documents_data_files(heading, columns):
    assert list(documented_columns(README.read_text(encoding="utf-8"), heading)) == columns


def test_readme_states_date_confidence():
    text = README.read_text(encoding="utf-8")
    for phrase in ("on Tuesday", "last week", "in September", "at the time", "in February"):
        assert phrase in text, phrase
    for word in ("Confirmed", "Probable", "Unconfirmed", "KCNA publication date"):
        assert word in text, word


# ------------------------------------------------------------ shipped article

def test_article_front_matter():
    head = ARTICLE.read_text(encoding="utf-8").split("---\n")[1]
    meta = dict(line.split(":", 1) for line in head.strip().splitlines())
    assert meta["id"].strip() == ARTICLE.stem
    assert meta["published"].strip() == "2022-11-08"
    assert meta["credit"].strip() == "NAN"
    assert meta["outlet"].strip() == "newspotng.com"


def test_article_body_matches_reference():
    if not REFERENCE.exists():
        pytest.skip("reference article not available")
    shipped = ARTICLE.read_text(encoding="utf-8")
    match = re.match(r"\A---[ \t]*\n.*?\n---[ \t]*\n", shipped, re.S)
    assert match, "shipped article lacks its front matter"
    assert shipped[match.end():] == REFERENCE.read_text(encoding="utf-8")
