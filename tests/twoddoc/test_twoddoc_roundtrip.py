"""Writer (portal) → reader (harness): values survive, tampering is caught, paper works.

The writer and the reader were written separately from the specification; these properties are
where they meet. Hypothesis draws type 13 fields of every length (empty, at the maximum, over it),
in any order.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fake_anef.documents import certificates
from fake_anef.documents.twoddoc import FIELD_SPECS, MANDATORY_TYPE_13, US, TwoDDocSigner, draw_on_canvas, render_png
from harness.twoddoc import Reason, TrustList, parse, scan_image, scan_pdf, verify
from harness.twoddoc.cli import main

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPE_13_IDS = sorted(i for i in FIELD_SPECS if not i.startswith("0"))  # §7.5
OPTIONAL_IDS = sorted(set(TYPE_13_IDS) - MANDATORY_TYPE_13)


def _value(identifier: str) -> st.SearchStrategy[str]:
    spec = FIELD_SPECS[identifier]
    if spec.is_date:
        return st.dates(date(1900, 1, 1), date(2099, 12, 31)).map(lambda d: f"{d:%d%m%Y}")
    if spec.fixed:
        return st.text(spec.charset, min_size=spec.min_length, max_size=spec.min_length)
    assert spec.max_length is not None
    return st.one_of(
        st.text(spec.charset, min_size=spec.min_length, max_size=spec.max_length),
        st.text(spec.charset, min_size=spec.max_length, max_size=spec.max_length),  # at the maximum: no GS
        st.text(spec.charset, min_size=spec.max_length + 1, max_size=spec.max_length + 12),  # cut, RS
    )


@st.composite
def type_13_fields(draw: st.DrawFn) -> list[tuple[str, str]]:
    chosen = sorted(MANDATORY_TYPE_13) + draw(st.lists(st.sampled_from(OPTIONAL_IDS), unique=True))
    order = draw(st.permutations(chosen))
    return [(identifier, draw(_value(identifier))) for identifier in order]


SIGNATURE_DATES = st.dates(date(2001, 1, 1), date(2098, 12, 31))


@pytest.fixture(scope="module")
def fr00(cert_factory) -> tuple[TwoDDocSigner, TrustList]:
    cert_pem, key_pem = cert_factory("FR00", "HYP1")
    return TwoDDocSigner(key_pem, "FR00", "HYP1"), TrustList.from_pem(cert_pem)


@PROPERTY
@given(fields=type_13_fields(), issue=st.none() | SIGNATURE_DATES, signed=SIGNATURE_DATES)
def test_every_value_survives_the_round_trip(
    fr00, fields: list[tuple[str, str]], issue: date | None, signed: date
) -> None:
    signer, trust = fr00
    payload = signer.sign("13", "01", "FR", issue, signed, fields, normalise=False)
    code = parse(payload)
    assert (code.version, code.authority, code.certificate_id, code.document_type, code.perimeter, code.country) == (
        "04",
        "FR00",
        "HYP1",
        "13",
        "01",
        "FR",
    )
    assert (code.issue_date, code.signature_date) == (issue, signed)
    expected = []
    for identifier, value in fields:
        limit = FIELD_SPECS[identifier].max_length
        assert limit is not None
        expected.append((identifier, value[:limit], len(value) > limit))
    assert [(f.identifier, f.raw, f.truncated) for f in code.fields] == expected
    for item in code.fields:
        if FIELD_SPECS[item.identifier].is_date:
            assert item.value == date(int(item.raw[4:]), int(item.raw[2:4]), int(item.raw[:2]))
    result = verify(code, trust)
    assert result.valid, result.detail
    assert result.findings == ()


@pytest.fixture(scope="module")
def reference_code(fr00) -> str:
    signer, _ = fr00
    fields = [
        ("6J", "2"),
        ("6K", "9201202004012359123"),
        ("6L", "01042020"),
        ("6P", "AUTORISE A TRAVAILLER"),
        ("6Q", "7503120521"),
        ("62", "SPECIMEN"),
        ("63", "BERTHIER SPECIMEN"),
        ("60", "NATACHA/CORINNE"),
        ("68", "F"),
        ("69", "12071973"),
        ("6A", "BUENOS AIRES"),
        ("6C", "AR"),
        ("67", "AR"),
        ("6U", "145 AVENUE DES SPECIMENS"),
        ("6W", "75000"),
        ("6X", "PARIS"),
        ("6Y", "FR"),
    ]
    return signer.sign("13", "01", "FR", date(2024, 4, 6), date(2024, 6, 3), fields)


def _replacement(original: str, seed: int) -> str:
    alphabet = "ABCZ0159 /\x1d\x1e\x1f-é"
    candidates = [c for c in alphabet if c != original]
    return candidates[seed % len(candidates)]


def test_changing_any_character_of_the_signed_part_fails(fr00, reference_code: str) -> None:
    _, trust = fr00
    assert verify(reference_code, trust).valid
    signed_length = reference_code.index(US)
    for position in range(signed_length):
        for seed in (position, position + 7):
            tampered = (
                reference_code[:position]
                + _replacement(reference_code[position], seed)
                + reference_code[position + 1 :]
            )
            result = verify(tampered, trust)
            assert not result.valid, (position, tampered)


@PROPERTY
@given(data=st.data())
def test_changing_any_byte_to_anything_fails(fr00, reference_code: str, data: st.DataObject) -> None:
    _, trust = fr00
    position = data.draw(st.integers(0, reference_code.index(US) - 1))
    char = data.draw(st.characters(min_codepoint=0, max_codepoint=255).filter(lambda c: c != reference_code[position]))
    tampered = reference_code[:position] + char + reference_code[position + 1 :]
    result = verify(tampered, trust)
    assert not result.valid
    assert result.reason in (
        Reason.MALFORMED,
        Reason.BAD_SIGNATURE,
        Reason.UNKNOWN_CERTIFICATE,
        Reason.CERTIFICATE_NOT_VALID,
    )


@pytest.fixture(scope="module")
def untrusted_key(cert_factory) -> bytes:
    """A key whose certificate no trust list of these tests holds."""
    return cert_factory("FR00", "UNK1")[1]


@PROPERTY
@given(fields=type_13_fields(), certificate_id=st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=4, max_size=4))
def test_a_key_whose_certificate_is_not_trusted_is_an_unknown_certificate(
    fr00, untrusted_key: bytes, fields: list[tuple[str, str]], certificate_id: str
) -> None:
    _, trust = fr00
    signer = TwoDDocSigner(untrusted_key, "FR00", certificate_id)
    payload = signer.sign("13", "01", "FR", None, date(2024, 1, 1), fields, normalise=False)
    result = verify(payload, trust)
    assert not result.valid
    # The only id the trust list knows for FR00 is HYP1: there, the same key is a bad signature.
    expected = Reason.BAD_SIGNATURE if certificate_id == "HYP1" else Reason.UNKNOWN_CERTIFICATE
    assert result.reason is expected


def test_a_trusted_id_with_another_key_is_a_bad_signature(fr00, untrusted_key: bytes, reference_code: str) -> None:
    _, trust = fr00
    impostor = TwoDDocSigner(untrusted_key, "FR00", "HYP1")
    data = reference_code.split(US)[0]
    assert verify(data + US + impostor.signature(data), trust).reason is Reason.BAD_SIGNATURE


def test_an_expired_certificate_fails_with_that_reason(tmp_path: Path, reference_code: str) -> None:
    # The simulator's own certificate, made in 2010: expired by the 2024 signature date.
    _, key_pem, certificate_id = certificates.ensure_certificate(tmp_path, "FR00", datetime(2010, 1, 1, tzinfo=UTC))
    signer = TwoDDocSigner(key_pem, "FR00", certificate_id)
    data = reference_code.split(US)[0].replace("HYP1", certificate_id)
    payload = data + US + signer.signature(data)
    result = verify(payload, TrustList.from_pem(certificates.trust_list_pem(tmp_path)))
    assert not result.valid and result.reason is Reason.CERTIFICATE_NOT_VALID


# --- on paper ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def simulator(sim_dir: Path, sim_certificate) -> tuple[TwoDDocSigner, TrustList, Path]:
    """The portal's real set-up: its own certificate, and the bundle it publishes for verifiers."""
    _, key_pem, certificate_id = sim_certificate
    bundle = sim_dir / "trust.pem"
    bundle.write_bytes(certificates.trust_list_pem(sim_dir))
    return TwoDDocSigner(key_pem, "FR00", certificate_id), TrustList.from_files([bundle]), bundle


