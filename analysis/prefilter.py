"""Cheap necessary conditions for regex rules: skip a rule when a text lacks every word it needs.

A lexicon row declares, in its ``needs`` column, words one of which every match of its
pattern contains (lower case, ``|``-separated; ``{MACRO}`` stands for the needs of a word
class of ``lexicons/stance_terms.csv``; empty = the row is tried on every text). At run
time a rule is skipped only when none of its words is in the lower-cased text, so skipping
never changes what the rules find, and nothing parses a regex. :class:`TriggerIndex` answers
that for all rows of a lexicon in one scan of a text (:func:`may_match` is the one-row form).

A row may also declare, in a ``starts`` column, strings one of which every match of its
pattern begins with (lower-case ASCII letters and digits): :func:`finditer_from` then tries
the pattern only where one of them begins in the lower-cased text, not at every character.

The declared words are derived from the patterns at development time
(:func:`derive_needs`, used by ``tools/fill_needs.py``) and checked against them by the
tests (``tests/test_prefilter.py``), never at run time.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Mapping, Sequence

# Characters that a case-insensitive regex matches to an ASCII letter although they do not
# lower-case to it (found by matching [a-z] with re.I against every code point): a text
# holding one gets no word prefilter.
FOLD_ODD = re.compile("[\u0130\u0131\u017f\u212a]")

Needs = tuple[str, ...] | None


def lowered(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive regex over ``text`` can match an ASCII
    letter only where the lower-cased text has it; None otherwise (then no prefilter).

    >>> lowered("Denied"), lowered("\u212aelvin")
    ('denied', None)
    """
    return None if FOLD_ODD.search(text) else text.lower()


def parse_needs(cell: str | None, macros: Mapping[str, Needs] | None = None) -> Needs:
    """The words of a ``needs`` cell; None (no prefilter) when it is empty or names a word
    class that has no needs of its own (or that ``macros`` does not know).

    >>> parse_needs("Denied|deny")
    ('denied', 'deny')
    >>> parse_needs("call|{EVAL}", {"{EVAL}": ("false", "untrue")})
    ('call', 'false', 'untrue')
    >>> parse_needs("") is None and parse_needs("call|{NEW}", {}) is None
    True
    """
    words: list[str] = []
    for item in (cell or "").split("|"):
        item = item.strip()
        if item.startswith("{"):
            expanded = (macros or {}).get(item)
            if expanded is None:
                return None
            words.extend(expanded)
        elif item:
            words.append(item.lower())  # the text is lower-cased: an upper-case word would never be found
    return tuple(dict.fromkeys(words)) or None


def may_match(needs: Needs, low: str | None) -> bool:
    """False only when ``low`` (see :func:`lowered`) holds none of a rule's needed words.

    >>> may_match(("deny", "denied"), "they denied it"), may_match(("deny",), "they said it")
    (True, False)
    """
    if needs is None or low is None:
        return True
    for word in needs:
        if word in low:
            return True
    return False


