"""Number suites: Recognizers-Text number, percent, currency, dimension and age specs, and
Duckling's numeral, money and duration corpora, against ``find_number_phrases``.

Values: a suite's number is compared with ours as a decimal, equal to 12 significant
digits (Recognizers-Text writes 1/3 as ``0.333333333333333``). Ours must be one exact
number unless the suite expects a bound or an interval (Duckling's "no more than 7
euros" is ``(None, 7)``). Money must also have the same currency: an ISO code equal to
ours, or a generic name ("Dollar", Duckling's ``$``) that covers ours ("USD", "CAD").
Durations compare as seconds (a month is 30 days, a year 365). Only phrases of the
suite's own dimension are collected (a year is not an extra in a money suite), except in
the plain-number suites, where every number phrase counts.

Hedges: Recognizers-Text's unit models (currency, dimension, age, percent) leave a
modifier out of the span ("about $ 14 million" gives "$ 14 million", 14000000), while
our phrases keep it. For those suites a phrase that opens with an *approximating* hedge
("about", "an estimated") is offered without it; its value must still equal the suite's.
A bounding hedge ("more than") is kept: it changes the value, so such a case fails.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from claimcheck.models import AGE, DURATION, MEASURE, MONEY, PERCENT, NumberPhrase
from claimcheck.numbers import find_number_phrases
from claimcheck.number_tables import APPROX, HEDGES

from .scoring import Case, CaseSuite, Expected, Found

# Recognizers-Text and Duckling currency names -> the ISO codes they cover.
DOLLARS = frozenset({"USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD"})
CURRENCY_NAMES: dict[str, frozenset[str]] = {
    "dollar": DOLLARS, "$": DOLLARS, "united states dollar": frozenset({"USD"}),
    "pound": frozenset({"GBP", "EGP", "LBP"}), "£": frozenset({"GBP"}),
    "euro": frozenset({"EUR"}), "chinese yuan": frozenset({"CNY"}), "japanese yen": frozenset({"JPY"}),
    "canadian dollar": frozenset({"CAD"}), "australian dollar": frozenset({"AUD"}),
    "hong kong dollar": frozenset({"HKD"}), "swiss franc": frozenset({"CHF"}),
    "franc": frozenset({"CHF", "FRF", "BEF"}), "rupee": frozenset({"INR", "LKR", "PKR"}),
    "peseta": frozenset({"ESP"}), "netherlands guilder": frozenset({"NLG"}),
    "finnish markka": frozenset({"FIM"}),
}
# Subunits a suite names as their own currency; we read them as a fraction of the main unit.
SUBUNITS: dict[str, tuple[Decimal, frozenset[str]]] = {
    "cent": (Decimal("0.01"), DOLLARS | {"EUR"}),
    "pence": (Decimal("0.01"), frozenset({"GBP"})), "penny": (Decimal("0.01"), frozenset({"GBP"})),
}
SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
           "month": 30 * 86400, "quarter": 91 * 86400, "year": 365 * 86400}


def _decimal(value: Any) -> Optional[Decimal]:
    try:
        return Decimal(str(value).rstrip("%"))
    except InvalidOperation:
        return None


def _close(a: Optional[Decimal], b: Optional[Decimal]) -> bool:
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= scale * Decimal("1e-12")


def _bounds(phrase: NumberPhrase) -> tuple[Optional[Decimal], Optional[Decimal]]:
    low, high = phrase.value.low, phrase.value.high
    return (None if low is None else Decimal(str(low)), None if high is None else Decimal(str(high)))


def _found(text: str, kinds: Optional[frozenset[str]]) -> list[Found]:
    return [Found(p.start, p.end, p.text, p) for p in find_number_phrases(text)
            if kinds is None or p.quantity in kinds]


_APPROX_HEDGES = sorted((h for h, how in HEDGES.items() if how == APPROX), key=len, reverse=True)


def _unhedged(found: list[Found]) -> list[Found]:
    """Each phrase without a leading approximating hedge, as Recognizers-Text spans it."""
    out = []
    for f in found:
        words = f.text.casefold().split()
        hedge = next((h for h in _APPROX_HEDGES if words[:len(h.split())] == h.split()), None)
        if hedge is not None and len(words) > len(hedge.split()):
            skip = len(f.text) - len(f.text.split(None, len(hedge.split()))[-1])
            f = Found(f.start + skip, f.end, f.text[skip:], f.value)
        out.append(f)
    return out


def _exact(exp: Expected, found: Found) -> bool:
    low, high = _bounds(found.value)
    return _close(low, exp.value) and _close(high, exp.value)


def _show(value: Any) -> str:
    if isinstance(value, NumberPhrase):
        low, high = _bounds(value)
        span = f"{low}" if low == high else f"[{low}, {high}]"
        return f"{value.quantity} {span}{' ' + value.unit if value.unit else ''}"
    return str(value)


# ---------------------------------------------------------------- Recognizers-Text

def _rt_case(kind_of) -> Any:
    def load(row: dict) -> Case:
        expected = tuple(Expected(e["start"], e["end"], e["text"], kind_of(e)[0], kind_of(e)[1])
                         for e in row["expected"])
        return Case(row["id"], row["text"], expected)
    return load


def _rt_plain(e: dict) -> tuple[Any, str]:
    return _decimal(e["value"]), e.get("subtype") or e["type"]


def _rt_money(e: dict) -> tuple[Any, str]:
    unit = e.get("unit", "")
    return (_decimal(e["value"]), e.get("isoCurrency") or unit.casefold()), "currency"


def _rt_unit(e: dict) -> tuple[Any, str]:
    return (_decimal(e["value"]), e.get("unit", "")), e.get("subtype") or e["type"]


def _same_money(exp: Expected, found: Found) -> bool:
    amount, currency = exp.value
    phrase: NumberPhrase = found.value
    low, high = _bounds(phrase)
    ours = phrase.unit or ""
    if currency.casefold() in SUBUNITS:
        part, codes = SUBUNITS[currency.casefold()]
        return ours in codes and _close(low, amount * part) and _close(high, amount * part)
    codes = CURRENCY_NAMES.get(currency.casefold(), frozenset({currency.upper()}))
    return ours in codes and _close(low, amount) and _close(high, amount)


def _same_unit_amount(exp: Expected, found: Found) -> bool:
    """Dimension and age: the amount; the unit name is the suite's own vocabulary."""
    low, high = _bounds(found.value)
    return _close(low, exp.value[0]) and _close(high, exp.value[0])


