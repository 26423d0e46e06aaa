"""Fast preconditions (issue 19 point 2) leave the portal and the browser as the browser's own
journey does: the same account (kind, active, password set, no reset pending, the holder's name and
numéro étranger) and the same page, connected, for each of the three ways of opening an account
(guide 02 path a, guide 03 path b, guide 04 path c). Runs against the bundled portal (it needs the
operator API to set the fast way up and to read the account back)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from harness import bpi, journeys
from harness import enfant_de_francais as edf
from harness.actor import Actor
from harness.operator import OperatorAPI
from harness.preconditions import AUTO, Preconditions, choose
from harness.referentiel import Referentiel
from harness.target import Target

Opener = Callable[[Actor, "Preconditions | None"], None]


def _two_prenoms(persona: Any) -> Any:
    """Two prénoms at least, so that the holder registered with the first one or with all of them
    are told apart."""
    return dataclasses.replace(persona, prenoms=[*persona.prenoms[:1], "Anne", "Lou"][:max(2, len(persona.prenoms))])


def _persona(chemin: str, personas: Any, referentiel: Referentiel) -> Any:
    if chemin == "a":
        return personas.enfant_de_francais()
    if chemin == "b":
        return referentiel.identite(personas, lambda f: _two_prenoms(f.ase(cas=3)))
    return referentiel.titre(personas, lambda f: _two_prenoms(f.bpi(statut="BPS", marie=False)), tous_les_prenoms=True)


OPENERS: dict[str, Opener] = {"a": edf.open_account, "b": journeys.create_account_with_number, "c": bpi.open_account}


def _holder(account: dict[str, Any], persona: Any) -> str | None:
    if not account["numero_etranger"]:
        return "aucun" if (account["nom"], account["prenom"]) == ("", "") else None
    if account["nom"] != persona.nom:
        return None
    return {persona.prenoms[0]: "premier prénom", " ".join(persona.prenoms): "tous les prénoms"}.get(account["prenom"])


def _state(actor: Actor, operator: OperatorAPI) -> dict[str, Any]:
    """What the portal holds and what the browser shows once the account is open."""
    page = actor.browser.page
    identifiant = actor.identifiant
    account = operator.account(identifiant)
    expect(page.get_by_text(identifiant, exact=True).first).to_be_visible()  # connected as this account
    return {
        "compte": {k: v for k, v in account.items() if k not in ("identifiant", "email", "nom", "prenom", "numero_etranger")},
        "identifiant": identifiant == (actor.persona.numero_etranger if account["numero_etranger"] else actor.email.lower()),
        "email": account["email"] == actor.email,
        # the holder as registered: the first prénom, or all of them (path c registers every prénom);
        # which one is compared between the two ways (tests/harness/test_preconditions_demande.py opens
        # its accounts the fast way and counts on it)
        "titulaire": _holder(account, actor.persona),
        "mot_de_passe": actor.mot_de_passe == actor.persona.mot_de_passe,
        "page": urlsplit(page.url).path,
        "titre_de_page": page.title(),
        "titres": [" ".join(t.split()) for t in page.get_by_role("heading").all_inner_texts()],
    }


@pytest.mark.parametrize("chemin", ["a", "b", "c"])
def test_fast_and_browser_preconditions_leave_the_same_state(
        chemin: str, personas: Any, referentiel: Referentiel, actor_factory: Callable[[Any], Actor],
        target: Target, operator: OperatorAPI) -> None:
    fast = choose(target, AUTO, in_browser=False)
    assert fast.fast, "le portail intégré offre l'API opérateur : les préconditions rapides s'appliquent"
    browser_way = choose(target, AUTO, in_browser=True)
    assert not browser_way.fast
    try:
        par_navigateur = actor_factory(_persona(chemin, personas, referentiel))
        par_navigateur.browser.page.context.clear_cookies()  # a new visitor: no session left by an earlier test
        OPENERS[chemin](par_navigateur, browser_way)
        state_browser = _state(par_navigateur, operator)
        par_navigateur.browser.page.context.clear_cookies()  # the same tab, a new visitor

        par_api = actor_factory(_persona(chemin, personas, referentiel))
        OPENERS[chemin](par_api, fast)
        state_fast = _state(par_api, operator)
    finally:
        if fast.api is not None:
            fast.api.close()
    assert state_fast == state_browser
    assert state_fast["compte"] == {"kind": "temporaire" if chemin == "a" else "usager", "active": True,
                                    "must_reset": False, "mot_de_passe": True}
    assert all(state_fast[k] for k in ("identifiant", "email", "titulaire", "mot_de_passe"))


def test_deployment_mode_and_the_option_keep_the_browser(target: Target) -> None:
    """No operator API (a vendor's deployment, scripts/deploiement.sh) or --preconditions navigateur:
    the browser."""
    without_api = Target(base_url=target.base_url, mailbox_url=target.mailbox_url, operator_url=None)
    assert not choose(without_api, AUTO, in_browser=False).fast
    assert not choose(target, "navigateur", in_browser=False).fast
