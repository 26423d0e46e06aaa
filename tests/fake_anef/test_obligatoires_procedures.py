"""Required means required in guides 03, 04 and 05 too (issue 16 pt 2; guide 02 is in
tests/properties/test_obligatoires.py), over HTTP: at each input step, each field whose label carries
the guides' "*" is left empty in turn (among the valid answers the journey gives) and refused next to
it with nothing saved lost; at "Justificatifs", nothing joined is refused next to each starred
justificatif shown. One portal per procedure, the fields tried in a loop (fast: no portal per case)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from fake_anef.engine.registry import by_id
from fake_anef.engine.schema import Bloc
from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from tests.fake_anef import test_web_ase as ase
from tests.fake_anef import test_web_bpi as bpi
from tests.fake_anef import test_web_famille_ue as ue
from tests.properties.wizard_http import Page
from tests.properties.wizard_saisies import MESSAGES, keys_of


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                        faults=Settings.from_env().faults)
    with TestClient(create_app(settings)) as c:
        yield c


def _ase(client: TestClient, smtp_sink: Any) -> list[tuple[str, dict[str, str]]]:
    naissance = ase.years_ago(17, 30)  # a minor: the attestation "travailler ou faire un stage" is asked
    ase._account(client, smtp_sink, naissance)
    ase._start(client)
    return [("informations-personnelles", ase.informations()),
            ("motif-de-sejour", ase.motif(ase.sixteenth(naissance), ase.sixteenth(naissance), situation_familiale="Marié(e)",
                                          pays_union="FR", **ase._date("date_union", date.today())))]


def _bpi(client: TestClient, smtp_sink: Any) -> list[tuple[str, dict[str, str]]]:
    bpi.connected_holder(client, smtp_sink, jours_restants=100)
    client.post("/espace/situation", data={"motif": "renouvellement"})
    client.post(bpi.BASE)
    return [("informations-personnelles", bpi.informations()),
            ("motif-de-sejour", {"attestation_bps": "oui", "attestation_sanctions": "oui"})]


def _famille_ue(client: TestClient, smtp_sink: Any) -> list[tuple[str, dict[str, str]]]:
    ue.start(client, smtp_sink)  # "Informations personnelles" is saved by the start
    return [("informations-personnelles", bpi.informations()), ("modalites-du-sejour", ue.modalites())]


PROCEDURES: dict[str, tuple[str, str, Callable[[TestClient, Any], list[tuple[str, dict[str, str]]]]]] = {
    "03": ("vpf-ase", ase.BASE, _ase),
    "04": ("bpi-renouvellement", bpi.BASE, _bpi),
    "05": ("famille-ue", ue.BASE, _famille_ue),
}


def refused_next_to_it(bloc: Bloc, errors: dict[str, str]) -> bool:
    if bloc.type == "adresse":
        return bool(errors.get(bloc.id)) and any(k.startswith(f"{bloc.id}_") and v == MESSAGES["obligatoire"]
                                                 for k, v in errors.items())
    name = f"{bloc.id}-0" if bloc.multiple else bloc.id
    expected = MESSAGES["attestation"] if bloc.type == "attestation" else MESSAGES["obligatoire"]
    return errors.get(name) == expected or (bloc.type != "attestation" and bool(errors.get(name)))


def hidden_names(page: Page) -> set[str]:
    """The names of the fields the page hides (a condition of the definition not met)."""
    return {str(n.attrs.get("name")) for box in page.root.iter() if "hidden" in box.attrs
            for n in box.iter() if n.attrs.get("name")}


@pytest.mark.parametrize("guide", sorted(PROCEDURES))
def test_each_starred_field_and_justificatif_left_empty_is_refused_next_to_it(client: TestClient, smtp_sink, guide: str) -> None:  # type: ignore[no-untyped-def]
    procedure_id, base, reach = PROCEDURES[guide]
    definition = by_id(procedure_id)
    assert definition is not None
    steps = reach(client, smtp_sink)
    problems: list[str] = []
    tried = 0
    for step_id, values in steps:
        saved = client.post(f"{base}/etapes/{step_id}", data=values)
        assert saved.status_code == 200 and not saved.url.path.endswith(step_id), (step_id, Page(saved).errors())
        before = {s: Page(client.get(f"{base}/etapes/{s}")).shown() for s, _ in steps}
        hidden = hidden_names(Page(client.get(f"{base}/etapes/{step_id}")))
        for bloc in definition.step(step_id).fields():
            emptied = keys_of(bloc, values)
            if "*" not in bloc.label or not emptied or set(emptied) <= hidden:
                continue  # not required, or not asked with these answers (its condition hides it)
            tried += 1
            page = Page(client.post(f"{base}/etapes/{step_id}", data={**values, **dict.fromkeys(emptied, "")}))
            if page.status != 422 or not refused_next_to_it(bloc, page.errors()):
                problems.append(f"{step_id}: « {bloc.label} » laissé vide : {page.status} {page.errors()}")
            after = {s: Page(client.get(f"{base}/etapes/{s}")).shown() for s, _ in steps}
            if after != before:
                problems.append(f"{step_id}: « {bloc.label} » laissé vide a perdu ou changé ce qui était enregistré")
    page = Page(client.post(f"{base}/etapes/justificatifs", data={}))  # nothing joined
    shown = [n.attrs["aria-labelledby"][2:] for n in page.root.find_all("section")  # type: ignore[index]
             if n.has_class("justificatif") and "hidden" not in n.attrs]
    starred = [j for j in shown if "*" in definition.justificatifs[j].page.titre or "*" in definition.justificatifs[j].label]
    assert starred, shown
    for jid in starred:
        tried += 1
        if not page.error(jid if jid == "ephoto" else f"fichier-{jid}"):
            problems.append(f"justificatifs: « {definition.justificatifs[jid].page.titre} » vide sans refus à côté")
    print(f"guide {guide} : {tried} éléments obligatoires essayés")
    assert tried >= 6, tried
    assert not problems, "\n".join(problems)

