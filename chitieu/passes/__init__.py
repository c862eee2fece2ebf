"""Passes: pure functions (doc, rules) -> list of mentions."""
