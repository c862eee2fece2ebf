"""The pages of the fixture portals of tests/cms_fixtures.py: routes, listing and article
templates, robots.txt, sitemap, RSS, attachments. Each layout's `theme` options pick the parts."""

from __future__ import annotations

import unicodedata

from tests import cms_fixtures as fx

OFF_HOST = "127.0.0.250"  # a partner site the listings link to: never to be requested
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def render_site(site, path: str, form: dict, views: int) -> tuple[int, dict, bytes]:
    layout = site.layout
    route, query = fx.split_path(path)
    query = {k: v for k, v in query.items() if not k.startswith("utm_")}
    if route == "/robots.txt":
        return _text(_robots(site))
    if route == "/sitemap.xml" and "sitemap" in layout.traps:
        return 200, {"Content-Type": "application/xml"}, _sitemap(site).encode()
    if route == "/rss.xml" and "rss" in layout.traps:
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, _rss(site).encode()
    if route.startswith("/old-news/"):
        article = site.articles[int(route.split("/")[-1].split(".")[0]) - 1]
        return 301, {"Location": fx.article_path(layout, article)}, b""
    if route.startswith("/files/") or route == "/DownloadFile.ashx":
        return _attachment(site, route, query)
    page = _listing_number(layout, route, query, form)
    if page:
        return _html(site, listing_page(site, page))
    for index in range(len(fx.MENU)):
        if route == fx.split_path(fx.menu_path(layout, index))[0]:
            return _html(site, category_page(site, index))
    article = _article_at(site, route, query)
    if article is not None:
        return _html(site, article_page(site, article, views))
    return 404, {"Content-Type": "text/html"}, b"<html><body><h1>404</h1></body></html>"


def _listing_number(layout, route: str, query: dict, form: dict) -> int | None:
    if layout.pager == "postback":
        if route != layout.listing:
            return None
        argument = form.get("__EVENTARGUMENT", "Page$1")
        return int(argument.split("$")[1]) if form.get("__VIEWSTATE") == "dDwtMTA4NzQ=" or not form else None
    for n in range(1, 10):
        expected_route, expected_query = fx.split_path(fx.listing_path(layout, n))
        if route.rstrip("/") == expected_route.rstrip("/") and query == expected_query and n <= _pages(layout):
            return n
    return None


def _pages(layout) -> int:
    return -(-layout.count // layout.per_page)


def _article_at(site, route: str, query: dict):
    for article in site.articles:
        canonical_route, canonical_query = fx.split_path(fx.article_path(site.layout, article))
        if route == canonical_route and query == canonical_query:
            return article
        variant = fx.split_path(fx.linked_path(site.layout, article))[0]
        if "/asset_publisher/" in variant and route == variant:
            return article
    return None


def _robots(site) -> str:
    lines = ["User-agent: *", "Disallow: /private/", "Disallow: /*?print=1", f"Crawl-delay: {site.layout.delay:g}"]
    if "sitemap" in site.layout.traps:
        lines.append(f"Sitemap: {site.base}/sitemap.xml")
    return "\n".join(lines) + "\n"


def _sitemap(site) -> str:
    layout = site.layout
    paths = [fx.article_path(layout, a) for a in site.articles] + [fx.listing_path(layout, 1)]
    if "sitemap-pages" in layout.traps:
        paths += [fx.menu_path(layout, i) for i in range(len(fx.MENU))]
    urls = "".join(f"<url><loc>{fx.escape_all(site.base + p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _rss(site) -> str:
    tail = "?utm_source=rss&utm_medium=feed" if "utm-feed" in site.layout.traps else ""
    items = "".join(
        f"<item><title>{fx.escape_all(a.title)}</title><link>{fx.escape_all(site.base + fx.article_path(site.layout, a) + tail)}</link>"
        f"<pubDate>{a.published:%a, %d %b %Y} 08:00:00 +0700</pubDate></item>" for a in site.articles)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>{items}</channel></rss>'


def _attachment(site, route: str, query: dict) -> tuple[int, dict, bytes]:
    if route == "/DownloadFile.ashx":
        article = site.articles[int(query.get("id", "1")) - 1]
        return 200, {"Content-Type": "application/octet-stream",
                     "Content-Disposition": f'attachment; filename="ke-hoach-{article.number}.docx"'}, fx.attachment_bytes("docx", article)
    name = route.rsplit("/", 1)[-1]
    article = site.articles[int(name.split("-")[1].split(".")[0]) - 1]
    kind = name.rsplit(".", 1)[-1]
    types = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    return 200, {"Content-Type": types[kind]}, fx.attachment_bytes(kind, article)


def _text(body: str) -> tuple[int, dict, bytes]:
    return 200, {"Content-Type": "text/plain"}, body.encode()


def _html(site, markup: str) -> tuple[int, dict, bytes]:
    charset = site.layout.charset
    if charset == "utf-8":
        return 200, {"Content-Type": "text/html; charset=utf-8"}, markup.encode()
    return 200, {"Content-Type": f"text/html; charset={charset}"}, cp1258(markup)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese pages used it: a base letter, then a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m not in TONES))
        out += (base + "".join(m for m in parts[1:] if m in TONES)).encode("cp1258", errors="replace")
    return bytes(out)


