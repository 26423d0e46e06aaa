"""`anef`: serve the bundled portal, run the conformance suite, check a 2D-DOC.

  anef serve [--port 8000 --smtp-port 8025 --mail-port 8026 --data-dir var --demo]
  anef run [--target URL --mailbox URL] [pytest options, e.g. --headed --slowmo 300 -k chemin_a]
  anef demo [compte|enfant_de_francais|ase|bpi|famille_ue|instruction] [--pause clavier|N --slowmo MS]
                                                    (a narrated replay for a class; records nothing)
  anef check-pdf FILE.pdf [--trust CERT.pem ...]
  anef paquet [--cle KEY.pem --sortie PAQUET.zip]     (the signed conformance package of the last run)
  anef verifier-paquet PAQUET.zip [--cle-publique PUB.pem]
  anef referentiel besoin [pytest selection, e.g. -m "ase or bpi" or features/ase.feature]
      what the selected scenarios need on the target (people, titles, accueillants, clock, back-office)
  anef guide-illustre [--depuis reports/ --sortie reports/guides/]   (from a run with --preuves toutes)
  anef fusionner reports/tranche-1 reports/tranche-2 [--sortie reports/]
      one report, matrix, execution.json and JUnit file from the shards of a run (pytest-split)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> int:
    import pytest

    reports = Path(os.environ.get("ANEF_REPORTS_DIR", PROJECT / "reports"))
    reports.mkdir(parents=True, exist_ok=True)
    os.chdir(PROJECT)
    return int(pytest.main([
        "features",
        f"--junitxml={reports / 'junit.xml'}",
        "-o", "junit_suite_name=anef-conformance",
        f"--html={reports / 'conformance.html'}",
        f"--cucumberjson={reports / 'cucumber.json'}",
        "--self-contained-html",
        *args,
    ]))


def _besoin(args: list[str]) -> int:
    """Collects the selection (nothing runs) and prints its needs (harness.besoin)."""
    import pytest

    os.chdir(PROJECT)
    selection = args if any(not a.startswith("-") for a in args) else ["features", *args]
    return int(pytest.main(["--collect-only", "-qq", "-p", "harness.besoin", "-p", "no:harness.summary", *selection]))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "serve":
        # A separate program, not an import: the harness never loads the portal's code.
        os.execv(sys.executable, [sys.executable, "-m", "fake_anef", "serve", *rest])
    if command == "run":
        return _run(rest)
    if command == "referentiel":
        if rest[:1] != ["besoin"]:
            print("anef referentiel besoin [sélection pytest]", file=sys.stderr)
            return 2
        return _besoin(rest[1:])
    if command == "demo":  # issue 18 pt 2: reports go to a scratch folder, removed afterwards
        import pytest

        from .demo import demo_args

        with tempfile.TemporaryDirectory(prefix="anef-demo-") as scratch:
            os.environ["ANEF_REPORTS_DIR"] = scratch
            os.chdir(PROJECT)
            return int(pytest.main(["features", f"--output={scratch}", *demo_args(rest)]))
    if command == "check-pdf":
        from .twoddoc.cli import main as check_pdf

        return check_pdf(["check-pdf", *rest])
    if command in {"paquet", "verifier-paquet"}:
        from .preuves import cli as preuves

        return preuves.paquet(rest) if command == "paquet" else preuves.verifier(rest)
    if command == "fusionner":
        from .preuves import cli as preuves

        return preuves.fusionner(rest)
    if command == "guide-illustre":
        from .preuves import cli as preuves

        return preuves.guide_illustre(rest)
    print(f"anef : commande inconnue « {command} »\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
