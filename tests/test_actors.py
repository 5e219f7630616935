"""Who speaks (analysis/actors.py) and whom a statement is about (analysis/targets.py).

Invented articles and sentences only (never copied from the dev corpora).
"""
from __future__ import annotations

import pytest

from analysis.actors import resolve_speaker
from analysis.annotate import annotate
from analysis.coreference import canonical_person
from analysis.targets import find_target

ARTICLE = (
    "Brenland accuses Valdoria of border raids\n\n"
    "Brenland's foreign minister Anna Kovacs last month accused Valdoria of shelling border villages. "
    "Valdorian Prime Minister Piotr Ruzek said the claims were baseless. "
    "Mr Ruzek also denied that his army had crossed the river. "
    "Lawyers for Ruzek said he would sue. "
    "Attorney General Lord Hallam said the ministry had misled parliament. "
    "The attorney general later denied any wrongdoing by his office. "
    "Harbour Freight Inc said it complied with all export rules. "
    "The company denied the allegations on Tuesday. "
    "Sources said the talks had collapsed."
)


@pytest.mark.parametrize("phrase, actor", [
    ("Mr Ruzek", "Valdoria"),            # an official speaks for his state
    ("Ruzek", "Valdoria"),
    ("Lawyers for Ruzek", "Valdoria"),   # a lawyer speaks for the client
    ("The attorney general", "Lord Hallam"),  # a title refers to the person named with it
    ("The company", "Harbour Freight"),  # the organisation named last, without its legal form
    ("Sources", "unknown"),              # truly anonymous
    ("Harbour Freight Inc", "Harbour Freight"),
    ("KUWAIT", "Kuwait"),                # a headline in capitals
    ("President Reagan", "United States"),  # an office holder from the Phoenix dictionary
    ("West German officials", "West Germany"),
    ("The Tories", "Conservative Party"),
    ("Some Republicans", "Republican Party"),
])
def test_resolve_speaker_actor(phrase, actor):
    pos = ARTICLE.find(phrase) if phrase in ARTICLE else len(ARTICLE)
    assert resolve_speaker(phrase, ARTICLE, pos).actor == actor


@pytest.mark.parametrize("phrase, speaker", [
    ("Mr Ruzek", "Piotr Ruzek"),
    ("Lawyers for Ruzek", "Lawyers for Ruzek"),
    ("President Reagan", "Ronald Reagan"),
    ("Kovacs", "Anna Kovacs"),
])
def test_resolve_speaker_named(phrase, speaker):
    assert resolve_speaker(phrase, ARTICLE, len(ARTICLE)).speaker == speaker


def test_a_named_person_with_no_country_is_their_own_actor():
    text = "Darla Quince, a baker, said the council had lied. Quince denied it later."
    assert resolve_speaker("Quince", text, text.rfind("Quince")).actor == "Darla Quince"


def test_a_fictional_country_is_its_own_actor():
    assert resolve_speaker("Marsk", "The ministry in Marsk said so.", 0).actor == "Marsk"


@pytest.mark.parametrize("clause, stance, expected", [
    ("Dr Fox accused Mr Blair and other ministers of telling lies", "accusation", "Mr Blair"),
    ("The union criticised the airline for cutting wages", "accusation", "the airline"),
    ("However, Millwall have been charged with two breaches", "accusation", "Millwall"),
    ("The envoy condemned missile attacks on the port by rebel forces", "accusation", "rebel forces"),
    ("The state filed a lawsuit against Harbour Freight", "accusation", "Harbour Freight"),
    ("Officials pushed back on the U.S. accusations", "denial", "the U.S."),
    ("The firm rejected charges by Iran", "denial", "Iran"),
])
def test_find_target(clause, stance, expected):
    found = find_target(clause, stance, "", None)
    assert found and found[0] == expected


def test_the_wrongdoer_is_the_accused():
    clause = "The prosecutor said the two brokers laundered the money"
    at = clause.find("laundered")
    assert find_target(clause, "accusation", "A_reported_wrong", (at, at + 9))[0] == "the two brokers"


