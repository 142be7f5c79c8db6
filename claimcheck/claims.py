"""Document -> claims: each number phrase with what it counts, its topic, its role
among other figures, who asserts it and when it refers to."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Optional, Sequence

import regex

from .attribution import AttributionFinder
from .dates import find_date_mentions
from .lexicon import Lexicon, default_lexicon
from .models import CLAIM_QUANTITIES, COUNT, INCREMENT, PART, TOTAL, Claim, DateMention, Document, NumberPhrase, Sentence
from .number_tables import IRREGULAR_PLURALS
from .numbers import find_number_phrases
from .text import DETERMINERS, SentenceWords, Token, clause_bounds, kept_regions, split_sentences

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


def document_sentences(doc: Document, keep_boilerplate: bool = False) -> list[Sentence]:
    """The sentences claims are read from: article text only, unless asked otherwise."""
    regions = [(0, len(doc.text))] if keep_boilerplate else kept_regions(len(doc.text), doc.boilerplate)
    return [s for start, end in regions for s in split_sentences(doc.text, start, end)]


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
    lex = lexicon or default_lexicon()
    if anchor is None and doc.published:
        anchor = dt.date.fromisoformat(doc.published.value)
    sentences = document_sentences(doc, keep_boilerplate)
    sentence_words = SentenceWords(doc.text, sentences)
    attributions = AttributionFinder(sentence_words, lex)
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        phrases = find_number_phrases(doc.text, sentence.start, sentence.end)
        wanted = [p for p in phrases if p.quantity in CLAIM_QUANTITIES]
        if not wanted:
            continue
        tokens = sentence_words[index]
        dates = find_date_mentions(doc.text, sentence.start, sentence.end, anchor=anchor, assumed=anchor_assumed)
        previous = [sentence_words[k] for k in range(max(0, index - _ANTECEDENT_SENTENCES), index)]
        for phrase in wanted:
            claims.append(
                _claim(doc, lex, sentence, tokens, phrase, phrases, dates, previous,
                       attributions.find(index, phrase.start))
            )
    return _link_parts(_coordinated_parts(doc.text, claims))


def _claim(doc, lex, sentence, tokens, phrase, phrases, dates, previous, attribution) -> Claim:
    after = [t for t in tokens if t.start >= phrase.end]
    before = [t for t in tokens if t.end <= phrase.start]
    counted, noun_tokens, notes = _counted_noun(doc.text, lex, phrase, after, before, previous, phrases)
    topic = _topic(lex, phrase, counted, before, after, noun_tokens)
    role, role_notes = _role(doc.text, lex, phrase, counted, before, after)
    time = _time_reference(doc.text, sentence, phrase, dates, attribution)
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
        sentence=sentence,
        notes=tuple(notes + role_notes),
    )


# --- what is counted ----------------------------------------------------------------


def _counted_noun(text, lex, phrase, after, before, previous, phrases):
    """(counted noun, its tokens, notes).

    The noun is the head of the noun phrase after the number: the last lexicon noun
    in it ("1,000 land mine removal WORKERS"), else its first plural-looking word.
    Pronouns ("thousands of them") and elided nouns ("at least 1,000 had been
    killed") take the nearest earlier lexicon noun in this sentence or the two before.
    """
    if phrase.quantity != COUNT:
        return None, [], []
    i = 0
    pronoun = None
    if after and after[0].lower == "of":  # partitive: "some 300 of Pyongyang's troops"
        i = 1
        while i < len(after) and (after[i].lower in DETERMINERS or after[i].lower.endswith("'s")):
            i += 1
        if i < len(after) and after[i].lower in _PRONOUNS:
            pronoun = after[i]
    run = [] if pronoun else _noun_phrase(text, lex, phrase, after[i:], phrases)
    best = None
    for k in range(len(run)):
        best = _lexicon_noun(lex, run, k + 1) or best
    if best:
        return text[best[0].start : best[-1].end], best, []
    plural = next((t for t in run if _looks_plural(t)), None)
    if plural is not None:
        return plural.text, [plural], []
    head = run[-1] if run else pronoun
    if head is not None and head is not pronoun:
        return head.text, [head], []
    antecedent = _antecedent(lex, before, previous)
    if antecedent is None:
        return None, [], []
    noun = text[antecedent[0].start : antecedent[-1].end]
    note = f'counts "{noun}" (from "{head.text}")' if head else f'counts "{noun}" (noun left unsaid)'
    return noun, antecedent, [note]


def _noun_phrase(text, lex, phrase, after, phrases) -> list[Token]:
    """The words after a number up to where its noun phrase visibly ends."""
    run: list[Token] = []
    found_noun = False
    for tok in after[:_NOUN_WINDOW]:
        gap = text[(run[-1].end if run else phrase.end) : tok.start]
        if _ends_phrase(gap) or tok.lower in _NP_END or _is_number_token(tok, phrases):
            break
        if run and tok.lower == "of":
            break
        if tok.lower.endswith("ing") and _lexicon_noun(lex, [tok]) is None:
            break  # a gerund or participle: "all four of conspiring", "troops fighting"
        if found_noun and (tok.lower in ("and", "or") or tok.lower.endswith(("ed", "ing"))):
            break  # "two soldiers and Seoul estimated", "troops deployed"
        if tok.lower in lex.roles["increment_after"] and not run:
            continue  # "thousands more": the marker is not the noun
        run.append(tok)
        found_noun = found_noun or _looks_plural(tok) or _lexicon_noun(lex, run) is not None
    return run


def _ends_phrase(gap: str) -> bool:
    """Punctuation between two words that ends a noun phrase (a hyphen inside a word does not)."""
    return any(ch in gap for ch in ",;:()“”\"—–") or " -" in gap or "- " in gap


def _looks_plural(tok: Token) -> bool:
    w = tok.lower.rstrip("'’")
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and tok.text[:1].islower()


def _is_number_token(tok: Token, phrases: Sequence[NumberPhrase]) -> bool:
    return any(p.start <= tok.start < p.end for p in phrases)


def _lexicon_noun(lex: Lexicon, tokens: Sequence[Token], end: Optional[int] = None) -> Optional[list[Token]]:
    """The longest lexicon noun that ends at ``tokens[end - 1]`` (default: the last token)."""
    end = len(tokens) if end is None else end
    for size in range(min(lex.longest_noun, end), 0, -1):
        tail = tokens[end - size : end]
        if lex.noun_topic(tuple(t.lower for t in tail)):
            return list(tail)
    return None


def _antecedent(lex: Lexicon, before: Sequence[Token], previous: Sequence[Sequence[Token]]) -> Optional[list[Token]]:
    """The last lexicon noun in the sentences before and in this sentence before the number."""
    for tokens in (before, *reversed(previous)):
        for end in range(len(tokens), 0, -1):
            found = _lexicon_noun(lex, tokens, end)
            if found:
                return found
    return None


# --- topic and role --------------------------------------------------------------------


def _topic(lex, phrase, counted, before, after, noun_tokens) -> Optional[str]:
    if phrase.quantity != COUNT:
        return lex.quantity_topics.get(phrase.quantity)
    verb_topic = _outcome_verb(lex, before[-_VERB_BEFORE:])
    if verb_topic is None:
        anchor_end = noun_tokens[-1].end if noun_tokens and noun_tokens[-1].start >= phrase.end else phrase.end
        following = [t for t in after if t.start >= anchor_end]
        verb_topic = _outcome_verb(lex, following[:_VERB_AFTER])
    if verb_topic:
        return verb_topic
    return lex.noun_topic(tuple(counted.casefold().split())) if counted else None


def _outcome_verb(lex: Lexicon, window: Sequence[Token]) -> Optional[str]:
    """The topic of the longest outcome-verb phrase inside ``window``."""
    lowered = [t.lower for t in window]
    for size in range(min(lex.longest_verb, len(lowered)), 0, -1):
        for i in range(len(lowered) - size + 1):
            topic = lex.verb_topic(tuple(lowered[i : i + size]))
            if topic:
                return topic
    return None


def _role(text, lex, phrase, counted, before, after) -> tuple[str, list[str]]:
    roles = lex.roles
    lead = text[max(0, phrase.start - 40) : phrase.start].casefold().rstrip()
    if any(_ends_with_word(lead, w) for w in roles["part_before"]):
        return PART, ["part of a larger figure"]
    if counted and counted.casefold().split()[-1] in roles["increment_nouns"]:
        return INCREMENT, [f'described as "{counted}"']
    if after and after[0].lower in roles["increment_after"]:
        return INCREMENT, [f'described as "{after[0].text}"']
    if any(_ends_with_word(lead, w) for w in roles["increment_before"]):
        return INCREMENT, ["described as added to an earlier figure"]
    if _subject_marks_increment(before, roles):
        return INCREMENT, ["the total of an additional group"]
    weak = next((w for w in roles["weak_increment_before"] if _ends_with_word(lead, w)), None)
    return TOTAL, ([f'described as "{weak}"'] if weak else [])


def _ends_with_word(lead: str, phrase: str) -> bool:
    return lead.endswith(phrase) and (len(lead) == len(phrase) or not lead[-len(phrase) - 1].isalnum())


def _subject_marks_increment(before: Sequence[Token], roles) -> bool:
    """"those additional troops may total about 4,000": the figure totals an increment."""
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
        same_noun = a.counted and b.counted and a.counted.split()[-1].casefold() == b.counted.split()[-1].casefold()
        if a.sentence != b.sentence or not same_noun or a.topic != b.topic:
            continue
        if _COORDINATION.match(text[a.end : b.start]):
            for j, other in ((i, b), (i + 1, a)):
                out[j] = replace(out[j], role=PART, notes=out[j].notes + (f"listed with {other.text} {other.counted}",))
    return out


def _link_parts(claims: list[Claim]) -> list[Claim]:
    """Note on a figure that it is described as including a part ("14,000, including 3,000")."""
    out = list(claims)
    for i, claim in enumerate(out):
        if claim.role != PART:
            continue
        whole = next((c for c in reversed(out[:i]) if c.sentence == claim.sentence and c.role != PART), None)
        if whole is None:
            continue
        j = out.index(whole)
        out[j] = _with_note(whole, f"includes {claim.text} {claim.counted or ''}".strip())
        out[i] = _with_note(claim, f"included in {whole.text} {whole.counted or ''}".strip())
    return out


def _with_note(claim: Claim, note: str) -> Claim:
    return replace(claim, notes=claim.notes + (note,))


# --- when -------------------------------------------------------------------------------

def _time_reference(text, sentence, phrase, dates: Sequence[DateMention], attribution) -> Optional[DateMention]:
    """The date expression that says when the figure applies: in its clause, or one
    that opens the sentence ("In January, ..."), but never the time of the statement
    itself ("said on Tuesday")."""
    if not dates:
        return None
    start, end = clause_bounds(text, sentence, phrase.start)
    candidates = []
    for mention in dates:
        if attribution and _dates_the_statement(text, attribution, mention):
            continue
        opens_sentence = not text[sentence.start : mention.start].strip(" \"“'‘") and text[mention.end : mention.end + 1] == ","
        if opens_sentence or (start <= mention.start and mention.end <= end):
            candidates.append(mention)
    if not candidates:
        return None
    return min(candidates, key=lambda m: (abs(m.start - phrase.start), m.start))


def _dates_the_statement(text: str, attribution, mention: DateMention) -> bool:
    """True for a date right after the attribution's verb: "said last week", "told lawmakers on Monday"."""
    verb_end = attribution.verb_end
    return verb_end is not None and verb_end <= mention.start and len(text[verb_end : mention.start].split()) <= 1
