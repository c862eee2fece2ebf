"""Nothing lost, nothing hung: generated and damaged input never makes chitieu raise anything
but its own errors, never loses a file and never writes half of a refused review.

1. Text: `normalise` on any text keeps an exact offset map; the whole pipeline on plan-like
   text never raises and every span it reports is the text it quotes.
2. Numbers and dates: the quantity reader and the date pass never raise on Vietnamese numbers
   and dates, and a date they return is one on the calendar.
3. Review files: a mutated exported review file is imported or refused with a ReviewError, and
   a refused file writes nothing.
4. A corpus of damaged real files (built here, from corpus/seeds, by seeded mutations) goes
   through `chitieu extract` as users run it: exit code 0, no traceback, every input stored or
   recorded as a failure with its stage and reason, and the good files beside the bad ones keep
   the targets they have alone.

Hypothesis runs derandomised with few examples, so that CI is reproducible and quick;
`bench/bench_fuzz.py` is the long run (1,000 damaged files, bombs, a re-run). The builders of
files and damage below are shared with it.

Each bug these tests found (numbers with mixed separators, 400-digit numbers, 31 February, NFD
text segmented with "_", a commit after the group's last) has a small test of its own below.
"""

from __future__ import annotations

import calendar
import io
import json
import math
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
CHITIEU = [shutil.which("chitieu")] if shutil.which("chitieu") else [sys.executable, "-m", "chitieu.cli"]
RUN_SECONDS = 600  # far beyond what the corpus needs (~30 s): past it, the run hung

FUZZ = settings(
    max_examples=200, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# ================================================================ generated text

PLAN_WORDS = [
    "Kế hoạch", "số", "KH-UBND", "Quyết định", "UBND tỉnh Sơn La", "HĐND", "phấn đấu", "mục tiêu", "chỉ tiêu", "đến năm",
    "giảm", "tăng", "tỷ lệ hộ nghèo", "hộ cận nghèo", "xuống còn", "xuống dưới", "dưới", "trên", "ít nhất", "tối thiểu",
    "khoảng", "từ", "đến", "trở lên", "trở xuống", "bình quân", "mỗi năm", "/năm", "so với", "đầu kỳ", "đạt", "đã", "dự kiến",
    "lao động", "người", "hộ", "xã", "mô hình", "tỷ đồng", "triệu đồng/người/năm", "nghìn", "điểm phần trăm", "%",
    "giai đoạn", "ngày", "tháng", "năm", "Điều 1.", "Chương II", "I.", "a)", "-", "–", "(", ")", ":", ";", ",", ".",
    "\n", "\n\n", "  ", "\t", "\u00a0", "\u200b", "_", "\\n", "\r\n", "hoà", "thuỷ", "Ðiều", "ð", "⟦", "\ufffd",
]
SEPARATORS = [" ", " ", " ", "", "\n", ", ", ". ", "; ", " - ", "/"]


def vietnamese_number(whole: int, decimals: str) -> str:
    """1234567 and "5" -> "1.234.567,5": dot thousands, comma decimals."""
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


NUMBERS = st.one_of(
    st.integers(0, 10**6).map(str),
    st.builds(vietnamese_number, st.integers(0, 10**10), st.from_regex(r"\d{0,3}", fullmatch=True)),
    st.sampled_from(["18,66", "1.234,5", "25.000", "1.587.166", "0,9", "02", "1/2", "2/3", "20.411/181.603", "16/19",
                     "20255", "2025", "3-5", "15 – 20", "4,5 - 5", "1.000.000.000.000", "0", "00,0", "1,", ",5", "１２", "٣"]),
)
QUANTITIES = st.one_of(
    NUMBERS,
    st.tuples(NUMBERS, st.sampled_from(["%", " %", " tỷ đồng", " triệu đồng", " nghìn tỷ", " hộ", " người", " lao động",
                                        "%/năm", " điểm phần trăm", " xã", " mô hình", " tuổi", " tháng"])).map("".join),
)


def date_text(day: int, month: int, year: int, style: int) -> str:
    return [
        f"ngày {day}/{month}/{year}", f"{day:02}.{month:02}.{year}", f"ngày {day} tháng {month} năm {year}",
        f"Ngày {day}/{month}", f"năm {year}", f"Thứ Sáu, {day:02}/{month:02}/{year} 18:05", f"{day}-{month}-{year}",
        f"hôm {day}.{month}", f"{day} / {month} / {year}",
    ][style]


DATES = st.builds(date_text, st.integers(0, 40), st.integers(0, 14),
                  st.one_of(st.integers(1890, 2110), st.sampled_from([20255, 999, 19999, 2023, 2024, 2100])), st.integers(0, 8))
TOKENS = st.one_of(st.sampled_from(PLAN_WORDS), QUANTITIES, DATES, st.text(max_size=4))
PLAN_TEXT = st.lists(st.tuples(TOKENS, st.sampled_from(SEPARATORS)).map("".join), max_size=50).map("".join)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
NFD = st.one_of(PLAN_TEXT, ANY_TEXT).map(lambda text: unicodedata.normalize("NFD", text))
RAW_TEXT = st.one_of(ANY_TEXT, PLAN_TEXT, NFD)


# ---------------------------------------------------------------- normalise


def check_offset_map(raw: str, normalised) -> None:
    """The text outside the edits is the raw text, character for character, and every offset
    maps back onto the raw text in order."""
    text, edits = normalised.text, normalised.edits
    assert normalised.raw == raw
    done_text = done_raw = 0
    for text_start, text_end, raw_start, raw_end in edits:
        assert done_text <= text_start <= text_end <= len(text), edits
        assert done_raw <= raw_start <= raw_end <= len(raw), edits
        assert text[done_text:text_start] == raw[done_raw:raw_start]
        done_text, done_raw = text_end, raw_end
    assert text[done_text:] == raw[done_raw:]
    offsets = [normalised.raw_offset(i) for i in range(len(text) + 1)]
    assert offsets == sorted(offsets) and all(0 <= o <= len(raw) for o in offsets)
    assert offsets[-1] == len(raw)
    inside = {i for start, end, _, _ in edits for i in range(start, end)}
    for i, char in enumerate(text):
        if i not in inside:
            assert raw[offsets[i]] == char, (i, char)
    for start in range(0, len(text) + 1, 7):
        raw_start, raw_end = normalised.raw_span(start, min(len(text), start + 5))
        assert 0 <= raw_start <= raw_end <= len(raw)


@FUZZ
@given(RAW_TEXT)
@example("Kế_hoạch \\r\\n năm 2025\r\nthuỷ lợi hoà bình\u00a0\u200b")
@example("0_\u00ad0")
@example("")
def test_normalise_keeps_an_exact_offset_map(raw):
    from chitieu.text import normalise

    check_offset_map(raw, normalise(raw))


VIETNAMESE_SYLLABLES = ["kế", "hoạch", "thực", "hiện", "giảm", "nghèo", "bền", "vững", "tỷ", "lệ", "hộ", "đạt", "được",
                        "Điều", "ủy", "ban", "nhân", "dân", "tỉnh", "Sơn", "La", "hoà", "thuỷ", "khoẻ", "quý", "người", "ưu", "tiên"]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(VIETNAMESE_SYLLABLES), st.sampled_from([" ", "\n", ", ", ". ", "  "])).map("".join), max_size=30)
       .map("".join), st.booleans())
