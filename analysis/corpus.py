"""Corpus-level helpers: wire copies and streaming in chunks.

Wire copies: the same agency story runs in several outlets, often trimmed or
with another headline. Counting each copy would count one report several
times (DESIGN §4: collapse wire copies), so near-duplicates are grouped and,
by default, only one copy per group is counted. The decision is recorded in
the `articles` table: ``wire_group`` (doc_id of the copy that is counted, for
every member of a group of two or more; empty for a unique story) and
``collapsed`` (True for a copy left out of the counts).

Near-duplicates are found with MinHash signatures of word 5-gram shingles and
locality-sensitive hashing (bands), then confirmed by the estimated
*containment* of the shorter text in the longer (so a trimmed copy still
matches). Only the 64-number signature of each article is kept, so memory
grows by about 0.3 KB per article, never by its text.
"""
from __future__ import annotations

import datetime as dt
import re
import zlib
from array import array
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, TypeVar

import numpy as np

if TYPE_CHECKING:  # pandas is imported where a frame is built: `statements` needs only chunked()
    import pandas as pd

#: Words per shingle: long enough that shared phrases of unrelated stories rarely match.
SHINGLE_WORDS = 5
#: MinHash permutations = BANDS * ROWS; with 21 bands of 3 rows a pair at Jaccard 0.5 (a copy trimmed to half)
#: becomes a candidate with odds 0.94, at 0.3 with 0.43, unrelated stories (< 0.02) almost never.
BANDS, ROWS = 21, 3
NUM_PERM = BANDS * ROWS
#: Share of the shorter copy's shingles found in the longer one for two articles to be one story.
CONTAINMENT = 0.8
#: Copies further apart than this (when both are dated) are different stories (e.g. a re-used backgrounder).
MAX_DAYS = 7
#: Fewer shingles than this: too short to call a copy (one-line items, captions).
MIN_SHINGLES = 8