def test_no_target_for_a_denial_that_names_no_accuser():
    assert find_target("The company denied any wrongdoing", "denial", "", None) is None


def test_statements_carry_speaker_actor_and_target():
    _, st = annotate("t", ARTICLE)
    rows = st.set_index("statement_id")
    first = st[st.text.str.startswith("Brenland's foreign minister")].iloc[0]
    assert (first.stance, first.actor, first.target) == ("accusation", "Brenland", "Valdoria")
    assert first.speaker == "Anna Kovacs"
    denial = st[st.text.str.startswith("Mr Ruzek also denied")].iloc[0]
    assert (denial.stance, denial.actor, denial.speaker) == ("denial", "Valdoria", "Piotr Ruzek")
    company = st[st.text.str.startswith("The company denied")].iloc[0]
    assert (company.stance, company.actor) == ("denial", "Harbour Freight")
    assert not (rows.actor == "unknown").all()


@pytest.mark.parametrize("text, phrase, actor", [
    ("Mr Arnot, Mr Bello and Mr Cade deny fraud. The men were elected in May. Piers Arnot spoke.",
     "The men", "Piers Arnot"),
    ("Photographers Jamie Fell and Ben Mora were held. Lawyers for the pair denied it.",
     "Lawyers for the pair", "Jamie Fell"),
    ("Losses at two brokers, Wexley Securities and Orbit Capital, are not true, spokesmen for the firms said.",
     "spokesmen for the firms", "Wexley Securities"),
])
def test_a_group_speaks_through_its_first_named_member(text, phrase, actor):
    assert resolve_speaker(phrase, text, text.find(phrase)).actor == actor


def test_a_group_with_nobody_named_stays_unknown():
    text = "The men were elected in May and deny any wrongdoing."
    assert resolve_speaker("The men", text, 0).actor == "unknown"


@pytest.mark.parametrize("text, phrase, actor", [
    ("More than a dozen women have accused the senator.", "More", "unknown"),   # a sentence start
    ("Plans to expand the port were criticised.", "Plans", "unknown"),
    ("ABC said the claims had no merit. The network, ABC, will appeal.", "ABC", "ABC"),  # an acronym
    ("Quayle denied it. Asked again, Quayle said no.", "Quayle", "Quayle"),  # a name used mid-sentence
])
def test_a_capitalised_sentence_start_is_no_name(text, phrase, actor):
    assert resolve_speaker(phrase, text, text.find(phrase)).actor == actor


def test_headline_passive_speaker_is_the_by_agent():
    _, st = annotate("h", "Tax study slammed as 'fake math' by Democrats\n\nThe study was released on Monday.")
    row = st[st.stance == "accusation"].iloc[0]
    assert row.actor == "Democratic Party"


def test_i_inside_a_quote_is_the_quoted_speaker():
    text = ("Striker Dan Orme was dropped on Friday. "
            "\"I won't apologise because I have done nothing wrong,\" he told the Evening Star.")
    _, st = annotate("q", text)
    denial = st[st.stance == "denial"]
    assert len(denial) and set(denial.actor) == {"Dan Orme"}


def test_a_state_body_with_no_country_named_is_the_articles_country():
    text = ("Japan and the United States met on chips. Japan said the pact held. "
            "A spokesman for the Trade and Industry Ministry said Japan was abiding by the deal.")
    assert resolve_speaker("Trade and Industry Ministry", text, text.find("Trade")).actor == "Japan"


def test_a_state_body_needs_a_country_named_twice():
    text = "A spokesman for the Trade Ministry said the pact held."
    assert resolve_speaker("Trade Ministry", text, text.find("Trade")).actor != "Japan"


def test_an_appositive_taken_for_the_source_gives_way_to_the_name():
    text = ("Norway, a target of Russian anger over the border, today rejected charges "
            "that its boats were spying.")
    _, st = annotate("a", text)
    assert set(st[st.stance == "denial"].actor) == {"Norway"}


