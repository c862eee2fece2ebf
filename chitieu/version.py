"""The one version number of chitieu, and what a stored row was extracted with."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import Rules

__version__ = "0.4.0"


def extractor_version(rules: "Rules") -> str:
    """The code's version and a hash of the rules' content: editing a file under rules/
    re-extracts on the next run instead of passing as "unchanged"."""
    return f"{__version__}+rules.{rules.digest()}"
