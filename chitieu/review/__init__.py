"""The review loop: export a file reviewers edit (or the review page saves), import it back as
decisions and corrections stored beside the machine values, see where reviewing stands, and
write reviewed documents as gold."""

from .export import ReviewFilter, export_review, marked_sentence
from .gold import effective_outputs, write_gold
from .imports import ImportReport, import_review
from .status import review_status

__all__ = ["ImportReport", "ReviewFilter", "effective_outputs", "export_review", "import_review", "marked_sentence",
           "review_status", "write_gold"]
