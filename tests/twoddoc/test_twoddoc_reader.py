"""The harness's 2D-DOC reader against the specification's own codes, and each of its checks failing."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from harness.twoddoc import (
    GS,
    RS,
    US,
    MalformedCode,
    Reason,
    TrustList,
    c40,
    parse,
    payloads_from_text,
    unescape_payload,
    verify,
)

# §16.2 of the specification: a type 07 code (header v03) and a type 08 code whose last field is
# followed by a superfluous-but-allowed <GS> before <US>. Signed with the FR00/0001 test key.
SPEC_TYPE_07 = (
    "DC03FR000001092D1636070160NATACHA<GS>62SPECIMEN<GS>65P 6607CD12304<GS>67FR68F6CFR<US>"
    "EYLJXYH5R3HYO5YWTMELK7P277KKOK5TTNB26S6UAPDH2KJGT37YXNDEZTGEK2LX3OSRNAXOP4UHFWHNTOU6LTOSBMX2EBCQ36UZ4FA"
)
_MRZ = "P<FRASPECIMEN<<NATACHA<<<<<<<<<<<<<<<<<<<<<<07CD123044FRA7307122F1603062<<<<<<<<<<<<<<04"
SPEC_TYPE_08 = (
    "DC03FR000001092D163608016F" + _MRZ.replace("<", " ") + "<GS><US>"
    "TYXD5GHXKAQ52NCB4IZGXJFYIYTX7UR5SIG7DPDJOS3KOW67ESGECFXFTZFE3MO263SYM7KY2GTNOR4Z5RROT7XDCOCTW3I7OREONIY"
)


def _sign(data: str, key_pem: bytes) -> str:
    """Sign with cryptography directly, not with the portal's writer: the reader is tested on its own."""
    key = serialization.load_pem_private_key(key_pem, password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    r, s = decode_dss_signature(key.sign(data.encode("ascii"), ec.ECDSA(hashes.SHA256())))
    return data + US + base64.b32encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode().rstrip("=")


# A complete type 13 message (mandatory fields of §8.5), written by hand.
MESSAGE_13 = (
    "6J16K1234567890123456789"
    "6L01022024"
    "6PAUTORISE A TRAVAILLER" + GS + "6Q1234567890"
    "62DUPONT" + GS + "63DUPONT" + GS + "60JEAN/PAUL" + GS + "68M6901011990"
    "6ALYON" + GS + "6CFR67FR6U1 RUE DE LA PAIX" + GS + "6W750016XPARIS"
)


@pytest.fixture(scope="module")
def fr00_tst1(cert_factory) -> tuple[bytes, bytes]:
    return cert_factory("FR00", "TST1")


@pytest.fixture(scope="module")
def trust_tst1(fr00_tst1) -> TrustList:
    return TrustList.from_pem(fr00_tst1[0])


# --- the specification's vector ----------------------------------------------------------------------


def _expected(vector_file: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    header: dict[str, str] = {}
    fields: list[tuple[str, str]] = []
    for line in vector_file.read_text(encoding="utf-8").split("\n"):
        match = re.fullmatch(r"(header\.\w+|[0-9A-Z]{2}) = (.*)", line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key.startswith("header."):
            header[key.removeprefix("header.")] = value.strip()
        else:
            fields.append((key, re.sub(r"\s*\([^)]*\)$", "", value).strip()))
    return header, fields


def test_vector_decodes_to_exactly_its_listed_values(vector_file: Path, vector_payload: str) -> None:
    header, fields = _expected(vector_file)
    code = parse(vector_payload)
    assert code.version == header["version"]
    assert code.authority == header["authority"]
    assert code.certificate_id == header["certificate"]
    for name, attribute, where in (
        ("issue_date", code.issue_date, slice(12, 16)),
        ("signature_date", code.signature_date, slice(16, 20)),
    ):
        hex_days, iso = re.fullmatch(r"(\w{4}) \((.*)\)", header[name]).groups()  # type: ignore[union-attr]
        assert code.header[where] == hex_days
        assert attribute == date.fromisoformat(iso)
    assert code.document_type == header["document_type"]
    assert code.perimeter == header["perimeter"]
    assert code.country == header["country"]
    assert [(f.identifier, f.raw) for f in code.fields] == fields
    assert not any(f.truncated for f in code.fields)
    assert code.field("6L").value == date(2020, 4, 1)  # type: ignore[union-attr]
    assert code.field("69").value == date(1973, 7, 12)  # type: ignore[union-attr]
    assert code.field("6J").meaning.startswith("Attestation de prolongation")  # type: ignore[union-attr]
    assert code.signed_data == vector_payload.split(US)[0].encode("ascii")
    assert len(code.signature) == 64
    assert code.violations == () and code.notes == ()


def test_vector_is_signed_after_its_certificate_expired(vector_payload: str) -> None:
    # The specification signs its reference vector on 03/06/2020 with its test certificate, valid
    # 01/11/2012 - 01/11/2015: the date check holds for it as for any certificate, and the finding
    # still says the signature itself is right (the reader's cryptography is exercised).
    result = verify(vector_payload, TrustList.spec_test(), today=date(2026, 1, 1))
    assert not result.valid
    assert result.reason is Reason.CERTIFICATE_NOT_VALID
    assert result.verdict == "Code non valide : certificat non valide à la date de signature"
    assert "03/06/2020" in result.detail and "01/11/2015" in result.detail
    assert "la signature elle-même correspond aux données" in result.findings
    assert any("certificat de test publié par la spécification" in f for f in result.findings)
    assert any("FR00/0001 expiré aujourd'hui" in f for f in result.findings)


def test_vector_is_unknown_to_a_trust_list_without_fr00_0001(vector_payload: str, trust_tst1: TrustList) -> None:
    result = verify(vector_payload, trust_tst1)
    assert not result.valid and result.reason is Reason.UNKNOWN_CERTIFICATE


def test_a_tampered_vector_outside_the_validity_says_the_signature_fails_too(vector_payload: str) -> None:
    data, signature = vector_payload.split(US)
    tampered = data.replace("7503120521", "7503120522") + US + signature
    result = verify(tampered, TrustList.spec_test())
    assert result.reason is Reason.CERTIFICATE_NOT_VALID
    assert any(f.startswith("la signature elle-même ne tient pas") for f in result.findings)


@pytest.mark.parametrize("payload", [SPEC_TYPE_07, SPEC_TYPE_08], ids=["type07-v03", "type08-v03-trailing-gs"])
def test_other_spec_codes_with_a_v03_header(payload: str) -> None:
    code = parse(unescape_payload(payload))
    assert code.version == "03" and code.perimeter == "01" and code.country is None
    assert code.signature_date == date(2015, 7, 27)
    # Signed 27/07/2015, within the test certificate's validity (it expired on 01/11/2015).
    result = verify(code, TrustList.spec_test(), today=date(2026, 1, 1))
    assert result.valid, result.detail
    assert any("expiré aujourd'hui (valide jusqu'au 01/11/2015)" in f for f in result.findings)
    assert not any("signature elle-même" in f for f in result.findings)


def test_type_07_fields_split_by_lengths_not_separators() -> None:
    code = parse(unescape_payload(SPEC_TYPE_07))
    assert code.values() == {
        "60": "NATACHA",
        "62": "SPECIMEN",
        "65": "P ",
        "66": "07CD12304",
        "67": "FR",
        "68": "F",
        "6C": "FR",
    }


# --- header versions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "perimeter", "country"),
    [
        ("DC02FR00TST11CE91D2313", None, None),
        ("DC03FR00TST11CE91D231301", "01", None),
        ("DC04FR00TST11CE91D231301FR", "01", "FR"),
    ],
)
def test_header_versions_02_03_04(
    header: str, perimeter: str | None, country: str | None, fr00_tst1, trust_tst1
) -> None:
    payload = _sign(header + MESSAGE_13, fr00_tst1[1])
    code = parse(payload)
    assert (code.version, code.authority, code.certificate_id) == (header[2:4], "FR00", "TST1")
    assert (code.issue_date, code.signature_date) == (date(2020, 4, 6), date(2020, 6, 3))
    assert (code.document_type, code.perimeter, code.country) == ("13", perimeter, country)
    assert code.values()["6X"] == "PARIS"
    assert verify(payload, trust_tst1).valid


def test_undated_document_has_no_issue_date(fr00_tst1) -> None:
    assert parse(_sign("DC04FR00TST1FFFF1D231301FR" + MESSAGE_13, fr00_tst1[1])).issue_date is None


# --- each check fails on faulty input ----------------------------------------------------------------

GOOD_HEADER = "DC04FR00TST11CE91D231301FR"
SIG = "A" * 103


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("", "vide"),
        ("XX04FR00TST11CE91D231301FR" + MESSAGE_13 + US + SIG, "marqueur 'DC'"),
        ("DC01FR00TST11CE91D231301FR" + MESSAGE_13 + US + SIG, "version 01"),
        ("DC05FR00TST11CE91D231301FR" + MESSAGE_13 + US + SIG, "version d'en-tête"),
        (GOOD_HEADER + MESSAGE_13, "<US> absent"),
        ("DC04FR00TST1", "<US> absent"),
        ("DC04FR00TST1" + US + SIG, "incomplet"),
        ("DC04FR0-TST11CE91D231301FR" + MESSAGE_13 + US + SIG, "identifiant d'autorité"),
        ("DC04FR00TST11CEZ1D231301FR" + MESSAGE_13 + US + SIG, "date d'émission"),
        ("DC04FR00TST11CE9FFFF1301FR" + MESSAGE_13 + US + SIG, "date de signature absente"),
        ("DC04FR00TST11CE91D231302FR" + MESSAGE_13 + US + SIG, "non pris en charge"),
        ("DC04FR00TST11CE91D239901FR" + MESSAGE_13 + US + SIG, "non pris en charge"),
        ("DC04FR00TST11CE91D2313011R" + MESSAGE_13 + US + SIG, "pays émetteur"),
        (GOOD_HEADER + "ZZABC" + US + SIG, "identifiant de donnée inconnu 'ZZ'"),
        (GOOD_HEADER + "6K12345" + US + SIG, "longueur fixe"),
        (GOOD_HEADER + "6K123456789012345" + GS + "678" + US + SIG, "longueur fixe"),
        (GOOD_HEADER + "6CFR" + RS + "67FR" + US + SIG, "<RS> inattendu"),
        (GOOD_HEADER + "62DU\x07PONT" + US + SIG, "caractère de contrôle"),
        (GOOD_HEADER + "62DUPONTÉ" + US + SIG, "non ASCII"),
        (GOOD_HEADER + MESSAGE_13 + US, "signature absente"),
        (GOOD_HEADER + MESSAGE_13 + US + "abc1", "Base32"),
        (GOOD_HEADER + MESSAGE_13 + US + "A" * 50, "64 au moins"),
        ("DC03FR00TST11CE91D231301" + MESSAGE_13 + US + SIG + GS + "6YFR", "annexe"),
        ("\xdc\x04\x7b\xa7\x7b\x9d\x20\x0f\x2d\x0a" + "\x00" * 9, "binaire"),
    ],
)
def test_malformed_payloads_are_rejected_with_a_reason(payload: str, expected: str) -> None:
    with pytest.raises(MalformedCode, match=re.escape(expected)):
        parse(payload)
    result = verify(payload, TrustList.spec_test())
    assert not result.valid and result.reason is Reason.MALFORMED
    assert expected in result.detail


