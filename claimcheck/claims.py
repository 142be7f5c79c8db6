"""Document -> claims: each number phrase with what it counts, its topic, its role
among other figures, who asserts it and when it refers to."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Optional, Sequence

import regex

from .attribution import AttributionFinder
from .dates import find_date_mentions
from .lexicon import Lexicon, default_lexicon
from .models import CLAIM_QUANTITIES, COUNT, INCREMENT, PART, TOTAL, Claim, DateMention, Document, NumberPhrase, Sentence
from .numbers import find_number_phrases
from .text import DETERMINERS, SentenceWords, Token, clause_bounds, clause_breaks, kept_regions, split_sentences
from .vocab import looks_plural

# Where the search for a counted noun stops: verbs, prepositions and relatives that
# end the noun phrase a number starts ("11,000 troops WERE deployed", "300 OF ...").
_NP_END = frozenset(
    """were was had have has is are be been will would could may might did do does
    can should must shall
    to in on at for from with by into over after before since during than as who
    that which whose while when where if but or nor per via amid across against
    within without under near toward towards through""".split()
)
_PRONOUNS = frozenset("them they those these it".split())
_NOUN_WINDOW = 6  # words after the number in which the counted noun is looked for
_VERB_BEFORE = 3  # words before the number in which an outcome verb may stand ("killing 25")
_VERB_AFTER = 4  # words after the counted noun in which an outcome verb may stand
_ANTECEDENT_SENTENCES = 2
# How many words either side of a number the rules above can reach: the partitive
# "of the ..." before the noun window, the noun window, and the verb after it; and
# before the number, "total" with the six words of its subject. Slicing only this
# much keeps a sentence with thousands of numbers linear.
_AFTER_REACH = 32
_BEFORE_REACH = 8


def document_sentences(doc: Document, keep_boilerplate: bool = False) -> list[Sentence]:
    """The sentences claims are read from: article text only, unless asked otherwise."""
    regions = [(0, len(doc.text))] if keep_boilerplate else kept_regions(len(doc.text), doc.boilerplate)
    return [s for start, end in regions for s in split_sentences(doc.text, start, end)]


class DocumentReading:
    """A document split once for every extractor: its article sentences, their words,
    who says what, and each sentence's dates resolved against one anchor (the
    document's publication date when none is given)."""

    def __init__(self, doc: Document, lexicon: Optional[Lexicon] = None, keep_boilerplate: bool = False,
                 anchor: Optional[dt.date] = None, anchor_assumed: bool = False) -> None:
        self.doc = doc
        self.lexicon = lexicon or default_lexicon()
        if anchor is None and doc.published:
            anchor, anchor_assumed = doc.published_date, False
        self.anchor, self.anchor_assumed = anchor, anchor_assumed
        self.sentences = document_sentences(doc, keep_boilerplate)
        self.words = SentenceWords(doc.text, self.sentences)
        self.attributions = AttributionFinder(self.words, self.lexicon)
        self._dates: dict[int, list[DateMention]] = {}
        self._breaks: dict[int, list[int]] = {}

    def dates(self, index: int) -> list[DateMention]:
        """The date and duration mentions of sentence ``index`` (found once)."""
        if index not in self._dates:
            sentence = self.sentences[index]
            self._dates[index] = find_date_mentions(self.doc.text, sentence.start, sentence.end,
                                                    anchor=self.anchor, assumed=self.anchor_assumed)
        return self._dates[index]

    def clause_breaks(self, index: int) -> list[int]:
        """Where the clause breaks of sentence ``index`` stand (found once)."""
        if index not in self._breaks:
            self._breaks[index] = clause_breaks(self.doc.text, self.sentences[index])
        return self._breaks[index]


def extract_claims(
    doc: Document,
    lexicon: Optional[Lexicon] = None,
    keep_boilerplate: bool = False,
    anchor: Optional[dt.date] = None,
    anchor_assumed: bool = False,
) -> list[Claim]:
    """Every count, money, percentage and measurement claim in ``doc``, in text order.

    Time references are resolved against ``anchor``, or the document's publication
    date when it is known; ``anchor_assumed`` marks them as resolved against an
    inferred date.
    """
    return claims_in(DocumentReading(doc, lexicon, keep_boilerplate, anchor, anchor_assumed))