# ---------------------------------------------------------------- Duckling

def _duckling_case(kind: str):
    def load(row: dict) -> Case:
        expected = tuple(Expected(e["start"], e["end"], e["text"], e["value"], kind) for e in row["expected"])
        return Case(row["id"], row["text"], expected, "latent" if row.get("latent") else "all")
    return load


def _duckling_number(exp: Expected, found: Found) -> bool:
    low, high = _bounds(found.value)
    value = _decimal(exp.value["value"])
    return _close(low, value) and _close(high, value)


def _duckling_money(exp: Expected, found: Found) -> bool:
    v = exp.value
    phrase: NumberPhrase = found.value
    low, high = _bounds(phrase)
    if v["type"] == "interval":
        unit = (v.get("from") or v.get("to"))["unit"]
        want = (_decimal(v["from"]["value"]) if "from" in v else None,
                _decimal(v["to"]["value"]) if "to" in v else None)
        amounts_agree = _close(low, want[0]) and _close(high, want[1])
    else:
        unit = v["unit"]
        amounts_agree = _close(low, _decimal(v["value"])) and _close(high, _decimal(v["value"]))
    if unit == "unknown":  # "42 bucks": any currency
        return amounts_agree
    if unit.casefold() in SUBUNITS:
        part, codes = SUBUNITS[unit.casefold()]
        cents = _decimal(v["value"]) * part
        return phrase.unit in codes and _close(low, cents) and _close(high, cents)
    return amounts_agree and phrase.unit in CURRENCY_NAMES.get(unit.casefold(), frozenset({unit.upper()}))


def _duckling_duration(exp: Expected, found: Found) -> bool:
    phrase: NumberPhrase = found.value
    low, high = _bounds(phrase)
    if low is None or low != high or phrase.unit not in SECONDS:
        return False
    want = Decimal(exp.value["value"]) * SECONDS[exp.value["unit"]]
    return _close(low * SECONDS[phrase.unit], want)


SUITES = (
    CaseSuite("rt_number", "rt_number.jsonl", "Recognizers-Text English numbers",
              _rt_case(_rt_plain), lambda c: _found(c.text, None), _exact, target=90.0, show=_show),
    CaseSuite("rt_percent", "rt_percent.jsonl", "Recognizers-Text English percentages",
              _rt_case(_rt_plain), lambda c: _unhedged(_found(c.text, frozenset({PERCENT}))), _exact, target=85.0, show=_show),
    CaseSuite("rt_currency", "rt_currency.jsonl", "Recognizers-Text English currency amounts",
              _rt_case(_rt_money), lambda c: _unhedged(_found(c.text, frozenset({MONEY}))), _same_money, target=85.0, show=_show),
    CaseSuite("rt_dimension", "rt_dimension.jsonl", "Recognizers-Text English dimensions (length, weight, ...)",
              _rt_case(_rt_unit), lambda c: _unhedged(_found(c.text, frozenset({MEASURE}))), _same_unit_amount, show=_show),
    CaseSuite("rt_age", "rt_age.jsonl", "Recognizers-Text English ages",
              _rt_case(_rt_unit), lambda c: _unhedged(_found(c.text, frozenset({AGE}))), _same_unit_amount, show=_show),
    CaseSuite("duckling_numeral", "duckling_numeral.jsonl", "Duckling English numerals",
              _duckling_case("numeral"), lambda c: _found(c.text, None), _duckling_number, target=90.0, show=_show),
    CaseSuite("duckling_money", "duckling_amount_of_money.jsonl", "Duckling English amounts of money",
              _duckling_case("money"), lambda c: _found(c.text, frozenset({MONEY})), _duckling_money, show=_show),
    CaseSuite("duckling_duration", "duckling_duration.jsonl", "Duckling English durations",
              _duckling_case("duration"), lambda c: _found(c.text, frozenset({DURATION})), _duckling_duration,
              target=85.0, show=_show),
)
