"""`chitieu extract` over damaged files, as users run it: nothing lost, nothing hung.

    python3 bench/bench_fuzz.py                      # 1,000 files, seed 0
    python3 bench/bench_fuzz.py --files 200 --seed 3
    python3 bench/bench_fuzz.py --ocr                # let Tesseract OCR the scans (seconds a page)

The inputs are written to a temporary folder: files of ../shared/realdocs (PDF, DOCX, DOC,
HTML, TXT: see its SOURCES.md) and corpus/seeds, and pages, Word files and PDFs made from the
seeds, each copied intact or damaged (bytes flipped, cut anywhere, junk inserted, the wrong
suffix, a DOCX whose document.xml is broken, missing or declared 4 GB, HTML with broken markup
or deep nesting, a PDF cut or with its xref broken, empty files, names that are not UTF-8,
copies with the same content), plus bombs: a zip-bomb DOCX, an entity bomb, a DOCX whose
header hides its size, 100,000 levels of nested HTML, a 20 MB text, a PDF of 5,000 pages and
one whose content stream inflates to 200 MB.

One `chitieu extract FOLDER --db DB --workers 2` runs over them; the report counts the inputs,
those stored, those failed (by stage), those neither (unaccounted), tracebacks in stderr,
hangs (the run past --timeout, or a failure that says the document ran out of time) and the
wall time; the most common failure reasons and every reason that names a Python exception
(a reader's bug, not a damaged file) are listed. Then the same command runs again: it must
write no document, plan, target or reference row.

Without --ocr, tesseract is left out of the command's PATH: a scan is then recorded as
needing OCR in a moment instead of costing a minute.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_fuzz import (  # noqa: E402 - the builders of files and damage shared with the tests
    BILLION_LAUGHS, broken_markup, catalogue_sources, declare_size, deep_html, flip_bytes, junk_in, make_docx, make_html,
    make_pdf, source_forms, truncate,
)

SEEDS = REPO / "corpus" / "seeds"
REALDOCS = REPO.parent / "shared" / "realdocs"
CHITIEU = [str(Path(sys.executable).with_name("chitieu"))] if Path(sys.executable).with_name("chitieu").exists() else [
    sys.executable, "-m", "chitieu.cli"]
OUT_OF_TIME = re.compile(r"budget|timed? ?out|took longer|time limit", re.IGNORECASE)
PYTHON_ERROR = re.compile(r"\b(?!SourceError|ReviewError|NeedsOcrError)([A-Z]\w*(?:Error|Exception)|zlib\.error)\b")
SUFFIXES = [".txt", ".html", ".htm", ".pdf", ".docx", ".doc"]


# ---------------------------------------------------------------- the inputs


def bases() -> dict[str, list[tuple[str, bytes]]]:
    """(name, bytes) of every real input, by kind."""
    found: dict[str, list[tuple[str, bytes]]] = collections.defaultdict(list)
    for path in sorted(SEEDS.glob("*.txt")):
        found["txt"].append((path.name, path.read_bytes()))
        text = path.read_text(encoding="utf-8")
        found["html"].append((path.stem + ".html", make_html(text)))
        found["docx"].append((path.stem + ".docx", make_docx(text)))
        found["pdf"].append((path.stem + ".pdf", make_pdf([line for line in text.split("\n") if line.strip()])))
    if REALDOCS.is_dir():
        for path in sorted(REALDOCS.glob("*/*")):
            kind = {".htm": "html", ".html": "html", ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".txt": "txt"}.get(path.suffix)
            if kind == "pdf" and "_scan" in path.name:
                kind = "scan"
            if kind:
                found[kind].append((path.name, path.read_bytes()))
    return found


KIND_WEIGHTS = {"txt": 30, "html": 15, "docx": 20, "doc": 5, "pdf": 20, "scan": 5}


def rezip(docx: bytes, change) -> bytes:
    """The archive with each member's bytes passed through `change(name, data)` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
    return out.getvalue()


