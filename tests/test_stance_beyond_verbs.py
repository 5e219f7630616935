"""Speech acts beyond the deny/accuse verb list (issue 9, item 3), each with counter-examples.

Every sentence here is invented for the test (never copied from the dev corpora).
"""
from __future__ import annotations

import pytest

from analysis.stance import classify_stance, find_stance


def _stances(text: str, cue: str = "") -> list[str]:
    return [r.stance for r in find_stance(text, cue)]


@pytest.mark.parametrize("text, expected", [
    # dismissal and evaluation of a claim
    ("The minister said the allegations were untrue", "denial"),
    ("A spokeswoman said the claims had no merit whatsoever", "denial"),
    ("The governor called the idea absurd", "denial"),
    ("She branded the criticism as utter nonsense", "denial"),
    ("The mayor brushed aside questions about the contract", "denial"),
    ("The club waved off the federation's complaint", "denial"),
    ("Officials pushed back on the accusations", "denial"),
    ("The firm disputed that in a court filing", "denial"),
    ("There is no truth in the reports of a merger", "denial"),
    ("It was a malicious smear, the senator said", "denial"),
    ("They are not accurate, the coach told reporters", "denial"),
    ("The trader pleaded not guilty to fraud", "denial"),
    ("I am not guilty of anything", "denial"),
    # negated wrongdoing said by the accused
    ("I didn't threaten anyone", "denial"),
    ("We have never bribed an official", "denial"),
    ("There was absolutely no collusion", "denial"),
    ("I have done nothing wrong", "denial"),
    ("The bank said it had acted lawfully throughout", "denial"),
    ("The ministry played no part in the decision", "denial"),
    # self-targeted passive: the speaker's denial, not an accusation of itself
    ("We are being accused of breaking the truce", "denial"),
    # counter-examples
    ("The council rejected the proposal", "other"),
    ("The judge denied the motion to dismiss", "other"),
    ("I will never answer any provocation", "other"),
    ("The country is in a state of denial", "other"),
    ("The spokesman declined to comment", "other"),
    ("The meeting was called productive", "other"),
    ("She called for an end to false advertising", "other"),
    ("We challenge him to take a lie detector test", "other"),
])
def test_denials_beyond_the_verb_list(text, expected):
    assert classify_stance(text).stance == expected


@pytest.mark.parametrize("text, expected", [
    # criticism and condemnation
    ("The union criticised the airline for cutting wages", "accusation"),
    ("The envoy condemned the shelling of the port", "accusation"),
    ("Senators hammered the company for its privacy record", "accusation"),
    ("The coach said his rival was a disgrace", "accusation"),
    ("Critics called the plan reckless", "accusation"),
    ("The regulator complained that the bank had ignored warnings", "accusation"),
    ("Ankara protested to the alliance over the incursion", "accusation"),
    # reported wrongdoing without an accuse word
    ("The report said the agency had misled investors", "accusation"),
    ("The prosecutor said the two men laundered the money", "accusation"),
    ("The group said the mine broke environmental laws", "accusation"),
    ("Auditors found the firm falsely reported its profits", "accusation"),
    ("The minister said the rival party was biased", "accusation"),
    # formal charges
    ("Three executives were charged with fraud on Monday", "accusation"),
    ("The regulator charged the broker with insider trading", "accusation"),
    ("The club has been fined over crowd trouble", "accusation"),
    ("The state filed a lawsuit against the builder", "accusation"),
    ("The commission charged that the bank hid its losses", "accusation"),
    ("The allegations were made by a former aide, Jane Doe", "accusation"),
    # counter-examples
    ("The coach refused to blame the goalkeeper", "other"),
    ("No one is putting the blame on the players", "other"),
    ("The league will not be bringing charges over the incident", "other"),
    ("None of the clients were charged with any crime", "other"),
    ("The shop charged customers a small fee", "other"),
    ("She slammed the door", "other"),
    ("Is the deal fabricated?", "other"),
    ("We will take criticism from all sides", "other"),
])
def test_accusations_beyond_the_verb_list(text, expected):
    assert classify_stance(text).stance == expected


