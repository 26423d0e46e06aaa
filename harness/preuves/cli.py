"""`anef paquet` and `anef verifier-paquet`: build the signed conformance package of the last run,
and verify one offline, printing its summary. `anef guide-illustre`: the trainees' illustrated guides."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .matrice import guide_lines
from .paquet import PaquetRefuse, build, verify


def _reports() -> Path:
    return Path(os.environ.get("ANEF_REPORTS_DIR", "reports"))


def paquet(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(prog="anef paquet", description="Construit le paquet de conformité signé de la dernière exécution.")
    parser.add_argument("--rapports", type=Path, default=None, help="dossier de l'exécution (défaut : reports/)")
    parser.add_argument("--sortie", type=Path, default=None, help="fichier zip à écrire (défaut : reports/paquet-conformite-DATE.zip)")
    parser.add_argument("--cle", type=Path, default=None,
                        help="clé privée PEM (Ed25519 ou ECDSA) du fournisseur ; défaut : une clé générée et gardée "
                             "dans $ANEF_CLES_DIR (~/.local/share/anef)")
    args = parser.parse_args(argv)
    reports = args.rapports or _reports()
    output = args.sortie or reports / f"paquet-conformite-{datetime.now():%Y%m%d-%H%M%S}.zip"
    try:
        path, notes = build(reports, output, args.cle)
    except PaquetRefuse as exc:
        print(f"anef paquet : {exc}", file=err)
        return 1
    print(f"paquet de conformité : {path}", file=out)
    for note in notes:
        print(f"  {note}", file=out)
    print(f"  vérification : anef verifier-paquet {path} --cle-publique CLE-PUBLIQUE.pem", file=out)
    return 0


def verifier(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(prog="anef verifier-paquet", description="Vérifie hors ligne un paquet de conformité.")
    parser.add_argument("paquet", type=Path)
    parser.add_argument("--cle-publique", type=Path, default=None,
                        help="clé publique PEM du fournisseur (défaut : celle du paquet, qui ne prouve pas l'origine)")
    args = parser.parse_args(argv)
    try:
        result = verify(args.paquet, args.cle_publique)
    except PaquetRefuse as exc:
        print(f"PAQUET REFUSÉ : {args.paquet}\n{exc}", file=err)
        return 1
    meta = result.metadata
    suite = meta.get("suite") or {}
    print(f"PAQUET VÉRIFIÉ : {args.paquet}", file=out)
    print(f"  signature {result.manifest.get('signature')} valide, clé {result.key_fingerprint}", file=out)
    print(f"  {len(result.manifest.get('fichiers', []))} fichiers, chacun conforme à son empreinte SHA-256", file=out)
    for warning in result.warnings:
        print(f"  attention : {warning}", file=out)
    print(f"  cible : {meta.get('cible')}", file=out)
    print(f"  suite : version {suite.get('version')}, commit {suite.get('commit')}"
          + (" (copie modifiée)" if suite.get("modifie") else ""), file=out)
    print(f"  date : {meta.get('date')} ; graine des personas : {(meta.get('personas') or {}).get('graine')}", file=out)
    print(f"  options : {' '.join(meta.get('options') or [])}", file=out)
    print(f"  back-office : {', '.join(meta.get('adaptateurs_backoffice') or []) or meta.get('backoffice')}", file=out)
    for attested in meta.get("etapes_attestees_par_operateur") or []:
        print(f"  attesté par l'opérateur : {attested['scenario']} — {attested['attestation']}", file=out)
    for ecart in meta.get("ecarts_declares") or []:
        print(f"  écart déclaré : {ecart['id']} — {ecart['justification']}", file=out)
    results = meta.get("resultats") or {}
    print("  scénarios : " + ", ".join(f"{n} {r}" for r, n in sorted(results.items())), file=out)
    if result.matrix:
        for line in guide_lines(result.matrix):
            print(f"  {line}", file=out)
    return 0


def guide_illustre(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    from .guide import GuideRefuse, write_guides

    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(prog="anef guide-illustre",
                                     description="Construit le guide illustré de chaque parcours joué par une exécution "
                                                 "lancée avec --preuves toutes (HTML autonome et PDF).")
    parser.add_argument("--depuis", type=Path, default=None, help="dossier de l'exécution (défaut : reports/)")
    parser.add_argument("--sortie", type=Path, default=None, help="dossier des guides (défaut : DEPUIS/guides/)")
    parser.add_argument("--sans-pdf", action="store_true", help="HTML seulement (sans Chromium)")
    args = parser.parse_args(argv)
    reports = args.depuis or _reports()
    try:
        written = write_guides(reports, args.sortie or reports / "guides", pdf=not args.sans_pdf)
    except GuideRefuse as exc:
        print(f"anef guide-illustre : {exc}", file=err)
        return 1
    for path in written:
        print(f"→ {path}", file=out)
    return 0


def fusionner(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    from .fusion import FusionRefusee, merge_runs

    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(
        prog="anef fusionner",
        description="Fusionne les rapports des tranches d'une exécution (pytest-split --splits N --group I, "
                    "chacune avec son ANEF_REPORTS_DIR) en un rapport, une matrice, un execution.json et un JUnit.")
    parser.add_argument("tranches", type=Path, nargs="+", help="dossiers de rapports des tranches")
    parser.add_argument("--sortie", type=Path, default=None, help="dossier du rapport fusionné (défaut : reports/)")
    parser.add_argument("--exigences", type=Path, default=None, help="catalogue des exigences (défaut : requirements/)")
    parser.add_argument("--fonctionnalites", type=Path, default=None, help="dossier des features (défaut : features/)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    try:
        written = merge_runs(args.tranches, args.sortie or _reports(), catalogue_dir=args.exigences or root / "requirements",
                             features=args.fonctionnalites or root / "features")
    except FusionRefusee as exc:
        print(f"anef fusionner : {exc}", file=err)
        return 1
    for path in written:
        print(f"→ {path}", file=out)
    return 0