class Substrings:
    """Which of a fixed set of words occur in a piece of text, in one regex scan of it.

    The words are laid out as a trie (``den(?:i(?:ed)?)?``) tried by a look-ahead at every
    offset, which gives the longest word beginning there (an optional tail is greedy). Every
    other word beginning at that offset is a prefix of it (two words beginning at one offset
    are both prefixes of the text from there, so the shorter is a prefix of the longer), so the
    words a piece holds are the prefixes, among the words, of the longest ones found. One scan
    in C instead of a search per word or a Python loop over the piece's characters.

    >>> sorted(Substrings(["deni", "denied", "it", "x", "hoax"]).held("undeniable;it"))
    ['deni', 'it']
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = frozenset(w for w in words if w)  # the empty word is never asked for (see TriggerIndex)
        self._rx = re.compile("(?=(" + _trie(words) + "))") if words else None
        # word -> the words that are prefixes of it (itself included)
        self._prefixes = {w: frozenset(w[:k] for k in range(1, len(w) + 1) if w[:k] in words) for w in words}

    def held(self, piece: str) -> frozenset[str]:
        """The words that occur in `piece`."""
        if self._rx is None:
            return frozenset()
        return frozenset().union(*map(self._prefixes.__getitem__, self._rx.findall(piece)))


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly the (non-empty) `words`, longest first, as a trie.

    >>> _trie(["deni", "denied", "deny", "it"])
    '(?:den(?:i(?:ed)?|y)|it)'
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return "(?:" + body + ")?" if "" in node else body  # greedy: the longer word first

    return emit(root)


class _PieceWords:
    """The words of every index's vocabulary (needed words, declared starts) that a piece
    holds, shared by all :class:`TriggerIndex` and :class:`StartFinder` objects of the
    process: a piece new to all of them (half the distinct pieces of a corpus pass are) is
    read once, not once per index. Each index keeps only the words of its own vocabulary.
    An index built later adds its words: the finder is rebuilt and the cache emptied, so no
    cached answer lacks a word it holds. Bounded (emptied when full)."""

    def __init__(self, cache_size: int = 1 << 16) -> None:
        self.words: frozenset[str] = frozenset()
        self._finder: Substrings | None = Substrings(())
        self._cache: dict[str, frozenset[str]] = {}
        self._cache_size = cache_size
        self._texts: dict[str, frozenset[str]] = {}  # the last few texts read whole (see in_text)

    def add(self, words: Iterable[str]) -> None:
        """Take `words` into the vocabulary."""
        if not self.words.issuperset(words):
            self.words = self.words.union(words)
            self._finder = None  # compiled when next needed (several indexes are built in a row)
            self._cache.clear()
            self._texts.clear()

    def held(self, piece: str) -> frozenset[str]:
        """The vocabulary's words that occur in `piece`."""
        found = self._cache.get(piece)
        if found is None:
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            if self._finder is None:
                self._compile()
            found = self._cache[piece] = self._finder.held(piece)
        return found

    def _compile(self) -> None:
        # the indexes declared (share_vocabulary) but not built yet are built first, so that
        # the finder is compiled once with all their words, not again as each one is built
        while _DECLARED:
            _DECLARED.pop()()
        self._finder = Substrings(self.words)

    def union(self, pieces: frozenset[str]) -> set[str]:
        """The vocabulary's words that occur in any of `pieces` (the same as the union of
        :meth:`held` over them: the cached pieces are looked up in one C loop)."""
        cache = self._cache
        missing = pieces.difference(cache)  # (a set and a dict: one C loop)
        if len(cache) + len(missing) > self._cache_size:
            return set().union(*map(self.held, pieces))  # the cache is emptied on the way
        if missing:
            if self._finder is None:
                self._compile()
            held = self._finder.held
            for piece in missing:
                cache[piece] = held(piece)
        return set().union(*map(cache.__getitem__, pieces))

    def in_text(self, low: str) -> frozenset[str]:
        """The vocabulary's words in ``low``: :meth:`union` over its pieces (:func:`pieces`),
        the last few texts kept (the lexicons reading one article each ask; emptied with the
        piece cache when words are added)."""
        found = self._texts.get(low)
        if found is None:
            if len(self._texts) >= 4:
                self._texts.clear()
            found = self._texts[low] = frozenset(self.union(pieces(low)))
        return found


_PIECE_WORDS = _PieceWords()
_DECLARED: list[Callable[[], object]] = []


def share_vocabulary(*builders: Callable[[], object]) -> None:
    """Declare functions that build a module's :class:`TriggerIndex` and :class:`StartFinder`
    objects (cached, so building again costs nothing): they are built before the finder of
    the pieces' words (:class:`_PieceWords`) is first compiled, which then knows all their
    words at once (compiling it takes a fiftieth of a second). What any index answers does
    not depend on it: an index built later still adds its words."""
    _DECLARED.extend(builders)


