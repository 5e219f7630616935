"""Scorers of the kit's annotators against third-party gold (one module per task)."""


def read_gold_csv(path, required: tuple[str, ...], layout: str) -> list[dict]:
    """Rows of a gold CSV as dicts (empty cells as ""), with one-line errors naming the file:
    missing file (``layout`` says what was expected), missing columns, not UTF-8, not a CSV."""
    import csv
    from pathlib import Path

    from analysis.errors import InputError

    path = Path(path)
    if not path.is_file():
        raise InputError(path, f"no such file (expected {layout})")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"missing column(s) {', '.join(missing)}")
            return [{k: (v or "") for k, v in row.items()} for row in reader]
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise InputError(path, f"not a readable CSV ({exc})") from None
