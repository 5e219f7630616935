"""What kind of thing a phrase names, read from its words alone: a person, an organisation,
a title, a group, a description of who speaks, nobody in particular.

No gazetteer and no article context here (but for :func:`is_proper_noun`, which asks how the
article writes a word): these are the tests the other actor modules build on.
:mod:`analysis.actor_names` says *which* actor a name stands for (the gazetteer,
``lexicons/actors.csv``); :mod:`analysis.coreference` which earlier mention a short one
stands for ("Kirby" -> "John Kirby", "he", "the company"); :mod:`analysis.actors` who speaks
and for which party (:func:`~analysis.actors.resolve_speaker`).

Two families of tests live here side by side. They were compared for a merge: they differ on
many inputs, and a merge would change the statements output, so both stay.

- the attribution stage's quick tests on a source phrase as written, used to resolve
  pronouns and definite noun phrases against the sources named so far: :func:`is_person`
  (any title word of ``_PERSON_TITLES``, "who", "he" and "she" included, or a short
  capitalised run free of ``_PLACE_WORDS`` and ``_ORG_WORDS``), :func:`is_org` (a word of
  ``_ORG_WORDS``: "ministry", "statement", "officials" ...), :func:`is_plural`,
  :func:`gender_of`, :func:`is_named_source`;
- the speaker resolver's tests, stricter about what a name is: ``_TITLE_RX`` (titles
  written before a name, "Lord" and "Sheikh" included, "who" not), ``_ORG_NAME`` (a
  capitalised run ending in a company or body suffix), ``is_capitalised_name``,
  ``is_proper_noun``, ``speaker_description``, and the word lists ``_NON_NAME`` (never part of a
  person's name) and ``_ANON`` (nobody named).

>>> is_person("John Kirby"), is_person("North Korea"), is_org("the Foreign Ministry")
(True, False, True)
>>> gender_of("Ms. Lee Epstein"), gender_of("Lee Epstein")
('f', '')
>>> _org_name("Kraft Inc"), _titlecase_if_caps("REAGAN DENIES"), speaker_description("a federal grand jury")
('Kraft', 'Reagan Denies', 'federal grand jury')
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.prefilter import occurrences
from analysis.words import boundary

# --------------------------------------------------------------------------- word lists
PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"it", "they", "we", "i", "you", "who", "which", "that"}
_DEMONSTRATIVE_NP = re.compile(r"^(the|this|that|its|their)\s+\S+$", re.I)
# words that say nobody is named: "sources", "officials", "a spokesman"
_ANON = re.compile(r"\b(?:experts?|officials?|sources?|analysts?|diplomats?|observers?|people|critics"
                   r"|insiders?|residents|witnesses|activists|commentators|researchers|scientists"
                   r"|spokes(?:man|woman|person)|aides?|someone|somebody|many|some|others)\b", re.I)
# capitalised words that are never part of a person's name (the name finder trims them off
# a capitalised run: "Communications Director John Kirby" -> "John Kirby")
_NON_NAME = {"The", "A", "An", "According", "Ministry", "Foreign", "Council", "Department", "Director",
             "Communications", "Security", "National", "Government", "Agency", "Office", "Minister",
             "President", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Chief", "General",
             "Committee", "Party", "Army", "Forces", "News", "State", "Defence", "Defense", "Deputy",
             "Vice", "Prime", "Press", "White", "House", "Affairs", "Central", "Public", "Information",
             "Commander", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Mr.", "Mrs.",
             "Ms.", "Dr.", "It", "He", "She", "They", "We", "I", "In", "On", "At", "Though", "But",
             "And", "This", "That", "Kirby's", "Mayor", "Governor", "Senator", "Chancellor", "King",
             "Queen", "Prince", "Premier", "Envoy", "Official", "Officials", "Leader", "Chairman", "Chair",
             "Speaker", "Judge", "Prosecutor", "Admiral", "Colonel", "Navy", "Air", "Force", "Police",
             "Embassy", "Consulate", "Parliament", "Congress", "Senate", "Court", "Supreme", "Federal",
             "Republic", "Democratic", "Interior", "Justice", "Finance", "Trade", "Health", "Energy",
             "Intelligence", "Service", "Services", "Authority", "Authorities", "Troops", "Military",
             "Spokesmen", "Agency's", "Media", "Television", "TV", "Radio", "Times", "Post", "Daily",
             # capitalised at a sentence start, never part of a name
             "Wherever", "When", "Whenever", "While", "After", "Before", "If", "As", "Since", "Although",
             "So", "Yet", "Meanwhile", "However", "Still", "Also", "Now", "Then", "Here", "There", "Today",
             "Yesterday", "Last", "For", "With", "By", "From", "Under", "During", "Despite", "Asked",
             "Speaking", "Like", "Unlike", "Instead", "Even", "Only", "Just", "What", "Why", "How", "Who",
             "Where", "Many", "Some", "Both", "All", "Each", "Every", "Several", "Most", "Other", "Another",
             "Former", "Sen", "Gov", "Rep", "Won", "Says", "Said", "Tells", "Told", "Calls", "Slams",
             # titles and roles that stand before a name ("Republican Representative Devin Nunes")
             "Representative", "Republican", "Republicans", "Democrat", "Democrats", "Congressman",
             "Congresswoman", "Lawmaker", "Majority", "Minority", "Whip", "Attorney", "Counsel", "Special",
             "Commissioner", "Inspector", "Sheriff", "Detective", "Officer", "Coach", "Manager", "Captain",
             "Striker", "Midfielder", "Defender", "Goalkeeper", "Tory", "Labour", "Conservative", "Liberal",
             "Shadow", "Home", "Economics", "Executive", "Founder", "President-elect", "Lord", "Lady",
             "Sir", "Dame", "Baroness", "Economic", "Transport", "Environment", "Culture", "Sports",
             "Education", "Labor", "Commerce", "Treasury", "Homeland", "Acting", "Assistant", "Associate",
             "Senior", "Top", "Lead", "Managing", "Head", "Board", "Member", "Professor", "Prof",
             # organisation suffixes: "Guinness Plc" is no person
             "Plc", "PLC", "Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "Group", "Holdings", "Bank",
             "Securities", "Association", "Federation", "Union", "Club", "Airlines", "Motors", "Industries",
             "Institute", "University", "Foundation", "Trust", "Fund", "Partners", "Capital", "Systems",
             "Technologies", "Communications", "Entertainment", "Records", "Magazine", "Newspaper",
             "Under-Secretary", "Secretary-General", "Vice-President", "Vice-Chairman", "Co-Chairman",
             "Chief-Executive", "Spokesman", "Attorney-General",
             # roles news puts before a name ("Rapper Snoop Dogg", "Balco boss Victor Conte")
             "Rapper", "Singer", "Actress", "Actor", "Star", "Boss", "Keeper", "Player", "Skipper", "Owner",
             "Billionaire", "Tycoon", "Businessman", "Businesswoman", "Producer", "Writer", "Author",
             "Comedian", "Presenter", "Host", "Pop", "Sprinter", "Athlete", "Champion", "Winger", "Forward",
             "Undersecretary", "Charge", "Affaires", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday",
             "Tobacco", "Oil", "Energy", "Telecom", "Pharmaceuticals", "Insurance", "Investments"}
# lower case, with the pronouns: a capitalised phrase made only of these is no name ("The", "He")
_FUNCTION = {w.lower() for w in _NON_NAME} | {"who", "which", "that", "it", "he", "she", "they", "we", "i",
                                              "you", "this", "these", "those", "its", "his", "her", "their"}
# the small words a description's modifiers or a headline's bare role cannot be; not
# _FUNCTION, which holds every title and organisation word of _NON_NAME but not "of", "to",
# "or", "our", "my", "your", "any", "no", "not"
_FUNCTION_WORDS = frozenset({"of", "to", "for", "in", "on", "by", "with", "and", "or", "but", "who", "which", "that",
                             "it", "he", "she", "they", "we", "i", "you", "this", "these", "those", "its", "his",
                             "her", "their", "our", "my", "your", "some", "any", "all", "both", "no", "not"})


# --------------------------------------------------------------------------- people
_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "sen", "senator", "rep", "gov", "governor",
                  "director", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "chief",
                  "leader", "candidate", "adviser", "advisor", "professor", "prof", "general", "gen",
                  "mayor", "chairman", "chairwoman", "ambassador", "judge", "justice", "pastor", "king",
                  "queen", "prince", "pope", "who", "he", "she"}
_PLACE_WORDS = {"north", "south", "east", "west", "korea", "russia", "china", "america", "states", "united",
                "kingdom", "washington", "moscow", "beijing", "pyongyang", "ukraine", "iran", "israel",
                "europe", "european", "union", "nations", "white", "house", "us", "u.s", "uk", "kyiv", "kiev",
                "london", "paris", "berlin", "tokyo", "japan", "india", "france", "germany", "britain",
                "syria", "iraq", "turkey", "nato", "gaza", "palestine", "mexico", "canada", "cuba",
                "venezuela", "taiwan", "republic", "democrats", "republicans", "gop", "congress"}
# words that show the capitalised words after them are an object, not a role's holder
# ("her way around Chez Vachon", "the effort results in John Kasich")
_NOT_A_ROLE = frozenset({"in", "on", "at", "of", "for", "to", "from", "with", "by", "around", "about", "after",
                         "before", "when", "and", "or", "but", "that", "which", "hence", "results", "way", "the", "a",
                         "an", "this", "these", "those"})


_WORDISH = re.compile(r"[\w'’.-]+")  # a word with its apostrophes, full stops and hyphens
_WORD = re.compile(r"\w+")


def is_person(phrase: str) -> bool:
    """Crude: a title, or a short capitalised name that is no place or organisation."""
    words = _WORDISH.findall(phrase)
    lows = {w.lower().rstrip(".") for w in words}
    if lows & _PERSON_TITLES:
        return True
    for part in phrase.split(","):
        ws = part.split()
        lead = 0
        while lead < len(ws) - 2 and ws[lead][:1].islower():
            lead += 1
        if 0 < lead <= 3 and not {w.lower() for w in ws[:lead]} & _NOT_A_ROLE:
            ws = ws[lead:]  # "coach Ines Varga", "his colleague David French": a role, then the name
        if ws and ws[0] in ("The", "A", "An"):  # "The Daily Courier": a person's name has no article
            continue
        if 1 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws) and not (
                {w.lower().strip(".’'s") for w in ws} & _PLACE_WORDS) and not is_org(" ".join(ws)):
            return True
    return False


@lru_cache(maxsize=4096)
def is_named_source(phrase: str) -> bool:
    """A history entry that names someone (not a pronoun, not 'the ministry'-like)."""
    return bool(phrase) and phrase.lower() not in PRONOUNS_PERSON | _PRONOUNS_OTHER \
        and not _DEMONSTRATIVE_NP.match(phrase)


_TITLE_GENDER = re.compile(r"\b(?:(Mrs|Ms|Miss|Madam|Lady|Baroness|Dame)|(Mr|Sir|Lord))\.?\s+(?-i:[A-Z])")


def gender_of(name: str) -> str:
    """'f', 'm' or '' for a name as written, from the title before it ("Ms. Lee Epstein")."""
    m = _TITLE_GENDER.search(name)
    return ("f" if m.group(1) else "m") if m else ""


# Titles written before a name ("Mr", "Prime Minister", "Attorney General", "Sheikh"), as the
# speaker resolver strips them; unlike _PERSON_TITLES, not "who", "he", "leader", "adviser".
_TITLES = (r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm"
           r"|President|Vice\s+President|Prime\s+Minister|Chancellor|Premier|Senator|Representative|Congressman"
           r"|Congresswoman|Governor|Mayor|Judge|Justice|Secretary|Minister|Ambassador|Director|Chairman"
           r"|Chairwoman|Chief|Commissioner|Attorney\s+General|Speaker|King|Queen|Prince|Princess|Pope|Sheikh")
_TITLE_RX = re.compile(r"^(?:(?:former|then|acting|deputy|the|GOP|Republican|Democratic|Democrat)\s+)*(?:" + _TITLES
                       + r")\.?\s+(?=(?-i:[A-Z]))", re.I)
# honorifics that stay part of a peer's name ("Lord Goldsmith" is how news names him)
_PEERAGE = re.compile(r"^(?:Lord|Lady|Baroness|Baron|Sir|Dame)\s+[A-Z]")
_LEGISLATOR = re.compile(r"\b(?:(?:senator|representative|congress(?:man|woman)|lawmaker|legislator|MP|MEP"
                         r"|councill?or|assemblyman|assemblywoman|candidate|nominee)\b|(?:sen|rep)\.)", re.I)


def is_capitalised_name(phrase: str) -> bool:
    """Every word capitalised but the small ones inside a name ("the", "of", "de", "al" ...),
    and not only function or title words: "Harbour Freight", "The Committee for Fair
    Budgets", not "the company", "He", "The"."""
    words = [w for w in _WORDISH.findall(phrase) if w.lower() not in {"the", "of", "and", "for", "de", "von", "al", "a", "an", "to",
                                                                              "on", "in", "at"}]
    return bool(words) and all(w[:1].isupper() for w in words) and not all(w.lower() in _FUNCTION for w in words)


