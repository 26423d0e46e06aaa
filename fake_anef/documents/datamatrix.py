"""The 2D-DOC symbol (specification §4): a square DataMatrix ECC200 with its quiet zone, as a PNG or
drawn on a reportlab canvas with its "2D-DOC" caption. What the symbol holds is :mod:`.twoddoc`'s."""

from __future__ import annotations

import io
from typing import Any, cast

QUIET_ZONE_MODULES = 2  # §4.3 asks for at least one module; two are kinder to phone cameras
MIN_MODULE_MM = 0.5  # §4.4 recommends 0.4 mm at least; 0.5 mm reads reliably with a phone
CAPTION = "2D-DOC"  # §4.1: the symbol is marked "2D-DOC" on one side


def _symbol(payload: str) -> Any:
    """The DataMatrix as a PIL image, one pixel per module, without quiet zone."""
    import zxingcpp
    from PIL import Image

    # Bytes, not str: zxing-cpp then writes every byte as is (GS/RS/US included) with no ECI or
    # UTF-8 conversion. forceSquare must be a keyword of its own: zxing-cpp 3.x silently ignores
    # unknown keywords and option strings, and its default picks a rectangular symbol, which §4
    # forbids.
    barcode = zxingcpp.create_barcode(payload.encode("latin-1"), zxingcpp.BarcodeFormat.DataMatrix, forceSquare=True)
    bitmap = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = bitmap.__array_interface__["shape"][:2]
    if height != width:
        raise RuntimeError(f"zxing-cpp produced a {width}x{height} DataMatrix; a 2D-DOC must be square")
    pixels = bytes(memoryview(cast(Any, bitmap)))  # zxingcpp.Image has the buffer protocol; its stub omits it
    return Image.frombuffer("L", (width, height), pixels, "raw", "L", 0, 1)


def datamatrix_modules(payload: str) -> int:
    """Modules on a side of the symbol for `payload`, quiet zone excluded."""
    return int(_symbol(payload).width)


def _with_quiet_zone(payload: str, scale: int) -> Any:
    from PIL import Image

    symbol = _symbol(payload)
    side = symbol.width + 2 * QUIET_ZONE_MODULES
    canvas = Image.new("L", (side, side), 255)
    canvas.paste(symbol, (QUIET_ZONE_MODULES, QUIET_ZONE_MODULES))
    return canvas.resize((side * scale, side * scale), Image.Resampling.NEAREST) if scale > 1 else canvas


def render_png(payload: str, scale: int = 8) -> bytes:
    """The DataMatrix as a PNG, `scale` pixels per module, with a quiet zone of two modules."""
    if scale < 1:
        raise ValueError("scale is a number of pixels per module, at least 1")
    buffer = io.BytesIO()
    _with_quiet_zone(payload, scale).save(buffer, format="PNG")
    return buffer.getvalue()


def draw_on_canvas(
    canvas: Any,
    payload: str,
    x: float,
    y: float,
    size_mm: float | None = None,
    *,
    caption_font: tuple[str, float] = ("Helvetica", 7.0),
) -> tuple[float, float]:
    """Draw the code and its "2D-DOC" caption on a reportlab canvas; return (width, height) in points.

    (x, y) is the lower-left corner of the whole block, in points: the caption line at the bottom,
    the symbol (quiet zone included) above it. `size_mm` is the side of the symbol with its quiet
    zone; by default the symbol gets modules of exactly 0.5 mm. A size that would make modules
    smaller than 0.5 mm is refused rather than printed unreadable.
    """
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader

    # 8 pixels per module: crisp once printed or rendered at 300-600 dpi, and still a small image.
    image = _with_quiet_zone(payload, 8)
    modules = image.width // 8
    if size_mm is None:
        size_mm = modules * MIN_MODULE_MM
    elif size_mm / modules < MIN_MODULE_MM - 1e-9:
        raise ValueError(
            f"a {modules}-module 2D-DOC (quiet zone included) needs at least "
            f"{modules * MIN_MODULE_MM:.1f} mm to keep modules of {MIN_MODULE_MM} mm; got {size_mm} mm"
        )
    side = size_mm * mm
    font, font_size = caption_font
    caption_height = font_size * 1.4
    canvas.drawImage(ImageReader(image), x, y + caption_height, width=side, height=side)
    canvas.saveState()
    canvas.setFont(font, font_size)
    canvas.drawCentredString(x + side / 2, y + font_size * 0.35, CAPTION)
    canvas.restoreState()
    return side, side + caption_height
