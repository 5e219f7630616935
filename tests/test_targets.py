"""Whom a statement is about (analysis/targets.py): finding the target phrase and resolving it
to an entity the article names. Invented articles and sentences only."""
from __future__ import annotations

import pytest

from analysis.actors import resolve_speaker
from analysis.annotate import annotate
from analysis.targets import find_target, first_entity, resolve_target, wrongdoer

CLUB = (
    "Rovers fine striker over row\n\n"
    "Northport Rovers have fined their striker Tomas Velk a week's wages. "
    "Manager Ian Brack said Velk had refused to train. "
    "Chairman Owen Pike, who accused the striker of letting the club down, said talks were over. "
    "Velk said he would appeal."
)

FIRM = (
    "Inquiry faults builder\n\n"
    "Coastal building materials group Harlow Stone has agreed to pay damages. "
    "Harlow Stone chairwoman Rita Moss said the firm was sorry. "
    "A state inquiry said the company had misled investors. "
    "Tenant groups accused it of hiding the costs."
)

TRIO = (
    "Three charged over fraud\n\n"
    "Three men were charged on Monday with running a share scam. "
    "The three were named as Karl Denz, Otto Fries and Paul Grenn, all brokers. "
    "Prosecutor Lena Voss said the defendants had deceived savers."
)


