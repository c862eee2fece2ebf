"""The rule files that steer how sources are read: portal profiles and legacy font encodings."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .records import Strict
from .rules import Examples, PhraseRule, RegexPattern, RuleId

__all__ = [
    "LegacyEncoding", "LegacyEncodingRules", "PortalProfile", "GenericPortal", "PortalWords", "PortalRules",
    "ProfileFile",
]


class LegacyEncoding(Strict):
    id: RuleId
    name: str
    table: dict[Annotated[str, StringConstraints(min_length=1, max_length=2)], Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(
        description="Windows-1252 character, or a letter and the mark code after it -> Unicode letter"
    )
    examples: Examples = Field(default_factory=Examples)


class LegacyEncodingRules(Strict):
    version: int
    encodings: list[LegacyEncoding]


class PortalProfile(Strict):
    id: RuleId
    name: str
    hosts: list[str] = Field(min_length=1)
    listings: list[str] = Field(min_length=1)
    article_pattern: RegexPattern | None = Field(None, description="article links; learned from the listing's structure when absent")
    next_pattern: RegexPattern | None = Field(None, description="next-page links; the pager is recognised when absent")
    max_listing_pages: int = Field(5, ge=1)
    delay: float = Field(2.0, ge=0.5, description="seconds between requests to one host (robots.txt may ask more)")


class GenericPortal(Strict):
    id: RuleId
    max_listing_pages: int = Field(10, ge=1)
    delay: float = Field(1.0, ge=0.0)


class PortalWords(Strict):
    """The words by which portal pages are read: pagers, read-more links, related lists,
    attachments, counters, share and comment blocks, date labels, a portal's own name."""

    next_page: PhraseRule
    read_more: PhraseRule
    related: PhraseRule
    attachment: PhraseRule
    counter: PhraseRule
    share: PhraseRule
    comments: PhraseRule
    date_label: PhraseRule
    portal_name: PhraseRule
    licence: PhraseRule


class PortalRules(Strict):
    version: int
    portals: list[PortalProfile]
    generic: GenericPortal
    words: PortalWords
    drop_params: list[str] = Field(description="query parameters that name no page (fnmatch patterns): removed from every URL")


class ProfileFile(Strict):
    """An operator's profiles, given to `chitieu crawl --profiles FILE`."""

    version: int
    portals: list[PortalProfile] = Field(min_length=1)
