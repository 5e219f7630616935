"""Paragraphs, sentences and word tokens, as character offsets into the article text.

Sentences come from NLTK's Punkt *untrained* (no NLTK data download): its parameters hold
only the curated abbreviations of ``lexicons/abbreviations.csv``. Punkt runs inside each
line block, so a sentence never crosses a blank line, nor a newline that ends a
headline-like line (no final punctuation, followed by a capitalised line). Blocks whose
every candidate break is plain ("said. The", "Mr. Trump") are split here the way Punkt
splits them, without it (tests compare the two). :class:`TokenIndex` tokenises a whole
text once for the steps that read the tokens of many stretches of it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from operator import sub

from .lexicons import load_lexicon
from .spans import trim

_BLANK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# (possessive quantifiers, ++ *+ ?+: whatever follows each of them in its alternative may
# match nothing, and nothing follows the alternatives, so the greedy first try always stands
# and none is ever asked to give characters back; they only spare the bookkeeping)
_TOKEN_RE = re.compile(
    r"[A-Za-z]\.(?:[A-Za-z]\.)++"            # U.S., p.m.
    r"|\d++(?:[.,:]\d++)*+%?+"                 # numbers 3.2, 1,000, 10:30
    r"|\w++(?:[’'\-]\w++)*+"                   # words, don't, Russia’s, Jong-un
    r"|[’']s\b|n[’']t\b"                     # clitics left over
    r"|[^\w\s]",                              # any other single mark
    re.UNICODE,
)
# the same tokens, each with the whitespace before it: the pieces :func:`_scan` cuts a
# stretch into (every character but whitespace begins a token and no token holds any, so
# the scan steps over the same whitespace as _TOKEN_RE's and finds the same tokens)
_SPACED_TOKEN_RE = re.compile(r"\s*+(?:" + _TOKEN_RE.pattern + ")", re.UNICODE)
# A line that looks like a headline or label: no closing punctuation at its end.
_LINE_END_PUNCT = tuple(".!?:;,”’\"')»-–—")
_CONTINUATION_WORDS = {"and", "or", "but", "the", "a", "an", "of", "to", "in", "for", "that", "with"}


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(abbreviations never ending a sentence, abbreviations only before a number), lowercased."""
    always, numeric = set(), set()
    for row in load_lexicon("abbreviations"):
        abbr = row["abbreviation"].strip().rstrip(".").lower()
        if not abbr:
            continue
        (numeric if row.get("kind") == "before_number" else always).add(abbr)
    # Single letters: initials ("John F. Kennedy") rarely end a news sentence.
    always.update("abcdefghijklmnopqrstuvwxyz")
    return frozenset(always), frozenset(numeric)


# A context (the word before a candidate break, the mark, what follows) that Punkt always
# calls a break unless the word is a listed abbreviation: a plain word of two or more ASCII
# letters, then . ? or !, then a space and a token not starting with "." (which could start
# an ellipsis), or one of the marks that end Punkt's words. Punkt's word splitter gives the
# tokens "said." (or "said" "?") and at least one more; its first pass marks the word's
# period (or the ? !) a break, being no abbreviation; its second pass revisits only
# abbreviations, ellipses, initials (one letter), numbers and collocations (ours has none),
# so the break stands and a token follows it. tests/test_segment.py checks this against
# Punkt itself.
_PLAIN_BREAK_RE = re.compile(r"([A-Za-z]{2,})[.?!](?: [^\s.]\S*|[)\";}\]*:@'({\[‘’“”«»?!])")