def claims_in(reading: DocumentReading) -> list[Claim]:
    """The claims of a document already split into a ``DocumentReading``."""
    doc, lex = reading.doc, reading.lexicon
    nouns = _LastNouns(reading.words, lex)
    claims: list[Claim] = []
    for index, sentence in enumerate(reading.sentences):
        phrases = find_number_phrases(doc.text, sentence.start, sentence.end)
        if not phrases:  # most sentences hold no number
            continue
        wanted = [p for p in phrases if p.quantity in CLAIM_QUANTITIES]
        if not wanted:
            continue
        context = _SentenceContext(reading, index, sentence, phrases, nouns)
        for phrase in wanted:
            claims.append(_claim(doc, lex, context, phrase, reading.attributions.find(index, phrase.start)))
    return _link_parts(_coordinated_parts(doc.text, claims))


class _LastNouns:
    """For each sentence, the last lexicon noun among its first k words.

    Found by walking back from word k, and each answer on the way is kept, so a word
    is looked at once per sentence: finding the antecedent of "them" costs the same
    however many numbers the sentence holds, and a sentence whose last words hold a
    noun is not read to its start.
    """

    def __init__(self, sentence_words: SentenceWords, lex: Lexicon) -> None:
        self.words = sentence_words
        self.lex = lex
        self._last: dict[int, dict[int, Optional[list[Token]]]] = {}  # sentence -> {k: last noun in the first k words}

    def before(self, index: int, count: Optional[int] = None) -> Optional[list[Token]]:
        """The last lexicon noun in the first ``count`` words of sentence ``index`` (all by default)."""
        tokens = self.words[index]
        known = self._last.setdefault(index, {0: None})
        count = len(tokens) if count is None else count
        walked = []
        end = count
        while end not in known:  # the noun ending at the end-th word, else the one before it
            found = _lexicon_noun(self.lex, tokens, end)
            if found is not None:
                known[end] = found
                break
            walked.append(end)
            end -= 1
        for k in walked:
            known[k] = known[end]
        return known[count]


# Keys for bisecting lists of tokens (by their start or end) and of spans, in C.
_TOKEN_START, _TOKEN_END, _TOKEN_LOWER = itemgetter(0), itemgetter(1), itemgetter(3)
_SPAN_START, _SPAN_END = attrgetter("start"), attrgetter("end")


class _SentenceContext:
    """What every claim in one sentence is read against. The sentence's words, dates
    and clause breaks are each found once per sentence by the reading, the clause
    breaks only when a claim has dates to choose from; lists are searched by bisecting
    on a key rather than copied into columns."""

    __slots__ = ("reading", "index", "sentence", "tokens", "phrases", "dates", "nouns")

    def __init__(self, reading: DocumentReading, index: int, sentence: Sentence,
                 phrases: Sequence[NumberPhrase], nouns: _LastNouns) -> None:
        self.reading = reading
        self.index = index
        self.sentence = sentence
        self.tokens = reading.words[index]
        self.phrases = phrases
        self.dates = reading.dates(index)
        self.nouns = nouns

    @property
    def clause_breaks(self) -> list[int]:
        """Where the clause breaks stand (text.clause_breaks)."""
        return self.reading.clause_breaks(self.index)

    def before(self, phrase: NumberPhrase) -> tuple[int, list[Token]]:
        """(how many words end before the number, the last few of them)."""
        k = bisect_right(self.tokens, phrase.start, key=_TOKEN_END)
        return k, self.tokens[max(0, k - _BEFORE_REACH) : k]

    def after(self, phrase: NumberPhrase) -> list[Token]:
        """The first words after the number."""
        j = bisect_left(self.tokens, phrase.end, key=_TOKEN_START)
        return self.tokens[j : j + _AFTER_REACH]

    def in_number(self, tok: Token) -> bool:
        """Whether ``tok`` starts inside one of the sentence's number phrases."""
        i = bisect_right(self.phrases, tok.start, key=_SPAN_START) - 1
        return i >= 0 and tok.start < self.phrases[i].end

    def antecedent(self, words_before: int) -> Optional[list[Token]]:
        """The last lexicon noun before the number, else in the sentences before."""
        found = self.nouns.before(self.index, words_before)
        for back in range(self.index - 1, max(-1, self.index - 1 - _ANTECEDENT_SENTENCES), -1):
            found = found or self.nouns.before(back)
        return found


