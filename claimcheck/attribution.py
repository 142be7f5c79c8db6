"""Who asserts a number: "according to X", "X said ...", "..., X said", quoted speech.

Attribution is read from the claim's own sentence; a quotation takes the attribution
that introduces or closes it, and a pronoun ("he told ...") is resolved to the named
source of one of the few sentences before it. Nothing is borrowed from further away.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from .lexicon import Lexicon
from .models import Attribution, Sentence
from .text import DETERMINERS, SentenceWords, Token, quote_spans, split_lines
from .vocab import MONTHS, WEEKDAYS

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})

# Words that may stand between a subject and its verb ("sources had previously informed").
_BETWEEN = frozenset(
    """had has have been was were is are would will may might could did does do also not
    never still already now earlier later again further first then once separately""".split()
)
_PASSIVE_AUX = frozenset("been was were is are be being".split())
# Words that end a subject when walking back from its verb.
_CLAUSE_WORDS = frozenset(
    """that which who whom whose when while as after before because but if or so than
    since where though although until whether and nor yet""".split()
)
# Report words that are often nouns: only verbs when not after a determiner or before "of".
_NOUN_LIKE = frozenset(
    "report reports estimate estimates claim claims notes states shows show puts put say count".split()
)
_NOUN_FOLLOWERS = frozenset("of about by from for".split())
# Where the object of "told"/"informed" ends.
_OBJECT_END = frozenset(
    """that on in last this next yesterday today earlier when after before during since
    at about as""".split()
)
_PUNCT_STOP = set(",;:()[]“”\"—–")
_MAX_SUBJECT = 12
PRONOUN_LOOKBACK = 4  # sentences


@dataclass
class _Found:
    source: str
    start: int
    end: int
    verb_start: int  # the speech verb, or the "according to" that names the source
    verb_end: int
    told: Optional[str] = None


def _gap_has_stop(text: str, a: int, b: int) -> bool:
    return any(ch in _PUNCT_STOP for ch in text[a:b])


def _is_verb(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    tok = tokens[i]
    if tok.lower not in lex.attribution_verbs:
        return False
    if tok.lower in _NOUN_LIKE:
        if i > 0 and tokens[i - 1].lower in DETERMINERS:
            return False
        if i + 1 < len(tokens) and tokens[i + 1].lower in _NOUN_FOLLOWERS:
            return False
    return True


def _subject_before(text: str, tokens: Sequence[Token], verb: int, floor: int) -> Optional[tuple[int, int]]:
    """Token range ``[i, j)`` of the subject that ends before token ``verb``."""
    j = verb
    while j > 0 and (tokens[j - 1].lower in _BETWEEN or tokens[j - 1].lower.endswith("ly") or _time_word(tokens, j - 1)):
        j -= 1
    i = j
    while i > 0 and tokens[i - 1].start >= floor and j - i < _MAX_SUBJECT:
        prev = tokens[i - 1]
        if _gap_has_stop(text, prev.end, tokens[i].start):
            break
        if prev.lower in _CLAUSE_WORDS:
            # "South Korean and Ukraine intelligence officials": "and" joins two modifiers.
            coordinated = prev.lower == "and" and i >= 2 and tokens[i - 2].text[:1].isupper() and tokens[i].text[:1].isupper()
            if not coordinated:
                break
        i -= 1
    return (i, j) if i < j else None


_TIME_WORDS = frozenset(
    [*WEEKDAYS, *MONTHS, "on", "in", "last", "this", "week", "month", "year", "yesterday", "today",
     "morning", "afternoon", "evening", "night", "tonight"]
)


def _time_word(tokens: Sequence[Token], k: int) -> bool:
    """A word of a time phrase between subject and verb: "The FAA on Friday announced"."""
    word = tokens[k].lower
    if word in ("in", "on"):  # only as the start of a time phrase: "on Friday", not "officials in Kyiv"
        return k + 1 < len(tokens) and tokens[k + 1].lower in _TIME_WORDS
    return word in _TIME_WORDS


def _object_after(text: str, tokens: Sequence[Token], verb: int, limit: int) -> Optional[str]:
    k = verb + 1
    while k < len(tokens) and tokens[k].end <= limit and k - verb <= 8:
        if tokens[k].lower in _OBJECT_END or _gap_has_stop(text, tokens[k - 1].end, tokens[k].start):
            break
        k += 1
    return text[tokens[verb + 1].start : tokens[k - 1].end] if k > verb + 1 else None


def _found(text: str, tokens: Sequence[Token], span: tuple[int, int], verb: int, lex: Lexicon, limit: int) -> _Found:
    i, j = span
    told = _object_after(text, tokens, verb, limit) if tokens[verb].lower in lex.telling_verbs else None
    return _Found(text[tokens[i].start : tokens[j - 1].end], tokens[i].start, tokens[j - 1].end,
                  tokens[verb].start, tokens[verb].end, told)


def _according_to(text: str, sentence: Sentence, sentence_tokens: Sequence[Token], lex: Lexicon) -> Optional[_Found]:
    lowered = sentence.text.casefold()
    for prefix in lex.attribution_prefixes:
        at = lowered.find(prefix + " ")
        while at > 0 and lowered[at - 1].isalnum():  # "exciting" is not "citing"
            at = lowered.find(prefix + " ", at + 1)
        if at < 0:
            continue
        start = sentence.start + at + len(prefix) + 1
        tokens = [t for t in sentence_tokens if t.start >= start]
        k = 0
        while k < len(tokens) and k < 15:
            tok = tokens[k]
            if k and tok.lower in _CLAUSE_WORDS - {"and"}:
                break
            gap = text[tokens[k - 1].end : tok.start] if k else ""
            if k and any(ch in ";:()—" for ch in gap):
                break
            if k and "," in gap and tok.text[:1].islower() and tok.lower not in {"and", "or"}:
                break
            k += 1
        if k:
            return _Found(text[tokens[0].start : tokens[k - 1].end], tokens[0].start, tokens[k - 1].end,
                          sentence.start + at, sentence.start + at + len(prefix))
    return None


def _passive(tokens: Sequence[Token], verb: int) -> bool:
    """"It's been widely reported that ...": a passive report names no claimant."""
    k = verb - 1
    while k >= 0 and (tokens[k].lower in _BETWEEN or tokens[k].lower.endswith("ly")):
        if tokens[k].lower in _PASSIVE_AUX:
            return True
        k -= 1
    return k >= 0 and tokens[k].lower in ("it's", "there's")


def _verb_before(text: str, sentence: Sentence, tokens: Sequence[Token], position: int, lex: Lexicon) -> Optional[_Found]:
    for v in range(len(tokens) - 1, -1, -1):
        if tokens[v].end > position or not _is_verb(tokens, v, lex):
            continue
        if _passive(tokens, v):
            return None
        span = _subject_before(text, tokens, v, sentence.start)
        if span and not all(tokens[k].lower in DETERMINERS for k in range(*span)):
            return _found(text, tokens, span, v, lex, position)
    return None


def _verb_after(text: str, sentence: Sentence, tokens: Sequence[Token], position: int, lex: Lexicon) -> Optional[_Found]:
    """The inverted forms: "..., the SBU said." and "..., said Fyodor Tertitskiy"."""
    for v in range(len(tokens)):
        if tokens[v].start < position or not _is_verb(tokens, v, lex):
            continue
        before = text[tokens[v - 1].end : tokens[v].start] if v else ""
        if any(ch in ",”\"’" for ch in before):  # ", said X"
            k = v + 1
            while k < len(tokens) and k - v <= 6 and not _gap_has_stop(text, tokens[k - 1].end, tokens[k].start):
                k += 1
            if k > v + 1:
                return _Found(text[tokens[v + 1].start : tokens[k - 1].end], tokens[v + 1].start, tokens[k - 1].end,
                              tokens[v].start, tokens[v].end)
        span = _subject_before(text, tokens, v, sentence.start)
        if span is None:
            continue
        lead = text[max(sentence.start, tokens[span[0]].start - 3) : tokens[span[0]].start]
        if any(ch in ",”\"’" for ch in lead) and tokens[span[0]].start > position:
            return _found(text, tokens, span, v, lex, sentence.end)
    return None


def _in_sentence(text: str, sentence: Sentence, tokens: Sequence[Token], position: int, lex: Lexicon) -> Optional[_Found]:
    return (
        _according_to(text, sentence, tokens, lex)
        or _verb_before(text, sentence, tokens, position, lex)
        or _verb_after(text, sentence, tokens, position, lex)
    )


class AttributionFinder:
    """Finds attributions in one document, reusing sentence and quote analysis."""

    def __init__(self, sentence_words: SentenceWords, lexicon: Lexicon) -> None:
        self.text = sentence_words.text
        self.sentences = sentence_words.sentences
        self.words = sentence_words
        self.starts = [s.start for s in self.sentences]
        self.lex = lexicon
        self._quotes: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._named: dict[int, Optional[str]] = {}
        self._lines = split_lines(self.text)
        self._line_starts = [line.start for line in self._lines]

    def _sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def _paragraph_quotes(self, offset: int) -> list[tuple[int, int]]:
        line = self._lines[max(0, bisect_right(self._line_starts, offset) - 1)]
        key = (line.start, line.end)
        if key not in self._quotes:
            self._quotes[key] = quote_spans(self.text, line.start, line.end)
        return self._quotes[key]

    def find(self, sentence_index: int, position: int) -> Optional[Attribution]:
        """The attribution of a number at ``position`` in sentence ``sentence_index``."""
        sentence = self.sentences[sentence_index]
        found = _in_sentence(self.text, sentence, self.words[sentence_index], position, self.lex)
        if found is None:
            found = self._from_quotation(position)
        if found is None:
            return None
        return self._resolve_pronoun(found, sentence_index)

    def _from_quotation(self, position: int) -> Optional[_Found]:
        for open_at, close_at in self._paragraph_quotes(position):
            if open_at < position < close_at:
                closing = self._sentence_index(close_at)
                found = _verb_after(self.text, self.sentences[closing], self.words[closing], close_at, self.lex)
                if found:
                    return found
                opening = self._sentence_index(open_at)
                return _verb_before(self.text, self.sentences[opening], self.words[opening], open_at, self.lex)
        return None

    def _resolve_pronoun(self, found: _Found, sentence_index: int) -> Attribution:
        pronoun = None
        source = found.source
        if found.source.casefold() in PRONOUNS:
            for back in range(sentence_index - 1, max(-1, sentence_index - 1 - PRONOUN_LOOKBACK), -1):
                named = self._named_source(back)
                if named:
                    pronoun, source = found.source, named
                    break
        return Attribution(source=source, start=found.start, end=found.end,
                           verb=self.text[found.verb_start : found.verb_end], via=found.told, pronoun=pronoun,
                           verb_start=found.verb_start, verb_end=found.verb_end)

    def _named_source(self, index: int) -> Optional[str]:
        """The non-pronoun source sentence ``index`` names, if any (cached)."""
        if index not in self._named:
            sentence = self.sentences[index]
            found = _in_sentence(self.text, sentence, self.words[index], sentence.end, self.lex)
            self._named[index] = found.source if found and found.source.casefold() not in PRONOUNS else None
        return self._named[index]
