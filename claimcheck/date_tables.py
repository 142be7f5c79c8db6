"""Word tables for the date grammar in :mod:`claimcheck.dates` (data, not logic).

Shared tables (months, weekdays, seasons, number words) live in :mod:`claimcheck.vocab`;
these are the ones only the date grammar needs. Patterns are built from them, so adding
a word here teaches every pattern that uses the table.
"""

from __future__ import annotations

from claimcheck import vocab
from claimcheck.number_tables import DATE_PREPOSITIONS, PAIR_WORDS

# Prepositions kept inside a date mention's span ("on Saturday", "since January").
PREPOSITIONS = (
    "on", "in", "since", "from", "until", "till", "by", "during", "before", "after",
    "through", "throughout", "as of", "over", "at",
    "starting", "starting on", "beginning", "beginning on",
    "no later than", "later than",
)

# A bare four-digit number is a year only after one of these.
YEAR_PREPOSITIONS = (
    "in", "since", "from", "until", "till", "by", "of", "during", "before", "after",
    "through", "throughout", "as of", "circa", "the year", "in the year",
    "no later than", "later than",
)

PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

# Month names that are also English words ("it may rain", "troops march on"): read only
# Capitalised, except next to a day, where nothing else fits ("march 3rd", "the first of
# may"). Other month names are read in any case; the abbreviations beside a day or
# after "in" ("in dec"), else only Capitalised ("Jan Smith", "Dec Jones").
WORD_MONTHS = ("may", "march")

# early / mid / late: which third of a month, season, year or decade.
THIRDS = {"early": 0, "mid": 1, "middle": 1, "late": 2}

# Calendar units a count can go with: unit word -> (base unit, multiple).
UNITS = {
    "day": ("day", 1),
    "week": ("week", 1),
    "fortnight": ("week", 2),
    "month": ("month", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
}
# Units that only make durations ("48 hours"); "an hour ago" is not dated: on a web page
# it is relative to when the page was rendered, not to the article's date.
DURATION_ONLY_UNITS = ("hour", "minute")

# Nouns that make a hyphenated count a duration: "a three-month period".
PERIOD_NOUNS = (
    "period", "stretch", "span", "spell", "window", "stint", "interval", "timeframe",
    "term", "cycle",
)

# Prepositions kept inside a duration's span ("for seven months").
DURATION_PREPOSITIONS = ("for", "over", "during", "across", "throughout", "within")
# Prepositions kept inside a relative span ("over the past three months").
SPAN_PREPOSITIONS = ("in", "over", "during", "for", "within", "throughout", "across")
# "the past three months" (-1) / "the next two months" (+1).
SPAN_DIRECTIONS = {"past": -1, "last": -1, "next": 1, "coming": 1, "upcoming": 1}

# Counts without digits: "the past few months". A vague plural counts as three units.
VAGUE_COUNTS = {"few": 3, "several": 3,
                **{f"{word} of": n for word, (n, _) in PAIR_WORDS.items()}}  # couple of: the number grammar's
VAGUE_PLURAL = 3
# How many units back "a few days ago" may mean, as a range: a span, never one day picked
# for the reader. The approximate pair words with "of" or without ("a couple weeks ago").
# (VAGUE_COUNTS' one number is for spans that end at the anchor, "the past few months".)
VAGUE_AGO = {"few": (2, 5), "several": (3, 7),
             **{form: (n, n + 1) for word, (n, approx) in PAIR_WORDS.items() if approx for form in (word, f"{word} of")}}

# Hedges before "N units ago", from the one hedge table in vocab: a lower bound ("more
# than") -> between N and N+1 units ago ("over"); an upper bound ("up to") -> within the
# last N units ("under"); approx -> as if unhedged.
HEDGES = {words: {vocab.HEDGE_LOWER: "over", vocab.HEDGE_UPPER: "under", vocab.HEDGE_APPROX: "approx"}[how]
          for words, how in vocab.HEDGES.items()}

# Days relative to the anchor.
DEICTIC_DAYS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}