# ------------------------------------------------------------------ page parts


UNITS = {"province": "tỉnh", "city": "thành phố", "district": "huyện", "postback": "huyện", "department": "Sở Tài chính tỉnh",
         "school": "Trường Cao đẳng nghề tỉnh", "paper": "Báo", "association": "Hội Nông dân tỉnh", "commune": "xã Tân Lập, tỉnh",
         "center": "Trung tâm Khuyến nông tỉnh", "portal": "tỉnh", "agency": "Ban Dân tộc tỉnh"}


def site_name(site) -> str:
    place = fx.PROVINCES[fx.LAYOUTS.index(site.layout) % len(fx.PROVINCES)]
    return f"Cổng thông tin điện tử {UNITS[site.layout.name.split('-')[1]]} {place}"


def _head(site, title: str, extra: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><title>{fx.escape_all(title)} | {fx.escape_all(site_name(site))}</title>'
            f'<meta name="viewport" content="width=device-width">{extra}<style>.x{{color:red}}</style></head>')


def _top(site) -> str:
    theme, layout = site.layout.theme, site.layout
    name = fx.escape_all(site_name(site))
    banner = f'<div class="banner-top"><h1 class="site-name">{name}</h1></div>' if theme.get("site_h1") else f"<header><div class=\"logo\">{name}</div></header>"
    items = "".join(f'<li><a href="{fx.menu_path(layout, i)}">{fx.escape_all(m)}</a></li>' for i, m in enumerate(fx.MENU))
    menu = f'<div class="danh-muc"><ul>{items}</ul></div>' if "menu-div" in layout.traps else f'<nav class="main-nav"><ul>{items}</ul></nav>'
    crumbs = '<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="#">Tin tức</a></div>'
    return banner + menu + crumbs


def _footer(site, views: int) -> str:
    return (f'<footer><p>{fx.escape_all(site_name(site))}</p><p>Địa chỉ: số 8 đường Trần Hưng Đạo, thành phố Thái Bình</p>'
            f"<p>Lượt truy cập: {views * 7}</p></footer>")


def _item(site, article, style: str, href: str) -> str:
    title, day = fx.escape_all(article.title), f"{article.published:%d/%m/%Y}"
    summary = fx.escape_all(article.paragraphs[1][:160])
    if style == "card":
        return (f'<div class="news-item"><a href="{href}"><img src="/img/{article.number}.jpg" alt=""></a>'
                f'<h3><a href="{href}">{title}</a></h3><span class="date">{day}</span><p>{summary}</p>'
                f'<a class="more" href="{href}">Xem tiếp</a></div>')
    if style == "row":
        return f'<tr><td class="date">{day}</td><td><a class="title" href="{href}">{title}</a></td></tr>'
    if style == "li-date":
        return f'<li><a href="{href}">{title}</a> <i>({day})</i></li>'
    return (f'<div class="media"><div class="media-body"><h4 class="media-heading"><a href="{href}">{title}</a></h4>'
            f'<p class="text-muted">{summary}</p></div></div>')


