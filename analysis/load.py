"""Read article files into the `articles` table. The only module that reads inputs.

An article's ``text`` is its body as loaded: decoded, BOM removed, newlines
normalised to ``\\n`` and front matter removed (for HTML: the extracted main
text, paragraphs separated by a blank line). Nothing else is deleted, so
offsets stay aligned with the file (boilerplate is marked later, not cut).

Inputs, read recursively from folders:

- ``.txt``, ``.md``, ``.markdown``: one article each, optional ``---`` front matter;
- ``.html``, ``.htm``, ``.xhtml``: main text extracted with trafilatura (boilerplate,
  scripts and markup removed), title, site, author and date from the page's metadata;
- ``.csv``, ``.tsv``, ``.jsonl``, ``.ndjson``, ``.json``: one article per row, with
  configurable text and date columns (:class:`LoadOptions`);
- a PolNeAR-style folder (``text/NAME.txt`` + ``metadata.tsv`` with ``filename``,
  ``publication_date``, ``publisher``, ``title``): the texts with their metadata.

Every input is accounted for: it becomes an article row or a `rejects` row
with the reason (empty, binary, undecodable, bad date, duplicate, ...), never
a silent drop and never a traceback. :func:`iter_articles` streams them one at
a time, so a corpus never needs to fit in memory; :func:`load_inputs` collects
them into frames.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import email.utils
import errno
import hashlib
import io
import json
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from . import schema
from .errors import InputError

if TYPE_CHECKING:  # pandas is imported where a frame is built: `statements` reads rows without it
    import pandas as pd

#: Extensions read as plain articles.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
#: Extensions read as web pages (main text extracted).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Extensions read as tables of articles, one per row.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")

#: Front-matter keys copied into the articles table (others are ignored).
FRONT_MATTER_KEYS = ("id", "title", "published", "outlet", "credit", "url")
#: Front-matter keys accepted in place of `published` (Jekyll/Hugo write `date`).
DATE_ALIASES = ("published", "date", "publication_date", "pubdate")

REJECT_COLUMNS = schema.REJECT_COLUMNS
#: Publication years an article can carry; dates outside (0001-01-01, 9999-12-31) are the
#: "no date" placeholders of database exports and are treated as unknown.
PUBLISHED_YEARS = (1000, 2999)
#: Outlet and credit names longer than this are cut (they label figures and pages).
NAME_MAX = 200

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
# Control characters that never occur in text (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class LoadOptions:
    """How to read tables (CSV/TSV/JSONL) and what makes an input unusable.

    Column names are matched case-insensitively; ``None`` means "the first of the
    usual names that is present" (text: text, body, content; date: published,
    date, publication_date, pubdate).
    """

    text_column: str | None = None
    date_column: str | None = None
    title_column: str = "title"
    id_column: str = "id"
    outlet_column: str = "outlet"
    credit_column: str = "credit"
    url_column: str = "url"
    #: Reject articles without a publication date (needed when counting by period).
    require_date: bool = False


@dataclass(frozen=True)
class Reject:
    """An input that did not become an article, and why."""

    source_path: str
    reason: str


@dataclass(frozen=True)
class InputUnit:
    """One unit of input to read: a file, or one text of a PolNeAR folder with its metadata row."""

    path: str
    kind: str = "file"
    meta: tuple[tuple[str, str], ...] = ()


@dataclass
class LoadResult:
    """Articles that loaded, and every input that did not, with its reason."""

    articles: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: schema.rejects_frame([]))


def shipped_articles_dir() -> Path:
    """The `data/articles/` folder of this checkout (the default input)."""
    return Path(__file__).resolve().parent.parent / "data" / "articles"


# ------------------------------------------------------------------ bytes and dates

def decode(raw: bytes, path: Path | str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM removed; UTF-16 with a BOM), else cp1252, else latin-1; refuse binary data.

    Newlines are normalised to ``\\n`` (CRLF and old-Mac CR). A UTF-8 file with a few
    bad bytes stays UTF-8 (see :func:`decode_with_note`, which also says so).
    """
    return decode_with_note(raw, path)[0]


