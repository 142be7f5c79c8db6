"""claimcheck.attribution: its quick looks agree with the rules they stand in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import attribution as A
from claimcheck import text as T

_PIECES = st.sampled_from([
    "Kim", "said", "Pyongyang's", "Pyongyang’s", "14,000", "x", ". ", "\" ", "” ", "’ ", ") ",
    " ", "\t", "\n", "\r\n", "\r", "(", "[", "—", "–", "-", "“", "‘", "'", "\"", "’", "”", "é",
])
_texts = st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=500, deadline=None)
@given(text=_texts)
def test_no_quotation_opens_where_the_quick_look_finds_no_mark_that_may_open_one(text):
    for offset in range(len(text) + 1):
        start, end = T.line_bounds(text, offset)
        if not A._may_open_quotation(text, start, offset):
            assert all(opening >= offset for opening, _ in T.quote_spans(text, start, end))
