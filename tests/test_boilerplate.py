import pytest

from analysis.boilerplate import find_boilerplate, in_ranges


@pytest.mark.parametrize("text, expected", [
    ("Headline\n\nAdvertisement\n\nBody sentence.", ["Advertisement"]),
    ("Headline\n\nBody.\n\nLEAVE A REPLY\n\nPlease enter your comment!", ["LEAVE A REPLY", "Please enter your comment!"]),
    ("Headline\n\nBody.\n\nNAN", ["NAN"]),
    ("Headline\n\nBody.\n\n(Reuters)", ["(Reuters)"]),
    ("Headline\n\nBody.\n\nShare your story or advertise with us: Whatsapp: +234 Email: x@y.com",
     ["Share your story or advertise with us: Whatsapp: +234 Email: x@y.com"]),
    ("Headline\n\nKim Jong Un and Vladimir Putin\n\nThe ministry said so.", ["Kim Jong Un and Vladimir Putin"]),
    ("Headline\n\nPhoto: AFP\n\nBody.", ["Photo: AFP"]),
])
def test_finds_boilerplate(text, expected):
    spans = find_boilerplate(text)
    assert [s["text"] for s in spans] == expected
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


@pytest.mark.parametrize("text", [
    "Headline\n\nThe advertisement was banned, officials said.",   # the word inside a sentence
    "Headline\n\nNANCY said she would come.",                         # agency name as a prefix
    "North Korea denies arms dealings with Russia",                   # the headline itself
    "Headline\n\nThe ministry said.\n\nLater in the story a short line",  # short line after the body began
    "",
])
def test_leaves_story_text_alone(text):
    assert find_boilerplate(text) == []


def test_shipped_article(article):
    labels = [(s["label"], s["text"]) for s in find_boilerplate(article["text"])]
    assert ("caption", "Kim Jong Un and Vladimir Putin") in labels
    assert [t for label, t in labels if label == "advert"] == ["Advertisement", "Advertisement"]
    assert ("credit", "NAN") in labels
    assert sum(label == "comment_form" for label, _ in labels) == 3
    story = article["text"].index("It said that Washington")
    assert not any(s["start"] <= story < s["end"] for s in find_boilerplate(article["text"]))


def test_in_ranges():
    assert in_ranges(2, 4, [(0, 5)]) and not in_ranges(2, 7, [(0, 5)])
