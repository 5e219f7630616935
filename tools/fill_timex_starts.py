"""Derive where each time rule's matches can begin (run by hand, not by the kit).

``analysis/timex_starts.py`` declares the words every match of a time rule starts with, so
that one scan of an article finds the places a rule can match and the rule runs only there. After editing or adding a rule's pattern, run this from the project root::

    python tools/fill_timex_starts.py            # rewrite analysis/timex_starts.py
    python tools/fill_timex_starts.py --check    # list the rules whose entry differs; exit 1 if any

``tests/test_timex.py`` checks every entry against its pattern with :func:`covered`.

A start is written ``word`` (the match starts with that whole word: a character that is not
a letter, digit or ``_`` follows it), ``pre*`` (the match starts with these characters) or
``\\d`` (the match starts with a digit); ``_`` in a start stands for a run of spaces or
hyphens (``the_weekend``: after the commonest words, the next word is given too). A rule
whose pattern can start otherwise (a class of letters, any character ...) gets no entry:
it is scanned over the whole text.
Reads Python's private regex parser, so it is for development and tests only.
"""
from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from re import _constants as sre, _parser as sre_parse  # noqa: E402

_SPELLED = set("abcdefghijklmnopqrstuvwxyz0123456789'")  # the characters a start word is written with
_SEP = "_"  # stands for a run of spaces or hyphens between two words of a start
_DIGIT = "\x01"  # stands for "any digit" inside a derived prefix
# the prefix may go on / may go on, else a non-word character follows (\b) / a non-word
# character follows / what follows is unknown
OPEN, BOUND, WORD, CUT = "open", "bound", "word", "cut"
_LIMIT = 5000
# words that begin so many phrases of a text that a start gives the word after them too
_COMMON = frozenset({"the", "a", "an"})


def _is_sep_char(ch: str) -> bool:
    return ch.isspace() or ch == "-"


def _spelled(ch: str) -> bool:
    """A character a start may hold: an ASCII letter (lower-cased), digit or ', or a
    character without case that is no space (½: a regex ignoring case matches it alone)."""
    return ch.lower() in _SPELLED or (not ch.isascii() and ch.lower() == ch == ch.upper()
                                      and not _is_sep_char(ch) and re.match(r"\w", ch) is not None)


def _member(o, a) -> tuple[str, str] | None:
    """(characters, state) of one member of a character class, or None if it is none of
    these: a spelled character, a space or hyphen, a digit, a non-word character."""
    if o is sre.LITERAL and _spelled(chr(a)):
        return chr(a).lower(), OPEN
    if (o is sre.LITERAL and _is_sep_char(chr(a))) or (o is sre.CATEGORY and a is sre.CATEGORY_SPACE):
        return _SEP, OPEN
    if o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
        return _DIGIT, CUT
    if o is sre.LITERAL and not re.match(r"\w", chr(a)):
        return "", WORD
    return None


