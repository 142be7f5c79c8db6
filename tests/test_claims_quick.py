"""The quick tests of claims.py and lexicon.py agree with the rules they stand in for."""

from __future__ import annotations

from claimcheck import claims
from claimcheck.corpus import build_document, load_corpus
from claimcheck.lexicon import default_lexicon
from claimcheck.models import INCREMENT, COUNT, NumberPhrase, Value
from claimcheck.text import Token, words

ODD_CASES = "Straße İstanbul ΣΊΣΥΦΟΣ ǅemal ﬁve ŉ Kelvin’s troops’ ſoldiers Ǆ ᾈ"


def _sentence_tokens():
    for doc in load_corpus().documents:
        for sentence in claims.document_sentences(doc, keep_boilerplate=True):
            yield words(doc.text, sentence.start, sentence.end)
    yield words(ODD_CASES, 0, len(ODD_CASES))


def test_word_lowers_are_case_folded():
    """Outcome verbs are looked up with the words' ``lower`` as it is: it must be what
    ``Lexicon.verb_topic`` would make of it."""
    for tokens in _sentence_tokens():
        for tok in tokens:
            assert tok.lower.casefold() == tok.lower, tok


def _reference_lexicon_noun(lex, tokens, end):
    """claims._lexicon_noun as the rule reads: the longest lexicon noun ending at token ``end``."""
    for size in range(min(lex.longest_noun, end), 0, -1):
        if lex.noun_topic(tuple(t.lower for t in tokens[end - size : end])):
            return list(tokens[end - size : end])
    return None


def test_lexicon_noun_is_the_longest_noun_topic_match():
    lex = default_lexicon()
    text = "the 300 land mine removal workers, civilians and North Korean troops’ casualties"
    extra = [words(text, 0, len(text))]
    for tokens in [*_sentence_tokens(), *extra]:
        for end in range(len(tokens) + 1):
            assert claims._lexicon_noun(lex, tokens, end) == _reference_lexicon_noun(lex, tokens, end)


def test_every_total_verb_passes_the_quick_test():
    lex = default_lexicon()
    for verb in lex.roles["total_verbs"]:
        # "those additional troops may total about 4,000": the quick test lets it through
        text = f"Those additional troops {verb} 4,000."
        at = text.index("4,000")
        phrase = NumberPhrase(at, at + 5, "4,000", Value(4000, 4000), COUNT)
        tokens = words(text, 0, len(text))
        before = [t for t in tokens if t.end <= at]
        after = [t for t in tokens if t.start >= phrase.end]
        assert claims._role(text, lex, phrase, None, None, before, after)[0] == INCREMENT, verb


def test_role_leads_still_read_as_roles():
    doc = build_document("case.txt", None, "Officials said 14,000 troops were sent, including 3,000 marines, "
                                           "and another 2,000 soldiers, with an additional 500 sailors.")
    roles = [(c.text, c.role, c.notes) for c in claims.extract_claims(doc)]
    assert roles[1][1] == "part" and roles[2][1] == INCREMENT and roles[3][2] == ('described as "an additional"',)


def test_tokens_are_token_tuples():
    """_SentenceContext bisects tokens on their first two fields."""
    assert Token._fields[:2] == ("start", "end")
