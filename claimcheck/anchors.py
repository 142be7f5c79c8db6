"""The date each document's relative expressions are resolved against.

A document's own publication date is the anchor when it is known. Otherwise, in order:
the date the user gave (``--as-of``), the latest full date written in the document's
own text, the latest publication date among the corpus's dated documents. An anchor
that is not the document's own date is marked as assumed, and so is every date
resolved against it.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from .cache import ResultCache
from .models import ABSOLUTE, Corpus, Document, DocumentAnchor


def latest_full_date(doc: Document) -> Optional[dt.date]:
    """The latest day-precise date with a year in the article text, if any."""
    from .dates import find_date_mentions  # the grammar and layout rules: a warm cache skips them
    from .text import kept_regions

    days = [
        m.resolved.start
        for start, end in kept_regions(len(doc.text), doc.boilerplate)
        for m in find_date_mentions(doc.text, start, end)
        if m.kind == ABSOLUTE and m.resolved is not None and m.resolved.precision == "day" and not m.future
    ]
    return max(days, default=None)


def document_anchors(corpus: Corpus, as_of: Optional[dt.date] = None,
                     cache: Optional[ResultCache] = None) -> dict[str, Optional[DocumentAnchor]]:
    """Each document's anchor (None when none can be had), keyed by document id.
    ``cache`` keeps the latest full date found in each undated document."""
    dated = [(d.published_date, d.id) for d in corpus.documents if d.published]
    corpus_latest = max(dated, default=None)
    return {doc.id: _anchor(doc, as_of, corpus_latest, cache or ResultCache(None)) for doc in corpus.documents}


def _anchor(doc: Document, as_of: Optional[dt.date], corpus_latest: Optional[tuple[dt.date, str]],
            cache: ResultCache) -> Optional[DocumentAnchor]:
    if doc.published:
        return DocumentAnchor(doc.published_date, f"published ({doc.published.source})", assumed=False)
    if as_of is not None:
        return DocumentAnchor(as_of, "--as-of", assumed=True)
    key = cache.key("latest full date", doc.text, doc.boilerplate) if cache.enabled else None
    found = cache.get(key) if key else None
    written = found[0] if isinstance(found, tuple) else latest_full_date(doc)
    if key and found is None:
        cache.put(key, (written,))
    if written is not None:
        return DocumentAnchor(written, "latest full date in the text", assumed=True)
    if corpus_latest is not None:
        day, source = corpus_latest
        return DocumentAnchor(day, f"latest publication date in the corpus ({source})", assumed=True)
    return None
