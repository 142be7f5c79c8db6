"""claimcheck: find the numbers and dates that news reports of one story disagree on.

Library use::

    from claimcheck import load_corpus, extract_claims, compare
    corpus = load_corpus(["articles/"])
    claims = [c for doc in corpus.documents for c in extract_claims(doc)]
    comparison = compare([c for c in claims if c.topic == "troops"], corpus.documents)
"""

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load_corpus",
    "extract_claims",
    "compare",
    "build_diff_report",
    "build_claims_report",
    "build_sources_report",
    "build_timeline_report",
    "extract_events",
    "document_anchors",
]


def __getattr__(name: str):
    # Imported on first use so that `import claimcheck` (and `claimcheck --help`) stay fast.
    if name == "load_corpus":
        from .corpus import load_corpus

        return load_corpus
    if name == "extract_claims":
        from .claims import extract_claims

        return extract_claims
    if name == "compare":
        from .comparison import compare

        return compare
    if name == "extract_events":
        from .timeline import extract_events

        return extract_events
    if name == "document_anchors":
        from .anchors import document_anchors

        return document_anchors
    if name in ("build_diff_report", "build_claims_report", "build_sources_report", "build_timeline_report"):
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
