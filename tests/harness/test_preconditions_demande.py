"""A demande filled the fast way (over HTTP, harness.demarche_http) is the demande the browser way
fills (issue 19 point 2): for the same persona (a married applicant with two children, several
prénoms and two nationalities, so that every kind of field, "+ Ajouter …", the address type-ahead,
the ephoto and the files are used), the portal then shows the same thing at every step (what each
step's form holds, its page), and the dépôt gives the same confirmation de dépôt and the same demande
on the agent's side. The two applicants differ only by their e-mail and ephoto (an ephoto serves one
demande only). Both accounts are opened the fast way: that the fast account is the browser's is
tests/harness/test_preconditions.py's (per way of opening one); what differs here is the demande.
Runs against the bundled portal (the fast way needs its operator API)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest

from harness import bpi, instruction, journeys, parcours
from harness import enfant_de_francais as edf
from harness.actor import Actor
from harness.demarche_http import over_http
from harness.documents import PdfDocument, download
from harness.operator import OperatorAPI
from harness.preconditions import AUTO, Preconditions, choose
from harness.referentiel import Referentiel
from harness.target import Target

EDF = parcours.PARCOURS["enfant_de_francais"]
BACK, MODIFIER = "Revenir à l'étape précédente", "Modifier ma situation"
# what each step's form holds, as the browser would send it (a file by its name)
FORM_DATA = """() => [...document.forms].filter((f) => f.method === "post").map(
    (f) => [...new FormData(f)].map(([k, v]) => [k, typeof v === "string" ? v : v.name]))"""


def _personas(personas: Any) -> tuple[Any, Any]:
    """The same applicant twice, but for the e-mail and the ephoto."""
    first = personas.enfant_de_francais(nationalite="marocaine", situation="Marié(e)", enfants=2)
    first = dataclasses.replace(first, prenoms=[*first.prenoms[:1], "Anne", "Lou"][:3],
                                nationalites=[first.nationalites[0], "SN"])
    other = personas.enfant_de_francais()
    return first, dataclasses.replace(first, email=other.email, ephoto=other.ephoto)


def _ase_personas(personas: Any, referentiel: Referentiel) -> tuple[Any, Any]:
    """Guide 03's applicant twice (married, two children), each with their own numéro étranger
    registered with the same identity, e-mail and ephoto."""
    first = referentiel.identite(personas, lambda f: f.ase(cas=3, situation="Marié(e)", enfants=2))
    other = personas.ase(cas=3)
    second = referentiel.identite(personas, lambda f: dataclasses.replace(
        first, email=other.email, ephoto=other.ephoto, numero_etranger=other.numero_etranger))
    return first, second


def _title_holders(personas: Any, referentiel: Referentiel, build: Callable[[Any], Any],
                   accueillant: bool = False) -> tuple[Any, Any]:
    """Guides 04-05's applicant twice, each with their own title (its number is the numéro
    étranger), the same identity and dates, their own e-mail and ephoto."""
    first = referentiel.titre(personas, build, tous_les_prenoms=True, accueillant=accueillant)
    other = build(personas)
    titre = dataclasses.replace(first.titres[0], numero=other.numero_etranger)
    second = referentiel.titre(personas, lambda f: dataclasses.replace(
        first, email=other.email, ephoto=other.ephoto, numero_etranger=other.numero_etranger,
        titres=[titre, *first.titres[1:]], titre=titre if first.titre == first.titres[0] else first.titre),
        tous_les_prenoms=True)
    return first, second


def _pair(nom: str, personas: Any, referentiel: Referentiel) -> tuple[Any, Any]:
    if nom == "enfant_de_francais":
        return _personas(personas)
    if nom == "ase":
        return _ase_personas(personas, referentiel)
    if nom == "bpi":
        return _title_holders(personas, referentiel, lambda f: f.bpi(statut="BPS", marie=True, enfants=1))
    return _title_holders(personas, referentiel, lambda f: f.famille_ue(
        accueillant="européen", lien="conjoint", activite="salarié", accueillant_titre=True, enfants=2), accueillant=True)


def _neutral(text: str, persona: Any) -> str:
    """`text` without what differs between the two applicants."""
    text = text.replace(persona.ephoto, "<ephoto>").replace(persona.email, "<email>")
    if persona.numero_etranger:
        text = text.replace(persona.numero_etranger, "<numero_etranger>")
    return " ".join(text.split())


def _page(actor: Actor) -> dict[str, Any]:
    page = actor.browser.page
    current = page.locator('[aria-current="step"]')
    return {"chemin": urlsplit(page.url).path, "titre": page.title(),
            "titres": [" ".join(t.split()) for t in page.get_by_role("heading").all_inner_texts()],
            "etape": re.sub(r"^[\d✓]+ ", "", " ".join(current.inner_text().split())) if current.count() else None,
            "formulaires": page.evaluate(FORM_DATA),
            "texte": _neutral(page.get_by_role("main").inner_text(), actor.persona)}


def _steps_back(actor: Actor, title: str) -> list[dict[str, Any]]:
    """The page of `title`, then of each step before it, going back with the wizard's buttons
    ("Modifier ma situation" from "Informations personnelles", as guide 02 shows it)."""
    seen = [_page(actor)]
    while seen[-1]["etape"] != f"{EDF.steps[0]} (étape en cours)":
        on_second = seen[-1]["etape"] == f"{EDF.steps[1]} (étape en cours)"
        edf.demarche(actor).press(MODIFIER if on_second else BACK)
        seen.append(_page(actor))
        assert len(seen) <= len(EDF.steps), [(p["chemin"], p["etape"]) for p in seen]
    return seen


def _ways(target: Target) -> tuple[Preconditions, Preconditions]:
    fast, browser_way = choose(target, AUTO, in_browser=False), choose(target, AUTO, in_browser=True)
    assert fast.fast and not browser_way.fast, "le portail intégré offre l'API opérateur"
    return fast, browser_way


OPENERS: dict[str, Callable[[Actor, Preconditions], None]] = {
    "enfant_de_francais": edf.open_account, "ase": journeys.create_account_with_number,
    "bpi": bpi.open_account, "famille_ue": bpi.open_account}
CONFIRMATION = {"enfant_de_francais": "Télécharger la confirmation de dépôt",
                "ase": "J'ouvre ma confirmation de dépôt de demande (PDF)",
                "famille_ue": "J'ouvre ma confirmation de dépôt de demande (PDF)"}


def _run(actor_factory: Callable[[Any], Actor], persona: Any, fast: Preconditions, act: Callable[[Actor], Any]) -> Any:
    """`act` played by a new visitor in the same tab, once its account is open (the fast way)."""
    actor = actor_factory(persona)
    actor.browser.page.context.clear_cookies()
    OPENERS[persona.parcours](actor, fast)
    return act(actor)


def _recapitulatif(actor: Actor) -> dict[str, Any]:
    """The page "Récapitulatif" (guides 04-05: every value typed, in all its parts, the closed ones too)."""
    main = actor.browser.page.get_by_role("main")
    return {**_page(actor), "parties": _neutral(main.text_content() or "", actor.persona)}


def _deposited(actor: Actor, journey: parcours.Parcours, operator: OperatorAPI) -> dict[str, Any]:
    """On the page "Confirmation": what it shows, the confirmation de dépôt, the agent's demande, the mail."""
    page = actor.browser.page
    landed = {"chemin": urlsplit(page.url).path, "titres": page.get_by_role("heading").all_inner_texts()}
    name = re.escape(CONFIRMATION[journey.nom]).replace("/", r"\/")
    link = page.get_by_role("link", name=re.compile(name, re.IGNORECASE))
    document: PdfDocument = download(page, link.first.click)
    numero = instruction.numero_demande(actor)
    agent = {k: v for k, v in operator.demande(numero).items() if k not in ("numero", "numero_etranger")}
    comparison = journey.compare(document, actor.persona)
    comparison.check()  # each way's confirmation carries its persona's values
    mail = actor.wait_for_mail(contains="Votre demande de titre de séjour a bien été enregistrée")
    return {"page": landed, "agent": agent,
            "courriel": (mail.subject, _neutral(mail.text, actor.persona), [str(a.get("filename")).replace(numero, "<numero>") for a in mail.attachments]),
            "confirmation": {k: _neutral(v, actor.persona) for k, v in comparison.printed.items()
                             if k != "N° de la demande"},
            "texte": _neutral(document.flat.replace(numero, "<numero>"), actor.persona)}


