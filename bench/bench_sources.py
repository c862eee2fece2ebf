"""Reader throughput and memory bounds.

    python bench/bench_sources.py

1. Text-PDF pages per second through chitieu's PDF reader, and the ratio of its time to
   pypdfium2's raw text extraction on the same files (../shared/realdocs text PDFs).
   OCR: seconds per page of `chitieu extract` on a real scan, as a whole process, beside
   Tesseract alone on the same pages rendered as chitieu renders them (300 dpi).
2. Peak memory reading a 2,000-page PDF (built from a real one) and a 50 MB HTML page.
3. A re-run over 2,000 unchanged files: files per second, rows written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pypdfium2 as pdfium  # noqa: E402

from chitieu.batch import BatchOptions, run_batch  # noqa: E402
from chitieu.catalogue import Catalogue  # noqa: E402
from chitieu.errors import SourceError  # noqa: E402
from chitieu.sources.files import read_file  # noqa: E402
from chitieu.sources.pdf import read_pdf_text  # noqa: E402

REALDOCS = REPO.parent / "shared" / "realdocs" / "pdf"
CHITIEU = [shutil.which("chitieu")] if shutil.which("chitieu") else [sys.executable, "-m", "chitieu.cli"]


def fresh_peak_mb(statement: str) -> float:
    """Peak RSS (MB) while a new interpreter runs `statement`, after its imports: the peak is
    reset through /proc/self/clear_refs first, so the imports' own peak does not hide it."""
    code = (
        f"import sys; sys.path.insert(0, {str(REPO)!r})\n"
        "from pathlib import Path\nfrom chitieu.sources.files import read_file\n"
        "from chitieu.sources.pdf import read_pdf_text\n"
        "open('/proc/self/clear_refs', 'w').write('5')\n"
        f"{statement}\n"
        "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def text_pdfs() -> list[Path]:
    return [p for p in sorted(REALDOCS.glob("*text*.pdf"))] if REALDOCS.is_dir() else []


def pdf_throughput() -> None:
    files = text_pdfs()
    if not files:
        print("pdf: ../shared/realdocs absent, skipped")
        return
    pages, started = 0, time.perf_counter()
    for _ in range(5):
        for path in files:
            pdf = pdfium.PdfDocument(str(path))
            for page in pdf:
                page.get_textpage().get_text_range()
                pages += 1
            pdf.close()
    raw = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(5):
        for path in files:
            read_pdf_text(path, ocr=False)
    ours = time.perf_counter() - started
    print(f"pdf: {pages} text pages; pypdfium2 raw {pages / raw:.0f} pages/s; chitieu reader {pages / ours:.0f} pages/s; ratio {ours / raw:.2f}")


SCAN = REALDOCS / "HaTinh_418-KH-UBND_2017_CTMTQG_NTM_giam_ngheo_scan.pdf"


def ocr_cost(tmp: Path) -> None:
    if not (SCAN.is_file() and shutil.which("tesseract")):
        print("ocr: the scan or tesseract is absent, skipped")
        return
    pdf = pdfium.PdfDocument(str(SCAN))
    images = []
    for index, page in enumerate(pdf):
        image = tmp / f"page{index}.png"
        page.render(scale=300 / 72).to_pil().save(image)
        images.append(image)
    pdf.close()
    started = time.perf_counter()
    for image in images:
        subprocess.run(["tesseract", str(image), "stdout", "-l", "vie", "--psm", "3"], capture_output=True, check=True)
    alone = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([*CHITIEU, "extract", str(SCAN), "--no-db", "--workers", "1"], capture_output=True, check=False)
    command = time.perf_counter() - started
    pages = len(images)
    print(f"ocr: {pages}-page scan; tesseract alone {alone / pages:.1f} s/page; chitieu extract (whole process) "
          f"{command / pages:.1f} s/page; ratio {command / alone:.2f}")


def big_inputs(tmp: Path) -> None:
    files = text_pdfs()
    if files:
        source = pdfium.PdfDocument(str(files[0]))
        big = pdfium.PdfDocument.new()
        while len(big) < 2000:
            big.import_pages(source)
        big_path = tmp / "big.pdf"
        big.save(str(big_path))
        big.close()  # the copy built here is not part of what the reader holds
        source.close()
        started = time.perf_counter()
        text = read_pdf_text(big_path, max_pages=5000, ocr=False)
        seconds = time.perf_counter() - started
        imports = fresh_peak_mb("pass")
        reading = fresh_peak_mb(f"read_pdf_text(Path({str(big_path)!r}), max_pages=5000, ocr=False)")
        print(f"2,000-page PDF: {len(text.page_starts)} pages in {seconds:.1f} s; text {len(text.text) / 1e6:.1f} MB; "
              f"peak RSS while reading {reading:.0f} MB (idle after imports {imports:.0f} MB)")
        try:
            read_file(big_path)
        except SourceError as exc:
            print(f"  default reader: {exc}")
    html = tmp / "huge.html"
    with html.open("w", encoding="utf-8") as handle:
        handle.write("<html><body>")
        for _ in range(1_000_000):
            handle.write("<p>Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 1%.</p>\n")
        handle.write("</body></html>")
    try:
        read_file(html)
    except SourceError as exc:
        reading = fresh_peak_mb(f"try:\n    read_file(Path({str(html)!r}))\nexcept Exception:\n    pass")
        print(f"50 MB HTML ({html.stat().st_size / 1e6:.0f} MB): refused before parsing: {str(exc)[-70:]}; "
              f"peak RSS while reading {reading:.0f} MB")


def rerun(tmp: Path) -> None:
    folder = tmp / "docs"
    folder.mkdir()
    seeds = sorted((REPO / "corpus" / "seeds").glob("*.txt"))
    for i in range(2000):
        source = seeds[i % len(seeds)]
        (folder / f"{i:04d}_{source.name}").write_text(source.read_text(encoding="utf-8") + f"\n({i})", encoding="utf-8")
    db = tmp / "c.db"
    run_batch([folder], BatchOptions(db_path=db, progress=False, workers=2))
    catalogue = Catalogue(db)
    rows_before = {t: catalogue.db[t].count for t in ("documents", "targets")}
    started = time.perf_counter()
    summary = run_batch([folder], BatchOptions(db_path=db, progress=False))
    seconds = time.perf_counter() - started
    rows_after = {t: Catalogue(db).db[t].count for t in ("documents", "targets")}
    print(f"re-run over 2,000 unchanged files: {2000 / seconds:.0f} files/s; {summary.unchanged} unchanged; "
          f"rows {rows_before} -> {rows_after}")


def main() -> None:
    pdf_throughput()
    with tempfile.TemporaryDirectory() as directory:
        ocr_cost(Path(directory))
        big_inputs(Path(directory))
        rerun(Path(directory))


if __name__ == "__main__":
    main()
