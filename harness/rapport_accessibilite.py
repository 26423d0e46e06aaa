"""The accessibility report of a run: reports/accessibilite.json (for tools) and .html (for people):
every page state analysed, and for each finding the page, the axe-core rule, its RGAA 4.1 criterion,
the elements and how to fix them. The HTML page is itself written to pass the checks it reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from .axe_audit import Auditor, PageState


def summary(auditor: Auditor, *, target: str, mode: str) -> dict[str, Any]:
    states = sorted(auditor.states.values(), key=lambda s: (-len(s.blocking), -len(s.constats), s.chemin))
    findings = [f for s in states for f in s.constats]
    return {
        "cible": target,
        "mode": mode,
        "moteur": f"axe-core {auditor.axe_version}".strip(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "etats_de_page": len(states),
        "constats": len(findings),
        "constats_graves_ou_critiques": sum(f.bloquant for f in findings),
        "duree_des_analyses_s": round(auditor.seconds, 2),
        "analyses_impossibles": auditor.failures,
        "pages": [s.to_json() for s in states],
    }


def write_reports(auditor: Auditor, folder: Path, *, target: str, mode: str,
                  stem: str = "accessibilite") -> tuple[Path, Path]:
    """FOLDER/STEM.json and .html (an xdist worker's stem names it: accessibilite-gw0)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = summary(auditor, target=target, mode=mode)
    json_path = folder / f"{stem}.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    html_path = folder / f"{stem}.html"
    html_path.write_text(render(data, sorted(auditor.states.values(), key=lambda s: s.chemin)), encoding="utf-8")
    return json_path, html_path


def _state_rows(state: PageState) -> str:
    if not state.constats:
        return ""
    rows = []
    for f in state.constats:
        elements = "".join(
            f"<li><code>{escape(e.cible)}</code><br><code>{escape(e.html)}</code>"
            f"<pre>{escape(e.correction)}</pre></li>" for e in f.elements)
        rows.append(
            f"<tr><td>{escape(f.regle)}</td><td>{escape(f.impact_fr)}</td><td>{escape(f.critere)}</td>"
            f"<td>{escape(f.description)} (<a href=\"{escape(f.aide)}\">règle {escape(f.regle)}</a>)</td>"
            f"<td><ul>{elements}</ul></td></tr>")
    return (f"<section><h3>« {escape(state.titre)} » — <code>{escape(state.chemin)}</code></h3>"
            f"<p>Vue pour la première fois : <code>{escape(state.url)}</code>, test <code>{escape(state.test)}</code>, "
            f"étape « {escape(state.etape)} ».</p>"
            "<table><caption>Constats sur cette page</caption><thead><tr><th scope=\"col\">Règle axe-core</th>"
            "<th scope=\"col\">Impact</th><th scope=\"col\">Critère RGAA 4.1</th><th scope=\"col\">Problème</th>"
            "<th scope=\"col\">Éléments et correction</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></section>")


def render(data: dict[str, Any], states: list[PageState]) -> str:
    pages = "".join(
        f"<tr><td><code>{escape(s.chemin)}</code></td><td>{escape(s.titre)}</td><td>{len(s.constats)}</td>"
        f"<td>{len(s.blocking)}</td></tr>" for s in states)
    failures = "".join(f"<li>{escape(f)}</li>" for f in data["analyses_impossibles"])
    details = "".join(_state_rows(s) for s in states) or "<p>Aucun constat.</p>"
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Accessibilité — {escape(data['cible'])}</title>
<style>body{{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2a30}}table{{border-collapse:collapse;margin:.5rem 0 1rem}}
th,td{{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}}pre{{white-space:pre-wrap;margin:.2rem 0}}
code{{font-size:.85rem}}</style></head>
<body><main>
<h1>Accessibilité des pages parcourues</h1>
<p>Cible : {escape(data['cible'])} — moteur : {escape(data['moteur'])} — mode : {escape(data['mode'])} — {escape(data['date'])}.</p>
<p>{data['etats_de_page']} état(s) de page analysé(s), {data['constats']} constat(s) dont
{data['constats_graves_ou_critiques']} grave(s) ou critique(s), analysés en {data['duree_des_analyses_s']} s. Correspondance avec les critères du RGAA 4.1 :
étiquettes RGAA d'axe-core, complétées par la table du banc (harness/rgaa.py). Une analyse automatique ne couvre
qu'une partie des critères : elle ne remplace pas un audit.</p>
{'<h2>Analyses impossibles</h2><ul>' + failures + '</ul>' if failures else ''}
<h2>Pages analysées</h2>
<table><caption>États de page analysés</caption><thead><tr><th scope="col">Chemin</th><th scope="col">Titre</th>
<th scope="col">Constats</th><th scope="col">Graves ou critiques</th></tr></thead><tbody>{pages}</tbody></table>
<h2>Constats par page</h2>
{details}
</main></body></html>
"""


def merge_reports(sources: list[Path], folder: Path) -> tuple[Path, Path] | None:
    """One report from several (the xdist workers' accessibilite-gw*.json, the shards' accessibilite.json):
    each page state once (as first seen in the order given), the analyses' durations summed."""
    from .axe_audit import Element, Finding

    datas = [json.loads(path.read_text(encoding="utf-8")) for path in sources if path.is_file()]
    if not datas:
        return None
    auditor = Auditor(set())
    for data in datas:
        auditor.axe_version = auditor.axe_version or data["moteur"].removeprefix("axe-core").strip()
        auditor.seconds += data["duree_des_analyses_s"]
        auditor.failures += data["analyses_impossibles"]
        for page in data["pages"]:
            constats = [Finding(**{**f, "elements": [Element(**e) for e in f["elements"]]}) for f in page["constats"]]
            auditor.states.setdefault(page["cle"], PageState(**{**page, "constats": constats}))
    return write_reports(auditor, folder, target=datas[0]["cible"], mode=datas[0]["mode"])