# Words before a weekday (or a year-less date) that put it in the future.
FUTURE_CUES = (
    "will", "shall", "won't", "is due to", "are due to", "is expected to",
    "are expected to", "plans to", "plan to", "is planning to", "are planning to",
    "is set to", "are set to", "is scheduled to", "are scheduled to", "is going to",
    "are going to", "next", "let's", "let’s", "let us",
)
# A future cue before one of these belongs to another clause:
# "Kim will send more troops, the agency said Monday."
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "announced", "reported", "added", "stated",
    "confirmed", "claimed", "according to",
)
# Words before "in N years" that make it a look back, not a future date:
# "the first time in 15 years", "the highest in a decade".
RETROSPECTIVE_CUES = (
    "first", "time", "ever", "only", "once", "highest", "lowest", "biggest", "largest",
    "worst", "best", "most", "least", "longest", "deadliest", "strongest", "weakest",
)

QUARTERS = {w: n for w, n in vocab.ORDINAL_WORDS.items() if n <= 4}
QUARTERS.update({"1st": 1, "2nd": 2, "3rd": 3, "4th": 4})

# A yearly thing in the year before, of or after the anchor: "last March", "this fall".
YEAR_STEPS = {"last": -1, "this": 0, "next": 1}
# A season from the anchor's: "last fall", "this past summer", "current winter".
SEASON_MODIFIERS = {"last": "last", "past": "last", "this past": "last", "this": "this",
                    "current": "this", "next": "next"}
# A calendar-unit reference: "last week", "this month", "next year".
CALENDAR_MODIFIERS = {"last": -1, "this past": -1, "this": 0, "next": 1,
                      "past": -1, "previous": -1, "current": 0, "coming": 1, "upcoming": 1}
# "earlier this year", "later this month", "early next year".
CALENDAR_PARTS = ("earlier", "later", "early", "mid", "late")

# Holidays of the Gregorian calendar, and of the Western and Orthodox Easter cycles:
# name -> rule. A name is matched case-insensitively, any whitespace for a space, and an
# apostrophe optional ("new years eve"). Rules:
#   ("date", month, day)              a fixed date
#   ("weekday", month, day)           a fixed date, moved to the nearest weekday
#                                     when it falls on a weekend (Boss's Day)
#   ("sunday_back", month, day)       a fixed date, a day earlier when it is a Sunday
#   ("nth", month, weekday, n, shift) the n-th weekday of the month (n = -1: the last),
#                                     then ``shift`` days (Black Friday: Thanksgiving + 1)
#   ("easter", first, last)           days from Western Easter Sunday (a span when first < last)
#   ("orthodox", first, last)         days from Orthodox Easter Sunday
# Holidays of lunar and other calendars (Chinese, Hebrew, Islamic, Hindu) are not here.
_FIXED = ("date",)
_EASTER, _ORTHODOX = ("easter",), ("orthodox",)
HOLIDAYS: dict[str, tuple] = {
    **dict.fromkeys(("christmas", "christmas day", "xmas", "xmas day"), (*_FIXED, 12, 25)),
    **dict.fromkeys(("christmas eve", "xmas eve"), (*_FIXED, 12, 24)),
    **dict.fromkeys(("boxing day",), (*_FIXED, 12, 26)),
    **dict.fromkeys(("new year's eve",), (*_FIXED, 12, 31)),
    **dict.fromkeys(("new year's day",), (*_FIXED, 1, 1)),
    **dict.fromkeys(("valentine's day", "valentine day", "st valentine's day",
                     "saint valentine's day"), (*_FIXED, 2, 14)),
    **dict.fromkeys(("halloween",), (*_FIXED, 10, 31)),
    **dict.fromkeys(("international workers' day",), (*_FIXED, 5, 1)),
    **dict.fromkeys(("ides of march",), (*_FIXED, 3, 15)),
    **dict.fromkeys(("world vegan day",), (*_FIXED, 11, 1)),
    **dict.fromkeys(("st patrick's day", "saint patrick's day", "st paddy's day",
                     "saint paddy's day"), (*_FIXED, 3, 17)),
    **dict.fromkeys(("independence day", "fourth of july"), (*_FIXED, 7, 4)),
    **dict.fromkeys(("veterans day", "armistice day"), (*_FIXED, 11, 11)),
    **dict.fromkeys(("boss's day", "boss day"), ("weekday", 10, 16)),
    **dict.fromkeys(("king's day", "koningsdag"), ("sunday_back", 4, 27)),
    **dict.fromkeys(("thanksgiving", "thanksgiving day"), ("nth", 11, 3, 4, 0)),
    **dict.fromkeys(("black friday",), ("nth", 11, 3, 4, 1)),
    **dict.fromkeys(("cyber monday",), ("nth", 11, 3, 4, 4)),
    **dict.fromkeys(("martin luther king day", "martin luther king's day", "martin luther king jr day",
                     "mlk day", "mlk jr day", "civil rights day"), ("nth", 1, 0, 3, 0)),
    **dict.fromkeys(("presidents day", "president's day", "washington's birthday"), ("nth", 2, 0, 3, 0)),
    **dict.fromkeys(("memorial day",), ("nth", 5, 0, -1, 0)),
    **dict.fromkeys(("labor day",), ("nth", 9, 0, 1, 0)),
    **dict.fromkeys(("mother's day",), ("nth", 5, 6, 2, 0)),
    **dict.fromkeys(("father's day",), ("nth", 6, 6, 3, 0)),
    **dict.fromkeys(("easter", "easter sunday", "easter day"), (*_EASTER, 0, 0)),
    **dict.fromkeys(("easter monday", "easter mon"), (*_EASTER, 1, 1)),
    **dict.fromkeys(("good friday",), (*_EASTER, -2, -2)),
    **dict.fromkeys(("holy saturday",), (*_EASTER, -1, -1)),
    **dict.fromkeys(("maundy thursday", "covenant thursday", "covenant thu", "thursday of mysteries",
                     "thu of mysteries", "holy thursday"), (*_EASTER, -3, -3)),
    **dict.fromkeys(("palm sunday", "branch sunday"), (*_EASTER, -7, -7)),
    **dict.fromkeys(("ash wednesday",), (*_EASTER, -46, -46)),
    **dict.fromkeys(("shrove tuesday", "pancake day", "mardi gras"), (*_EASTER, -47, -47)),
    **dict.fromkeys(("lent",), (*_EASTER, -46, -1)),
    **dict.fromkeys(("ascension day",), (*_EASTER, 39, 39)),
    **dict.fromkeys(("pentecost", "whitsunday", "whit sunday", "white sunday"), (*_EASTER, 49, 49)),
    **dict.fromkeys(("whit monday", "monday of the holy spirit"), (*_EASTER, 50, 50)),
    **dict.fromkeys(("trinity sunday",), (*_EASTER, 56, 56)),
    **dict.fromkeys(("orthodox easter", "orthodox easter sunday"), (*_ORTHODOX, 0, 0)),
    **dict.fromkeys(("orthodox good friday", "orthodox great friday"), (*_ORTHODOX, -2, -2)),
    **dict.fromkeys(("lazarus saturday",), (*_ORTHODOX, -8, -8)),
    **dict.fromkeys(("clean monday", "orthodox shrove monday"), (*_ORTHODOX, -48, -48)),
    **dict.fromkeys(("great lent", "great fast"), (*_ORTHODOX, -48, -9)),
}
# Names that are also ordinary words: matched only Capitalised ("Lent", not "lent").
CASED_HOLIDAYS = ("lent",)