@pytest.mark.parametrize("text", [
    "the car wasn't stolen",
    "the rains have not affected the harvest",
])
def test_plain_negation_after_a_neutral_cue_is_no_denial(text):
    # "he said the car wasn't stolen" reports a fact; only an asserting cue makes it a denial
    assert _stances(text, "said") == []


def test_quote_marks_do_not_flip_a_denial():
    plain = "The editor said the article was false and misleading"
    quoted = 'The editor said the article was "false and misleading"'
    assert classify_stance(plain).stance == classify_stance(quoted).stance == "denial"


def test_false_inside_a_charge_is_no_denial():
    # "false advertising" is what the accused did: the sentence is the regulator's charge
    assert _stances("The regulator charged the company with false advertising")[:1] == ["accusation"]


def test_a_pattern_can_name_its_speaker():
    res = find_stance("The video was shared widely, drawing condemnation from Britain")
    assert res and res[0].stance == "accusation" and res[0].speaker_text == "Britain"


@pytest.mark.parametrize("text, cue, expected", [
    # wrongdoing in a speaker's words is an accusation...
    ("the scheme defrauded thousands of pensioners", "said", "accusation"),
    ("the decision was reprehensible", "said", "accusation"),
    # ... unless negated, conditional, asked, or a topic rather than an act
    ("there was never any attempt to defraud anyone", "said", "denial"),
    ("if the men are found guilty they face a fine", "said", "other"),
    ("the agency is very diligent in its anti-doping work", "said", "other"),
])
def test_wrongdoing_in_reported_speech(text, cue, expected):
    res = find_stance(text, cue)
    assert (res[0].stance if res else "other") == expected


def test_a_headline_reports_a_denial_in_its_own_words():
    from analysis.annotate import annotate

    _, st = annotate("h", "OSLAND SAYS IT INTENDS NO THREAT TO SHIPPING\n\nThe ministry spoke on Monday.")
    assert "denial" in set(st.stance)


def test_an_adjectival_accused_is_no_accusation():
    from analysis.annotate import annotate

    _, st = annotate("h", "Senator's accused attacker pleads not guilty to assault\n\nHe appeared in court.")
    assert list(st[st.stance != "other"].stance) == ["denial"]


@pytest.mark.parametrize("text, expected", [
    ("There are no bases of truth to the contents of the accusation", "denial"),
    ("There is no basis for the report", "denial"),
])
def test_no_truth_to_a_claim(text, expected):
    assert classify_stance(text).stance == expected


@pytest.mark.parametrize("text, expected", [
    ("Mayor calls for new bridge, blasts Republicans", "accusation"),   # a headline's criticism
    ("League charges Rovers and United", "accusation"),               # a headline's formal charge
    ("The coach was handed a two-match ban on Tuesday", "accusation"),
    ("The band blasted the speakers", "other"),                        # no name: a physical verb
    ("The ministry issued a ban on fireworks", "other"),               # a regulation, not a sanction
])
def test_headline_criticism_charges_and_sanctions(text, expected):
    assert classify_stance(text).stance == expected


def test_an_accusation_that_names_its_accuser_inside_another_report_is_its_own_act():
    from analysis.annotate import annotate

    text = ("The director of the bureau defended his employees on Thursday against a growing chorus of "
            "accusations by Republicans, including the president, that its agents were biased.")
    st = annotate("t", text)[1]
    acts = {(r["stance"], r["actor"]) for r in st.to_dict("records")}
    assert ("accusation", "Republican Party") in acts
    assert any(s == "denial" for s, _ in acts)
    # nobody named after "by": no act of its own
    st = annotate("t", "The director defended his employees against accusations by many people that they lied.")[1]
    assert not any(r["stance"] == "accusation" and r["rule"].startswith("S_fallback") for r in st.to_dict("records"))
