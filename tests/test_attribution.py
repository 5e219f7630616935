"""Attributions (source, cue, content): (text, expected) tables with negative and tricky cases."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import Attribution, find_attributions
from analysis.load import read_article

ARTICLE_MD = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_69a36e7ce07eb426.md"


def g(text: str, span) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def triples(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """(cue, source as written, content, mode) of each attribution."""
    return [(g(text, a.cue), g(text, a.source), g(text, a.content), a.mode) for a in find_attributions(text)]


# ----------------------------------------------------------------------------- attributions

@pytest.mark.parametrize("text, expected", [
    # indirect speech
    ("Kirby said that the shipments were arriving.",
     [("said", "Kirby", "that the shipments were arriving", "indirect")]),
    ("The minister says the talks failed.", [("says", "The minister", "the talks failed", "indirect")]),
    # direct quote, cue and source after it (both orders)
    ("“We have no plan,” the statement continued.",
     [("continued", "the statement", "“We have no plan,”", "direct")]),
    ("“We have no plan,” said Kirby.", [("said", "Kirby", "“We have no plan,”", "direct")]),
    ("“It is a significant number,” Kirby told reporters.",
     [("told", "Kirby", "“It is a significant number,”", "direct")]),
    # indirect content before the cue (the closing comma is left out, as annotators do)
    ("The shipments are arriving, Kirby said.", [("said", "Kirby", "The shipments are arriving", "indirect")]),
    ("“It will pass,” said Gen. Barry R. McCaffrey, the drug policy director in the Clinton administration.",
     [("said", "Gen. Barry R. McCaffrey, the drug policy director in the Clinton administration", "“It will pass,”",
       "direct")]),
    ("“It was shocking,” said Haines, 44.", [("said", "Haines, 44", "“It was shocking,”", "direct")]),
    # an appositive subject is no inverted speech tag
    ("Sarah Aubrey, who runs programming at TNT, described the excitement.",
     [("described", "Sarah Aubrey, who runs programming at TNT,", "the excitement", "indirect")]),
    ("The shipments are arriving, said John Kirby, a spokesman.",
     [("said", "John Kirby, a spokesman", "The shipments are arriving", "indirect")]),
    # appositive before the cue
    ("John Kirby, a spokesman for the council, said the talks failed.",
     [("said", "John Kirby, a spokesman for the council,", "the talks failed", "indirect")]),
    # according to, both orders
    ("According to military experts, Russia is short of shells.",
     [("According to", "military experts", "Russia is short of shells", "according_to")]),
    ("Russia is short of shells, according to military experts.",
     [("according to", "military experts", "Russia is short of shells", "according_to")]),
    # partial quote inside narration
    ("The ministry accused the US of invoking “illegal resolutions” at the UN.",
     [("accused", "The ministry", "the US of invoking “illegal resolutions” at the UN", "mixed")]),
    # non-speech cues PolNeAR counts
    ("Many voters believe the economy is weak.", [("believe", "Many voters", "the economy is weak", "indirect")]),
    ("Officials fear the talks will fail.", [("fear", "Officials", "the talks will fail", "indirect")]),
    ("The senator wants to cut taxes.", [("wants", "The senator", "to cut taxes", "indirect")]),
    ("Kirby spoke of millions of rockets.", [("spoke of", "Kirby", "millions of rockets", "indirect")]),
    ("The ministry went on to accuse the US of lying.",
     [("went on to accuse", "The ministry", "the US of lying", "indirect")]),
    ("North Korea has denied the reports.", [("has denied", "North Korea", "the reports", "indirect")]),
    ("Though he stressed that there was no evidence.",
     [("stressed", "he", "that there was no evidence", "indirect")]),
    # participle cue shares the sentence's source
    ("Kirby said the US would watch, adding that it is a big number.",
     [("said", "Kirby", "the US would watch", "indirect"),
      ("adding", "Kirby", "that it is a big number", "indirect")]),
    # anonymous sources
    ("Officials said the plan was dead.", [("said", "Officials", "the plan was dead", "indirect")]),
    # passive with an agent
    ("The move was first reported by MSNBC.", [("was first reported", "MSNBC", "The move", "indirect")]),
    # passive without an agent and seem/appear: no source, the subject is talked about
    ("The deal is expected to collapse.", [("is expected", None, "to collapse", "indirect")]),
    ("Mr. Lee's role was disclosed after a search.", [("was disclosed", None, "Mr. Lee's role", "indirect")]),
    # coordinated verbs share the clause subject
    ("He later walked back his remarks and said women were victims.",
     [("said", "He", "women were victims", "indirect")]),
    ("In a statement, Gov. Rick Scott (R) blasted Congress and said funds were short.",
     [("blasted", "Gov. Rick Scott (R)", "Congress", "indirect"),
      ("said", "Gov. Rick Scott (R)", "funds were short", "indirect")]),
    # a cue chain is one cue; annotators' cue extent: colon, particle, "in a statement"
    ("The senator is expected to endorse Clinton.", [("is expected to endorse", None, "Clinton", "indirect")]),
    ("Sanders talked about trade.", [("talked about", "Sanders", "trade", "indirect")]),
    ("The mayor said in a statement that taxes will rise.",
     [("said in a statement", "The mayor", "that taxes will rise", "indirect")]),
    # headline with a colon, interview transcript, title-case headline verb
    ("Paul Ryan: FBI Decision Not to Indict Was Wrong", [(":", "Paul Ryan", "FBI Decision Not to Indict Was Wrong",
                                                          "indirect")]),
    ("Jeb Bush Super PAC Chief Praises Marco Rubio Donor",
     [("Praises", "Jeb Bush Super PAC Chief", "Marco Rubio Donor", "indirect")]),
    # content stops at the next clause
    ("She said the plan was dead, and he accused her of lying.",
     [("said", "She", "the plan was dead", "indirect"), ("accused", "he", "her of lying", "indirect")]),
    # "by promising": a gerund after 'by' is still a cue
    ("Trump rallied crowds by promising to build a wall.", [("promising", "Trump", "to build a wall", "indirect")]),
])
def test_attributions(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text", [
    # site furniture and labels before a colon are no speakers
    "Email: info@example.com and more text here",
    "LEAVE A REPLY",
    "Update: the story was corrected later today.",
    # a gerund inside a noun phrase is no statement
    "It is a way of quietly supporting the rebels.",
    # verbs that only look like cues here
    "Prices continued to rise.",
    "Emissions declined sharply last year.",
    "The disputed territory stays occupied.",
    # scare quotes with no cue are not attributions with a speaker
    "The so-called “peace plan” was shelved.",
    "Critics of the ‘reform’ gathered outside.",
    # noun uses of cue words
    "The support for the plan grew.",
    "His campaign plans a new ad.",
    "The state of the union is strong.",
    # no cue at all
    "Pyongyang is subject to tough sanctions.",
    # cue words inside a quotation are the speaker's words, not new statements
    "",
])
def test_no_attribution(text):
    assert [a for a in find_attributions(text) if a.source is not None or a.cue is not None] == []


def test_he_said_no_keeps_short_content():
    text = "Asked whether he would resign, he said no."
    atts = find_attributions(text)
    assert [(g(text, a.cue), g(text, a.source), g(text, a.content)) for a in atts] == [
        ("Asked", None, "whether he would resign"), ("said", "he", "no")]


def test_statement_published_by_is_no_second_statement():
    text = "The ministry said in a statement published by state news agency KCNA on Tuesday."
    assert triples(text) == [("said in a statement", "The ministry", None, "indirect")]


def test_cue_inside_quote_is_not_a_new_statement():
    text = "“I think we will win,” Clinton said."
    assert triples(text) == [("said", "Clinton", "“I think we will win,”", "direct")]


def test_unknown_speaker_quote_is_kept():
    text = "The rally ended.\n\n“We will be back next year.”"
    atts = find_attributions(text)
    assert len(atts) == 1
    a = atts[0]
    assert a.source is None and a.cue is None and a.source_rule == "src.unknown"
    assert g(text, a.content) == "“We will be back next year.”"


def test_pronoun_after_long_quote_still_finds_the_speaker():
    text = ("“We are ready,” Kirby said.\n\n“One.”\n\n“Two.”\n\n“Three.”\n\n“Four.”\n\n"
            "“We will stay,” he continued.")
    last = find_attributions(text)[-1]
    assert (g(text, last.source), last.source_text) == ("he", "Kirby")


def test_quote_content_stops_before_next_speech_tag():
    text = 'Trump said: "There will be exceptions," the Times reported.'
    assert triples(text)[0] == ("said:", "Trump", '"There will be exceptions,"', "direct")


def test_quote_paragraph_continues_last_speaker():
    text = "“We are ready,” Kirby said.\n\n“We will stay ready.”"
    atts = find_attributions(text)
    assert [a.source_text for a in atts] == ["Kirby", "Kirby"]
    assert atts[1].source_rule == "src.quote_continuation" and atts[1].cue is None


@pytest.mark.parametrize("text, source, resolved", [
    ("The Foreign Ministry said it was ready. It said the talks failed.", "It", "The Foreign Ministry"),
    ("Spokesman John Kirby spoke. He said the talks failed.", "He", None),
    ("John Kirby said no. Later, Kirby said the talks failed.", "Kirby", "John Kirby"),
    ("The Foreign Ministry in Pyongyang said so. The ministry went on to accuse the US of lying.",
     "The ministry", "The Foreign Ministry in Pyongyang"),
    # "it" is often the situation, not a plural or personal source: left as written
    ("According to military experts, Russia is short of shells. It revealed the bottlenecks.", "It", "It"),
    # pronouns look back a few sentences only
    ("The ministry said so. Talks stalled. Prices rose. Crowds left. Rain fell. It said the talks failed.",
     "It", "It"),
])
def test_source_resolution(text, source, resolved):
    last = find_attributions(text)[-1]
    assert g(text, last.source) == source
    if resolved is not None:
        assert last.source_text == resolved


def test_pronoun_resolves_to_person_not_country():
    text = "North Korea denied the charge. John Kirby said the US was watching. He stressed that it had proof."
    last = find_attributions(text)[-1]
    assert (g(text, last.source), last.source_text) == ("he".capitalize(), "John Kirby")


def test_skip_ranges_block_attributions():
    text = "Advertisement: Acme said prices fell.\n\nKirby said the talks failed."
    skip = [(0, text.index("\n"))]
    assert [g(text, a.source) for a in find_attributions(text, skip=skip)] == ["Kirby"]


def test_attribution_is_frozen_and_spans_are_offsets():
    text = "Kirby said the talks failed."
    a = find_attributions(text)[0]
    assert isinstance(a, Attribution)
    with pytest.raises(Exception):
        a.mode = "direct"  # type: ignore[misc]
    assert a.rule.startswith("cue.say+src.left")
    assert 0 <= a.start < a.end <= len(text)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_never_raises(text):
    for a in find_attributions(text):
        for span in (a.cue, a.source, a.content):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)


# ----------------------------------------------------------------------------- the shipped article

@pytest.fixture(scope="module")
def article():
    text = read_article(ARTICLE_MD)["text"]  # the shipped copy; test_data checks it is the reference text
    return text, find_attributions(text)


def test_reference_statement_continued(article):
    text, atts = article
    hit = [a for a in atts if g(text, a.cue) == "continued"]
    assert len(hit) == 1
    a = hit[0]
    assert g(text, a.source) == "the statement"
    assert a.source_text == "The Foreign Ministry in Pyongyang"
    assert a.mode == "direct" and g(text, a.content).startswith("“We once again make clear")


def test_reference_kirby_said_twice(article):
    text, atts = article
    kirby = [a for a in atts if g(text, a.cue) == "said" and "Kirby" in a.source_text]
    assert len(kirby) == 2
    assert all(a.source_text.endswith("John Kirby") for a in kirby)


def test_reference_went_on_to_accuse(article):
    text, atts = article
    hit = [a for a in atts if g(text, a.cue) == "went on to accuse"]
    assert [g(text, a.source) for a in hit] == ["The ministry"]
    assert hit[0].source_text == "The Foreign Ministry in Pyongyang"


def test_reference_according_to(article):
    text, atts = article
    hit = [a for a in atts if a.mode == "according_to"]
    assert [(g(text, a.cue), g(text, a.source)) for a in hit] == [("According to", "military experts")]


def test_reference_it_said_resolves_to_ministry(article):
    text, atts = article
    hit = [a for a in atts if g(text, a.source) == "It" and g(text, a.cue) == "said"]
    assert [a.source_text for a in hit] == ["The Foreign Ministry in Pyongyang"]


def test_reference_he_stressed_is_kirby(article):
    text, atts = article
    hit = [a for a in atts if g(text, a.cue) == "stressed"]
    assert [(g(text, a.source), a.source_text.endswith("John Kirby")) for a in hit] == [("he", True)]


def test_reference_boilerplate_has_no_statement(article):
    text, atts = article
    tail = text.index("LEAVE A REPLY")
    assert all(a.start < tail for a in atts)
