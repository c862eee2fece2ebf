"""The readers on hostile or slipshod input: impossible dates, deep nesting, a broken PDF page,
unreadable files named by their reader, named pipes, binary junk and wrong charsets, UTF-32,
old Mac line ends, script links. Every file is built here; nothing touches the network."""

import io
import os
import threading
import zipfile
from pathlib import Path

import pytest

from extractor.errors import SourceError
from extractor.sources.files import read_file

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(SourceError) as error:
        read_file(path)
    return str(error.value)


# 4. Read errors name the reader; an unexpected exception is wrapped, naming its type.
def corrupt_deflate_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        paragraphs = "<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>" * 200
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{paragraphs}</w:body></w:document>")
    data = bytearray(buffer.getvalue())
    start = 30 + len("word/document.xml")  # the member's compressed bytes follow its local header
    for i in range(start + 5, start + 25):
        data[i] ^= 0x5A
    return bytes(data)


READ_ERRORS = [
    ("hong.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "hong.pdf: pdf reader: not a readable PDF"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "hong.docx: docx reader: not a .docx"),
    ("nen-hong.docx", corrupt_deflate_docx(), r"nen-hong.docx: docx reader: unexpected zlib.error: Error -3"),
    ("latin1.txt", "Plan für Übergänge".encode("latin-1") * 3, "latin1.txt: text reader: not UTF-8 at byte"),
]


@pytest.mark.parametrize("name, data, message", READ_ERRORS, ids=[e[0] for e in READ_ERRORS])
def test_read_errors_name_the_file_and_the_reader(tmp_path, name, data, message):
    with pytest.raises(SourceError, match=message):
        read_file(write(tmp_path / name, data))


# 5. Anything but a regular file is refused without being opened.
def test_named_pipe_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(error_of(fifo)), daemon=True)
    reader.start()
    reader.join(5)  # opening it would block until a writer comes
    assert outcome and "ong.txt: not a regular file (a named pipe)" in outcome[0]


def test_directory_is_refused(tmp_path):
    assert "not a regular file (a directory)" in error_of(tmp_path)