def _deposit(operator: OperatorAPI, way: Preconditions) -> Callable[[Actor], dict[str, Any]]:
    def act(actor: Actor) -> dict[str, Any]:
        journey = parcours.du(actor)
        # guides 04-05, whose dépôt is on the récapitulatif: that page read before "Déposer la demande"
        seen: list[dict[str, Any]] = []
        journey.deposit(actor, way, before_deposit=(lambda a: seen.append(_recapitulatif(a)))
                        if journey.depot == "Récapitulatif" else None)
        return {"recapitulatif": seen[0] if seen else None, **_deposited(actor, journey, operator)}
    return act


def _on_to_the_depot(actor: Actor, way: Preconditions) -> None:
    """From the first step, back where the fill left off: each step sent again as it shows
    ("Enregistrer et poursuivre"), then "Déposer la demande"; over HTTP for the fast way, as the fill."""
    def forward(d: Any) -> None:
        for step in EDF.steps[1:EDF.steps.index(EDF.depot) + 1]:
            d.press("Enregistrer et poursuivre")
            d.expect_step(step)
        EDF.deposer(actor)
        d.expect_step(EDF.steps[-1])

    if way.fast:
        with over_http(actor, way.base_url) as saisie:
            forward(saisie)
    else:
        forward(parcours.demarche(actor))


