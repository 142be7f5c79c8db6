"""Scorers for other projects' test suites, run by ``bench/conformance.py``."""
