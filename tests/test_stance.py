"""Stance of a clause: denials, accusations, CAMEO codes, weak rows and the cue."""
from __future__ import annotations

import pytest

from analysis.stance import classify_stance, find_stance

# --- denial ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("North Korea had also previously denied providing weapons and ammunition to Russia", "denial"),
    ("The ministry rejected the claim", "denial"),
    ("Washington was spreading a groundless rumour", "denial"),
    ("We have never had arms dealings with Russia", "denial"),
    ("The report was fabricated", "denial"),
    ("Officials dismissed the video as fake", "denial"),
    ("Moscow denies US accusations of involvement", "denial"),
    ("The minister refuted the report", "denial"),
    ("The spokesman called the story baseless and said it was a fabrication", "denial"),
    ("Israel denies causing floods by opening dams", "denial"),
    ("The company issued a denial", "denial"),
    ("No, the president did not adopt the boy", "denial"),
    ("Officials say the woman is not his wife", "denial"),
    ("The police said the car wasn't stolen", "denial"),
    ("Experts cast doubt on the meteorite claim", "denial"),
    ("The student made it all up", "denial"),
    ("The video was exposed as a fake", "denial"),
    ("Reports of the pull-out were wildly inaccurate", "denial"),
    ("The rumour was quickly put to rest", "denial"),
    ("The agency rebuffed the congressman's claim", "denial"),
    ("Is the expansion coming? Probably not", "denial"),
    ("Mexico says students not among dead in mass grave", "denial"),
    ("Three-breasted woman a fake", "denial"),
    ("The story is almost definitely fake", "denial"),
    # counter-examples: deny + permit/right, negated or refused denial, neutral verbs
    ("The agency denied him a permit", "other"),
    ("The court denied bail", "other"),
    ("They were denied entry to the country", "other"),
    ("He did not deny the report", "other"),
    ("She refused to deny the claim", "other"),
    ("He didn't deny the report", "other"),
    ("The attack's nature cannot be denied", "other"),
    ("Closed primaries deny many independents the right to vote", "other"),
    ("He said his requests were denied", "other"),
    ("The minister would not deny that talks took place", "other"),
    ("The ministry rejected the proposal", "other"),
    ("She rejected a Fox News proposal for a debate", "other"),
    ("We never know how much we will earn", "other"),
    ("Kirby said the US would continue to monitor whether the shipments are arriving", "other"),
    ("We will not back down", "other"),
    ("North Korea has pledged its support for Russia", "other"),
    ("a denial-of-service attack hit the site", "other"),
    ("He refused to confirm or deny the report", "other"),
    ("She insists it was not a hoax", "other"),
    ("Real or hoax?", "other"),
    ("Is the report about the deal fabricated?", "other"),
    ("Hands up, don't shoot", "other"),
    ("Not only the army but the police joined", "other"),
    ("The ministry did not respond to a request for comment", "other"),
    ("The group is made up of five members", "other"),
    ("Soldier killed in airstrike - reports", "other"),
    ("She slammed the door", "other"),
])
def test_classify_denial_and_counter_examples(text, expected):
    assert classify_stance(text).stance == expected


# --- accusation -----------------------------------------------------------------------

@pytest.mark.parametrize("text, stance, target", [
    ("The US government last week accused North Korea of secretly supporting Russia", "accusation", "North Korea"),
    ("The ministry went on to accuse the US of attempting to tarnish the image of North Korea", "accusation", "the US"),
    ("Officials blamed Washington for the blast", "accusation", "Washington"),
    ("Seoul blamed the attack on Pyongyang", "accusation", "Pyongyang"),
    ("Ukraine alleged that Moscow had used banned weapons", "accusation", "Moscow"),
    ("North Korea was secretly supplying artillery shells", "accusation", "North Korea"),
    ("Kirby said that North Korea was trying to disguise the deliveries", "accusation", "North Korea"),
    ("shells that Moscow could potentially purchase from Pyongyang.", "accusation", "Pyongyang"),
    ("The Kremlin is accused of meddling", "accusation", "The Kremlin"),
    ("Officials said Russia was behind the attack", "accusation", "Russia"),
    ("Kyiv holds Moscow responsible for the strike", "accusation", "Moscow"),
    ("Seoul condemned Pyongyang for the launch", "accusation", "Pyongyang"),
    ("The company was behind schedule", "other", ""),
    # condemning an act is CAMEO 111 even with no actor named (real-news codebook: "condemned
    # the detentions" is a clear accusation); the target stays empty
    ("Seoul condemned the launch", "accusation", ""),
    ("The minister slammed the media for speculation", "accusation", "the media"),
    # counter-examples
    ("North Korea was supplying food to its people", "other", ""),
    ("The minister charged his phone", "other", ""),
    ("Russia had business relations with the Asian autocracy", "other", ""),
    ("Imports from China rose sharply", "other", ""),
    ("You can't blame the community for being proud", "other", ""),
    ("Iran bought missiles and drones from Russia", "accusation", "Russia"),
])
def test_classify_accusation_and_target(text, stance, target):
    res = classify_stance(text)
    assert res.stance == stance
    assert res.target_text == target


