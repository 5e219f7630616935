"""Entity typing and coreference of source phrases as the attribution stage meets them.

What kind of speaker a phrase names as written (a person, an organisation, a plural group;
the gender a title shows), and which earlier named source a pronoun ("he", "it"), a definite
noun phrase ("the ministry") or a bare surname ("Kirby") stands for. :func:`resolve_source`
fills ``Attribution.source_text`` and the ``res.*`` rule ids.

This is deliberately cruder than :mod:`analysis.actors` (``resolve_speaker``) and
``stance.resolve_actor``, which read the gazetteer (``lexicons/actors.csv``) to name the
*party* a speaker stands for; the two were compared for a merge and differ on many inputs,
so both stay (a merge would change the statements output):

- :func:`is_person` says "person" for any title word (``_PERSON_TITLES``, which includes
  "who", "he", "she") or a short capitalised run free of ``_PLACE_WORDS`` and ``_ORG_WORDS``;
  ``resolve_actor`` calls a phrase a person only when the gazetteer or its name finder does,
  and ``actors._TITLE_RX`` knows another title list (with "Lord", "Sheikh"; without "who").
- :func:`is_org` is a word list (``_ORG_WORDS``: "ministry", "statement", "officials" ...);
  ``actors._ORG_NAME`` / ``_ORG_HEADS`` look for a company suffix or a head noun.
- ``_PLACE_WORDS`` is a short fixed list; the gazetteer has every country, capital and demonym.
- :func:`name_ending` matches a surname at the end of an earlier named source in the
  attribution history; ``actors.canonical_person`` matches it among all the article's
  person names, particles dropped ("al-Shaheen").

>>> is_person("John Kirby"), is_person("North Korea"), is_org("the Foreign Ministry")
(True, False, True)
>>> gender_of("Ms. Lee Epstein"), gender_of("Lee Epstein")
('f', '')
>>> text = "John Kirby spoke. Kirby said so."
>>> resolve_source(text, (18, 23), [("John Kirby", 0)], 1)
('John Kirby', 'res.surname')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .spans import Span

PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"it", "they", "we", "i", "you", "who", "which", "that"}
_ORG_WORDS = {"ministry", "government", "agency", "council", "department", "office", "party",
              "committee", "campaign", "statement", "report", "administration", "house", "court",
              "group", "company", "organization", "organisation", "commission", "embassy", "army",
              "military", "police", "spokesman", "spokeswoman", "spokesperson", "state", "news",
              "newspaper", "paper", "network", "board", "union", "senate", "congress", "parliament",
              "foundation", "institute", "center", "centre", "firm", "bank", "officials", "pentagon",
              "kremlin", "letter", "memo", "document", "poll", "survey", "study", "analysis"}
_PLACE_WORDS = {"north", "south", "east", "west", "korea", "russia", "china", "america", "states", "united",
                "kingdom", "washington", "moscow", "beijing", "pyongyang", "ukraine", "iran", "israel",
                "europe", "european", "union", "nations", "white", "house", "us", "u.s", "uk", "kyiv", "kiev",
                "london", "paris", "berlin", "tokyo", "japan", "india", "france", "germany", "britain",
                "syria", "iraq", "turkey", "nato", "gaza", "palestine", "mexico", "canada", "cuba",
                "venezuela", "taiwan", "republic", "democrats", "republicans", "gop", "congress"}
_PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "sen", "senator", "rep", "gov", "governor",
                  "director", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "chief",
                  "leader", "candidate", "adviser", "advisor", "professor", "prof", "general", "gen",
                  "mayor", "chairman", "chairwoman", "ambassador", "judge", "justice", "pastor", "king",
                  "queen", "prince", "pope", "who", "he", "she"}
# words that show the capitalised words after them are an object, not a role's holder
# ("her way around Chez Vachon", "the effort results in John Kasich")
_NOT_A_ROLE = frozenset({"in", "on", "at", "of", "for", "to", "from", "with", "by", "around", "about", "after",
                         "before", "when", "and", "or", "but", "that", "which", "hence", "results", "way", "the", "a",
                         "an", "this", "these", "those"})
_DOC_HEADS = {"statement", "report", "letter", "memo", "document", "release", "communique", "post",
              "tweet", "article", "study", "survey", "poll", "analysis", "message", "notice", "filing"}
_FEMALE = {"she", "her"}
_TITLE_GENDER = re.compile(r"\b(?:(Mrs|Ms|Miss|Madam|Lady|Baroness|Dame)|(Mr|Sir|Lord))\.?\s+(?-i:[A-Z])")
_PRONOUN_REACH = 3  # sentences back a pronoun may look for its antecedent
# an adverb before a pronoun is no part of it: "Later he said", "Then she added"
_ADVERB_BEFORE_PRONOUN = re.compile(r"^(?:later|then|earlier|also|but|and|so|now|still|meanwhile|afterwards|\w+ly),?\s+"
                                    r"(?=(?:he|she|they|it|we|i)$)", re.I)
_DEFINITE_NP = re.compile(r"^(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}([\w\-]+)$", re.I)
_DEMONSTRATIVE_NP = re.compile(r"^(the|this|that|its|their)\s+\S+$", re.I)
_SURNAME = re.compile(r"[A-Z][\w’'\-]+")


def is_org(phrase: str) -> bool:
    """A word of ``_ORG_WORDS`` in the phrase ("the ministry", "officials", "a statement")."""
    return any(w in _ORG_WORDS for w in re.findall(r"\w+", phrase.lower()))


def is_person(phrase: str) -> bool:
    """Crude: a title, or a short capitalised name that is no place or organisation."""
    words = re.findall(r"[\w’'.\-]+", phrase)
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


def is_plural(phrase: str) -> bool:
    """'military experts', 'officials' (a lowercase head ending in -s), not 'the ministry' or 'News'."""
    head = phrase.split(",")[0].split()[-1] if phrase.split() else ""
    return head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


@lru_cache(maxsize=4096)
def name_ending(surname: str) -> re.Pattern:
    """A name that ends in ``surname`` after a capitalised word ("John Kirby"), not after a
    sentence adverb ("Interestingly Blocher"); compiled once per surname."""
    return re.compile(r"(?-i:[A-Z])[\w’'.\-]*(?<!ly)\s+" + re.escape(surname) + r"$")


@lru_cache(maxsize=4096)
def is_named_source(phrase: str) -> bool:
    """A history entry that names someone (not a pronoun, not 'the ministry'-like)."""
    return bool(phrase) and phrase.lower() not in PRONOUNS_PERSON | _PRONOUNS_OTHER \
        and not _DEMONSTRATIVE_NP.match(phrase)


def gender_of(name: str) -> str:
    """'f', 'm' or '' for a name as written, from the title before it ("Ms. Lee Epstein")."""
    m = _TITLE_GENDER.search(name)
    return ("f" if m.group(1) else "m") if m else ""


_ANON = re.compile(r"\b(?:experts?|officials?|sources?|analysts?|diplomats?|observers?|people|critics"
                   r"|insiders?|residents|witnesses|activists|commentators|researchers|scientists"
                   r"|spokes(?:man|woman|person)|aides?|someone|somebody|many|some|others)\b", re.I)


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


_TITLES = (r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm"
           r"|President|Vice\s+President|Prime\s+Minister|Chancellor|Premier|Senator|Representative|Congressman"
           r"|Congresswoman|Governor|Mayor|Judge|Justice|Secretary|Minister|Ambassador|Director|Chairman"
           r"|Chairwoman|Chief|Commissioner|Attorney\s+General|Speaker|King|Queen|Prince|Princess|Pope|Sheikh")


_TITLE_RX = re.compile(r"^(?:(?:former|then|acting|deputy|the|GOP|Republican|Democratic|Democrat)\s+)*(?:" + _TITLES
                       + r")\.?\s+(?=(?-i:[A-Z]))", re.I)


# honorifics that stay part of a peer's name ("Lord Goldsmith" is how news names him)
_PEERAGE = re.compile(r"^(?:Lord|Lady|Baroness|Baron|Sir|Dame)\s+[A-Z]")


_ORG_SUFFIX = (r"Inc|LLC|Corp|Corporation|Co|Company|Plc|PLC|Ltd|Limited|AG|SA|NV|Group|Holdings|Bank|Securities"
               r"|Association|Federation|Union|Party|Committee|Commission|Council|Agency|Authority|Institute"
               r"|University|Foundation|Club|United|City|Rovers|FC|Trust|Fund|Board|Court|Network|Airlines?|Industries"
               r"|Motors|Systems|Technologies|Communications|Entertainment|Records|Partners|Capital|Energy|Oil")


_ORG_NAME = re.compile(r"(?-i:(?:[A-Z][\w&'’.-]*\s+){0,5}(?:" + _ORG_SUFFIX + r"))\b")


_FUNCTION = {w.lower() for w in _NON_NAME} | {"who", "which", "that", "it", "he", "she", "they", "we", "i",
                                              "you", "this", "these", "those", "its", "his", "her", "their"}


_LEGAL_FORM = re.compile(r"\s+(?:Inc|Corp|Co|Plc|PLC|Ltd|AG|SA|NV|LLC|GmbH|SpA|BV)\.?,?$")


def _org_name(name: str) -> str:
    """An organisation as news names it, without its legal form: "Kraft Inc" -> "Kraft"."""
    return _LEGAL_FORM.sub("", name).strip() or name


def _titlecase_if_caps(phrase: str) -> str:
    """A headline in capitals ("REAGAN DENIES ...") read in title case ("Reagan")."""
    letters = [c for c in phrase if c.isalpha()]
    if len(phrase.split()) == 1 and len(letters) <= 4:
        return phrase  # an acronym ("BBC", "FTC", "NATO"), not a headline in capitals
    if letters and all(c.isupper() for c in letters) and len(letters) > 2:
        return " ".join(w if len(w) <= 3 and "." in w or w in {"U.S.", "U.K.", "EC", "EU", "UN"} else w.capitalize()
                        for w in phrase.split())
    return phrase


_LEGISLATOR = re.compile(r"\b(?:(?:senator|representative|congress(?:man|woman)|lawmaker|legislator|MP|MEP"
                         r"|councill?or|assemblyman|assemblywoman|candidate|nominee)\b|(?:sen|rep)\.)", re.I)


@lru_cache(maxsize=4096)
def _is_proper_noun(word: str, text: str) -> bool:
    """True when the article writes ``word`` capitalised where no sentence starts (after a
    lower-case word or a comma), or in capitals as an acronym: a name, not a sentence's first
    word ("Plans", "More", "Interest")."""
    if len(word) > 1 and word.isupper():
        return True
    return re.search(r"(?:[a-z,;]\s+|\(|“|\")" + re.escape(word) + r"\b", text) is not None


def _is_capitalised_name(phrase: str) -> bool:
    words = [w for w in re.findall(r"[\w'’.-]+", phrase) if w.lower() not in {"the", "of", "and", "for", "de", "von", "al", "a", "an", "to",
                                                                              "on", "in", "at"}]
    return bool(words) and all(w[:1].isupper() for w in words) and not all(w.lower() in _FUNCTION for w in words)


# A description names a speaker when its head is an agent noun in the plural ("leaders",
# "bankers", "prosecutors", "protesters": -er / -or / -ist / -ian / -ant / -ent / -ary) or a
# collective body that acts ("a federal grand jury", "an appeals court"); "the move",
# "a new strategy", "angry protests", "the allegations" are not speakers.
_AGENT_PLURAL = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|ary)s", re.I)


# plurals in -ers / -ors / -ents that name things, not people who act
_NOT_AGENTS = re.compile(r"numbers|papers|letters|matters|orders|members|powers|borders|cent(?:er|re)s|waters|quarters"
                         r"|headquarters|corners|chapters|answers|layers|towers|offers|parameters|factors|sectors"
                         r"|errors|documents|comments|statements|agreements|arguments|payments|events|moments"
                         r"|elements|contents|talents|percents|departments", re.I)


_BODY_HEAD = re.compile(r"jury|court|tribunal|panel|committee|council|commission|board|regulator|watchdog"
                        r"|inquiry|assembly|legislature|senate|congress|parliament|union|federation|league", re.I)


_FUNCTION_WORDS = frozenset({"of", "to", "for", "in", "on", "by", "with", "and", "or", "but", "who", "which", "that",
                             "it", "he", "she", "they", "we", "i", "you", "this", "these", "those", "its", "his",
                             "her", "their", "our", "my", "your", "some", "any", "all", "both", "no", "not"})


def _description(phrase: str) -> str:
    """A common-noun phrase that says who speaks ("a federal grand jury" -> "federal grand
    jury", "European leaders"), or "": not for pronouns, anonymous or vague heads, clauses."""
    words = re.sub(r"^(?:the|a|an|this|that|these|those)\s+", "", phrase.strip(), flags=re.I).split()
    # one to four words; a single word only when it is an agent plural ("protesters")
    if not words or len(words) > 4 or (len(words) == 1 and not _AGENT_PLURAL.fullmatch(words[0])):
        return ""
    if not all(re.fullmatch(r"[\w'’-]+", w) for w in words):
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


# <<MOVED>>


# --------------------------------------------------------------------------- coreference
# `history` is the article's sources so far: (resolved source text, sentence index), most
# recent last; sentence indices never decrease along it.

def resolve_source(text: str, source: Span | None, history: list[tuple[str, int]],
                   sentence_index: int = 0) -> tuple[str, str]:
    """(source text, res.* rule): pronouns, definite NPs and surnames resolved to the last
    compatible named source in `history`; the phrase as written otherwise."""
    if source is None:
        return "", ""
    raw = _ADVERB_BEFORE_PRONOUN.sub("", text[source[0]:source[1]].strip(" ,"))
    low = raw.lower()
    if low in PRONOUNS_PERSON or low in {"it", "they", "its", "their"}:
        return _resolve_pronoun(raw, low, _named_within_reach(history, sentence_index))
    m = _DEFINITE_NP.match(raw)
    if m and raw[:1].islower() or (m and len(raw.split()) == 2):
        return _resolve_definite(raw, low, m.group(1).lower(), history)
    if _SURNAME.fullmatch(raw):
        full = _fuller_name(raw, history)
        if full:
            return full, "res.surname"
    return raw, ""


def _named_newest_first(history: list[tuple[str, int]]) -> Iterator[str]:
    # Newest first and lazily: history grows with the article, and filtering all of it for
    # every source was quadratic.
    return (h for h, _ in reversed(history) if is_named_source(h))


def _named_within_reach(history: list[tuple[str, int]], sentence_index: int) -> list[str]:
    """Named sources of the last ``_PRONOUN_REACH`` sentences, oldest first (a tail of history)."""
    near = []
    for h, at in reversed(history):
        if sentence_index - at > _PRONOUN_REACH:
            break
        if is_named_source(h):
            near.append(h)
    near.reverse()
    return near


def _resolve_pronoun(raw: str, low: str, near: list[str]) -> tuple[str, str]:
    if low in PRONOUNS_PERSON:
        want = "f" if low in _FEMALE else "m"
        for h in reversed(near):
            # "he" is not the mayor the article has called "she"
            if is_person(h) and gender_of(h) in ("", want):
                return h, "res.pronoun"
        return raw, "res.unresolved"
    for h in reversed(near):
        if is_org(h) and not is_person(h) and (low in {"they", "their"}) == is_plural(h):
            return h, "res.pronoun"
    if low in {"they", "their"}:  # "it" is often the situation itself: only organisations
        for h in reversed(near):
            if not is_person(h):
                return h, "res.pronoun"
    return raw, "res.unresolved"  # deliberately left as written ("It revealed ..." = the situation)


def _resolve_definite(raw: str, low: str, head: str, history: list[tuple[str, int]]) -> tuple[str, str]:
    """"the ministry" -> the last named source with that head word; "the statement" -> the
    last organisation (else non-person) named."""
    for h in _named_newest_first(history):
        if re.search(r"\b" + re.escape(head) + r"\b", h.lower()) and h.lower() != low:
            return h, "res.definite_np"
    if head in _DOC_HEADS:
        for h in _named_newest_first(history):
            if is_org(h) and not is_person(h):
                return h, "res.definite_np"
        for h in _named_newest_first(history):
            if not is_person(h):
                return h, "res.definite_np"
    return raw, ""


def _fuller_name(surname: str, history: list[tuple[str, int]]) -> str:
    """The fuller name mentioned before ("Kirby" -> "John Kirby"), or ""."""
    # only a name that ends in it ("Bernard Ebbers", "Kremlin spokesman Dmitry Peskov"),
    # not one that mentions it ("Conyers' great-nephew", "a lawyer for Prevezon")
    ends = name_ending(surname)
    for h in _named_newest_first(history):
        if h != surname and any(ends.search(part.strip()) for part in h.split(",")[:2]):  # "Director, John Kirby"
            return h
    return ""
