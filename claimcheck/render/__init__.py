"""Renderers: reports -> Rich renderables (table) or JSON documents and records (json)."""