def test_vietnamese_in_nfd_or_nfc_normalises_to_the_same_nfc_text(text, decompose):
    """A Vietnamese text copied from a Mac (NFD) reads as the same text as its NFC form."""
    from chitieu.text import normalise

    raw = unicodedata.normalize("NFD" if decompose else "NFC", text)
    normalised = normalise(raw)
    check_offset_map(raw, normalised)
    assert unicodedata.is_normalized("NFC", normalised.text)
    assert normalised.text == normalise(unicodedata.normalize("NFC", text)).text
    assert normalise(normalised.text).text == normalised.text


@pytest.mark.parametrize("text", ["Kế_hoạch", "hoà_bình", "thuỷ_lợi năm 2025"])
def test_word_segmented_nfd_text_normalises_like_its_nfc_form(text):
    from chitieu.text import normalise

    assert normalise(unicodedata.normalize("NFD", text)).text == normalise(text).text


# ---------------------------------------------------------------- the whole pipeline


def check_spans(result) -> None:
    text = result.document.text
    evidences = [t.evidence for t in result.targets] + [t.sentence for t in result.targets]
    evidences += [r.evidence for r in result.references] + list(result.plan.evidence.values())
    for evidence in evidences:
        assert 0 <= evidence.start <= evidence.end <= len(text), evidence
        assert text[evidence.start : evidence.end] == evidence.text, evidence
    for target in result.targets:
        assert target.value_min <= target.value_max, target
        assert text[target.evidence.start : target.evidence.end] == target.evidence.text
    result.to_output()  # the gold-format record validates


def extract_text(extractor, raw: str):
    from chitieu.models import Document
    from chitieu.sources.files import document_id
    from chitieu.text import normalise

    text = normalise(raw).text
    return extractor.extract(Document(doc_id=document_id(text), name="fuzz.txt", source="/fuzz/fuzz.txt", text=text))


@FUZZ
@given(RAW_TEXT)
@example("Kế hoạch số 199/KH-UBND ngày 02/8/2022 của UBND tỉnh Sơn La. Phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo xuống còn 18,66%.")
@example("ngày 31/02/2023 phấn đấu giảm 3%/năm, từ 5,03% xuống còn 4,33%; năm 20255 đạt 1.234,5 tỷ đồng")
def test_the_pipeline_never_raises_and_quotes_its_spans(extractor, raw):
    check_spans(extract_text(extractor, raw))


@FUZZ
@given(PLAN_TEXT)
def test_the_pipeline_gives_finite_values(extractor, raw):
    for target in extract_text(extractor, raw).targets:
        assert math.isfinite(target.value_min) and math.isfinite(target.value_max), target


@pytest.mark.parametrize("raw", ["Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 1.2,3,4%.", "Phấn đấu tăng thu nhập 1,2,3.4 tỷ đồng."])
def test_mixed_separators_are_read_or_skipped(extractor, raw):
    check_spans(extract_text(extractor, raw))