def test_binary_header_is_described_from_its_c40_fields() -> None:
    with pytest.raises(MalformedCode, match="pays FRA, AC FR01, certificat 12345"):
        parse("\xdc\x04\x7b\xa7\x7b\x9d\x20\x0f\x2d\x0a" + "\x00" * 9)


def test_missing_mandatory_field_is_malformed(fr00_tst1, trust_tst1) -> None:
    payload = _sign(GOOD_HEADER + MESSAGE_13.replace("6W75001", ""), fr00_tst1[1])
    code = parse(payload)
    assert any("6W" in v for v in code.violations)
    result = verify(payload, trust_tst1)
    assert result.reason is Reason.MALFORMED and "6W" in result.detail


def test_value_shorter_than_its_minimum_is_malformed(fr00_tst1, trust_tst1) -> None:
    payload = _sign(GOOD_HEADER + MESSAGE_13 + GS + "6Z12345", fr00_tst1[1])
    result = verify(payload, trust_tst1)
    assert result.reason is Reason.MALFORMED and "6Z" in result.detail


def test_bad_signature(fr00_tst1, trust_tst1, cert_factory) -> None:
    _, other_key = cert_factory("FR00", "TST1")
    result = verify(_sign(GOOD_HEADER + MESSAGE_13, other_key), trust_tst1)
    assert result.reason is Reason.BAD_SIGNATURE


