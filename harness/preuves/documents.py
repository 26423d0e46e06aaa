"""What the report shows of a PDF a scenario downloaded: its printed text, and each 2D-DOC on it
decoded and verified against the target's trust list (the same reader the checks use), so an
auditor sees the document and the verdict without opening another tool."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def describe_pdf(path: Path, trust: Any | None) -> dict[str, Any]:
    out: dict[str, Any] = {"texte": None, "deux_d_doc": [], "erreur": None}
    try:
        from pypdf import PdfReader

        out["texte"] = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).strip()[:6000]
    except Exception as exc:  # noqa: BLE001 - evidence: say what could not be read, never fail the run
        out["erreur"] = f"texte illisible : {exc}"
        return out
    try:
        from harness.twoddoc import TrustList, scan_pdf, verify

        for code in scan_pdf(path):
            result = verify(code.payload, trust if trust is not None else TrustList.spec_test(), findings=code.notes)
            fields = []
            if result.code is not None:
                fields = [{"id": f.identifier, "nom": f.name, "valeur": str(f.value),
                           **({"sens": f.meaning} if f.meaning else {})} for f in result.code.fields]
            out["deux_d_doc"].append({
                "verdict": result.verdict, "detail": result.detail, "champs": fields,
                "autorite": f"{result.code.authority}/{result.code.certificate_id}" if result.code else None,
                "constats": list(result.findings),
            })
    except Exception as exc:  # noqa: BLE001
        out["erreur"] = f"2D-DOC non lu : {exc}"
    return out
