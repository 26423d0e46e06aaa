"""Verify a 2D-DOC the way §5.1 of the specification describes, against a local trust list.

§5.1 in order: recognise a header and the document type (parse), validate the structure against
the type's definition, find the certificate by (authority, certificate id), check the signature date
falls within the certificate's validity, check the ECDSA signature over the bytes before <US>.
The date check holds for every certificate, the specification's own test one included (issue 15
pt 16): its reference vector, signed in 2020 with a certificate that expired in 2015, is honestly
"certificat non valide à la date de signature" (the finding says whether the signature itself holds).
A certificate expired on the day of the check is a finding, not a refusal: §5.1 dates the check at
the signature.
Revocation (step 5) needs the authority's publication point, which a test deployment does not have:
it is not checked, and the verdict never claims it was.

How a certificate is indexed by (authority, certificate id) — X.509 has no field for either:
- certificate id: given explicitly, else the subject CN (the specification's test certificate has
  CN = 0001);
- authority: given explicitly, else the issuer CN when it is a distinct name of the form [A-Z]{2}
  [A-Z0-9]{2} (the test certificate is issued by CN = FR00; the simulator's certificates follow the
  same convention); else the certificate cannot be indexed and `add` says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509.oid import NameOID

from .parse import MalformedCode, TwoDDoc, parse

__all__ = [
    "SPEC_TEST_CERTIFICATE",
    "Reason",
    "TrustList",
    "TrustedCertificate",
    "Verification",
    "verify",
]

SPEC_TEST_CERTIFICATE = Path(__file__).with_name("test-certificate-FR00-0001.pem")
_AUTHORITY = re.compile(r"[A-Z]{2}[A-Z0-9]{2}")
_CERT_ID = re.compile(r"[A-Z0-9]{4}")
_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)


class Reason(StrEnum):
    """Why a code is not valid."""

    MALFORMED = "malformed"
    UNKNOWN_CERTIFICATE = "unknown certificate"
    CERTIFICATE_NOT_VALID = "certificate not valid at the signature date"
    BAD_SIGNATURE = "bad signature"

    @property
    def french(self) -> str:
        return {
            Reason.MALFORMED: "code mal formé",
            Reason.UNKNOWN_CERTIFICATE: "certificat inconnu",
            Reason.CERTIFICATE_NOT_VALID: "certificat non valide à la date de signature",
            Reason.BAD_SIGNATURE: "signature invalide",
        }[self]


def _fingerprint(certificate: x509.Certificate) -> bytes:
    return certificate.fingerprint(hashes.SHA256())


def _spec_fingerprint() -> bytes | None:
    try:
        return _fingerprint(x509.load_pem_x509_certificate(SPEC_TEST_CERTIFICATE.read_bytes()))
    except (OSError, ValueError):
        return None


_SPEC_FINGERPRINT = _spec_fingerprint()


def _common_name(name: x509.Name) -> str | None:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value).strip() if values else None


@dataclass(frozen=True)
class TrustedCertificate:
    authority: str
    certificate_id: str
    certificate: x509.Certificate
    is_spec_test_certificate: bool = False


class TrustList:
    """Certificates a verifier trusts, indexed by (authority, certificate id)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], TrustedCertificate] = {}

    @classmethod
    def from_pem(cls, pem: bytes, authority: str | None = None) -> TrustList:
        trust = cls()
        trust.add_bundle(pem, authority)
        return trust

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], authority: str | None = None) -> TrustList:
        trust = cls()
        for path in paths:
            trust.add_bundle(Path(path).read_bytes(), authority)
        return trust

    @classmethod
    def spec_test(cls) -> TrustList:
        """Only the specification's FR00 / 0001 test certificate (§16.1), shipped with the harness."""
        return cls.from_files([SPEC_TEST_CERTIFICATE])

    def add(
        self,
        pem: bytes | x509.Certificate,
        authority: str | None = None,
        certificate_id: str | None = None,
    ) -> TrustedCertificate:
        """Trust one certificate. `authority` / `certificate_id` override what the certificate says.

        Its validity is always checked against the signature date, the specification's test
        certificate included (it is only marked, so codes it verifies get a finding: its private
        key is public).
        """
        certificate = pem if isinstance(pem, x509.Certificate) else x509.load_pem_x509_certificate(pem)
        is_spec = _SPEC_FINGERPRINT is not None and _fingerprint(certificate) == _SPEC_FINGERPRINT
        cert_id = certificate_id or _common_name(certificate.subject)
        if cert_id is None or not _CERT_ID.fullmatch(cert_id):
            raise ValueError(
                f"certificate id {cert_id!r} (subject CN) is not 4 characters [A-Z0-9]: pass certificate_id"
            )
        if authority is None:
            issuer = _common_name(certificate.issuer)
            if certificate.issuer != certificate.subject and issuer and _AUTHORITY.fullmatch(issuer):
                authority = issuer
        if authority is None or not _AUTHORITY.fullmatch(authority):
            raise ValueError(
                f"cannot tell the certification authority of certificate {cert_id} "
                f"(issuer {certificate.issuer.rfc4514_string()!r}): pass authority, e.g. 'FR00'"
            )
        entry = TrustedCertificate(
            authority=authority,
            certificate_id=cert_id,
            certificate=certificate,
            is_spec_test_certificate=is_spec,
        )
        key = (authority, cert_id)
        known = self._entries.get(key)
        if known is not None and _fingerprint(known.certificate) != _fingerprint(certificate):
            raise ValueError(f"two different certificates for authority {authority}, certificate {cert_id}")
        self._entries[key] = entry
        return entry

    def add_bundle(self, pem: bytes, authority: str | None = None) -> list[TrustedCertificate]:
        """Trust every certificate of a PEM bundle (one file, several BEGIN CERTIFICATE blocks)."""
        blocks = _PEM_BLOCK.findall(pem)
        if not blocks:
            raise ValueError("no PEM certificate found")
        return [self.add(block, authority) for block in blocks]

    def get(self, authority: str, certificate_id: str) -> TrustedCertificate | None:
        return self._entries.get((authority, certificate_id))

    def __iter__(self) -> Iterator[TrustedCertificate]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries


