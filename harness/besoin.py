"""`anef referentiel besoin [pytest selection]`: what the selected scenarios need to exist on the
target before the run (how many people with a numéro étranger, titles of which kind and dates
relative to the day of the run, accueillants), whether they move the clock or need a back-office,
so that a vendor fills its jeu de données de recette (docs/recette-exemple.yaml) once.

Read from the scenarios' own sentences (their "Soit" steps, examples filled in) at collection,
without running anything. The ranges are those the persona factory draws in (personas.factory)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest

UE = "titre « Membre de famille de ressortissant UE/EEE/Suisse », fin de validité entre J+60 et J+120"
AGES_UE = {"descendant": "24 à 30 ans", "ascendant": "50 à 80 ans", "personne à charge": "24 à 75 ans"}


@dataclass(frozen=True)
class Besoin:
    section: str  # "identites" | "titulaires" | "accueillants" (the recette file's sections)
    fiche: str  # what the record must be, in French


def _ue_europeen(match: re.Match[str]) -> list[Besoin]:
    lien = match.group("lien")
    needs = [Besoin("titulaires", f"{UE}, {AGES_UE.get(lien, '25 à 60 ans')} ({lien} d'un accueillant européen)")]
    if match.group("titulaire"):
        needs.append(Besoin("accueillants", "citoyen UE/EEE/Suisse avec un numéro étranger et un titre en cours de validité"))
    return needs


RULES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"un demandeur titulaire d'un numéro étranger sans titre de séjour"),
     [Besoin("identites", "numéro étranger sans titre, 23 à 60 ans (compte, chemin B)")]),
    (re.compile(r"un demandeur mineur (non émancipé|émancipé) confié à l'ASE"),
     [Besoin("identites", "numéro étranger sans titre, 16 ou 17 ans (ASE, CAS 1 et 2)")]),
    (re.compile(r"un demandeur majeur .*confié à l'ASE"),
     [Besoin("identites", "numéro étranger sans titre, 18 à 25 ans (ASE, CAS 3)")]),
    (re.compile(r"un titulaire d'un titre de séjour connu du portail"),
     [Besoin("titulaires", "titre de séjour « Vie privée et familiale » valable, fin de validité entre J+1 et J+364, "
                           "23 ans ou plus (compte, chemin C)")]),
    (re.compile(r"un titulaire d'un visa long séjour connu du portail"),
     [Besoin("titulaires", "visa long séjour « VLS-TS » (kind: visa, son propre numéro) valable, fin de validité entre "
                           "J+1 et J+364, 20 ans ou plus (compte, chemin C)")]),
    (re.compile(r"protection internationale au titre « BPS »"),
     [Besoin("titulaires", "titre « BPS », fin de validité entre J+60 et J+120, 23 à 60 ans (renouvellement BPI)")]),
    (re.compile(r"protection internationale au titre « [Rr]éfugié »"),
     [Besoin("titulaires", "titre « Réfugié », fin de validité entre J+60 et J+120, 29 à 60 ans (renouvellement BPI)")]),
    (re.compile(r"un membre de famille conjoint d'un accueillant français"),
     [Besoin("titulaires", f"{UE}, 25 à 60 ans (conjoint d'un Français)")]),
    (re.compile(r"un membre de famille \"(?P<lien>[^\"]+)\" d'un accueillant européen \"[^\"]+\" "
                r"(?P<titulaire>titulaire d'un titre de séjour)?"), _ue_europeen),
]


def needs_of(sentence: str) -> list[Besoin]:
    for pattern, needs in RULES:
        match = pattern.search(sentence)
        if match:
            return needs(match) if callable(needs) else list(needs)
    return []


def _steps(item: pytest.Item) -> list[Any]:
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    test = getattr(item, "obj", None)
    template = scenario_wrapper_template_registry.get(test) if callable(test) else None
    if template is None:
        return []
    example = getattr(getattr(item, "callspec", None), "params", {}).get("_pytest_bdd_example", {})
    return template.render(example).steps


@dataclass
class Tally:
    scenarios: int = 0
    fiches: Counter[tuple[str, str]] = field(default_factory=Counter)
    horloge: int = 0
    backoffice: int = 0


TALLY = pytest.StashKey[Tally]()
AGENT = re.compile(r"^l'agent |^l'instruction de ma demande commence")


def pytest_collection_finish(session: pytest.Session) -> None:
    tally = Tally()
    for item in session.items:
        steps = _steps(item)
        if not steps:
            continue
        tally.scenarios += 1
        for step in steps:
            if step.type == "given":
                tally.fiches.update((b.section, b.fiche) for b in needs_of(step.name))
        if item.get_closest_marker("horloge"):
            tally.horloge += 1
        if any(AGENT.search(step.name) for step in steps):
            tally.backoffice += 1
    session.config.stash[TALLY] = tally


def report(tally: Tally) -> list[str]:
    lines = [f"Besoins des {tally.scenarios} scénarios sélectionnés (dates relatives au jour de l'exécution : J+N) :"]
    for section in ("identites", "titulaires", "accueillants"):
        rows = sorted(((n, fiche) for (s, fiche), n in tally.fiches.items() if s == section), key=lambda r: r[1])
        lines.append(f"  {section} : {sum(n for n, _ in rows)} fiche(s)")
        lines.extend(f"    {n} × {fiche}" for n, fiche in rows)
    lines.append(f"  horloge : {tally.horloge} scénario(s) @horloge (--horloge ; sans elle, non joués)")
    lines.append(f"  back-office : {tally.backoffice} scénario(s) où l'agent agit (--backoffice agent, manuel ou greffon)")
    lines.append("Chaque fiche sert une seule fois par exécution ; format : docs/recette-exemple.yaml.")
    return lines


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    tally = config.stash.get(TALLY, None)
    if tally is not None:
        terminalreporter.section("référentiel : besoin")
        for line in report(tally):
            terminalreporter.write_line(line)
