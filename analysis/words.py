"""Where a given word stands in a text as a whole word, found without compiling a regex for it.

The actor and target steps ask where a name or a head word occurs in the article ("Kirby",
"ministry"), a different word for every article. ``re.finditer(r"\\b" + re.escape(word) +
r"\\b", text)`` compiled a regex per word (a tenth to a third of a millisecond each) and, by
filling ``re``'s cache, pushed the kit's constant patterns out of it to be compiled again.
:func:`word_starts` finds the same places by ``str.find`` and a word-boundary test that
follows ``re``'s own definitions: ``\\w`` is ``str.isalnum()`` or ``_``, ``\\s`` is
``str.isspace()``. :func:`phrase_at` finds a target phrase not inside a longer word the
same way (``(?<!\\w)PHRASE(?!\\w)``, from a position).

>>> word_starts("Kirby", "Kirby said Kirby's Kirbys are Kirby.")
[0, 11, 30]

:func:`word_matches` and :func:`literal_matches` give what a regex's scan of a whole article
gives when every match of the regex starts with known words (a name, a head noun): the regex
is tried only where ``str.find`` finds one (:func:`analysis.prefilter.matches_at`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Sequence

from analysis.prefilter import lowered, matches_at, occurrences, start_places


def is_word_char(c: str) -> bool:
    """Whether ``re``'s ``\\w`` matches the character ``c`` (a str pattern, no flags)."""
    return c.isalnum() or c == "_"


def boundary(text: str, i: int) -> bool:
    """Whether ``\\b`` matches at offset ``i`` of ``text``.

    >>> boundary("a b", 1), boundary("ab", 1), boundary("ab", 0)
    (True, False, True)
    """
    return (i > 0 and is_word_char(text[i - 1])) != (i < len(text) and is_word_char(text[i]))


def word_starts(word: str, text: str) -> list[int]:
    """Offsets of the matches of ``\\bWORD\\b`` (``word`` literal, case as given) in ``text``,
    as ``re.finditer`` gives them: leftmost first, not overlapping."""
    return list(_word_places(word, text))


def has_word(word: str, text: str) -> bool:
    """Whether ``re.search(r"\\b" + re.escape(word) + r"\\b", text)`` finds anything.

    >>> has_word("ministry", "the foreign ministry"), has_word("minister", "the ministers")
    (True, False)
    """
    return next(_word_places(word, text), None) is not None


def phrase_at(phrase: str, text: str, pos: int) -> int:
    """The first offset from ``pos`` where ``phrase`` stands not inside a longer word ("he"
    is no target in "the"), or -1: where ``re.compile(r"(?<!\\w)" + re.escape(phrase) +
    r"(?!\\w)").search(text, pos)`` matches (the look-behind sees before ``pos`` too), found
    by ``str.find`` without compiling a regex per phrase (``\\w`` is :func:`is_word_char`).

    >>> phrase_at("he", "the man, he said", 0), phrase_at("he", "he said", 1)
    (9, -1)
    """
    pos = min(max(pos, 0), len(text))  # as ``re`` reads a position outside the text
    k, n = text.find(phrase, pos), len(phrase)
    while k >= 0:
        if not (k > 0 and is_word_char(text[k - 1])) and not (k + n < len(text) and is_word_char(text[k + n])):
            return k
        k = text.find(phrase, k + 1)
    return -1


def _word_places(word: str, text: str) -> Iterator[int]:
    if not word:  # an empty word matches empty strings, as only the regex says where
        yield from (m.start() for m in re.finditer(r"\b\b", text))
        return
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if boundary(text, i) and boundary(text, end):
            yield i
            i = text.find(word, end)
        else:
            i = text.find(word, i + 1)


@lru_cache(maxsize=4)  # the article, asked for every word looked for in it
def lowered_text(text: str) -> str | None:
    """:func:`analysis.prefilter.lowered` of an article, the last few kept."""
    return lowered(text)


def word_matches(rx: re.Pattern, word: str, text: str) -> Iterator[re.Match]:
    """What ``rx.finditer(text)`` gives, for a case-insensitive ``rx`` whose every match starts
    with ``word`` (``\\bWORD...``), the regex tried only where the lower-cased text has the word:
    when prefilter.lowered holds (no character folds oddly or lowers to two, so the
    lower-cased text has the text's offsets and an ASCII word matches case-insensitively
    exactly where it has the word lower-cased), every match starts at such a place. A
    case-insensitive scan of a whole article was over ten times slower than the look-ups.

    >>> rx = re.compile(r"\\bminist\\w*", re.I)
    >>> [m.group() for m in word_matches(rx, "minist", "The Ministry and its ministers")]
    ['Ministry', 'ministers']
    """
    low = lowered_text(text)
    if not (word and word.isascii() and low is not None):
        return rx.finditer(text)
    return matches_at(rx, text, occurrences(word.lower(), low))


def literal_matches(rx: re.Pattern, words: Sequence[str], text: str) -> Iterator[re.Match]:
    """What ``rx.finditer(text)`` gives, for a regex whose every match starts with one of
    ``words`` as written (case-sensitive), the regex tried only where the text has one.

    >>> rx = re.compile("(?:group|firm) +([A-Z][a-z]*)")
    >>> [m.group(1) for m in literal_matches(rx, ("group", "firm"), "the firm Acme, a group Foo")]
    ['Acme', 'Foo']
    """
    return matches_at(rx, text, start_places(text, words))