def test_a_number_too_large_for_a_float_is_no_infinite_target(extractor):
    raw = "Phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo xuống còn " + "9" * 400 + "%."
    for target in extract_text(extractor, raw).targets:
        assert math.isfinite(target.value_min) and math.isfinite(target.value_max)


# ================================================================ numbers and dates


@pytest.fixture(scope="module")
def quantity_reader(rules):
    from chitieu.numbers import QuantityReader

    return QuantityReader(rules.numbers)


@FUZZ
@given(st.from_regex(r"\d{1,20}(?:[.,]\d{1,4}){0,4}", fullmatch=True))
def test_parse_number_reads_every_printed_number(number):
    from chitieu.numbers import parse_number

    value = parse_number(number)
    assert value is None or value >= 0


@FUZZ
@given(st.lists(st.one_of(QUANTITIES, DATES, st.sampled_from(PLAN_WORDS)), max_size=20).map(" ".join))
@example("18,66% 1.234,5 tỷ đồng ngày 31/02/2023 năm 20255 từ 15 đến 20% khoảng 25.000 lao động 1/2 số hộ")
def test_the_quantity_reader_never_raises(quantity_reader, text):
    for quantity in quantity_reader.find(text):
        assert 0 <= quantity.start <= quantity.number_start < quantity.number_end <= quantity.end <= len(text), quantity
        assert quantity.value_min <= quantity.value_max, quantity


def run_dates(extractor, raw: str):
    """The date pass the pipeline runs, on the normalised text."""
    from chitieu.nlp import make_doc
    from chitieu.text import normalise

    text = normalise(raw).text
    return text, extractor.dates.run(make_doc(text))


def is_calendar_date(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    days = calendar.monthrange(year if year is not None else 2024, month)[1]  # no year: 29 February may be
    return 1 <= day <= days


DATE_TEXT = st.lists(st.one_of(DATES, st.sampled_from(PLAN_WORDS), NUMBERS), max_size=15).map(" ".join)


@FUZZ
@given(DATE_TEXT)
@example("ngày 31/02/2023, năm 20255, Ngày 10/3, 21.12.2021, Thứ Sáu, 18/03/2022 18:05")
def test_the_date_pass_never_raises_and_quotes_its_spans(extractor, text):
    text, found = run_dates(extractor, text)
    for date in found:
        assert text[date.evidence.start : date.evidence.end] == date.evidence.text
        assert date.year is None or 1900 <= date.year <= 2099


@FUZZ
@given(DATE_TEXT)
@example("ngày 31/02/2023")
def test_a_date_is_on_the_calendar(extractor, text):
    for date in run_dates(extractor, text)[1]:
        assert is_calendar_date(date.day, date.month, date.year), date


# ================================================================ review files


@dataclass(frozen=True)
class ReviewWorkspace:
    db: Path  # a clean catalogue holding one seed document, to copy for each example
    exported: dict  # its review file as exported
    edited: dict  # ... with a reviewer's decisions: accepted, corrected, rejected, the plan accepted
    text: str  # the document's text, for quotes
    indicators: list[str]


@pytest.fixture(scope="module")
def review_workspace(tmp_path_factory) -> ReviewWorkspace:
    from chitieu.batch import BatchOptions, run_batch
    from chitieu.catalogue import Catalogue
    from chitieu.review import ReviewFilter, export_review

    work = tmp_path_factory.mktemp("review")
    docs = work / "docs"
    docs.mkdir()
    shutil.copy(SEEDS[0], docs / SEEDS[0].name)
    db = work / "pristine.db"
    run_batch([docs], BatchOptions(db_path=db, progress=False, workers=1))
    exported = work / "exported.json"
    export_review(Catalogue(db), exported, ReviewFilter(), batch="fuzz")
    data = json.loads(exported.read_text(encoding="utf-8"))
    edited = json.loads(json.dumps(data))
    edited["reviewer"] = "Nguyễn Thị Lan"
    statuses = ["accepted", "corrected", "rejected"]
    for i, target in enumerate(edited["documents"][0]["targets"]):
        target["status"] = statuses[i % 3]
        if target["status"] == "corrected":
            target["corrections"]["bound"] = "at_most" if target["machine"]["bound"] != "at_most" else "exact"
        if target["status"] == "rejected":
            target["reason"] = "không phải chỉ tiêu"
    edited["documents"][0]["plan"]["status"] = "accepted"
    with sqlite3.connect(db) as connection:  # one clean file, no WAL beside it, to copy per example
        [text] = connection.execute("select text from documents").fetchone()
        indicators = [r[0] for r in connection.execute("select code from indicators order by code")]
        connection.execute("pragma wal_checkpoint(truncate)")
    return ReviewWorkspace(db, data, edited, text, indicators)


class Raw:
    """A JSON token written as it is: NaN, Infinity, 1e400, a number of 5,000 digits."""

    def __init__(self, token: str):
        self.token = token


class Pairs(list):
    """A JSON object as a list of (key, value) pairs: keys may repeat."""


def dump_json(node) -> str:
    """JSON with the tokens and repeated keys that json.dumps cannot write; lone surrogates come
    out as \\udXXX escapes (ensure_ascii)."""
    if isinstance(node, Raw):
        return node.token
    if isinstance(node, Pairs):
        return "{" + ", ".join(f"{json.dumps(k)}: {dump_json(v)}" for k, v in node) + "}"
    if isinstance(node, dict):
        return dump_json(Pairs(node.items()))
    if isinstance(node, list):
        return "[" + ", ".join(dump_json(v) for v in node) + "]"
    return json.dumps(node)


def json_paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from json_paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from json_paths(value, (*path, i))


JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["accepted", "rejected", "corrected", "pending", "poverty.rate", "percent", "households", "at_most",
                     "decrease", "all", "year", 2025, 1899, 2101, 18.66, -1.0, 0, 1e308, "", "   ", "Nguyễn Thị Lan", "\ud800",
                     "a\udfffb", "2024-02-30T00:00:00", "x" * 300, True]),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1" * 5000, "1.0e-400", "0.1e1"]).map(Raw),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6
)
STATUSES = st.sampled_from(["accepted", "rejected", "corrected", "pending"])
REASONS = st.sampled_from([None, "", "  ", "không phải chỉ tiêu", "trùng"])
SIGNATURES = st.sampled_from([None, "", "   ", "Lan", "Nguyễn Thị Lan", "Trần Văn Minh"])
YEARS = st.one_of(st.integers(1890, 2110), st.sampled_from([2025, 2030]))
VALUES = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.sampled_from([0, 3, 18.66, 100, 1e308, -0.0]))


