r"""Where each time rule's matches can begin: written by ``tools/fill_timex_starts.py`` from
the patterns of :mod:`analysis.timex` (do not edit by hand; run the tool after changing a rule).

For each rule id, the starts every match of the rule begins with (:mod:`analysis.rule_starts`):
``word`` (that whole word), ``pre*`` (a word starting so), ``\d`` (a digit); ``_`` stands for
spaces between two words, given after the commonest words ("the_year"). A rule without an
entry runs over the whole text. ``tests/test_timex.py`` checks every entry against its pattern.
"""

STARTS: dict[str, str] = {
    'date.iso': '\\d',
    'date.slash': '\\d',
    'date.month_day_year': (
        'apr april aug august dec december feb february friday jan january jul july jun june mar '
        'march may monday nov november oct october saturday sep sept september sunday thursday '
        'tuesday wednesday'
    ),
    'date.day_month_year': '\\d',
    'date.week_of': 'the_week',
    'date.month_day': (
        'apr april aug august dec december feb february friday jan january jul july jun june mar '
        'march may monday nov november oct october saturday sep sept september sunday thursday '
        'tuesday wednesday'
    ),
    'date.month_day_and': 'and',
    'date.day_month': '\\d',
    'date.month_year': (
        'apr april aug august dec december early feb february jan january jul july jun june late '
        'mar march may mid nov november oct october sep sept september the_beginning the_end '
        'the_first the_middle the_second the_start'
    ),
    'date.month': (
        'apr* aug* coming dec* early feb* jan* jul* jun* last late mar march* may* mid next nov* '
        'oct* past sep sept* the_beginning the_end the_first the_middle the_second the_start this'
    ),
    'time.clock24': '\\d',
    'date.weekday': (
        'coming early friday* last late monday* next past saturday* sunday* the_preceding '
        'the_previous this thursday* tuesday* wednesday*'
    ),
    'date.relative_day': 'earlier early last late later the_day today* tomorrow* tonight* yesterday*',
    'time.part_of_day': (
        'early earlyafternoon earlyevening earlymorning late lateafternoon lateevening '
        'latemorning mid midafternoon midevening midmorning this tomorrow yesterday'
    ),
    'time.clock': '\\d midday midnight noon',
    'date.this_last_next': (
        'coming current earlier early last late later mid next past previous the_beginning '
        'the_coming the_current the_end the_first the_following the_last the_middle the_next '
        'the_past the_previous the_rest the_second the_start this'
    ),
    'date.the_weekend': 'the_weekend',
    'date.ago': (
        '\\d a_1 a_and a_centuries a_century a_couple a_day a_days a_decade a_decades a_few '
        'a_fortnight a_fortnights a_hour a_hours a_hundred a_hundred½ a_millennia a_millennium '
        'a_minute a_minutes a_month a_months a_night a_nights a_number a_quarter a_quarters '
        'a_second a_seconds a_week a_weeks a_year a_years about almost an_1 an_and an_centuries '
        'an_century an_day an_days an_decade an_decades an_fortnight an_fortnights an_hour '
        'an_hours an_millennia an_millennium an_minute an_minutes an_month an_months an_night '
        'an_nights an_quarter an_quarters an_second an_seconds an_week an_weeks an_year an_years '
        'an½ a½ eight eighteen eighteen½ eighty eighty½ eight½ eleven eleven½ few fifteen '
        'fifteen½ fifty fifty½ five five½ forty forty½ four fourteen fourteen½ four½ half hundred '
        'hundred½ just less many more nearly nine nineteen nineteen½ ninety ninety½ nine½ one '
        'one½ only over roughly seven seventeen seventeen½ seventy seventy½ seven½ several six '
        'sixteen sixteen½ sixty sixty½ six½ some ten ten½ thirteen thirteen½ thirty thirty½ three '
        'three½ twelve twelve½ twenty twenty½ two two½'
    ),
    'date.year_ago': 'a_year year',
    'date.period_year_ago': 'last the_comparable the_corresponding the_month the_period the_quarter the_same',
    'date.relative_edge': 'earlier later',
    'date.quarter': '\\d first fiscal fourth last next second the third this year',
    'date.the_quarter': (
        'that the_comparable the_current the_latest the_period the_previous the_prior the_quarter '
        'the_same the_year this'
    ),
    'date.year_quarter': 'the',
    'date.half': 'first last latter second the_first the_last the_latter the_second',
    'date.year': (
        '15* 16* 17* 18* 19* 20* autumn early fall fiscal late mid spring summer the_autumn '
        'the_beginning the_end the_fall the_fiscal the_middle the_spring the_start the_summer '
        'the_winter the_year winter year'
    ),
    'date.spelled_year': 'nineteen the_year two',
    'date.month_spelled_year': (
        'apr april aug august autumn dec december fall feb february jan january jul july jun june '
        'mar march may nov november oct october sep sept september spring summer the_autumn '
        'the_fall the_spring the_summer the_winter winter'
    ),
    'date.decade': (
        "'* 15* 16* 17* 18* 19* 20* 30's 30s 40's 40s 50's 50s 60's 60s 70's 70s 80's 80s 90's "
        "90s early eighties fifties forties late mid nineties seventies sixties the_'* the_15* "
        "the_16* the_17* the_18* the_19* the_20* the_30's the_30s the_40's the_40s the_50's "
        "the_50s the_60's the_60s the_70's the_70s the_80's the_80s the_90's the_90s the_early "
        'the_eighties the_fifties the_forties the_late the_mid the_nineties the_seventies '
        'the_sixties the_thirties the_twenties thirties twenties'
    ),
    'date.short_year': 'after before by class from in of since till until',
    'date.century': '\\d early late mid the',
    'date.season': (
        'autumn coming early fall last late mid next past spring summer the_autumn the_coming '
        'the_early the_fall the_last the_late the_mid the_next the_past the_spring the_summer '
        'the_the the_this the_winter this winter'
    ),
    'date.holiday': (
        "christmas election halloween independence labor memorial new thanksgiving valentine's "
        'veterans'
    ),
    'duration.number_unit': (
        '\\d a_1 a_and a_business a_calendar a_centuries* a_century* a_consecutive a_couple a_day* '
        'a_decade* a_few a_fiscal a_fortnight* a_full a_hour* a_hundred a_hundred½ a_long '
        'a_millennia* a_millennium* a_minute* a_month* a_more a_night* a_number a_quarter* '
        'a_second* a_straight a_trading a_week* a_working a_year* an_1 an_additional an_and '
        'an_business an_calendar an_centuries* an_century* an_consecutive an_day* an_decade* '
        'an_fiscal an_fortnight* an_full an_hour* an_long an_millennia* an_millennium* an_minute* '
        'an_month* an_more an_night* an_quarter* an_second* an_straight an_trading an_week* '
        'an_working an_year* another an½ approximately around at a½ eight eighteen eighteen½ '
        'eighty eighty½ eight½ eleven eleven½ few fifteen fifteen½ fifty fifty½ first five five½ '
        'forty forty½ four fourteen fourteen½ four½ half hundred hundred½ last less many more '
        'nearly next nine nineteen nineteen½ ninety ninety½ nine½ no one one½ past roughly seven '
        'seventeen seventeen½ seventy seventy½ seven½ several six sixteen sixteen½ sixty sixty½ '
        'six½ some ten ten½ the thirteen thirteen½ thirty thirty½ three three½ twelve twelve½ '
        'twenty twenty½ two two½ up'
    ),
    'duration.bare_plural': 'after for in last lasted over take takes took within',
    'duration.long_adjective': 'centuries days decades hours months weeks years',
    'duration.over_the': 'over',
    'set.every': 'each every per',
    'set.adverb': 'biweekly daily hourly monthly nightly once semiannually twice weekly yearly',
    'ref.adjective': 'current recent',
    'date.the_year': (
        'beginning earlier end later middle rest start the_beginning the_current the_end '
        'the_entire the_fiscal the_full the_middle the_rest the_start the_whole the_year* year'
    ),
    'date.the_day': (
        'close closed closing end ended ending finish finished finishing for late later the_end '
        'the_start'
    ),
    'date.nth_day': '\\d eighth fifth fourth ninth second seventh sixth tenth third',
    'ref.present': "at currently now nowadays presently the_present these today's",
    'ref.past': (
        'a_while days earlier lately long months more most only recent recently some the_old '
        'the_past until weeks years'
    ),
    'ref.future': (
        'coming the_coming the_days the_distant the_foreseeable the_future the_long the_months '
        'the_near the_weeks the_years'
    ),
    'ref.soon': 'as soon very',
}
