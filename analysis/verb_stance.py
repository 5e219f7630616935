"""The stance an attribution verb carries: *said* neutral, *claimed* doubt, *admitted*
concede, *insisted* assert (the ``verb_stance`` column of ``lexicons/cues.csv``)."""
from __future__ import annotations

from functools import lru_cache

from analysis.lexicons import inflections, load_lexicon

_VERB_STANCE_FALLBACK = {
    "doubt": ("claim", "allege", "purport", "contend", "assert that without"),
    "concede": ("admit", "concede", "acknowledge", "confess", "grant", "allow"),
    "assert": ("insist", "stress", "emphasi", "maintain", "declare", "affirm", "assert", "vow",
               "reiterate", "make clear", "underline", "warn"),
}


@lru_cache(maxsize=None)
def _cue_stances() -> tuple[tuple[frozenset, tuple[str, ...], str], ...]:
    """(first-word forms, rest of phrase, verb_stance) from the attribution engine's cues.csv."""
    try:
        rows = load_lexicon("cues")
    except (FileNotFoundError, OSError):
        return ()
    out = []
    for row in rows:
        words = (row.get("pattern") or "").lower().split()
        vs = (row.get("verb_stance") or "").strip()
        if not words or not vs:
            continue
        forms = inflections(words[0], double_final=True) | set((row.get("forms") or "").lower().split())
        out.append((frozenset(forms), tuple(words[1:]), vs))
    return tuple(out)


def verb_stance(cue: str) -> str:
    """neutral | doubt | concede | assert for an attribution cue ("claimed" -> doubt).

    Read from the ``verb_stance`` column of ``lexicons/cues.csv``; a small built-in list
    covers cues that file does not have.
    """
    try:
        return _verb_stance_cached(cue)
    except TypeError:  # not hashable
        return _verb_stance(cue)


@lru_cache(maxsize=4096)
def _verb_stance_cached(cue: str) -> str:
    return _verb_stance(cue)


def _verb_stance(cue: str) -> str:
    """neutral | doubt | concede | assert for an attribution cue ("claimed" -> doubt).

    Read from the ``verb_stance`` column of ``lexicons/cues.csv``; a small built-in list
    covers cues that file does not have.
    """
    words = (cue or "").strip().lower().split()
    if not words:
        return "neutral"
    for forms, rest, vs in _cue_stances():
        if words[0] in forms and tuple(words[1:1 + len(rest)]) == rest:
            return vs
    c = " ".join(words)
    for vs, stems in _VERB_STANCE_FALLBACK.items():
        if any(c.startswith(stem) for stem in stems):
            return vs
    return "neutral"