@dataclass(frozen=True)
class Verification:
    """The verdict on one code. `reason` is None exactly when `valid` is True."""

    valid: bool
    reason: Reason | None
    detail: str
    code: TwoDDoc | None
    certificate: TrustedCertificate | None = None
    findings: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        if self.valid:
            return "Signature valide"
        assert self.reason is not None
        return f"Code non valide : {self.reason.french}"


_HASHES: dict[int, hashes.HashAlgorithm] = {
    # The specification pairs SHA-256 with P-256 (§16.1); the larger curves get the matching SHA-2.
    256: hashes.SHA256(),
    384: hashes.SHA384(),
    521: hashes.SHA512(),
}


def _check_signature(code: TwoDDoc, certificate: x509.Certificate) -> str | None:
    """None when the signature holds, else why not."""
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return "la clé du certificat n'est pas une clé ECDSA"
    algorithm = _HASHES.get(key.curve.key_size)
    if algorithm is None:
        return f"courbe {key.curve.name} non prévue par la spécification"
    size = (key.curve.key_size + 7) // 8
    if len(code.signature) != 2 * size:
        return f"signature de {len(code.signature)} octets, {2 * size} attendus pour {key.curve.name}"
    r = int.from_bytes(code.signature[:size], "big")
    s = int.from_bytes(code.signature[size:], "big")
    try:
        key.verify(encode_dss_signature(r, s), code.signed_data, ec.ECDSA(algorithm))
    except InvalidSignature:
        return "la signature ne correspond pas aux données"
    return None


def verify(
    code: str | TwoDDoc,
    trust: TrustList,
    *,
    test_deployment: bool = True,
    findings: Iterable[str] = (),
    today: date | None = None,
) -> Verification:
    """Check one code (a payload or an already parsed one) against `trust`.

    `test_deployment`: the code comes from a test deployment, where a production authority (one
    not of the form XX00, which §3.3 reserves for tests) is reported as a finding. `findings` are
    added to the verdict's own (e.g. what the scanner noticed about the symbol). `today` (default:
    the UTC date) only dates the finding on a certificate expired at the time of the check.
    """
    extra = list(findings)
    if isinstance(code, str):
        try:
            code = parse(code)
        except MalformedCode as exc:
            return Verification(False, Reason.MALFORMED, str(exc), None, findings=tuple(extra))
    notes = [*code.notes, *extra]
    if test_deployment and not code.authority.endswith("00"):
        notes.append(
            f"autorité de production {code.authority} sur un déploiement de test "
            "(seules les autorités XX00 sont réservées aux tests, §3.3)"
        )

    def verdict(reason: Reason | None, detail: str, entry: TrustedCertificate | None = None) -> Verification:
        return Verification(reason is None, reason, detail, code, entry, tuple(notes))

    if code.violations:
        return verdict(Reason.MALFORMED, "; ".join(code.violations))
    entry = trust.get(code.authority, code.certificate_id)
    if entry is None:
        return verdict(
            Reason.UNKNOWN_CERTIFICATE,
            f"aucun certificat de confiance pour l'autorité {code.authority}, certificat {code.certificate_id}",
        )
    if entry.is_spec_test_certificate:
        notes.append(
            "signé avec le certificat de test publié par la spécification (FR00/0001) : "
            "sa clé privée est publique"
        )
    start = entry.certificate.not_valid_before_utc.date()
    end = entry.certificate.not_valid_after_utc.date()
    today = today or datetime.now(UTC).date()
    if end < today:
        notes.append(
            f"certificat {entry.authority}/{entry.certificate_id} expiré aujourd'hui "
            f"(valide jusqu'au {end:%d/%m/%Y})"
        )
    if not start <= code.signature_date <= end:
        problem = _check_signature(code, entry.certificate)
        notes.append(
            "la signature elle-même correspond aux données"
            if problem is None
            else f"la signature elle-même ne tient pas non plus : {problem}"
        )
        return verdict(
            Reason.CERTIFICATE_NOT_VALID,
            f"date de signature {code.signature_date:%d/%m/%Y} hors de la validité du certificat "
            f"({start:%d/%m/%Y} - {end:%d/%m/%Y})",
            entry,
        )
    problem = _check_signature(code, entry.certificate)
    if problem is not None:
        return verdict(Reason.BAD_SIGNATURE, problem, entry)
    return verdict(None, f"signature vérifiée avec le certificat {entry.authority}/{entry.certificate_id}", entry)