def quotes(text: str):
    """A stretch of the document (as it is, in NFD, with doubled spaces), or words it lacks."""
    stretch = st.builds(lambda at, size: text[at : at + size], st.integers(0, len(text)), st.integers(0, 90))
    return st.one_of(
        stretch, stretch.map(lambda q: unicodedata.normalize("NFD", q)), stretch.map(lambda q: q.replace(" ", "  \n ")),
        st.sampled_from(["tỷ lệ hộ nghèo", "   ", "xyz không có", "18,66%", "hỗ trợ 40 lao động thuộc các huyện nghèo"]),
        st.text(min_size=0, max_size=20),
    )


def target_fields(workspace: ReviewWorkspace):
    return st.fixed_dictionaries({}, optional={
        "text": quotes(workspace.text),
        "indicator": st.sampled_from([*workspace.indicators[:5], "poverty.rate", "no.such.code", "poverty.rat", ""]),
        "scope": st.sampled_from(["all", "poor_districts", "other", "nowhere"]),
        "change": st.sampled_from(["level", "decrease", "increase", "up"]),
        "bound": st.sampled_from(["exact", "at_least", "at_most", "approx", "about"]),
        "value_min": VALUES, "value_max": VALUES,
        "unit": st.sampled_from(["percent", "households", "vnd", "other", "kg"]),
        "per_year": st.booleans(), "year": YEARS, "clear": st.sampled_from([[], ["year"], ["year", "year"], ["unit"]]),
    })


PLAN_CORRECTIONS = st.fixed_dictionaries({}, optional={
    "symbol": st.sampled_from(["199/KH-UBND", "", None]), "doc_type": st.sampled_from(["ke_hoach", "quyet_dinh", "plan"]),
    "issued": st.sampled_from(["2022-08-02", "2023-02-31", "02/08/2022"]), "issuer_level": st.sampled_from(["province", "district", "city"]),
    "place": st.sampled_from(["Sơn La", "son la", ""]), "period_start": YEARS, "period_end": YEARS,
    "clear": st.sampled_from([[], ["symbol"], ["period_start", "period_end"], ["nothing"]]),
})


def decide(data: dict, draw, workspace: ReviewWorkspace) -> None:
    """A reviewer's edit that keeps the file's shape: a decision, a correction, an added target,
    a plan correction, a signature, or an edit typed into a machine block."""
    kind = draw(st.sampled_from(["decide", "correct", "correct", "add", "plan", "sign", "adjudicate", "machine"]))
    document = draw(st.sampled_from(data["documents"]))
    target = draw(st.sampled_from(document["targets"])) if document["targets"] else None
    if kind == "decide" and target:
        target["status"], target["reason"] = draw(STATUSES), draw(REASONS)
    elif kind == "correct" and target:
        target["status"] = draw(st.sampled_from(["corrected", "corrected", "accepted", "pending"]))
        target["corrections"].update(draw(target_fields(workspace)))
    elif kind == "add":
        document["added_targets"].append({"quote": draw(quotes(workspace.text)), "fields": draw(target_fields(workspace)),
                                          "note": draw(st.sampled_from([None, "thêm"]))})
    elif kind == "plan":
        document["plan"]["status"] = draw(STATUSES)
        document["plan"]["corrections"].update(draw(PLAN_CORRECTIONS))
    elif kind == "sign":
        data["reviewer"] = draw(SIGNATURES)
    elif kind == "adjudicate":
        data["adjudication"] = draw(st.booleans())
    elif kind == "machine" and target:
        target["machine"].update({k: v for k, v in draw(target_fields(workspace)).items() if k != "clear"})


DAMAGE = ["replace", "replace", "drop", "duplicate", "nest", "surrogate_key", "truncate"]