def test_a_passive_sanction_is_not_said_by_the_sanctioned():
    _, st = annotate("p", "Coach Luis Arrabal was handed the fine on Tuesday after his remarks.")
    acc = st[st.stance == "accusation"]
    assert len(acc) and "Luis Arrabal" not in set(acc.actor)


def test_lower_case_words_before_a_name_describe_it():
    text = "The ruling GATT Council adopted the report. The GATT Council met in Geneva."
    assert resolve_speaker("The ruling GATT Council", text, 0).actor == "GATT Council"


@pytest.mark.parametrize("headline, body, actor", [
    ("U.S. TAX FRAUD CHARGES BROUGHT AGAINST THREE", "Three men were charged today.", "United States"),
    ("REGULATOR STAFF ADVISES FRAUD CHARGES", "The REGULATOR staff said so on Monday.", "REGULATOR"),
    # a group of a country is the group as the text names it, not the country
    ("U.K. STOCKBROKERS DENY LOSSES", "Losses at two brokers are not true.", "U.K. Stockbrokers"),
])
def test_a_headline_in_capitals(headline, body, actor):
    text = headline + "\n\n" + body
    phrase = " ".join(headline.split()[:2 if "STOCKBROKERS" in headline else 3])
    assert resolve_speaker(phrase, text, 0).actor == actor


# --- speaker look-ups that must not borrow a name from a description -------------------------

def test_a_surname_resolves_to_a_name_that_ends_in_it_not_one_that_mentions_it():
    text = ("Aldo Brisk's nephew announced he would run. Brisk repeated his denial of the claims. "
            "A lawyer for Corvex said the suit was weak. Corvex disputed that in a letter.")
    st = annotate("t", text)[1]
    by_text = {r["text"]: r for r in st.to_dict("records")}
    assert by_text["Brisk repeated his denial of the claims."]["actor"] != "unknown"
    assert "nephew" not in by_text["Brisk repeated his denial of the claims."]["source"]
    assert "lawyer" not in by_text["Corvex disputed that in a letter."]["source"]


@pytest.mark.parametrize("phrase, actor", [
    # a description after the name says who they are, not whom they speak for ...
    ("Mara Quill, the daughter of American civil rights activist Ode Quill", "Mara Quill"),
    ("The Hobart memo, which Reuters was first to report on", "Hobart"),
    # ... unless it names an office of state
    ("Tomas Reyk, Brenland's foreign minister", "Brenland"),
    # a group "including" a named member speaks through it
    ("Other Western nations, including France", "France"),
])
def test_an_aside_names_the_party_only_when_it_is_an_office(phrase, actor):
    assert resolve_speaker(phrase, phrase + " said so.", 0).actor == actor


def test_the_us_with_a_final_full_stop_is_a_country():
    assert resolve_speaker("the U.S.").actor == "United States"


# --- passives: who stands behind "was charged", "was criticized by ..." ------------------------

@pytest.mark.parametrize("sentence, actor", [
    # an agentless legal passive: only prosecutors charge, only a court convicts
    ("Three men were charged today with running a tax fraud scheme.", "prosecutors"),
    ("Velma Hart was convicted last week of assaulting a neighbour.", "court"),
    # a lower-case by-agent speaks
    ("He and two others were indicted in May by a federal grand jury for fraud.", "federal grand jury"),
    # a by-agent several words after the verb
    ("The agency's pace has been publicly criticized on several occasions since then by Rep. Nola Fenn.",
     "Nola Fenn"),
])
def test_the_agent_of_a_passive_accusation(sentence, actor):
    rows = [r for r in annotate("t", sentence)[1].to_dict("records") if r["stance"] == "accusation"]
    assert rows, sentence
    assert rows[0]["actor"] == actor


def test_a_passive_charge_by_a_named_body_is_not_given_to_prosecutors():
    st = annotate("t", "The club was charged by the Football Association over crowd trouble.")[1]
    rows = [r for r in st.to_dict("records") if r["stance"] == "accusation"]
    assert rows and rows[0]["actor"] == "Football Association"


# --- second pass: structure that names the speaker where the source phrase does not ------------