def _item(op, av) -> set[tuple[str, str]]:
    """(characters, state) pairs: every match of the item starts with one of the strings."""
    if op is sre.LITERAL:
        return {_member(op, av) or ("", CUT)}
    if op is sre.IN:
        if av and av[0][0] is sre.NEGATE:  # [^\S\n]: spaces only
            only_spaces = any(o is sre.CATEGORY and a is sre.CATEGORY_NOT_SPACE for o, a in av[1:])
            return {(_SEP, OPEN) if only_spaces else ("", CUT)}
        out = set()
        for o, a in av:  # each member of the class on its own
            if o is sre.RANGE and all(chr(x) in "0123456789" for x in a):
                out |= {(chr(x), OPEN) for x in range(a[0], a[1] + 1)}
            else:
                out.add(_member(o, a) or ("", CUT))
        return out
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:
        return set().union(*(_sequence(b) for b in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        once = _sequence(body)
        if high == 1 or once == {(_SEP, OPEN)}:  # at most once, or a run of spaces (one _ stands for it)
            return once | {("", OPEN)} if low == 0 else once
        more = {(s, CUT if st in (OPEN, BOUND) else st) for s, st in once}  # it may go on with itself
        return more | {("", OPEN)} if low == 0 else more
    return {("", CUT)}


def _join(s: str, st: str, p: str, pst: str, top: bool) -> tuple[str, str]:
    if not p:  # nothing spelled: an optional part left out keeps the state, else it ends here
        return (s, st) if pst == OPEN else (s, WORD if st == BOUND else pst)
    joined = re.sub(_SEP + "+", _SEP, s + p)
    words = joined.split(_SEP)
    # a start keeps its first word, and the next after a common one; a part inside the
    # pattern (not knowing what comes before it) keeps two
    keep = (2 if words[0] in _COMMON else 1) if top else 2
    if any(words[keep:]):  # a space follows the words kept
        return _SEP.join(words[:keep]) + _SEP, WORD
    return joined, pst


def _sequence(items, top: bool = False) -> set[tuple[str, str]]:
    out = {("", OPEN)}
    for op, av in items:
        if op is sre.AT and av is sre.AT_BOUNDARY:
            # \b after a letter or digit: a non-word character follows
            out = {(s, BOUND) if st == OPEN and s and s[-1].isalnum() else (s, st) for s, st in out}
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: spells nothing
        parts = _item(op, av)
        nxt = {(s, st) for s, st in out if st in (WORD, CUT)}
        for s, st in out:
            if st in (OPEN, BOUND):
                nxt |= {_join(s, st, p, pst, top) for p, pst in parts}
        out = nxt
        if len(out) > _LIMIT:
            raise OverflowError("too many starts")
        if all(st in (WORD, CUT) for _, st in out):
            break
    return out


def _start(s: str, st: str) -> str | None:
    """The declared form of one derived (characters, state), or None (it can start anywhere)."""
    word = s.split(_DIGIT)[0]
    whole = st in (WORD, BOUND) and _DIGIT not in s
    if word.endswith(_SEP):
        word, whole = word[:-1], True  # a space follows the word
    if word.startswith(_SEP) or (not word and not s):
        return None
    if not word:
        return r"\d"
    return word if whole else word + "*"


def derived_starts(rx: re.Pattern) -> tuple[str, ...] | None:
    r"""The starts (see the module docstring) of every match of `rx`, or None if it can start anywhere.

    >>> derived_starts(re.compile(r"(?i:\b(?:the\s+)?(first|last)\s+half\b)"))
    ('first', 'last', 'the_first', 'the_last')
    >>> derived_starts(re.compile(r"(\d{1,2}):(\d\d)|(1[5-9]|20)\d\d|the\s+\d+"))
    ('\\d', 'the')
    >>> derived_starts(re.compile(r"\w+ ago")) is None
    True
    """
    try:
        found = _sequence(sre_parse.parse(rx.pattern, rx.flags & ~re.UNICODE), top=True)
    except OverflowError:
        return None
    out = {_start(s, st) for s, st in found}
    if None in out:
        return None
    # the shortest form: drop a start another one covers ("jan" beside "jan*", "20*" beside "\\d")
    return tuple(sorted(d for d in out if covered(" ".join(out - {d}), (d,))))


def covered(declared: str, derived: tuple[str, ...]) -> list[str]:
    """The derived starts no declared start covers (an empty list when the entry is sound)."""
    starts = declared.split()

    def cover(d: str) -> bool:
        chars = d[:-1] if d.endswith("*") else d
        for s in starts:
            if s == r"\d":
                if d == r"\d" or d[0] in "0123456789":
                    return True
            elif d == r"\d":
                continue
            elif s.endswith("*"):
                if chars.startswith(s[:-1]):
                    return True
            elif chars == s and not d.endswith("*"):
                return True
            elif chars.startswith(s) and len(chars) > len(s) and chars[len(s)] in _SEP + "'":
                return True  # the whole word s, then a space or '
        return False

    return [d for d in derived if not cover(d)]


MODULE = Path(__file__).resolve().parents[1] / "analysis" / "timex_starts.py"
_HEAD = '''r"""Where each time rule's matches can begin: written by ``tools/fill_timex_starts.py`` from
the patterns of :mod:`analysis.timex` (do not edit by hand; run the tool after changing a rule).

For each rule id, the starts every match of the rule begins with (:mod:`analysis.rule_starts`):
``word`` (that whole word), ``pre*`` (a word starting so), ``\\d`` (a digit); ``_`` stands for
spaces between two words, given after the commonest words ("the_year"). A rule without an
entry runs over the whole text. ``tests/test_timex.py`` checks every entry against its pattern.
"""

STARTS: dict[str, str] = {
'''


def _entries() -> dict[str, str]:
    from analysis import timex

    out = {}
    for rule in timex._RULES:
        starts = derived_starts(rule.rx)
        if starts is not None:
            out[rule.id] = " ".join(starts)
    return out


def _module(entries: dict[str, str]) -> str:
    lines = [_HEAD]
    for rid, starts in entries.items():
        pieces = textwrap.wrap(starts, 88, break_long_words=False, break_on_hyphens=False)
        if len(pieces) == 1:
            lines.append(f"    {rid!r}: {starts!r},\n")
            continue
        lines.append(f"    {rid!r}: (\n")
        lines += [f"        {p + (' ' if i < len(pieces) - 1 else '')!r}\n" for i, p in enumerate(pieces)]
        lines.append("    ),\n")
    lines.append("}\n")
    return "".join(lines)


def main(argv: list[str]) -> int:
    from analysis import timex_starts

    entries = _entries()
    if "--check" in argv:
        declared = timex_starts.STARTS
        differ = [rid for rid in {**entries, **declared} if declared.get(rid) != entries.get(rid)]
        for rid in differ:
            print(f"{rid}: declared {declared.get(rid)!r}, derived {entries.get(rid)!r}")
        return 1 if differ else 0
    MODULE.write_text(_module(entries), encoding="utf-8")
    print(f"wrote {MODULE} ({len(entries)} rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
