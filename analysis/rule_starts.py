"""Where regex rules can match: one scan of a text for the words the rules' matches start with.

Scanning a text once per rule costs the regex engine a try at every word of the text for
every rule, most of them in vain. A rule that declares its *starts* (the words every match
of it begins with) is instead tried only where one of those words begins a word of the
text: one scan of the lower-cased text finds them for all rules at once, and
:func:`analysis.prefilter.matches_at` gives the rule's matches from there (the one
function the lexicon rows' ``starts`` use too).

A start is ``word`` (the match begins with that whole word: no letter, digit or ``_``
follows it), ``pre*`` (the match begins with these characters) or ``\\d`` (the match begins
with a digit). Words are written with lower-case ASCII letters, digits, ``'`` and characters
without case that a regex ignoring case matches alone (``½``); ``_`` stands for a run of
spaces or hyphens between two words (``the_weekend``). The declarations are derived from
the patterns at development time and checked against them by the tests (see
``tools/fill_timex_starts.py``), never at run time.

Why the same matches come out (for a rule whose every match starts at a word start):

- the scan runs on :func:`analysis.prefilter.lowered` text, where a case-insensitive
  regex can match an ASCII letter only where the lower-cased text has it; lower-casing
  keeps every offset (only U+0130 changes length, and ``lowered`` refuses it), turns no
  character that is not a word character or ``'`` into one, and leaves digits alone;
- the scan finds, at every word start, the longest declared start found there; the starts
  a match there can begin with are that one and those it begins with, so the rules tried
  there are all those the declarations allow (a ``_`` is read as the whole run of spaces
  and hyphens there: a rule's spaces between two words are all of that run, as a letter
  follows them);
- ``rx.finditer`` yields the leftmost match from where the last one ended; when matches can
  only start at the found places, the first of them at or after that point where
  ``rx.match`` succeeds is that match (``match`` with a position still sees the text
  before it, for look-behinds and ``\\b``).
"""
from __future__ import annotations

import re
from itertools import chain
from typing import Mapping, NamedTuple


_SEP_RE = re.compile(r"[\s\-]+")  # what "_" in a start stands for: spaces and hyphens between two words


class StartIndex(NamedTuple):
    """The scan built from the declared starts of a set of rules (keys)."""
    rx: re.Pattern                          # at a word start, the longest declared start word
    keys_at: dict[str, tuple]               # found start word -> keys of the rules that may match there
    digit_keys: tuple                       # keys of the rules that may start with any digit
    after: re.Pattern                       # rx for the word starts after offset 0 (see positions)


def _parse(starts: str) -> tuple[set[str], set[str], bool]:
    """(whole words, prefixes, any digit) of a declaration."""
    words, prefixes, digit = set(), set(), False
    for s in starts.split():
        if s == r"\d":
            digit = True
        elif s.endswith("*"):
            prefixes.add(s[:-1])
        else:
            words.add(s)
    return words, prefixes, digit


def _trie(words: set[str], prefixes: set[str], head: str = "") -> str:
    """A regex finding, after `head`, the longest of `words` (then no word character) and
    `prefixes` (all of them starting with `head`): one branch per next letter, the longer
    forms tried before the shorter."""
    n = len(head)
    branches = []
    for c in sorted({w[n] for w in words | prefixes if len(w) > n}):
        edge = _SEP_RE.pattern if c == "_" else re.escape(c)
        branches.append(edge + _trie({w for w in words if w[n:n + 1] == c},
                                     {p for p in prefixes if p[n:n + 1] == c}, head + c))
    if head in prefixes:
        branches.append("")
    elif head in words:
        branches.append(r"(?!\w)")
    return "(?:" + "|".join(branches) + ")"


def build(declared: Mapping[object, str]) -> StartIndex:
    """The scan for rules keyed as in `declared` (key -> its starts)."""
    parsed = {key: _parse(starts) for key, starts in declared.items()}
    order = {key: i for i, key in enumerate(parsed)}
    by_word: dict[str, set] = {}
    by_prefix: dict[str, set] = {}
    for key, (words, prefixes, _) in parsed.items():
        for w in words:
            by_word.setdefault(w, set()).add(key)
        for p in prefixes:
            by_prefix.setdefault(p, set()).add(key)
    digit_keys = tuple(k for k, p in parsed.items() if p[2])
    trie = _trie(set(by_word), set(by_prefix)) if by_word or by_prefix else "(?!)"
    rx = re.compile(r"(?<![\w'])(?:(?=(" + trie + r"))|(?=\d))")
    after = re.compile(r"[^\w'](?:(?=(" + trie + r"))|(?=\d))")
    keys_at = {}
    for found in by_word.keys() | by_prefix.keys():
        # the starts that begin where `found` does: its prefixes, its whole words (then ' or a
        # space), any digit
        keys = set(digit_keys) if found[:1].isdigit() else set()
        for n in range(1, len(found) + 1):
            keys |= by_prefix.get(found[:n], set())
            if n == len(found) or found[n] in "_'":
                keys |= by_word.get(found[:n], set())
        keys_at[found] = tuple(sorted(keys, key=order.__getitem__))
    return StartIndex(rx, keys_at, digit_keys, after)


def positions(index: StartIndex, low: str) -> dict[object, list[int]]:
    """Where in `low` (a :func:`analysis.prefilter.lowered` text) each rule may match,
    ascending (a rule with no such place is absent).

    Offset 0 is tried with ``index.rx``; every later word start is found by ``index.after``,
    which consumes the one character before it (not a word character nor ``'``, as the
    look-behind of ``rx`` asks), so the regex engine skips straight to those characters
    instead of trying every offset; the place is then the match's end. Each match is one
    character wide, so no character before a word start is passed over."""
    by_found: dict[str | None, list[int]] = {}
    first = index.rx.match(low)
    if first is not None:
        by_found[first.group(1)] = [0]
    for m in index.after.finditer(low):
        places = by_found.get(m.group(1))
        if places is None:
            by_found[m.group(1)] = [m.end()]
        else:
            places.append(m.end())
    lists: dict[object, list[list[int]]] = {}
    for found, places in by_found.items():
        if found is not None and found not in index.keys_at:
            found = _SEP_RE.sub("_", found)  # "the  year" is the start the_year
        for key in (index.digit_keys if found is None else index.keys_at[found]):
            lists.setdefault(key, []).append(places)
    return {key: (ls[0] if len(ls) == 1 else sorted(chain.from_iterable(ls))) for key, ls in lists.items()}