def damage(data, draw) -> str:
    """The file after edits no editor would make (values of any JSON type anywhere, keys dropped
    or given twice, deep nesting, NaN, lone surrogates, a cut), as text."""
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(json_paths(data))))
        kind = draw(st.sampled_from(DAMAGE))
        if kind == "truncate":
            text = dump_json(data)
            return text[: draw(st.integers(0, len(text)))]
        if not path:
            if kind == "replace":
                data = draw(JSON_VALUES)
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        if kind == "replace":
            parent[last] = draw(JSON_VALUES)
        elif kind == "drop":
            del parent[last]
        elif kind == "duplicate" and isinstance(parent, dict):
            pairs = Pairs(parent.items())
            pairs.append((last, draw(JSON_VALUES)))
            if not path[:-1]:
                return dump_json(pairs)
            grandparent = data
            for part in path[:-2]:
                grandparent = grandparent[part]
            grandparent[path[-2]] = pairs
            return dump_json(data)  # no path leads into a list of pairs: the last edit
        elif kind == "nest":
            depth = draw(st.sampled_from([2, 10, 31, 33, 100, 5000]))
            parent[last] = Raw("[" * depth + "1" + "]" * depth)
        elif kind == "surrogate_key" and isinstance(parent, dict):
            parent["\udc80" + str(last)] = parent.pop(last)
    return dump_json(data)


def catalogue_state(db: Path) -> dict:
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("select name from sqlite_master where type = 'table' and name not like '%fts%'")]
        state = {table: connection.execute(f"select count(*) from [{table}]").fetchone()[0] for table in tables}
        for table in ("reviews", "corrections", "added_targets", "review_batches", "documents", "targets", "plans"):
            if table in tables:
                state[f"{table} rows"] = sorted(map(repr, connection.execute(f"select * from [{table}]").fetchall()))
    return state


def without_times(state: dict) -> dict:
    """A state as a second import of the same file leaves it: the import times aside."""
    return {k: [re.sub(r"'\d{4}-\d\d-\d\dT[\d:]+\+00:00'", "'T'", row) for row in v] if isinstance(v, list) else v
            for k, v in state.items()}


@settings(FUZZ, max_examples=300)
@given(st.data())
def test_a_mutated_review_file_is_imported_or_refused_whole(review_workspace, data):
    """Imported (and then a second import of it changes nothing), or refused with a ReviewError
    naming the file, having written nothing."""
    from chitieu.catalogue import Catalogue
    from chitieu.errors import ReviewError
    from chitieu.review import import_review

    workspace = review_workspace
    review = json.loads(json.dumps(data.draw(st.sampled_from([workspace.exported, workspace.edited]))))
    for _ in range(data.draw(st.integers(0, 4))):
        decide(review, data.draw, workspace)
    text = damage(review, data.draw) if data.draw(st.booleans()) else dump_json(review)
    with tempfile.TemporaryDirectory() as directory:
        db, path = Path(directory) / "c.db", Path(directory) / "review.json"
        shutil.copy(workspace.db, db)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        before = catalogue_state(db)
        try:
            import_review(Catalogue(db), path)
        except ReviewError as error:
            assert str(error).strip() and str(path) in str(error)
            assert catalogue_state(db) == before, "a refused review file wrote rows"
            return
        after = catalogue_state(db)
        for table in ("documents", "targets", "plans"):
            assert after[f"{table} rows"] == before[f"{table} rows"], f"a review import changed {table}"
        again = import_review(Catalogue(db), path)
        assert again.applied == 0 and without_times(catalogue_state(db)) == without_times(after)


# ================================================================ files, as `chitieu extract` meets them


def cp1252_text(text: str) -> str:
    """The text in characters a PDF's standard fonts have: a letter loses the marks cp1252 lacks
    ("ấ" -> "â", "ụ" -> "u"); đ is written as ð, which normalise turns back into đ."""
    out = []
    for char in text.replace("đ", "ð").replace("Đ", "Ð"):
        while True:
            try:
                char.encode("cp1252")
                break
            except UnicodeEncodeError:
                parts = unicodedata.normalize("NFD", char)
                char = unicodedata.normalize("NFC", parts[:-1]) if len(parts) > 1 else "?"
        out.append(char)
    return "".join(out)


def make_pdf(lines: list[str], lines_per_page: int = 50, pages: int | None = None) -> bytes:
    """A text PDF (Helvetica, WinAnsi) holding `lines`; `pages` repeats one page that many
    times (a page-count bomb)."""

    def literal(line: str) -> bytes:
        return b"(" + cp1252_text(line).encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    chunks = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    streams = [b"BT /F1 10 Tf 14 TL 40 800 Td\n" + b"\n".join(literal(line) + b" Tj T*" for line in chunk) + b"\nET" for chunk in chunks]
    count = len(streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count)) if pages is None else " ".join(["4 0 R"] * pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count if pages is None else pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx_xml(text: str) -> bytes:
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line, quote=False)}</w:t></w:r></w:p>' for line in text.split("\n")
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{WORD_NS}"><w:body>{paragraphs}</w:body></w:document>').encode("utf-8")


