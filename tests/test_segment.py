"""Sentences, paragraphs and tokens: offsets, abbreviations, headlines, quotes, odd input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segment import find_paragraphs, find_sentences, find_tokens


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in find_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations do not end sentences
    ("Mr. Smith met Sen. Jones in Washington. They talked.",
     ["Mr. Smith met Sen. Jones in Washington.", "They talked."]),
    ("The U.S. Senate voted on Jan. 5. It passed.", ["The U.S. Senate voted on Jan. 5.", "It passed."]),
    ("Gov. Brown and Rep. Lee spoke at 3 p.m. Monday.", ["Gov. Brown and Rep. Lee spoke at 3 p.m. Monday."]),
    ("Apple Inc. and Acme Corp. agreed. Shares rose.", ["Apple Inc. and Acme Corp. agreed.", "Shares rose."]),
    ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
    ("See No. 5 on the list. Then stop.", ["See No. 5 on the list.", "Then stop."]),
    # an abbreviation can still end a sentence when a pronoun starts the next one
    ("Troops left the U.S. He stayed.", ["Troops left the U.S.", "He stayed."]),
    ("They lived in Redlands, Calif. The group said so.", ["They lived in Redlands, Calif.", "The group said so."]),
    ("They lived in Redlands, Calif. after the war.", ["They lived in Redlands, Calif. after the war."]),
    # quotes ending sentences
    ("“We will win,” he said. “They will lose.”", ["“We will win,” he said.", "“They will lose.”"]),
    ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
    ("“Why?” he asked. Nobody answered.", ["“Why?” he asked.", "Nobody answered."]),
    # headlines and labels without a final period stay apart from the body
    ("North Korea denies arms dealings with Russia\n\nThe ministry said so.",
     ["North Korea denies arms dealings with Russia", "The ministry said so."]),
    ("Kim Jong Un and Vladimir Putin\nAdvertisement\nThe ministry said so.",
     ["Kim Jong Un and Vladimir Putin", "Advertisement", "The ministry said so."]),
    # a blank line always ends a sentence, even without punctuation
    ("first part of a line\n\nsecond part", ["first part of a line", "second part"]),
    # a wrapped line that continues mid-sentence is not split
    ("The committee voted to approve the\nbill on Tuesday.", ["The committee voted to approve the\nbill on Tuesday."]),
])
def test_sentences(text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\x00", "\x00\x01 \x02", "…", "“", ".", "?!"])
def test_sentences_odd_input_never_raises(text):
    for s, e in find_sentences(text):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_sentences_are_stripped_ordered_and_in_bounds(text):
    spans = find_sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n\n" not in text[s:e].replace(" ", "")  # never across a blank line
        prev = e


@pytest.mark.parametrize("text, expected", [
    ("One.\n\nTwo.\n \nThree.", ["One.", "Two.", "Three."]),
    ("\n\nOnly one\nparagraph here.\n", ["Only one\nparagraph here."]),
    ("", []),
    ("  \n \n ", []),
])
def test_paragraphs(text, expected):
    assert [text[s:e] for s, e in find_paragraphs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia’s don't U.S. 3.2%", ["Russia’s", "don't", "U.S.", "3.2%"]),
    ("“Hi,” she said.", ["“", "Hi", ",", "”", "she", "said", "."]),
    ("Jong-un", ["Jong-un"]),
])
def test_tokens(text, expected):
    assert [text[s:e] for s, e in find_tokens(text)] == expected


def test_tokens_window_offsets_are_absolute():
    text = "aaa bbb ccc"
    assert find_tokens(text, 4, 7) == [(4, 7)]


def _punkt_verdicts(contexts):
    """(Punkt's own verdict, ours) on each candidate-break context."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis.segment import _punkt
    tok = _punkt()
    return [(PunktSentenceTokenizer.text_contains_sentbreak(tok, c), tok.text_contains_sentbreak(c))
            for c in contexts]


_WORDS = ["said", "Said", "Mr", "mr", "Calif", "Inc", "no", "U", "it", "Gov", "etc", "Jan", "al", "St", "vs"]
_NEXT = ["The", "the", "“We", '"He', "(AP)", ".", "...", "9", "’s", "--", "x.", "Mr.", "U.S.", "a", "é"]


@pytest.mark.parametrize("mark", [".", "?", "!"])
def test_plain_break_contexts_decided_as_punkt_does(mark):
    """The contexts segment decides without Punkt (a plain word, a mark, then a token or a
    closing mark) get Punkt's own verdict, abbreviations and near misses included."""
    closers = list(')";}]*:@\'({[‘’“”«»?!') + ["x", ".", "-", ","]
    contexts = [w + mark + " " + n for w in _WORDS for n in _NEXT] + [w + mark + c for w in _WORDS for c in closers]
    contexts += [w + mark + "  " + n for w in _WORDS for n in _NEXT[:4]]
    assert all(theirs == ours for theirs, ours in _punkt_verdicts(contexts))


@given(st.text(alphabet="aZ.?! \n“”\"'()-x9", max_size=12))
@settings(max_examples=300, deadline=None)
def test_any_context_decided_as_punkt_does(context):
    [(theirs, ours)] = _punkt_verdicts([context])
    assert theirs == ours


@given(st.text(alphabet="aZn’'s.-5 \n,İΣσ", max_size=40), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=500, deadline=None)
def test_token_index_gives_what_a_scan_of_the_stretch_gives(text, a, b):
    """Any stretch, straddling a token or not: the offsets and each token's own lower case."""
    from analysis.segment import TokenIndex
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    if a % 3 == 0:
        start, end = end, start  # a stretch that ends before it starts holds no token
    toks = find_tokens(text, start, end)
    index = TokenIndex(text)
    assert index.tokens(start, end) == (toks, [text[x:y].lower() for x, y in toks])
    assert index.count(start, end) == len(toks)


def test_tokens_lowered_as_each_token_is():
    """The text lowered once and cut at the tokens gives each token's own lower case, letters
    whose lower case is longer or depends on their neighbours included."""
    import random

    from analysis.segment import TokenIndex

    rng = random.Random(1)
    alphabet = "aAΣσİIıK ß.,'’ﬁǄǅ\u0345Ω"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(30))
        start, end = rng.randint(0, 10), rng.randint(15, 30)
        toks = find_tokens(text, start, end)
        assert TokenIndex(text).tokens(start, end)[1] == [text[a:b].lower() for a, b in toks], text
        clean = text.replace("İ", "I").replace("Σ", "σ")  # lowered once as a whole
        toks = find_tokens(clean, start, end)
        assert TokenIndex(clean).tokens(start, end)[1] == [clean[a:b].lower() for a, b in toks], clean


