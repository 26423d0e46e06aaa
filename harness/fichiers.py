"""Files a tester joins to a demande, made on the fly (never committed): small valid PDF, PNG and
JPEG documents, a PDF just over 10 Mo, and a program renamed ".pdf" whose content betrays it."""

from __future__ import annotations

import io

from PIL import Image
from playwright.sync_api import FilePayload
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

MO = 1024 * 1024


def _payload(name: str, mime: str, content: bytes) -> FilePayload:
    return {"name": name, "mimeType": mime, "buffer": content}


def pdf(name: str = "justificatif.pdf", text: str = "SPECIMEN - document de test") -> FilePayload:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(72, 760, text)
    canvas.showPage()
    canvas.save()
    return _payload(name, "application/pdf", buffer.getvalue())


def image(name: str = "justificatif.png", kind: str = "PNG") -> FilePayload:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 210, 220)).save(buffer, format=kind)
    mime = {"PNG": "image/png", "JPEG": "image/jpeg", "BMP": "image/bmp", "TIFF": "image/tiff"}[kind]
    return _payload(name, mime, buffer.getvalue())


def oversized_pdf(name: str = "trop-gros.pdf", size: int = 11 * MO) -> FilePayload:
    """A real PDF padded with a comment to `size` bytes: only its size is wrong (or, at 10 Mo, none).
    The comment goes before "startxref", so the offsets hold and the file still ends with %%EOF."""
    content = pdf(name)["buffer"]
    padding = size - len(content)
    at = content.rindex(b"startxref")
    return _payload(name, "application/pdf", content[:at] + b"%" + b"0" * (padding - 2) + b"\n" + content[at:])


def disguised_program(name: str = "programme.pdf") -> FilePayload:
    """A Windows program (MZ header) renamed .pdf: its extension lies, its content does not."""
    content = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 496
    return _payload(name, "application/pdf", content)


def by_kind(kind: str, name: str) -> FilePayload:
    """"un PDF", "une image PNG", "une image JPEG", "un fichier de 11 Mo", "un fichier de 10 Mo tout juste",
    "un fichier de 10 Mo et 1 octet", "un programme renommé en .pdf"."""
    kind = kind.lower()
    if "10 mo et 1 octet" in kind:  # the closest values of the 10 Mo rule, on both sides
        return oversized_pdf(name, 10 * MO + 1)
    if "10 mo tout juste" in kind:
        return oversized_pdf(name, 10 * MO)
    if "11 mo" in kind or "10 mo" in kind:
        return oversized_pdf(name)
    if "programme" in kind or ".exe" in kind:
        return disguised_program(name)
    if "png" in kind:
        return image(name, "PNG")
    if "jpeg" in kind or "jpg" in kind:
        return image(name, "JPEG")
    return pdf(name)
