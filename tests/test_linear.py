"""Every pass is linear in its input: a text four times longer costs about four times as much.
Each shape below once made a regex or a loop rescan what it had seen (a long run of letters in a
text that is not NFC, a long blank run, thousands of targets compared with one another). Sizes
are compared, never absolute times: this machine is shared."""

import time
import unicodedata

import pytest

from chitieu.models import Document
from chitieu.pipeline import Extractor
from chitieu.text import normalise

SHAPES = {
    "letters after NFD text": lambda n: unicodedata.normalize("NFD", "Tiếng Việt ") + "a" * n,
    "one long line of spaces": lambda n: " " * n,
    "tabs and no-break spaces": lambda n: "\t\u00a0" * (n // 2),
    "blank lines": lambda n: "năm 2020" + "\n" * n,
    "digits": lambda n: "1" * n,
    "percent signs": lambda n: "%" * n,
    "open brackets": lambda n: "(" * n,
    "years": lambda n: "giai đoạn 2021 - 2025 " * (n // 22),
    "goal clauses": lambda n: "phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 4%; " * (n // 44),
    "bulleted goals": lambda n: "- Có 95% hộ gia đình được dùng nước sạch.\n" * (n // 42),
    "capitals": lambda n: "KẾ HOẠCH THỰC HIỆN " * (n // 19),
}


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def cost(extractor, text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two: a busy machine only ever adds time
        start = time.perf_counter()
        extractor.extract(Document(doc_id="x", name="x.txt", source="x.txt", text=normalise(text).text))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_costs_about_four_times_as_much(extractor, shape):
    make = SHAPES[shape]
    small, large = cost(extractor, make(8_000)), cost(extractor, make(32_000))
    assert large < 8 * max(small, 0.002), f"{shape}: {small:.3f} s for 8,000 characters, {large:.3f} s for 32,000"