def _claim(doc: Document, lex: Lexicon, context: _SentenceContext, phrase: NumberPhrase, attribution) -> Claim:
    """The claim a number phrase makes."""
    text = doc.text
    words_before, before = context.before(phrase)
    after = context.after(phrase)
    if phrase.quantity == COUNT:
        counted, noun_tokens, notes = _counted_noun(text, lex, phrase, after, context, words_before)
        counted_words = counted.casefold().split() if counted else None  # read by the topic and the role
        topic = _count_topic(lex, phrase, counted_words, before, after, noun_tokens)
    else:
        counted, counted_words, notes = None, None, []
        topic = lex.quantity_topics.get(phrase.quantity)
    role, role_notes = _role(text, lex, phrase, counted, counted_words, before, after)
    time = _time_reference(text, context, phrase, attribution)
    return Claim(
        id=f"{doc.id}:{phrase.start}",
        doc=doc.id,
        part=doc.part_at(phrase.start),
        start=phrase.start,
        end=phrase.end,
        text=phrase.text,
        value=phrase.value,
        quantity=phrase.quantity,
        unit=phrase.unit,
        counted=counted,
        topic=topic,
        role=role,
        attribution=attribution,
        time=time,
        sentence=context.sentence,
        notes=tuple(notes + role_notes),
    )


# --- what is counted ----------------------------------------------------------------


def _counted_noun(text, lex, phrase, after, context, words_before):
    """(counted noun, its tokens, notes) of a count.

    The noun is the head of the noun phrase after the number: the last lexicon noun
    in it ("1,000 land mine removal WORKERS"), else its first plural-looking word.
    Pronouns ("thousands of them") and elided nouns ("at least 1,000 had been
    killed") take the nearest earlier lexicon noun in this sentence or the two before.
    """
    i = 0
    pronoun = None
    if after and after[0].lower == "of":  # partitive: "some 300 of Pyongyang's troops"
        i = 1
        while i < len(after) and (after[i].lower in DETERMINERS or after[i].lower.endswith("'s")):
            i += 1
        if i < len(after) and after[i].lower in _PRONOUNS:
            pronoun = after[i]
    run = [] if pronoun else _noun_phrase(text, lex, phrase, after[i:], context)
    best = None
    for end in range(len(run), 0, -1):  # the lexicon noun that ends last in the run
        best = _lexicon_noun(lex, run, end)
        if best:
            break
    if best:
        return text[best[0].start : best[-1].end], best, []
    plural = next((t for t in run if _looks_plural(t.text)), None)
    if plural is not None:
        return plural.text, [plural], []
    head = run[-1] if run else pronoun
    if head is not None and head is not pronoun:
        return head.text, [head], []
    antecedent = context.antecedent(words_before)
    if antecedent is None:
        return None, [], []
    noun = text[antecedent[0].start : antecedent[-1].end]
    note = f'counts "{noun}" (from "{head.text}")' if head else f'counts "{noun}" (noun left unsaid)'
    return noun, antecedent, [note]


def _noun_phrase(text, lex, phrase, after, context) -> list[Token]:
    """The words after a number up to where its noun phrase visibly ends."""
    run: list[Token] = []
    found_noun = False
    gap_start = phrase.end  # where the text between the last word taken and the next begins
    markers = lex.roles["increment_after"]
    for tok in after[:_NOUN_WINDOW]:
        lower = tok.lower
        gap = text[gap_start : tok.start]
        if (gap != " " and _ends_phrase(gap)) or lower in _NP_END or context.in_number(tok):
            break
        if run and lower == "of":
            break
        if lower.endswith("ing") and _lexicon_noun(lex, [tok]) is None:
            break  # a gerund or participle: "all four of conspiring", "troops fighting"
        if found_noun and (lower in ("and", "or") or lower.endswith(("ed", "ing"))):
            break  # "two soldiers and Seoul estimated", "troops deployed"
        if not run and lower in markers:
            continue  # "thousands more": the marker is not the noun
        run.append(tok)
        gap_start = tok.end
        found_noun = found_noun or _looks_plural(tok.text) or _lexicon_noun(lex, run) is not None
    return run