@lru_cache(maxsize=4096)
def is_proper_noun(word: str, text: str) -> bool:
    """True when the article writes ``word`` capitalised where no sentence starts (after a
    lower-case word or a comma), or in capitals as an acronym: a name, not a sentence's first
    word ("Plans", "More", "Interest")."""
    if len(word) > 1 and word.isupper():
        return True
    # re.search(r'(?:[a-z,;]\s+|\(|“|\")' + re.escape(word) + r'\b', text), without a regex
    # scanning the whole article from each of its characters: at each place the word stands,
    # the characters before it and the word boundary after it (str.isspace is \s in Python's
    # re; analysis.words.boundary is \b)
    for i in occurrences(word, text):
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        before = text[i - 1] in "(“\"" if i else False
        if (before or (0 < j < i and text[j - 1] in _LOWER_COMMA)) and boundary(text, i + len(word)):
            return True
    return False


_LOWER_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,;")


_ASCII_LOWER = re.compile(r"[a-z]")


def _titlecase_if_caps(phrase: str) -> str:
    """A headline in capitals ("REAGAN DENIES ...") read in title case ("Reagan")."""
    if _ASCII_LOWER.search(phrase):
        return phrase  # a lower-case letter: not all its letters are capitals (most phrases)
    letters = [c for c in phrase if c.isalpha()]
    if len(phrase.split()) == 1 and len(letters) <= 4:
        return phrase  # an acronym ("BBC", "FTC", "NATO"), not a headline in capitals
    if letters and all(c.isupper() for c in letters) and len(letters) > 2:
        return " ".join(w if len(w) <= 3 and "." in w or w in {"U.S.", "U.K.", "EC", "EU", "UN"} else w.capitalize()
                        for w in phrase.split())
    return phrase