def make_docx(text: str | None = None, xml: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        xml = docx_xml(text) if xml is None and text is not None else xml
        if xml is not None:
            archive.writestr("word/document.xml", xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def declare_size(archive: bytes, member: str, size: int) -> bytes:
    """The zip with `member`'s uncompressed size rewritten in its local and central headers."""
    data = bytearray(archive)
    name = member.encode()
    # (signature, offset of the uncompressed size, of the name's length, of the name)
    for signature, size_at, length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = int.from_bytes(data[at + length_at : at + length_at + 2], "little")
            if data[at + name_at : at + name_at + length] == name:
                data[at + size_at : at + size_at + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def make_html(text: str, title: str = "Kế hoạch thực hiện Chương trình giảm nghèo", published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>{meta}</head>'
            f'<body><nav><a href="/">Trang chủ</a></nav><article><h1>{escape(title)}</h1>\n{paragraphs}\n</article>'
            f"<footer>Cổng thông tin điện tử</footer></body></html>").encode("utf-8")


# ---------------------------------------------------------------- damage


def flip_bytes(data: bytes, rng: random.Random, count: int) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        at = rng.randrange(len(out))
        out[at] ^= rng.randrange(1, 256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def broken_markup(html: bytes, rng: random.Random) -> bytes:
    """Tags cut, brackets dropped, stray closers and comments opened but never closed."""
    out = bytearray(html)
    for _ in range(rng.randrange(5, 40)):
        at = rng.randrange(len(out))
        out[at:at] = rng.choice([b"<", b">", b"</p>", b"<div", b"<!--", b"&", b"&#xD800;", b"<table><tr><td>", b"\"", b"<![CDATA["])
    return bytes(out)


def deep_html(levels: int, text: str = "Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 3%.") -> bytes:
    return (b"<html><body>" + b"<div><span>" * levels + text.encode() + b"</span></div>" * levels + b"</body></html>")


def junk_in(data: bytes, rng: random.Random, size: int = 4096) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(size) + data[at:]


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
    + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8))
    + b']><w:document xmlns:w="' + WORD_NS.encode() + b'"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
)


def damaged_docx(text: str, rng: random.Random, how: str) -> bytes:
    if how == "xml flipped":
        xml = docx_xml(text)
        return make_docx(xml=flip_bytes(xml, rng, rng.randrange(1, 30)))
    if how == "no document.xml":
        return make_docx(extra={"word/documents.xml": docx_xml(text)})
    if how == "huge declared size":
        return declare_size(make_docx(text), "word/document.xml", 0xFFFF_FFF0)
    if how == "small declared size":
        return declare_size(make_docx(text), "word/document.xml", 100)
    if how == "truncated":
        return truncate(make_docx(text), rng)
    if how == "entity bomb":
        return make_docx(xml=BILLION_LAUGHS)
    if how == "no body":
        return make_docx(xml=f'<w:document xmlns:w="{WORD_NS}"/>'.encode())
    if how == "bytes flipped":
        return flip_bytes(make_docx(text), rng, rng.randrange(1, 20))
    raise ValueError(how)


def damaged_pdf(lines: list[str], rng: random.Random, how: str) -> bytes:
    pdf = make_pdf(lines)
    if how == "truncated":
        return pdf[: rng.randrange(9, len(pdf))]
    if how == "xref broken":
        return re.sub(rb"startxref\n\d+", b"startxref\n" + str(rng.randrange(10**6)).encode(), pdf).replace(b"0000000", b"0000999", 3)
    if how == "no xref":
        return pdf[: pdf.index(b"xref")] + b"%%EOF\n"
    if how == "bytes flipped":
        return flip_bytes(pdf, rng, rng.randrange(1, 20))
    if how == "header only":
        return b"%PDF-1.7\n" + rng.randbytes(200)
    if how == "page bomb":
        return make_pdf(lines[:5], pages=5000)
    raise ValueError(how)


DOCX_DAMAGE = ["xml flipped", "no document.xml", "huge declared size", "small declared size", "truncated", "entity bomb",
               "no body", "bytes flipped"]
PDF_DAMAGE = ["truncated", "xref broken", "no xref", "bytes flipped", "header only", "page bomb"]


@dataclass(frozen=True)
class Input:
    name: str
    data: bytes
    good: bool  # intact: must be stored, with the targets it has alone
    what: str


def distinct(text: str, tag: str) -> str:
    """A copy of `text` whose normalised text no other input has."""
    return f"{text}\n(bản {tag})\n"


def small_corpus(seed: int = 20240601) -> list[Input]:
    """About 40 inputs: the five seeds as good .txt, .html, .docx and .pdf files, and damaged
    copies of them of every kind, each made distinct by its own last line."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    lines = [line for line in texts[4].split("\n") if line.strip()]
    inputs = [
        Input("good_000.txt", texts[0].encode(), True, "intact text"),
        Input("good_001.txt", texts[1].encode(), True, "intact text"),
        Input("good_002.html", make_html(texts[2]), True, "intact page"),
        Input("good_003.docx", make_docx(texts[3]), True, "intact Word file"),
        Input("good_004.pdf", make_pdf(lines), True, "intact PDF"),
        Input("good_impossible_meta_date.html", make_html(distinct(texts[1], "meta"), published="2023-02-31T08:00"), True,
              "a page whose meta date is 31 February: the page is still read"),
    ]

    def text_of(i: int) -> str:
        return distinct(texts[i % len(texts)], str(i))

    n = 100
    for count in (1, 3, 40):
        n += 1
        inputs.append(Input(f"flipped_{n}.txt", flip_bytes(text_of(n).encode(), rng, count), False, f"{count} bytes flipped"))
    for _ in range(2):
        n += 1
        inputs.append(Input(f"truncated_{n}.txt", truncate(text_of(n).encode(), rng), False, "cut anywhere, maybe mid-character"))
    n += 1
    inputs += [
        Input("empty.txt", b"", False, "empty"), Input("empty.pdf", b"", False, "empty"), Input("empty.docx", b"", False, "empty"),
        Input("empty.html", b"", False, "empty"), Input("blank.txt", b" \n\t\n   \n", False, "whitespace only"),
        Input("binary.txt", rng.randbytes(3000), False, "random bytes"),
        Input("latin1.txt", distinct(texts[0], "latin1").encode("cp1258", "replace"), False, "an 8-bit code page"),
        Input("utf16.txt", distinct(texts[1], "utf16").encode("utf-16"), False, "UTF-16 with BOM"),
        Input(f"text_as_{n}.pdf", text_of(n).encode(), False, "text named .pdf"),
        Input(f"pdf_as_{n}.docx", make_pdf(text_of(n + 1).split("\n")), False, "PDF named .docx"),
        Input(f"docx_as_{n}.pdf", make_docx(text_of(n + 2)), False, "Word file named .pdf"),
        Input(f"html_as_{n}.txt", make_html(text_of(n + 3)), False, "page named .txt"),
        Input(f"docx_as_{n}.html", make_docx(text_of(n + 4)), False, "Word file named .html"),
    ]
    n += 5
    for how in DOCX_DAMAGE:
        n += 1
        inputs.append(Input(f"docx_{how.replace(' ', '_').replace('.', '_')}_{n}.docx", damaged_docx(text_of(n), rng, how), False, how))
    for how in PDF_DAMAGE:
        n += 1
        pdf_lines = [line for line in text_of(n).split("\n") if line.strip()]
        inputs.append(Input(f"pdf_{how.replace(' ', '_')}_{n}.pdf", damaged_pdf(pdf_lines, rng, how), False, how))
    n += 1
    inputs += [
        Input(f"html_broken_{n}.html", broken_markup(make_html(text_of(n)), rng), False, "broken markup"),
        Input(f"html_deep_{n}.html", deep_html(5000), False, "5,000 levels of nesting"),
        Input(f"html_unclosed_{n}.html", b"<html><body>" + b"<b><i><table><tr><td>" * 2000 + text_of(n + 1).encode(), False, "never closed"),
        Input(f"html_junk_{n}.html", junk_in(make_html(text_of(n + 2)), rng), False, "binary junk inside"),
        Input(f"html_nul_{n}.html", make_html(text_of(n + 3)).replace(b"<p>", b"<p>\x00", 3), False, "NUL bytes"),
        Input(f"html_bad_charset_{n}.html", make_html(text_of(n + 4)).replace(b'charset="utf-8"', b'charset="x-no-such"'), False, "unknown charset"),
    ]
    return inputs


def write_inputs(folder: Path, inputs: list[Input]) -> dict[str, Input]:
    folder.mkdir(parents=True, exist_ok=True)
    for item in inputs:
        (folder / item.name).write_bytes(item.data)
    return {item.name: item for item in inputs}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def chitieu_extract(folder: Path, db: Path, timeout: float = RUN_SECONDS, env: dict | None = None) -> Run:
    """`chitieu extract FOLDER --db DB --workers 2`, as users run it; a run past `timeout` fails."""
    import time

    started = time.monotonic()
    try:
        done = subprocess.run([*CHITIEU, "extract", str(folder), "--db", str(db), "--workers", "2", "--quiet"],
                              capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"chitieu extract hung: still running after {timeout:.0f} s; stderr: {(exc.stderr or b'')[-2000:]!r}")
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
               time.monotonic() - started)


def assert_ends_cleanly(run: Run) -> None:
    """The batch finished (0, or 3 when some documents failed: each listed) and no traceback."""
    assert run.returncode in (0, 3), run.stderr[-3000:]
    assert (run.returncode == 3) == ("failed:" in run.stderr), run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]


def source_forms(path: Path) -> set[str]:
    """The ways a catalogue may name a file: as given or resolved, and a name that is not UTF-8
    with its bytes as surrogates, \\xNN escapes or replacement characters."""
    forms = set()
    for text in (str(path), str(path.resolve()), os.path.abspath(path)):
        raw = os.fsencode(text)
        forms |= {text, raw.decode("utf-8", "backslashreplace"), raw.decode("utf-8", "replace")}
    return forms


def catalogue_sources(db: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """{source: document id} of stored documents (from document_sources when the catalogue has
    it, and documents.source) and {source: [(stage, reason)]} of failures."""
    with sqlite3.connect(db) as connection:
        tables = {r[0] for r in connection.execute("select name from sqlite_master where type = 'table'")}
        stored = dict(connection.execute("select source, id from documents").fetchall())
        if "document_sources" in tables:
            stored.update(connection.execute(
                "select s.source, s.document_id from document_sources s join documents d on d.id = s.document_id").fetchall())
        failures: dict[str, list[tuple[str, str]]] = {}
        for source, stage, reason in connection.execute("select source, stage, reason from failures"):
            failures.setdefault(source, []).append((stage, reason))
    return stored, failures


def unaccounted(paths: list[Path], db: Path) -> list[str]:
    stored, failures = catalogue_sources(db)
    return [repr(str(p)) for p in paths if not source_forms(p) & (stored.keys() | failures.keys())]


def targets_of(db: Path, document_id: str) -> set[tuple]:
    with sqlite3.connect(db) as connection:
        return set(connection.execute(
            "select evidence_start, evidence_end, value_min, value_max, unit, indicator, year from targets where document_id = ?",
            [document_id]).fetchall())


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("corpus")
    folder = (work / "inputs").resolve()
    inputs = write_inputs(folder, small_corpus())
    db = work / "catalogue.db"
    return folder, inputs, db, chitieu_extract(folder, db)


def test_the_run_ends_without_a_traceback(corpus_run):
    _, inputs, _, run = corpus_run
    assert len(inputs) >= 40
    assert_ends_cleanly(run)


def test_every_input_is_stored_or_recorded_as_failed(corpus_run):
    folder, inputs, db, run = corpus_run
    assert unaccounted([folder / name for name in inputs], db) == []


def test_every_failure_names_its_stage_and_reason(corpus_run):
    folder, inputs, db, _ = corpus_run
    _, failures = catalogue_sources(db)
    assert failures, "no damaged input failed: the corpus was not damaged"
    for source, found in failures.items():
        for stage, reason in found:
            assert stage and stage.strip() and reason and reason.strip(), (source, stage, reason)
    for name in ("empty.txt", "binary.txt", "pdf_header_only_" , "docx_no_document_xml_"):
        assert any(name in source for source in failures), f"{name}: expected to be recorded as failed"


def test_good_files_beside_bad_ones_keep_the_targets_they_have_alone(corpus_run, extractor):
    from chitieu.sources.files import read_file

    folder, inputs, db, _ = corpus_run
    stored, _ = catalogue_sources(db)
    for name, item in inputs.items():
        if not item.good:
            continue
        path = folder / name
        [document_id] = {stored[form] for form in source_forms(path) if form in stored} or [None]
        assert document_id, f"{name} ({item.what}) was not stored"
        alone = extractor.extract(read_file(path))
        assert alone.document.doc_id == document_id, name
        expected = {(t.evidence.start, t.evidence.end, t.value_min, t.value_max, t.unit, t.indicator, t.year) for t in alone.targets}
        assert targets_of(db, document_id) == expected, name
        assert expected or name == "good_004.pdf", f"{name}: a seed with no target tells nothing"


# ---------------------------------------------------------------- names that are not UTF-8, copies, the end of a batch


def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path):
    folder = (tmp_path / "inputs").resolve()
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEEDS[0].read_bytes())
    odd_name = os.fsencode(folder) + b"/k\xe9 ho\xe1ch.txt"  # Latin-1 bytes: an archive unzipped from Windows
    handle = os.open(odd_name, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(handle, SEEDS[1].read_bytes())
    os.close(handle)
    db = tmp_path / "c.db"
    paths = [folder / "good.txt", Path(os.fsdecode(odd_name))]
    run = chitieu_extract(folder, db)
    assert unaccounted(paths, db) == []
    stored, _ = catalogue_sources(db)
    assert len(set(stored.values())) == 2, "both texts are stored"
    assert_ends_cleanly(run)


def test_inputs_with_the_same_text_are_all_kept_and_a_rerun_writes_nothing(tmp_path):
    folder = (tmp_path / "inputs").resolve()
    folder.mkdir()
    for name in ("a.txt", "a_copy.txt", "sub/a_again.txt"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(SEEDS[0].read_bytes())
    (folder / "other.txt").write_bytes(SEEDS[1].read_bytes())
    db = tmp_path / "c.db"
    run = chitieu_extract(folder, db)
    paths = [folder / name for name in ("a.txt", "a_copy.txt", "sub/a_again.txt", "other.txt")]
    assert unaccounted(paths, db) == []
    with sqlite3.connect(db) as connection:
        before = connection.execute("select id, stored_at from documents order by id").fetchall()
    assert len(before) == 2
    again = chitieu_extract(folder, db)
    with sqlite3.connect(db) as connection:
        assert connection.execute("select id, stored_at from documents order by id").fetchall() == before
    assert unaccounted(paths, db) == []
    assert_ends_cleanly(run)
    assert_ends_cleanly(again)


def test_a_run_ending_on_a_slow_document_ends_cleanly(tmp_path):
    folder = (tmp_path / "inputs").resolve()
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[0].read_bytes())
    text = SEEDS[2].read_text(encoding="utf-8")
    (folder / "b.txt").write_text("\n".join(f"{text}\n(bản {i})" for i in range(40)), encoding="utf-8")  # 320 kB: seconds
    run = chitieu_extract(folder, tmp_path / "c.db")
    assert unaccounted([folder / "a.txt", folder / "b.txt"], tmp_path / "c.db") == []
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-3000:]