def test_signature_of_the_wrong_size_for_the_curve(fr00_tst1, trust_tst1) -> None:
    payload = GOOD_HEADER + MESSAGE_13 + US + base64.b32encode(b"\x01" * 96).decode()
    result = verify(payload, trust_tst1)
    assert result.reason is Reason.BAD_SIGNATURE and "96 octets" in result.detail


def test_expired_and_not_yet_valid_certificates(cert_factory) -> None:
    expired_cert, expired_key = cert_factory("FR00", "OLD1", date(2015, 1, 1), date(2019, 12, 31))
    future_cert, future_key = cert_factory("FR00", "NEW1", date(2021, 1, 1), date(2030, 12, 31))
    trust = TrustList.from_pem(expired_cert + future_cert)
    for cert_id, key in (("OLD1", expired_key), ("NEW1", future_key)):
        payload = _sign(f"DC04FR00{cert_id}1CE91D231301FR" + MESSAGE_13, key)  # signed 2020-06-03
        result = verify(payload, trust)
        assert result.reason is Reason.CERTIFICATE_NOT_VALID, cert_id
        assert "03/06/2020" in result.detail


def test_production_authority_on_a_test_deployment_is_a_finding(cert_factory) -> None:
    cert, key = cert_factory("FR01", "PRD1")
    trust = TrustList.from_pem(cert)
    payload = _sign("DC04FR01PRD11CE91D231301FR" + MESSAGE_13, key)
    on_test = verify(payload, trust)
    assert on_test.valid and any("autorité de production FR01" in f for f in on_test.findings)
    on_production = verify(payload, trust, test_deployment=False)
    assert on_production.valid and not any("production" in f for f in on_production.findings)


