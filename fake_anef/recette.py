"""The portal's own reader of a "jeu de données de recette" (docs/recette-exemple.yaml): with
`serve --demo --recette FILE` the bundled portal plays a vendor's deployment, its reference data
being exactly what the file says exists. The harness reads the same file with its own loader
(harness.recette): neither imports the other. Dates are ISO, or "J+N" / "J-N" days from today."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from .engine.communs import YAML_LOADER

_RELATIVE = re.compile(r"^\s*J\s*([+-])\s*(\d+)\s*$", re.IGNORECASE)


def _date(value: Any, today: date) -> str:
    if isinstance(value, date):
        return value.isoformat()
    match = _RELATIVE.match(str(value))
    if match:
        days = int(match.group(2)) * (1 if match.group(1) == "+" else -1)
        return (today + timedelta(days=days)).isoformat()
    return date.fromisoformat(str(value).strip()).isoformat()


def _adresse(raw: dict[str, Any]) -> dict[str, Any]:
    """The record's optional postal address ({part: text}, as the operator API takes it)."""
    adresse = raw.get("adresse")
    if not isinstance(adresse, dict):
        return {}
    parts = {str(k): str(v) for k, v in adresse.items() if v is not None}
    return {"adresse": {**parts, "pays": parts.get("pays") or "France"}}  # a French address unless it says


def to_seed(path: str | Path, today: date | None = None) -> dict[str, list[dict[str, Any]]]:
    """The file as the portal's seed ({"identites", "titres", "agents"}, Portal.load_seed)."""
    today = today or date.today()
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    seed: dict[str, list[dict[str, Any]]] = {"identites": [], "titres": [], "agents": []}
    for section in ("identites", "titulaires", "accueillants"):
        for raw in data.get(section) or []:
            numero = str(raw["numero_etranger"])
            seed["identites"].append({
                "numero_etranger": numero, "nom": str(raw["nom"]), "prenom": str(raw["prenom"]),
                "date_naissance": _date(raw["date_naissance"], today), "pays_naissance": str(raw["pays_naissance"]).upper(),
                "nationalite": str(raw["nationalite"]).upper(), "sexe": str(raw.get("sexe") or "") or None,
                **_adresse(raw),
            })
            titre = raw.get("titre")
            if section != "identites" and titre:
                seed["titres"].append({
                    "numero": str(titre.get("numero") or numero).upper(), "kind": str(titre.get("kind", "titre")),
                    "numero_etranger": numero, "categorie": str(titre.get("categorie", "")),
                    "mention": str(titre.get("mention", "")),
                    "date_debut": _date(titre["date_debut"], today), "date_fin": _date(titre["date_fin"], today),
                })
    agent = data.get("agent")
    if agent:
        seed["agents"].append({"identifiant": str(agent["identifiant"]), "mot_de_passe": str(agent["mot_de_passe"]),
                               "nom": str(agent.get("nom", "AGENT RECETTE")), "prenom": str(agent.get("prenom", ""))})
    return seed
