"""Rules for justificatifs and the ephoto (guide 02 étape 4; guide 01 FAQ 10; guides README):
formats .jpg .png .pdf .tiff .bmp, 10 Mo at most per file, 3 files at most per justificatif, an
ephoto number of 22 digits used for one démarche only and
valid 6 months from the day it was taken (when the portal knows that day: operator API).

A file is accepted when its name claims an accepted format AND its content is a file of that very
format: the whole signature matches and the content parses as it (Pillow for images, pypdf for PDF),
so PNG bytes named .pdf, "BM" followed by HTML named .bmp or "%PDF-" followed by HTML are refused."""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from datetime import date
from pathlib import PurePath

from PIL import Image
from pypdf import PdfReader

from .conditions import mois_apres

MAX_SIZE = 10 * 1024 * 1024  # "ne pas dépasser une taille maximale de 10 Mo par fichier"
MAX_FILES = 3  # "3 documents maximum" per justificatif
MAX_NAME = 120  # characters kept of a file's name (its extension always kept)
EXTENSIONS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".pdf": "pdf", ".tif": "tiff", ".tiff": "tiff", ".bmp": "bmp"}
EPHOTO_RE = re.compile(r"^[0-9]{22}$")  # ASCII digits only: \d would accept "١" or "１"
SNIFF_BYTES = 8

_MAGIC = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"%PDF-", "pdf"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),
)
_PDF_HEADER = re.compile(rb"^%PDF-[12]\.[0-9]")
_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "bmp": "BMP"}
MIMETYPES = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf", "tiff": "image/tiff", "bmp": "image/bmp"}


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file announce, among the accepted ones, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def claimed_format(filename: str) -> str | None:
    """The accepted format a file's extension claims, else None."""
    return EXTENSIONS.get(PurePath(filename).suffix.lower())


def conforms(kind: str, content: bytes) -> bool:
    """The content is a well-formed file of format `kind`: its signature, then a parser's reading."""
    if sniff(content[:SNIFF_BYTES]) != kind:
        return False
    if kind == "pdf":
        return _pdf_parses(content)
    return _image_parses(content, _PIL_FORMATS[kind])


def _pdf_parses(content: bytes) -> bool:
    # The signature is the header and the end-of-file marker (within the last 1024 bytes, as
    # readers allow); checked first, it also spares pypdf a slow backwards search on junk.
    if not _PDF_HEADER.match(content) or b"%%EOF" not in content[-1024:]:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(PdfReader(io.BytesIO(content)).pages) >= 1
    except Exception:  # any reading error means "not a PDF": pypdf raises many kinds
        return False


def _image_parses(content: bytes, pil_format: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=[pil_format]) as image:
                if image.format != pil_format or image.width < 1 or image.height < 1:
                    return False
                image.verify()
        return True
    except Exception:  # Pillow raises many kinds on a damaged or disguised file
        return False


def content_problem(filename: str, content: bytes, size: int, check_content: bool = True) -> str | None:
    """Why a file is refused by itself (a key of texts.DEMARCHE_ERREURS), or None. `content` holds at
    most MAX_SIZE + 1 bytes; `size` is the size seen. `check_content=False` is the fault mode
    upload_sans_controle_du_contenu (only the extension is looked at)."""
    if size == 0:
        return "fichier_vide"
    if size > MAX_SIZE:
        return "fichier_taille"
    kind = claimed_format(filename)
    if kind is None or (check_content and not conforms(kind, content)):
        return "fichier_format"
    return None


def problem(filename: str, content: bytes, size: int, already: int, check_content: bool = True) -> str | None:
    """Why an upload is refused (a key of texts.DEMARCHE_ERREURS), or None when it is accepted."""
    if already >= MAX_FILES:
        return "fichier_nombre"
    return content_problem(filename, content, size, check_content)


def safe_name(filename: str) -> str:
    """A file name to show and to store: no folders, no control characters, at most MAX_NAME
    characters; a long name is cut in its stem, so that its extension stays."""
    name = PurePath(filename.replace("\\", "/")).name
    name = "".join(c for c in unicodedata.normalize("NFC", name) if c.isprintable() and c not in '/\\:*?"<>|')
    name = name.strip()
    if len(name) > MAX_NAME:
        suffix = PurePath(name).suffix
        suffix = suffix if len(suffix) <= 10 else ""
        name = name[: len(name) - len(suffix)][: MAX_NAME - len(suffix)].rstrip() + suffix
    return name or "document"


def normalise_ephoto(value: str) -> str:
    return re.sub(r"\s+", "", value or "")


EPHOTO_VALIDITE_MOIS = 6  # guide 01 FAQ 10: "sa validité est de 6 mois"


def ephoto_expired(date_prise: date, today: date) -> bool:
    """An e-photo code taken on `date_prise` is no longer valid on `today` (6 months later)."""
    end = mois_apres(date_prise, EPHOTO_VALIDITE_MOIS)
    return end is not None and today > end


def ephoto_valid(value: str) -> bool:
    return bool(EPHOTO_RE.match(normalise_ephoto(value)))
