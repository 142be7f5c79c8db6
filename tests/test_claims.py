"""Claims on real sentences: what is counted, topic, role, who asserts it, when."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.claims import extract_claims
from claimcheck.corpus import build_document
from timing import least_time

CASES = json.loads((Path(__file__).parent / "cases" / "claims.json").read_text(encoding="utf-8"))


def _observed(claim, keys):
    a = claim.attribution
    fields = {
        "text": claim.text,
        "counted": claim.counted,
        "topic": claim.topic,
        "role": claim.role,
        "quantity": claim.quantity,
        "attribution": a.source if a else None,
        "via": a.via if a else None,
        "pronoun": a.pronoun if a else None,
        "time": claim.time.text if claim.time else None,
    }
    return {k: fields[k] for k in keys}


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_claims_in_real_sentences(case):
    doc = build_document("case.txt", None, case["text"])
    claims = extract_claims(doc)
    assert [c.text for c in claims] == [e["text"] for e in case["expect"]]
    for claim, expected in zip(claims, case["expect"]):
        assert _observed(claim, expected.keys()) == expected


def test_time_references_resolve_against_the_publication_date():
    doc = build_document("a.txt", None, "April 28, 2025\n\nSouth Korean officials said North Korea sent at least 10,000 soldiers last fall.")
    (claim,) = extract_claims(doc)
    assert claim.time.resolved.start == dt.date(2024, 9, 1)
    assert claim.time.resolved.end == dt.date(2024, 11, 30)


def test_undated_documents_keep_time_references_as_text():
    doc = build_document("a.txt", None, "Officials said North Korea sent at least 10,000 soldiers last fall.")
    (claim,) = extract_claims(doc)
    assert claim.time.text == "last fall" and claim.time.resolved is None


def test_claims_carry_provenance(tmp_path):
    text = "Intro line\n\nOfficials said 300 troops died. Others said 400 troops died."
    doc = build_document("a.txt", None, text)
    claims = extract_claims(doc)
    assert [c.id for c in claims] == ["a.txt:27", "a.txt:56"]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text
        a = claim.attribution
        assert text[a.start : a.end] == a.source and text[a.verb_start : a.verb_end] == a.verb == "said"
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end


def test_furniture_is_left_out_unless_asked():
    text = "Some 300 troops died, officials said.\nRelated Articles\nOther story: 477 drones were launched."
    doc = build_document("a.txt", None, text)
    assert [c.text for c in extract_claims(doc)] == ["Some 300"]
    assert [c.text for c in extract_claims(doc, keep_boilerplate=True)] == ["Some 300", "477"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
@example("1/2 point 24")  # a fraction with a decimal tail
def test_extraction_never_raises_and_spans_slice_back(text):
    doc = build_document("x.txt", None, text)
    for claim in extract_claims(doc):
        assert doc.text[claim.start : claim.end] == claim.text
        assert doc.text[claim.sentence.start : claim.sentence.end] == claim.sentence.text
        low, high = claim.value.low, claim.value.high
        assert low is None or high is None or low <= high


NEWSY = st.lists(
    st.sampled_from([
        "about", "at least", "some", "up to", "14,000", "11,000-12,000", "thousands", "of", "them",
        "troops", "soldiers", "died", "killed", "said", "according to", "officials", ",", ".", "\u201c",
        "\u201d", "he", "told", "the BBC", "last year", "on Saturday", "in January", "two", "dozens",
        "\n", "Related Articles", "$3bn", "5%", "120 mm", "1.3 million", "and",
    ]),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(NEWSY)
def test_extraction_on_news_like_word_salad(text):
    doc = build_document("x.txt", None, "April 28, 2025\n" + text)
    for claim in extract_claims(doc):
        assert doc.text[claim.start : claim.end] == claim.text
        if claim.time and claim.time.resolved:
            assert claim.time.resolved.start <= claim.time.resolved.end


@pytest.mark.parametrize("shape", ["{} troops", "{}"])
def test_a_sentence_with_thousands_of_numbers_stays_linear(shape):
    def sentence(n):
        return "Officials said " + ", ".join(shape.format(i * 7 + 10) for i in range(n)) + "."

    small, large = build_document("a.txt", None, sentence(250)), build_document("b.txt", None, sentence(2_000))
    assert len(extract_claims(large)) > 1_900
    small_time = least_time(lambda: extract_claims(small), clock=time.process_time)
    ratio = least_time(lambda: extract_claims(large), enough=24 * small_time, clock=time.process_time) / small_time
    assert ratio < 24, ratio  # 8x the numbers: linear is ~8x, quadratic ~64x


def test_offsets_survive_letters_whose_case_folding_is_longer():
    text = "In der Straße, and 300 troops died last year, according to Großbritannien officials."
    (claim,) = extract_claims(build_document("a.txt", None, text))
    assert claim.attribution.verb == "according to"
    assert text[claim.attribution.start : claim.attribution.end] == claim.attribution.source
    assert claim.time.text == "last year"