# Punkt's spans for a block whose every candidate break is such a plain break, worked out
# without it (what its span_tokenize does there): after the mark and a space the next
# sentence starts; after the mark and closing quotes or brackets (NLTK's "realignment"
# characters), those stay with the sentence when a space or the block's end follows them.
# every mark Punkt may take for a break, and more (it takes none before a letter, digit, comma or hyphen)
_MARK_RE = re.compile(r"[.?!](?![A-Za-z0-9,\-])")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_ALNUM = _ASCII_LETTERS | frozenset("0123456789")
_WORD_OR_DOT = _ASCII_LETTERS | {"."}
_DOTTED_RE = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)+")  # "U.S": one token with its final period
_PUNKT_SPACE = " \t\n\r\x0b\x0c"  # where Punkt's search for the word before a break stops
# after an abbreviation, a space and a word without . ? or ! (up to the next space): Punkt
# sees "Mr." (an abbreviation, or an initial, kept as such: it knows no word's case) and
# tokens none of which can be a break ("Trump", "’s"), so no break
_ABBREVIATION_GOES_ON_RE = re.compile(r"\. (?![\s.?!])[^.?!\t\n\r\x0b\x0c ]*(?:[ \t\n\r\x0b\x0c]|\Z)")
_CLOSERS = frozenset("\"')]}‘’“”«»")  # NLTK's boundary realignment characters


def _plain_block_spans(block: str) -> list[tuple[int, int]] | None:
    """Punkt's sentence spans of a whitespace-trimmed `block` when each of its marks that
    Punkt may take for a break ends a plain word (two or more ASCII letters after a space or
    the block's start, no listed abbreviation) and is followed by a space and a word, or by
    closing marks and then a space and a word or the block's end -- or ends a listed
    abbreviation ("Mr.", "U.S.") or initial followed by a space and a word without . ? or !
    (no break); None for any other block (Punkt decides it). tests/test_segment.py compares
    with Punkt on random blocks."""
    abbrevs = _abbreviations()[0]
    spans: list[tuple[int, int]] = []
    last = 0  # where the current sentence starts
    n = len(block)
    for m in _MARK_RE.finditer(block):
        p = m.start()
        if p + 1 == n:
            break  # a final mark: no candidate break
        k = p
        while k > 0 and block[k - 1] in _WORD_OR_DOT:
            k -= 1
        if p == k or (k > 0 and block[k - 1] not in _PUNKT_SPACE):
            return None
        word = block[k:p]
        dotted = "." in word
        if dotted and not _DOTTED_RE.fullmatch(word):
            return None
        if word.lower() in abbrevs:  # "Mr. Trump’s", "F. Kennedy", "U.S. officials": no break
            if block[p] == "." and _ABBREVIATION_GOES_ON_RE.match(block, p):
                continue
            return None
        if p - k < 2 or dotted:
            return None
        r = p + 1 if block[p + 1] in _CLOSERS else p + 2 if block[p + 1] == " " else -1
        if r < 0:
            return None
        while r < n and block[r] in _CLOSERS:
            r += 1
        if block[p + 1] == " ":  # the next sentence starts after the space, unless closers stand alone there
            if r >= n or block[r] not in _ASCII_ALNUM:
                return None
            spans.append((last, p + 1))
            last = p + 2
        elif r == n:  # closers end the block: they end this sentence
            spans.append((last, n))
            last = n
        elif block[r] == " " and r + 1 < n and block[r + 1] in _ASCII_ALNUM:
            spans.append((last, r))  # "... win.” He said": the closers stay with the sentence
            last = r + 1
        else:
            return None
    if last < n:
        spans.append((last, n))
    return spans


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class CachedPunkt(PunktSentenceTokenizer):
        """Punkt deciding the plainest contexts of a candidate break ("said. The") itself and
        remembering its verdict on the others ("Mr. Trump"): the verdict depends on that
        string and the fixed parameters alone."""

        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_BREAK_RE.fullmatch(text)
            if plain is not None and plain.group(1).lower() not in self._params.abbrev_types:
                return True
            return self._verdict(text)

        @lru_cache(maxsize=4096)  # the names and titles that recur across a corpus; bounded
        def _verdict(self, text: str) -> bool:
            return super().text_contains_sentbreak(text)

    class NoOrthoContext(dict):
        """Untrained Punkt knows no word's capitalisation: every word reads 0, as from NLTK's
        defaultdict(int), but reading one stores nothing (the defaultdict kept every word
        asked about, growing with the corpus)."""

        def __missing__(self, key: str) -> int:
            return 0

    params = PunktParameters()
    params.abbrev_types = set(_abbreviations()[0])
    params.ortho_context = NoOrthoContext()
    return CachedPunkt(params)


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as (start, end) offsets, whitespace stripped."""
    if not isinstance(text, str) or not text:
        return []
    return list(_paragraphs(text))  # the caller's own list


@lru_cache(maxsize=2)  # sentences, quotes and attributions each ask, for the same article
def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`find_paragraphs` of ``text``, kept for the next caller: they depend on it alone."""
    out, pos = [], 0
    for m in _BLANK_RE.finditer(text):
        s, e = trim(text, pos, m.start(), "")
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, len(text), "")
    if e > s:
        out.append((s, e))
    return tuple(out)