def _wrap_items(style: str, items: str) -> str:
    if style == "row":
        return f'<table class="list-news">{items}</table>'
    if style == "li-date":
        return f'<ul class="list-news">{items}</ul>'
    return f'<div class="list-news">{items}</div>'


def listing_page(site, n: int) -> str:
    layout = site.layout
    listed = fx.listed_articles(site)
    chunk = listed[(n - 1) * layout.per_page:n * layout.per_page]
    items = "".join(_item(site, a, layout.items, fx.linked_path(layout, a)) for a in chunk)
    if n == 1:  # an internal page robots.txt forbids, listed like an article
        items += _item(site, fx.Article(99, "noi-bo", "Thông báo nội bộ về lịch họp giao ban tháng này", site.articles[0].published,
                                        ("x", "Tài liệu nội bộ chỉ dành cho cán bộ, công chức của cơ quan.")), layout.items, "/private/lich-hop-giao-ban")
        items += _item(site, site.articles[1], layout.items, f"http://{OFF_HOST}/tin-lien-ket/{site.articles[1].slug}")
    head_extra = '<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">' if "rss" in layout.traps else ""
    if layout.pager == "rel-next" and n < _pages(layout):
        head_extra += f'<link rel="next" href="{fx.listing_path(layout, n + 1)}">'
    body = _wrap_items(layout.items, items) + _pager(layout, n)
    sidebar = "<aside><h3>Tin mới</h3>" + "".join(f'<p><a href="{fx.article_path(layout, a)}">{fx.escape_all(a.title)}</a></p>' for a in listed[:2]) + "</aside>"
    return _page(site, "Tin tức", head_extra, f'<div class="main-content"><h2>Tin tức - Sự kiện</h2>{body}</div>{sidebar}', 1)


def _pager(layout, n: int) -> str:
    last = _pages(layout)
    if layout.pager == "postback":
        links = "".join(f"<a href=\"javascript:__doPostBack('dnn$ctr412$ArticleList$pager','Page${k}')\">{k}</a> " for k in range(1, last + 1) if k != n)
        if n < last:
            links += f"<a href=\"javascript:__doPostBack('dnn$ctr412$ArticleList$pager','Page${n + 1}')\">Trang sau</a>"
        return f'<div class="pager">{links}</div>'
    if layout.pager == "numbers":
        links = "".join(f'<a href="{fx.listing_path(layout, k)}">{k}</a> ' if k != n else f"<span>{k}</span> " for k in range(1, last + 1))
        links += f'<a href="{fx.listing_path(layout, n + 1)}">Trang sau »</a>' if n < last else ""
        return f'<div class="paging">{links}</div>'
    if n >= last:
        return ""
    label = "»" if layout.pager == "rel-next" else "Trang sau"
    return f'<div class="pagination"><a class="next page-numbers" href="{fx.listing_path(layout, n + 1)}">{label}</a></div>'


def category_page(site, index: int) -> str:
    """A menu's page: a long name over a list of article links."""
    items = "".join(_item(site, a, "li-date", fx.article_path(site.layout, a)) for a in site.articles)
    return _page(site, fx.MENU[index], "", f'<div class="main-content"><h2>{fx.escape_all(fx.MENU[index])}</h2><ul class="cat">{items}</ul></div>', 1)


def _page(site, title: str, head_extra: str, main: str, views: int) -> str:
    inner = _top(site) + main + _footer(site, views)
    if site.layout.theme.get("wrap") == "aspnet":
        inner = ('<form method="post" action="/Default.aspx" id="Form"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4NzQ=">'
                 f'<input type="hidden" name="__EVENTVALIDATION" value="wEWAgK">{inner}</form>')
    return _head(site, title, head_extra) + f"<body>{inner}</body></html>"


