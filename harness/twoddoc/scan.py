"""Find 2D-DOC codes the way a phone or a scanner meets them: as pixels on a page.

A PDF page is rendered with pdfium at 300 dpi (the resolution §5 asks of a scanner) and searched
with zxing-cpp; nothing is read from the PDF's structure, so a code only counts if it can actually be
seen and decoded. The payload is taken from the decoded bytes as Latin-1: zxing-cpp's `text` escapes
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


def scan_pdf(pdf: str | Path | bytes, *, dpi: int = DEFAULT_DPI) -> list[ScannedCode]:
    """Codes on every page of a PDF (a path or the file's bytes), rendered at `dpi`."""
    import pypdfium2 as pdfium

    source = "pdf" if isinstance(pdf, (bytes, bytearray)) else str(pdf)
    document = pdfium.PdfDocument(bytes(pdf) if isinstance(pdf, (bytes, bytearray)) else str(pdf))
    found: list[ScannedCode] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
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


def scan_file(path: str | Path, *, dpi: int = DEFAULT_DPI) -> list[ScannedCode]:
    """A .pdf, an image, or a text file holding raw payloads (see payloads_from_text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return scan_pdf(path, dpi=dpi)
    if suffix in IMAGE_SUFFIXES:
        return scan_image(path)
    text = path.read_bytes().decode("latin-1")
    return [ScannedCode(payload=payload, source=str(path)) for payload in payloads_from_text(text)]
