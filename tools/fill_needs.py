"""Fill the ``needs`` column of the regex lexicons from their patterns (run by hand, not by the kit).

A row's ``needs`` are words one of which every match of its pattern contains; the kit skips
the row on a text that holds none of them (``analysis/prefilter.py``). After editing a
pattern, run this from the project root and look at the diff::

    python tools/fill_needs.py            # rewrite the column in stance_terms, stance, hedges, loaded
    python tools/fill_needs.py --check    # list the rows whose column differs; exit 1 if any

Only the ``needs`` field of each row is rewritten; comments and every other field stay as
they are. ``tests/test_prefilter.py`` checks the column against the patterns.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import stance  # noqa: E402
from analysis.lexicons import LEXICON_DIR, load_lexicon  # noqa: E402
from analysis.prefilter import derive_needs  # noqa: E402


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


def term_needs(row: dict) -> str:
    return "|".join(derive_needs(stance.expand_macros(row["term"], terms=False), re.I) or ())


@lru_cache(maxsize=None)
def _held() -> dict[str, str]:
    """The word classes a stance pattern's needs may name: those whose every term has needs."""
    terms: dict[str, list[str]] = {}
    for t in load_lexicon("stance_terms"):
        terms.setdefault("{" + t["macro"] + "}", []).append(term_needs(t))
    return {name: regex for name, regex in stance._term_macros().items() if all(terms.get(name, [""]))}


def stance_needs(row: dict) -> str:
    held = _held()
    pattern = stance.expand_macros(row["pattern"], terms=False)
    for name, regex in stance._term_macros().items():
        if name not in held:
            pattern = pattern.replace(name, regex)
    return "|".join(derive_needs(pattern, re.I, held) or ())


def hedge_needs(row: dict) -> str:
    return "|".join(derive_needs(row["pattern"], 0 if row.get("case") == "exact" else re.I) or ())


def loaded_needs(row: dict) -> str:
    # the pattern as analysis/markers.py compiles it
    return "|".join(derive_needs(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.I) or ())


NEEDS = {"stance_terms": term_needs, "stance": stance_needs, "hedges": hedge_needs, "loaded": loaded_needs}


def fill(name: str, check: bool = False) -> list[str]:
    """Rewrite (or with ``check`` only compare) the ``needs`` column of one lexicon; the rows that differ."""
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
            header = fields + ([] if "needs" in fields else ["needs"])
            out.append(",".join(header) + "\n")
            continue
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, next(csv.reader([",".join(fields)]))))
        value = NEEDS[name](row)
        k = header.index("needs")
        if row["needs"] != value:
            changed.append(f"{name}.csv {row['rule']}: {row['needs']!r} -> {value!r}")
        fields[k] = _cell(value)
        out.append(",".join(fields) + "\n")
    if not check:
        path.write_text("".join(out), encoding="utf-8")
        load_lexicon.cache_clear()
        stance._term_macros.cache_clear()
        _held.cache_clear()
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = [c for name in NEEDS for c in fill(name, check)]
    print("\n".join(changed) or "needs up to date")
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