def article_page(site, article, views: int) -> str:
    theme = site.layout.theme
    iso = article.published.isoformat()
    tag, cls = theme["title"]
    title = f'<{tag} class="{cls}">{fx.escape_all(article.title)}</{tag}>'
    date = fx.escape_all(fx.DATE_STYLES[theme["date"]](article.published))
    if theme.get("time_tag"):
        date = f'<time class="entry-date published" datetime="{iso}T08:00:00+07:00">{date}</time>'
    elif theme.get("itemprop"):
        date = f'<time itemprop="datePublished" datetime="{iso}T08:00:00+07:00">{date}</time>'
    date = f'<div class="post-meta"><span class="time">{date}</span></div>'
    top = title + date if theme["date_at"] == "after" else date + title
    body = _body(theme["body"], article.paragraphs) + _attachment_links(article)
    tail = _tail(site, article, views)
    if theme.get("wrap") == "portlet":
        main = f'<div class="portlet-boundary"><div class="portlet-body"><div class="journal-content-article">{top}{body}</div>{tail}</div></div>'
    elif theme.get("wrap") == "table":
        main = f'<table width="100%"><tr><td class="left-col">{_side_links(site)}</td><td class="content">{top}{body}{tail}</td></tr></table>'
    else:
        main = f'<div id="dnn_ContentPane" class="content-area"><div class="detail">{top}{body}</div>{tail}</div>'
    return _page(site, article.title, _meta(site, article, theme), main, views)


def _meta(site, article, theme) -> str:
    meta = f'<meta property="og:site_name" content="{fx.escape_all(site_name(site))}">'
    if theme.get("og_title_suffix"):
        meta += f'<meta property="og:title" content="{fx.escape_all(article.title)} - {fx.escape_all(site_name(site))}">'
    if theme.get("published_meta"):
        meta += f'<meta property="article:published_time" content="{article.published.isoformat()}T07:30:00+07:00">'
    if "canonical" in site.layout.traps or "asset-variant" in site.layout.traps:
        meta += f'<link rel="canonical" href="{site.base}{fx.article_path(site.layout, article)}">'
    return meta


def _body(style: str, paragraphs) -> str:
    escaped = [fx.escape_all(p) for p in paragraphs]
    if style == "br":
        return '<div class="noidung">' + "<br><br>".join(escaped) + "</div>"
    tag = "div" if style == "div" else "p"
    return '<div class="entry-content">' + "".join(f"<{tag}>{p}</{tag}>" for p in escaped) + "</div>"


def _attachment_links(article) -> str:
    links = {"pdf": f'<a href="/files/kh-{article.number}.pdf">Kế hoạch (PDF)</a>',
             "docx": f'<a href="/files/kh-{article.number}.docx">Tệp đính kèm</a>',
             "octet-docx": f'<a href="/DownloadFile.ashx?id={article.number}">Tải về</a>'}
    return "".join(f'<div class="attach">{links[kind]}</div>' for kind in article.attachments)


def _tail(site, article, views: int) -> str:
    theme, parts = site.layout.theme, []
    if theme.get("counter"):
        parts.append(f'<div class="info-bottom"><span>Lượt xem: {views}</span></div>')
    if theme.get("share"):
        parts.append('<div class="tool-bar">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> '
                     f'<a href="{fx.article_path(site.layout, article)}?print=1">In bài</a></div>')
    if theme.get("related"):
        others = [a for a in site.articles if a is not article][:4]
        items = "".join(f'<li><a href="{fx.article_path(site.layout, a)}">{fx.escape_all(a.title)}</a> ({a.published:%d/%m/%Y})</li>' for a in others)
        parts.append(f'<div class="other-news"><h4>{theme["related"]}</h4><ul>{items}</ul></div>')
    if theme.get("comments"):
        parts.append('<div class="binh-luan"><h4>Ý kiến bạn đọc</h4><p>Tôi rất đồng tình với kế hoạch này, mong tỉnh sớm '
                     'triển khai để bà con vùng cao có thêm sinh kế ổn định.</p><textarea></textarea></div>')
    return "".join(parts)


def _side_links(site) -> str:
    return "".join(f'<p><a href="{fx.menu_path(site.layout, i)}">{fx.escape_all(m)}</a></p>' for i, m in enumerate(fx.MENU))
