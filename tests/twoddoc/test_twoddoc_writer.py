"""The portal's 2D-DOC writer: header, message rules, signature, symbol, certificate."""

from __future__ import annotations

import base64
import io
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509.oid import NameOID
from PIL import Image

from fake_anef.documents import certificates, twoddoc
from fake_anef.documents.twoddoc import GS, RS, US, TwoDDocSigner, encode_header, encode_message, header_date

VECTOR_FIELDS: list[tuple[str, str | date]] = [
    ("6J", "2"),
    ("6K", "9201202004012359123"),
    ("6L", date(2020, 4, 1)),
    ("6P", "AUTORISE A TRAVAILLER"),
    ("6Q", "7503120521"),
    ("62", "SPECIMEN"),
    ("63", "BERTHIER SPECIMEN"),
    ("60", "NATACHA/CORINNE"),
    ("68", "F"),
    ("69", date(1973, 7, 12)),
    ("6A", "BUENOS AIRES"),
    ("6C", "AR"),
    ("67", "AR"),
    ("6U", "145 AVENUE DES SPECIMENS"),
    ("6W", "75000"),
    ("6X", "PARIS"),
    ("6M", "ENFANT ENTRE PAR REGROUPEMENT FAMILIAL"),
    ("6N", date(2020, 5, 1)),
    ("6O", date(2020, 6, 30)),
    ("6Y", "FR"),
]


@pytest.fixture(scope="module")
def signer(sim_certificate) -> TwoDDocSigner:
    _, key_pem, certificate_id = sim_certificate
    return TwoDDocSigner(key_pem, "FR00", certificate_id)


# --- header (§3.3.3) ---------------------------------------------------------------------------------


def test_header_v04_matches_the_specification_example() -> None:
    # §3.3.3: issued 2010-03-05, signed 2010-03-11, certificate XT4A of authority FR0A.
    header = encode_header("FR0A", "XT4A", date(2010, 3, 5), date(2010, 3, 11), "01", "01", "FR")
    assert header == "DC04FR0AXT4A0E840E8A0101FR"


def test_header_dates() -> None:
    assert header_date(date(2011, 12, 31)) == "111E"  # §3.3.1's example: 4382 days
    assert header_date(date(2000, 1, 1)) == "0000"
    assert header_date(None) == "FFFF"
    with pytest.raises(ValueError):
        header_date(date(1999, 12, 31))


@pytest.mark.parametrize(
    "args",
    [
        ("FR-0", "0001", "13", "01", "FR"),
        ("FR00", "01", "13", "01", "FR"),
        ("FR00", "0001", "1", "01", "FR"),
        ("FR00", "0001", "13", "01", "FRA"),
        ("fr00", "0001", "13", "01", "FR"),
    ],
)
def test_header_refuses_malformed_items(args: tuple[str, str, str, str, str]) -> None:
    authority, certificate_id, document_type, perimeter, country = args
    with pytest.raises(ValueError):
        encode_header(authority, certificate_id, None, date(2024, 1, 1), document_type, perimeter, country)


# --- message (§3.4.1) --------------------------------------------------------------------------------


def test_separators() -> None:
    message = encode_message(
        [
            ("6K", "9201202004012359123"),  # fixed: no separator
            ("62", "DUPONT"),  # variable, short, not last: GS
            ("6Q", "7503120521"),  # at its maximum (10): no GS
            ("6X", "SAINT REMY EN BOUZEMONT SAINT GENEST ET ISSON"),  # over 32: cut + RS
            ("6A", "LYON"),  # last, short: nothing
        ]
    )
    assert message == (
        "6K920120200401235912362DUPONT" + GS + "6Q75031205216XSAINT REMY EN BOUZEMONT SAINT GE" + RS + "6ALYON"
    )


def test_a_truncated_last_field_still_ends_with_rs() -> None:
    assert encode_message([("6X", "A" * 40)]) == "6X" + "A" * 32 + RS