def _stance_rows(text: str, stance: str) -> list[dict]:
    return [r for r in annotate("t", text)[1].to_dict("records") if r["stance"] == stance]


def _one_actor(text: str, stance: str, sentence_start: str) -> str:
    rows = [r for r in _stance_rows(text, stance) if r["text"].startswith(sentence_start)]
    assert rows, (stance, sentence_start, annotate("t", text)[1][["text", "stance", "actor"]].to_dict("records"))
    return rows[0]["actor"]


@pytest.mark.parametrize("text, stance, start, actor", [
    # a passive stance verb's by-agent performs the act, whoever the report's source is
    ("Mira Stone's claim that the mayor lied was strongly denied by Olav Tolland, the club chairman.",
     "denial", "Mira", "Olav Tolland"),
    # "the company" in a lead: the company the story names next
    ("The company named in the lawsuit denied any wrongdoing.\n\nThe suit names Brixo Ltd and two directors.",
     "denial", "The company", "Brixo"),
    # a name after a noun that says it is a company
    ("Shipping group Varro Dane agreed to pay. The company denied that it had hidden the risk.",
     "denial", "The company", "Varro Dane"),
    # "they": the plural subject of the sentence before
    ("Republicans have sought to reopen the case. They have criticized Director Ann Polk for the decision.",
     "accusation", "They", "Republican Party"),
    # "I" in a quote: the quote's speaker, resolved
    ('"On behalf of my government I wish to protest strongly the aggression of Valdoria," '
     "Brenland's ambassador said in a letter.", "accusation", '"On behalf', "Brenland"),
    # a time adverb is no part of the subject
    ("The ruling Brenland Trade Council yesterday ruled that Valdoria broke trade rules.", "accusation",
     "The ruling", "Brenland Trade Council"),
    # a participle clause shares the subject of the clause before it
    ("In May, Piotr Ruzek outlined a plan for the border, chastising Brenland over its raids.",
     "accusation", "In May", "Piotr Ruzek"),
    # a document whose author the genre implies
    ("The indictment said the men conspired to defraud the government.", "accusation", "The indictment",
     "prosecutors"),
    # a description that says who speaks
    ("European leaders have openly blamed Valdoria for the rise of the currency.", "accusation", "European",
     "European leaders"),
    # a name with small words in it
    ("The Committee for a Fair Budget, a watchdog in Washington, said the analysis was fraudulent.",
     "accusation", "The Committee", "Committee for a Fair Budget"),
])
def test_structure_names_the_speaker(text, stance, start, actor):
    assert _one_actor(text, stance, start) == actor


def test_a_person_named_alone_in_the_sentence_before_takes_over_a_pronoun():
    text = ('Aldo Brisk said the game was hard. "He ran at me," Alan Ferris said on Saturday. '
            "Those allegations were put to Aldo Brisk after the game. "
            'At first he said only: "Nothing happened, and the story is false."')
    assert _one_actor(text, "denial", "At first") == "Aldo Brisk"


def test_a_name_that_never_spoke_does_not_take_over_a_pronoun():
    text = ('"He ran at me," Alan Ferris said on Saturday. '
            "Those allegations were put to Wall Street after the game. "
            'At first he said only: "Nothing happened, and the story is false."')
    assert _one_actor(text, "denial", "At first") == "Alan Ferris"


def test_the_last_speaker_keeps_a_pronoun_when_nobody_else_is_named():
    text = ('"He ran at me," Alan Ferris said on Saturday. The game ended late. '
            'Later he said only: "Brisk lied about the tunnel."')
    assert _one_actor(text, "accusation", "Later") == "Alan Ferris"


def test_a_headline_accusation_takes_the_leads_speaker():
    text = ("Labour accused of propaganda\n\n"
            "A taxpayer funded leaflet on Europe is being used to mislead the public, say the Tories.")
    assert _one_actor(text, "accusation", "Labour accused") == "Conservative Party"


def test_a_headline_accusation_stays_unknown_when_the_lead_names_nobody():
    text = "Labour accused of propaganda\n\nA leaflet on Europe was sent to every home last week."
    assert _one_actor(text, "accusation", "Labour accused") == "unknown"