_PHRASE_STOPS = frozenset(",;:()“”\"—–")


def _ends_phrase(gap: str) -> bool:
    """Punctuation between two words that ends a noun phrase (a hyphen inside a word does not)."""
    return not _PHRASE_STOPS.isdisjoint(gap) or " -" in gap or "- " in gap


# A word's plural look, kept: the same few nouns follow the numbers of a corpus.
_looks_plural = lru_cache(maxsize=1 << 14)(looks_plural)


def _lexicon_noun(lex: Lexicon, tokens: Sequence[Token], end: Optional[int] = None) -> Optional[list[Token]]:
    """The longest lexicon noun that ends at ``tokens[end - 1]`` (default: the last token)."""
    end = len(tokens) if end is None else end
    if not end:
        return None
    head = lex.noun_head(tokens[end - 1].lower)
    if head is None:  # no counted noun ends with this word
        return None
    nouns = lex.nouns
    for size in range(min(lex.longest_noun, end), 0, -1):
        # lex.noun_topic() of the words, with the head's singular found once
        if nouns.get((*[t.lower for t in tokens[end - size : end - 1]], head)):
            return list(tokens[end - size : end])
    return None


# --- topic and role --------------------------------------------------------------------


def _count_topic(lex, phrase, counted_words, before, after, noun_tokens) -> Optional[str]:
    """A count's topic: an outcome verb's near the number ("killing 25", "25 were
    killed"), else its counted noun's."""
    verb_topic = _outcome_verb(lex, before[-_VERB_BEFORE:])
    if verb_topic is None:
        anchor_end = noun_tokens[-1].end if noun_tokens and noun_tokens[-1].start >= phrase.end else phrase.end
        first = bisect_left(after, anchor_end, key=_TOKEN_START)  # the words are in text order
        verb_topic = _outcome_verb(lex, after[first : first + _VERB_AFTER])
    if verb_topic:
        return verb_topic
    return lex.noun_topic(tuple(counted_words)) if counted_words is not None else None


def _outcome_verb(lex: Lexicon, window: Sequence[Token]) -> Optional[str]:
    """The topic of the longest outcome-verb phrase inside ``window``."""
    may_start = lex.verb_starts
    if may_start.isdisjoint(map(_TOKEN_LOWER, window)):  # the usual case
        return None
    lowered = [t.lower for t in window]  # case-folded already: looked up as they are
    starts = [i for i, word in enumerate(lowered) if word in may_start]
    verbs = lex.verbs
    for size in range(min(lex.longest_verb, len(lowered)), 0, -1):
        for i in starts:
            if i + size > len(lowered):
                break
            topic = verbs.get(tuple(lowered[i : i + size]))
            if topic:
                return topic
    return None


def _role(text, lex, phrase, counted, counted_words, before, after) -> tuple[str, list[str]]:
    roles = lex.roles
    lead = text[max(0, phrase.start - 40) : phrase.start].casefold().rstrip()
    if _ending_word(lead, roles["part_before"]) is not None:
        return PART, ["part of a larger figure"]
    if counted_words and counted_words[-1] in roles["increment_nouns"]:
        return INCREMENT, [f'described as "{counted}"']
    if after and after[0].lower in roles["increment_after"]:
        return INCREMENT, [f'described as "{after[0].text}"']
    if _ending_word(lead, roles["increment_before"]) is not None:
        return INCREMENT, ["described as added to an earlier figure"]
    if _subject_marks_increment(before, lex):
        return INCREMENT, ["the total of an additional group"]
    weak = _ending_word(lead, roles["weak_increment_before"])
    return TOTAL, ([f'described as "{weak}"'] if weak else [])


def _ends_with_word(lead: str, phrase: str) -> bool:
    return lead.endswith(phrase) and (len(lead) == len(phrase) or not lead[-len(phrase) - 1].isalnum())


def _ending_word(lead: str, phrases: tuple[str, ...]) -> Optional[str]:
    """The first of ``phrases`` that ends ``lead`` as whole words, if any."""
    if not lead.endswith(phrases):  # one test for the usual case, where none does
        return None
    return next((w for w in phrases if _ends_with_word(lead, w)), None)


