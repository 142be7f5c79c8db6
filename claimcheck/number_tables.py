"""Word tables for the number grammar in :mod:`claimcheck.numbers` (data, not logic).

Keys are lower-case surface forms; a space in a key matches any short run of
whitespace. Patterns are built from these tables, so adding a word here is enough.
"""

from __future__ import annotations

from decimal import Decimal

from .models import DURATION, LOWER_BOUND, MEASURE, MONEY, PERCENT, UPPER_BOUND
from .vocab import HEDGE_APPROX, HEDGE_LOWER, HEDGE_UPPER, HEDGES as VOCAB_HEDGES
from .vocab import SCALE_WORDS, TENS_WORDS, UNIT_WORDS

APPROX = HEDGE_APPROX  # a hedge that widens the number without bounding it

# Words before a number and how they bound it: the one table in vocab, shared with dates.
HEDGES: dict[str, str] = {
    words: {HEDGE_LOWER: LOWER_BOUND, HEDGE_UPPER: UPPER_BOUND, HEDGE_APPROX: APPROX}[how]
    for words, how in VOCAB_HEDGES.items()}

# Words after a number. Keys starting with "-" or "+" are glued to the number.
POSTFIXES: dict[str, str] = {
    "or more": LOWER_BOUND, "or above": LOWER_BOUND, "or over": LOWER_BOUND,
    "-plus": LOWER_BOUND, "+": LOWER_BOUND,
    "or so": APPROX, "-odd": APPROX, "odd": APPROX,
}

# Number words up to nineteen, with the British zeros ("nought point five").
SMALL_WORDS: dict[str, int] = {**UNIT_WORDS, "nought": 0, "naught": 0}

# Fractions in words: the denominators ("two thirds", "a hundredth"), each also plural.
# "first" and "second" only in compounds ("one twenty-first"): "a second" is no fraction.
DENOMINATORS: dict[str, int] = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000,
}
UNIT_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}
PLURAL_DENOMINATORS: dict[str, str] = {"halves": "half"}  # plurals that are not singular + "s"
# Ordinals that end a compound denominator after a number ("three twenty firsts" 3/21,
# "one one hundred fifth" 1/105): not "half" nor "quarter", which are no ordinals; and
# "second" only hyphenated ("one twenty-second"): "two twenty seconds" is a time.
COMPOUND_ORDINALS: frozenset[str] = frozenset({*UNIT_ORDINALS, *DENOMINATORS} - {"half", "quarter"})
SPACED_COMPOUND_ORDINALS: frozenset[str] = COMPOUND_ORDINALS - {"second"}

# Fractions in digits ("3/4", "2 1/2 times"): the denominators read as one. Any other
# "d/D" is left alone, and so is a date's shape: "on 1/4", "7/6 with Jim", "5/17/2018".
DIGIT_DENOMINATORS: tuple[str, ...] = ("2", "3", "4", "5", "8", "10", "16", "100")
# Words before "d/D" that make it a date ("on 1/4", "by 3/4"), not a fraction.
DATE_PREPOSITIONS: tuple[str, ...] = (
    "on", "by", "since", "until", "till", "before", "after", "from", "through", "thru", "between")

# Scale letters read after a space ("2.33 k", "$1.5 M"), matched as written: "m" after a
# space is metres, "g" grams, "B" a grade.
SPACED_SUFFIXES: tuple[str, ...] = ("k", "K", "M")
# Scale letters read after a space only when the digits hold a decimal point or grouping
# ("1,674.5 G"): "5 G" is a network and "9 G" a g-force; glued ("5G") never.
GROUPED_SUFFIXES: dict[str, int] = {"G": 1_000_000_000}

# Words for zero said in scores and risks ("won two-nil", "the risk is nil"), matched in
# lower case only: "NIL" is a college sports deal, "Nil" a name.
ZERO_WORDS: tuple[str, ...] = ("nil",)

# Nouns that count two with "a" before them, each with whether it is approximate:
# "a couple of weeks" is about two, "a pair of" two. Read only before "of", a plural
# noun ("a couple days") or nothing at all: "they are a couple" counts nobody.
PAIR_WORDS: dict[str, tuple[int, bool]] = {"couple": (2, True), "pair": (2, False)}

# Words that make the number after them negative ("minus 5", "negative one hundred").
NEGATIVES: tuple[str, ...] = ("minus", "negative")

# Multipliers written as words, including "dozen" and the Indian lakh and crore.
SCALES: dict[str, int] = {
    **SCALE_WORDS, "dozen": 12, "doz": 12, "dz": 12,  # "3 dzs", "five dozs"
    **dict.fromkeys(("lakh", "lac", "lkh"), 100_000),
    **dict.fromkeys(("crore", "krore", "cr", "koti"), 10_000_000),
}