class TriggerIndex:
    """The rows of one lexicon a text may match, found in one scan of the text for all rows.

    ``rows(low)`` gives, in row order, exactly the ``k`` with ``may_match(needs[k], low)``,
    without a substring search per row: it splits ``low`` at whitespace once and looks each
    distinct piece up in the shared cache of the words a piece holds (:class:`_PieceWords`),
    then takes the rows of those words. That is the same answer because an occurrence of a
    word without whitespace holds no whitespace, so it lies inside one piece of
    ``low.split()``; the few words with whitespace (or empty) are searched in the whole text.

    >>> index = TriggerIndex([("deny", "denied"), None, ("hoax",), ("fake news",)])
    >>> index.rows("they denied the hoax"), index.rows("it is fake  news"), index.rows("fake news!")
    ((0, 1, 2), (1,), (1, 3))
    >>> index.rows(None)  # odd case folding (see lowered): every row
    (0, 1, 2, 3)
    """

    def __init__(self, needs: Sequence[Needs]) -> None:
        self.size = len(needs)
        self.always = frozenset(k for k, words in enumerate(needs) if words is None)
        by_word: dict[str, set[int]] = {}
        for k, words in enumerate(needs):
            for word in words or ():
                by_word.setdefault(word, set()).add(k)
        spaced = {w for w in by_word if not w or any(c.isspace() for c in w)}
        self._spaced = tuple((w, frozenset(by_word[w])) for w in spaced)
        self._plain = {w: frozenset(k) for w, k in by_word.items() if w not in spaced}
        self._vocabulary = frozenset(self._plain)
        self._sigma = frozenset(w for w in self._plain if "σ" in w or "ς" in w)  # see WordPlaces
        _PIECE_WORDS.add(self._plain)

    def places(self, low: str) -> WordPlaces:
        """Where the index's words occur in ``low`` (a :func:`lowered` text), for :meth:`rows`
        of its stretches."""
        return WordPlaces(self, low)

    def rows(self, low: str | None, within: tuple[WordPlaces, int] | None = None) -> tuple[int, ...]:
        """Indices of the rows ``low`` (see :func:`lowered`) may match, in row order.

        ``within``: (:meth:`places` of a text, offset): ``low`` is the lowered stretch of that
        text from that offset; its words are then read off the text's (see :class:`WordPlaces`)."""
        if low is None:
            return tuple(range(self.size))
        found = set(self.always)
        if within is None:
            # (read once for the lexicons reading the same text; the words of other indexes dropped)
            words = _PIECE_WORDS.in_text(low) & self._vocabulary
            found.update(*map(self._plain.__getitem__, words))
        else:
            places, at = within
            found.update(*places.rows_between(at, at + len(low)))
            for word in self._sigma:  # (see WordPlaces)
                if word in low:
                    found |= self._plain[word]
        for word, rows in self._spaced:
            if word in low:
                found |= rows
        return tuple(sorted(found))


