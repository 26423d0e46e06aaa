"""The illustrated guide of each journey, regenerated from a run with `--preuves toutes`: for trainees,
each screen the journey went through as a numbered section with its screenshot, the Gherkin steps
played on it and what the user typed there. Built from the portal as it is, it never drifts from
what the trainees will see. One self-contained HTML file per journey, and its PDF printed by Chromium.

A "screen" is what a step left the page on, named as a user reads it (main heading and the current
step of a stepper, else the first heading, legend or paragraph; with the page's path): consecutive
steps on the same screen share a section. A step belongs to the screen it acted on (the one shown
before it ran), so "je clique sur « Valider »" closes the screen it was clicked on; the section's
screenshot is the last one taken on that screen, i.e. with its fields filled in."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .collecte import GUIDE_TAGS
from .rapport import GUIDE_TITLES, render

JOURNEYS = list(GUIDE_TAGS)            # compte, enfant_de_francais, ase, bpi, famille_ue: the guides' order
SOURCE = "execution.json"


class GuideRefuse(Exception):
    """The run cannot make a guide (no run, or screenshots of failures only); the message says what to do."""


@dataclass
class Section:
    titre: str
    cle: tuple[str, str]
    numero: str = ""
    capture: str | None = None
    etapes: list[dict[str, str]] = field(default_factory=list)
    saisies: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Chapitre:
    scenario: str
    fonctionnalite: str
    exemple: dict[str, str]
    graine: dict[str, Any] | None
    sections: list[Section]


@dataclass
class Guide:
    parcours: str
    code: str
    titre: str
    chapitres: list[Chapitre]
    non_repris: list[tuple[str, str]]

    @property
    def nom(self) -> str:
        return f"guide-{self.code}-{self.parcours.replace('_', '-')}"


def sections_of(etapes: list[dict[str, Any]]) -> list[Section]:
    """Group a scenario's executed steps into screens (see the module's docstring)."""
    sections: list[Section] = []
    current: Section | None = None
    before_any: list[dict[str, Any]] = []   # steps played before any screen was reached
    for step in etapes:
        if step.get("statut") != "réussie":
            break
        sentence = {"mot_cle": step.get("mot_cle", ""), "texte": step.get("texte", "")}
        if current is None:
            before_any.append(step)
        else:
            current.etapes.append(sentence)
            _add(current, step.get("saisies"))
        ecran = step.get("ecran")
        if ecran and (current is None or (ecran.get("chemin", ""), ecran.get("titre", "")) != current.cle):
            current = Section(titre=ecran.get("titre") or "Écran", cle=(ecran.get("chemin", ""), ecran.get("titre", "")))
            sections.append(current)
            for early in before_any:
                current.etapes.append({"mot_cle": early.get("mot_cle", ""), "texte": early.get("texte", "")})
                _add(current, early.get("saisies"))
            before_any = []
        if current is not None and step.get("capture"):
            current.capture = step["capture"]
    return sections


def _add(section: Section, typed: list[dict[str, str]] | None) -> None:
    """A field typed again on the same screen keeps its place and takes its last value. A value typed
    on a screen a single step went through (a "Soit j'ai ouvert mon compte" crosses several) names
    that screen."""
    for entry in typed or []:
        ecran = entry.get("ecran") or ""
        entry = {"champ": entry.get("champ", ""), "valeur": entry.get("valeur", ""),
                 "ecran": "" if ecran == section.titre else ecran}
        same = next((e for e in section.saisies if (e["champ"], e["ecran"]) == (entry["champ"], entry["ecran"])), None)
        if same is None:
            section.saisies.append(entry)
        else:
            same["valeur"] = entry["valeur"]


def _journey(record: dict[str, Any]) -> str | None:
    marks = set(record.get("marques") or []) | set((record.get("scenario") or {}).get("etiquettes") or [])
    return next((j for j in JOURNEYS if j in marks), None)


def _order(record: dict[str, Any]) -> tuple[str, int, str]:
    scenario = record.get("scenario") or {}
    return (scenario.get("fichier") or "", scenario.get("ligne") or 0, record.get("nodeid", ""))


def build_guides(reports: Path) -> list[Guide]:
    """The guides of the journeys the run played, in the guides' order."""
    path = reports / SOURCE
    if not path.is_file():
        raise GuideRefuse(f"aucune exécution dans {reports}/ ({SOURCE} absent) : lancez d'abord "
                          "anef run --preuves toutes")
    run = json.loads(path.read_text(encoding="utf-8"))
    records = sorted(run.get("scenarios") or [], key=_order)
    if not any(step.get("capture") and step.get("statut") == "réussie"
               for r in records for step in r.get("etapes") or []):
        raise GuideRefuse("cette exécution n'a gardé de capture que des échecs : relancez-la avec "
                          "--preuves toutes (une capture par étape)")
    guides: dict[str, Guide] = {}
    for record in records:
        journey = _journey(record)
        if journey is None:
            continue
        code = GUIDE_TAGS[journey]
        guide = guides.setdefault(journey, Guide(journey, code, GUIDE_TITLES.get(code, f"Guide {code}"), [], []))
        scenario = record.get("scenario") or {}
        name = scenario.get("nom") or record.get("nodeid", "")
        if record.get("exemple"):
            name += " (" + ", ".join(f"{k} : {v}" for k, v in record["exemple"].items()) + ")"
        sections = sections_of(record.get("etapes") or [])
        if record.get("resultat") != "réussi" or not sections:
            guide.non_repris.append((name, record.get("resultat") or "non joué"))
            continue
        guide.chapitres.append(Chapitre(name, scenario.get("fonctionnalite", ""), record.get("exemple") or {},
                                        record.get("graine"), sections))
    out = [guides[j] for j in JOURNEYS if j in guides]
    for guide in out:
        for c, chapitre in enumerate(guide.chapitres, 1):
            for s, section in enumerate(chapitre.sections, 1):
                section.numero = f"{c}.{s}" if len(guide.chapitres) > 1 else str(s)
    return out


def write_guides(reports: Path, output: Path, pdf: bool = True) -> list[Path]:
    """Write each guide's HTML (and PDF) in `output`, with an index; return the files written."""
    guides = build_guides(reports)
    run = json.loads((reports / SOURCE).read_text(encoding="utf-8"))
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for guide in guides:
        html = render("guide.html", reports=reports, guide=guide, meta=run)
        page = output / f"{guide.nom}.html"
        page.write_text(html, encoding="utf-8")
        written.append(page)
    index = output / "index.html"
    index.write_text(render("guides_index.html", guides=guides, meta=run), encoding="utf-8")
    written.append(index)
    if pdf:
        written += print_pdfs([p for p in written if p.name != "index.html"])
    return written


def print_pdfs(pages: list[Path]) -> list[Path]:
    """Print each HTML guide to PDF with headless Chromium (the harness's browser and launch args)."""
    from playwright.sync_api import sync_playwright

    from harness.plugin import CHROMIUM_ARGS, chromium

    out = []
    with sync_playwright() as playwright:
        launch: dict[str, Any] = {"args": CHROMIUM_ARGS}
        executable = chromium(headless=True)
        if executable:
            launch["executable_path"] = executable
        browser = playwright.chromium.launch(**launch)
        try:
            tab = browser.new_page()
            for html in pages:
                tab.goto(html.resolve().as_uri(), wait_until="load")
                pdf = html.with_suffix(".pdf")
                tab.pdf(path=str(pdf), format="A4", print_background=True, outline=True, tagged=True,
                        margin={"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
                out.append(pdf)
        finally:
            browser.close()
    return out