def _headline_like(line: str, next_line: str) -> bool:
    line = line.strip()
    nxt = next_line.lstrip()
    if not line or not nxt:
        return True
    if line.endswith(_LINE_END_PUNCT[:3]) or line.endswith(("?”", ".”", "!”", '."', '?"')):
        return True  # a sentence ends here anyway
    if line.endswith(_LINE_END_PUNCT):
        return False
    last = line.split()[-1].lower()
    if last in _CONTINUATION_WORDS:
        return False
    return nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"‘'«(["


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at newlines that end a headline-like line."""
    blocks, block_start, pos = [], start, start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        line = text[pos:nl]
        nxt_end = text.find("\n", nl + 1, end)
        nxt = text[nl + 1:(nxt_end if nxt_end >= 0 else end)]
        if _headline_like(line, nxt):
            blocks.append((block_start, nl))
            block_start = nl + 1
        pos = nl + 1
    blocks.append((block_start, end))
    return blocks


_NUM_START_RE = re.compile(r"\s*\d")
# Punkt breaks only after one of its sentence-ending characters . ? ! that something follows
# (punctuation, or space and a word): a block without one is one sentence, without asking it
_BREAK_CANDIDATE_RE = re.compile(r"[.?!](?=.)", re.S)
# After a place/organisation abbreviation ("in the U.S. He left") a pronoun or article
# starting the next word is far more likely a new sentence than a continuation.
_STARTERS = r"(?:He|She|It|They|We|I|The|This|That|These|Those|But|And|In|On|At|A|An|His|Her|Their|Its|Our|Yet|So|Then|There|When|If|As|After|Before|While)"
_ENDING_KINDS = {"place", "org"}


@lru_cache(maxsize=1)
def _abbr_end_re() -> re.Pattern:
    """Place and organisation abbreviations (U.S., Calif., Inc.) that may still end a sentence."""
    names = sorted({row["abbreviation"].strip().rstrip(".") for row in load_lexicon("abbreviations")
                    if row.get("kind") in _ENDING_KINDS} | {"Jr", "Sr", "etc"}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names if n)
    return re.compile(r"\b(?:" + alt + r")\.(?=\s+" + _STARTERS + r"\b)")


# what every match of _abbr_end_re() ends with: a span without it has no such abbreviation,
# and this pattern (a literal first) is found far faster than the list of abbreviations
_DOT_STARTER_RE = re.compile(r"\.(?=\s+" + _STARTERS + r"\b)")


def _split_abbrev_ends(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        if not _DOT_STARTER_RE.search(text, s, e):
            out.append((s, e))
            continue
        for m in _abbr_end_re().finditer(text, s, e):
            out.append((s, m.end()))
            s = m.end()
            while s < e and text[s].isspace():
                s += 1
        out.append((s, e))
    return out


# the word before a final period ("No."), searched within the span (endpos: "$" at its end)
# as it was in a slice of it
_PREV_WORD_RE = re.compile(r"(\w+)\.$")


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo Punkt splits before a lowercase start ('“Why?” he asked') or after 'No.' + number."""
    numeric = _abbreviations()[1]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            first = text[s]
            if first.islower() or first in ",;" or (_NUM_START_RE.match(text, s) and (
                    prev_word := _PREV_WORD_RE.search(text, ps, pe)) and prev_word.group(1).lower() in numeric):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def find_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), whitespace stripped; never raises."""
    if not isinstance(text, str) or not text.strip():
        return []
    tok = _punkt()
    out: list[tuple[int, int]] = []
    for ps, pe in find_paragraphs(text):
        for bs, be in _blocks(text, ps, pe):
            bs, be = trim(text, bs, be, "")
            if be <= bs:
                continue
            # (the block and the spans of _plain_block_spans are trimmed already: each starts at
            # the block's start or a word or closing mark after a space, and ends at a mark or
            # the block's end; only Punkt's spans need a trim)
            if not _BREAK_CANDIDATE_RE.search(text, bs, be):
                spans = [(bs, be)]  # what Punkt gives a (trimmed) block with no candidate break
            elif (plain := _plain_block_spans(text[bs:be])) is not None:
                spans = [(bs + a, bs + b) for a, b in plain]
            else:
                try:
                    spans = [trim(text, bs + a, bs + b, "") for a, b in tok.span_tokenize(text[bs:be])]
                except Exception:  # Punkt on odd input: keep the block whole rather than fail
                    spans = [(bs, be)]
            out.extend(_split_abbrev_ends(text, _merge(text, [sp for sp in spans if sp[1] > sp[0]])))
    return out


def find_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word and punctuation tokens of text[start:end] as absolute (start, end) offsets."""
    if not isinstance(text, str):
        return []
    end = len(text) if end is None else end
    return [m.span() for m in _TOKEN_RE.finditer(text, start, end)]


