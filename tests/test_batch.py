"""Batches: bad files are reported with their reason and never stop the run; JSON output."""

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from chitieu.batch import BatchOptions, run_batch
from chitieu.catalogue import Catalogue
from chitieu.cli import main
from chitieu.errors import SourceError
from chitieu.sources.files import read_file
from tests.conftest import CORPUS

GOOD = "Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66% trong năm 2022."


def write(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary content"),
    ("latin1.txt", "Plan für Übergänge und Größen".encode("latin-1") * 3, "not UTF-8 at byte"),
    ("blank.txt", b" \n\n \t ", "no text"),
])
def test_bad_files_raise_source_error_naming_the_file(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    with pytest.raises(SourceError) as error:
        read_file(path)
    assert str(path) in str(error.value) and reason in str(error.value)


def test_legacy_tcvn3_text_is_converted(tmp_path):
    path = write(tmp_path / "tcvn3.txt", "KÕ ho¹ch gi¶m nghÌo bÒn v÷ng n¨m 2022 cña UBND tØnh S¬n La".encode("cp1252"))
    assert read_file(path).text == "Kế hoạch giảm nghèo bền vững năm 2022 của UBND tỉnh Sơn La"


def test_utf16_with_bom_is_read(tmp_path):
    path = write(tmp_path / "u16.txt", GOOD.encode("utf-16"))
    assert read_file(path).text == GOOD


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import chitieu.sources.files as files

    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    path = write(tmp_path / "big.txt", ("Giảm nghèo. " * 200).encode())
    with pytest.raises(SourceError, match="larger than the 1,000-byte limit"):
        read_file(path)


def test_html_is_read_as_visible_text(tmp_path):
    html = ("<html><head><title>Kế hoạch giảm nghèo</title><script>var x=1</script></head>"
            f"<body><nav>Trang chủ</nav><p>{GOOD}</p></body></html>")
    document = read_file(write(tmp_path / "page.html", html.encode()))
    assert document.title == "Kế hoạch giảm nghèo"
    assert GOOD in document.text and "var x" not in document.text


def test_batch_goes_on_past_bad_files_and_records_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a_empty.txt", b"")
    write(folder / "b_binary.txt", b"\x00" * 100)
    write(folder / "c_good.txt", GOOD.encode())
    db = tmp_path / "c.db"
    summary = run_batch([folder], BatchOptions(db_path=db, json_dir=tmp_path / "out", progress=False))
    assert summary.documents == 1 and summary.targets == 1
    assert [f.source.rsplit("/", 1)[-1] for f in summary.failures] == ["a_empty.txt", "b_binary.txt"]
    catalogue = Catalogue(db)
    assert [row["stage"] for row in catalogue.db["failures"].rows] == ["read", "read"]
    assert catalogue.db["targets"].count == 1
    output = json.loads((tmp_path / "out" / "c_good.json").read_text(encoding="utf-8"))
    assert output["doc"] == "c_good.txt"
    assert list(output) == ["doc", "plan", "references", "targets"]
    assert output["targets"][0]["value_min"] == 18.66


def test_a_document_whose_rows_cannot_be_stored_is_recorded_and_rolled_back(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        write(folder / name, GOOD.replace("tỉnh", f"tỉnh ({name})", 1).encode())
    insert = Catalogue._insert

    def insert_then_break_on_b(self, run_id, result, version):
        insert(self, run_id, result, version)  # rows written, then the store breaks
        if result.document.name == "b.txt":
            raise ValueError("a record no row can hold")

    monkeypatch.setattr(Catalogue, "_insert", insert_then_break_on_b)
    db = tmp_path / "c.db"
    summary = run_batch([folder], BatchOptions(db_path=db, progress=False))
    assert (summary.new, summary.documents) == (2, 2)
    [failure] = summary.failures
    assert failure.stage == "store" and "b.txt" in failure.reason and "ValueError" in failure.reason
    catalogue = Catalogue(db)
    assert sorted(row["name"] for row in catalogue.db["documents"].rows) == ["a.txt", "c.txt"]
    assert catalogue.db["targets"].count == 2  # nothing of b.txt is left half-written
    assert [row["stage"] for row in catalogue.db["failures"].rows] == ["store"]


def test_a_worker_dying_mid_batch_loses_only_its_document(tmp_path, monkeypatch):
    import os

    from chitieu.pipeline import Extractor

    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"{i:02d}.txt" for i in range(8)]
    for name in names:
        write(folder / name, GOOD.replace("tỉnh", f"tỉnh ({name})", 1).encode())
    extract = Extractor.extract

    def crash_on_03(self, document):
        if document.name == "03.txt":
            os._exit(9)  # native code taking the process down
        return extract(self, document)

    monkeypatch.setattr(Extractor, "extract", crash_on_03)
    db = tmp_path / "c.db"
    summary = run_batch([folder], BatchOptions(db_path=db, progress=False, workers=2))
    [failure] = summary.failures
    assert failure.source.endswith("03.txt") and failure.stage == "extract" and "exit code 9" in failure.reason
    stored = sorted(row["name"] for row in Catalogue(db).db["documents"].rows)
    assert stored == [n for n in names if n != "03.txt"]


def test_rerun_changes_no_row(tmp_path):
    db = tmp_path / "c.db"
    first = run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    catalogue = Catalogue(db)
    before = {t: list(catalogue.db[t].rows) for t in ("documents", "plans", "references", "targets")}
    second = run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    assert (first.new, second.new, second.unchanged) == (5, 0, 5)
    assert {t: list(catalogue.db[t].rows) for t in before} == before


def test_edited_rules_re_extract_on_the_next_run(tmp_path, monkeypatch):
    import shutil

    import chitieu.batch as batch
    from chitieu.rules import RULES_DIR, load_rules

    db = tmp_path / "c.db"
    run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    edited = tmp_path / "rules"
    shutil.copytree(RULES_DIR, edited)
    cues = edited / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8").replace('"kế hoạch đề ra"', '"kế hoạch đề ra", "chỉ tiêu phấn đấu"', 1), encoding="utf-8")
    assert load_rules(edited).digest() != load_rules().digest()
    monkeypatch.setattr(batch, "load_rules", lambda: load_rules(edited))
    again = run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    assert (again.documents, again.unchanged) == (5, 0)  # all read and extracted again


@pytest.mark.parametrize("flags, exit_code, shown", [
    ([], 3, "failed: "),  # finished with failures: its own code, so scripts can tell
    (["-q"], 3, "failed: "),
    (["-vv"], 3, "DEBUG chitieu.batch"),  # every document, through logging
])
def test_cli_exit_code_and_logging_when_some_documents_fail(tmp_path, flags, exit_code, shown):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "good.txt", GOOD.encode())
    write(folder / "empty.txt", b"")
    result = CliRunner().invoke(main, [*flags, "extract", str(folder), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == exit_code and shown in result.output, result.output
    assert "\r" not in result.output  # no progress bar when no one watches a terminal


def test_cli_extract_and_evaluate(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(CORPUS / "seeds"), "--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 documents (5 new" in result.output
    assert len(list((tmp_path / "out").glob("*.json"))) == 5
    result = runner.invoke(main, ["evaluate", "--docs", str(CORPUS / "seeds"), "--gold", str(CORPUS / "gold")])
    assert result.exit_code == 0, result.output
    assert "targets     P" in result.output


def test_file_names_that_are_not_utf8_are_read_and_named_with_escapes(tmp_path):
    """An archive made on Windows unzips to names in a legacy code page: neither the file alone nor
    a folder holding it may stop the batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    raw_name = os.path.join(os.fsencode(folder), b"k\xe9 ho\xe1ch.txt")  # cp1252 bytes: no UTF-8 name
    with open(raw_name, "wb") as handle:
        handle.write(GOOD.encode())
    write(folder / "empty \xa0.txt", b"")
    db = tmp_path / "c.db"
    for paths in ([folder], [Path(os.fsdecode(raw_name))]):
        summary = run_batch(paths, BatchOptions(db_path=db, progress=False))
        assert summary.targets + summary.unchanged >= 1
    catalogue = Catalogue(db)
    [stored] = catalogue.db["document_sources"].rows
    assert stored["source"].endswith("/k\\xe9 ho\\xe1ch.txt") and stored["name"] == "k\\xe9 ho\\xe1ch.txt"
    assert [row["stage"] for row in catalogue.db["failures"].rows] == ["read"]
    again = run_batch([folder], BatchOptions(db_path=db, progress=False))
    assert again.unchanged == 1  # matched again by the same escaped name


@pytest.mark.parametrize("copy", [
    pytest.param(lambda text: text.encode(), id="the same bytes in another folder"),
    pytest.param(lambda text: text.encode("utf-16"), id="UTF-16"),
    pytest.param(lambda text: unicodedata.normalize("NFD", text).encode(), id="NFD"),
])
def test_inputs_with_the_same_text_are_one_document_with_every_source(tmp_path, copy):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    write(first / "plan.txt", GOOD.encode())
    write(second / "plan.txt", copy(GOOD))
    db = tmp_path / "c.db"
    summary = run_batch([first, second], BatchOptions(db_path=db, progress=False))
    assert (summary.new, summary.duplicate, summary.documents) == (1, 1, 2) and not summary.failures
    assert "1 the same text as another input" in summary.describe()
    catalogue = Catalogue(db)
    assert catalogue.db["documents"].count == 1 and catalogue.db["targets"].count == 1
    assert catalogue.db["document_sources"].count == 2
    before = list(catalogue.db["documents"].rows)
    (first / "plan.txt").touch()  # a new stamp: read again, and still nothing to write
    again = run_batch([first, second], BatchOptions(db_path=db, progress=False))
    assert (again.unchanged, again.new, again.changed) == (2, 0, 0)
    assert list(Catalogue(db).db["documents"].rows) == before


def test_inputs_sharing_a_name_each_keep_their_json(tmp_path):
    """One name in two folders, one stem with two suffixes: every input's output is written, none
    over another's; a name no other input shares stays `<stem>.json`."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    texts = {first / "kh.txt": "Năm 2024, huyện phấn đấu giảm 2% tỷ lệ hộ nghèo.",
             second / "kh.txt": "Năm 2025, tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo.",
             second / "kh.html": "<html><body><p>Năm 2026, xã phấn đấu giảm 3% tỷ lệ hộ nghèo.</p></body></html>",
             first / "tin.txt": GOOD}
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([first, second], BatchOptions(db_path=None, json_dir=out, progress=False))
    assert summary.documents == 4 and not summary.failures
    values = sorted(t["value_min"] for f in out.glob("*.json") for t in json.loads(f.read_text(encoding="utf-8"))["targets"])
    assert values == [1.5, 2.0, 3.0, 18.66]
    assert (out / "tin.json").exists() and (out / "kh.html.json").exists()


def test_a_page_its_html_library_cannot_parse_prints_only_chitieus_summary(tmp_path):
    """The command's standard error holds chitieu's own lines: the date library's complaint about a
    page that is plain text under an .html name ("parsed tree length: 0 ...") shows only at -vv."""
    page = tmp_path / "tin.html"
    page.write_text(GOOD, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "chitieu.cli", "extract", "--no-db", str(page)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "1 plans, 1 targets, 0 failed" in run.stdout
    assert run.stderr.strip() == "", run.stderr


def test_failures_name_their_stage(tmp_path, monkeypatch):
    """A reader's error is a `read` failure; a pass that breaks is an `extract` failure naming the error."""
    from chitieu.pipeline import Extractor

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a_empty.txt", b"")
    write(folder / "b_good.txt", GOOD.encode())
    write(folder / "c_breaks.txt", GOOD.replace("2022", "2023").encode())
    extract = Extractor.extract

    def breaks_on_c(self, document):
        if "2023" in document.text:
            raise KeyError("a pass met what it never expected")
        return extract(self, document)

    monkeypatch.setattr(Extractor, "extract", breaks_on_c)
    summary = run_batch([folder], BatchOptions(db_path=tmp_path / "c.db", progress=False, workers=1))
    assert [(f.source.rsplit("/", 1)[1], f.stage) for f in summary.failures] == [("a_empty.txt", "read"), ("c_breaks.txt", "extract")]
    assert summary.failures[1].reason == "KeyError: 'a pass met what it never expected'"