# The present moment, read only on request (``find_date_mentions(present=True)``):
# TimeML's PRESENT_REF.
PRESENT_WORDS = ("now", "currently", "at present", "presently", "nowadays", "at the moment",
                 "at this time", "right now")

# Years said in words: "nineteen ninety six" (hundreds, then the rest) or "two thousand
# (and) fifteen". The words a year of the first kind opens with (1600-2099).
YEAR_WORD_HUNDREDS = ("sixteen", "seventeen", "eighteen", "nineteen", "twenty")
# A two-digit year ("10/31/74", "31-Oct-74", "18q4") is 19yy from the pivot up, else 20yy.
TWO_DIGIT_YEAR_PIVOT = 40
# Words before a year-less "d/D" that make it a date ("on 22/04", "since 2/15"): the
# number grammar's table (number_tables.DATE_PREPOSITIONS), so that both read "on 1/4"
# alike; but not "by", where "prices rose by 1/3" is far likelier than a deadline.
NUMERIC_DAY_PREPOSITIONS = tuple(p for p in DATE_PREPOSITIONS if p != "by")
# Numbers shaped like a year-less date that name something else: "after 9/11", "24/7".
NUMERIC_NAMES = ("9/11", "24/7", "7/7", "3/11", "26/11")

# Words before a bare year used as a modifier ("a 2010 comment", "his 2007 campaign").
YEAR_DETERMINERS = ("a", "an", "the", "his", "her", "its", "their", "our", "my", "your")

