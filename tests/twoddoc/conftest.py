"""Fixtures for the 2D-DOC tests: the specification's reference folder, and certificates made on the spot.

The reference folder holds the specification's vector, its test certificate and the private key
the specification publishes for it (copied from shared/reference/2d-doc: public test material, so
the tests never depend on a folder outside the repository).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).resolve().parent / "reference"

CertFactory = Callable[..., tuple[bytes, bytes]]


def make_certificate(
    authority: str = "FR00",
    certificate_id: str = "TST1",
    not_before: date = date(2000, 1, 1),
    not_after: date = date(2099, 12, 31),
    curve: ec.EllipticCurve | None = None,
) -> tuple[bytes, bytes]:
    """(certificate PEM, key PEM): subject CN = certificate id, issuer CN = authority, as the spec's."""
    key = ec.generate_private_key(curve or ec.SECP256R1())

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    certificate = (
        x509.CertificateBuilder()
        .subject_name(name(certificate_id))
        .issuer_name(name(authority))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime(not_before.year, not_before.month, not_before.day, tzinfo=UTC))
        .not_valid_after(datetime(not_after.year, not_after.month, not_after.day, 23, 59, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    return (
        certificate.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )


@pytest.fixture(scope="session")
def cert_factory() -> CertFactory:
    return make_certificate


@pytest.fixture(scope="session")
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip(f"the 2D-DOC reference folder {REFERENCE} is absent (it sits beside the repository in CI)")
    return REFERENCE


@pytest.fixture(scope="session")
def vector_file(reference: Path) -> Path:
    return reference / "vector-type13-prolongation.txt"


@pytest.fixture(scope="session")
def vector_payload(vector_file: Path) -> str:
    line = next(x for x in vector_file.read_text(encoding="utf-8").split("\n") if x.startswith("DC"))
    return line.replace("<GS>", "\x1d").replace("<RS>", "\x1e").replace("<US>", "\x1f")


@pytest.fixture(scope="session")
def spec_private_key(reference: Path) -> bytes:
    return (reference / "test-private-key-FR00-0001.pem").read_bytes()


@pytest.fixture(scope="session")
def sim_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sim-cert")


@pytest.fixture(scope="session")
def sim_certificate(sim_dir: Path) -> tuple[bytes, bytes, str]:
    """The simulator's own certificate, made by the writer's certificates module."""
    from fake_anef.documents.certificates import ensure_certificate

    return ensure_certificate(sim_dir, "FR00", datetime.now(UTC) - timedelta(days=1))
