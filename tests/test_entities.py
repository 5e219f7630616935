"""What kind of thing a phrase names (analysis/entities.py): (phrase, expected) tables with negatives."""
from __future__ import annotations

import pytest

from analysis.entities import (_org_name, _titlecase_if_caps, gender_of, is_capitalised_name, is_named_source, is_org,
                               is_person, is_plural, is_proper_noun, speaker_description)


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


@pytest.mark.parametrize("phrase, name", [
    ("Harbour Freight", True),
    ("The Committee for Fair Budgets", True),  # small words inside a name do not count
    ("Jones", True),
    ("the company", False),
    ("He", False),  # a pronoun, capitalised
    ("The", False),
])
def test_is_capitalised_name(phrase, name):
    assert is_capitalised_name(phrase) is name


@pytest.mark.parametrize("word, proper", [
    ("Acme", True),  # written capitalised mid-sentence
    ("BBC", True),  # an acronym
    ("More", False),  # capitalised only where a sentence starts
    ("Plans", False),
])
def test_is_proper_noun(word, proper):
    text = "More than a dozen women spoke. Plans were made; the plan came from Acme and the BBC."
    assert is_proper_noun(word, text) is proper


@pytest.mark.parametrize("phrase, description", [
    ("a federal grand jury", "federal grand jury"),  # a body that acts
    ("European leaders", "European leaders"),  # an agent plural, a demonym before it
    ("protesters", "protesters"),
    ("the numbers", ""),  # -ers that names a thing
    ("a new strategy", ""),  # no agent noun
    ("the man", ""),  # vague: needs an antecedent
    ("officials", ""),  # anonymous
    ("leading bankers", ""),  # a participle before the head
])
def test_speaker_description(phrase, description):
    assert speaker_description(phrase) == description


@pytest.mark.parametrize("phrase, cased", [
    ("REAGAN DENIES", "Reagan Denies"),
    ("U.S. TAX FRAUD", "U.S. Tax Fraud"),  # an abbreviation keeps its capitals
    ("BBC", "BBC"),  # an acronym, not a headline in capitals
    ("Reagan", "Reagan"),
])
def test_titlecase_if_caps(phrase, cased):
    assert _titlecase_if_caps(phrase) == cased


@pytest.mark.parametrize("name, org", [
    ("Kraft Inc", "Kraft"), ("Siemens AG", "Siemens"), ("Harbour Freight", "Harbour Freight"),
    ("Inc", "Inc"),  # nothing left without the legal form: the name as written
])
def test_org_name(name, org):
    assert _org_name(name) == org


def test_is_proper_noun_says_what_its_regex_said():
    """The look-ups at each place the word stands give what one regex search gave."""
    import random
    import re

    rng = random.Random(5)
    pieces = ["Plans", "plans", "Plan", "Plans_", "Plans9", " ", "  ", "\n", "\u00a0", "a", "Z", ",", ";", "(", "“",
              '"', ".", "é", "_", "x "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for word in ("Plans", "Plan", "P", "Plans9", ""):
            expected = re.search(r"(?:[a-z,;]\s+|\(|“|\")" + re.escape(word) + r"\b", text) is not None
            assert is_proper_noun.__wrapped__(word, text) is (expected or (len(word) > 1 and word.isupper())), (word, text)
