"""claimcheck.render.json: a claim line written field by field is exactly what the
JSON encoder makes of ``claim_to_dict``."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from claimcheck.claims import extract_claims
from claimcheck.corpus import load_corpus
from claimcheck.models import Attribution, DateInterval, DateMention, Value
from claimcheck.render import json as render_json


def _expected(claim, ascii_only: bool) -> str:
    return render_json.dumps_record({"type": "claim", "data": render_json.claim_to_dict(claim)}, ascii_only)


def _claims():
    corpus = load_corpus()
    return [claim for doc in corpus.documents for claim in extract_claims(doc)]


@pytest.mark.parametrize("ascii_only", [False, True])
def test_claim_lines_are_what_the_encoder_writes(ascii_only):
    claims = _claims()
    assert claims
    for claim in claims:
        assert render_json.claim_record(claim, ascii_only) == _expected(claim, ascii_only)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_claim_lines_with_every_kind_of_value(ascii_only):
    claim = _claims()[0]
    mention = DateMention(3, 9, "in May “2025”", "relative", DateInterval(date(2025, 5, 1), date(2025, 5, 31), "month", "a note"),
                          future=True, anchor=date(2025, 6, 1), assumed=True)
    variants = [
        replace(claim, value=Value(2.5, math.inf, True, "range"), unit="%", counted=None, topic="é\n\"x\"",
                attribution=Attribution("Kim", 1, 4, "said", via="Yonhap", pronoun="he", verb_start=5, verb_end=9),
                time=mention, notes=("includes 3,000 troops", "‘quoted’")),
        replace(claim, value=Value(None, -math.nan, False), attribution=Attribution("Ł", 0, 1, "told"),
                time=replace(mention, resolved=None, anchor=None), notes=()),
        replace(claim, value=Value(-(2**70), 1e300)),
    ]
    for variant in variants:
        assert render_json.claim_record(variant, ascii_only) == _expected(variant, ascii_only)
