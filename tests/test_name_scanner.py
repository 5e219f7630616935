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


# --- the gazetteer (actors.csv): the scanner finds what the alternation of its patterns found
def _actor_reference():
    """The regex the gazetteer was once found with: its patterns, longest first, then in row order."""
    from analysis.lexicons import load_lexicon

    alts = [(-len(alt), order, alt) for order, row in enumerate(load_lexicon("actors"))
            for alt in row["pattern"].split("|") if alt]
    alts.sort(key=lambda a: (a[0], a[1]))
    return re.compile(r"(?<![\w.])(?:" + "|".join(a[2] for a in alts) + r")(?![\w])")


def test_the_gazetteer_scanner_finds_what_its_regex_found():
    from analysis.actor_names import _actor_index, _NameScanner

    scanner, rows, _ = _actor_index()
    assert isinstance(scanner, _NameScanner)  # actors.csv names are plain: no regex fallback
    reference = _actor_reference()
    text = (REPO / "data" / "articles" / "000_69a36e7ce07eb426.md").read_text(encoding="utf-8")
    assert _spans(scanner, text) == _spans(reference, text) != []
    glue = [" ", ", ", ".", "-", "'", "_", "x", "9", "\n", "é", " the ", "U.", "", "s", "’s "]
    for text in _mixtures(sorted(rows), glue, 11):
        assert _spans(scanner, text) == _spans(reference, text), text


def _mixtures(names, glue, seed, n=400):
    """``n`` texts of 1-8 names (or pieces of names) from ``names``, each followed by a glue string."""
    rng = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            name = rng.choice(names)
            if rng.random() < 0.3:
                name = name[:rng.randint(1, len(name))]
            parts += [name, rng.choice(glue)]
        yield "".join(parts)


def test_a_gazetteer_pattern_with_regex_syntax_falls_back_to_the_regex(monkeypatch):
    from analysis import actor_names

    rows = [{"rule": "G_x", "kind": "person", "pattern": "Kim Jong[- ]Un|Kim", "actor": "North Korea",
             "source_type": "person"}]
    monkeypatch.setattr(actor_names, "load_lexicon", lambda name: rows)
    actor_names._actor_index.cache_clear()
    actor_names._actor_row.cache_clear()
    try:
        finder, _, patterns = actor_names._actor_index()
        assert isinstance(finder, re.Pattern) and patterns
        assert [m.group(0) for m in finder.finditer("Kim Jong-Un met Kim.")] == ["Kim Jong-Un", "Kim"]
        assert actor_names._actor_row("Kim Jong Un")["rule"] == "G_x"
    finally:
        actor_names._actor_index.cache_clear()
        actor_names._actor_row.cache_clear()


def test_the_gazetteer_scanners_together_find_what_each_finds_alone():
    """_actor_mentions runs both scanners in one pass (_name_spans): each finds there what its
    own finditer finds."""
    from analysis.actor_names import _actor_index, _name_spans

    actors, countries = _actor_index()[0], _country_index()[0]
    names = sorted(actors.names) + sorted(countries.names)
    glue = [" ", ", ", ".", "-", "'", "_", "x", "9", "\n", "é", " the ", "U.", "", "s", "’s ", "t", "the"]
    texts = [(REPO / "data" / "articles" / "000_69a36e7ce07eb426.md").read_text(encoding="utf-8")]
    texts += _mixtures(names, glue, 13)
    for text in texts:
        assert _name_spans(text, (actors, countries)) == [_spans(actors, text), _spans(countries, text)], text