class WordPlaces:
    """Where the words of a :class:`TriggerIndex` occur in one lowered text (an article), so
    that the words of a stretch of it (a clause) are read by bisection, not by reading the
    stretch's pieces again: a stretch holds a word exactly where an occurrence of the word in
    the text lies inside it, since the stretch lowered alone has the text's lowered letters,
    save a Greek sigma, whose lower case depends on the letters around it (``"ΣΑΣ".lower()``
    ends in a final sigma, its first two letters' in none): the few words with a sigma are
    searched in the stretch itself (:meth:`TriggerIndex.rows`).

    >>> index = TriggerIndex([("deny",), ("hoax",), ("it",)])
    >>> places = index.places("they deny it; a hoax")
    >>> index.rows("deny it", (places, 5)), index.rows("y it; a hoa", (places, 8))
    ((0, 2), (2,))
    """

    def __init__(self, index: TriggerIndex, low: str) -> None:
        found = []  # (start, end, rows of the word)
        for word in _PIECE_WORDS.in_text(low) & index._vocabulary - index._sigma:
            rows, n = index._plain[word], len(word)
            found.extend((k, k + n, rows) for k in occurrences(word, low))
        found.sort(key=lambda f: f[0])
        self._starts = [f[0] for f in found]
        self._ends = [f[1] for f in found]
        self._rows = [f[2] for f in found]
        self._longest = max(map(len, index._vocabulary), default=0)

    def rows_between(self, start: int, end: int) -> list[frozenset[int]]:
        """The rows of each occurrence of a word inside ``[start, end)`` of the text."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, i)
        # an occurrence starting at least the longest word's length before the end lies inside
        k = bisect_right(self._starts, end - self._longest, i, j)
        return self._rows[i:k] + [self._rows[m] for m in range(k, j) if self._ends[m] <= end]


_START = re.compile(r"[a-z0-9]+\Z")


class StartFinder:
    """Which of the declared starts of a lexicon's rows a text holds at all, in one scan of
    its words (then :func:`start_places` searches only for those).

    A start is lower-case ASCII letters and digits, so each occurrence of it in a lower-cased
    text lies inside one piece of ``low.split()`` (:func:`pieces`, the split the trigger
    indexes make too): the starts a text holds are those its pieces hold, read from the
    shared cache of the words a piece holds (:class:`_PieceWords`). A start of another form
    (none is declared today) is always counted as held.

    ``present(low)`` is exact for the starts the finder was built from; pass it to
    :func:`start_places` only with those.

    >>> finder = StartFinder([("deni", "it"), ("hoax",), None])
    >>> sorted(finder.present("they denied it; denial")), sorted(finder.present("a hoax"))
    (['deni', 'it'], ['hoax'])
    """

    def __init__(self, starts: Iterable[Needs]) -> None:
        declared = {start for row in starts for start in row or ()}
        self._other = frozenset(s for s in declared if not _START.match(s))
        self._plain = frozenset(declared - self._other)
        _PIECE_WORDS.add(self._plain)

    def present(self, low: str) -> frozenset[str]:
        """The declared starts ``low`` (a :func:`lowered` text) holds."""
        return self._other.union(_PIECE_WORDS.in_text(low) & self._plain)


class HeldStarts:
    """The declared starts an article holds (:meth:`StartFinder.present`), and, per row's
    tuple of starts, those of them it holds, worked out once per tuple: a start the article
    lacks is at no offset of it nor of a clause cut from it, so the article and its clauses
    search only for :meth:`of` a row's starts (the clauses ask the same rows again and again).

    >>> held = HeldStarts(frozenset({"deni", "it"}))
    >>> held.of(("hoax", "deni", "it")), held.of(("hoax",)), held.of(None)
    (('deni', 'it'), (), None)
    """

    def __init__(self, present: frozenset[str]) -> None:
        self.present = present
        self._of: dict[tuple[str, ...], tuple[str, ...]] = {}

    def of(self, starts: Needs) -> Needs:
        """The ones of ``starts`` the article holds, in their order (None, no declared
        starts: None, every offset)."""
        if starts is None:
            return None
        held = self._of.get(starts)
        if held is None:
            held = self._of[starts] = tuple(start for start in starts if start in self.present)
        return held


@lru_cache(maxsize=4)
def pieces(low: str) -> frozenset[str]:
    """The distinct pieces of ``low.split()``: a function of ``low`` alone, the last few kept
    so the lexicons reading one article (hedges, loaded words, stance) split it once."""
    return frozenset(low.split())


def start_places(low: str, starts: Iterable[str]) -> list[int]:
    """Every offset of ``low`` where one of ``starts`` begins, ascending (pass only the
    starts the text holds, :meth:`HeldStarts.of`, when they are known).

    >>> start_places("they denied it; denial", ["deni", "it"])
    [5, 12, 16]
    """
    # (occurrences() written out: this runs for every clause and row, where a generator per
    # start cost it 30 %)
    places: set[int] = set()
    for start in starts:
        k = low.find(start)
        while k >= 0:
            places.add(k)
            k = low.find(start, k + 1)
    return sorted(places)


def occurrences(word: str, text: str) -> Iterator[int]:
    """Every offset of ``word`` in ``text``, overlapping ones too, in order.

    >>> list(occurrences("aa", "aaa"))
    [0, 1]
    """
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


def matches_at(rx: re.Pattern, text: str, places: Iterable[int]) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for a pattern whose every match starts at one of ``places``
    (ascending), trying the pattern only there.

    ``finditer`` yields the leftmost match from where the last one ended; when matches can
    only start at ``places``, that is the first place at or after that point where
    ``rx.match`` succeeds (``match`` at a position still sees the text before it, for
    look-behinds and ``\\b``). After an empty match ``finditer``'s own rule takes over.

    >>> rx = re.compile(r"\\b(?:last|next) (?:week|month)")
    >>> text = "last week and next month, not lastly"
    >>> [m.span() for m in matches_at(rx, text, [0, 14, 30])] == [m.span() for m in rx.finditer(text)]
    True
    """
    pos = 0
    for p in places:
        if p < pos:
            continue  # inside the last match
        m = rx.match(text, p)
        if m is None:
            continue
        if m.end() == p:
            yield from rx.finditer(text, p)
            return
        yield m
        pos = m.end()


