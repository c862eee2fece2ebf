"""Fixture portals built like the CMS families Vietnamese portals run on (Liferay, DNN,
SharePoint, NukeViet, WordPress, Joomla, Drupal), two layouts each, served on loopback, each
site on an address of its own (127.0.0.N). A table of layouts drives everything: URL shapes,
pager, listing item markup, article theme, date format, and the traps each site sets (site
name in an <h1>, a view counter that changes on every visit, related lists with dates, reader
comments, share links, a cited plan's date before the article's own, menus with long names,
URL variants with `redirect=` and `utm_*`, an old URL answering 301, rel=canonical, a page
whose charset only the HTTP header names, a DOCX served as application/octet-stream from a
download handler, an article only the sitemap or the feed lists).

The articles are written for these tests (no page of the dev set is copied); `SITES[i].articles`
is the gold: title, date, the main text's paragraphs and the attachments."""

from __future__ import annotations

import datetime as dt
import random
import threading
import unicodedata
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.test_fuzz import make_docx, make_pdf

PROVINCES = ["Sơn La", "Lai Châu", "Điện Biên", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Kon Tum", "Gia Lai",
             "Quảng Trị", "Quảng Ngãi", "Phú Yên", "An Giang", "Bến Tre", "Lạng Sơn"]
TITLES = [
    "{place} phấn đấu giảm tỷ lệ hộ nghèo xuống còn {rate}% vào cuối năm {year}",
    "Ban hành kế hoạch thực hiện chương trình giảm nghèo bền vững năm {year} trên địa bàn tỉnh {place}",
    "{place} đặt mục tiêu có thêm {communes} xã đạt chuẩn nông thôn mới trong năm {year}",
    "Hỗ trợ đào tạo nghề cho {workers} lao động nông thôn tại {place} năm {year}",
    "Triển khai đồng bộ các giải pháp giảm nghèo ở vùng đồng bào dân tộc thiểu số tỉnh {place}",
    "Hội nghị sơ kết công tác giảm nghèo sáu tháng đầu năm {year} của tỉnh {place}",
    "{place} dành nguồn lực lớn cho các xã đặc biệt khó khăn giai đoạn {year}-{end}",
    "Nâng cao hiệu quả chính sách tín dụng ưu đãi cho hộ cận nghèo ở {place}",
]
PARAGRAPHS = [
    "Ngày {cd}/{cm}/{year}, Ủy ban nhân dân tỉnh {place} đã ban hành Kế hoạch số {num}/KH-UBND về thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year}.",
    "Theo kế hoạch, tỉnh phấn đấu giảm tỷ lệ hộ nghèo từ {base}% xuống còn {rate}%, tương ứng giảm khoảng {households} hộ; riêng các xã đặc biệt khó khăn giảm bình quân {k}%/năm.",
    "Để đạt mục tiêu trên, các sở, ngành và địa phương tập trung hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế, nhân rộng các mô hình giảm nghèo hiệu quả gắn với thế mạnh của từng vùng.",
    "Kế hoạch đặt chỉ tiêu hỗ trợ đào tạo nghề cho {workers} lao động, trong đó ít nhất {share}% lao động sau đào tạo có việc làm ổn định.",
    "Giám đốc Sở Lao động - Thương binh và Xã hội cho biết nguồn vốn của chương trình được phân bổ sớm để các huyện chủ động triển khai ngay từ đầu năm.",
    "Năm {prev}, toàn tỉnh có {done} hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn {base}%, vượt chỉ tiêu Hội đồng nhân dân tỉnh giao.",
    "Ủy ban nhân dân các huyện, thành phố rà soát, lập danh sách hộ nghèo, hộ cận nghèo và báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.",
    "Tỉnh chú trọng nâng cao chất lượng dịch vụ y tế, giáo dục, bảo đảm 100% người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế.",
    "Các cơ quan báo chí và đài truyền thanh cơ sở tăng cường tuyên truyền để người dân chủ động vươn lên thoát nghèo, không trông chờ vào sự hỗ trợ của Nhà nước.",
    "Đến năm {end}, tỉnh phấn đấu thu nhập bình quân đầu người ở khu vực nông thôn đạt {income} triệu đồng/năm và có thêm {communes} xã đạt chuẩn nông thôn mới.",
]
MENU = ["Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Văn bản chỉ đạo điều hành của Ủy ban nhân dân tỉnh"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
DATE_STYLES = {
    "dmy-time": lambda d: f"{d:%d/%m/%Y} 09:15",
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} - 08:30",
    "label": lambda d: f"Ngày đăng: {d:%d/%m/%Y}",
    "dash": lambda d: f"{d:%d-%m-%Y} 10:05:00",
    "dot": lambda d: f"Đăng ngày {d:%d.%m.%Y}",
    "iso": lambda d: f"{d:%Y-%m-%d}",
    "updated": lambda d: f"Cập nhật: 14:20 {d.day}/{d.month}/{d.year}",
    "words": lambda d: f"Ngày {d.day} tháng {d.month} năm {d.year}",
}