def test_empty_variable_value() -> None:
    assert encode_message([("61", ""), ("62", "")]) == "61" + GS + "62"


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ([("6K", "123")], "fixed length"),
        ([("6K", "9" * 20)], "fixed length"),
        ([("62", "DUPONT2")], "not allowed"),
        ([("6W", "7500A")], "not allowed"),
        ([("6Z", "1234")], "at least 9"),
        ([("ZZ", "X")], "not one a type 13"),
        ([("62", "A"), ("62", "B")], "twice"),
        ([("6L", "31022020")], "not a date"),
        ([("62", date(2020, 1, 1))], "not a date field"),
    ],
)
def test_message_refuses_invalid_values(fields, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        encode_message(fields)


def test_unknown_day_of_birth_is_allowed() -> None:
    assert encode_message([("69", "00001990")]) == "6900001990"


def test_values_are_normalised_by_default() -> None:
    assert encode_message([("62", "  Müller-Lüdenscheidt "), ("60", "Zoé/Anaïs")]) == (
        "62MULLER LUDENSCHEIDT" + GS + "60ZOE/ANAIS"
    )
    with pytest.raises(ValueError):
        encode_message([("62", "Müller")], normalise=False)


@pytest.mark.parametrize(
    ("text", "identifier", "expected"),
    [
        ("Bérénice", None, "BERENICE"),
        ("d'Artagnan", None, "D ARTAGNAN"),
        ("Jean-Pierre  Çağlar", None, "JEAN PIERRE CAGLAR"),
        ("Straße", None, "STRASSE"),
        ("Œdipe Ærø Łódź", None, "OEDIPE AERO LODZ"),
        ("Natacha/Corinne", "60", "NATACHA/CORINNE"),
        ("Natacha/Corinne", "62", "NATACHA CORINNE"),
        ("12 bis, rue de l'Église", "6U", "12 BIS RUE DE L EGLISE"),
        ("P<FRASPECIMEN<<NATACHA<<<", "6F", "P FRASPECIMEN  NATACHA   "),
        ("Иван", None, ""),
        ("p ", "65", "P "),
        ("     ", "6W", "     "),
    ],
)
def test_normalise_value(text: str, identifier: str | None, expected: str) -> None:
    assert twoddoc.normalise_value(text, identifier) == expected


def test_type_13_mandatory_fields_are_required(signer: TwoDDocSigner) -> None:
    with pytest.raises(ValueError, match="6J"):
        signer.sign("13", "01", "FR", None, date(2024, 1, 1), [("62", "DUPONT")])
    payload = signer.sign("13", "01", "FR", None, date(2024, 1, 1), [("62", "DUPONT")], check_mandatory=False)
    assert payload.startswith("DC04FR00")


# --- signature (§3.5.2) ------------------------------------------------------------------------------


def test_reproduces_the_specification_vector_and_signs_it(
    reference: Path, vector_payload: str, spec_private_key: bytes
) -> None:
    signer = TwoDDocSigner(spec_private_key, "FR00", "0001")
    payload = signer.sign("13", "01", "FR", date(2020, 4, 6), date(2020, 6, 3), VECTOR_FIELDS)
    data, signature = payload.split(US)
    assert data == vector_payload.split(US)[0]
    assert len(signature) == 103 and "=" not in signature
    raw = base64.b32decode(signature + "=")
    assert len(raw) == 64
    certificate = x509.load_pem_x509_certificate((reference / "test-certificate-FR00-0001.pem").read_bytes())
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public_key.verify(der, data.encode("ascii"), ec.ECDSA(hashes.SHA256()))


def test_signer_refuses_keys_and_ids_it_cannot_use(sim_certificate) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    ed_key = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ValueError, match="ECDSA"):
        TwoDDocSigner(ed_key, "FR00", "SIM1")
    with pytest.raises(ValueError, match="4 characters"):
        TwoDDocSigner(sim_certificate[1], "FR00", "SIM")


# --- symbol (§4) -------------------------------------------------------------------------------------


def _decode_png(png: bytes) -> list[str]:
    image = Image.open(io.BytesIO(png))
    return [
        r.bytes.decode("latin-1")
        for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.DataMatrix))
    ]


def test_png_is_a_square_datamatrix_with_a_quiet_zone(signer: TwoDDocSigner) -> None:
    payload = signer.sign("13", "01", "FR", date(2024, 1, 2), date(2024, 1, 3), VECTOR_FIELDS)
    png = twoddoc.render_png(payload, scale=4)
    image = Image.open(io.BytesIO(png)).convert("L")
    modules = twoddoc.datamatrix_modules(payload)
    assert image.size == ((modules + 4) * 4,) * 2
    border = [image.getpixel((x, y)) for x in range(image.width) for y in range(8)]  # two modules
    assert set(border) == {255}
    assert _decode_png(png) == [payload]


@pytest.mark.parametrize("size", [20, 60, 200])
def test_short_payloads_stay_square(size: int) -> None:
    # zxing-cpp's default picks a rectangular symbol for some lengths; §4 allows only squares.
    payload = "DC04FR00SIM11CE91D231301FR62" + "A" * size + GS + "63B" + RS + US + "A" * 103
    image = Image.open(io.BytesIO(twoddoc.render_png(payload, scale=1)))
    assert image.width == image.height
    assert _decode_png(twoddoc.render_png(payload, scale=3)) == [payload]


