"""Justificatif files (format by content, size, count), the ephoto, and the guides' numbers."""

from datetime import date

import pytest

from fake_anef.engine import numeros, pieces
from harness import fichiers


@pytest.mark.parametrize("payload", [fichiers.pdf("a.pdf"), fichiers.image("a.png", "PNG"),
                                     fichiers.image("a.jpg", "JPEG"), fichiers.image("a.bmp", "BMP"),
                                     fichiers.image("a.tiff", "TIFF")])
def test_accepted_formats(payload: dict) -> None:
    content = payload["buffer"]
    assert pieces.problem(payload["name"], content, len(content), 0) is None


def test_the_content_decides_not_only_the_extension() -> None:
    program = fichiers.disguised_program("passeport.pdf")["buffer"]
    assert pieces.problem("passeport.pdf", program, len(program), 0) == "fichier_format"
    png = fichiers.image("a.png")["buffer"]
    assert pieces.problem("photo.gif", png, len(png), 0) == "fichier_format"
    assert pieces.problem("texte.pdf", b"hello wo", 8, 0) == "fichier_format"


@pytest.mark.parametrize("name, content", [
    ("scan.pdf", fichiers.image("a.png")["buffer"]),  # a PNG named .pdf: its format is not the one claimed
    ("scan.bmp", b"BM" + b"<html><script>alert(1)</script></html>" * 4),  # the signature's two letters, then HTML
    ("scan.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>"),  # a PDF header, then HTML
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),  # the signature only: no image follows
    ("scan.jpg", fichiers.pdf()["buffer"]),
])
def test_a_file_must_be_of_the_format_its_name_claims_and_parse_as_it(name: str, content: bytes) -> None:
    assert pieces.problem(name, content, len(content), 0) == "fichier_format"
    assert pieces.problem(name, content, len(content), 0, check_content=False) is None  # the fault mode


def test_a_long_name_keeps_its_extension() -> None:
    name = pieces.safe_name("é" * 1000 + ".PDF")
    assert len(name) == pieces.MAX_NAME and name.endswith("é.PDF")
    content = fichiers.pdf()["buffer"]
    assert pieces.problem(name, content, len(content), 0) is None


def test_size_and_count_limits() -> None:
    pdf = fichiers.pdf()["buffer"]
    assert pieces.problem("a.pdf", pdf, pieces.MAX_SIZE, 0) is None
    assert pieces.problem("a.pdf", pdf, pieces.MAX_SIZE + 1, 0) == "fichier_taille"
    assert pieces.problem("a.pdf", pdf, len(pdf), 2) is None
    assert pieces.problem("a.pdf", pdf, len(pdf), 3) == "fichier_nombre"
    assert pieces.problem("a.pdf", b"", 0, 0) == "fichier_vide"


def test_file_names_are_made_safe() -> None:
    assert pieces.safe_name("../../etc/passwd") == "passwd"
    assert pieces.safe_name("C:\\Users\\x\\test_1 (4).pdf") == "test_1 (4).pdf"
    assert pieces.safe_name("") == "document"


def test_ephoto_is_22_digits() -> None:
    assert pieces.ephoto_valid("0" * 22)
    assert pieces.ephoto_valid("1234 5678 9012 3456 7890 12")
    assert not pieces.ephoto_valid("1" * 21)
    assert not pieces.ephoto_valid("A" * 22)


def test_numero_de_demande_has_the_guides_19_digit_format() -> None:
    assert numeros.numero_demande("59", date(2022, 12, 22), 370) == "5901202212220000370"
    assert numeros.NUMERO_DEMANDE_RE.match(numeros.numero_demande("75", date(2024, 1, 2), 1))
    assert numeros.departement("59000") == "59"
    assert numeros.departement("97400") == "97"
    assert numeros.departement("") == numeros.DEFAULT_DEPARTEMENT
    with pytest.raises(ValueError):
        numeros.numero_demande("5", date(2024, 1, 2), 1)
    with pytest.raises(ValueError):
        numeros.numero_demande("59", date(2024, 1, 2), 10**7)


def test_numero_etranger_is_10_digits_starting_with_the_departement() -> None:
    numero = numeros.numero_etranger("59")
    assert len(numero) == 10 and numero.isdigit() and numero.startswith("59")
