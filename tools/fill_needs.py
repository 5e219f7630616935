"""Fill the ``needs`` and ``starts`` columns of the regex lexicons from their patterns (run by hand, not by the kit).

A row's ``needs`` are words one of which every match of its pattern contains; the kit skips
the row on a text that holds none of them (``analysis/prefilter.py``). A stance, hedges or
loaded row's ``starts`` are strings one of which every match begins with; the kit tries the
row only where one of them begins (a stance row's ``requires_starts``: the same for its
``requires`` regex). After editing a pattern, run this from the project root and
look at the diff::

    python tools/fill_needs.py            # rewrite the columns in stance_terms, stance, hedges, loaded
    python tools/fill_needs.py --check    # list the rows whose columns differ; exit 1 if any

Only those fields of each row are rewritten; comments and every other field stay as they
are. ``tests/test_prefilter.py`` checks the columns against the patterns.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import markers, stance  # noqa: E402
from analysis.lexicons import LEXICON_DIR, load_lexicon  # noqa: E402


def _fields(line: str) -> list[str]:
    """The raw fields of one CSV line (quotes kept), so unchanged fields are written back as they were."""
    out, cur, quoted = [], [], False
    for ch in line.rstrip("\r\n"):
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _cell(value: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([value])
    return buf.getvalue()


def _needs(lexicon: str, row: dict) -> str:
    """The cell the row's pattern gives, as the module that compiles the pattern reads it."""
    module = stance if lexicon in ("stance", "stance_terms") else markers
    return "|".join(module.derived_needs(lexicon, row) or ())


def _starts(lexicon: str, row: dict) -> str:
    """The ``starts`` cell of a stance, hedges or loaded row."""
    if lexicon == "stance":
        return "|".join(stance.derived_starts(row) or ())
    return "|".join(markers.derived_starts(lexicon, row) or ())


def _requires_starts(lexicon: str, row: dict) -> str:
    """The ``requires_starts`` cell of a stance row."""
    return "|".join(stance.derived_requires_starts(row) or ())


LEXICONS = ("stance_terms", "stance", "hedges", "loaded")
#: the columns filled in each lexicon, and how each is read off the row
COLUMNS = {"stance_terms": {"needs": _needs},
           "stance": {"needs": _needs, "starts": _starts, "requires_starts": _requires_starts},
           "hedges": {"needs": _needs, "starts": _starts}, "loaded": {"needs": _needs, "starts": _starts}}


def fill(name: str, check: bool = False) -> list[str]:
    """Rewrite (or with ``check`` only compare) the filled columns of one lexicon; the rows that differ."""
    path = LEXICON_DIR / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = None
    changed, out = [], []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            out.append(line)
            continue
        fields = _fields(line)
        if header is None:
            header = fields + [c for c in COLUMNS[name] if c not in fields]
            out.append(",".join(header) + "\n")
            continue
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, next(csv.reader([",".join(fields)]))))
        for column, derive in COLUMNS[name].items():
            value = derive(name, row)
            if row[column] != value:
                changed.append(f"{name}.csv {row['rule']} {column}: {row[column]!r} -> {value!r}")
            fields[header.index(column)] = _cell(value) if value else ""  # empty stays empty (csv would write "")
        out.append(",".join(fields) + "\n")
    if not check:
        path.write_text("".join(out), encoding="utf-8")
        load_lexicon.cache_clear()
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = [c for name in LEXICONS for c in fill(name, check)]
    print("\n".join(changed) or "needs up to date")
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
