"""The French report of a run, self-contained (screenshots inlined): guide → feature → scenario →
its Gherkin steps with status, duration and screenshot; per scenario the persona seed, the mails
read, the files downloaded, the back-office, the operator-attested steps and the remarques."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

REPORT_FILE = "rapport-conformite.html"
GUIDE_TITLES = {
    "01": "Guide 01 — Créer un compte ANEF",
    "02": "Guide 02 — Enfant étranger de Français : première demande",
    "03": "Guide 03 — Mineur confié à l'ASE : première demande",
    "04": "Guide 04 — Bénéficiaire de la protection internationale : renouvellement",
    "05": "Guide 05 — Membre de famille d'un citoyen UE (accueillant français)",
    "SIM": "Textes propres au simulateur (informatif)",
    "autres": "Autres scénarios",
}
RESULT_CLASSES = {"réussi": "ok", "échoué": "ko", "écart déclaré": "ecart", "non joué": "skip"}


def _environment(reports: Path | None) -> Environment:
    env = Environment(loader=PackageLoader("harness.preuves", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

    def data_uri(relative: str | None) -> str:
        """An evidence file inlined, so the report stays one file an auditor can mail on."""
        if not relative or reports is None:
            return ""
        path = reports / relative
        if not path.is_file():
            return ""
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"

    env.filters["data_uri"] = data_uri
    env.globals["result_class"] = lambda r: RESULT_CLASSES.get(r, "skip")
    env.globals["guide_title"] = lambda code: GUIDE_TITLES.get(code, f"Guide {code}")
    return env


def render(template: str, reports: Path | None = None, **context: Any) -> str:
    return _environment(reports).get_template(template).render(**context)


def grouped(records: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, list[dict[str, Any]]]]]]:
    """[(guide, [(feature name, [scenario records])])], guides in their order, "autres" last."""
    guides: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for record in records:
        feature = (record.get("scenario") or {}).get("fonctionnalite") or record["nodeid"].split("::")[0]
        guides.setdefault(record.get("guide") or "autres", {}).setdefault(feature, []).append(record)
    order = sorted(guides, key=lambda g: (g in {"SIM", "autres"}, g))
    return [(g, list(guides[g].items())) for g in order]


def write_report(records: list[dict[str, Any]], matrix: dict[str, Any], metadata: dict[str, Any],
                 reports: Path) -> Path:
    from .matrice import guide_lines

    counts: dict[str, int] = {}
    for record in records:
        counts[record["resultat"]] = counts.get(record["resultat"], 0) + 1
    path = reports / REPORT_FILE
    path.write_text(render("rapport.html", reports=reports, groups=grouped(records), meta=metadata,
                           counts=counts, lines=guide_lines(matrix), matrix=matrix), encoding="utf-8")
    return path
