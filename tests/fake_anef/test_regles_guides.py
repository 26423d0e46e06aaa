"""Issue 15's rules over HTTP (no browser), one test per rule and its refusal: guide 05's matrix
(5/7 prise en charge, the host title started 7 months ago or less, the French accueillant's
conjoint, the other member state and the stay's dates)."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

from starlette.testclient import TestClient

from tests.fake_anef.test_web_famille_ue import (  # noqa: F401  (client: a fixture)
    CONFIRMER,
    TITRES,
    _date,
    _post,
    avec_titre,
    client,
    field_error,
    justificatifs,
    modalites,
    register_accueillant,
    start,
    visible,
)


def error_of(page_html: str, name: str) -> str:
    """The error the page shows for `name` (a radio group's is tied to its fieldset)."""
    match = re.search(rf'id="err-{name}"[^>]*>(.*?)</', page_html, re.S)
    return html.unescape(match.group(1)).strip() if match else ""


RECENT = "Justificatifs du droit au séjour de l'accueillant avant la délivrance de son titre de séjour *"


# Guide 05, 5/7 ---------------------------------------------------------------------------------
def test_a_salaried_accueillant_s_spouse_gives_no_prise_en_charge_but_a_dependant_does(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    spouse = justificatifs(client, smtp_sink, accueillant="europeenne", activite="salarié", lien="conjoint", plus_5_ans="oui")
    assert TITRES["salarie"] in spouse and TITRES["pec_salarie"] not in spouse
    page = _post(client, "modalites-du-sejour", modalites(accueillant="europeenne", activite="salarié",
                                                         lien="personne à charge", plus_5_ans="oui", situation="Célibataire"))
    assert TITRES["pec_salarie"] in visible(page.text)


# Guide 05, 1/7, 3/7, 7/7, RESSOURCES -----------------------------------------------------------
def _host_title_started(client: TestClient, smtp_sink, days_ago: int) -> str:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    debut = _date("accueillant_titre_debut", date.today() - timedelta(days=days_ago))
    assert _post(client, "modalites-du-sejour", {**avec_titre(titre_permanent_accueillant="non", **debut),
                                                 "_action": CONFIRMER}).status_code == 200
    saved = _post(client, "modalites-du-sejour", avec_titre(titre_permanent_accueillant="non", **debut))
    assert saved.url.path.endswith("/justificatifs"), html.unescape(saved.text)[-2000:]
    return visible(saved.text)


def test_a_host_title_started_7_months_ago_or_less_spares_resources_and_health_insurance(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    shown = _host_title_started(client, smtp_sink, days_ago=150)
    assert TITRES["ressources"] not in shown and TITRES["assurance"] not in shown and "<h3>RESSOURCES</h3>" not in shown
    assert RECENT in shown and TITRES["droit_sejour"] not in shown  # 1/7: only the period before the title


def test_a_host_title_started_more_than_7_months_ago_brings_no_exemption(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    shown = _host_title_started(client, smtp_sink, days_ago=400)
    assert TITRES["ressources"] in shown and TITRES["assurance"] in shown and TITRES["droit_sejour"] in shown
    assert RECENT not in shown


# Guide 05, 4/9 and 8/9: a French accueillant's family member is his married spouse ---------------
def test_a_french_accueillant_s_conjoint_who_is_single_or_pacsed_is_stopped(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    for situation in ("Célibataire", "Pacsé(e)"):
        page = _post(client, "modalites-du-sejour", modalites(situation=situation))
        text = html.unescape(page.text)
        assert "Demandeur non éligible" in text and "votre situation familiale ne correspond pas à un mariage" in text
        assert not page.url.path.endswith("/justificatifs")
    married = _post(client, "modalites-du-sejour", modalites())
    assert married.url.path.endswith("/justificatifs")


# Guide 05, 9/9: the other member state, and the dates against "plus de trois mois" --------------
def test_the_other_state_is_a_member_state(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    form = client.get("/teleprocedures/famille-ue/etapes/modalites-du-sejour").text
    pays = form[form.index('name="sejour_autre_etat_pays"'):]
    pays = pays[: pays.index("</select>")]
    assert 'value="BE"' in pays and 'value="CH"' in pays and 'value="NO"' in pays and 'value="LI"' in pays
    assert 'value="MA"' not in pays and 'value="FR"' not in pays
    refused = _post(client, "modalites-du-sejour", modalites(sejour_autre_etat_pays="MA"))
    assert refused.status_code == 422 and field_error(refused.text, "sejour_autre_etat_pays")


def test_the_stay_s_dates_must_agree_with_more_than_three_months(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    short = {**_date("sejour_autre_etat_debut", date(2020, 1, 10)), **_date("sejour_autre_etat_fin", date(2020, 4, 10))}
    page = _post(client, "modalites-du-sejour", modalites(sejour_autre_etat_plus_3_mois="oui", **short))
    assert page.status_code == 422
    assert "trois mois ou moins" in error_of(page.text, "sejour_autre_etat_plus_3_mois")
    page = _post(client, "modalites-du-sejour", modalites(sejour_autre_etat_plus_3_mois="non"))  # 2019-2021
    assert "séjour de plus de trois mois" in error_of(page.text, "sejour_autre_etat_plus_3_mois")
    longer = {**short, **_date("sejour_autre_etat_fin", date(2020, 4, 11))}
    ok = _post(client, "modalites-du-sejour", modalites(sejour_autre_etat_plus_3_mois="oui", **longer))
    assert ok.url.path.endswith("/justificatifs")


def test_mois_apres_and_aujourdhui_in_conditions() -> None:
    from fake_anef.engine.conditions import parse

    today = date(2026, 11, 29)
    assert parse("mois_apres(d, 3)").evaluate({"d": date(2020, 1, 31)}, today) == date(2020, 4, 30)
    assert parse("mois_apres(d, 1)").evaluate({"d": date(2021, 1, 31)}, today) == date(2021, 2, 28)
    assert parse("aujourdhui() <= mois_apres(d, 7)").test({"d": date(2026, 4, 29)}, today)
    assert not parse("aujourdhui() <= mois_apres(d, 7)").test({"d": date(2026, 4, 28)}, today)
    assert parse("mois_apres(d, 7)").evaluate({"d": None}, today) is None


# Guide 01 FAQ 10: "sa validité est de 6 mois" (the code's date registered by the operator API) ----
def test_an_e_photo_code_older_than_6_months_is_refused_next_to_the_field(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    justificatifs(client, smtp_sink)
    old, recent = "1" * 22, "2" * 22
    taken = date.today() - timedelta(days=200)
    client.post("/__sim__/ephotos", json={"numero": old, "date_prise": taken.isoformat()}).raise_for_status()
    client.post("/__sim__/ephotos", json={"numero": recent, "date_prise": (date.today() - timedelta(days=150)).isoformat()}).raise_for_status()
    page = _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": old})
    assert page.status_code == 422
    assert error_of(page.text, "ephoto") == ("Ce numéro ephoto n'est plus valide : la validité d'un code e-photo est de 6 mois "
                                             f"(code obtenu le {taken:%d/%m/%Y}). Vous devrez refaire une e-photo.")
    page = _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": recent})
    assert not error_of(page.text, "ephoto")
    assert client.post("/__sim__/ephotos", json={"numero": "12", "date_prise": "2026-01-01"}).status_code == 422