def finditer_from(rx: re.Pattern | Callable[[], re.Pattern], text: str, low: str | None,
                  starts: Needs) -> Iterator[re.Match]:
    """``rx.finditer(text)``, tried only where one of a row's declared ``starts`` begins in
    ``low`` (``lowered(text)``). The same matches: ``lowered`` keeps every offset (it refuses
    the one character whose lower case is longer, U+0130) and a case-insensitive pattern
    matches an ASCII letter only where the lower-cased text has it, so a match beginning
    with a start begins where ``low`` has that start. No starts, or no ``low``: every offset.

    ``rx`` may be a function giving the pattern (a row compiled when first tried): it is not
    called when no start is in ``low``, as the pattern then has no match.

    >>> rx = re.compile(r"\\b(?:denied|denies)\\b", re.I)
    >>> [m.group() for m in finditer_from(rx, "He DENIED it; she denies", "he denied it; she denies", ("deni",))]
    ['DENIED', 'denies']
    >>> list(finditer_from(lambda: 1 / 0, "He said it", "he said it", ("deni",)))  # never compiled
    []
    """
    if starts is None or low is None:
        return _pattern(rx).finditer(text)
    places = start_places(low, starts)
    return matches_at(_pattern(rx), text, places) if places else iter(())


def found_from(rx: re.Pattern | Callable[[], re.Pattern], text: str, low: str | None, starts: Needs) -> bool:
    """``rx.search(text) is not None``, tried only where a start begins (see :func:`finditer_from`).

    >>> found_from(re.compile(r"\\bfals", re.I), "It is FALSE", "it is false", ("fals",))
    True
    """
    return next(finditer_from(rx, text, low, starts), None) is not None


def _pattern(rx: re.Pattern | Callable[[], re.Pattern]) -> re.Pattern:
    return rx if isinstance(rx, re.Pattern) else rx()


# ---------------------------------------------------------------------------
# Development and test time: reading the words out of a pattern


def _better(a: Needs, b: Needs) -> Needs:
    """The stronger of two word sets (longer shortest word, then fewer words)."""
    if b is None:
        return a
    if a is None:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _leading_run(items) -> str:
    """The literal ASCII letters, digits and spaces a parsed sequence starts with."""
    from re import _constants as sre

    run = []
    for op, av in items:
        if op is not sre.LITERAL or not (chr(av).isascii() and (chr(av).isalnum() or chr(av) == " ")):
            break
        run.append(chr(av).lower())
    return "".join(run)