def _pos(text: str, phrase: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return i


def test_role_noun_resolves_to_the_person_introduced_with_it():
    # "their striker Tomas Velk" ... "accused the striker": the striker, not the speaker
    pos = _pos(CLUB, "the striker of")
    assert resolve_target("the striker", CLUB, pos, "Owen Pike", "Owen Pike") == "Tomas Velk"


def test_role_noun_never_resolves_to_the_speaker():
    text = "Chairman Owen Pike, who accused the chairman of lying, resigned."
    assert resolve_target("the chairman", text, text.index("the chairman of"), "Owen Pike", "Owen Pike") == ""


def test_organisation_noun_resolves_to_the_organisation_introduced_with_one():
    pos = _pos(FIRM, "the company")
    assert resolve_target("the company", FIRM, pos) == "Harlow Stone"


def test_it_after_an_accusing_verb_is_the_organisation_the_article_is_about():
    pos = _pos(FIRM, "it of hiding")
    assert resolve_target("it", FIRM, pos, "", "unknown") == "Harlow Stone"


def test_a_dummy_it_is_no_target():
    text = FIRM + " It is wrong to blame the tenants, Ms Moss said."
    assert resolve_target("It", text, text.index("It is wrong")) == ""


def test_pronouns_are_not_resolved_for_an_accuser():
    pos = _pos(FIRM, "it of hiding")
    assert resolve_target("it", FIRM, pos, accused=False) == ""


def test_he_is_the_salient_person_unless_that_is_the_speaker():
    text = CLUB + " He is paid well and his conduct was unacceptable, Pike said."
    pos = text.index("He is paid")
    assert resolve_target("He", text, pos, "Owen Pike", "Owen Pike") == "Tomas Velk"
    assert resolve_target("He", text, pos, "Tomas Velk", "Tomas Velk") == ""


@pytest.mark.parametrize("phrase", ["the defendants", "the three men", "three", "THREE", "the pair"])
def test_a_group_is_named_by_the_first_of_the_people_listed(phrase):
    pos = _pos(TRIO, "the defendants")
    assert resolve_target(phrase, TRIO, pos) == "Karl Denz"


def test_a_list_of_things_is_no_list_of_people():
    text = ("The two firms broke the Fair Trading Act, the Consumer Credit Act and the Data Act. "
            "Regulator Ann Roe said the pair had misled buyers.")
    assert resolve_target("the pair", text, text.index("the pair")) == ""


def test_an_official_accused_of_personal_conduct_is_the_person():
    text = ("Valdorian Interior Minister Piotr Ruzek was in Brenland on Monday. "
            "Critics accused Mr Ruzek of taking bribes.")
    # as a speaker he speaks for Valdoria; as the accused he is the person
    assert resolve_target("Mr Ruzek", text, text.index("Mr Ruzek")) == "Piotr Ruzek"


def test_a_title_word_read_as_a_first_name_is_dropped():
    text = "Chief of Staff Mark Olden spoke. Others accused Olden of lying."
    assert resolve_target("Olden", text, text.index("Olden of")) == "Mark Olden"


@pytest.mark.parametrize("headline, phrase, exclude, expected", [
    ("BRENLAND CRITICISES U.S TRADE CURBS", "U.S TRADE CURBS", "", "United States"),
    ("KUWAIT REJECTS IRANIAN SPY CHARGES", "KUWAIT REJECTS IRANIAN SPY", "Kuwait", "Iran"),
    ("REGULATOR CHARGES ACME WITH FALSE CLAIMS", "ACME", "", "Acme"),
    ("REGULATOR CHARGES ACME WITH FALSE CLAIMS", "FALSE", "", ""),  # not a name in the body
])
def test_headline_in_capitals(headline, phrase, exclude, expected):
    text = headline + "\n\nThe regulator said on Monday that Acme Corp had misled buyers of Kuwaiti and Iranian goods."
    assert resolve_target(phrase, text, 0, exclude, exclude) == expected


def test_one_word_name_that_begins_an_organisation_is_the_organisation():
    text = "The agency said Acme Inc misled buyers. It charged Acme with false claims about Acme Slices."
    assert resolve_target("Acme", text, text.index("Acme with")) == "Acme"


def test_wrongdoer_skips_stray_words_and_takes_the_first_name_of_the_content():
    clause = 'said Labour\'s plans showed Mr Blake was "terrified of scrutiny"'
    assert wrongdoer(clause, clause.index("terrified"))[0] == "Mr Blake"
    clause = '"In my book Velk is cheating the club'
    assert wrongdoer(clause, clause.index("cheating"))[0] == "Velk"


def test_wrongdoer_keeps_a_definite_noun_phrase_subject():
    clause = "found that the company had misled the public"
    assert wrongdoer(clause, clause.index("misled"))[0] == "the company"


def test_first_entity_skips_first_person_and_sentence_words():
    clause = "I think The Northport Herald lied"
    assert first_entity(clause, 0, clause.index("lied"))[0] == "Northport Herald"
    assert first_entity("I think we lied", 0, 12) is None


def test_statements_resolve_coreferent_targets():
    _, st = annotate("club", CLUB)
    acc = st[(st.stance == "accusation") & st.text.str.contains("accused the striker")]
    assert list(acc.target) == ["Tomas Velk"]
    _, st = annotate("firm", FIRM)
    acc = st[(st.stance == "accusation") & st.text.str.contains("accused it")]
    assert list(acc.target) == ["Harlow Stone"]


def test_find_target_unchanged_for_a_named_object():
    assert find_target("accused Valdoria of shelling villages", "accusation", "", None)[0] == "Valdoria"


@pytest.mark.parametrize("clause, expected", [
    ("urged them to rein in militants accused of using the border as a base", "militants"),
    ("The man accused of hitting the mayor pleaded not guilty", "The man"),
    ("figures such as Ira Vole, a former general accused of war crimes, were honoured", "Ira Vole"),
    ("Brenland, which has been accused of dumping steel, said", "Brenland"),
    ("a dispute over a Valdorian cleric living in Brenland whom Marsk accuses of plotting a coup", "a Valdorian cleric"),
    ("LABOUR ACCUSED OF PROPAGANDA", "LABOUR"),
])
def test_the_accused_of_a_participle_or_relative_clause_stands_before_the_verb(clause, expected):
    assert find_target(clause, "accusation", "A_accuse_bare", None)[0] == expected


@pytest.mark.parametrize("clause, expected", [
    ("Ms Doe accused Mr Roe of lying", "Mr Roe"),          # an active verb keeps its object
    ("He was accused of lying", "He"),                     # a passive keeps its subject
    ("who accused the mayor of lying", "the mayor"),
])
def test_active_and_passive_accusations_unchanged(clause, expected):
    assert find_target(clause, "accusation", "A_accuse_bare", None)[0] == expected


@pytest.mark.parametrize("phrase, label", [
    ("the country's biggest tobacco companies", "tobacco companies"),
    ("the 23 banks", "banks"),
    ("“populists”", "populists"),
    ("militants", "militants"),
    ("his actions", ""),          # an act is no group of people
    ("the allegations", ""),
    ("several occasions", ""),
    ("the process", ""),          # not plural
    ("US tabloids", ""),          # a capitalised word: a name, resolved elsewhere
])
def test_group_label(phrase, label):
    from analysis.targets import group_label

    assert group_label(phrase) == label


def test_an_unnamed_group_is_a_target_of_an_accusation_but_not_of_a_denial():
    text = "The minister condemned militants for the attack."
    pos = text.index("militants")
    assert resolve_target("militants", text, pos) == "militants"
    assert resolve_target("militants", text, pos, accused=False) == ""


@pytest.mark.parametrize("clause, rule, at, expected", [
    ("called the ABA rating a baseless smear", "D_call_eval", 0, "ABA"),
    ("Senator Vole calls Trane Twitter post 'a smear'", "D_call_eval", 13, "Trane Twitter"),
    ("fired back at Moss over her criticism", "D_dismiss_obj", 0, "Moss"),
    ("dismissed the Republicans’ activities as a stunt", "D_dismiss_as", 0, "Republicans"),
    ("called the idea that Paul was blindsided unfair", "D_call_eval", 0, None),  # no owner named
    ("Mr Conte is simply not credible", "D_not_credible", 16, "Mr Conte"),
    ("He is simply not credible", "D_not_credible", 10, None),  # a denial's accuser is named, not "he"
])
def test_the_accuser_a_denial_answers_is_the_owner_of_its_object(clause, rule, at, expected):
    found = find_target(clause, "denial", rule, (at, at + 5))
    assert (found[0] if found else None) == expected


def test_a_name_written_once_shrinks_to_the_name_the_article_uses():
    text = "Lena Trane posted again. Senator Vole calls Trane Twitter post 'a smear'. Trane said nothing."
    assert resolve_target("Trane Twitter", text, text.index("Trane Twitter")) == "Lena Trane"
    text = "Special Counsel Ira Mull spoke. The Special Counsel said Special Counsel Ira Mull was right."
    assert resolve_target("Special Counsel Ira Mull", text, 60) == "Ira Mull"


def test_a_dateline_is_no_part_of_the_target():
    from analysis.targets import clean_target

    assert clean_target("LONDON (Reuters) - Brenland") == "Brenland"


def test_the_government_is_the_state_the_article_is_about():
    text = ("Brenland's parliament met on Monday. Brenland and Marsk signed a deal. Brenland's unions "
            "protested. Opposition leader Ann Roe criticised the government for the deal.")
    from analysis.targets import _salient_state  # noqa: F401 (the gazetteer may not know Brenland)

    assert resolve_target("the government", text, text.index("the government")) in ("", "Brenland")
    text = "France and Germany met. France said no. Le Pen criticised the government for the deal."
    assert resolve_target("the government", text, text.index("the government")) == "France"


def test_a_lower_case_body_is_the_named_institution_that_holds_its_word():
    text = ("The House Ethics Committee cleared the senator on Monday. "
            "He criticised the ethics panel for taking eight months.")
    assert resolve_target("the ethics panel", text, text.index("the ethics panel")) == "House Ethics Committee"
    text = "He criticised the ethics panel for taking eight months."  # no such name: nothing
    assert resolve_target("the ethics panel", text, text.index("the ethics panel")) == ""


def test_an_organisation_noun_after_commas_is_the_organisation():
    text = ("Regulators charged Acme Inc with false claims. "
            "The agency charged the Glenview, Ill., food company with misleading buyers.")
    found = find_target(text[text.index("charged the"):], "accusation", "A_charged_with", None)
    assert found[0].endswith("food company")
    assert resolve_target(found[0], text, text.index("the Glenview")) == "Acme"


def test_charged_that_takes_the_subject_of_the_charge():
    assert find_target("also charged that Acme said it could prove it", "accusation", "A_charged_with",
                       None)[0] == "Acme"
    assert find_target("charged that the trade measures broke a pledge made in Punta del Este", "accusation",
                       "A_charged_with", None) is None


def test_the_owner_of_a_lower_case_act():
    clause = "wish to protest strongly the provocative actions of Marsk in the bay"
    assert find_target(clause, "accusation", "A_crit_obj", None)[0] == "Marsk"
    clause = "criticised the government of Marsk for the raid"  # an actor noun keeps its own name
    assert find_target(clause, "accusation", "A_crit_obj", None)[0] == "the government"


def test_first_entity_skips_dates_and_participles():
    clause = "Interrupting Mr Sukul, Mr Vane said these men were forging votes"
    assert first_entity(clause, clause.index("said") + 5, clause.index("were"))[0] == "these men"
    assert first_entity("on Sunday Marsk had seized boats", 0, 20)[0] == "Marsk"
    assert first_entity("fired back at May over it", 0, 20)[0] == "May"  # a name, not the month


@pytest.mark.parametrize("clause, rule, expected", [
    ("Senior lawmaker Vole leaves parliament after harassment accusations", "A_accuse_bare", "Senior lawmaker Vole"),
    ("an inquiry into accusations that Mayor Ann Roe used her office to reward friends", "A_accuse_bare", "Mayor Ann Roe"),
    ("Some foreign bankers contend that their Marskian rivals undercut them", "A_charged_with", "Marskian"),
    ("Coach Ivo Pell is furious after being fined by the league", "A_charged_with", "Coach Ivo Pell"),
    ("The allegations were made by his former assistant", "A_made_by", None),  # their owner is no target
])
def test_the_accused_where_the_statement_words_have_no_object(clause, rule, expected):
    found = find_target(clause, "accusation", rule, (clause.index(clause.split()[3]), len(clause)))
    assert (found[0] if found else None) == expected


def test_a_name_after_a_lower_case_title_resolves():
    text = "Ivan Vole, a senator, spoke. Senior lawmaker Vole leaves parliament after harassment accusations."
    assert resolve_target("Senior lawmaker Vole", text, text.index("Senior")) == "Ivan Vole"


def test_weekdays_are_no_target():
    assert first_entity("the ruling announced Thursday by the judge", 0, 40) is None


def test_a_name_introduced_with_its_acronym_is_kept_whole():
    text = "Regulators want the Northern Public Power Supply System (NPPSS) charged with fraud."
    pos = text.index("Northern")
    assert resolve_target("Northern Public Power Supply System", text, pos) == "Northern Public Power Supply System"
    assert resolve_target("the Northern Public Power Supply System (NPPSS)", text, pos - 4) == \
        "Northern Public Power Supply System"


def test_an_adverb_between_a_definite_subject_and_its_wrongdoing():
    clause = "The company also falsely advertised that its cheese had calcium"
    assert wrongdoer(clause, clause.index("falsely"))[0] == "The company"
    clause = "agencies concluded Russians tried to tip the election to Trane through hacking"
    assert wrongdoer(clause, clause.index("hacking"))[0] != "the election to Trane through"


def test_an_accusing_verb_before_reported_wrongdoing_names_the_accused():
    clause = 'The co-chairman attacked Labour\'s new pledges as "vacuous"'
    assert find_target(clause, "accusation", "A_content_wrong", (clause.index("vacuous"), len(clause)))[0] == "Labour"
    clause = '"Houthi missile attacks against Marsk threaten the region," the statement said'
    found = find_target(clause, "accusation", "A_content_wrong", (clause.index("threaten"), len(clause)))
    assert not found or found[0] != "Marsk"  # "attacks" is a noun here


def test_an_indefinite_description_names_the_accused_as_the_text_does():
    text = "Marsk wants a Valdorian cleric living abroad whom it accuses of plotting a coup."
    assert resolve_target("a Valdorian cleric", text, text.index("a Valdorian")) == "Valdorian cleric"
    text = "The cleric Omar Vell lives abroad. Marsk wants a Valdorian cleric whom it accuses of plotting."
    assert resolve_target("a Valdorian cleric", text, text.index("a Valdorian")) == "Omar Vell"
    assert resolve_target("a Valdorian cleric", text, text.index("a Valdorian"), accused=False) != "Valdorian cleric"


def test_a_headline_passive_keeps_its_subject_as_the_accused():
    from analysis.targets import accused_is_subject

    assert accused_is_subject("Labour accused of propaganda", (7, 14))
    assert accused_is_subject("Millwall have been charged with misconduct", (19, 26))
    assert not accused_is_subject("Labour accused the Tories of propaganda", (7, 14))
    _, st = annotate("h", "Brenland accused of border raids\n\nBrenland denies the claims.")
    acc = st[st.stance == "accusation"]
    assert list(acc.target) == ["Brenland"]


def test_it_is_wrong_for_x_to_names_x():
    clause = "It is wrong for the mayor to have done this"
    assert wrongdoer(clause, clause.index("wrong"))[0] == "the mayor"


def test_an_object_pronoun_is_not_its_verbs_subject():
    text = ("Ivo Pell and Ian Brack met. Ian Brack is manager. Ivo Pell scored. "
            "Reminded that Brack called him a disgrace, Pell smiled.")
    pos = text.index("him a")
    assert resolve_target("him", text, pos) != "Ian Brack"


def test_a_demonym_man_is_the_person_named_before_in_the_sentence():
    text = ('Owen Pike manages. Tomas Velk plays. "Nobody is bigger than the club." '
            "Pike dropped Velk, claiming the Welshman had feigned injury.")
    pos = text.index("the Welshman")
    assert resolve_target("the Welshman", text, pos, "Owen Pike", "Owen Pike") == "Tomas Velk"
    assert resolve_target("the Welshman", "The Welshman scored.", 0) == ""


def test_a_pronoun_finds_a_person_the_public_dictionary_knows():
    text = ("Officials met on Monday. Lawmakers demanded an apology from Donald Trump for sharing the "
            "videos and Muslim groups said he had been reckless.")
    assert resolve_target("he", text, text.index("he had")) == "Donald Trump"


def test_a_person_facing_accusations_is_their_target_even_where_misread_as_speaker():
    from analysis.targets import accused_is_subject

    clause = "Democrat Ivan Vole stepped down on Tuesday after multiple accusations of misconduct"
    at = clause.index("accusations")
    assert accused_is_subject(clause, (at, at + 11))
    clause = "Ivan Vole made accusations against the mayor"
    at = clause.index("accusations")
    assert not accused_is_subject(clause, (at, at + 11))


def test_nobody_accuses_itself():
    from analysis.annotate import annotate

    _, st = annotate("s", "Labour accused of 'EU propaganda'\n\nThe Tories said the leaflet misled voters.")
    acc = st[st.stance == "accusation"]
    assert len(acc) and not (acc.actor == acc.target).any()


def test_the_sanctioned_is_the_target():
    from analysis.targets import find_target

    clause = "Arrabal was handed the fine on Tuesday after his remarks"
    assert find_target(clause, "accusation", "A_charged_with", (9, len(clause)))[0] == "Arrabal"


def test_an_acronym_the_body_writes_in_running_text_stays_an_acronym():
    text = ("SEC STAFF ADVISES FRAUD CHARGES AGAINST WPPSS\n\n"
            "The staff plans to recommend that the Washington Public Power Supply System (WPPSS) be charged. "
            "Commissioners would be asked to charge WPPSS in connection with its statements.")
    pos = text.rfind("WPPSS")
    assert resolve_target("WPPSS", text, pos) == "WPPSS"
    # a word only a capitals headline writes so is a headline word
    assert resolve_speaker("ACME", "ACME DENIES FRAUD\n\nAcme said the claims were wrong.", 0).speaker == "Acme"


@pytest.mark.parametrize("phrase, expected", [
    ("the Mnuchin analysis", "Steven Mnuchin"),           # a thing stands for its owner
    ("the U.S. Superfund tax on oil imports", "United States"),
    ("the November election", ""),                       # a date owns nothing
    ("the Mnuchin campaign", "Steven Mnuchin"),          # a person's, not their country's
])
def test_an_owned_thing_is_its_owners_accusation(phrase, expected):
    text = f"Treasury Secretary Steven Mnuchin released it. Critics said {phrase} broke the rules."
    assert resolve_target(phrase, text, text.find(phrase)) == expected


def test_a_quotation_after_the_subject_is_its_predicate():
    rows = annotate("t", "Treasury Secretary Steven Mnuchin spoke. The watchdog said the Mnuchin analysis "
                         "“makes a mockery of honest scoring and analysis,” he said.")[1]
    acc = rows[rows["stance"] == "accusation"]
    assert len(acc) and acc.iloc[0]["target"] == "Steven Mnuchin"