# --------------------------------------------------------------------------- organisations
_ORG_WORDS = {"ministry", "government", "agency", "council", "department", "office", "party",
              "committee", "campaign", "statement", "report", "administration", "house", "court",
              "group", "company", "organization", "organisation", "commission", "embassy", "army",
              "military", "police", "spokesman", "spokeswoman", "spokesperson", "state", "news",
              "newspaper", "paper", "network", "board", "union", "senate", "congress", "parliament",
              "foundation", "institute", "center", "centre", "firm", "bank", "officials", "pentagon",
              "kremlin", "letter", "memo", "document", "poll", "survey", "study", "analysis"}


def is_org(phrase: str) -> bool:
    """A word of ``_ORG_WORDS`` in the phrase ("the ministry", "officials", "a statement")."""
    return any(w in _ORG_WORDS for w in _WORD.findall(phrase.lower()))


# A company's or body's last word ("Guinness Plc", "Football Association"). The name finder
# has its own list of the last words that make a capitalised run no person (actor_names.
# _ORG_END): it also has "Ministry", "Department", "Office", "Service", "News", "Times",
# "Post", "Journal"; this one also "LLC", "AG", "SA", "Company", "Network", "FC", "Rovers",
# "City", "United", "Energy", "Oil".
_ORG_SUFFIX = (r"Inc|LLC|Corp|Corporation|Co|Company|Plc|PLC|Ltd|Limited|AG|SA|NV|Group|Holdings|Bank|Securities"
               r"|Association|Federation|Union|Party|Committee|Commission|Council|Agency|Authority|Institute"
               r"|University|Foundation|Club|United|City|Rovers|FC|Trust|Fund|Board|Court|Network|Airlines?|Industries"
               r"|Motors|Systems|Technologies|Communications|Entertainment|Records|Partners|Capital|Energy|Oil")
