"""Cheap necessary conditions for regex rules: skip a rule when a text lacks every word it needs.

Shared by the stance and time rules. A rule is skipped only when *every* match of its
pattern must contain one of the returned words and none is in the lower-cased text, so
skipping never changes what the rules find.
"""
from __future__ import annotations

import re

# Characters that a case-insensitive regex matches to an ASCII letter although they do not
# lower-case to it (found by matching [a-z] with re.I against every code point): a text
# holding one gets no word prefilter.
FOLD_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive regex over ``text`` can match an ASCII
    letter only where the lower-cased text has it; None otherwise (then no prefilter)."""
    return None if FOLD_ODD.search(text) else text.lower()


def _seq_words(items) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of the parsed regex sequence
    ``items`` contains (taken from its mandatory literals); None if none found."""
    from re import _constants as sre

    best = None
    run: list[str] = []

    def better(a, b):
        if b is None:
            return a
        if a is None:
            return b
        return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a

    for op, av in list(items) + [(None, None)]:
        if op is sre.LITERAL:
            ch = chr(av)
            if ch.isascii() and (ch.isalnum() or ch == " "):
                run.append(ch.lower())
                continue
        if run:
            best = better(best, ("".join(run),))
            run = []
        if op is sre.SUBPATTERN:
            best = better(best, _seq_words(av[-1]))
        elif op is sre.BRANCH:
            alts = [_seq_words(b) for b in av[1]]
            if all(a is not None for a in alts):
                best = better(best, tuple(dict.fromkeys(x for a in alts for x in a)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            best = better(best, _seq_words(av[2]))
    return best


def required_words(rx: re.Pattern) -> tuple[str, ...] | None:
    """Words (lower case) one of which every match of ``rx`` contains, or None."""
    try:
        from re import _parser as sre_parse

        words = _seq_words(sre_parse.parse(rx.pattern, rx.flags & ~re.UNICODE))
    except Exception:  # a Python without these internals: no prefilter
        return None
    return words if words and min(map(len, words)) >= 2 else None
