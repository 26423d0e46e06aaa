"""Properties of the account pages, for every input hypothesis draws (issue 4): the password rule
of the guides, free text never breaks a page, and a refusal keeps what was typed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from personas.strategies import free_texts, passwords

from .conftest import PortalClient, examples

FAST = settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ACCEPTED = "Je n&#39;ai pas de numéro d&#39;étranger et je souhaite faire une première demande en ligne :"


def password_is_accepted_iff_rules_hold(portal: PortalClient, password: str, broken: frozenset[str]) -> None:
    portal.temporary_account()
    page = portal.http.post("/compte/reinitialisation", data={"mot_de_passe": password, "confirmation": password})
    assert page.status_code < 500
    accepted = ACCEPTED in page.text
    assert accepted == (not broken), (password, sorted(broken), page.status_code)
    if broken:
        assert page.status_code == 422 and 'aria-describedby="err-mot_de_passe"' in page.text


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name"):
            self.values[found["name"]] = found.get("value") or ""  # type: ignore[index]


def input_values(page: str) -> dict[str, str]:
    """The value of every input, as the browser would show it (entities decoded)."""
    parser = _Inputs()
    parser.feed(page)
    return parser.values


def password_property(test):  # type: ignore[no-untyped-def]
    """Random passwords, plus the one-rule-missing examples hypothesis might not draw in a short run."""
    test = given(candidate=passwords())(test)
    for password, rule in [("Ab1!efg", "longueur"), ("abcdef1!", "majuscule"), ("ABCDEF1!", "minuscule"),
                           ("Abcdefg!", "chiffre"), ("Abcdefg1", "special")]:
        test = example(candidate=(password, frozenset({rule})))(test)
    return test


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@password_property
def test_a_password_is_accepted_iff_the_guide_rule_holds(portal: PortalClient, candidate: tuple[str, frozenset[str]]) -> None:
    password_is_accepted_iff_rules_hold(portal, *candidate)


def test_the_property_fails_on_a_portal_that_accepts_a_password_without_special_character(make_portal) -> None:  # type: ignore[no-untyped-def]
    broken_portal = make_portal(frozenset({"mot_de_passe_sans_special"}))

    @settings(max_examples=5, deadline=None, database=None)
    @password_property
    def run(candidate: tuple[str, frozenset[str]]) -> None:
        password_is_accepted_iff_rules_hold(broken_portal, *candidate)

    with pytest.raises(AssertionError, match="special"):
        run()


@FAST
@given(nom=free_texts(max_size=400), prenom=free_texts(max_size=400))
def test_free_text_in_the_numero_form_is_escaped_and_never_a_server_error(portal: PortalClient, nom: str, prenom: str) -> None:
    page = portal.http.post("/compte/numero-etranger", data={
        "numero_etranger": "7501234567", "nom": nom, "prenom": prenom, "naissance_jour": "01",
        "naissance_mois": "2", "naissance_annee": "1990", "pays_naissance": "SN", "nationalite": "SN",
    })
    assert page.status_code == 422
    assert "<script" not in page.text.lower().replace('<script src=', '')
    values = input_values(page.text)
    for value, name in ((nom, "nom"), (prenom, "prenom")):
        # what was typed comes back in its field, as text (escaped in the HTML): nothing typed is lost
        assert values[name] == value.replace("\r\n", "\n").replace("\r", "\n") or values[name] == value
        if len(value.strip()) > 200:
            assert "Ce champ ne peut pas dépasser 200 caractères." in page.text


@FAST
@given(jour=st.integers(-5, 40), mois=st.integers(0, 13), annee=st.integers(0, 12000))
def test_any_date_triple_is_refused_with_a_message_or_accepted_never_a_500(portal: PortalClient, jour: int, mois: int, annee: int) -> None:
    page = portal.http.post("/compte/creation", data={
        "numero": "7501234567", "debut_jour": str(jour), "debut_mois": str(mois), "debut_annee": str(annee),
        "fin_jour": "01", "fin_mois": "1", "fin_annee": "2030",
    })
    assert page.status_code == 422
    assert any(m in page.text for m in (
        "Cette date n&#39;existe pas.", "L&#39;année s&#39;écrit avec 4 chiffres.",
        "Les informations saisies ne correspondent à aucun titre de séjour ni visa connu.",
        "La date de fin de validité doit être postérieure à la date de début.",
        "Indiquez le jour, le mois et l&#39;année",
    ))
