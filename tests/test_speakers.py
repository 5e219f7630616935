"""Who speaks a statement (analysis.speakers): each step with a case it decides and a counter-case it leaves alone.

The steps run inside annotate(), so each case is a short text through annotate(): a step that
writes a rule into the statement's ``rule`` is checked by that rule, the others by the source
and actor they leave.
"""
from __future__ import annotations

import pytest

from analysis.annotate import annotate
from analysis.speakers import PASSIVE_CUE, PRONOUN, cue_stances, is_headline, passive_agent


def _statement(text: str, n: int):
    _, st = annotate("x", text)
    return st.set_index("statement_id").loc[f"x:{n}"]


# --- the steps that write a rule ------------------------------------------------------------

@pytest.mark.parametrize("text, n, source, actor, stance, target, rule", [
    # _headline_passive (5): the name before a bare participle in a headline is the accused
    ("Rapper Snoop Dogg sued for rape by a former dancer\nThe suit was filed on Monday.", 1, "", "unknown",
     "accusation", "Snoop Dogg", "A_charged_with"),
    # _clause_subject_speaks (9): the engine took an adverb ("today") for the source
    ("Kuwait, a target of Iranian anger over the war, today rejected the accusations.", 1, "Kuwait", "Kuwait",
     "denial", "", "S_clause_subject"),
    # _follow_pronouns (8, _they_subject): "they" is the plural subject of the sentence before
    ("Republicans have sought to block the plan. They have criticized the governor for the delay.", 2,
     "Republicans", "Republican Party", "accusation", "", "S_they_subject"),
    # _passive_cue_agent (10): no source, the passive cue's by-agent speaks
    ("The minister has been publicly criticized on several occasions since then by Rep. John Dingell.", 1,
     "Rep. John Dingell.", "John Dingell", "accusation", "", "S_by_agent"),
    # stance_agent (13): the stance verb's by-agent performs the act, whoever the report's source is
    ("Bellamy's claim that he was attacked was strongly denied by Shepherd.", 1, "Shepherd.", "Shepherd",
     "denial", "", "S_stance_by_agent"),
    # _formal_agent (11): the charging agent the article named before ...
    ("Millwall were charged by the Football Association last week. Millwall have been charged with two breaches "
     "of the rules.", 2, "Football Association", "Football Association", "accusation", "", "S_prior_agent"),
    # ... else the one the act implies: only prosecutors charge
    ("Three men were charged today with fraud.", 1, "prosecutors", "prosecutors", "accusation", "",
     "S_implicit_agent"),
    # headline_accuser_from_lead: a headline's agentless passive takes the lead's speaker
    ("Labour accused of EU propaganda\nLabour has spread EU propaganda, say the Tories.", 1, "the Tories",
     "Conservative Party", "accusation", "Labour Party", "S_lead_speaker"),
])
def test_speaker_steps(text, n, source, actor, stance, target, rule):
    row = _statement(text, n)
    assert (row.source, row.actor, row.stance, row.target) == (source, actor, stance, target)
    assert rule in row.rule.split("+")


@pytest.mark.parametrize("text, n, source, actor, rule", [
    # _clause_subject_speaks: the subject ("The group") resolves to nobody, so the adverb stays
    ("The group, a target of anger over the war, today rejected the accusations.", 1, "today", "unknown",
     "S_clause_subject"),
    # _they_subject: the sentence before's subject is no plural ("The plan")
    ("The plan was blocked on Monday. They have criticized the governor for the delay.", 1, "They", "unknown",
     "S_they_subject"),
    # stance_agent: the same passive without "by ...": nobody performs the denial
    ("Bellamy's claim that he was attacked was strongly denied.", 1, "Bellamy's", "unknown", "S_stance_by_agent"),
    # _formal_agent: an agent named only after the charge is no prior agent (the implied one speaks) ...
    ("Millwall have been charged with two breaches of the rules. Millwall were charged by the Football Association "
     "last week.", 1, "prosecutors", "prosecutors", "S_prior_agent"),
    # ... and a passive that is no formal act implies no agent
    ("Three men were criticized today for fraud.", 1, "", "unknown", "S_implicit_agent"),
    # headline_accuser_from_lead: no headline line ...
    ("Labour accused of EU propaganda. Labour has spread EU propaganda, say the Tories.", 1, "", "unknown",
     "S_lead_speaker"),
    # ... or the lead's only speaker is the accused itself
    ("Labour accused of EU propaganda\nLabour said the claims were false.", 1, "", "unknown", "S_lead_speaker"),
])
def test_speaker_steps_counter_cases(text, n, source, actor, rule):
    row = _statement(text, n)
    assert (row.source, row.actor) == (source, actor)
    assert rule not in row.rule.split("+")


