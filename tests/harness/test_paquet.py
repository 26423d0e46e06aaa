"""The signed conformance package: the round trip, and each kind of tampering refused with a clear
French message (a changed byte, a removed or added file, an edited manifest, another key)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from harness.cli import main as anef
from harness.preuves.paquet import MANIFEST, PUBLIC_KEY, SIGNATURE, PaquetRefuse, _sign, build, verify

MATRIX = {"exigences": [], "non_couvertes": [], "ids_inconnus": [],
          "guides": {"02": {"total": 52, "couvertes": 47, "normatives": 52, "normatives_couvertes": 47,
                            "conforme": 46, "non conforme": 0, "écart déclaré": 1, "remarque": 0,
                            "non vérifiée": 0, "non jouée": 0, "non couverte": 5}}}


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ANEF_CLES_DIR", str(tmp_path / "cles"))
    folder = tmp_path / "reports"
    (folder / "evidence" / "scenario_1").mkdir(parents=True)
    (folder / "evidence" / "scenario_1" / "etape-03-echec.png").write_bytes(b"\x89PNG fake")
    (folder / "execution.json").write_text(json.dumps({
        "cible": "https://recette.example.org", "suite": {"version": "0.1.0", "commit": "abc123", "modifie": False},
        "date": "2026-11-29T19:00:00+00:00", "personas": {"graine": 42}, "options": ["-m", "compte"],
        "backoffice": "manuel", "adaptateurs_backoffice": ["manuel"],
        "etapes_attestees_par_operateur": [{"scenario": "s1", "attestation": "demande n° 1 : décision"}],
        "ecarts_declares": [{"id": "G02-A", "justification": "libellé raccourci"}],
        "scenarios": [{"resultat": "réussi", "dossier": "scenario_1"}, {"resultat": "écart déclaré", "dossier": "s2"}]}),
        encoding="utf-8")
    (folder / "evidence" / "d_une_autre_execution").mkdir()
    (folder / "evidence" / "d_une_autre_execution" / "page.png").write_bytes(b"old")  # not this run's: left out
    (folder / "matrice.json").write_text(json.dumps(MATRIX), encoding="utf-8")
    for name in ("matrice.html", "rapport-conformite.html", "junit.xml", "cucumber.json"):
        (folder / name).write_text(f"contenu de {name}", encoding="utf-8")
    (folder / "README.md").write_text("not packaged", encoding="utf-8")
    return folder


@pytest.fixture
def package(reports: Path) -> Path:
    path, _ = build(reports, reports.parent / "paquet.zip")
    return path


def _vendor_public(tmp_path: Path) -> Path:
    return tmp_path / "cles" / "cle-paquet-ed25519.pub.pem"


def _rewrite(package: Path, change) -> Path:
    with zipfile.ZipFile(package) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    change(entries)
    out = package.with_name("falsifie.zip")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out


def test_round_trip_lists_every_file_and_prints_the_summary(package: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    names = set(zipfile.ZipFile(package).namelist())
    assert {"rapport-conformite.html", "matrice.html", "matrice.json", "junit.xml", "cucumber.json",
            "execution.json", "metadonnees.json", "evidence/scenario_1/etape-03-echec.png",
            PUBLIC_KEY, MANIFEST, SIGNATURE} == names
    assert anef(["verifier-paquet", str(package), "--cle-publique", str(_vendor_public(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "PAQUET VÉRIFIÉ" in out and "signature Ed25519 valide" in out
    assert "cible : https://recette.example.org" in out and "commit abc123" in out
    assert "écart déclaré : G02-A — libellé raccourci" in out
    assert "attesté par l'opérateur : s1 — demande n° 1 : décision" in out
    assert "guide 02 : 47/52 exigences couvertes, 46 conformes, 1 écart déclaré" in out
    assert "attention" not in out  # the vendor's key was given: origin proven


def test_without_the_vendors_key_integrity_is_shown_but_origin_is_flagged(package: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert anef(["verifier-paquet", str(package)]) == 0
    assert "pas l'origine" in capsys.readouterr().out


def test_the_generated_key_is_kept_and_reused(reports: Path, tmp_path: Path) -> None:
    first, notes = build(reports, tmp_path / "a.zip")
    assert any("clé générée et gardée" in n for n in notes)
    second, notes = build(reports, tmp_path / "b.zip")
    assert not any("générée" in n for n in notes)
    key = _vendor_public(tmp_path)
    assert verify(first, key).key_fingerprint == verify(second, key).key_fingerprint


@pytest.mark.parametrize(("tamper", "message"), [
    (lambda e: e.__setitem__("junit.xml", e["junit.xml"][:-1] + b"X"), "fichier modifié après la signature : junit.xml"),
    (lambda e: e.pop("evidence/scenario_1/etape-03-echec.png"),
     "fichier retiré du paquet : evidence/scenario_1/etape-03-echec.png"),
    (lambda e: e.__setitem__("evidence/ajout.png", b"x"), "fichier ajouté après la signature : evidence/ajout.png"),
    (lambda e: e.__setitem__(MANIFEST, e[MANIFEST].replace(b'"taille"', b'"taille" ', 1)), "signature invalide"),
    (lambda e: e.pop(SIGNATURE), "paquet incomplet : MANIFEST.json.sig manquant"),
])
def test_each_kind_of_tampering_is_refused(package: Path, tmp_path: Path, tamper, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    falsified = _rewrite(package, tamper)
    with pytest.raises(PaquetRefuse, match=message):
        verify(falsified, _vendor_public(tmp_path))
    assert anef(["verifier-paquet", str(falsified), "--cle-publique", str(_vendor_public(tmp_path))]) == 1
    assert "PAQUET REFUSÉ" in capsys.readouterr().err


def test_another_key_is_refused(package: Path, tmp_path: Path) -> None:
    other = tmp_path / "autre.pem"
    other.write_bytes(ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    with pytest.raises(PaquetRefuse, match="signé par une autre clé .* que la clé publique donnée"):
        verify(package, other)


def test_a_package_re_signed_by_someone_else_is_refused_with_the_vendors_key(package: Path, tmp_path: Path) -> None:
    """A forger changes a file, rewrites the manifest, signs it with their key and ships their public
    key: the package checks against its own key, never against the vendor's."""
    forger = ed25519.Ed25519PrivateKey.generate()

    def forge(entries: dict[str, bytes]) -> None:
        import base64
        import hashlib

        entries["junit.xml"] = b"<testsuite failures='0'/>"
        entries[PUBLIC_KEY] = forger.public_key().public_bytes(serialization.Encoding.PEM,
                                                                serialization.PublicFormat.SubjectPublicKeyInfo)
        manifest = json.loads(entries[MANIFEST])
        for f in manifest["fichiers"]:
            f["sha256"] = hashlib.sha256(entries[f["chemin"]]).hexdigest()
            f["taille"] = len(entries[f["chemin"]])
        entries[MANIFEST] = json.dumps(manifest).encode()
        entries[SIGNATURE] = base64.b64encode(_sign(forger, entries[MANIFEST]))

    forged = _rewrite(package, forge)
    verify(forged)  # on its own key alone it holds: hence the warning, and --cle-publique
    with pytest.raises(PaquetRefuse, match="signé par une autre clé"):
        verify(forged, _vendor_public(tmp_path))


def test_a_vendors_ecdsa_key_signs_too(reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "vendeur.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    (tmp_path / "vendeur.pub.pem").write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    out = tmp_path / "p.zip"
    assert anef(["paquet", "--rapports", str(reports), "--cle", str(tmp_path / "vendeur.pem"), "--sortie", str(out)]) == 0
    assert anef(["verifier-paquet", str(out), "--cle-publique", str(tmp_path / "vendeur.pub.pem")]) == 0
    assert "signature ECDSA-SHA256 valide" in capsys.readouterr().out


def test_no_run_no_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anef(["paquet", "--rapports", str(tmp_path)]) == 1
    assert "lancez d'abord la suite" in capsys.readouterr().err
