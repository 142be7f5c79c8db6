"""Who asserts a number: "according to X", "X said ...", "..., X said", quoted speech.

Attribution is read from the claim's own sentence; a quotation takes the attribution
that introduces or closes it, and a pronoun ("he told ...") is resolved to the named
source of one of the few sentences before it. Nothing is borrowed from further away.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter
from typing import Optional, Sequence

from .lexicon import Lexicon
from .models import Attribution, Sentence
from .text import DETERMINERS, SentenceWords, Token, line_bounds, may_open_quotation, quote_spans
from .vocab import MONTHS, WEEKDAYS, ascii_lower

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
# "the first time Russia acknowledged", "every time officials said": "time" after one of
# these opens a clause of its own (an unwritten "when"), so a subject walked back from
# that clause's verb ends there.
_TIME_CLAUSE_LEADS = frozenset("first last second third next only every each this".split())
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
_PUNCT_STOP = frozenset(",;:()[]“”\"—–")
_ACCORDING_STOP = frozenset(";:()—")  # punctuation that ends the source named after "according to"
_INVERSION_MARKS = frozenset(",”\"’")  # what stands before an inverted "..., said X" or "..., X said"
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
    return not _PUNCT_STOP.isdisjoint(text[a:b])


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
        if prev.lower in ("time", "times") and i >= 2 and tokens[i - 2].lower in _TIME_CLAUSE_LEADS:
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
    lowered = ascii_lower(sentence.text)  # same length: offsets into it are offsets into the text
    for prefix in lex.attribution_prefixes:
        at = lowered.find(prefix + " ")
        while at > 0 and lowered[at - 1].isalnum():  # "exciting" is not "citing"
            at = lowered.find(prefix + " ", at + 1)
        if at < 0:
            continue
        start = sentence.start + at + len(prefix) + 1
        first = bisect_left([t.start for t in sentence_tokens], start)
        tokens = sentence_tokens[first : first + 15]
        k = 0
        while k < len(tokens) and k < 15:
            tok = tokens[k]
            if k and tok.lower in _CLAUSE_WORDS - {"and"}:
                break
            gap = text[tokens[k - 1].end : tok.start] if k else ""
            if k and not _ACCORDING_STOP.isdisjoint(gap):
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


def _names_someone(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    """Whether a subject ``span`` names someone (is not only determiners)."""
    return not all(tokens[k].lower in DETERMINERS for k in range(*span))


def _said_x(text: str, tokens: Sequence[Token], v: int) -> Optional[_Found]:
    """The inverted form after a comma or quote: "..., said Fyodor Tertitskiy"."""
    before = text[tokens[v - 1].end : tokens[v].start] if v else ""
    if _INVERSION_MARKS.isdisjoint(before):
        return None
    k = v + 1
    while k < len(tokens) and k - v <= 6 and not _gap_has_stop(text, tokens[k - 1].end, tokens[k].start):
        k += 1
    if k > v + 1:
        return _Found(text[tokens[v + 1].start : tokens[k - 1].end], tokens[v + 1].start, tokens[k - 1].end,
                      tokens[v].start, tokens[v].end)
    return None


_UNREAD = object()  # an answer not yet worked out (None is an answer)
_LOWER = itemgetter(3)  # Token.lower, in C


class _SentenceVerbs:
    """The speech verbs of one sentence and what each can attribute, so that each
    number in a long sentence costs a lookup rather than a rescan. Each part is worked
    out when first asked for: a sentence that names its source "according to" someone
    needs no verbs, and one whose numbers follow a verb with a subject (or whose last
    verb stands before them) needs no inverted forms."""

    __slots__ = ("text", "sentence", "tokens", "lex", "_according", "_verbs", "_verb_ends",
                 "_inverted", "_inverted_starts", "_before", "_subjects")

    def __init__(self, text: str, sentence: Sentence, tokens: Sequence[Token], lex: Lexicon) -> None:
        self.text, self.sentence, self.tokens, self.lex = text, sentence, tokens, lex
        self._according: object = _UNREAD
        self._verbs: Optional[list[int]] = None  # token indexes of speech verbs
        self._verb_ends: list[int] = []
        self._inverted: Optional[list[tuple[int, Optional[_Found], Optional[int], Optional[_Found]]]] = None
        self._inverted_starts: list[int] = []
        self._before: dict[int, Optional[tuple[int, tuple[int, int]]]] = {}
        self._subjects: dict[int, Optional[tuple[int, int]]] = {}  # verb -> _subject_before's span

    @property
    def according(self) -> Optional[_Found]:
        """The source named "according to", "citing", ... anywhere in the sentence."""
        if self._according is _UNREAD:
            self._according = _according_to(self.text, self.sentence, self.tokens, self.lex)
        return self._according  # type: ignore[return-value]

    @property
    def verbs(self) -> list[int]:
        """Token indexes of the speech verbs."""
        if self._verbs is None:
            tokens, lex = self.tokens, self.lex
            # Only the few words in the verb list are tried further; the test is made
            # word by word in C (most sentences hold no such word, or one).
            listed = compress(count(), map(lex.attribution_verbs.__contains__, map(_LOWER, tokens)))
            self._verbs = [v for v in listed if _is_verb(tokens, v, lex)]
            self._verb_ends = [tokens[v].end for v in self._verbs]
        return self._verbs

    def _subject(self, v: int) -> Optional[tuple[int, int]]:
        """``_subject_before`` verb ``v``, worked out once for both of its readers."""
        if v not in self._subjects:
            self._subjects[v] = _subject_before(self.text, self.tokens, v, self.sentence.start)
        return self._subjects[v]

    def _inverted_forms(self) -> list[tuple[int, Optional[_Found], Optional[int], Optional[_Found]]]:
        """For each verb that has one: (verb, its "said X", where its subject starts, "..., X said")."""
        if self._inverted is None:
            text, sentence, tokens, lex = self.text, self.sentence, self.tokens, self.lex
            self._inverted = []
            for v in self.verbs:
                said = _said_x(text, tokens, v)
                span = self._subject(v)
                subject_start = lead_found = None
                if span is not None:
                    lead = text[max(sentence.start, tokens[span[0]].start - 3) : tokens[span[0]].start]
                    if not _INVERSION_MARKS.isdisjoint(lead):  # "..., the SBU said."
                        subject_start = tokens[span[0]].start
                        lead_found = _found(text, tokens, span, v, lex, sentence.end)
                if said or lead_found:
                    self._inverted.append((v, said, subject_start, lead_found))
                    self._inverted_starts.append(tokens[v].start)
        return self._inverted

    def before(self, position: int) -> Optional[_Found]:
        """The subject and verb of the last speech verb ending before ``position``;
        None when that verb is a passive "it has been reported"."""
        if not self.verbs:
            return None
        i = bisect_right(self._verb_ends, position) - 1
        resolved = self._resolve_before(i)
        if resolved is None:
            return None
        v, span = resolved
        return _found(self.text, self.tokens, span, v, self.lex, position)

    def _resolve_before(self, i: int) -> Optional[tuple[int, tuple[int, int]]]:
        """Walking left from verb ``i``: the first verb with a named subject, or None
        at a passive verb or the start of the sentence. Cached along the way."""
        walked = []
        result = None
        while i >= 0 and i not in self._before:
            walked.append(i)
            v = self._verbs[i]  # type: ignore[index]
            if _passive(self.tokens, v):
                break
            span = self._subject(v)
            if span and _names_someone(self.tokens, span):
                result = (v, span)
                break
            i -= 1
        else:
            result = self._before[i] if i >= 0 else None
        for k in walked:
            self._before[k] = result
        return result

    def after(self, position: int) -> Optional[_Found]:
        """The inverted forms after ``position``: "..., the SBU said." and "..., said X"."""
        verbs = self.verbs
        if not verbs or self.tokens[verbs[-1]].start < position:  # no verb after it: no inverted form
            return None
        inverted = self._inverted_forms()
        for k in range(bisect_left(self._inverted_starts, position), len(inverted)):
            _, said, subject_start, lead_found = inverted[k]
            if said:
                return said
            if subject_start > position:
                return lead_found
        return None

    def find(self, position: int) -> Optional[_Found]:
        """Who the sentence says asserts a number at ``position``."""
        return self.according or self.before(position) or self.after(position)


class AttributionFinder:
    """Finds attributions in one document, reusing sentence and quote analysis."""

    def __init__(self, sentence_words: SentenceWords, lexicon: Lexicon) -> None:
        self.text = sentence_words.text
        self.sentences = sentence_words.sentences
        self.words = sentence_words
        self.starts = [s.start for s in self.sentences]
        self.lex = lexicon
        self._quotes: dict[tuple[int, int], tuple[list[int], list[tuple[int, int]]]] = {}
        self._named: dict[int, Optional[str]] = {}
        self._verbs: dict[int, _SentenceVerbs] = {}

    def _sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def _sentence_verbs(self, index: int) -> _SentenceVerbs:
        if index not in self._verbs:
            self._verbs[index] = _SentenceVerbs(self.text, self.sentences[index], self.words[index], self.lex)
        return self._verbs[index]

    def _quotation_around(self, offset: int) -> Optional[tuple[int, int]]:
        """The quotation in ``offset``'s paragraph that holds it, if any."""
        key = line_bounds(self.text, offset)
        if not may_open_quotation(self.text, key[0], offset):  # the usual case: none opens before it
            return None
        if key not in self._quotes:
            spans = quote_spans(self.text, *key)
            self._quotes[key] = ([a for a, _ in spans], spans)
        opens, spans = self._quotes[key]
        i = bisect_left(opens, offset) - 1  # quotations do not overlap: only this one can hold it
        return spans[i] if i >= 0 and offset < spans[i][1] else None

    def find(self, sentence_index: int, position: int) -> Optional[Attribution]:
        """The attribution of a number at ``position`` in sentence ``sentence_index``."""
        found = self._sentence_verbs(sentence_index).find(position)
        if found is None:
            found = self._from_quotation(position)
        if found is None:
            return None
        return self._resolve_pronoun(found, sentence_index)

    def _from_quotation(self, position: int) -> Optional[_Found]:
        quotation = self._quotation_around(position)
        if quotation is None:
            return None
        open_at, close_at = quotation
        found = self._sentence_verbs(self._sentence_index(close_at)).after(close_at)
        if found:
            return found
        return self._sentence_verbs(self._sentence_index(open_at)).before(open_at)

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
            found = self._sentence_verbs(index).find(self.sentences[index].end)
            self._named[index] = found.source if found and found.source.casefold() not in PRONOUNS else None
        return self._named[index]