def test_conformance_notes(fr00_tst1, trust_tst1) -> None:
    # Digits in a commune (alphabetic), a <GS> after a value at its maximum, an annex.
    message = MESSAGE_13.replace("6XPARIS", "6XPARIS 15").replace("6Q1234567890", "6Q1234567890" + GS)
    payload = _sign(GOOD_HEADER + message, fr00_tst1[1]) + GS + "6YFR"
    code = parse(payload)
    assert code.values()["6Q"] == "1234567890"
    assert [f.raw for f in code.annex] == ["FR"]
    result = verify(payload, trust_tst1)
    assert result.valid, result.detail
    text = "\n".join(result.findings)
    assert "champ 6X" in text and "'15'" in text
    assert "<GS> superflu" in text
    assert "zone annexe" in text


def test_truncated_and_unbounded_fields(fr00_tst1) -> None:
    message = MESSAGE_13 + GS + "01ABC123" + GS + "6MENFANT ENTRE PAR REGROUPEMENT FAMIL" + RS + "6XPAR" + RS
    message = message.replace("6XPARIS", "6SBAT B")
    code = parse(_sign(GOOD_HEADER + message, fr00_tst1[1]))
    assert code.field("01").raw == "ABC123"  # type: ignore[union-attr]
    assert code.field("6M").truncated and code.field("6X").truncated  # type: ignore[union-attr]
    assert code.field("6X").raw == "PAR"  # type: ignore[union-attr]


