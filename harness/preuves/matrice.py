"""The coverage matrix of a run: requirement → scenarios (their tags, and the checks that recorded it)
→ result in this run → evidence; requirements no scenario covers; a line per guide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from .couverture import Couverture

# worst first: a requirement takes the worst verdict any scenario of the run gave it
ORDER = ["non conforme", "écart déclaré", "remarque", "conforme", "non vérifiée", "non jouée"]
NOT_COVERED = "non couverte"
PLURAL = {"non conforme": "non conformes", "écart déclaré": "écarts déclarés", "remarque": "remarques",
          "non vérifiée": "non vérifiées", "non jouée": "non jouées"}


def _verdict(exigence_id: str, record: dict[str, Any], recorded: dict[str, str]) -> str:
    """What one scenario of the run says of one requirement."""
    result = record["resultat"]
    if exigence_id in recorded:
        verdict = {"ok": "conforme", "ko": "non conforme", "remarque": "remarque"}.get(recorded[exigence_id], "non vérifiée")
        if verdict == "non conforme" and record.get("ecart") and exigence_id in record["ecart"]["exigences"]:
            return "écart déclaré"
        return verdict
    if result == "réussi":
        return "conforme"      # the scenario cites it (tag) and passed every step
    if result == "non joué":
        return "non jouée"
    if result == "écart déclaré":
        return "écart déclaré" if exigence_id in record["ecart"]["exigences"] else "non vérifiée"
    failed = {i for i, v in recorded.items() if v == "ko"}
    # a failure about another requirement stopped the scenario before this one was shown
    return "non vérifiée" if failed and exigence_id not in failed else "non conforme"


def build_matrix(catalogue: Catalogue, couverture: Couverture | None, records: list[dict[str, Any]],
                 ecarts: dict[str, Any]) -> dict[str, Any]:
    static = couverture.par_exigence if couverture else {}
    rows = []
    for exigence in catalogue:
        executions = []
        for record in records:
            recorded = {e["id"]: e["verdict"] for e in record["exigences_verifiees"]}
            sources = (["étiquette"] if exigence.id in record["exigences_citees"] else []) + \
                      (["contrôle"] if exigence.id in recorded else [])
            if not sources:
                continue
            executions.append({
                "nodeid": record["nodeid"], "scenario": _name(record), "source": sources,
                "resultat_scenario": record["resultat"], "verdict": _verdict(exigence.id, record, recorded),
                "preuves": f"evidence/{record['dossier']}", "ancre": record["dossier"],
            })
        cited_by = [f"{c.feature} : {c.scenario}" for c in static.get(exigence.id, [])]
        covered = bool(cited_by or executions)
        if executions:
            statut = min((e["verdict"] for e in executions), key=ORDER.index)
        else:
            statut = "non jouée" if covered else NOT_COVERED
        rows.append({
            "id": exigence.id, "guide": exigence.guide_code, "fichier_guide": exigence.guide,
            "section": exigence.section, "nature": exigence.nature, "normative": exigence.normative,
            "texte": exigence.texte, "non_couverte": exigence.non_couverte,
            "ecart": ecarts[exigence.id].justification if exigence.id in ecarts else None,
            "scenarios": cited_by, "couverte": covered, "executions": executions, "statut": statut,
        })
    return {"exigences": rows, "guides": _per_guide(rows, catalogue),
            "non_couvertes": [{"id": r["id"], "raison": r["non_couverte"] or "aucun scénario ne la cite"}
                              for r in rows if not r["couverte"]],
            "ids_inconnus": sorted({tag for tag, _ in couverture.inconnues}) if couverture else []}


def _name(record: dict[str, Any]) -> str:
    scenario = record.get("scenario") or {}
    name = str(scenario.get("nom") or record["nodeid"])
    if record.get("exemple"):
        name += " (" + ", ".join(f"{k} = {v}" for k, v in record["exemple"].items()) + ")"
    return name


def _per_guide(rows: list[dict[str, Any]], catalogue: Catalogue) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for code in catalogue.guides():
        mine = [r for r in rows if r["guide"] == code]
        normative = [r for r in mine if r["normative"]]
        out[code] = {
            "total": len(mine), "couvertes": sum(r["couverte"] for r in mine),
            "normatives": len(normative), "normatives_couvertes": sum(r["couverte"] for r in normative),
            **{statut: sum(r["statut"] == statut for r in mine) for statut in [*ORDER, NOT_COVERED]},
        }
    return out


def guide_lines(matrix: dict[str, Any]) -> list[str]:
    """« guide 02 : 47/52 exigences couvertes, 47 conformes » (+ what is not conforme in this run)."""
    lines = []
    for code, g in matrix["guides"].items():
        name = "simulateur (informatif)" if code == "SIM" else f"guide {code}"
        line = f"{name} : {g['couvertes']}/{g['total']} exigences couvertes, {g['conforme']} conforme{'s' if g['conforme'] > 1 else ''}"
        extras = [f"{g[s]} {PLURAL[s] if g[s] > 1 else s}" for s in PLURAL if g[s]]
        line += "".join(f", {e}" for e in extras)
        lines.append(line)
    total = sum(g["normatives"] for g in matrix["guides"].values())
    covered = sum(g["normatives_couvertes"] for g in matrix["guides"].values())
    if total:
        lines.append(f"exigences normatives couvertes : {covered}/{total} ({100 * covered // total} %)")
    if matrix["ids_inconnus"]:
        lines.append(f"étiquettes citant une exigence absente du catalogue : {', '.join(matrix['ids_inconnus'])}")
    return lines


def write_matrix(matrix: dict[str, Any], metadata: dict[str, Any], reports: Path) -> list[Path]:
    from .rapport import render

    json_path = reports / "matrice.json"
    json_path.write_text(json.dumps({"execution": metadata, **matrix}, ensure_ascii=False, indent=2),
                         encoding="utf-8")
    html_path = reports / "matrice.html"
    html_path.write_text(render("matrice.html", matrix=matrix, meta=metadata, lines=guide_lines(matrix)),
                         encoding="utf-8")
    return [json_path, html_path]
