"""Rules for justificatifs and the ephoto (guide 02 étape 4; guide 01 FAQ 10; guides README):
formats .jpg .png .pdf .tiff .bmp recognised by their content (magic bytes), 10 Mo at most per file,
3 files at most per justificatif, an ephoto number of 22 digits used for one démarche only and
valid 6 months from the day it was taken (when the portal knows that day: operator API)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import PurePath

from .conditions import mois_apres

MAX_SIZE = 10 * 1024 * 1024  # "ne pas dépasser une taille maximale de 10 Mo par fichier"
MAX_FILES = 3  # "3 documents maximum" per justificatif
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
MIMETYPES = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf", "tiff": "image/tiff", "bmp": "image/bmp"}


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file announce, among the accepted ones, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def problem(filename: str, head: bytes, size: int, already: int) -> str | None:
    """Why an upload is refused (a key of texts.DEMARCHE_ERREURS), or None when it is accepted.
    The extension must be an accepted one AND the content must be of an accepted format."""
    if already >= MAX_FILES:
        return "fichier_nombre"
    if size == 0:
        return "fichier_vide"
    if size > MAX_SIZE:
        return "fichier_taille"
    if PurePath(filename).suffix.lower() not in EXTENSIONS or sniff(head) is None:
        return "fichier_format"
    return None


def safe_name(filename: str) -> str:
    """A file name to show and to store: no folders, no control characters, at most 120 characters."""
    name = PurePath(filename.replace("\\", "/")).name
    name = "".join(c for c in unicodedata.normalize("NFC", name) if c.isprintable() and c not in '/\\:*?"<>|')
    return name.strip()[:120] or "document"


def normalise_ephoto(value: str) -> str:
    return re.sub(r"\s+", "", value or "")


EPHOTO_VALIDITE_MOIS = 6  # guide 01 FAQ 10: "sa validité est de 6 mois"


def ephoto_expired(date_prise: date, today: date) -> bool:
    """An e-photo code taken on `date_prise` is no longer valid on `today` (6 months later)."""
    end = mois_apres(date_prise, EPHOTO_VALIDITE_MOIS)
    return end is not None and today > end


def ephoto_valid(value: str) -> bool:
    return bool(EPHOTO_RE.match(normalise_ephoto(value)))
