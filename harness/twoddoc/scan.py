"""Find 2D-DOC codes the way a phone or a scanner meets them: as pixels on a page.

A PDF page's embedded images are searched first (pdfium hands them over as they are stored: no
rendering, a few ms); only a page whose images hold no code is rendered with pdfium at 300 dpi (the
resolution §5 asks of a scanner) and searched with zxing-cpp, so a code drawn as vectors, or as text
in a barcode font, is still found as a phone would see it. `render_only=True` (check-pdf
`--rendu-seul`) skips the images: a code is then only counted if it can be seen on the page. The payload is taken from the decoded bytes as Latin-1: zxing-cpp's `text` escapes
control characters ("<GS>"), which would change the signed data.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .parse import unescape_payload

__all__ = ["ScannedCode", "payloads_from_text", "scan_file", "scan_image", "scan_pdf"]

DEFAULT_DPI = 300
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


@dataclass(frozen=True)
class ScannedCode:
    """One code found: its payload, where it was, and what the symbol itself looked like."""

    payload: str
    source: str
    page: int | None = None  # 1-based, for PDFs
    symbol: str | None = None  # zxing-cpp's "Version", e.g. "64x64"
    notes: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        place = self.source + (f", page {self.page}" if self.page is not None else "")
        return place + (f" (DataMatrix {self.symbol})" if self.symbol else "")


def _symbol_notes(symbol: str | None) -> tuple[str, ...]:
    if symbol and "x" in symbol:
        rows, _, cols = symbol.partition("x")
        if rows != cols:
            return (
                f"symbole DataMatrix rectangulaire {symbol} : la spécification n'admet que des symboles carrés (§4)",
            )
    return ()


def scan_image(image: Any, *, source: str = "image", page: int | None = None) -> list[ScannedCode]:
    """Codes in a PIL image, or in an image file (path) or image bytes."""
    import zxingcpp
    from PIL import Image

    if isinstance(image, (str, Path)):
        source = str(image) if source == "image" else source
        with Image.open(image) as opened:
            image = opened.convert("L")
    elif isinstance(image, (bytes, bytearray)):
        with Image.open(io.BytesIO(image)) as opened:
            image = opened.convert("L")
    elif image.mode not in ("L", "RGB"):
        image = image.convert("L")
    # Two passes. The first, for the common case of an upright page of dark-on-light print, skips
    # the rotated, downscaled and inverted searches: it takes about half the time on a 300 dpi A4
    # page. Only when it finds nothing does the second search every way a phone would meet a
    # sheet (upside down, sideways, inverted), so that no readable code goes unreported.
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.DataMatrix)
    results = zxingcpp.read_barcodes(image, formats=formats, try_rotate=False, try_downscale=False, try_invert=False)
    if not results:
        results = zxingcpp.read_barcodes(image, formats=formats)
    found: list[ScannedCode] = []
    for result in results:
        extra = result.extra if isinstance(result.extra, dict) else {}
        version = extra.get("Version")  # e.g. "64x64"
        symbol = str(version) if version else None
        found.append(
            ScannedCode(
                payload=result.bytes.decode("latin-1"),
                source=source,
                page=page,
                symbol=symbol,
                notes=_symbol_notes(symbol),
            )
        )
    return found


def _scan_page_images(page: Any, source: str, number: int) -> list[ScannedCode]:
    """Codes in the images a page embeds, read as stored (no rendering of the page)."""
    import pypdfium2.raw as pdfium_c

    found: list[ScannedCode] = []
    for item in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        try:
            width, height = item.get_px_size()
            if min(width, height) < 10:  # a rule, a bullet: no DataMatrix fits
                continue
            image = item.get_bitmap(render=False).to_pil()
        except Exception:  # noqa: BLE001 - an image pdfium cannot decode: the page rendering decides
            continue
        found += scan_image(image, source=source, page=number)
    return found


def scan_pdf(pdf: str | Path | bytes, *, dpi: int = DEFAULT_DPI, render_only: bool = False) -> list[ScannedCode]:
    """Codes on every page of a PDF (a path or the file's bytes): from the page's embedded images,
    else from the page rendered at `dpi` (always rendered when `render_only`)."""
    import pypdfium2 as pdfium

    source = "pdf" if isinstance(pdf, (bytes, bytearray)) else str(pdf)
    document = pdfium.PdfDocument(bytes(pdf) if isinstance(pdf, (bytes, bytearray)) else str(pdf))
    found: list[ScannedCode] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                in_images = [] if render_only else _scan_page_images(page, source, index + 1)
                if in_images:
                    found += in_images
                    continue
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                found += scan_image(bitmap.to_pil(), source=source, page=index + 1)
            finally:
                page.close()
    finally:
        document.close()
    return found


def payloads_from_text(text: str) -> list[str]:
    """Payloads written as text: each line starting with "DC", control characters raw or as <GS>/<RS>/<US>.

    Text that has no such line is taken whole as one payload, so that it gets a verdict (malformed)
    rather than silence. Lines are split on LF only: str.splitlines() would also split on GS and RS.
    """
    lines = [line.rstrip("\r") for line in text.split("\n")]
    payloads = [unescape_payload(line) for line in lines if line.startswith("DC")]
    if not payloads and text.strip():
        payloads = [unescape_payload(text.strip("\r\n"))]
    return payloads


def scan_file(path: str | Path, *, dpi: int = DEFAULT_DPI, render_only: bool = False) -> list[ScannedCode]:
    """A .pdf, an image, or a text file holding raw payloads (see payloads_from_text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return scan_pdf(path, dpi=dpi, render_only=render_only)
    if suffix in IMAGE_SUFFIXES:
        return scan_image(path)
    text = path.read_bytes().decode("latin-1")
    return [ScannedCode(payload=payload, source=str(path)) for payload in payloads_from_text(text)]