def damage(kind: str, data: bytes, rng: random.Random, tag: str) -> tuple[str, bytes, str]:
    """(what was done, the damaged bytes, the suffix to write it under)."""
    suffix = {"txt": ".txt", "html": ".html", "docx": ".docx", "doc": ".doc", "pdf": ".pdf", "scan": ".pdf"}[kind]
    common = ["intact", "intact", "flipped", "truncated", "junk", "wrong-suffix", "empty"]
    special = {
        "txt": ["distinct", "distinct", "legacy-cp1258", "utf16", "nul"],
        "html": ["distinct", "broken-markup", "deep-wrap", "charset-lie", "bad-meta-date"],
        "docx": ["xml-flipped", "xml-cut", "no-document-xml", "huge-declared-size", "small-declared-size"],
        "doc": [],
        "pdf": ["xref-broken", "junk-prefix", "appended-junk"],
        "scan": ["xref-broken"],
    }[kind]
    how = rng.choice(common + special * 2)
    if how == "intact":
        return how, data, suffix
    if how == "flipped":
        return how, flip_bytes(data, rng, rng.randrange(1, 50)), suffix
    if how == "truncated":
        return how, truncate(data, rng), suffix
    if how == "junk":
        return how, junk_in(data, rng, rng.randrange(1, 8192)), suffix
    if how == "wrong-suffix":
        return how, data, rng.choice([s for s in SUFFIXES if s != suffix])
    if how == "empty":
        return how, b"", suffix
    if how == "distinct":
        if kind == "html":
            return how, data.replace(b"</body>", f"<p>(bản {tag})</p></body>".encode(), 1), suffix
        return how, data + f"\n(bản {tag})\n".encode(), suffix
    if how == "legacy-cp1258":
        return how, data.decode("utf-8", "replace").encode("cp1258", "replace"), suffix
    if how == "utf16":
        return how, data.decode("utf-8", "replace").encode("utf-16"), suffix
    if how == "nul":
        at = rng.randrange(len(data))
        return how, data[:at] + b"\x00" + data[at:], suffix
    if how == "broken-markup":
        return how, broken_markup(data, rng), suffix
    if how == "deep-wrap":
        levels = rng.choice([1000, 20000])
        return how, re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + b"<div>" * levels, data, count=1) + b"</div>" * levels, suffix
    if how == "charset-lie":
        return how, re.sub(rb'charset="?[\w-]+"?', b'charset="windows-1258"', data, count=1), suffix
    if how == "bad-meta-date":
        return how, data.replace(b"<head>", b'<head><meta property="article:published_time" content="2023-02-31T08:00">', 1), suffix
    if how in ("xml-flipped", "xml-cut", "no-document-xml"):
        def change(name: str, member: bytes) -> bytes | None:
            if name != "word/document.xml":
                return member
            if how == "no-document-xml":
                return None
            return flip_bytes(member, rng, rng.randrange(1, 30)) if how == "xml-flipped" else truncate(member, rng)
        try:
            return how, rezip(data, change), suffix
        except zipfile.BadZipFile:
            return "flipped", flip_bytes(data, rng, 5), suffix
    if how == "huge-declared-size":
        return how, declare_size(data, "word/document.xml", 0xFFFF_FFF0), suffix
    if how == "small-declared-size":
        return how, declare_size(data, "word/document.xml", 100), suffix
    if how == "xref-broken":
        return how, re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(10**7)).encode(), data), suffix
    if how == "junk-prefix":
        return how, rng.randbytes(rng.randrange(1, 2000)) + data, suffix
    if how == "appended-junk":
        return how, data + rng.randbytes(rng.randrange(1, 100_000)), suffix
    raise ValueError(how)