def _seq_words(items, join: bool = False) -> Needs:
    """Lower-case ASCII strings one of which every match of the parsed regex sequence
    ``items`` contains (taken from its mandatory literals); None if none found.

    ``join`` also reads a literal run followed by a choice as the run plus each choice's
    first letters ("den" + "y|ied" -> "deny", "denied"): the parser splits a common prefix
    off a choice ("might|may" -> "m" + "ight|ay").
    """
    from re import _constants as sre

    best = None
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is sre.LITERAL:
            ch = chr(av)
            if ch.isascii() and (ch.isalnum() or ch == " "):
                run.append(ch.lower())
                continue
        if run and join and op is sre.BRANCH:
            heads = [_leading_run(alt) for alt in av[1]]
            if all(heads):
                best = _better(best, tuple(dict.fromkeys("".join(run) + h for h in heads)))
        if run:
            best = _better(best, ("".join(run),))
            run = []
        if op is sre.SUBPATTERN:
            best = _better(best, _seq_words(av[-1], join))
        elif op is sre.BRANCH:
            alts = [_seq_words(b, join) for b in av[1]]
            if all(a is not None for a in alts):
                best = _better(best, tuple(dict.fromkeys(x for a in alts for x in a)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            best = _better(best, _seq_words(av[2], join))
    return best


def required_words(rx: re.Pattern) -> Needs:
    """Words (lower case) one of which every match of ``rx`` contains, or None.

    Reads Python's private regex parser, so it is for development and tests only (the
    lexicons declare their rows' words; see the module docstring).

    >>> required_words(re.compile(r"\\b(?:groundless|baseless)\\s+rumou?r", re.I))
    ('groundless', 'baseless')
    """
    return _parsed_words(rx.pattern, rx.flags)


def _parsed_words(pattern: str, flags: int, join: bool = False) -> Needs:
    try:
        from re import _parser as sre_parse

        words = _seq_words(sre_parse.parse(pattern, flags & ~re.UNICODE), join)
    except Exception:  # a Python without these internals: no words
        return None
    return words if words and min(map(len, words)) >= 2 else None


def derive_needs(pattern: str, flags: int = re.I, held: Mapping[str, str] | None = None) -> Needs:
    """The ``needs`` of a lexicon pattern: words one of which every match contains, or None.

    ``held`` maps ``{MACRO}`` names the pattern still holds to their regex: each is read as
    one opaque word, given back as its name, so the row follows when the word class is
    edited. Stronger than :func:`required_words` where the parser splits a choice.

    >>> derive_needs(r"\\b(?:might|may)\\b")
    ('might', 'may')
    >>> derive_needs(r"\\bden(?:y|ied)\\s+{CLAIM}", held={"{CLAIM}": "claims?|reports?"})
    ('deny', 'denied')
    >>> derive_needs(r"\\w+\\s+{CLAIM}", held={"{CLAIM}": "claims?|reports?"})
    ('{CLAIM}',)
    """
    # a stand-in that no word of a pattern contains, and no two share a first letter (the
    # parser would split the common letter off a choice between them)
    names = {name: f"{k}q" for k, name in enumerate(sorted(held or {}))}
    if len(names) > 10:
        raise ValueError("at most ten word classes can be held")
    for name, stand_in in names.items():
        pattern = pattern.replace(name, f"(?:{stand_in})")
    words = _parsed_words(pattern, flags, join=True)
    if words is None:
        return None
    out = []
    for word in words:
        inside = [name for name, stand_in in names.items() if stand_in in word]
        out.append(inside[0] if inside else word)  # a match holds a match of that class
    if any(re.search(r"\d", w) for w in out if not w.startswith("{")):
        return None  # a piece of a stand-in the parser split off: nothing safe to say
    return tuple(dict.fromkeys(out))


def _leading(items) -> set[str] | None:
    """Lower-case ASCII strings one of which every match of the parsed sequence ``items``
    begins with (its leading literal letters and digits, through groups and choices); None
    when a match may begin otherwise."""
    from re import _constants as sre

    run = []
    for op, av in items:
        if op is sre.LITERAL and chr(av).isascii() and chr(av).isalnum():
            run.append(chr(av).lower())
            continue
        if run:
            # the parser splits a common prefix off a choice ("might|may" -> "m" + "ight|ay")
            more = _leading([(op, av)]) if op in (sre.SUBPATTERN, sre.BRANCH) else None
            return {"".join(run) + m for m in more} if more else {"".join(run)}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character: the match begins with what follows
        if op is sre.SUBPATTERN:
            return _leading(av[-1])
        if op is sre.BRANCH:
            alts = [_leading(alt) for alt in av[1]]
            return None if any(a is None for a in alts) else set().union(*alts)
        return None
    return {"".join(run)} if run else None


def derive_starts(pattern: str, flags: int = re.I) -> Needs:
    """The ``starts`` of a lexicon pattern: strings one of which every match begins with, or None.

    >>> derive_starts(r"(?<![\\w-])(?:slam(?:s|med)|rips?\\s+into|Tore)(?![\\w-])")
    ('rip', 'slammed', 'slams', 'tore')
    >>> derive_starts(r"\\b(?:might|may)\\b"), derive_starts(r"\\w+ly")
    (('may', 'might'), None)
    """
    try:
        from re import _parser as sre_parse

        starts = _leading(sre_parse.parse(pattern, flags & ~re.UNICODE))
    except Exception:  # a Python without these internals: no starts
        return None
    return tuple(sorted(starts)) if starts else None


def implied(declared: Sequence[str], derived: Sequence[str]) -> bool:
    """True when every derived word contains a declared one (a ``{MACRO}`` only itself):
    a match holds a derived word, so it holds a declared one.

    >>> implied(["den"], ["deny", "denied"]), implied(["deny"], ["den"])
    (True, False)
    """
    return all(any(d == w if w.startswith("{") else (not d.startswith("{") and d in w) for d in declared)
               for w in derived)