# Vague amounts as (low, high), the ONE table of such intervals. Quantifier entries
# (VAGUE_QUANTIFIERS) multiply the scale words that follow: "several hundred" = 300-900.
VAGUE_AMOUNTS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),  # only as "scores of"
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    "tens of billions": (20_000_000_000, 99_999_999_999),
    "hundreds of billions": (200_000_000_000, 999_999_999_999),
    "trillions": (2_000_000_000_000, 9_999_999_999_999),
    "several": (3, 9),
    "a few": (2, 5),
}
VAGUE_QUANTIFIERS: tuple[str, ...] = ("several", "a few")
VAGUE_NEED_OF: tuple[str, ...] = ("scores",)  # "test scores" is not an amount

# Currency written before the number, with or without a space after it ("$ 75 million"
# in tokenized text). A space in a key matches a space: "c $ 16.4" in lower-cased wire copy.
# The spaced forms are listed one by one, not derived: "a $5 bill" and "s $" are an
# article and a stray letter, not Australian or Singapore dollars.
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD",
    "mex$": "MXN", "au$": "AUD", "au $": "AUD", "us $": "USD", "u.s. $": "USD", "u.s $": "USD",
    "u.s.$": "USD", "c $": "CAD", "hk $": "HKD", "nz $": "NZD",
    "€": "EUR", "£": "GBP", "₩": "KRW", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR",
}
# ISO codes, before or after the number; matched case-sensitively.
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "KRW", "JPY", "CNY", "RUB", "UAH", "INR", "CAD", "AUD", "CHF", "KPW",
    "RMB", "MXN", "NZD", "SGD", "HKD", "SEK", "NOK", "DKK", "BRL", "ZAR", "TRY", "ILS",
)
# Codes that are another name of an ISO code.
CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}

# Units worth a fraction of a currency: "50 cents" is 0.50 dollars, "470 pence" 4.70 pounds.
SUBUNIT_FACTORS: dict[str, Decimal] = {
    w: Decimal("0.01") for w in ("cents", "cent", "pence", "penny", "pennies")}


def _forms(unit: str, quantity: str, *words: str) -> dict[str, tuple[str, str]]:
    return {w: (quantity, unit) for w in words}