def test_a_demande_filled_then_deposited_over_http_is_the_one_the_browser_fills_and_deposits(
        personas: Any, actor_factory: Callable[[Any], Actor], target: Target, operator: OperatorAPI) -> None:
    """Guide 02: filled up to "Dépôt de la demande", each step's page seen going back to the first,
    then on to the dépôt (each step sent again as it shows) — one play of each way for both."""
    title = EDF.depot
    by_browser, by_http = _personas(personas)
    fast, browser_way = _ways(target)
    try:
        def fill(way: Preconditions) -> Callable[[Actor], tuple[list[dict[str, Any]], dict[str, Any]]]:
            def act(actor: Actor) -> tuple[list[dict[str, Any]], dict[str, Any]]:
                EDF.advance_to(actor, title, way)
                pages = _steps_back(actor, title)
                _on_to_the_depot(actor, way)
                return pages, _deposited(actor, EDF, operator)
            return act

        browser_pages, browser_deposit = _run(actor_factory, by_browser, fast, fill(browser_way))
        http_pages, http_deposit = _run(actor_factory, by_http, fast, fill(fast))
    finally:
        if fast.api is not None:
            fast.api.close()
    assert [p["etape"] for p in http_pages] == [f"{t} (étape en cours)" for t in reversed(EDF.steps[:-1])]
    for seen_http, seen_browser in zip(http_pages, browser_pages, strict=True):
        assert seen_http == seen_browser, f"étape « {seen_browser['etape']} »"
    assert http_deposit == browser_deposit
    assert http_deposit["agent"]["etat"] and len(http_deposit["agent"]["justificatifs"]) >= 3
    assert fast.properties == [("preconditions_demande", "http")]
    assert browser_way.properties == [("preconditions_demande", "navigateur")]


@pytest.mark.parametrize("nom", ["ase", "famille_ue"])  # guide 02's: in the test above
def test_a_demande_deposited_over_http_is_the_one_the_browser_deposits(
        nom: str, personas: Any, referentiel: Referentiel, actor_factory: Callable[[Any], Actor], target: Target,
        operator: OperatorAPI) -> None:
    """famille_ue (guide 05) passes through its récapitulatif: that page too is compared."""
    by_browser, by_http = _pair(nom, personas, referentiel)
    fast, browser_way = _ways(target)
    try:
        seen_browser = _run(actor_factory, by_browser, fast, _deposit(operator, browser_way))
        seen_http = _run(actor_factory, by_http, fast, _deposit(operator, fast))
    finally:
        if fast.api is not None:
            fast.api.close()
    assert seen_http == seen_browser
    assert seen_http["agent"]["etat"] and len(seen_http["agent"]["justificatifs"]) >= 3
    if nom == "famille_ue":
        assert seen_http["recapitulatif"]["etape"] == "Récapitulatif (étape en cours)"
    assert fast.properties == [("preconditions_demande", "http")]


@pytest.mark.parametrize("nom", ["bpi"])  # famille_ue's: in the dépôt test above, which passes through it
def test_a_recapitulatif_filled_over_http_is_the_one_the_browser_fills(
        nom: str, personas: Any, referentiel: Referentiel, actor_factory: Callable[[Any], Actor], target: Target) -> None:
    """Guide 04: the récapitulatif shows every value typed (all its parts, the closed ones too)."""
    by_browser, by_http = _pair(nom, personas, referentiel)
    fast, browser_way = _ways(target)

    def fill(way: Preconditions) -> Callable[[Actor], dict[str, Any]]:
        def act(actor: Actor) -> dict[str, Any]:
            parcours.du(actor).advance_to(actor, "Récapitulatif", way)
            return _recapitulatif(actor)
        return act

    try:
        seen_browser = _run(actor_factory, by_browser, fast, fill(browser_way))
        seen_http = _run(actor_factory, by_http, fast, fill(fast))
    finally:
        if fast.api is not None:
            fast.api.close()
    assert seen_http == seen_browser
    assert seen_http["etape"] == "Récapitulatif (étape en cours)"
    assert fast.properties == [("preconditions_demande", "http")]