_PIECES = ["said", "The", "we", "Mr", "mr", "Gov", "F", "U", "S", "no", "Calif", "etc", "9", "2016",
           ".", ".", "?", "!", "”",
           '"', "'", "’", ")", "»", "“", "(", ":", "-", ",", " ", " ", " ", "  ", "\n", "\t", "\xa0", "\x1c", "é",
           "’s", "Jones,", "(AP)", "--", "\u2028", "x.y", "U.S", "D.C", "a.m", ".,", ".-"]


@given(st.lists(st.sampled_from(_PIECES), max_size=24))
@settings(max_examples=1500, deadline=None)
def test_plain_blocks_split_as_punkt_splits_them(pieces):
    """A block segment splits without Punkt gets Punkt's own spans."""
    from analysis.segment import _plain_block_spans, _punkt
    block = "".join(pieces).strip()
    plain = _plain_block_spans(block) if block else None
    if plain is not None:
        assert plain == list(_punkt().span_tokenize(block))


def test_punkt_keeps_nothing_per_word():
    """Sentences of many texts leave Punkt's word table empty (flat memory over a corpus)."""
    from analysis.segment import _punkt
    for n in range(50):
        find_sentences(f"He met Gov. Word{n}, there. Mr. Other{n}’s aide left. It was 3 p.m. Fine{n}.")
    assert len(_punkt()._params.ortho_context) == 0
