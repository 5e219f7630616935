"""Plain-CSV lexicons shipped in ``analysis/lexicons/`` and their combined hash.

A teacher can edit any of these files in a spreadsheet; every row carries a
``rule`` id so each label the kit makes can be traced back to its row.
"""
from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicons/<name>.csv`` as dicts (lines starting with '#' are comments)."""
    path = LEXICON_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines))


def lexicon_hash() -> str:
    """Short SHA-256 over every lexicon file (name and bytes), for exports' captions."""
    digest = hashlib.sha256()
    for path in sorted(LEXICON_DIR.glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def inflections(lemma: str, double_final: bool = False) -> set[str]:
    """Regular verb forms of a lexicon lemma: say -> says, sayed, saying (irregulars live in the CSVs).

    ``double_final`` also adds doubled-consonant forms (admit -> admitted, admitting).
    """
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if double_final:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


#: Lexicon columns that hold regular expressions (the actors' names are '|'-separated alternatives).
PATTERN_COLUMNS: dict[str, tuple[str, ...]] = {
    "stance": ("pattern",), "hedges": ("pattern",), "loaded": ("pattern", "not_before", "not_after"),
    "boilerplate": ("pattern",), "actors": ("pattern",),
}


def check_patterns() -> None:
    """Compile every regular expression of the lexicons; an edited row that is not a valid
    regex raises :class:`analysis.errors.InputError` naming the file, the row and the column.

    Called before a run, so a teacher's typo is one clear line instead of a traceback from
    deep inside the annotators.
    """
    import re

    from .errors import InputError

    for name, cols in PATTERN_COLUMNS.items():
        path = LEXICON_DIR / f"{name}.csv"
        try:
            rows = load_lexicon(name)
        except (OSError, csv.Error, UnicodeDecodeError) as exc:
            raise InputError(path, f"lexicon cannot be read ({exc})") from None
        for n, row in enumerate(rows, start=1):
            for col in cols:
                value = row.get(col) or ""
                for alt in (value.split("|") if name == "actors" else [value]):
                    if not alt:
                        continue
                    try:
                        re.compile(alt)
                    except (re.error, RecursionError, OverflowError) as exc:
                        raise InputError(f"{path}#row={n}", f"rule {row.get('rule', '?')!r}: column {col!r} is not "
                                                            f"a valid regular expression ({exc})") from None
