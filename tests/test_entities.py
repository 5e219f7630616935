"""Entity typing and coreference of source phrases: (phrase, expected) tables with negatives."""
from __future__ import annotations

import pytest

from analysis.entities import gender_of, is_named_source, is_org, is_person, is_plural, resolve_source


@pytest.mark.parametrize("phrase, person", [
    ("John Kirby", True),
    ("President Biden", True),
    ("coach Ines Varga", True),  # a role, then the name
    ("he", True),
    ("North Korea", False),  # a place
    ("The Daily Courier", False),  # a name with an article
    ("the Foreign Ministry", False),
    ("the effort results in John Kasich", False),  # the name is an object
])
def test_is_person(phrase, person):
    assert is_person(phrase) is person


@pytest.mark.parametrize("phrase, org, plural", [
    ("the ministry", True, False),
    ("officials", True, True),
    ("military experts", True, True),  # "military" is an organisation word
    ("critics", False, True),
    ("News", True, False),
    ("John Kirby", False, False),
    ("the press", False, False),  # -ss is no plural
])
def test_is_org_and_is_plural(phrase, org, plural):
    assert (is_org(phrase), is_plural(phrase)) == (org, plural)


@pytest.mark.parametrize("name, gender", [
    ("Ms. Lee Epstein", "f"), ("Mrs Smith", "f"), ("Mr. Ebbers", "m"), ("Lord Goldsmith", "m"),
    ("Lee Epstein", ""), ("Mr", ""),  # no name after the title
])
def test_gender_of(name, gender):
    assert gender_of(name) == gender


@pytest.mark.parametrize("phrase, named", [
    ("John Kirby", True), ("he", False), ("the ministry", False), ("", False), ("The Foreign Ministry", True),
])
def test_is_named_source(phrase, named):
    assert is_named_source(phrase) is named


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