class TokenIndex:
    """The tokens of a whole text found in one scan, with their lower case; those of any
    stretch of it by bisect.

    ``tokens(start, end)`` is ``find_tokens(text, start, end)``: a scan of a stretch finds
    exactly the whole text's tokens inside it when no token of the whole text straddles
    ``start`` or ``end``. Tokens hold no whitespace and every other character begins one,
    so both scans step from token to token over the same whitespace; the one look-ahead
    of the pattern (``\\b`` after a clitic "’s") that the stretch's end could change
    decides only where a word runs on past that end, a straddling token. A stretch with a
    straddling token is scanned on its own. The lower case of each token is its own
    (``str.lower`` of the token).

    >>> index = TokenIndex("Kirby's team said no.")
    >>> index.tokens(8, 21) == (find_tokens("Kirby's team said no.", 8, 21), ["team", "said", "no", "."])
    True
    >>> index.count(0, 12), index.count(3, 12)  # "Kirby's team"; "by's team" straddles "Kirby's"
    (2, 2)
    """

    __slots__ = ("text", "spans", "starts", "low")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans, self.starts, self.low = _scan(text, 0, len(text))

    def bounds(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and one past the last of the whole text's tokens inside text[start:end],
        or None where a token straddles ``start`` or ``end`` (the stretch has its own tokens)."""
        spans = self.spans
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if (i and spans[i - 1][1] > start) or (j and spans[j - 1][1] > end):
            return None
        return i, j

    def tokens(self, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
        """The tokens of text[start:end] as offsets and as lower-case words."""
        ij = self.bounds(start, end)
        if ij is None:
            spans, _, low = _scan(self.text, start, end)  # a token straddles an end: scan the stretch
            return spans, low
        return self.spans[ij[0]:ij[1]], self.low[ij[0]:ij[1]]

    def count(self, start: int, end: int) -> int:
        """How many tokens text[start:end] holds (``len(find_tokens(text, start, end))``)."""
        spans = self.spans
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if (i and spans[i - 1][1] > start) or (j and spans[j - 1][1] > end):
            return len(token_words(self.text, start, end))
        return max(0, j - i)  # (none in a stretch that ends before it starts)


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[int], list[str]]:
    """:func:`find_tokens` of text[start:end], their start offsets and each token's own lower
    case (``text[a:b].lower()``), from one ``findall`` of the whitespace-led pieces: a piece
    ends where the pieces before it end plus its length, and its token is the piece without
    the leading whitespace (str.lstrip strips exactly the characters ``\\s`` matches)."""
    pieces = _SPACED_TOKEN_RE.findall(text, start, end)
    ends = list(accumulate(map(len, pieces), initial=start))
    del ends[0]
    words = list(map(str.lstrip, pieces))
    starts = list(map(sub, ends, map(len, words)))
    return list(zip(starts, ends)), starts, list(map(str.lower, words))


def token_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The tokens of :func:`find_tokens` as strings (the same scan, without offsets: cheaper
    where only the words or their number matter)."""
    if not isinstance(text, str):
        return []
    return _TOKEN_RE.findall(text, start, len(text) if end is None else end)