def bombs(rng: random.Random) -> list[tuple[str, str, bytes]]:
    """(name, what, bytes) of the inputs built to exhaust a reader."""
    zip_bomb = io.BytesIO()
    with zipfile.ZipFile(zip_bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b"<w:p/>" * 50_000_000 + b"</w:document>")  # 300 MB
    hidden = declare_size(make_docx(xml=b"<w:document>" + b"<w:p/>" * 5_000_000 + b"</w:document>"), "word/document.xml", 4000)
    flate = _flate_bomb_pdf(200_000_000)
    seed_lines = [line for line in (SEEDS / "000_0adbc389ada233e5.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
    return [
        ("bomb_zip.docx", "zip bomb: document.xml inflates to 300 MB", zip_bomb.getvalue()),
        ("bomb_hidden_size.docx", "document.xml declares 4 kB and inflates to 30 MB", hidden),
        ("bomb_entities.docx", "billion laughs in document.xml", make_docx(xml=BILLION_LAUGHS)),
        ("bomb_nested.html", "100,000 levels of nested elements", deep_html(100_000)),
        ("bomb_20mb.txt", "a 20 MB text", ("Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 3%. " * 400_000).encode()[: 20 * 2**20]),
        ("bomb_pages.pdf", "5,000 pages", make_pdf(seed_lines[:5], pages=5000)),
        ("bomb_flate.pdf", "a content stream that inflates to 200 MB", flate),
        ("bomb_random_1mb.txt", "1 MB of random bytes", rng.randbytes(2**20)),
    ]


def _flate_bomb_pdf(size: int) -> bytes:
    import zlib

    compressor = zlib.compressobj(9)
    chunk = b"BT /F1 10 Tf 40 800 Td (Phan dau giam 3%) Tj ET\n" + b" " * 65_536
    stream = b"".join(compressor.compress(chunk) for _ in range(size // len(chunk))) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write_inputs(folder: Path, files: int, seed: int) -> dict[bytes, str]:
    """Write `files` inputs; {file name as bytes: what was done to it}."""
    rng = random.Random(seed)
    pool = bases()
    kinds = [k for k in KIND_WEIGHTS if pool.get(k)]
    weights = [KIND_WEIGHTS[k] for k in kinds]
    folder.mkdir(parents=True)
    written: dict[bytes, str] = {}

    def put(name: bytes, what: str, data: bytes) -> None:
        handle = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
        finally:
            os.close(handle)
        written[name] = what

    made_bombs = bombs(rng)[: max(0, files // 20)]  # a bomb per 20 inputs, at most all of them
    for name, what, data in made_bombs:
        put(name.encode(), what, data)
    for i in range(files - len(made_bombs)):
        kind = rng.choices(kinds, weights)[0]
        base_name, data = rng.choice(pool[kind])
        how, damaged, suffix = damage(kind, data, rng, f"{seed}-{i}")
        stem = f"{i:04d}_{kind}_{how}_{Path(base_name).stem[:30]}"
        name = stem.encode() + suffix.encode()
        if rng.random() < 0.03:  # an archive unzipped from Windows: Latin-1 bytes in the name
            name = f"{i:04d}_k".encode() + b"\xe9 ho\xe1ch" + suffix.encode()
            how += ", name not UTF-8"
        put(name, f"{kind}: {how}", damaged)
    return written


# ---------------------------------------------------------------- the run


def command_env(ocr: bool, bin_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    if not ocr:  # antiword stays; tesseract is not found
        bin_dir.mkdir()
        for tool in ("antiword",):
            if shutil.which(tool):
                (bin_dir / tool).symlink_to(shutil.which(tool))
        env["PATH"] = str(bin_dir)
    return env


def run(folder: Path, db: Path, env: dict, timeout: float) -> tuple[float, int | None, str]:
    """(seconds, exit code or None when it hung, stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen([*CHITIEU, "extract", str(folder), "--db", str(db), "--workers", "2", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
        code = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)  # the run and its workers: its own session
        _, stderr = process.communicate()
        code = None
    return time.perf_counter() - started, code, stderr.decode("utf-8", "replace")


def stored_rows(db: Path) -> list:
    with sqlite3.connect(db) as connection:
        return [connection.execute(sql).fetchall() for sql in (
            "select id, stored_at, extractor_version from documents order by id",
            "select * from plans order by id", "select * from targets order by id", "select * from [references] order by id",
        )]


def report(label: str, folder: Path, written: dict[bytes, str], db: Path, seconds: float, code: int | None, stderr: str,
           timeout: float) -> None:
    stored, failures = catalogue_sources(db)
    counted = collections.Counter()
    stages = collections.Counter()
    lost: list[str] = []
    for name, what in written.items():
        forms = source_forms(Path(os.fsdecode(os.fsencode(folder) + b"/" + name)))
        if forms & stored.keys():
            counted["stored"] += 1
        elif forms & failures.keys():
            counted["failed"] += 1
            stage = next(failures[f] for f in forms if f in failures)[-1][0]
            stages[stage] += 1
        else:
            lost.append(f"{name!r} ({what})")
    bomb_lines = []
    for name, what in written.items():
        if name.startswith(b"bomb_"):
            forms = source_forms(Path(os.fsdecode(os.fsencode(folder) + b"/" + name)))
            failed = [failures[f][-1] for f in forms if f in failures]
            outcome = "stored" if forms & stored.keys() else f"failed at {failed[0][0]}: {_without_source(next(f for f in forms if f in failures), failed[0][1])[:120]}" if failed else "LOST"
            bomb_lines.append(f"    {name.decode()} ({what}): {outcome}")
    reasons = [(source, stage, reason) for source, found in failures.items() for stage, reason in found]
    out_of_time = [r for r in reasons if OUT_OF_TIME.search(r[2])]
    python_errors = [r for r in reasons if PYTHON_ERROR.search(r[2])]
    print(f"{label}: {len(written)} inputs in {seconds:.1f} s (exit code {code if code is not None else 'none: stopped'})")
    print(f"  stored        {counted['stored']}")
    print(f"  failed        {counted['failed']}  by stage: {dict(sorted(stages.items())) or '-'}")
    print(f"  unaccounted   {len(lost)}")
    for item in lost[:20]:
        print(f"    {item}")
    print(f"  tracebacks    {stderr.count('Traceback')}")
    print(f"  hangs         {int(code is None)} run past {timeout:.0f} s, {len(out_of_time)} documents out of time")
    for source, stage, reason in out_of_time[:10]:
        print(f"    {Path(source).name}: {reason[:160]}")
    if bomb_lines:
        print("  bombs:")
        print("\n".join(bomb_lines))
    if stderr.count("Traceback"):
        print("  stderr (end):\n    " + "\n    ".join(stderr.strip().splitlines()[-15:]))
    common = collections.Counter(re.sub(r"\d+", "N", _without_source(source, reason))[:110] for source, _, reason in reasons)
    print("  commonest failure reasons:")
    for reason, count in common.most_common(12):
        print(f"    {count:4} {reason}")
    if python_errors:
        print(f"  failures naming a Python exception (a reader's bug, not the file's): {len(python_errors)}")
        for source, stage, reason in python_errors[:15]:
            print(f"    {Path(source).name} [{stage}]: {reason[:200]}")


def _without_source(source: str, reason: str) -> str:
    """A reason without the file it names: "x.pdf: pdf reader: ..." -> "pdf reader: ..."."""
    return reason[len(source) + 2 :] if reason.startswith(source + ": ") else reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="how many inputs (default 1,000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the choice of files and damage")
    parser.add_argument("--ocr", action="store_true", help="leave tesseract on the PATH: scans are OCR'd (slow)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds before a run counts as hung (default: 4 s a file, at least 900)")
    args = parser.parse_args()
    timeout = args.timeout or max(900.0, 4.0 * args.files)
    print(f"{os.cpu_count()} cores; realdocs {'present' if REALDOCS.is_dir() else 'ABSENT: seeds only'}; "
          f"OCR {'on' if args.ocr else 'off (tesseract hidden)'}; seed {args.seed}")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        folder, db = work / "inputs", work / "catalogue.db"
        started = time.perf_counter()
        written = write_inputs(folder, args.files, args.seed)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"wrote {len(written)} inputs, {size / 1e6:.0f} MB, in {time.perf_counter() - started:.1f} s")
        env = command_env(args.ocr, work / "bin")
        seconds, code, stderr = run(folder, db, env, timeout)
        report("first run", folder, written, db, seconds, code, stderr, timeout)
        before = stored_rows(db)
        with sqlite3.connect(db) as connection:
            failures_before = connection.execute("select count(*) from failures").fetchone()[0]
        seconds, code, stderr = run(folder, db, env, timeout)
        after = stored_rows(db)
        with sqlite3.connect(db) as connection:
            failures_after = connection.execute("select count(*) from failures").fetchone()[0]
        changed = sum(len(set(a) ^ set(b)) for a, b in zip(before, after))
        print(f"re-run: {seconds:.1f} s (exit code {code if code is not None else 'none: stopped'}), "
              f"tracebacks {stderr.count('Traceback')}, stored rows {'unchanged' if before == after else f'CHANGED ({changed} rows differ)'}, "
              f"{failures_after - failures_before} failures recorded again")


if __name__ == "__main__":
    main()
