"""One spelling per URL, so that the frontier holds each page once: dot segments resolved,
fragment dropped, scheme and host lower-cased, default port, query sorted and tracking
parameters (utm_*, fbclid, ...) removed by courlan, then the parameters a profile lists as
not naming a page (Liferay's `redirect=`, `_..._redirect=`, `backURL`) removed too."""

from __future__ import annotations

from fnmatch import fnmatchcase
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

WEB_SCHEMES = ("http", "https")


def canonical_url(href: str, base: str = "", drop_params: tuple[str, ...] = ()) -> str | None:
    """The canonical spelling of a link, or None for what is no web page (script, mail, phone
    and data links, fragments of the same page, malformed URLs)."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        absolute = urldefrag(urljoin(base, href) if base else href)[0]
        parts = urlsplit(absolute)
        if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
            return None
        cleaned = urlsplit(normalize_url(absolute))
    except ValueError:
        return None  # a port that is no number, brackets that are no IPv6 address
    query = [(k, v) for k, v in parse_qsl(cleaned.query, keep_blank_values=True) if not _dropped(k, drop_params)]
    return urlunsplit((cleaned.scheme, cleaned.netloc, cleaned.path or "/", urlencode(query), ""))


def _dropped(key: str, patterns: tuple[str, ...]) -> bool:
    lowered = key.lower()
    return any(fnmatchcase(lowered, pattern.lower()) for pattern in patterns)


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""


def authority_of(url: str) -> str:
    """host:port, the unit of politeness (two servers on one address are two hosts)."""
    return urlsplit(url).netloc.lower()