@dataclass(frozen=True)
class Article:
    number: int
    slug: str
    title: str
    published: dt.date
    paragraphs: tuple[str, ...]
    attachments: tuple[str, ...] = ()  # "pdf", "docx", "octet-docx"

    @property
    def text(self) -> str:
        return "\n".join((self.title, *self.paragraphs))


@dataclass(frozen=True)
class Layout:
    name: str
    family: str
    listing: str  # path of page 1
    page: str  # path of page n, "{n}", "{start}" (Joomla's offset) or "{page0}" (Drupal's 0-based)
    article: str  # "{slug}", "{id}", "{y}/{m}/{d}"
    items: str  # listing markup: card, row, li-date, media
    pager: str  # numbers, next, postback, rel-next
    theme: dict  # article page options, see article_page()
    delay: float = 1.0  # robots.txt Crawl-delay
    traps: frozenset = frozenset()
    per_page: int = 3
    count: int = 7
    charset: str = "utf-8"


LAYOUTS = [
    Layout("liferay-province", "liferay", "/web/so-lao-dong/tin-tuc",
           "/web/so-lao-dong/tin-tuc?p_p_id=101_INSTANCE_Ab3x&p_p_lifecycle=0&_101_INSTANCE_Ab3x_cur={n}",
           "/web/so-lao-dong/-/{slug}", "card", "numbers",
           dict(site_h1=True, title=("h3", "header-title"), date="dmy-time", date_at="after", counter=True, share=True,
                comments=True, related="Tin khác", body="div", wrap="portlet"),
           delay=2.0, traps=frozenset({"asset-variant", "canonical", "sitemap", "menu-div"})),
    Layout("liferay-city", "liferay", "/tin-tuc-su-kien",
           "/tin-tuc-su-kien?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_q9Zt_cur={n}",
           "/-/{slug}", "media", "next",
           dict(site_h1=True, title=("h2", "title-article"), date="updated", date_at="before", counter=True, share=True,
                related="Tin cùng chuyên mục", body="p", og_title_suffix=True, wrap="portlet"),
           delay=3.0, traps=frozenset({"asset-variant", "canonical", "rss", "feed-only"})),
    Layout("dnn-district", "dnn", "/tin-tuc/tabid/57/Default.aspx", "/tin-tuc/tabid/57/currentpage/{n}/Default.aspx",
           "/tin-tuc/tabid/57/ArticleId/{id}/{slug}.aspx", "row", "numbers",
           dict(title=("h2", "Head"), date="label", date_at="after", related="Các tin khác", body="p", wrap="aspnet",
                short_first=True, counter=True),
           delay=2.0, traps=frozenset({"octet-docx", "menu-div", "moved"})),
    Layout("dnn-postback", "dnn", "/Default.aspx", "", "/News/{id}/{slug}.aspx", "li-date", "postback",
           dict(title=("span", "title_news"), date="dash", date_at="after", related="Tin khác", body="div", wrap="aspnet",
                share=True),
           delay=1.0, traps=frozenset({"sitemap"})),
    Layout("sharepoint-province", "sharepoint", "/noidung/tintuc/Pages/tin-tuc.aspx",
           "/noidung/tintuc/Pages/tin-tuc.aspx?Page={n}", "/noidung/tintuc/Pages/chi-tiet-tin-tuc.aspx?ItemID={id}",
           "row", "numbers",
           dict(title=("td", "tieude"), date="dmy-time", date_at="before", counter=True, related="Tin khác", body="br",
                wrap="table", site_h1=True),
           delay=2.0, traps=frozenset({"header-charset", "utm-listing"}), charset="windows-1258"),
    Layout("sharepoint-department", "sharepoint", "/Pages/thong-bao.aspx", "/Pages/thong-bao.aspx?Page={n}",
           "/Pages/Chi-tiet.aspx?ItemID={id}&CategoryId=3", "card", "next",
           dict(title=("h1", "ms-title"), date="words", date_at="after", share=True, body="div", wrap="aspnet"),
           delay=1.0, traps=frozenset({"pdf"})),
    Layout("nukeviet-district", "nukeviet", "/news/tin-tuc/", "/news/tin-tuc/page-{n}", "/news/tin-tuc/{slug}-{id}.html",
           "card", "numbers",
           dict(title=("h1", "title"), date="weekday", date_at="after", published_meta=True, related="Tin liên quan",
                body="p", share=True, comments=True),
           delay=1.0, traps=frozenset({"rss", "sitemap", "utm-feed"})),
    Layout("nukeviet-school", "nukeviet", "/vi/news/hoat-dong/", "/vi/news/hoat-dong/page-{n}",
           "/vi/news/hoat-dong/{slug}-{id}.html", "li-date", "next",
           dict(title=("h2", "title"), date="dmy-time", date_at="after", related="Các tin khác", body="div", counter=True),
           delay=2.0, traps=frozenset({"menu-div"})),
    Layout("wordpress-paper", "wordpress", "/category/xa-hoi/", "/category/xa-hoi/page/{n}/", "/{y}/{m}/{d}/{slug}/",
           "media", "numbers",
           dict(title=("h1", "entry-title"), date="iso", date_at="before", time_tag=True, related="Bài viết liên quan",
                body="p", comments=True, share=True, og_title_suffix=True),
           delay=1.0, traps=frozenset({"canonical", "utm-listing", "sitemap", "sitemap-pages"})),
    Layout("wordpress-association", "wordpress", "/chuyen-muc/tin-hoat-dong/", "/chuyen-muc/tin-hoat-dong/page/{n}/",
           "/{slug}/", "card", "rel-next",
           dict(title=("h2", "post-title"), date="label", date_at="after", related="Tin khác", body="p", share=True),
           delay=1.0, traps=frozenset({"sitemap", "sitemap-pages", "docx", "moved"})),
    Layout("joomla-commune", "joomla", "/tin-tuc", "/tin-tuc?start={start}", "/tin-tuc/{id}-{slug}", "card", "numbers",
           dict(title=("h2", "item-title"), date="label", date_at="after", itemprop=True, body="p", related="Tin khác"),
           delay=1.0, traps=frozenset({"menu-div"})),
    Layout("joomla-center", "joomla", "/index.php/hoat-dong", "/index.php/hoat-dong?start={start}",
           "/index.php/hoat-dong/{id}-{slug}", "row", "next",
           dict(title=("h1", "contentheading"), date="dot", date_at="before", body="div", counter=True, share=True),
           delay=2.0, traps=frozenset({"pdf", "rss"})),
    Layout("drupal-portal", "drupal", "/tin-tuc", "/tin-tuc?page={page0}", "/tin-tuc/{slug}", "li-date", "numbers",
           dict(title=("h1", "page-title"), date="dmy-time", date_at="after", published_meta=True, body="p",
                related="Tin liên quan", comments=True),
           delay=1.0, traps=frozenset({"sitemap", "sitemap-pages", "canonical"})),
    Layout("drupal-agency", "drupal", "/news", "/news?page={page0}", "/node/{id}", "media", "next",
           dict(title=("h2", "node-title"), date="updated", date_at="before", body="div", share=True, counter=True,
                site_h1=True),
           delay=1.0, traps=frozenset({"docx", "octet-docx"})),
]


