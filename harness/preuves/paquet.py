"""The conformance package: what a run left in reports/ zipped with the package's metadata, a
manifest of every file's SHA-256 and a detached signature of that manifest (Ed25519 or ECDSA, by
the vendor's key or one generated and kept), and its offline verification."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

MANIFEST = "MANIFEST.json"
SIGNATURE = "MANIFEST.json.sig"
PUBLIC_KEY = "cle-publique.pem"
METADATA = "metadonnees.json"
FORMAT = "anef-paquet-conformite/1"
# kept out of a package: this README, earlier packages
SKIPPED = {"README.md"}


class PaquetRefuse(Exception):
    """The package does not verify: the message says why, in French, for the auditor."""


def key_store() -> Path:
    return Path(os.environ.get("ANEF_CLES_DIR", Path.home() / ".local" / "share" / "anef"))


def load_or_create_key(path: Path | None) -> tuple[Any, str]:
    """The vendor's private key (PEM, Ed25519 or ECDSA; password in ANEF_CLE_MOT_DE_PASSE), else the
    one generated on first use and kept in the key store (never in the project folder)."""
    password = os.environ.get("ANEF_CLE_MOT_DE_PASSE")
    if path is None:
        path = key_store() / "cle-paquet-ed25519.pem"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            generated = ed25519.Ed25519PrivateKey.generate()
            path.write_bytes(generated.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
            path.chmod(0o600)
            public_pem(generated.public_key(), path.with_name("cle-paquet-ed25519.pub.pem"))
            return generated, f"clé générée et gardée : {path}"
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password.encode() if password else None)
    except (OSError, ValueError, TypeError) as exc:
        raise PaquetRefuse(f"clé privée illisible : {path} ({exc})") from None
    if not isinstance(key, (ed25519.Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
        raise PaquetRefuse(f"clé {path} : il faut une clé Ed25519 ou ECDSA")
    return key, f"clé : {path}"


def public_pem(public_key: Any, path: Path | None = None) -> bytes:
    pem: bytes = public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    if path is not None:
        path.write_bytes(pem)
    return pem


def fingerprint(public_key: Any) -> str:
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "SHA256:" + hashlib.sha256(der).hexdigest()


def _sign(key: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    return key.sign(data, ec.ECDSA(hashes.SHA256()))


def _verify(public_key: Any, signature: bytes, data: bytes) -> bool:
    try:
        if isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(signature, data)
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except InvalidSignature:
        return False
    return True


def _files(reports: Path, output: Path, run: dict[str, Any]) -> list[Path]:
    """The run's files: everything in reports/ but earlier packages, and only the evidence folders of
    this run's scenarios (reports/evidence keeps other runs' folders)."""
    folders = {r.get("dossier") for r in run.get("scenarios", [])}
    out = []
    for path in sorted(reports.rglob("*")):
        if not path.is_file() or path.name in SKIPPED or path.suffix == ".zip" and path.parent == reports:
            continue
        if path.resolve() == output.resolve():
            continue
        parts = path.relative_to(reports).parts
        if parts[0] == "evidence" and len(parts) > 2 and parts[1] not in folders:
            continue
        out.append(path)
    return out


def build(reports: Path, output: Path, key_path: Path | None = None) -> tuple[Path, list[str]]:
    """The package of the run in `reports`; returns its path and what to tell the user."""
    run_file = reports / "execution.json"
    if not run_file.is_file():
        raise PaquetRefuse(f"pas d'exécution à empaqueter dans {reports} (execution.json absent) : "
                           "lancez d'abord la suite (make conformance ou anef run)")
    key, said = load_or_create_key(key_path)
    notes = [said]
    run = json.loads(run_file.read_text(encoding="utf-8"))
    missing = [n for n in ("rapport-conformite.html", "matrice.html", "matrice.json", "junit.xml", "cucumber.json")
               if not (reports / n).is_file()]
    if missing:
        notes.append("absents de l'exécution (lancez-la avec anef run) : " + ", ".join(missing))
    files = _files(reports, output, run)
    contents: dict[str, bytes] = {p.relative_to(reports).as_posix(): p.read_bytes() for p in files}
    metadata = {k: v for k, v in run.items() if k != "scenarios"}
    metadata["resultats"] = _counts(run.get("scenarios", []))
    metadata["paquet"] = {"format": FORMAT, "cree_le": datetime.now(UTC).isoformat(timespec="seconds")}
    contents[METADATA] = json.dumps(metadata, ensure_ascii=False, indent=2).encode("utf-8")
    contents[PUBLIC_KEY] = public_pem(key.public_key())
    manifest = {
        "format": FORMAT, "algorithme_empreinte": "sha256",
        "signature": "Ed25519" if isinstance(key, ed25519.Ed25519PrivateKey) else "ECDSA-SHA256",
        "empreinte_cle": fingerprint(key.public_key()),
        "fichiers": [{"chemin": name, "sha256": hashlib.sha256(data).hexdigest(), "taille": len(data)}
                     for name, data in sorted(contents.items())],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(contents.items()):
            archive.writestr(name, data)
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, base64.b64encode(_sign(key, manifest_bytes)) + b"\n")
    notes.append(f"empreinte de la clé publique : {manifest['empreinte_cle']}")
    return output, notes


def _counts(records: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        counts[record.get("resultat", "?")] = counts.get(record.get("resultat", "?"), 0) + 1
    return counts


@dataclass
class Verification:
    manifest: dict[str, Any]
    metadata: dict[str, Any]
    matrix: dict[str, Any] | None
    key_fingerprint: str
    key_from_package: bool
    warnings: list[str] = field(default_factory=list)


def verify(package: Path, public_key_path: Path | None = None) -> Verification:
    """Check the signature of the manifest and every file against it; raise PaquetRefuse otherwise."""
    try:
        archive = zipfile.ZipFile(package)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PaquetRefuse(f"{package} n'est pas un paquet lisible (archive zip) : {exc}") from None
    with archive:
        names = archive.namelist()
        if len(names) != len(set(names)):
            doubles = sorted({n for n in names if names.count(n) > 1})
            raise PaquetRefuse(f"entrée(s) en double dans l'archive : {', '.join(doubles)}")
        for name in names:
            if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
                raise PaquetRefuse(f"chemin interdit dans l'archive : {name}")
        for required in (MANIFEST, SIGNATURE):
            if required not in names:
                raise PaquetRefuse(f"paquet incomplet : {required} manquant")
        manifest_bytes = archive.read(MANIFEST)
        try:
            signature = base64.b64decode(archive.read(SIGNATURE), validate=False)
        except ValueError:
            raise PaquetRefuse("signature illisible (MANIFEST.json.sig)") from None
        packaged_key = _load_public(archive.read(PUBLIC_KEY)) if PUBLIC_KEY in names else None
        if public_key_path is not None:
            try:
                key = _load_public(Path(public_key_path).read_bytes())
            except OSError as exc:
                raise PaquetRefuse(f"clé publique illisible : {public_key_path} ({exc.strerror})") from None
        elif packaged_key is not None:
            key = packaged_key
        else:
            raise PaquetRefuse(f"paquet incomplet : {PUBLIC_KEY} manquant, et aucune --cle-publique donnée")
        if not _verify(key, signature, manifest_bytes):
            if packaged_key is not None and key is not packaged_key and _verify(packaged_key, signature, manifest_bytes):
                raise PaquetRefuse(f"le paquet est signé par une autre clé ({fingerprint(packaged_key)}) que "
                                   f"la clé publique donnée ({fingerprint(key)}) : origine non prouvée")
            raise PaquetRefuse("signature invalide : le manifeste a été modifié après la signature, ou signé "
                               "par une autre clé")
        manifest = json.loads(manifest_bytes)
        listed = {f["chemin"]: f for f in manifest.get("fichiers", [])}
        present = set(names) - {MANIFEST, SIGNATURE}
        problems = [f"fichier ajouté après la signature : {n}" for n in sorted(present - set(listed))]
        problems += [f"fichier retiré du paquet : {n}" for n in sorted(set(listed) - present)]
        for name in sorted(present & set(listed)):
            data = archive.read(name)
            if hashlib.sha256(data).hexdigest() != listed[name]["sha256"] or len(data) != listed[name]["taille"]:
                problems.append(f"fichier modifié après la signature : {name}")
        if problems:
            raise PaquetRefuse("\n".join(problems))
        metadata = json.loads(archive.read(METADATA)) if METADATA in present else {}
        matrix = json.loads(archive.read("matrice.json")) if "matrice.json" in present else None
    result = Verification(manifest, metadata, matrix, fingerprint(key), public_key_path is None)
    if public_key_path is None:
        result.warnings.append("vérifié avec la clé publique contenue dans le paquet : l'intégrité est "
                               "prouvée, pas l'origine ; comparez l'empreinte avec celle que le fournisseur "
                               "publie, ou donnez sa clé avec --cle-publique")
    return result


def _load_public(pem: bytes) -> Any:
    try:
        return serialization.load_pem_public_key(pem)
    except ValueError:
        raise PaquetRefuse("clé publique illisible (PEM attendu)") from None