def test_unknown_day_of_birth_stays_raw(fr00_tst1) -> None:
    code = parse(_sign(GOOD_HEADER + MESSAGE_13.replace("6901011990", "6900001990"), fr00_tst1[1]))
    assert code.field("69").value == "00001990"  # type: ignore[union-attr]


# --- trust list ----------------------------------------------------------------------------------------


def test_trust_list_indexes_certificates_by_authority_and_id(cert_factory) -> None:
    spec = TrustList.spec_test()
    assert ("FR00", "0001") in spec and len(spec) == 1
    cert, _ = cert_factory("FR0A", "AB12")
    trust = TrustList()
    entry = trust.add(cert)
    assert (entry.authority, entry.certificate_id) == ("FR0A", "AB12")
    assert trust.add(cert, "FR00", "ZZ99").certificate_id == "ZZ99"
    assert ("FR00", "ZZ99") in trust


def test_trust_list_refuses_what_it_cannot_index(cert_factory) -> None:
    from datetime import UTC, datetime

    from cryptography import x509
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SELF")])
    self_signed = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2030, 1, 1, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    with pytest.raises(ValueError, match="authority"):
        TrustList().add(self_signed)
    assert TrustList().add(self_signed, authority="FR00").certificate_id == "SELF"
    a, _ = cert_factory("FR00", "DUP1")
    b, _ = cert_factory("FR00", "DUP1")
    trust = TrustList.from_pem(a)
    with pytest.raises(ValueError, match="two different certificates"):
        trust.add(b)
    with pytest.raises(ValueError, match="no PEM"):
        TrustList.from_pem(b"nothing here")


def test_payloads_from_text_keeps_control_characters() -> None:
    raw = GOOD_HEADER + MESSAGE_13 + US + SIG
    assert payloads_from_text("# comment\n" + raw + "\n") == [raw]
    assert payloads_from_text(raw.replace(GS, "<GS>").replace(US, "<US>")) == [raw]


# --- C40 (§10.3) -------------------------------------------------------------------------------------


def test_c40_matches_the_specification_examples() -> None:
    assert c40.encode_datamatrix("2D-DOC") == bytes.fromhex("E6282A4DC5FE44")
    assert c40.decode_datamatrix(bytes.fromhex("E6282A4DC5FE44")) == "2D-DOC"
    assert c40.pack(c40.encode_values("FRA")) == bytes.fromhex("7BA7")
    assert c40.pack(c40.encode_values("FR0112345")) == bytes.fromhex("7B9D200F2D0A")
    assert c40.encode_values("à") == [1, 30, 2, 0]
    assert c40.encode_values(GS) == [0, 29]


@pytest.mark.parametrize("text", ["", "A", "AB", "ABC", "héllo wörld", GS + RS + US, "~`{|}\x7f", "DC04" + MESSAGE_13])
def test_c40_round_trips(text: str) -> None:
    assert c40.decode_values(c40.encode_values(text)) == text
    assert c40.decode_datamatrix(c40.encode_datamatrix(text)) == text


def test_c40_rejects_what_it_cannot_hold() -> None:
    with pytest.raises(c40.C40Error):
        c40.encode_values("€")
    with pytest.raises(c40.C40Error):
        c40.pack([1, 2])
    with pytest.raises(c40.C40Error):
        c40.unpack(b"\xff\xff")
