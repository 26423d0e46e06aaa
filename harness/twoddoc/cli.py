"""`check-pdf`: what a landlord's or an employer's verification app does with an attestation.

    python -m harness.twoddoc check-pdf attestation.pdf [--trust CERT.pem ...]
    python -m harness.twoddoc check-pdf code.png
    python -m harness.twoddoc check-pdf payload.txt
    python -m harness.twoddoc check-pdf --payload 'DC04FR00...<US>PJIX...'

Prints each code's header and fields and the verdict. Exit status: 0 when at least one valid code
was found, 1 when codes were found but none is valid, 2 when no code was found or the input could
not be read. Without --trust, the trust list is the specification's FR00/0001 test certificate.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import TextIO

from .parse import Field
from .scan import DEFAULT_DPI, ScannedCode, payloads_from_text, scan_file
from .spec import DOCUMENT_TYPES
from .verify import TrustList, Verification, verify

__all__ = ["main"]

EXIT_VALID, EXIT_INVALID, EXIT_NOTHING = 0, 1, 2


def _format_value(item: Field) -> str:
    value = item.value
    if isinstance(value, date):
        text = f"{value:%d/%m/%Y}"
        if text.replace("/", "") != item.raw:
            text += f" ({item.raw})"
    elif isinstance(value, time):
        text = f"{value:%H:%M:%S}"
    else:
        text = item.raw
    if item.meaning:
        text += f" ({item.meaning})"
    if item.truncated:
        text += " [tronqué]"
    return text


def _print_report(scanned: ScannedCode, result: Verification, out: TextIO) -> None:
    print(f"Code 2D-DOC : {scanned.where}", file=out)
    code = result.code
    if code is not None:
        kind = DOCUMENT_TYPES.get(code.document_type)
        issue = f"{code.issue_date:%d/%m/%Y}" if code.issue_date else "non datée"
        rows = [
            ("Version", code.version),
            ("Autorité de certification", code.authority),
            ("Identifiant du certificat", code.certificate_id),
            ("Date d'émission", f"{issue} ({code.header[12:16]})"),
            ("Date de signature", f"{code.signature_date:%d/%m/%Y} ({code.header[16:20]})"),
            ("Type de document", f"{code.document_type} ({kind.name if kind else 'inconnu'})"),
            ("Périmètre", code.perimeter or "- (en-tête v02)"),
            ("Pays émetteur", code.country or "- (en-tête antérieur à v04)"),
        ]
        print("  En-tête", file=out)
        for label, value in rows:
            print(f"    {label} : {value}", file=out)
        print("  Champs", file=out)
        for item in code.fields:
            print(f"    {item.identifier}  {item.name} : {_format_value(item)}", file=out)
        if code.annex:
            print("  Annexe (non signée)", file=out)
            for item in code.annex:
                print(f"    {item.identifier}  {item.name} : {_format_value(item)}", file=out)
    print(f"  Verdict : {result.verdict}", file=out)
    print(f"    {result.detail}", file=out)
    if result.findings:
        print("  Constats", file=out)
        for finding in result.findings:
            print(f"    - {finding}", file=out)
    print(file=out)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        trust = TrustList.from_files(args.trust, args.authority) if args.trust else TrustList.spec_test()
    except (OSError, ValueError) as exc:
        print(f"Liste de confiance illisible : {exc}", file=err)
        return EXIT_NOTHING

    scanned: list[ScannedCode] = []
    if args.payload is not None:
        scanned += [ScannedCode(payload=p, source="--payload") for p in payloads_from_text(args.payload)]
    if args.file is not None:
        try:
            scanned += scan_file(args.file, dpi=args.dpi, render_only=args.rendu_seul)
        except (OSError, ValueError) as exc:
            print(f"Fichier illisible : {args.file} : {exc}", file=err)
            return EXIT_NOTHING
    if not scanned:
        print(f"Aucun code 2D-DOC trouvé ({args.file or '--payload'}).", file=out)
        return EXIT_NOTHING

    valid = 0
    for item in scanned:
        result = verify(item.payload, trust, test_deployment=not args.production, findings=item.notes)
        valid += result.valid
        _print_report(item, result, out)
    print(f"{len(scanned)} code(s) trouvé(s), {valid} valide(s).", file=out)
    return EXIT_VALID if valid else EXIT_INVALID


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m harness.twoddoc", description="Lecture et vérification de codes 2D-DOC."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check-pdf", help="trouver, décoder et vérifier les 2D-DOC d'un PDF, d'une image ou d'un texte"
    )
    check.add_argument(
        "file", nargs="?", type=Path, help=".pdf, image (.png...) ou fichier texte contenant le contenu brut"
    )
    check.add_argument("--payload", help="contenu brut d'un code (<GS>, <RS>, <US> acceptés)")
    check.add_argument(
        "--trust",
        action="append",
        type=Path,
        metavar="CERT.pem",
        help="certificat(s) de confiance, PEM (un fichier peut en contenir plusieurs) ; répétable",
    )
    check.add_argument(
        "--authority",
        help="autorité (ex. FR00) des certificats --trust dont l'émetteur ne la donne pas",
    )
    check.add_argument(
        "--production",
        action="store_true",
        help="cible de production : ne pas signaler les autorités de production",
    )
    check.add_argument(
        "--dpi", type=int, default=DEFAULT_DPI, help=f"résolution de rendu des PDF (défaut {DEFAULT_DPI})"
    )
    check.add_argument(
        "--rendu-seul", action="store_true",
        help="PDF : lire le code sur la page rendue seulement, sans chercher d'abord dans ses images",
    )
    return parser


def main(argv: list[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check-pdf":
        if args.file is None and args.payload is None:
            parser.error("check-pdf : un FICHIER ou --payload est nécessaire")
        return _check(args, out, err)
    return EXIT_NOTHING  # pragma: no cover - argparse rejects unknown commands


def run(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    sys.exit(main(list(argv) if argv is not None else None))


if __name__ == "__main__":  # pragma: no cover
    run()