def test_draw_on_canvas_keeps_modules_of_half_a_millimetre(signer: TwoDDocSigner) -> None:
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    payload = signer.sign("13", "01", "FR", None, date(2024, 1, 3), VECTOR_FIELDS)
    modules = twoddoc.datamatrix_modules(payload) + 4
    canvas = Canvas(io.BytesIO())
    width, height = twoddoc.draw_on_canvas(canvas, payload, 20 * mm, 20 * mm)
    assert width == pytest.approx(modules * 0.5 * mm)
    assert height > width
    with pytest.raises(ValueError, match="needs at least"):
        twoddoc.draw_on_canvas(canvas, payload, 20 * mm, 20 * mm, size_mm=modules * 0.45)
    width, _ = twoddoc.draw_on_canvas(canvas, payload, 20 * mm, 20 * mm, size_mm=40)
    assert width == pytest.approx(40 * mm)


# --- certificate -------------------------------------------------------------------------------------


def _cn(name: x509.Name) -> str:
    return str(name.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def test_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    cert_pem, key_pem, certificate_id = certificates.ensure_certificate(tmp_path, "FR00", now)
    assert certificate_id == "SIM1"
    assert (tmp_path / "cert.pem").read_bytes() == cert_pem
    assert os.stat(tmp_path / "key.pem").st_mode & 0o777 == 0o600
    certificate = x509.load_pem_x509_certificate(cert_pem)
    subject = {a.oid: a.value for a in certificate.subject}
    assert subject == {
        NameOID.COMMON_NAME: "SIM1",
        NameOID.ORGANIZATION_NAME: "SIMULATEUR ANEF - TESTS",
        NameOID.COUNTRY_NAME: "FR",
    }
    assert _cn(certificate.issuer) == "FR00"
    assert certificate.not_valid_before_utc == now - timedelta(days=1)
    assert certificate.not_valid_after_utc >= now + timedelta(days=5 * 365 - 2)
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1"
    assert certificates.ensure_certificate(tmp_path, "FR00", now + timedelta(days=100)) == (cert_pem, key_pem, "SIM1")
    # Naive datetimes (the portal's clock) are accepted.
    assert certificates.ensure_certificate(tmp_path, "FR00", datetime(2025, 1, 1))[2] == "SIM1"


def test_certificate_is_renewed_with_a_new_id(tmp_path: Path) -> None:
    now = datetime(2024, 5, 1, tzinfo=UTC)
    first = certificates.ensure_certificate(tmp_path, "FR00", now)
    expired = certificates.ensure_certificate(tmp_path, "FR00", now + timedelta(days=6 * 365))
    assert expired[2] == "SIM2" and expired[1] != first[1]
    other_authority = certificates.ensure_certificate(tmp_path, "FR01", now + timedelta(days=6 * 365))
    assert other_authority[2] == "SIM3"
    (tmp_path / "key.pem").write_bytes(b"damaged")
    assert certificates.ensure_certificate(tmp_path, "FR01", now + timedelta(days=6 * 365))[2] == "SIM4"
    with pytest.raises(ValueError):
        certificates.ensure_certificate(tmp_path, "fr0", now)


def test_trust_list_bundle(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        certificates.trust_list_pem(tmp_path)
    cert_pem, _, _ = certificates.ensure_certificate(tmp_path)
    bundle = certificates.trust_list_pem(tmp_path)
    blocks = bundle.split(b"-----END CERTIFICATE-----")
    assert len(blocks) == 3 and blocks[-1].strip() == b""
    assert bundle.startswith(cert_pem.strip())
    spec = x509.load_pem_x509_certificate(certificates.SPEC_TEST_CERTIFICATE.read_bytes())
    assert (_cn(spec.issuer), _cn(spec.subject)) == ("FR00", "0001")


def test_shipped_spec_certificate_is_the_reference_one(reference: Path) -> None:
    assert (
        certificates.SPEC_TEST_CERTIFICATE.read_bytes() == (reference / "test-certificate-FR00-0001.pem").read_bytes()
    )


# --- the two independent transcriptions of the annex agree -------------------------------------------


def test_writer_and_reader_tables_agree() -> None:
    from harness.twoddoc.spec import IDENTIFIERS

    assert set(twoddoc.FIELD_SPECS) == set(IDENTIFIERS)
    for identifier, written in twoddoc.FIELD_SPECS.items():
        read = IDENTIFIERS[identifier]
        assert (written.min_length, written.max_length, written.fixed) == (
            read.min_length,
            read.max_length,
            read.fixed,
        ), identifier
        assert all(read.pattern.fullmatch(c) for c in written.charset), identifier
        assert written.kind == read.kind, identifier
    from harness.twoddoc.spec import DOCUMENT_TYPES

    assert DOCUMENT_TYPES["13"].mandatory == twoddoc.MANDATORY_TYPE_13
