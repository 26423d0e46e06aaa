"""The simulator's own 2D-DOC signing certificate, made once and kept in the data directory.

Every deployment of the simulator signs its attestations with a key of its own rather than with the
private key the specification publishes (§16.1): a code printed by one simulator then checks only
against that simulator's trust list, which is what a verifier sees with the real ANEF too. The
authority stays a test one ("FR00" by default: §3.3 reserves every "XX00" authority for tests).

How the certificate names its (authority, certificate id), the way the specification's own test
certificate does: subject CN = the 4-character certificate id, issuer CN = the authority. The
certificate is signed with its own key (there is no CA behind a simulator), but its issuer name
carries the authority so that a verifier can index it by (authority, id) from the certificate alone.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

__all__ = ["ORGANISATION", "SPEC_TEST_CERTIFICATE", "ensure_certificate", "trust_list_pem"]

CERT_FILE = "cert.pem"
KEY_FILE = "key.pem"
ORGANISATION = "SIMULATEUR ANEF - TESTS"
VALIDITY = timedelta(days=5 * 365)
# The specification's test certificate (FR00 / 0001), shipped with the package so that nothing at run
# time depends on the reference folder beside the repository.
SPEC_TEST_CERTIFICATE = Path(__file__).with_name("test-certificate-FR00-0001.pem")

_ID_PREFIX = "SIM"
_ID_SUFFIXES = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    # The portal's clock is naive; a day either way does not matter for a 5-year certificate.
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _common_name(name: x509.Name) -> str | None:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else None


def _next_id(previous: str | None) -> str:
    # A renewed certificate gets a new id: codes signed with the old key must keep pointing at the
    # old certificate, which the trust list may still hold.
    if previous and previous.startswith(_ID_PREFIX) and previous[-1] in _ID_SUFFIXES:
        index = (_ID_SUFFIXES.index(previous[-1]) + 1) % len(_ID_SUFFIXES)
        return _ID_PREFIX + _ID_SUFFIXES[index]
    return _ID_PREFIX + _ID_SUFFIXES[0]


def _write(path: Path, data: bytes, mode: int) -> None:
    # Write then rename, so that a crash never leaves half a key beside a whole certificate.
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def _create(directory: Path, authority: str, certificate_id: str, now: datetime) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, certificate_id),
        ]
    )
    issuer = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, authority),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now - timedelta(days=1) + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    directory.mkdir(parents=True, exist_ok=True)
    _write(directory / KEY_FILE, key_pem, 0o600)
    _write(directory / CERT_FILE, cert_pem, 0o644)
    return cert_pem, key_pem


def _load(directory: Path) -> tuple[bytes | None, bytes | None, x509.Certificate | None]:
    """What is stored: (cert PEM, key PEM, certificate), each None when missing or unreadable.

    The key is returned only when it belongs to the certificate.
    """
    cert_path, key_path = directory / CERT_FILE, directory / KEY_FILE
    try:
        cert_pem = cert_path.read_bytes()
        certificate = x509.load_pem_x509_certificate(cert_pem)
    except (OSError, ValueError):
        return None, None, None
    try:
        key_pem = key_path.read_bytes()
        key = serialization.load_pem_private_key(key_pem, password=None)
    except (OSError, ValueError, TypeError):
        return cert_pem, None, certificate
    if key.public_key() != certificate.public_key():
        return cert_pem, None, certificate
    return cert_pem, key_pem, certificate


def ensure_certificate(
    directory: Path, authority: str = "FR00", now: datetime | None = None
) -> tuple[bytes, bytes, str]:
    """(certificate PEM, private key PEM, certificate id) of the simulator's 2D-DOC certificate.

    The first call makes an ECDSA P-256 certificate (subject CN = certificate id such as "SIM1",
    O = "SIMULATEUR ANEF - TESTS", C = FR; issuer CN = `authority`; valid from `now` - 1 day for 5
    years) and writes cert.pem and key.pem into `directory`. Later calls load them back, and make a
    new one, with the next id, when the stored one has expired (or is not valid yet at `now`), is
    damaged, or names another authority. `now` defaults to the current time; a naive datetime is
    taken as UTC.
    """
    if not re.fullmatch(r"[A-Z0-9]{4}", authority):
        raise ValueError(f"authority {authority!r} is not 4 characters [A-Z0-9]")
    directory = Path(directory)
    moment = _utc(now)
    cert_pem, key_pem, certificate = _load(directory)
    # Even a damaged pair tells which id was used last: never reuse it for another key.
    previous_id = _common_name(certificate.subject) if certificate is not None else None
    if cert_pem is not None and key_pem is not None and certificate is not None and previous_id:
        usable = (
            certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc
            and _common_name(certificate.issuer) == authority
        )
        if usable:
            return cert_pem, key_pem, previous_id
    certificate_id = _next_id(previous_id)
    cert_pem, key_pem = _create(directory, authority, certificate_id, moment)
    return cert_pem, key_pem, certificate_id


def trust_list_pem(directory: Path) -> bytes:
    """A PEM bundle a verifier can load: the simulator's certificate, then the specification's FR00/0001.

    The simulator's certificate must exist already (ensure_certificate() makes it).
    """
    cert_path = Path(directory) / CERT_FILE
    if not cert_path.is_file():
        raise FileNotFoundError(f"{cert_path} does not exist yet: call ensure_certificate() first")
    own = cert_path.read_bytes()
    spec = SPEC_TEST_CERTIFICATE.read_bytes()
    return own.rstrip(b"\n") + b"\n" + spec.rstrip(b"\n") + b"\n"
