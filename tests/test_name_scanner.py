"""The country-name scanner finds exactly what one regex alternation of the names would find."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from analysis.actor_names import _country_index

REPO = Path(__file__).resolve().parents[1]


def _trie_pattern(words) -> str:
    """The reference: one regex matching any of ``words``, longest first at each position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


@pytest.fixture(scope="module")
def scanner_and_reference():
    scanner, names = _country_index()
    if scanner is None:
        pytest.skip("no countries lexicon")
    return scanner, re.compile(r"(?<![\w.])" + _trie_pattern(names) + r"(?![\w])"), sorted(names)


def _spans(finder, text):
    return [m.span() for m in finder.finditer(text)]


def test_the_same_names_on_the_shipped_article(scanner_and_reference):
    scanner, reference, _ = scanner_and_reference
    text = (REPO / "data" / "articles" / "000_69a36e7ce07eb426.md").read_text(encoding="utf-8")
    assert _spans(scanner, text) == _spans(reference, text) != []


def test_the_same_names_in_hostile_mixtures(scanner_and_reference):
    scanner, reference, names = scanner_and_reference
    rng = random.Random(7)
    glue = [" ", ", ", ".", "-", "'", "_", "x", "9", "\n", "é", " the ", "U.", ""]
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 8)):
            name = rng.choice(names)
            if rng.random() < 0.3:  # a piece of a name, or a name run on into a word
                name = name[:rng.randint(1, len(name))]
            parts.append(name)
            parts.append(rng.choice(glue))
        text = "".join(parts)
        assert _spans(scanner, text) == _spans(reference, text), text
