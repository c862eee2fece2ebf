"""Discovery beyond listings: sitemaps (urlset and sitemap index, gzipped or not) and RSS /
Atom feeds, and the URL shapes of a site's articles, learned from the links its listings hold,
by which sitemap entries are told from menu, tag and category pages."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree

MAX_XML_BYTES = 50_000_000  # the sitemap protocol's own limit, after decompression


@dataclass
class Discovered:
    kind: str  # "sitemap", "feed" or "none"
    pages: list[str] = field(default_factory=list)  # article candidates
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def read_xml_links(body: bytes) -> Discovered:
    """The page URLs of a sitemap or a feed; kind "none" for anything else."""
    try:
        root = ElementTree.fromstring(_gunzipped(body))
    except (ElementTree.ParseError, ValueError, zlib.error, OSError, EOFError):
        return Discovered("none")
    name = _local(root.tag)
    if name == "sitemapindex":
        return Discovered("sitemap", sitemaps=_texts(root, "sitemap", "loc"))
    if name == "urlset":
        return Discovered("sitemap", pages=_texts(root, "url", "loc"))
    if name in ("rss", "rdf", "RDF"):
        return Discovered("feed", pages=_texts(root, "item", "link"))
    if name == "feed":
        return Discovered("feed", pages=[_atom_link(entry) for entry in root.iter() if _local(entry.tag) == "entry"])
    return Discovered("none")


def _gunzipped(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
        data = handle.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise ValueError("sitemap larger than the protocol allows")
    return data


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _texts(root, parent: str, child: str) -> list[str]:
    found = []
    for element in root.iter():
        if _local(element.tag) != parent:
            continue
        for inner in element:
            if _local(inner.tag) == child and (inner.text or "").strip():
                found.append(inner.text.strip())
    return found


def _atom_link(entry) -> str:
    links = [e for e in entry if _local(e.tag) == "link"]
    chosen = next((e for e in links if e.get("rel", "alternate") == "alternate"), links[0] if links else None)
    return (chosen.get("href") or "").strip() if chosen is not None else ""


# ------------------------------------------------------------------ URL shapes

_RUN = re.compile(r"[^\W\d_]+|\d+")


def segment_shape(segment: str) -> str:
    """A path segment's form: letters as "a", digits as "9", a slug's words as one "a":
    "ke-hoach-giam-ngheo-123.html" -> "a-9.a", "tin-tuc" -> "a", "2024" -> "9"."""
    shape = _RUN.sub(lambda m: "9" if m.group().isdigit() else "a", segment.lower())
    return re.sub(r"a(?:[-_+]a)+", "a", shape)


def url_shape(url: str) -> tuple:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    keys = tuple(sorted(k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)))
    return (parts.netloc.lower(), len(segments), keys, tuple(segment_shape(s) for s in segments))


@dataclass
class UrlShapes:
    """Article URL forms: each learned form keeps the segments every article shares (like
    "tin-tuc" or "-") and the shape of the ones that vary."""

    known: dict[tuple, list[list[str]]] = field(default_factory=dict)

    def learn(self, urls: list[str]) -> None:
        for url in urls:
            segments = [s for s in urlsplit(url).path.split("/") if s]
            self.known.setdefault(url_shape(url), []).append(segments)

    def matches(self, url: str) -> bool:
        examples = self.known.get(url_shape(url))
        if not examples:
            return False
        segments = [s for s in urlsplit(url).path.split("/") if s]
        for position, segment in enumerate(segments):
            values = {example[position] for example in examples}
            if len(values) == 1 and len(examples) > 1 and segment not in values and not segment_shape(segment).startswith("9"):
                return False  # a literal part of every article URL ("tin-tuc", "-") differs
        return True