def test_running_text_participle_is_no_passive():
    """_headline_passive: outside a headline "China ... dismissed as 'groundless'" is China's act."""
    _, st = annotate("x", "China on Tuesday dismissed as 'groundless' accusations by the US that it helped Iran.")
    first = st.iloc[0]
    assert (first.actor, first.stance, first.target) == ("China", "denial", "United States")


def test_passive_without_agent_has_no_by_agent():
    """_passive_cue_agent: no "by ..." after the passive cue, so no agent speaks."""
    _, st = annotate("x", "He has been publicly criticized many times since then.")
    assert len(st) == 1 and "S_by_agent" not in st.iloc[0].rule
    assert (st.actor == "unknown").all()


# --- the steps that only change the source ------------------------------------------------

@pytest.mark.parametrize("text, n, source, actor, source_type", [
    # _widen_source (6): an appositive taken for the source; the name it describes speaks ...
    ("John Sexton, a creative writing professor, said the policy was wrong.", 1, "John Sexton", "John Sexton",
     "person"),
    # ... and with no name before it, nothing is made up
    ("A creative writing professor said the policy was wrong.", 1, "A creative", "unknown", "unknown"),
    # _resolve_source (7): a source named after its author ("The statement" -> the ministry) is a document ...
    ("The Foreign Ministry said on Monday that the talks would go on. The statement said the report was false.", 2,
     "The Foreign Ministry", "Foreign Ministry", "document"),
    # ... the author itself is not
    ("The Foreign Ministry said on Monday that the talks would go on. The ministry said the report was false.", 2,
     "The Foreign Ministry", "Foreign Ministry", "government"),
    # _first_person_speaker (8): "I" inside a quote running on is the quote's speaker ...
    ("“There will be two choices,” said Gov. Phil Bryant. “Realistically, and I think Republicans are realists, "
     "the charges are false.", 2, "Gov. Phil Bryant", "Phil Bryant", "person"),
    # ... outside any quote it stays "I"
    ("There will be two choices, said Gov. Phil Bryant. Realistically, and I think Republicans are realists, "
     "the charges are false.", 2, "I", "unknown", "unknown"),
    # _pronoun_before_cue + _earlier_speaker (8): no source found; the "he" before the cue is the
    # person the article named last ...
    ("Arsene Wenger spoke to reporters. At first he said only that the claims were false.", 1, "Arsene Wenger",
     "Arsene Wenger", "person"),
    # ... unless the title clashes ("Ms.") ...
    ("Ms. Jane Wenger spoke to reporters. At first he said only that the claims were false.", 1, "he", "unknown",
     "unknown"),
    # ... and only he / she is taken from before the cue
    ("Arsene Wenger spoke to reporters. At first they said only that the claims were false.", 1, "", "unknown",
     "unknown"),
])
def test_source_steps(text, n, source, actor, source_type):
    row = _statement(text, n)
    assert (row.source, row.actor, row.source_type) == (source, actor, source_type)


def test_pronoun_does_not_take_a_clashing_title():
    """_earlier_speaker: "He" after "Ms. Lee Epstein said" is somebody else, so unresolved."""
    _, st = annotate("x", "Ms. Lee Epstein said the court was wrong. He denied the claim, the lawyer said.")
    he = st.set_index("statement_id").loc["x:2"]
    assert (he.source, he.actor, he.stance) == ("He", "unknown", "denial")


# --- what annotate's own steps read too ------------------------------------------------------

def test_passive_agent():
    text = "He was indicted in February by a federal grand jury for fraud. He was indicted in February."
    s, e = passive_agent(text, text.index("indicted"))
    assert text[s:e] == "a federal grand jury"  # "for" ends a lower-case agent
    assert passive_agent(text, text.rindex("indicted")) is None


def test_is_headline():
    text = "Labour accused of propaganda\nThe Tories said so.\nThey did."
    assert is_headline(text, 0, 0, 28)
    assert not is_headline(text, 1, 29, 48)  # not the first line
    assert not is_headline("The Tories said so.\nThey did.", 0, 0, 19)  # a sentence's final stop


def test_cue_stances_are_the_stance_verbs_of_cues_csv():
    stances = cue_stances()
    assert stances["cue.deny"][0] == "denial" and stances["cue.accuse"][0] == "accusation"
    assert "cue.say" not in stances


@pytest.mark.parametrize("word, pronoun", [("she", True), ("His", True), ("it", False), ("they", False)])
def test_pronoun(word, pronoun):
    assert bool(PRONOUN.match(word)) is pronoun


@pytest.mark.parametrize("cue, passive", [("was charged", True), ("have been criticized", True), ("charged", False),
                                          ("denied", False)])
def test_passive_cue(cue, passive):
    assert bool(PASSIVE_CUE.search(cue)) is passive