# Days of the month in words: "tuesday the eleventh", "wednesday the thirty first".
_TEENS = ("thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
DAY_ORDINAL_WORDS: dict[str, int] = {
    **vocab.ORDINAL_WORDS,
    **{w: 13 + i for i, w in enumerate(_TEENS)},
    "twentieth": 20, "thirtieth": 30,
    **{f"twenty{sep}{w}": 20 + n for w, n in vocab.ORDINAL_WORDS.items() if n < 10 for sep in (" ", "-")},
    **{f"thirty{sep}first": 31 for sep in (" ", "-")},
}
# Days of the month as compound cardinals after a month name: "May twenty nine". Only
# the compounds, and only at a clause's end: "in March two people died" is a count.
DAY_CARDINAL_WORDS: dict[str, int] = {
    f"{tens}{sep}{unit}": n + u
    for tens, n in (("twenty", 20), ("thirty", 30))
    for unit, u in vocab.UNIT_WORDS.items() if 1 <= u <= (9 if n == 20 else 1)
    for sep in (" ", "-")
}
# Centuries written out: "the twentieth century", "the twenty-first century".
CENTURY_ORDINALS = {w: n for w, n in DAY_ORDINAL_WORDS.items() if n <= 21}

# "next quarter", "the past quarter": quarters relative to the anchor's.
QUARTER_MODIFIERS = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
    "next": 1, "coming": 1, "following": 1,
}

# Which week of a month or year: "the first week of 2015", "the last week of July".
WEEK_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "last": -1,
}
# "the week of April 10th", "the week beginning February 4", "w/c Feb 4".
WEEK_OF_WORDS = ("week of", "week beginning", "week starting", "week starting on",
                 "week commencing", "w/c")

# Weekday abbreviations read on their own ("thu", "Fri.", "Mon or Tue"), in any case;
# True: only with their full stop ("mon.": "Mon" is also a people of Myanmar). Left
# out: "sat", "sun", "wed", which are words.
LONE_WEEKDAY_ABBREVIATIONS = {"tue": False, "tues": False, "thu": False, "thur": False,
                              "thurs": False, "fri": False, "mon": True}

# Weekday modifiers beyond last / next / this: "previous Wednesday", "coming Thursday".
WEEKDAY_MODIFIERS = {"previous": "last", "following": "next", "coming": "next", "upcoming": "next"}
# A week relative to the anchor's, before or after a weekday: "next week Mon",
# "tuesday of last week".
WEEK_MODIFIERS = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}

# "the first Tuesday of March", "the fifth last day of May": which one of the month.
NTH = {w: n for w, n in vocab.ORDINAL_WORDS.items() if n <= 5}
NTH.update({"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5})
# "the 20th of next month": which month, from the anchor's.
MONTH_MODIFIERS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}

# The first or second half of a year, month or week: "the end of this year", "by the
# beginning of March", "later in the week".
EDGES = {"beginning": 0, "start": 0, "earlier": 0, "end": 1, "later": 1}
# Every relative period the calendar rule reads ("coming week", "previous week", "this past
# month"), and "following" as the quarter and week rules read it.
EDGE_MODIFIERS = {**CALENDAR_MODIFIERS, "following": 1}
EOX = {"eoy": "year", "eom": "month"}  # "by EOY"

# "three Fridays from now", "two Sundays ago": counted weekdays from the anchor.
COUNT_DIRECTIONS = {"from now": 1, "hence": 1, "ago": -1, "back": -1}
# "next three months" (no "the"): whole calendar units next to the anchor's own.
CALENDAR_COUNT_DIRECTIONS = {"last": -1, "past": -1, "next": 1}

# A bare "the third quarter" is a business quarter (MEANTIME's news annotates it so) unless
# its sentence is about a game, where it is a period of play: these words say so.
GAME_WORDS = ("game", "games", "scored", "scoring", "touchdown", "touchdowns", "field goal",
              "inning", "innings", "halftime", "half-time", "quarterback", "three-pointer",
              "rebound", "rebounds", "free throw", "free throws", "buzzer", "whistle")

# "this qtr", "next qtr": quarters from the anchor's.
QUARTER_ABBR_MODIFIERS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}

# Abbreviated calendar units after a modifier: "last yr", "next wk".
UNIT_ABBREVIATIONS = {"yr": "year", "wk": "week"}
# Substrings one of which every holiday name holds: the cheap look that decides whether
# a sentence is searched for holidays at all (checked against HOLIDAYS on import).
HOLIDAY_TRIGGERS = ("day", "mas", "eve", "easter", "thu", "halloween", "thanksgiving", "lent",
                    "pentecost", "gras", "dag", "fast", "july", "ides")
