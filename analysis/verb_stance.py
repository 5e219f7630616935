"""The stance a reporting verb carries: *said* neutral, *claimed* doubt, *admitted*
concede, *insisted* assert (the ``verb_stance`` column of ``lexicons/cues.csv``, and
``lexicons/verb_stance.csv`` for cue phrases that file does not list as written)."""
from __future__ import annotations

from functools import lru_cache

from analysis.lexicons import inflections, load_lexicon

@lru_cache(maxsize=None)
def _cue_stances() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """first-word form -> ((rest of phrase, verb_stance), ...) of the attribution engine's
    cues.csv, the rows holding that form in file order (so the first that fits a cue is the
    first row of the file that fits it)."""
    try:
        rows = load_lexicon("cues")
    except (FileNotFoundError, OSError):
        return {}
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in rows:
        words = (row.get("pattern") or "").lower().split()
        vs = (row.get("verb_stance") or "").strip()
        if not words or not vs:
            continue
        forms = inflections(words[0], double_final=True) | set((row.get("forms") or "").lower().split())
        for form in forms:
            out.setdefault(form, []).append((tuple(words[1:]), vs))
    return {form: tuple(entries) for form, entries in out.items()}


@lru_cache(maxsize=None)
def _stems() -> tuple[tuple[str, str], ...]:
    """(stem, verb_stance) of ``lexicons/verb_stance.csv``, in file order."""
    return tuple((row["stem"].strip().lower(), row["verb_stance"].strip()) for row in load_lexicon("verb_stance")
                 if row.get("stem", "").strip())


def verb_stance(cue: str) -> str:
    """neutral | doubt | concede | assert for an attribution cue.

    Read from the ``verb_stance`` column of ``lexicons/cues.csv``; a cue that file does not
    list as written takes the stance of the stem in ``lexicons/verb_stance.csv`` it starts with.

    >>> verb_stance("claimed"), verb_stance("said"), verb_stance("declared:"), verb_stance("")
    ('doubt', 'neutral', 'assert', 'neutral')
    """
    try:
        return _verb_stance_cached(cue)
    except TypeError:  # not hashable
        return _verb_stance(cue)


@lru_cache(maxsize=4096)
def _verb_stance_cached(cue: str) -> str:
    return _verb_stance(cue)


def _verb_stance(cue: str) -> str:
    words = (cue or "").strip().lower().split()
    if not words:
        return "neutral"
    for rest, vs in _cue_stances().get(words[0], ()):
        if tuple(words[1:1 + len(rest)]) == rest:
            return vs
    c = " ".join(words)
    for stem, vs in _stems():
        if c.startswith(stem):
            return vs
    return "neutral"