@pytest.mark.parametrize("phrase", [
    "The move follows angry",   # no noun phrase
    "the numbers",              # -ers that names a thing
    "a new strategy",           # not an agent noun
    "the man",                  # vague: needs an antecedent
])
def test_descriptions_that_name_nobody_stay_unknown(phrase):
    assert resolve_speaker(phrase).actor == "unknown"


def test_officials_of_a_named_body_speak_for_the_articles_country():
    text = ("Kenya hit back. Kenya's parliament met on Monday. "
            "Former Odhiambo administration officials have denied the accusations.")
    assert resolve_speaker("Former Odhiambo administration officials", text, text.rfind("Former")).actor == "Kenya"


@pytest.mark.parametrize("phrase", ["Republican South Carolina Sen. Lindsey Graham", "Rep. Nola Fenn",
                                    "Senator Nola Fenn"])
def test_a_legislator_abbreviated_or_not_is_their_own_actor(phrase):
    who = resolve_speaker(phrase, phrase + " said the United States had erred.", 0)
    assert who.actor == who.speaker and who.actor != "United States"


def test_a_sentence_adverb_is_no_first_name_and_a_party_is_no_title():
    text = "Interestingly Blocher was quiet. Christoph Blocher spoke later. Blocher insists it is false."
    assert canonical_person("Blocher", text) == "Christoph Blocher"
    assert canonical_person("Mr Kelly", "Beverly Kelly said so.") == "Beverly Kelly"  # a name in -ly
    text = "GOP Rep McCaul said so. Michael McCaul added more."
    assert resolve_speaker("GOP Rep McCaul", text, 0).speaker == "Michael McCaul"


def test_a_role_opening_a_sentence_is_not_a_first_name():
    text = "Photographer Jamie Fawcett sued the paper. Lawyers for Mr Fawcett said it lied."
    assert canonical_person("Mr Fawcett", text) == "Jamie Fawcett"
    # a name the article writes mid-sentence stays whole
    text = "Reports named Dexter Jamie Fawcett. Dexter Jamie Fawcett said so."
    assert canonical_person("Fawcett", text) == "Dexter Jamie Fawcett"


def test_a_quoted_word_inside_the_subject_does_not_cut_it():
    text = ('A confidential State Department “dissent” memo, which a newspaper was first to report on, '
            "said Tillerson breached the Child Soldiers Prevention Act.")
    assert _one_actor(text, "accusation", "A confidential") == "United States"
    # the sentence's own subject, not a phrase before a comma
    text = "In its “final” report, the panel said Tillerson breached the act."
    assert _one_actor(text, "accusation", "In its") != "United States"


def test_a_named_state_body_with_no_country_in_sight_is_its_own_actor():
    text = "The Transport Ministry on Wednesday rejected the allegations. The ministry said so again."
    assert resolve_speaker("The Transport Ministry on Wednesday", text, 0).actor == "Transport Ministry"
    assert resolve_speaker("the ministry", "The ministry said so.", 0).actor == "unknown"  # nobody named
    # with a country named twice, the body speaks for it
    text = "Kenya hit back. Kenya's parliament met. The Transport Ministry rejected the allegations."
    assert resolve_speaker("The Transport Ministry", text, text.find("The Transport")).actor == "Kenya"


def test_she_is_never_a_newspaper_and_a_role_before_a_name_keeps_the_person():
    text = ("Cycling coach Ines Varga has denied giving banned substances to her riders. "
            "The Daily Courier reported on Thursday that three riders had failed tests. "
            "Varga said none of her riders had been told to take anything. "
            '"I have never cheated and I never will," she said.')
    assert _one_actor(text, "denial", '"I have never') == "Ines Varga"


def test_a_denying_verb_before_as_is_active_an_accusing_participle_is_passive():
    text = ('China on Tuesday dismissed as "groundless" accusations by the United States and its allies '
            "that it was behind a hack of email servers.")
    rows = [r for r in annotate("t", text)[1].to_dict("records") if r["stance"] == "denial"]
    assert rows and rows[0]["actor"] == "China"
    # "an American contractor accused of spying": the contractor is accused, nobody named accuses
    rows = annotate("t", "Cuba released Alan Gross, an American contractor accused of spying.")[1].to_dict("records")
    assert not any(r["stance"] == "accusation" and r["actor"] == "United States" for r in rows)