def _attestation(signer: TwoDDocSigner, **overrides: str) -> str:
    today = datetime.now(UTC).date()
    fields = {
        "6J": "2",
        "6K": "9201202004012359123",
        "6L": f"{today - timedelta(days=30):%d%m%Y}",
        "6P": "AUTORISE A TRAVAILLER",
        "6Q": "7503120521",
        "62": "Nguyễn Thị",
        "63": "Nguyễn Thị",
        "60": "Minh Anh/Hồng",
        "68": "F",
        "69": "12071990",
        "6A": "Hô Chi Minh-Ville",
        "6C": "VN",
        "67": "VN",
        "6U": "12 bis, rue de l'Église",
        "6W": "75015",
        "6X": "Paris",
        "6M": "Salarié",
        "6N": f"{today:%d%m%Y}",
        "6O": f"{today + timedelta(days=90):%d%m%Y}",
        "6Y": "FR",
    }
    fields.update(overrides)
    return signer.sign("13", "01", "FR", today, today, fields)


def test_png_round_trip(simulator) -> None:
    signer, trust, _ = simulator
    payload = _attestation(signer, **{"6X": "SAINT REMY EN BOUZEMONT SAINT GENEST ET ISSON"})
    found = scan_image(render_png(payload))
    assert [c.payload for c in found] == [payload]
    result = verify(found[0].payload, trust, findings=found[0].notes)
    assert result.valid, result.detail
    assert parse(payload).field("6X").truncated  # type: ignore[union-attr]
    assert parse(payload).field("62").raw == "NGUYEN THI"  # type: ignore[union-attr]