_RNG = np.random.default_rng(20221108)  # fixed seed: signatures are stable across runs and machines
_SEEDS = _RNG.integers(0, np.iinfo(np.int64).max, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+")

T = TypeVar("T")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashes (crc32) of the lower-cased word k-grams of `text`."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode("utf-8")) for i in range(len(words) - k + 1)}


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a strong 64-bit mixer (uint64 arithmetic wraps, as intended)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def signature(text: str) -> tuple[np.ndarray, int]:
    """MinHash signature (NUM_PERM uint64) of `text`'s shingles, and the number of shingles."""
    sh = shingles(text)
    if not sh:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64), 0
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    # One independent hash per permutation: mix(shingle XOR seed). (A linear (a*x+b) mod p
    # over 32-bit x is nearly monotonic in x, so its minima would all pick the same shingles.)
    with np.errstate(over="ignore"):
        hashed = _mix(x[:, None] ^ _SEEDS[None, :])
    return hashed.min(axis=0), len(sh)


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class WireIndex:
    """Near-duplicate index: :meth:`add` articles one by one, then :meth:`decisions`.

    Each article costs about 0.3 KB (its id, date, size and a 64 x 32-bit
    signature in one growing buffer), whatever its length; candidate pairs are
    found at the end by sorting band keys, then confirmed by containment.
    The counted copy of a group is the earliest published one (undated last),
    then the first read, so the decision does not depend on chunking.
    """

    def __init__(self, containment: float = CONTAINMENT, max_days: int | None = MAX_DAYS) -> None:
        self.containment = containment
        self.max_days = max_days
        self._ids: list[str] = []
        self._days = array("l")   # proleptic ordinal, 0 when undated
        self._sizes = array("l")
        self._sigs = bytearray()  # NUM_PERM uint32 per article

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc_id: str, text: str, published: str = "") -> None:
        """Index one article (its text is not kept)."""
        sig, size = signature(text)
        self.add_signature(doc_id, sig, size, published)

    def add_signature(self, doc_id: str, sig: np.ndarray, size: int, published: str = "") -> None:
        """Index one article from a precomputed :func:`signature` (for signatures made in workers)."""
        day = _day(published)
        self._ids.append(str(doc_id))
        self._days.append(day.toordinal() if day else 0)
        self._sizes.append(int(size))
        # The low 32 bits keep min-hash equality (a false match has odds of 2**-32).
        self._sigs += (np.asarray(sig, dtype=np.uint64) & np.uint64(0xFFFFFFFF)).astype(np.uint32).tobytes()

    def _candidate_pairs(self, sigs: np.ndarray, sizes: np.ndarray) -> set[tuple[int, int]]:
        usable = np.flatnonzero(sizes >= MIN_SHINGLES)
        pairs: set[tuple[int, int]] = set()
        if len(usable) < 2:
            return pairs
        for band in range(BANDS):
            block = sigs[usable, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
            keys = block[:, 0]
            for col in range(1, ROWS):  # polynomial hash of the band's rows (wraps mod 2**64)
                keys = keys * np.uint64(0x100000001B3) + block[:, col]
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
            ends = np.r_[starts[1:], len(order)]
            for a, b in zip(starts, ends):
                if b - a < 2:
                    continue
                members = sorted(usable[order[a:b]].tolist())
                if len(members) > 200:  # a degenerate bucket: chain neighbours instead of all pairs
                    pairs.update(zip(members, members[1:]))
                else:
                    pairs.update((members[i], members[j]) for i in range(len(members))
                                 for j in range(i + 1, len(members)))
        return pairs

    def _same_story(self, sigs: np.ndarray, sizes: np.ndarray, days: np.ndarray, i: int, j: int) -> bool:
        if self.max_days is not None and days[i] and days[j] and abs(int(days[i]) - int(days[j])) > self.max_days:
            return False
        jaccard = float(np.mean(sigs[i] == sigs[j]))
        a, b = int(sizes[i]), int(sizes[j])
        shared = jaccard * (a + b) / (1 + jaccard)  # |A∩B| from J = |A∩B| / |A∪B|
        return shared >= self.containment * min(a, b)

    def decisions(self, collapse: bool = True) -> pd.DataFrame:
        """One row per indexed article: doc_id, wire_group, collapsed (in the order added).

        Groups are stars, not chains: every copy matches the group's counted copy
        itself (A~B and B~C with A!~C does not put A and C together), so a run of
        similar but different stories never snowballs into one group.
        """
        n = len(self._ids)
        sigs = np.frombuffer(bytes(self._sigs), dtype=np.uint32).reshape(n, NUM_PERM) if n else np.zeros((0, NUM_PERM))
        sizes = np.asarray(self._sizes, dtype=np.int64)
        days = np.asarray(self._days, dtype=np.int64)
        neighbours: dict[int, list[int]] = {}
        for i, j in self._candidate_pairs(sigs, sizes):
            neighbours.setdefault(i, []).append(j)
            neighbours.setdefault(j, []).append(i)
        wire_group = [""] * n
        collapsed = [False] * n
        assigned = [False] * n
        # The earliest published copy (undated last, then first read) counts for its story.
        for rep in sorted(neighbours, key=lambda m: (days[m] == 0, days[m], m)):
            if assigned[rep]:
                continue
            copies = [j for j in sorted(neighbours[rep]) if not assigned[j]
                      and self._same_story(sigs, sizes, days, rep, j)]
            if not copies:
                continue
            assigned[rep] = True
            wire_group[rep] = self._ids[rep]
            for j in copies:
                assigned[j] = True
                wire_group[j] = self._ids[rep]
                collapsed[j] = collapse
        import pandas as pd

        return pd.DataFrame({"doc_id": self._ids, "wire_group": wire_group, "collapsed": collapsed})


def find_wire_copies(articles: pd.DataFrame, collapse: bool = True, containment: float = CONTAINMENT,
                     max_days: int | None = MAX_DAYS) -> pd.DataFrame:
    """doc_id, wire_group, collapsed for every article (see the module docstring)."""
    index = WireIndex(containment=containment, max_days=max_days)
    for row in articles[["doc_id", "text", "published"]].itertuples(index=False):
        index.add(row.doc_id, row.text, row.published)
    return index.decisions(collapse)


def mark_wire_copies(articles: pd.DataFrame, collapse: bool = True, **kwargs) -> pd.DataFrame:
    """`articles` with ``wire_group`` and ``collapsed`` filled in (a copy; the input is not changed)."""
    return with_wire_decisions(articles, find_wire_copies(articles, collapse, **kwargs) if len(articles) else None)


def with_wire_decisions(articles: pd.DataFrame, decisions: pd.DataFrame | None) -> pd.DataFrame:
    """`articles` with the ``wire_group`` and ``collapsed`` columns of `decisions`
    (:meth:`WireIndex.decisions`, one row per article in the same order; None when there
    are no articles). A copy; the input is not changed."""
    import pandas as pd

    out = articles.copy()
    out["wire_group"] = list(decisions["wire_group"]) if decisions is not None else []
    out["collapsed"] = pd.Series(list(decisions["collapsed"]) if decisions is not None else [],
                                 index=out.index, dtype=bool)
    return out


def is_collapsed(values: pd.Series | Iterable) -> pd.Series:
    """The ``collapsed`` column as booleans, whether it holds bools or their text (CSV, Parquet, '')."""
    import pandas as pd

    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    if series.dtype == bool:
        return series
    return series.map(lambda v: v is True or str(v).strip().lower() in ("true", "1", "yes")).astype(bool)


def counted_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles that count (wire copies left out when they were collapsed)."""
    if "collapsed" not in articles.columns:
        return articles
    return articles[~is_collapsed(articles["collapsed"]).to_numpy()]


def counted_statements(statements: pd.DataFrame, articles: pd.DataFrame,
                       columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Statements of the articles that count; with `columns`, only those of its columns (the
    ones it has): filtering a narrow table copies less (e.g. ``aggregate.COUNT_COLUMNS``)."""
    if columns is not None:
        statements = statements[[c for c in columns if c in statements.columns]]
    if "collapsed" not in articles.columns:
        return statements
    keep = set(counted_articles(articles)["doc_id"])
    return statements[statements["doc_id"].isin(keep)]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items (the last may be shorter); never holds more than one."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def wire_summary(articles: pd.DataFrame) -> Mapping[str, int]:
    """Counts for the one-line summary: groups of copies and copies left out."""
    if "wire_group" not in articles.columns:
        return {"wire_groups": 0, "collapsed": 0}
    import pandas as pd

    groups = articles["wire_group"].astype(str)
    return {"wire_groups": int(groups[groups != ""].nunique()),
            "collapsed": int(is_collapsed(articles.get("collapsed", pd.Series(dtype=bool))).sum())}
