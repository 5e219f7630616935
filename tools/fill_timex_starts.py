"""Derive where each time rule's matches can begin (run by hand, not by the kit).

``analysis/timex.py`` declares, in ``_STARTS``, the words every match of a rule starts
with, so that one scan of an article finds the places a rule can match and the rule runs
only there. After editing or adding a rule's pattern, run this from the project root::

    python tools/fill_timex_starts.py            # print the table to paste into timex.py
    python tools/fill_timex_starts.py --check    # list the rules whose entry differs; exit 1 if any

``tests/test_timex.py`` checks every entry against its pattern with :func:`covered`.

A start is written ``word`` (the match starts with that whole word: a character that is not
a letter, digit or ``_`` follows it), ``pre*`` (the match starts with these characters) or
``\\d`` (the match starts with a digit). A rule whose pattern can start otherwise (with a
class of letters, any character ...) gets no entry: it is scanned over the whole text.
Reads Python's private regex parser, so it is for development and tests only.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from re import _constants as sre, _parser as sre_parse  # noqa: E402

_SPELLED = set("abcdefghijklmnopqrstuvwxyz0123456789'")  # the characters a start word is written with
_DIGIT = "\x01"  # stands for "any digit" inside a derived prefix
OPEN, WORD, CUT = "open", "word", "cut"  # the prefix may go on / a non-word character follows / unknown
_LIMIT = 5000


def _not_word(op, av) -> bool:
    """True when every character the parsed item matches is not a word character (\\w)."""
    if op is sre.LITERAL:
        return not re.match(r"\w", chr(av))
    if op is sre.IN:
        if av and av[0][0] is sre.NEGATE:
            return any(o is sre.CATEGORY and a is sre.CATEGORY_NOT_SPACE for o, a in av[1:])
        return all((o is sre.LITERAL and not re.match(r"\w", chr(a))) or (o is sre.CATEGORY and a is sre.CATEGORY_SPACE)
                   for o, a in av)
    return False


def _item(op, av) -> set[tuple[str, str]]:
    """(characters, state) pairs: every match of the item starts with one of the strings."""
    if op is sre.LITERAL and chr(av).lower() in _SPELLED:
        return {(chr(av).lower(), OPEN)}
    if op is sre.IN and not (av and av[0][0] is sre.NEGATE):
        out = set()
        for o, a in av:  # each member of the class on its own
            if o is sre.LITERAL and chr(a).lower() in _SPELLED:
                out.add((chr(a).lower(), OPEN))
            elif o is sre.RANGE and all(chr(x) in "0123456789" for x in a):
                out |= {(chr(x), OPEN) for x in range(a[0], a[1] + 1)}
            elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
                out.add((_DIGIT, CUT))
            else:
                out.add(("", WORD if _not_word(sre.IN, [(o, a)]) else CUT))
        return out
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:
        return set().union(*(_sequence(b) for b in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        once = _sequence(body)
        if high == 1:
            return once | {("", OPEN)} if low == 0 else once
        more = {(s, CUT if st == OPEN else st) for s, st in once}  # it may go on with itself
        return more | {("", OPEN)} if low == 0 else more
    if _not_word(op, av):
        return {("", WORD)}
    return {("", CUT)}


def _sequence(items) -> set[tuple[str, str]]:
    out = {("", OPEN)}
    for op, av in items:
        if op is sre.AT and av is sre.AT_BOUNDARY:
            # \b after a word character: a non-word character follows
            out = {(s, WORD) if st == OPEN and s and re.match(r"\w", s[-1]) else (s, st) for s, st in out}
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: spells nothing
        parts = _item(op, av)
        nxt = {(s, st) for s, st in out if st != OPEN}
        for s, st in out:
            if st == OPEN:
                nxt |= {(s + p, pst) for p, pst in parts}
        out = nxt
        if len(out) > _LIMIT:
            raise OverflowError("too many starts")
        if all(st != OPEN for _, st in out):
            break
    return out


def derived_starts(rx: re.Pattern) -> tuple[str, ...] | None:
    """The starts (see the module docstring) of every match of `rx`, or None if it can start anywhere.

    >>> derived_starts(re.compile(r"(?i:\\b(?:the\\s+)?(first|last)\\s+half)"))
    ('first', 'last', 'the')
    >>> derived_starts(re.compile(r"(\\d{1,2}):(\\d\\d)|(1[5-9]|20)\\d\\d"))
    ('\\\\d',)
    >>> derived_starts(re.compile(r"\\w+ ago")) is None
    True
    """
    try:
        found = _sequence(sre_parse.parse(rx.pattern, rx.flags & ~re.UNICODE))
    except OverflowError:
        return None
    out = set()
    for s, st in found:
        word = s.split(_DIGIT)[0]
        if not word:
            if not s:
                return None  # nothing written at the start: it can start anywhere
            out.add(r"\d")
        elif _DIGIT in s or st != WORD:
            out.add(word + "*")
        else:
            out.add(word)
    # the shortest form: drop a start another one covers ("jan" beside "jan*", "20*" beside "\\d")
    return tuple(sorted(d for d in out if covered(" ".join(out - {d}), (d,))))


def covered(declared: str, derived: tuple[str, ...]) -> list[str]:
    """The derived starts no declared start covers (an empty list when the entry is sound)."""
    starts = declared.split()

    def cover(d: str) -> bool:
        for s in starts:
            if s == r"\d":
                if d == r"\d" or d[0] in "0123456789":
                    return True
            elif s.endswith("*"):
                if d != r"\d" and d.startswith(s[:-1]):
                    return True
            elif d == s:
                return True
        return False

    return [d for d in derived if not cover(d)]


def _entries() -> dict[str, str]:
    from analysis import timex

    out = {}
    for rule in timex._RULES:
        starts = derived_starts(rule.rx)
        if starts is not None:
            out[rule.id] = " ".join(starts)
    return out


def main(argv: list[str]) -> int:
    from analysis import timex

    entries = _entries()
    if "--check" in argv:
        differ = [rid for rid in {**entries, **timex._STARTS} if timex._STARTS.get(rid) != entries.get(rid)]
        for rid in differ:
            print(f"{rid}: declared {timex._STARTS.get(rid)!r}, derived {entries.get(rid)!r}")
        return 1 if differ else 0
    print("_STARTS = {")
    for rid, starts in entries.items():
        print(f"    {rid!r}: {starts!r},")
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
