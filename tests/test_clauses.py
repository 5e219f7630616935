"""Phrase and clause boundaries around a cue: (text, expected) tables with negatives."""
from __future__ import annotations

import pytest

from analysis.clauses import (adverbial_tail, clause_subject, cut_subject, has_verb, left_source, np_like,
                              right_content, right_source, short_tail)


def at(text: str, span) -> str | None:
    return None if span is None else text[span[0]:span[1]]


@pytest.mark.parametrize("text, expected", [
    ("Still, the foreign minister", "the foreign minister"),
    ("The talks failed and Kirby", "Kirby"),
    ("Clinton and Sanders", "Clinton and Sanders"),
    ("He’s", "He"),
    ("The plan would allow him to", "him"),
    ("The talks failed and", None),  # the subject is further left
])
def test_cut_subject(text, expected):
    assert at(text, cut_subject(text, 0, len(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("In Paris, Kirby walked back his remarks and ", "Kirby"),
    ("WASHINGTON (AP) — Kirby walked out and ", "Kirby"),
    ("the talks collapsed and ", None),  # no capitalised or pronoun subject
])
def test_clause_subject(text, expected):
    assert at(text, clause_subject(text, 0, len(text))) == expected


def test_left_source_with_and_without_appositive():
    text = "John Kirby, a spokesman, said"
    span, rule, before = left_source(text, 0, text.index("said"))
    assert (at(text, span), rule, before) == ("John Kirby, a spokesman,", "src.left_appos", None)
    text = "The plan will fail, he said"
    span, rule, before = left_source(text, 0, text.index("said"))
    assert (at(text, span), rule, at(text, before)) == ("he", "src.left", "The plan will fail,")


@pytest.mark.parametrize("tail, expected", [
    (" Gen. Barry R. McCaffrey, the drug policy director.", "Gen. Barry R. McCaffrey, the drug policy director"),
    (" Kirby on Tuesday.", "Kirby"),
])
def test_right_source(tail, expected):
    text = "It will fail, said" + tail
    assert at(text, right_source(text, len("It will fail, said"), len(text))) == expected


@pytest.mark.parametrize("after, rule, expected", [
    (" that the talks failed, and he accused Seoul.", "cue.say", "that the talks failed"),
    (" reporters on Tuesday that it failed.", "cue.tell", "that it failed"),
    (" in a statement: “We won.”", "cue.say", "“We won.”"),
    (" “We won,” the paper said.", "cue.say", "“We won,” the paper said"),
])
def test_right_content(after, rule, expected):
    text = "Kirby said" + after
    assert at(text, right_content(text, len("Kirby said"), len(text), len(text), rule)) == expected


@pytest.mark.parametrize("tail, adverbial, short", [
    (" in a statement on Tuesday.", True, True),
    (".", True, True),
    (" Kirby, a spokesman.", False, True),  # an inverted source
    (" that the talks failed.", False, False),
    (" the talks failed.", False, False),  # a clause, not a noun phrase
])
def test_tails(tail, adverbial, short):
    text = "said" + tail
    assert (adverbial_tail(text, 4, len(text)), short_tail(text, 4, len(text))) == (adverbial, short)


@pytest.mark.parametrize("phrase, np, verb", [
    ("the statement", True, False),
    ("the talks failed", False, True),
    ("into the room", False, False),  # a prepositional phrase
    ("he’s", True, True),  # "’s" may be "has": a verb, though the phrase looks like a noun phrase
])
def test_np_like_and_has_verb(phrase, np, verb):
    assert (np_like(phrase, 0, len(phrase)), has_verb(phrase, 0, len(phrase))) == (np, verb)


def test_clause_end_pattern_matches_as_the_plain_alternation():
    """_CLAUSE_END_RE opens with a character class for speed; its matches are those of the
    plain alternation it replaced, on random stretches of the characters and words it reads."""
    import random
    import re

    from analysis.clauses import _CLAUSE_END_RE
    plain = re.compile(
        r";|\s[—–]\s|—|\s--\s|,\s+(?=(?:and|but|who|which|whose|when|while|where|although|though|because|"
        r"even as|whereas|he|she|they|we|it|I)\b)|,\s+(?=[a-z]+ing\b)|,\s+(?=(?:a|an)\s+\w+\s+(?:that|which)\b)|"
        r"\s+and\s+(?=(?:also\s+|then\s+|later\s+)?(?:[a-z]{3,}ed|said|says|told|wrote|made|took|gave|sent|went|spoke)\b)")
    pieces = [" ", "  ", "\n", "\t", "\xa0", ";", "—", "–", "-", "--", ",", ", ", "and", " and ", "said", "also ",
              "walked", "running", "a", "an", "word", "that", "which", "he", "I", "x", "even as", "ing", "ed"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        assert [m.span() for m in _CLAUSE_END_RE.finditer(text, start, end)] == \
            [m.span() for m in plain.finditer(text, start, end)], (text, start, end)
