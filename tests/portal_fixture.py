"""A fixture portal served on loopback by the tests: listings over two pages, articles in three
layouts, DOCX and PDF attachments, robots.txt, a redirect, a 404, a 500 then success, a 429
with Retry-After, a slow page, an oversized page and a gzip bomb."""

from __future__ import annotations

import gzip
import hashlib
import io
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLUG = "ke-hoach-thuc-hien-chuong-trinh-giam-ngheo-ben-vung"
TARGET_TEXT = "Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn {rate}% trong năm 2024."


def article_layout_a(n: int, rate: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>Bài {n} - Cổng thông tin điện tử tỉnh Sơn La</title>
<meta property="og:site_name" content="Cổng thông tin điện tử tỉnh Sơn La"></head><body>
<div class="menu"><a href="/">Trang chủ</a><a href="/news?page=1">Tin tức</a></div>
<div class="content"><h1>Kế hoạch giảm nghèo số {n}</h1><p>Ngày 02/8/2024, UBND tỉnh ban hành Kế hoạch số {100 + n}/KH-UBND.</p>
<p>{TARGET_TEXT.format(rate=rate)}</p><p>Hỗ trợ kết nối việc làm thành công cho khoảng 2.500 lao động.</p></div>
<div class="footer">Cổng thông tin điện tử tỉnh Sơn La. Lượt xem: 1234</div></body></html>"""


def article_layout_b(n: int, rate: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Tin {n}</title></head><body><header>SƠN LA</header><article><h2>Kế hoạch {n}</h2>
<p>{TARGET_TEXT.format(rate=rate)}</p><p>Tài liệu: <a href="/files/kh-{n}.docx">Tệp đính kèm</a>
<a href="/files/kh-{n}.pdf">Chi tiết xem văn bản tại đây</a> <a href="http://example.org/x.pdf">ngoài</a></p></article>
<aside class="related"><a href="/tin/{SLUG}-a1.html">Tin liên quan</a></aside></body></html>"""


def article_layout_c(n: int, rate: str) -> str:
    return f"""<html><body><table><tr><td class="left">Danh mục</td><td class="main">
<p><b>Kế hoạch {n}.</b></p><p>{TARGET_TEXT.format(rate=rate)}</p></td></tr></table></body></html>"""


def _item(path: str) -> str:
    """A listing's line: the article's title and its date."""
    return f'<li><a href="{path}">Kế hoạch thực hiện chương trình giảm nghèo bền vững</a> (02/8/2024)</li>'


def docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


class Portal:
    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.flaky_failures = 1
        self.lock = threading.Lock()
        self.pages = self._pages()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _pages(self) -> dict[str, tuple[str, bytes]]:
        html = "text/html; charset=utf-8"
        articles = {
            f"/tin/{SLUG}-a1.html": article_layout_a(1, "18,5"),
            f"/tin/{SLUG}-a2.html": article_layout_b(2, "17,5"),
            f"/tin/{SLUG}-a3.html": article_layout_c(3, "16,5"),
            f"/tin/{SLUG}-a4.html": article_layout_a(4, "15,5"),
            f"/tin/{SLUG}-a5.html": article_layout_c(5, "14,5"),
        }
        pages = {path: (html, body.encode("utf-8")) for path, body in articles.items()}
        listing1 = "".join(_item(p) for p in list(articles)[:3]) + '<a href="/news?page=2">Trang sau</a>'
        listing2 = "".join(_item(p) for p in list(articles)[3:]) + "".join(
            _item(p) for p in (
                f"/private/{SLUG}-secret.html", f"/old/{SLUG}-moved.html", f"/tin/{SLUG}-missing.html",
                f"/tin/{SLUG}-flaky.html", f"/tin/{SLUG}-busy.html", f"/tin/{SLUG}-slow.html",
                f"/tin/{SLUG}-huge.html", f"/tin/{SLUG}-bomb.html", f"http://example.org/tin/{SLUG}-offsite.html",
            )
        )
        pages["/news?page=1"] = (html, f"<html><body><ul>{listing1}</ul></body></html>".encode())
        pages["/news?page=2"] = (html, f"<html><body><ul>{listing2}</ul></body></html>".encode())
        pages["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
        pages[f"/tin/{SLUG}-flaky.html"] = (html, article_layout_a(6, "13,5").encode())
        pages[f"/tin/{SLUG}-busy.html"] = (html, article_layout_a(7, "12,5").encode())
        pages["/files/kh-2.docx"] = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_bytes("Phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%/năm."),
        )
        pages["/files/kh-2.pdf"] = ("application/pdf", b"%PDF-1.4\n%broken on purpose\n%%EOF")
        return pages

    def _handler(self):
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server's name
                with portal.lock:
                    portal.requests.append((self.path, dict(self.headers)))
                path = self.path
                if path.startswith("/old/"):
                    return self._send(301, b"", extra={"Location": path.replace("/old/", "/tin/").replace("moved", "a5")})
                if path.endswith("-missing.html"):
                    return self._send(404, b"not found")
                if path.endswith("-flaky.html"):
                    with portal.lock:
                        if portal.flaky_failures > 0:
                            portal.flaky_failures -= 1
                            return self._send(500, b"oops")
                if path.endswith("-busy.html"):
                    busy = sum(1 for p, _ in portal.requests if p == path) == 1
                    if busy:
                        return self._send(429, b"slow down", extra={"Retry-After": "1"})
                if path.endswith("-slow.html"):
                    time.sleep(1.5)  # longer than the tests' fetch timeout
                if path.endswith("-huge.html"):
                    return self._send(200, b"<html>" + b"x" * 3_000_000 + b"</html>", "text/html")
                if path.endswith("-bomb.html"):
                    bomb = gzip.compress(b"<html>" + b"\0" * 50_000_000)
                    return self._send(200, bomb, "text/html", extra={"Content-Encoding": "gzip"})
                if path not in portal.pages:
                    return self._send(404, b"not found")
                content_type, body = portal.pages[path]
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", extra={"ETag": etag})
                self._send(200, body, content_type, extra={"ETag": etag})

            def _send(self, status, body, content_type="text/plain", extra=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                if body:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

        return Handler

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def count(self, suffix: str) -> int:
        return sum(1 for path, _ in self.requests if path.endswith(suffix))
