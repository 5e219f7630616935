"""Actor resolution: gazetteer names, people named in the article, "the statement" / "the ministry"."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.actor_names import resolve_actor

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_69a36e7ce07eb426.md"


def _body() -> str:
    raw = ARTICLE.read_text(encoding="utf-8")
    return raw.split("\n---\n", 1)[1]


# --- actors ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("The Foreign Ministry in Pyongyang", ("North Korea", "government")),
    ("state news agency KCNA", ("North Korea", "media")),
    ("The US government", ("United States", "government")),
    ("Washington", ("United States", "government")),
    ("the Kremlin", ("Russia", "government")),
    ("Moscow", ("Russia", "government")),
    ("military experts", ("unknown", "anonymous")),
    ("US officials", ("United States", "anonymous")),
    ("the United Nations Security Council", ("United Nations", "organisation")),
    ("Vladimir Putin", ("Russia", "person")),
    ("It", ("unknown", "unknown")),
    ("Russian President Vladimir Putin", ("Russia", "person")),
    ("Chinese Foreign Ministry spokesman Zhao Lijian", ("China", "person")),
    ("Iraqi officials", ("Iraq", "anonymous")),
    ("the Taliban", ("Afghanistan", "government")),
    ("Jordan Peterson", ("Jordan Peterson", "person")),   # a place inside a name is not the country
    ("Georgia Tech researchers", ("Georgia Tech", "anonymous")),
    ("", ("unknown", "unknown")),
])
def test_resolve_actor_gazetteer(phrase, expected):
    assert resolve_actor(phrase) == expected


def test_resolve_actor_from_article_context():
    text = _body()
    assert resolve_actor("National Security Council Communications Director, John Kirby", text) == \
        ("United States", "person")
    kirby = text.index("Kirby said the US")
    assert resolve_actor("Kirby", text, kirby) == ("United States", "person")
    stmt = text.index("the statement continued")
    assert resolve_actor("the statement", text, stmt) == ("North Korea", "document")
    ministry = text.index("The ministry went on")
    assert resolve_actor("The ministry", text, ministry) == ("North Korea", "government")


def test_person_without_country_is_own_actor():
    assert resolve_actor("Jane Doe", "Jane Doe said it would rain.", 0) == ("Jane Doe", "person")
    assert resolve_actor("Doe", "Jane Doe said it would rain. Doe added more.", 29) == ("Jane Doe", "person")


@pytest.mark.parametrize("phrase, marker, expected", [
    ("Clinton", "Later Clinton", ("Hillary Clinton", "person")),    # sentence-initial word is not a name
    ("Marco Rubio", "Marco", ("Marco Rubio", "person")),             # "U.S." later in the sentence is not his title
    ("Zhao Lijian", "Zhao", ("China", "person")),                    # appositive title after the name
])
def test_resolve_person_from_context(phrase, marker, expected):
    ctx = ("Wherever Hillary Clinton goes, crowds follow. Jeb Bush criticized Marco Rubio for opposing it "
           "in the U.S. Senate. Zhao Lijian, a spokesman for the Chinese Foreign Ministry, said so. "
           "Later Clinton spoke.")
    pos = ctx.index(marker) + (6 if marker.startswith("Later") else 0)
    assert resolve_actor(phrase, ctx, pos) == expected


# --- properties -----------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_TEXTS = st.text(alphabet=st.sampled_from(list("abc XYZ.,;:!?'\"“”‘’-\ndenyaccusedNorthKoreanot")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_resolve_actor_never_raises(text):
    actor, stype = resolve_actor(text, text, 0)
    assert stype in {"person", "organisation", "government", "media", "anonymous", "document", "unknown"}


def test_the_person_name_scan_finds_what_the_particle_regex_finds():
    """_person_names scans a text without a name starting with a particle by a regex that
    starts at capitals only: on such texts it finds what _NAME_RX finds, and every text where
    _NAME_RX starts a name at a particle is one _PARTICLE_NAME sends to _NAME_RX."""
    import random

    from analysis.actor_names import _NAME_RX, _NAME_RX_NO_PARTICLE, _PARTICLE_NAME

    rng = random.Random(5)
    pieces = ["al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "du", "le", "la", "-", " ",
              "\t", "x", "A", "Mc", "Grath", "O'Neill", "’s", "Van", ".", "\n", "Smith", "é", "1", "_", "b", "v"]
    chosen = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        spans = [m.span() for m in _NAME_RX.finditer(text)]
        if not _PARTICLE_NAME.search(text):
            chosen += 1
            assert [m.span() for m in _NAME_RX_NO_PARTICLE.finditer(text)] == spans, text
            assert all(text[s].isupper() for s, _ in spans), text
    assert chosen > 1000