# (every match starts with a capital; the lookahead says so to the regex engine, which
# otherwise tried all the suffixes at every character of an article: four times slower)
_ORG_NAME = re.compile(r"(?-i:(?=[A-Z])(?:[A-Z][\w&'’.-]*\s+){0,5}(?:" + _ORG_SUFFIX + r"))\b")
_LEGAL_FORM = re.compile(r"\s+(?:Inc|Corp|Co|Plc|PLC|Ltd|AG|SA|NV|LLC|GmbH|SpA|BV)\.?,?$")


def _org_name(name: str) -> str:
    """An organisation as news names it, without its legal form: "Kraft Inc" -> "Kraft"."""
    return _LEGAL_FORM.sub("", name).strip() or name


# --------------------------------------------------------------------------- groups and descriptions
def is_plural(phrase: str) -> bool:
    """'military experts', 'officials' (a lowercase head ending in -s), not 'the ministry' or 'News'."""
    head = phrase.split(",")[0].split()[-1] if phrase.split() else ""
    return head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


# A description names a speaker when its head is an agent noun in the plural ("leaders",
# "bankers", "prosecutors", "protesters": -er / -or / -ist / -ian / -ant / -ent / -ary) or a
# collective body that acts ("a federal grand jury", "an appeals court"); "the move",
# "a new strategy", "angry protests", "the allegations" are not speakers.
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)
_PLAIN_WORD = re.compile(r"[\w'’-]+")
_AGENT_PLURAL = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|ary)s", re.I)
# plurals in -ers / -ors / -ents that name things, not people who act
_NOT_AGENTS = re.compile(r"numbers|papers|letters|matters|orders|members|powers|borders|cent(?:er|re)s|waters|quarters"
                         r"|headquarters|corners|chapters|answers|layers|towers|offers|parameters|factors|sectors"
                         r"|errors|documents|comments|statements|agreements|arguments|payments|events|moments"
                         r"|elements|contents|talents|percents|departments", re.I)
