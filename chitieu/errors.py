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


class ExportError(ExtractorError):
    """An export, report or Datasette server could not be made: no catalogue, an unknown
    format or indicator, or an optional package missing (named with its pip command)."""


def describe(error: BaseException) -> str:
    """What a user reads about a failure: our own errors say it all; anything else is a bug in
    a reader or a pass, named by its type."""
    return str(error) if isinstance(error, ExtractorError) else f"{type(error).__name__}: {error}"