def _subject_marks_increment(before: Sequence[Token], lex: Lexicon) -> bool:
    """"those additional troops may total about 4,000": the figure totals an increment."""
    if not before or before[-1].lower not in lex.total_verb_ends:  # the usual case: no "total" verb
        return False
    roles = lex.roles
    lowered = [t.lower for t in before]
    for size in (2, 1):
        if len(lowered) >= size and " ".join(lowered[-size:]) in roles["total_verbs"]:
            subject = lowered[: len(lowered) - size]
            return any(w in roles["increment_subject"] for w in subject[-6:])
    return False


_COORDINATION = regex.compile(r"^[\p{L}\p{N}\s'’-]{0,80}\s(?:and|as well as|plus)\s+$")


def _coordinated_parts(text: str, claims: list[Claim]) -> list[Claim]:
    """"5,000 construction workers and 1,000 mine removal workers": a list of
    sub-populations with one head noun; each is a part of their sum, not a rival."""
    out = list(claims)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        # (cheapest tests first; the claims of a sentence share its Sentence object)
        if a.topic != b.topic or not (a.counted and b.counted):
            continue
        if a.sentence is not b.sentence and a.sentence != b.sentence:
            continue
        if a.counted.split()[-1].casefold() != b.counted.split()[-1].casefold():
            continue
        if _COORDINATION.match(text[a.end : b.start]):
            for j, other in ((i, b), (i + 1, a)):
                out[j] = replace(out[j], role=PART, notes=out[j].notes + (f"listed with {other.text} {other.counted}",))
    return out


def _link_parts(claims: list[Claim]) -> list[Claim]:
    """Note on a figure that it is described as including a part ("14,000, including 3,000").

    A part belongs to the last figure before it in its sentence that is not a part.
    """
    out = list(claims)
    includes: dict[int, list[str]] = {}
    whole_at: Optional[int] = None
    for i, claim in enumerate(claims):
        # (the claims of a sentence share its Sentence object: most tests stop at "is not")
        if i and claims[i - 1].sentence is not claim.sentence and claims[i - 1].sentence != claim.sentence:
            whole_at = None
        if claim.role != PART:
            whole_at = i
            continue
        if whole_at is None:
            continue
        whole = claims[whole_at]
        includes.setdefault(whole_at, []).append(f"includes {claim.text} {claim.counted or ''}".strip())
        out[i] = replace(claim, notes=claim.notes + (f"included in {whole.text} {whole.counted or ''}".strip(),))
    for i, notes in includes.items():
        out[i] = replace(out[i], notes=out[i].notes + tuple(notes))
    return out


# --- when -------------------------------------------------------------------------------

def _time_reference(text, context: _SentenceContext, phrase, attribution) -> Optional[DateMention]:
    """The date expression that says when the figure applies: in its clause, or one
    that opens the sentence ("In January, ..."), but never the time of the statement
    itself ("said on Tuesday"). The nearest such date wins, the earlier on a tie."""
    dates = context.dates
    if not dates:
        return None

    def usable(mention: DateMention) -> bool:
        return not (attribution and _dates_the_statement(text, attribution, mention))

    # Mentions are sorted and do not overlap, so the ones inside the clause are a run.
    start, end = clause_bounds(context.sentence, phrase.start, context.clause_breaks)
    first, stop = bisect_left(dates, start, key=_SPAN_START), bisect_right(dates, end, key=_SPAN_END)
    split = min(max(bisect_left(dates, phrase.start, key=_SPAN_START), first), stop)
    candidates = [
        next((dates[k] for k in range(split - 1, first - 1, -1) if usable(dates[k])), None),  # nearest before
        next((dates[k] for k in range(split, stop) if usable(dates[k])), None),  # nearest at or after
    ]
    opener = dates[0]
    sentence = context.sentence
    if usable(opener) and not text[sentence.start : opener.start].strip(" \"“'‘") and text[opener.end : opener.end + 1] == ",":
        candidates.append(opener)
    candidates = [m for m in candidates if m is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (abs(m.start - phrase.start), m.start))


def _dates_the_statement(text: str, attribution, mention: DateMention) -> bool:
    """True for a date right after the attribution's verb: "said last week", "told lawmakers on Monday"."""
    verb_end = attribution.verb_end
    return verb_end is not None and verb_end <= mention.start and len(text[verb_end : mention.start].split()) <= 1
