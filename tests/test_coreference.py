"""Which earlier, fuller mention a short mention stands for (analysis/coreference.py).

Invented articles and sentences only (never copied from the dev corpora).
"""
from __future__ import annotations

import pytest

from analysis.coreference import (canonical_person, group_antecedent, nearest_org, resolve_source, surname_count,
                                  titled_person)

ARTICLE = (
    "Valdorian Prime Minister Piotr Ruzek said the claims were baseless. "
    "Attorney General Lord Hallam said the ministry had misled parliament. "
    "The attorney general later denied it. Harbour Freight Inc said it complied. "
    "The company denied the allegations. Mr Afzal, Mr Islam and Mr Kazi were charged. "
    "The men denied it. Ruzek spoke again."
)


# --- in the article ----------------------------------------------------------------------

@pytest.mark.parametrize("name, full", [
    ("Mr Ruzek", "Piotr Ruzek"),
    ("Ruzek", "Piotr Ruzek"),
    ("Lord Hallam", "Lord Hallam"),   # a peer keeps his title
    ("Mr Nobody", "Nobody"),          # nobody of that name: the surname as written
])
def test_canonical_person(name, full):
    assert canonical_person(name, ARTICLE) == full


@pytest.mark.parametrize("phrase, person", [
    ("The attorney general", "Lord Hallam"),  # the person named with the title
    ("The company", ""),  # an organisation noun is no title
    ("the FTC", ""),  # a name, not a title
    ("Sources", ""),
])
def test_titled_person(phrase, person):
    assert titled_person(phrase, ARTICLE, ARTICLE.find("The attorney general")) == person


def test_a_group_is_its_first_named_member():
    assert group_antecedent(ARTICLE, ARTICLE.find("The men")) == "Mr Afzal"
    assert group_antecedent("Nobody is listed here.", 3) == ""


def test_the_company_is_the_organisation_named_last():
    assert nearest_org(ARTICLE, ARTICLE.find("The company")) == "Harbour Freight"  # without "Inc"
    assert nearest_org("No firm is named here at all.", 5) == ""


def test_surname_count_counts_whole_words_before_pos():
    assert surname_count(ARTICLE, "Ruzek", len(ARTICLE)) == 2
    assert surname_count(ARTICLE, "Ruzek", ARTICLE.find("Attorney")) == 1
    assert surname_count(ARTICLE, "Ruz", len(ARTICLE)) == 0  # part of a word is no mention


# --- among the sources named so far (resolve_source) -----------------------------------

HISTORY = [("The Foreign Ministry", 0), ("John Kirby", 1), ("Ms. Lee Epstein", 2)]


@pytest.mark.parametrize("phrase, at, expected", [
    ("she", 3, ("Ms. Lee Epstein", "res.pronoun")),
    ("he", 3, ("John Kirby", "res.pronoun")),  # not the woman named last
    ("Later he", 3, ("John Kirby", "res.pronoun")),  # the adverb is no part of the pronoun
    ("he", 9, ("he", "res.unresolved")),  # too far back
    ("it", 3, ("The Foreign Ministry", "res.pronoun")),
    ("the ministry", 3, ("The Foreign Ministry", "res.definite_np")),
    ("the statement", 3, ("The Foreign Ministry", "res.definite_np")),  # a document speaks for its author
    ("Kirby", 3, ("John Kirby", "res.surname")),
    ("Epstein", 3, ("Ms. Lee Epstein", "res.surname")),
    ("Blocher", 3, ("Blocher", "")),  # nobody of that name before
    ("the weather", 3, ("the weather", "")),
])
def test_resolve_source(phrase, at, expected):
    text = "..." + phrase + "..."
    assert resolve_source(text, (3, 3 + len(phrase)), HISTORY, at) == expected


def test_resolve_source_without_a_source():
    assert resolve_source("text", None, HISTORY, 0) == ("", "")


def test_ends_in_name_says_what_its_regex_said():
    """Without a regex per surname, the same answer as the regex that was compiled for each."""
    import random
    import re

    from analysis.coreference import ends_in_name

    rng = random.Random(3)
    pieces = ["John", "Kirby", "Interestingly", "ly", " ", "  ", "\t", "O'", "’", ".", "-", "a", "Z", "é", "9"]
    for _ in range(3000):
        phrase = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))).strip()
        for surname in ("Kirby", "O'Kirby", "K"):
            rx = re.compile(r"(?-i:[A-Z])[\w’'.\-]*(?<!ly)\s+" + re.escape(surname) + r"$")
            assert ends_in_name(phrase, surname) is (rx.search(phrase) is not None), (phrase, surname)