def _pdf(payloads: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for payload in payloads:
        canvas.setFont("Helvetica", 12)
        canvas.drawString(20 * mm, 270 * mm, "Attestation de prolongation d'instruction")
        draw_on_canvas(canvas, payload, 150 * mm, 225 * mm)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_pdf_round_trip(simulator, tmp_path: Path) -> None:
    signer, trust, _ = simulator
    payloads = [_attestation(signer), _attestation(signer, **{"6J": "3", "6Q": "", "6P": ""})]
    pdf = tmp_path / "attestation.pdf"
    pdf.write_bytes(_pdf(payloads))
    found = scan_pdf(pdf)
    assert [(c.page, c.payload) for c in found] == [(1, payloads[0]), (2, payloads[1])]
    for code in found:
        assert code.symbol and code.symbol.split("x")[0] == code.symbol.split("x")[1]
        result = verify(code.payload, trust, findings=code.notes)
        assert result.valid, result.detail
        assert result.findings == ()


def test_cli_check_pdf(simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signer, _, bundle = simulator
    payload = _attestation(signer)
    pdf = tmp_path / "attestation.pdf"
    pdf.write_bytes(_pdf([payload]))
    assert main(["check-pdf", str(pdf), "--trust", str(bundle)]) == 0
    out = capsys.readouterr().out
    for text in (
        "Autorité de certification : FR00",
        "Signature valide",
        "6X  Commune de l'adresse postale du domicile : PARIS",
        "page 1",
    ):
        assert text in out
    # Without the simulator's certificate, the default trust list (FR00/0001) does not know it.
    assert main(["check-pdf", str(pdf)]) == 1
    assert "certificat inconnu" in capsys.readouterr().out
    tampered = payload.replace("PARIS", "LYONS")
    assert main(["check-pdf", "--payload", tampered, "--trust", str(bundle)]) == 1
    assert "signature invalide" in capsys.readouterr().out
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_blank_pdf())
    assert main(["check-pdf", str(blank)]) == 2
    png = tmp_path / "code.png"
    png.write_bytes(render_png(payload))
    assert main(["check-pdf", str(png), "--trust", str(bundle)]) == 0


def test_cli_reads_the_specification_vector_with_its_default_trust(
    vector_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Signed in 2020 with the test certificate that expired in 2015: read, and honestly refused.
    assert main(["check-pdf", str(vector_file)]) == 1
    out = capsys.readouterr().out
    assert "6Q  Numéro d'étranger : 7503120521" in out
    assert "Code non valide : certificat non valide à la date de signature" in out
    assert "la signature elle-même correspond aux données" in out


def _blank_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Pas de code ici")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("angle", [90, 180, 7])
def test_a_page_scanned_askew_or_upside_down_is_still_read(simulator, angle: int) -> None:
    import pypdfium2 as pdfium
    from PIL import Image

    signer, trust, _ = simulator
    payload = _attestation(signer)
    document = pdfium.PdfDocument(_pdf([payload]))
    try:
        page = document[0].render(scale=300 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    turned = page.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    found = scan_image(turned)
    assert [c.payload for c in found] == [payload]
    assert verify(found[0].payload, trust).valid


def _vector_pdf(payload: str) -> bytes:
    """A page whose code is drawn as black squares, with no image: only a rendering can find it."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from fake_anef.documents.datamatrix import _with_quiet_zone

    modules = _with_quiet_zone(payload, 1)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    side = 0.5 * mm
    for row in range(modules.height):
        for col in range(modules.width):
            if modules.getpixel((col, row)) < 128:
                canvas.rect(120 * mm + col * side, 250 * mm - row * side, side, side, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_code_is_read_from_its_embedded_image_without_rendering_the_page(
    simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium

    signer, _, _ = simulator
    payload = _attestation(signer)
    pdf = _pdf([payload])
    rendered: list[int] = []
    original = pdfium.PdfPage.render
    monkeypatch.setattr(pdfium.PdfPage, "render", lambda self, *a, **k: rendered.append(1) or original(self, *a, **k))
    assert [c.payload for c in scan_pdf(pdf)] == [payload]
    assert rendered == []  # found in the image: the page was not drawn
    assert [c.payload for c in scan_pdf(pdf, render_only=True)] == [payload]
    assert rendered == [1]


def test_a_pdf_code_drawn_without_an_image_is_found_on_the_rendered_page(simulator) -> None:
    signer, trust, _ = simulator
    payload = _attestation(signer)
    found = scan_pdf(_vector_pdf(payload))
    assert [(c.page, c.payload) for c in found] == [(1, payload)]
    assert verify(found[0].payload, trust).valid
