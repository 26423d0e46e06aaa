"""How long a 2D-DOC takes to write (portal) and to read back from a PDF page (harness).

    python benchmarks/bench_twoddoc.py [--count 100] [--seed 1]

For `count` attestations (type 13) with random realistic values, times:
- write: sign (ECDSA P-256) + render the DataMatrix PNG, as the portal does per attestation;
- pdf: lay out a one-page A4 PDF holding the code with reportlab (the portal's side, for context);
- read: find + decode the DataMatrix with zxing-cpp in the page's embedded image (the harness's
  first try) + parse + verify the signature;
- read, page rendered: the same after rendering the page at 300 dpi with pdfium (the harness's
  fallback, and `check-pdf --rendu-seul`).
Prints median and p95 against the targets (write ≤ 20 ms, read ≤ 100 ms). Asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fake_anef.documents.certificates import ensure_certificate, trust_list_pem
from fake_anef.documents.twoddoc import TwoDDocSigner, draw_on_canvas, render_png
from harness.twoddoc import TrustList, scan_pdf, verify

TARGET_WRITE_MS = 20.0
TARGET_READ_MS = 100.0

_GIVEN = [
    "Amina",
    "Mohamed",
    "Nguyễn Minh",
    "Zoé",
    "José María",
    "Oksana",
    "Jean-Baptiste",
    "Aïcha",
    "Björn",
    "Fatoumata",
]
_FAMILY = [
    "Diallo",
    "Benali",
    "Trần Thị",
    "Kowalczyk",
    "Da Silva",
    "N'Diaye",
    "Öztürk",
    "Hernández García",
    "Leroy",
    "Haddad",
]
_BIRTH = [
    ("Dakar", "SN"),
    ("Alger", "DZ"),
    ("Hô Chi Minh-Ville", "VN"),
    ("Varsovie", "PL"),
    ("São Paulo", "BR"),
    ("Kyiv", "UA"),
    ("Casablanca", "MA"),
    ("Bamako", "ML"),
]
_STREETS = [
    "rue de la République",
    "avenue Jean-Jaurès",
    "boulevard de l'Hôpital",
    "allée des Châtaigniers",
    "place du Général-de-Gaulle",
]
_CITIES = [
    ("75013", "Paris"),
    ("69007", "Lyon"),
    ("13001", "Marseille"),
    ("93200", "Saint-Denis"),
    ("31000", "Toulouse"),
    ("59000", "Lille"),
]
_CATEGORIES = [
    "Salarié",
    "Étudiant",
    "Vie privée et familiale",
    "Passeport talent",
    "Enfant entré par regroupement familial",
]


def _attestation(rng: random.Random, today: date) -> dict[str, str]:
    place, country = rng.choice(_BIRTH)
    postcode, city = rng.choice(_CITIES)
    deposit = today - timedelta(days=rng.randint(10, 200))
    born = date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
    given = rng.sample(_GIVEN, rng.randint(1, 3))
    return {
        "6J": rng.choice("123"),
        "6K": "".join(rng.choice("0123456789") for _ in range(19)),
        "6L": f"{deposit:%d%m%Y}",
        "6P": rng.choice(["AUTORISE A TRAVAILLER", "N'AUTORISE PAS SON TITULAIRE A TRAVAILLER"]),
        "6Q": "".join(rng.choice("0123456789") for _ in range(10)),
        "62": rng.choice(_FAMILY),
        "63": rng.choice(_FAMILY),
        "60": "/".join(given),
        "68": rng.choice("MF"),
        "69": f"{born:%d%m%Y}",
        "6A": place,
        "6C": country,
        "67": country,
        "6U": f"{rng.randint(1, 240)} {rng.choice(_STREETS)}",
        "6W": postcode,
        "6X": city,
        "6M": rng.choice(_CATEGORIES),
        "6N": f"{today:%d%m%Y}",
        "6O": f"{today + timedelta(days=rng.choice([90, 180])):%d%m%Y}",
        "6Y": "FR",
    }


def _pdf(payload: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(20 * mm, 270 * mm, "Attestation de prolongation d'instruction")
    canvas.setFont("Helvetica", 10)
    for line in range(30):
        canvas.drawString(20 * mm, (250 - 6 * line) * mm, f"Texte de l'attestation, ligne {line + 1}.")
    draw_on_canvas(canvas, payload, 150 * mm, 225 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _summary(name: str, samples: list[float], target: float | None) -> str:
    median = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[-1]
    verdict = ""
    if target is not None:
        met = "met" if p95 <= target else "median met, p95 not" if median <= target else "NOT met"
        verdict = f"   target ≤ {target:.0f} ms: {met}"
    return f"{name:<34} median {median:7.1f} ms   p95 {p95:7.1f} ms   max {max(samples):7.1f} ms{verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    today = date.today()

    with tempfile.TemporaryDirectory() as directory:
        _, key_pem, certificate_id = ensure_certificate(Path(directory))
        signer = TwoDDocSigner(key_pem, "FR00", certificate_id)
        trust = TrustList.from_pem(trust_list_pem(Path(directory)))

    # One warm-up round: imports and first calls of the native libraries are not what is measured.
    warm = signer.sign("13", "01", "FR", today, today, _attestation(rng, today))
    render_png(warm)
    scan_pdf(_pdf(warm))
    scan_pdf(_pdf(warm), render_only=True)

    write_ms: list[float] = []
    pdf_ms: list[float] = []
    read_ms: list[float] = []
    rendered_ms: list[float] = []
    failures = 0
    for _ in range(args.count):
        fields = _attestation(rng, today)

        start = time.perf_counter()
        payload = signer.sign("13", "01", "FR", today, today, fields)
        render_png(payload)
        write_ms.append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        pdf = _pdf(payload)
        pdf_ms.append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        found = scan_pdf(pdf)
        results = [verify(code.payload, trust, findings=code.notes) for code in found]
        read_ms.append((time.perf_counter() - start) * 1000)
        failures += not (len(results) == 1 and results[0].valid and found[0].payload == payload)

        start = time.perf_counter()
        found = scan_pdf(pdf, render_only=True)
        results = [verify(code.payload, trust, findings=code.notes) for code in found]
        rendered_ms.append((time.perf_counter() - start) * 1000)
        failures += not (len(results) == 1 and results[0].valid and found[0].payload == payload)

    print(f"2D-DOC benchmark: {args.count} type 13 attestations, seed {args.seed}, payload ≈ {len(payload)} characters")
    print(_summary("write: sign + DataMatrix PNG", write_ms, TARGET_WRITE_MS))
    print(_summary("pdf: one A4 page (reportlab)", pdf_ms, None))
    print(_summary("read: embedded image + verify", read_ms, TARGET_READ_MS))
    print(_summary("read: page at 300 dpi + verify", rendered_ms, TARGET_READ_MS))
    print(f"codes not found back or not valid: {failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