def test_a_body_with_of_a_which_clause_and_a_company_spokeswoman():
    text = ("German carmaker Volkner AG was sued on Wednesday by the state of California, which alleges the "
            "company installed software to cheat emissions tests. Volkner rejected the claims. "
            '"We will defend ourselves against these unfounded allegations," a company spokeswoman said.')
    rows = annotate("t", text)[1].to_dict("records")
    sued = [r for r in rows if r["text"].startswith("German") and r["stance"] == "accusation"]
    assert sued and all(r["actor"] == "United States" for r in sued)  # not the carmaker it accuses
    spokes = [r for r in rows if r["text"].startswith('"We will') and r["stance"] == "denial"]
    assert spokes and spokes[0]["actor"] == "Volkner"
    assert resolve_speaker("a company spokeswoman", "Nobody is named here.", 0).actor == "unknown"


def test_a_headline_role_a_date_taken_for_a_speaker_and_charges_called_a_disgrace():
    text = ("Striker denies match-fixing allegations\n\n"
            "LONDON (Reuters) - Rovers striker Tom Ashby on Friday denied taking money to influence a game. "
            'Ashby\'s agent called the charges "a disgrace". Ashby has until Feb. 20 to respond to the charge.')
    rows = annotate("t", text)[1].to_dict("records")
    assert rows[0]["actor"] == "Tom Ashby"                      # the body names the headline's striker
    agent = [r for r in rows if r["text"].startswith("Ashby's agent")]
    assert agent and agent[0]["stance"] == "denial"            # calling the charges a disgrace rejects them
    assert all(r["actor"] != "Feb" for r in rows)             # a date is nobody
    # a headline word the body does not use as a role stays unknown
    rows = annotate("t", "Voters reject plan\n\nThe council said the plan was dead.")[1].to_dict("records")
    assert rows[0]["actor"] in ("unknown", "voters")


def test_a_campaign_speaks_for_its_candidate_and_a_repeated_charge_is_an_accusation():
    text = ("Senator accuses rival of lying\n\n"
            "Senator Helen Marsh accused her challenger, Dan Corby, on Thursday of lying about his tax record. "
            'Corby\'s campaign called the claim "a desperate smear". '
            "Marsh repeated the charge at a rally in Denver on Saturday.")
    rows = annotate("t", text)[1].to_dict("records")
    assert rows[0]["actor"] == "Helen Marsh"                  # a headline title, as titles are written
    camp = [r for r in rows if r["text"].startswith("Corby's campaign") and r["stance"] == "denial"]
    assert camp and camp[0]["actor"] == "Dan Corby"
    again = [r for r in rows if r["text"].startswith("Marsh repeated")]
    assert again and again[0]["stance"] == "accusation" and again[0]["event_start"] == ""  # no publication date
    # a proper noun in a headline is no role: "Columbia defends ..." is not "Columbia Graduate School"
    rows = annotate("t", "Columbia defends articles\n\nThe Columbia Graduate School said the articles were fair.")[1]
    assert rows.iloc[0]["actor"] != "Graduate School"


def test_he_is_not_a_person_the_article_calls_ms():
    text = ('Mr. Dan Roe spoke first. Ms. Lee Epstein said the ruling was narrow. '
            '"This is a fair question," he said.')
    rows = annotate("t", text)[1].to_dict("records")
    last = [r for r in rows if r["text"].startswith('"This is')]
    assert last and last[0]["actor"] != "Lee Epstein"


def test_a_headline_company_noun_is_the_company_the_story_names():
    text = ("Tech firm denies data breach\n\n"
            "DataNest Inc denied on Tuesday that hackers had stolen the personal details of customers.")
    assert annotate("t", text)[1].iloc[0]["actor"] == "DataNest"
