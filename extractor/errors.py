"""Typed errors. Every error names the file (and the place in it) it is about."""


class ExtractorError(Exception):
    """Root of every error chitieu raises on purpose."""


class SourceError(ExtractorError):
    """A document could not be read: missing, empty, binary, wrong encoding, too large."""


class RuleError(ExtractorError):
    """A rule file under rules/ is malformed; the message names file and line."""


class CatalogueError(ExtractorError):
    """The SQLite catalogue could not be read or written."""


class StoreError(CatalogueError):
    """One document's rows could not be written; the catalogue keeps what it had for it."""


class ReviewError(ExtractorError):
    """A review file is invalid; the message names the JSON path and item."""


class EvaluationError(ExtractorError):
    """Gold or predicted files are missing or malformed."""