# Words after a number that give it a quantity kind and a unit.
UNITS: dict[str, tuple[str, str]] = {
    **_forms("%", PERCENT, "%", "percent", "per cent", "pct", "percents", "percentage",
             "percentage point", "percentage points"),
    **_forms("USD", MONEY, "dollars", "dollar", "us dollars", "u.s. dollars", "us dollar",
             "u.s. dollar", "cents", "cent"),
    **_forms("EUR", MONEY, "euros", "euro"),
    **_forms("GBP", MONEY, "pounds sterling", "british pounds", "sterling", "pence", "penny",
             "pennies"),
    **_forms("CHF", MONEY, "swiss francs", "swiss franc", "francs", "franc"),
    **_forms("ESP", MONEY, "pesetas", "peseta"),
    **_forms("NLG", MONEY, "dutch guilders", "guilders", "guilder"),
    **_forms("FIM", MONEY, "finnish markka", "markka", "markkaa"),
    **_forms("MXN", MONEY, "mexican pesos"),
    **_forms("SEK", MONEY, "swedish kronor", "swedish krona"),
    **_forms("KRW", MONEY, "won", "south korean won"),
    **_forms("JPY", MONEY, "yen"),
    **_forms("CNY", MONEY, "yuan", "renminbi", "chinese yuan", "rmb", "元"),
    **_forms("CRC", MONEY, "₡"), **_forms("GEL", MONEY, "₾"), **_forms("LAK", MONEY, "₭"),
    **_forms("NGN", MONEY, "₦", "naira"), **_forms("PHP", MONEY, "₱"), **_forms("TRY", MONEY, "₺"),
    **_forms("RUB", MONEY, "rubles", "ruble", "roubles", "rouble"),
    **_forms("UAH", MONEY, "hryvnias", "hryvnia", "hryvnas", "hryvnya"),
    **_forms("INR", MONEY, "rupees", "rupee"),
    **_forms("CAD", MONEY, "canadian dollars"),
    **_forms("AUD", MONEY, "australian dollars"),
    **_forms("mm", MEASURE, "mm", "millimetres", "millimeters", "millimetre", "millimeter"),
    **_forms("cm", MEASURE, "cm", "centimetres", "centimeters", "centimetre", "centimeter"),
    **_forms("m", MEASURE, "metres", "meters", "metre", "meter"),
    **_forms("km", MEASURE, "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer"),
    **_forms("km2", MEASURE, "km2", "km²", "sq km", "square kilometres", "square kilometers"),
    **_forms("mi", MEASURE, "miles", "mile"),
    **_forms("mi2", MEASURE, "square miles"),
    **_forms("nmi", MEASURE, "nautical miles"),
    **_forms("ft", MEASURE, "feet", "foot", "ft"),
    **_forms("in", MEASURE, "inches", "inch"),
    **_forms("yd", MEASURE, "yards", "yard"),
    **_forms("kg", MEASURE, "kg", "kilograms", "kilogram", "kilogrammes", "kilos", "kilo"),
    **_forms("g", MEASURE, "grams", "gram"),
    **_forms("lb", MEASURE, "lb", "lbs", "pounds", "pound"),
    **_forms("ton", MEASURE, "tons", "ton", "tonnes", "tonne", "metric tons"),
    **_forms("kW", MEASURE, "kw", "kilowatts", "kilowatt"),
    **_forms("MW", MEASURE, "mw", "megawatts", "megawatt"),
    **_forms("GW", MEASURE, "gw", "gigawatts", "gigawatt"),
    **_forms("kWh", MEASURE, "kwh"),
    **_forms("MWh", MEASURE, "mwh"),
    **_forms("GWh", MEASURE, "gwh"),
    **_forms("TWh", MEASURE, "twh"),
    **_forms("magnitude", MEASURE, "magnitude"),
    **_forms("degree", MEASURE, "degrees", "degree", "°"),
    **_forms("°C", MEASURE, "°c", "degrees celsius", "degrees centigrade"),
    **_forms("°F", MEASURE, "°f", "degrees fahrenheit"),
    **_forms("barrel", MEASURE, "barrels", "barrel"),
    **_forms("barrel/day", MEASURE, "bpd", "barrels per day", "barrels a day"),
    **_forms("ha", MEASURE, "hectares", "hectare", "ha"),
    **_forms("acre", MEASURE, "acres", "acre"),
    **_forms("l", MEASURE, "litres", "liters", "litre", "liter"),
    **_forms("gal", MEASURE, "gallons", "gallon"),
    **_forms("km/h", MEASURE, "km/h", "kph"),
    **_forms("mph", MEASURE, "mph"),
    **_forms("kn", MEASURE, "knots"),
    **_forms("second", DURATION, "seconds", "second", "secs", "sec"),
    **_forms("minute", DURATION, "minutes", "minute", "mins", "min"),
    **_forms("hour", DURATION, "hours", "hour", "hrs", "hr"),
    **_forms("day", DURATION, "days", "day"),
    **_forms("week", DURATION, "weeks", "week", "wks"),
    **_forms("month", DURATION, "months", "month"),
    **_forms("year", DURATION, "years", "year", "yrs"),
    **_forms("decade", DURATION, "decades", "decade"),
    **_forms("century", DURATION, "centuries", "century"),
}
TIME_UNITS: tuple[str, ...] = tuple(k for k, (q, _) in UNITS.items() if q == DURATION)
# Words between a number and its time unit that leave the length alone: "two more years".
TIME_UNIT_FILLERS: tuple[str, ...] = ("more", "additional", "extra", "further", "less", "fewer")
# The length of each time unit, in seconds or in months (exact within each family), so
# that "2 years and 3 months" is 27 months and "an hour and a half" 90 minutes.
UNIT_SECONDS: dict[str, int] = {
    "second": 1, "minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800}
UNIT_MONTHS: dict[str, int] = {"month": 1, "year": 12, "decade": 120, "century": 1_200}
# Months and longer in days, only for adding them to shorter units ("1 year, 2 days").
LONG_UNIT_DAYS: dict[str, int] = {"month": 30, "year": 365, "decade": 3_650, "century": 36_500}
# Fractions that follow a number and "and" before a time unit: "one and three quarters hours".
UNIT_FRACTIONS: dict[str, Decimal] = {
    "half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25")}
AGE_UNITS: tuple[str, ...] = ("years", "year", "months", "month", "weeks", "week", "days", "day")

# Words that can open a phrase before its number (besides number words, months, hedges).
OPENERS: tuple[str, ...] = (
    "between", "from", "as", "aged", "point", "age", "ages", "magnitude", "half", "quarter", "http", "https", "www",
    *NEGATIVES, *ZERO_WORDS, "percent", "percents", "per", "pct", "percentage",  # percent of 10
    *sorted({k.split()[0] for k in VAGUE_AMOUNTS} - {"a"}),  # several, dozens, tens, ...
)
# Number words that anchor a phrase ("one" alone is a determiner, so it is not here;
# "half" anchors "half an hour" and "an hour and a half").
CORE_WORDS: tuple[str, ...] = tuple(
    w for w in (*SMALL_WORDS, *TENS_WORDS, *SCALES, *VAGUE_NEED_OF, *ZERO_WORDS, *PAIR_WORDS, "half")
    if w != "one")