def test_denial_with_counter_accusation_keeps_both():
    res = find_stance("It said that Washington was persistently spreading a groundless ‘rumour of arms "
                      "dealings’ between North Korea and Russia")
    stances = [r.stance for r in res]
    assert stances[0] == "denial" and "accusation" in stances
    assert res[0].target_text == "Washington"  # whose accusation is denied
    assert res[0].cameo == "016"


@pytest.mark.parametrize("text, cameo", [
    ("The US accused North Korea of secretly supporting Russia with military equipment in its war", "1123"),
    ("They accused the general of war crimes in the city", "1124"),
    ("Beijing accused the diplomat of spying", "1125"),
    ("Activists accused the police of torture", "1122"),
    ("Prosecutors accused the mayor of corruption", "1121"),
    ("Washington was spreading a rumour of arms dealings", "112"),  # speech act: plain 112
    ("Seoul condemned Pyongyang for the missile launch", "111"),    # criticism keeps its own code
])
def test_cameo_children(text, cameo):
    res = [r for r in find_stance(text) if r.stance == "accusation"]
    assert res and res[0].cameo == cameo


def test_evidence_of_every_label():
    res = classify_stance("North Korea denied providing weapons")
    assert res.rule.startswith("D_") and res.match is not None
    s, e = res.match
    assert "denied" in "North Korea denied providing weapons"[s:e]
    assert res.cameo_name.startswith("Deny")


def test_cue_carries_stance_when_clause_lacks_it():
    res = classify_stance("providing weapons to Russia", cue="denied")
    assert res.stance == "denial" and res.rule.endswith("+cue")


@pytest.mark.parametrize("clause, cue, expected", [
    ("the shipments had not arrived", "said", "other"),      # neutral cue: a plain negation
    ("the shipments had not arrived", "insisted", "denial"),  # asserting cue: a denial
    ("the shipments had not arrived", "", "denial"),          # bare clause / headline
    ("it denied the shipments", "said", "denial"),            # strong rows apply everywhere
])
def test_weak_rows_depend_on_cue(clause, cue, expected):
    assert classify_stance(clause, cue).stance == expected


def test_weak_switch_overrides_cue():
    assert classify_stance("the car wasn't stolen", weak=False).stance == "other"
    assert classify_stance("the car wasn't stolen", "said", weak=True).stance == "denial"


# --- properties -----------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_TEXTS = st.text(alphabet=st.sampled_from(list("abc XYZ.,;:!?'\"“”‘’-\ndenyaccusedNorthKoreanot")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_stance_never_raises_and_offsets_hold(text):
    for res in find_stance(text):
        assert res.stance in {"denial", "accusation"}
        if res.match:
            s, e = res.match
            assert 0 <= s < e <= len(text)


# --- lexicon content the code reads ----------------------------------------------------

def test_each_cameo_code_has_one_name():
    from analysis.lexicons import load_lexicon
    from analysis.stance import StanceResult, cameo_names

    names = cameo_names()
    for row in load_lexicon("stance"):
        if row["cameo"]:
            assert row["cameo_name"] == names[row["cameo"]], row["rule"]
    # the codes the reporting verbs carry (cues.csv stance = accusation:111) are named too
    for row in load_lexicon("cues"):
        parts = (row.get("stance") or "").split(":")
        if len(parts) > 1:
            assert names.get(parts[1]), row["rule"]
    assert StanceResult("accusation", "A_x", "1124", None).cameo_name == "Accuse of war crimes"
    assert StanceResult("other", "S_none", "", None).cameo_name == ""


def test_fallback_rows_are_match_rows():
    from analysis.lexicons import load_lexicon
    from analysis.stance import fallback_rules

    rows = {row["rule"]: row for row in load_lexicon("stance")}
    assert {row.get("fallback") or "" for row in rows.values()} <= {"", "yes"}
    assert fallback_rules() and all(rows[rule]["kind"] == "match" for rule in fallback_rules())
    # a speech-act verb makes a statement on its own; a narrated negation does not
    assert {"D_deny_that", "A_accuse"} <= fallback_rules() and not {"D_bare_not", "D_a_fake"} & fallback_rules()


@pytest.mark.parametrize("text, rules, expected", [
    ("North Korea denied the reports", {"D_deny_acc"}, True),
    ("North Korea shipped shells", {"D_deny_acc"}, False),        # no form of deny: the row cannot match
    ("North Korea shipped shells", {"D_deny_acc", "A_accuse"}, False),
    ("They accused Seoul", {"D_deny_acc", "A_accuse"}, True),
    ("North Korea denied the reports", set(), False),
])
def test_may_match_any(text, rules, expected):
    from analysis.stance import may_match_any

    assert may_match_any(text, frozenset(rules)) is expected


def test_a_clause_cut_from_the_article_is_lowered_as_by_itself():
    """find_stance slices a clause's lower case from the article's: the same as lowering the
    clause, for every cut, a capital sigma (final or not by its neighbours) included."""
    from analysis import stance
    from analysis.prefilter import lowered

    article = "ΟΔΟΣ Denied ΣΑΣ it, ‘HOAX’ Straße ǅ ΑΣ. They DENIED Σ claims."
    read = stance._article(article)
    for a in range(len(article)):
        for b in range(a, len(article) + 1):
            assert read.lowered(article[a:b], a) == lowered(article[a:b]), (a, b)