@dataclass
class Site:
    layout: Layout
    articles: list[Article]
    host: str
    server: ThreadingHTTPServer | None = None
    requests: list[tuple[float, str, str]] = field(default_factory=list)  # (time, method, path)
    views: int = 1000

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"


def make_articles(layout: Layout, seed: int) -> list[Article]:
    rng = random.Random(seed)
    place = PROVINCES[seed % len(PROVINCES)]
    articles, day = [], dt.date(2024, 9, 20)
    for number in range(1, layout.count + 1):
        day -= dt.timedelta(days=rng.randint(1, 9))
        values = dict(place=place, year=day.year, end=day.year + 1, prev=day.year - 1, rate=f"{rng.randint(2, 9)},{rng.randint(1, 9)}",
                      base=f"{rng.randint(10, 19)},{rng.randint(1, 9)}", households=f"{rng.randint(1, 9)}.{rng.randint(100, 999)}",
                      k=rng.randint(3, 5), workers=f"{rng.randint(2, 9)}.{rng.randint(100, 900)}", share=rng.randint(60, 85),
                      communes=rng.randint(5, 30), done=f"{rng.randint(1, 7)}.{rng.randint(100, 999)}", income=rng.randint(45, 70),
                      num=rng.randint(20, 300), cd=rng.randint(1, 28), cm=rng.randint(1, max(1, day.month - 1)))
        title = TITLES[(number + seed) % len(TITLES)].format(**values)
        short = layout.theme.get("short_first") and number == 1
        chosen = [0, 1] if short else [0, 1, *rng.sample(range(2, len(PARAGRAPHS)), rng.randint(2, 4))]
        paragraphs = tuple(PARAGRAPHS[i].format(**values) for i in chosen)
        attachments = _attachments_of(layout, number)
        articles.append(Article(number, _slug(title), title, day, paragraphs, attachments))
    return articles


