"""Portal rules: the packaged profiles and words (rules/portals.yaml), an operator's profile
file (`--profiles FILE`, validated the same way, errors naming file and line), the profile for
a bare start URL, and matching a label against a list of words."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import RuleError
from ..models import PhraseRule, PortalProfile, PortalRules, PortalWords, ProfileFile
from ..rules import RULES_DIR, load_rule_file
from .fetch import FetchError


def load_portals(profiles_file: Path | None = None) -> PortalRules:
    """The packaged rules, with an operator's profiles added (theirs win on a shared name)."""
    rules = _packaged()
    if profiles_file is None:
        return rules
    extra = load_rule_file(Path(profiles_file), ProfileFile)
    names = {p.name for p in extra.portals}
    if len(names) < len(extra.portals):
        raise RuleError(f"{profiles_file}: two profiles share a name")
    kept = [p for p in rules.portals if p.name not in names]
    return rules.model_copy(update={"portals": kept + extra.portals})


@functools.lru_cache(maxsize=1)
def _packaged() -> PortalRules:
    return load_rule_file(RULES_DIR / "portals.yaml", PortalRules)


def packaged_words():
    """The words pages are read by (for readers that were given none)."""
    return _packaged().words


def profile_for(site: str, portals: PortalRules) -> PortalProfile:
    """A configured profile by name, or the generic rules around a start URL (its own host:
    article links and the pager are learned from the pages)."""
    for profile in portals.portals:
        if profile.name == site:
            return profile
    parsed = urlsplit(site)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        names = ", ".join(p.name for p in portals.portals)
        raise FetchError(f"{site}: neither a portal profile ({names}) nor an http(s) start URL")
    generic = portals.generic
    return PortalProfile(
        id=generic.id, name=parsed.netloc.lower(), hosts=[parsed.hostname], listings=[site],
        max_listing_pages=generic.max_listing_pages, delay=max(generic.delay, 0.5),
    )


@functools.lru_cache(maxsize=64)
def _label_regex(phrases: tuple[str, ...], how: str) -> re.Pattern:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    if how == "anywhere":
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    tail = r"[\s\W]*$" if how == "whole" else r"(?:$|[\s\W])"
    return re.compile(rf"^[^\w<>»›]*?(?:{alternatives}){tail}", re.IGNORECASE)


def phrase_regex(rule: PhraseRule) -> re.Pattern:
    """The rule's words anywhere, as whole words."""
    return _label_regex(tuple(rule.phrases), "anywhere")


def label_is(label: str, rule: PhraseRule, how: str = "start") -> bool:
    """Whether a label (a link's text, a heading, a line) is one of the rule's words: the
    whole label ("whole"), its start followed by a break ("start": "Lượt xem: 12"), or a word
    of it ("anywhere": "Tệp đính kèm")."""
    return bool(_label_regex(tuple(rule.phrases), how).search(" ".join(label.split())))


def without_related_list(text: str, words: PortalWords) -> str:
    """A stored page's text without the list of other articles that closes it: from a line that
    is only a related list's heading ("Tin liên quan", "Tin cùng chuyên mục:") to the end, as the
    HTML reader drops the list's block. Its headlines and teasers are other pages' figures."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and label_is(line, words.related, "whole"):
            return text[:offset].rstrip() + "\n"
        offset += len(line)
    return text