_BODY_HEAD = re.compile(r"jury|court|tribunal|panel|committee|council|commission|board|regulator|watchdog"
                        r"|inquiry|assembly|legislature|senate|congress|parliament|union|federation|league", re.I)


@lru_cache(maxsize=4096)  # a function of the phrase alone, asked for most unresolved sources again
def speaker_description(phrase: str) -> str:
    """A common-noun phrase that says who speaks ("a federal grand jury" -> "federal grand
    jury", "European leaders"), or "": not for pronouns, anonymous or vague heads, clauses."""
    words = _DETERMINER.sub("", phrase.strip()).split()
    # one to four words; a single word only when it is an agent plural ("protesters")
    if not words or len(words) > 4 or (len(words) == 1 and not _AGENT_PLURAL.fullmatch(words[0])):
        return ""
    if not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return ""
    head, mods = words[-1], words[:-1]
    if (not head.islower() or _ANON.search(head) or _NOT_AGENTS.fullmatch(head)
            or not (_AGENT_PLURAL.fullmatch(head) or _BODY_HEAD.fullmatch(head))):
        return ""
    # modifiers: names or demonyms first ("European", "Trump"), then plain lower-case words
    lower = [w for w in mods if w.islower()]
    caps = [w for w in mods if not w.islower()]
    if mods[:len(caps)] != caps or any(
            w.lower() in _FUNCTION_WORDS
            or w.endswith(("ing", "ly", "s")) for w in lower):
        return ""
    return " ".join(words)
