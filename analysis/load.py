"""Read article files into the `articles` table. The only module that reads inputs.

An article's ``text`` is its body as loaded: decoded, BOM removed, newlines
normalised to ``\\n`` and front matter removed. Nothing else is deleted, so
offsets stay aligned with the file (boilerplate is marked later, not cut).

Every input is accounted for: it becomes an article row or a `rejects` row
with the reason, never a silent drop and never a traceback.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import schema
from .errors import InputError

#: Extensions read as plain articles.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")

#: Front-matter keys copied into the articles table (others are ignored).
FRONT_MATTER_KEYS = ("id", "title", "published", "outlet", "credit", "url")

REJECT_COLUMNS = ["source_path", "reason"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")


@dataclass
class LoadResult:
    """Articles that loaded, and every input that did not, with its reason."""

    articles: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECT_COLUMNS))


def shipped_articles_dir() -> Path:
    """The `data/articles/` folder of this checkout (the default input)."""
    return Path(__file__).resolve().parent.parent / "data" / "articles"


def decode(raw: bytes, path: Path | str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM removed), falling back to cp1252; refuse binary data."""
    if not raw.strip():
        raise InputError(path, "empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot decode as UTF-8 or cp1252 (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: str, path: Path | str = "<text>") -> str:
    """An ISO date string for `value` (YYYY-MM-DD), or '' when empty; impossible dates raise."""
    value = value.strip().strip("'\"")
    if not value:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", value)
    if not match:
        raise InputError(path, f"published date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise InputError(path, f"published date {value!r} is not a real date") from None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group("body").splitlines():
        kv = _KEY_VALUE.match(line)
        if kv:
            meta[kv.group("key").lower()] = kv.group("value").strip().strip("'\"")
    return meta, text[match.end():]


def article_from_text(text: str, path: Path | str, published: str | None = None) -> dict:
    """One `articles` row from decoded text (front matter parsed, body kept verbatim)."""
    meta, body = split_front_matter(text)
    if not body.strip():
        raise InputError(path, "no article text after the front matter")
    stem = Path(str(path)).stem
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return {
        "doc_id": meta.get("id") or stem,
        "title": meta.get("title") or first_line[:200],
        "outlet": meta.get("outlet", ""),
        "credit": meta.get("credit", ""),
        "url": meta.get("url", ""),
        "published": parse_date(published if published is not None else meta.get("published", ""), path),
        "text": body,
        "source_path": str(path),
    }


def read_article(path: Path | str, published: str | None = None) -> dict:
    """Read one .txt/.md article file into an `articles` row; raises InputError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from None
    return article_from_text(decode(raw, path), path, published)


def iter_input_files(paths: Iterable[Path | str]) -> Iterable[Path | InputError]:
    """Files named or found (recursively, sorted) under folders; missing paths yield an InputError."""
    for entry in paths:
        entry = Path(entry)
        if entry.is_dir():
            files = sorted(p for p in entry.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield InputError(entry, "folder holds no files")
            yield from files
        elif entry.is_file():
            yield entry
        else:
            yield InputError(entry, "no such file or folder")


def load_inputs(paths: Iterable[Path | str] | None = None, published: str | None = None) -> LoadResult:
    """Load every article under `paths` (default: the shipped articles).

    Files that cannot be used are listed in ``rejects`` with the reason; so are
    duplicate doc_ids (the first one read wins).
    """
    paths = list(paths) if paths else [shipped_articles_dir()]
    rows, rejects, seen = [], [], {}
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            rejects.append({"source_path": item.path, "reason": item.reason})
            continue
        if item.suffix.lower() not in TEXT_SUFFIXES:
            rejects.append({"source_path": str(item), "reason": f"unsupported file type {item.suffix or '(none)'!r}"})
            continue
        try:
            row = read_article(item, published)
        except InputError as exc:
            rejects.append({"source_path": exc.path, "reason": exc.reason})
            continue
        if row["doc_id"] in seen:
            rejects.append({"source_path": str(item), "reason": f"duplicate doc_id {row['doc_id']!r} (first read from {seen[row['doc_id']]})"})
            continue
        seen[row["doc_id"]] = str(item)
        rows.append(row)
    return LoadResult(schema.frame("articles", rows), pd.DataFrame(rejects, columns=REJECT_COLUMNS))


def read_events(path: Path | str | None = None) -> pd.DataFrame:
    """The sourced timeline of accusation and denial rounds (`data/timeline/events.csv`)."""
    path = Path(path) if path else shipped_articles_dir().parent / "timeline" / "events.csv"
    try:
        events = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot read events table: {exc}") from None
    missing = {"date", "actor", "actor_country", "stance", "paraphrase"} - set(events.columns)
    if missing:
        raise InputError(path, f"events table lacks columns {sorted(missing)}")
    for value in events["date"]:
        parse_date(value, path)
    return events