def _looks_like_utf8(raw: bytes) -> tuple[bool, int]:
    """(is this UTF-8 with a few bad bytes?, how many bad sequences): it holds valid multi-byte
    UTF-8 characters and at most as many invalid sequences as valid ones."""
    replaced = raw.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    good = sum(1 for c in replaced if c > "\x7f" and c != "\ufffd")
    return good > 0 and bad <= good, bad


def decode_with_note(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Like :func:`decode`, and a note for the ``notes`` column when decoding had to guess.

    A UTF-8 file is never reinterpreted as cp1252 because of a stray bad byte: when the
    file holds valid multi-byte UTF-8 characters, the bad bytes are replaced with U+FFFD
    and the note says how many and where the first one was. A file with no valid UTF-8
    beyond ASCII is read as cp1252 (or latin-1), as Windows tools write it.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not raw.startswith(codecs.BOM_UTF32_LE):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "undecodable: UTF-16 byte-order mark but invalid UTF-16") from None
        return _checked_text(text, path), ""
    if not raw.strip():
        raise InputError(path, "empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    note = ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        is_utf8, bad = _looks_like_utf8(raw)
        if is_utf8:
            text = raw.decode("utf-8-sig", errors="replace")
            note = (f"not valid UTF-8: {bad} bad byte sequence(s) replaced with U+FFFD "
                    f"(first at byte {utf8_error.start}: 0x{raw[utf8_error.start]:02x})")
        else:
            try:
                text = raw.decode("cp1252")
                note = "not UTF-8: read as Windows-1252 (cp1252)"
            except UnicodeDecodeError:
                # Latin-1 decodes anything; accept it only when the bytes cp1252 leaves
                # undefined are rare, else the file is not text in any encoding we know.
                text = raw.decode("latin-1")
                note = "not UTF-8: read as Latin-1"
                if len(_CONTROL.findall(text)) * 1000 > max(len(text), 1):
                    raise InputError(path, f"undecodable: not UTF-8 (byte {utf8_error.start}: "
                                           f"0x{raw[utf8_error.start]:02x}), cp1252 or latin-1 text") from None
    return _checked_text(text, path), note


def _checked_text(text: str, path: Path | str) -> str:
    """Normalise newlines and refuse text that is mostly control characters (binary data)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "empty file")
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) * 100 > len(sample):
        raise InputError(path, "binary file (control characters), not text")
    return text


def parse_date(value: str, path: Path | str = "<text>") -> str:
    """An ISO date string for `value` (YYYY-MM-DD), or '' when empty; impossible dates raise.

    Accepted: ISO dates and timestamps, ``YYYY/MM/DD``, ``November 8, 2022``,
    ``8 Nov 2022`` and RFC 2822 (``Tue, 08 Nov 2022 10:00:00 GMT``). Day-first
    or month-first numeric dates (``08/11/2022``) are refused as ambiguous.
    """
    value = str(value).strip().strip("'\"").strip()
    if not value:
        return ""
    parts = None
    if match := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", value):
        parts = tuple(map(int, match.groups()))
    elif match := re.fullmatch(r"(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\b.*)?", value):
        month = _MONTHS.get(match.group(1)[:3].lower())
        parts = (int(match.group(3)), month, int(match.group(2))) if month else None
    elif match := re.fullmatch(r"(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:\b.*)?", value):
        month = _MONTHS.get(match.group(2)[:3].lower())
        parts = (int(match.group(3)), month, int(match.group(1))) if month else None
    if parts is None and "," in value:
        try:
            stamp = email.utils.parsedate_to_datetime(value)
            parts = (stamp.year, stamp.month, stamp.day)
        except (TypeError, ValueError, IndexError):
            parts = None
    if parts is None:
        raise InputError(path, f"published date {value!r} is not YYYY-MM-DD")
    try:
        day = dt.date(*parts)
    except ValueError:
        raise InputError(path, f"published date {value!r} is not a real date") from None
    if not PUBLISHED_YEARS[0] <= day.year <= PUBLISHED_YEARS[1]:
        raise PlaceholderDate(path, f"published date {value!r} is outside the years {PUBLISHED_YEARS[0]}–"
                                    f"{PUBLISHED_YEARS[1]} (a 'no date' placeholder?)")
    return day.isoformat()


class PlaceholderDate(InputError):
    """A well-formed date no article can carry (0001-01-01, 9999-12-31: database 'no date' values)."""


def _file_date(value: str, path: Path | str) -> tuple[str, str]:
    """A date read from a file: (ISO date, note). A placeholder date is treated as unknown, with a note."""
    try:
        return parse_date(value, path), ""
    except PlaceholderDate as exc:
        return "", exc.reason.replace(" (a 'no date' placeholder?)", "") + ": treated as unknown"


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


# ------------------------------------------------------------------ one article

def _first_line(body: str) -> str:
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return line.lstrip("#").strip()[:200]


def _row(path: Path | str, body: str, *, doc_id: str, title: str = "", outlet: str = "", credit: str = "",
         url: str = "", published: str = "", options: LoadOptions | None = None, notes: Sequence[str] = ()) -> dict:
    """An `articles` row; refuses empty bodies and (when required) missing dates."""
    if not body.strip():
        raise InputError(path, "empty article text")
    if options is not None and options.require_date and not published:
        raise InputError(path, "missing published date (a date is required)"
                         + "".join(f"; {n}" for n in notes if "date" in n))
    notes = list(notes)
    for name, value in (("outlet", outlet), ("credit", credit)):
        if len(value) > NAME_MAX:
            notes.append(f"{name} cut to {NAME_MAX} of {len(value)} characters")
    return {"doc_id": doc_id, "title": (title or _first_line(body))[:500], "outlet": outlet[:NAME_MAX],
            "credit": credit[:NAME_MAX], "url": url, "published": published, "text": body, "source_path": str(path),
            "notes": "; ".join(n for n in notes if n)}


def article_from_text(text: str, path: Path | str, published: str | None = None,
                      options: LoadOptions | None = None, notes: Sequence[str] = ()) -> dict:
    """One `articles` row from decoded text (front matter parsed, body kept verbatim)."""
    meta, body = split_front_matter(text)
    if not body.strip():
        raise InputError(path, "no article text after the front matter" if meta else "empty file")
    date = published if published is not None else next((meta[k] for k in DATE_ALIASES if meta.get(k)), "")
    date, date_note = _file_date(date, path)
    return _row(path, body, doc_id=meta.get("id") or Path(str(path)).stem, title=meta.get("title", ""),
                outlet=meta.get("outlet", ""), credit=meta.get("credit", ""), url=meta.get("url", ""),
                published=date, options=options, notes=[*notes, date_note])


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from None


def read_article(path: Path | str, published: str | None = None, options: LoadOptions | None = None) -> dict:
    """Read one .txt/.md article file into an `articles` row; raises InputError."""
    path = Path(path)
    text, note = decode_with_note(_read_bytes(path), path)
    return article_from_text(text, path, published, options, notes=[note])


def _quiet_extractor_logs() -> None:
    """Keep trafilatura's per-page complaints off the terminal (the reject reason says it), unless logging is set up."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def extract_html(html: str, path: Path | str = "<html>") -> dict:
    """Main text and metadata of a web page: {text, title, outlet, credit, url, published}.

    Uses trafilatura (offline: it parses the string, never fetches). Paragraphs
    are separated by a blank line. Raises InputError when trafilatura is missing
    or the page has no main text.
    """
    _quiet_extractor_logs()
    try:
        import trafilatura
    except ImportError:
        raise InputError(path, "HTML extraction needs trafilatura, which is not installed "
                               "(pip install trafilatura); convert the page to .txt instead") from None
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                          include_images=False, include_links=False, deduplicate=False,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # a third-party parser on untrusted markup: never let it raise a traceback
        raise InputError(path, f"HTML could not be parsed ({type(exc).__name__})") from None
    if doc is None:
        raise InputError(path, "no main text found in the HTML page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [line.strip() for line in (meta.get("text") or "").splitlines()]
    text = "\n\n".join(line for line in lines if line)
    if not text:
        raise InputError(path, "no main text found in the HTML page")
    return {"text": text, "title": meta.get("title") or "", "outlet": meta.get("sitename") or "",
            "credit": meta.get("author") or "", "url": meta.get("url") or "", "published": meta.get("date") or ""}


def read_html(path: Path | str, published: str | None = None, options: LoadOptions | None = None) -> dict:
    """Read one web page into an `articles` row (main text extracted); raises InputError."""
    path = Path(path)
    html, note = decode_with_note(_read_bytes(path), path)
    page = extract_html(html, path)
    date_note = ""
    try:
        date, date_note = _file_date(published if published is not None else page["published"], path)
    except InputError:
        date = ""  # a page's own metadata date that is unusable is treated as unknown
        if published is not None:
            raise
    return _row(path, page["text"], doc_id=path.stem, title=page["title"], outlet=page["outlet"],
                credit=page["credit"], url=page["url"], published=date, options=options, notes=[note, date_note])


# ------------------------------------------------------------------ tables of articles

def _pick(columns: Iterable[str], wanted: str | None, defaults: tuple[str, ...]) -> str | None:
    """The actual column name for `wanted` (or the first default present), case-insensitively."""
    by_lower = {c.strip().lower(): c for c in columns if c is not None}
    for name in ([wanted] if wanted else defaults):
        if name.lower() in by_lower:
            return by_lower[name.lower()]
    return None


def _guess_delimiter(header: str, text_names: Sequence[str]) -> str:
    """The CSV delimiter: the one whose split header names the text column, else the one giving most columns.

    Judged on the header line only: article cells are full of commas and semicolons,
    which mislead csv.Sniffer.
    """
    wanted = {n.lower() for n in text_names}
    best, best_fields = ",", 1
    for delimiter in (",", ";", "\t", "|"):
        fields = [f.strip().strip('"').lower() for f in next(csv.reader([header], delimiter=delimiter), [])]
        if wanted & set(fields):
            return delimiter
        if len(fields) > best_fields:
            best, best_fields = delimiter, len(fields)
    return best


_BLOCK = 1 << 20


def _table_encoding(path: Path) -> tuple[str, str]:
    """(encoding, note) of a table file, judged in one streaming pass (the file is never held whole).

    The same rules as :func:`decode_with_note`: UTF-8 (a few bad bytes replaced, with a
    note), UTF-16 with a byte-order mark, else cp1252. Empty and binary files raise.
    """
    try:
        with path.open("rb") as f:
            head = f.read(65536)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(codecs.BOM_UTF32_LE):
                return "utf-16", ""
            # empty / binary checks on the first block, cut at a line end (not inside a character)
            sample = head if len(head) < 65536 else head[: head.rfind(b"\n") + 1 or len(head)]
            decode_with_note(sample, path)
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            bad = good = 0
            block = head
            while block:
                chunk = decoder.decode(block)
                bad += chunk.count("\ufffd")
                good += sum(1 for c in chunk if c > "\x7f") if not chunk.isascii() else 0
                block = f.read(_BLOCK)
            chunk = decoder.decode(b"", final=True)
            bad += chunk.count("\ufffd")
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from None
    if not bad:
        return "utf-8-sig", ""
    good -= bad
    if good > 0 and bad <= good:
        return "utf-8-sig", f"not valid UTF-8: {bad} bad byte sequence(s) replaced with U+FFFD"
    return "cp1252", "not UTF-8: read as Windows-1252 (cp1252)"


def _json_value(line: str, where: str) -> object:
    """One JSON value; any way the text is not usable JSON becomes an InputError naming `where`."""
    try:
        return json.loads(line)
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, or an integer beyond Python's digit limit
        reason = getattr(exc, "msg", None) or str(exc).split(";")[0]
        line_no = getattr(exc, "lineno", None)
        raise InputError(where, f"invalid JSON ({reason}{f' at line {line_no}' if line_no and line_no > 1 else ''})") from None


def _table_records(path: Path, text_names: Sequence[str] = ("text",),
                   encoding: str = "utf-8-sig") -> Iterator[tuple[str, object]]:
    """(location, record) pairs of a CSV/TSV/JSON(L) file, read as a stream; a bad record is yielded as an InputError."""
    suffix = path.suffix.lower()
    try:
        handle = path.open("r", encoding=encoding, errors="replace", newline=None if suffix != ".csv" and
                           suffix != ".tsv" else "")
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from None
    with handle as f:
        if suffix in (".jsonl", ".ndjson"):
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                where = f"{path}#line={n}"
                try:
                    yield where, _json_value(line, where)
                except InputError as exc:
                    yield where, exc
            return
        if suffix == ".json":
            data = _json_value(f.read(), str(path))  # one document: read whole (use JSON lines for big corpora)
            if isinstance(data, dict) and "articles" in data:
                data = data["articles"]
                if not isinstance(data, list):
                    raise InputError(path, "'articles' is not a list of article objects")
            records = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
            if data is not None and not isinstance(data, (list, dict)):
                raise InputError(path, f"JSON holds a {type(data).__name__}, not articles (an object or a list of objects)")
            for n, record in enumerate(records, start=1):
                yield f"{path}#item={n}", record
            return
        header = f.readline()
        f.seek(0)
        delimiter = "\t" if suffix == ".tsv" else _guess_delimiter(header.lstrip("\ufeff").rstrip("\r\n"), text_names)
        # Articles are long: lift the csv module's 128 KB cell limit for this read.
        csv.field_size_limit(1 << 30)
        reader = csv.DictReader(f, delimiter=delimiter)
        try:
            for n, record in enumerate(reader, start=1):
                yield f"{path}#row={n}", record
        except csv.Error as exc:
            raise InputError(f"{path}#row={reader.line_num}", f"malformed CSV ({exc}); rest of the file not read") from None


def _table_columns(keys: list, options: LoadOptions) -> dict[str, str | None]:
    """Which of a table's `keys` holds each field (None where none does): the column the
    options name, else a usual name for it."""
    return {
        "text": _pick(keys, options.text_column, ("text", "body", "content")),
        "date": _pick(keys, options.date_column, DATE_ALIASES),
        "title": _pick(keys, options.title_column, ()), "id": _pick(keys, options.id_column, ()),
        "outlet": _pick(keys, options.outlet_column, ("publisher", "source")),
        "credit": _pick(keys, options.credit_column, ("author",)),
        "url": _pick(keys, options.url_column, ("link",)),
    }


def _missing_column(columns: dict[str, str | None], keys: list, options: LoadOptions) -> str:
    """Why the table cannot be read ('' when it can): no text column, or not the date column asked for."""
    if columns["text"] is None:
        wanted = options.text_column or "text"
        return f"no {wanted!r} column (has: {', '.join(map(str, keys))[:200]}); name it with --text-column"
    if options.date_column and columns["date"] is None:
        return f"no {options.date_column!r} date column (has: {', '.join(map(str, keys))[:200]})"
    return ""


def iter_table_articles(path: Path | str, published: str | None = None,
                        options: LoadOptions | None = None) -> Iterator[dict | Reject]:
    """Articles (or rejects) of a CSV/TSV/JSONL/JSON file, one per row; raises InputError for the whole file."""
    path = Path(path)
    options = options or LoadOptions()
    encoding, note = _table_encoding(path)
    columns: dict[str, str | None] | None = None
    records = 0
    text_names = [options.text_column] if options.text_column else ["text", "body", "content"]
    for location, record in _table_records(path, text_names, encoding):
        records += 1
        if isinstance(record, InputError):
            yield Reject(record.path, record.reason)
            continue
        if not isinstance(record, dict):
            yield Reject(location, "not a JSON object")
            continue
        if columns is None or path.suffix.lower() not in (".csv", ".tsv"):  # JSON records name their own keys
            keys = list(record)
            columns = _table_columns(keys, options)
            reason = _missing_column(columns, keys, options)
            if reason:
                if path.suffix.lower() in (".csv", ".tsv"):
                    raise InputError(path, reason)
                yield Reject(location, reason)
                continue

        def cell(name: str) -> str:
            key = columns[name]
            value = record.get(key) if key is not None else None
            return "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")

        n = location.rsplit("=", 1)[-1]
        try:
            date, date_note = _file_date(published if published is not None else cell("date"), location)
            yield _row(location, cell("text"), doc_id=cell("id").strip() or f"{path.stem}-{n}",
                       title=cell("title").strip(), outlet=cell("outlet").strip(), credit=cell("credit").strip(),
                       url=cell("url").strip(), published=date, options=options, notes=[note, date_note])
        except InputError as exc:
            yield Reject(exc.path, exc.reason)
    if not records:
        raise InputError(path, "no rows: the table holds no articles")


# ------------------------------------------------------------------ PolNeAR-style folders

def is_polnear_folder(folder: Path | str) -> bool:
    """True for a folder laid out like PolNeAR: ``text/*.txt`` beside ``metadata.tsv``."""
    folder = Path(folder)
    return (folder / "metadata.tsv").is_file() and (folder / "text").is_dir()


def _polnear_metadata(folder: Path) -> tuple[dict[str, tuple[str, dict]], list[Reject]]:
    """metadata.tsv rows by file stem (with their location), and problems reading it."""
    meta_path = folder / "metadata.tsv"
    meta: dict[str, tuple[str, dict]] = {}
    try:
        text = decode(_read_bytes(meta_path), meta_path)
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t")
        if "filename" not in (reader.fieldnames or []):
            raise InputError(meta_path, "metadata.tsv has no 'filename' column")
        for n, record in enumerate(reader, start=1):
            name = Path((record.get("filename") or "").strip()).stem
            if name:
                meta[name] = (f"{meta_path}#row={n}", dict(record))
    except InputError as exc:
        return meta, [Reject(exc.path, exc.reason)]
    except csv.Error as exc:
        return meta, [Reject(str(meta_path), f"malformed metadata.tsv ({exc})")]
    return meta, []


def _polnear_units(folder: Path) -> Iterator[InputUnit | Reject]:
    meta, problems = _polnear_metadata(folder)
    yield from problems
    found = set()
    for path in _walk(folder / "text", _resolved(folder / "text")):
        if isinstance(path, InputError):
            yield Reject(path.path, path.reason)
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            yield Reject(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
            continue
        found.add(path.stem)
        yield InputUnit(str(path), "polnear", tuple(meta.get(path.stem, ("", {}))[1].items()))
    for name in sorted(set(meta) - found):
        yield Reject(meta[name][0], f"metadata row for {name!r} but no text/{name}.txt")


def read_polnear_text(path: Path | str, record: dict, published: str | None = None,
                      options: LoadOptions | None = None) -> dict:
    """One PolNeAR text file with its metadata.tsv row (publication_date, publisher, title, credit/wire)."""
    path = Path(path)

    def value(key: str) -> str:
        v = str(record.get(key) or "").strip()
        return "" if v in ("None", "NA", "nan") else v

    body, note = decode_with_note(_read_bytes(path), path)
    date, date_note = _file_date(published if published is not None else value("publication_date"), path)
    return _row(path, body, doc_id=path.stem, title=value("title"), outlet=value("publisher"),
                credit=value("credit") or value("wire"), published=date, options=options, notes=[note, date_note])


def iter_polnear_articles(folder: Path | str, published: str | None = None,
                          options: LoadOptions | None = None) -> Iterator[dict | Reject]:
    """Articles of a PolNeAR-style folder: ``text/NAME.txt`` with ``metadata.tsv``'s date, publisher and title.

    Only ``text/`` and ``metadata.tsv`` are inputs here (annotation folders are
    gold data, not articles). A metadata row without its text file is a reject.
    """
    for unit in _polnear_units(Path(folder)):
        yield from (read_unit(unit, published, options) if isinstance(unit, InputUnit) else [unit])


# ------------------------------------------------------------------ folders and the whole input

def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken link: its target does not exist" if path.is_symlink() else "no such file or folder"
    if exc.errno == errno.ELOOP:
        return "link loop: the link points back to itself"
    return f"cannot be read ({exc.strerror or type(exc).__name__})"


def _kind(path: Path) -> str | InputError:
    """'dir', 'file' or an InputError saying why `path` cannot be an input (never raises)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return InputError(path, _stat_problem(path, exc))
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return InputError(path, "not a regular file")  # a device, pipe or socket would block or never end


def iter_input_files(paths: Iterable[Path | str]) -> Iterator[Path | InputError]:
    """Files named or found (recursively, sorted) under folders; missing paths yield an InputError.

    PolNeAR-style folders are yielded whole (as the folder path), not file by file. Inside
    a folder, links are followed only to files in that same folder tree; a subfolder that
    cannot be read, or holds no files, is reported and the walk goes on.
    """
    for entry in paths:
        entry = Path(entry)
        kind = _kind(entry)
        if kind == "dir":
            count = 0
            for item in _walk(entry, _resolved(entry)):
                count += 1
                yield item
            if not count:
                yield InputError(entry, "folder holds no files")
        elif kind == "file":
            yield entry
        else:
            yield kind


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _is_polnear(folder: Path) -> bool:
    try:
        return is_polnear_folder(folder)
    except OSError:
        return False


def _walk(folder: Path, root: Path) -> Iterator[Path | InputError]:
    if _is_polnear(folder):
        yield folder
        return
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield InputError(folder, f"folder {_stat_problem(folder, exc)}")
        return
    for child in children:
        if child.name.startswith("."):
            continue  # .DS_Store, .ipynb_checkpoints, .git: not articles
        link = child.is_symlink()
        kind = _kind(child)
        if isinstance(kind, InputError):
            yield kind
        elif kind == "dir":
            if link:  # never loop through a symlinked folder
                yield InputError(child, "link to a folder, not followed (name the folder itself to read it)")
                continue
            count = 0
            for item in _walk(child, root):
                count += 1
                yield item
            if not count:
                yield InputError(child, "folder holds no files")
        elif link and not _resolved(child).is_relative_to(root):
            yield InputError(child, "link to a file outside the input folder, not followed "
                                    "(name the file itself to read it)")
        else:
            yield child


def iter_units(paths: Iterable[Path | str] | None = None) -> Iterator[InputUnit | Reject]:
    """The inputs under `paths` as small units of work (a file, or one text of a PolNeAR folder), in a stable order.

    Units are what a worker reads (:func:`read_unit`); they hold paths and a
    little metadata, never texts, so a list of them is cheap to ship to a cluster.
    """
    paths = list(paths) if paths else [shipped_articles_dir()]
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            yield Reject(item.path, item.reason)
        elif _is_polnear(item):
            yield from _polnear_units(item)
        else:
            yield InputUnit(str(item))


def read_unit(unit: InputUnit, published: str | None = None,
              options: LoadOptions | None = None) -> Iterator[dict | Reject]:
    """Articles or rejects of one unit; never raises for bad input."""
    options = options or LoadOptions()
    item = Path(unit.path)
    suffix = item.suffix.lower()
    try:
        if unit.kind == "polnear":
            yield read_polnear_text(item, dict(unit.meta), published, options)
        elif suffix in TEXT_SUFFIXES:
            yield read_article(item, published, options)
        elif suffix in HTML_SUFFIXES:
            yield read_html(item, published, options)
        elif suffix in TABLE_SUFFIXES:
            yield from iter_table_articles(item, published, options)
        else:
            yield Reject(str(item), f"unsupported file type {item.suffix or '(none)'!r}")
    except InputError as exc:
        yield Reject(exc.path, exc.reason)


def text_fingerprint(text: str) -> str:
    """A hash of the text with case, Unicode form and whitespace normalised (exact-duplicate key)."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=12).hexdigest()


class Deduplicator:
    """Remembers doc_ids and text fingerprints (never texts) to spot duplicates in reading order.

    A duplicate is a doc_id seen before, or the same text from the same outlet.
    The same text from two different outlets is kept: it is a wire copy, which
    :mod:`analysis.corpus` groups.
    """

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.texts: dict[tuple[str, str], str] = {}

    def check(self, doc_id: str, source_path: str, fingerprint: str, outlet: str) -> Reject | None:
        """A Reject when this article duplicates one seen before; else remember it and return None."""
        if doc_id in self.ids:
            return Reject(source_path, f"duplicate doc_id {doc_id!r} (first read from {self.ids[doc_id]})")
        key = (fingerprint, outlet.strip().lower())
        if key in self.texts:
            return Reject(source_path, f"duplicate text of {self.texts[key]!r} (same outlet)")
        self.ids[doc_id] = source_path
        self.texts[key] = doc_id
        return None


def iter_articles(paths: Iterable[Path | str] | None = None, published: str | None = None,
                  options: LoadOptions | None = None) -> Iterator[dict | Reject]:
    """Stream every input as an `articles` row (dict) or a :class:`Reject`, in a stable order.

    Duplicates are rejects (see :class:`Deduplicator`). Only ids and hashes are
    remembered, so memory does not grow with the texts.
    """
    dedup = Deduplicator()
    for unit in iter_units(paths):
        if isinstance(unit, Reject):
            yield unit
            continue
        for row in read_unit(unit, published, options):
            if isinstance(row, dict):
                row = dedup.check(row["doc_id"], row["source_path"], text_fingerprint(row["text"]),
                                  row["outlet"]) or row
            yield row


def load_inputs(paths: Iterable[Path | str] | None = None, published: str | None = None,
                options: LoadOptions | None = None) -> LoadResult:
    """Load every article under `paths` (default: the shipped articles).

    Inputs that cannot be used are listed in ``rejects`` with the reason; so are
    duplicates (the first one read wins). See :func:`iter_articles` to stream.
    """
    rows, rejects = load_rows(paths, published, options)
    return LoadResult(schema.frame("articles", rows), schema.rejects_frame(rejects))


def load_rows(paths: Iterable[Path | str] | None = None, published: str | None = None,
              options: LoadOptions | None = None) -> tuple[list[dict], list[dict]]:
    """:func:`load_inputs` as lists of dicts, without pandas: the `articles` rows (every
    column, as :func:`analysis.schema.rows` fills it) and the rejects (source_path, reason)."""
    rows, rejects = [], []
    for item in iter_articles(paths, published, options):
        if isinstance(item, Reject):
            rejects.append({"source_path": item.source_path, "reason": item.reason})
        else:
            rows.append(item)
    return schema.rows("articles", rows), rejects


def read_events(path: Path | str | None = None) -> pd.DataFrame:
    """The sourced timeline of accusation and denial rounds (`data/timeline/events.csv`)."""
    path = Path(path) if path else shipped_articles_dir().parent / "timeline" / "events.csv"
    text = decode(_read_bytes(path), path)  # binary or undecodable: one line, not a UnicodeDecodeError
    import pandas as pd

    try:
        events = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(path, f"cannot read events table: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    missing = {"date", "actor", "actor_country", "stance", "paraphrase"} - set(events.columns)
    if missing:
        raise InputError(path, f"events table lacks columns {sorted(missing)}")
    for value in events["date"]:
        parse_date(value, path)
    return events


def read_article_errors(path: Path | str | None = None) -> pd.DataFrame:
    """What articles get wrong, set against the primary record (`data/timeline/article_errors.csv`).

    Columns: doc_id, quote (verbatim words of the article, or '' for the article as a whole),
    claim_in_article, primary_record, source_title, url, status.
    """
    path = Path(path) if path else shipped_articles_dir().parent / "timeline" / "article_errors.csv"
    import pandas as pd

    try:
        errors = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot read article errors table: {exc}") from None
    missing = {"doc_id", "quote", "claim_in_article", "primary_record", "url", "status"} - set(errors.columns)
    if missing:
        raise InputError(path, f"article errors table lacks columns {sorted(missing)}")
    return errors