def _attachments_of(layout: Layout, number: int) -> tuple[str, ...]:
    if number != 2:
        return ()
    return tuple(kind for kind in ("pdf", "docx", "octet-docx") if kind in layout.traps)


def _slug(title: str) -> str:
    plain = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


# ------------------------------------------------------------------ URLs


def article_path(layout: Layout, article: Article) -> str:
    d = article.published
    return layout.article.format(slug=article.slug, id=1000 + article.number, y=d.year, m=f"{d.month:02}", d=f"{d.day:02}")


def listing_path(layout: Layout, n: int) -> str:
    if n == 1:
        return layout.listing
    return layout.page.format(n=n, start=(n - 1) * layout.per_page, page0=n - 1)


def linked_path(layout: Layout, article: Article) -> str:
    """The URL a listing links an article by: a variant of its canonical one where the site has it."""
    path = article_path(layout, article)
    if "asset-variant" in layout.traps and article.number % 2:
        return f"{layout.listing}/-/asset_publisher/Ab3x/content/{article.slug}?redirect=%2Fweb%2Fx&inheritRedirect=true"
    if "utm-listing" in layout.traps and article.number == 3:
        return path + ("&" if "?" in path else "?") + "utm_source=trangchu&utm_medium=box"
    if "moved" in layout.traps and article.number == 4:
        return f"/old-news/{article.number}.htm"
    return path


def menu_path(layout: Layout, index: int) -> str:
    slug = _slug(MENU[index])
    if layout.family == "wordpress":
        return f"/{slug}/"
    return f"{layout.listing.rstrip('/')}/{slug}" if layout.family in ("drupal", "joomla") else f"/chuyen-muc/{slug}"


def listed_articles(site: Site) -> list[Article]:
    """Articles on the listing pages (a feed-only article is in the feed alone)."""
    return [a for a in site.articles if not ("feed-only" in site.layout.traps and a.number == site.layout.count)]


# ------------------------------------------------------------------ serving


def serve(sites: list[Site], clock) -> None:
    for site in sites:
        site.server = ThreadingHTTPServer((site.host, 0), _handler(site, clock))
        threading.Thread(target=site.server.serve_forever, daemon=True).start()


def stop(sites: list[Site]) -> None:
    for site in sites:
        site.server.shutdown()
        site.server.server_close()


def build_sites(first_address: int = 20) -> list[Site]:
    return [Site(layout, make_articles(layout, index), f"127.0.0.{first_address + index}") for index, layout in enumerate(LAYOUTS)]


def _handler(site: Site, clock):
    from tests.cms_pages import render_site  # the templates use this module's helpers

    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            self._answer("GET", {})

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("ascii")).items()}
            self._answer("POST", form)

        def _answer(self, method: str, form: dict) -> None:
            with lock:
                site.requests.append((clock.now(), method, self.path))
                site.views += 1
            status, headers, body = render_site(site, self.path, form, site.views)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def attachment_bytes(kind: str, article: Article) -> bytes:
    if kind == "pdf":  # WinAnsi Helvetica keeps the accents cp1252 has: enough for a text layer
        return make_pdf([f"Kế hoạch số {100 + article.number}/KH-UBND: phấn đấu giảm tỷ lệ hộ nghèo {article.number},5% trong năm 2024.",
                         "Các huyện, thành phố báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm."])
    return make_docx(f"Phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo xuống dưới {article.number},5%.\nTài liệu kèm theo bài viết.")


def escape_all(text: str) -> str:
    return escape(text, quote=True)


def split_path(path: str) -> tuple[str, dict]:
    parts = urlsplit(path)
    return parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}
