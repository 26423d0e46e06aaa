"""The famille UE confirmation check (harness/famille_ue.compare): it passes on the portal's
confirmation for a persona, and fails, on the faulty line, when the identity, the nationality, the
address, the accueillant or the link is wrong, or when a line that must be absent is printed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fake_anef.documents.demande import confirmation_pdf
from fake_anef.engine.definition import by_id
from harness import famille_ue
from harness.documents import PdfDocument
from personas.countries import pays_par_code
from personas.factory import PersonaFactory
from personas.model import Demandeur

DEFINITION = by_id("famille-ue")


def persona(titre: bool = True) -> Demandeur:
    factory = PersonaFactory(20261122, today=date(2026, 11, 22))
    if titre:
        return factory.famille_ue(accueillant="européen", lien="conjoint", activite="salarié", accueillant_titre=True)
    return factory.famille_ue(accueillant="français", lien="conjoint", activite="salarié")


def printed(p: Demandeur, **over: str) -> dict[str, str]:
    """What the portal prints for `p` (its display values: dates DD/MM/YYYY, countries by name)."""
    a, h = p.adresse, p.accueillant
    values = {
        "numero_demande": f"{a.code_postal[:2]}01202611220000001", "numero_etranger": p.numero_etranger or "",
        "date_emission": "22/11/2026", "date_depot": "22/11/2026", "nom_naissance": p.nom, "nom_usage": "",
        "prenoms": " ".join(p.prenoms), "date_naissance": f"{p.date_naissance:%d/%m/%Y}", "lieu_naissance": p.ville_naissance,
        "pays_naissance": p.pays_naissance, "nationalite": pays_par_code(p.nationalites[0]).nationalite_f,
        "adresse": " ".join(x for x in (a.numero, a.voie, a.complement, a.code_postal, a.ville, a.pays) if x),
        "lien": famille_ue.LIENS[h.lien], "accueillant_nom": h.personne.nom, "accueillant_prenoms": " ".join(h.personne.prenoms),
        "accueillant_nationalite": pays_par_code(h.personne.nationalites[0]).nationalite_m,
        "accueillant_numero": h.personne.numero_etranger or "",
        "accueillant_identite_confirmee": "Identité confirmée" if h.personne.numero_etranger else "",
    }
    values.update(over)
    return values


def document(p: Demandeur, **over: str) -> PdfDocument:
    return PdfDocument("confirmation.pdf", confirmation_pdf(DEFINITION, printed(p, **over)))  # type: ignore[arg-type]


@pytest.mark.parametrize("titre", [True, False])
def test_the_portal_s_confirmation_passes(titre: bool) -> None:
    p = persona(titre)
    result = famille_ue.compare(document(p), p)
    assert result.problems == []
    assert result.printed["Lien avec l'accueillant"] == "CONJOINT"
    assert ("Identité de l'accueillant" in result.printed) is titre


@pytest.mark.parametrize(("fault", "label"), [
    ({"nom_naissance": "Autre"}, "Nom de naissance"),
    ({"date_naissance": "01/01/1901"}, "Né(e) le"),
    ({"nationalite": "Américaine"}, "Nationalité"),
    ({"adresse": "1 Rue Fausse 75001 Paris France"}, "Adresse"),
    ({"lien": "Ascendant direct"}, "Lien avec l'accueillant"),
    ({"accueillant_nom": "Autre"}, "Nom de l'accueillant"),
    ({"accueillant_prenoms": "Autre"}, "Prénom(s) de l'accueillant"),
    ({"accueillant_nationalite": "Américain"}, "Nationalité de l'accueillant"),
    ({"accueillant_numero": "0000000000"}, "N° étranger de l'accueillant"),
    ({"accueillant_identite_confirmee": ""}, "Identité de l'accueillant"),
])
def test_a_faulty_confirmation_fails_on_the_faulty_line(fault: dict, label: str) -> None:
    p = persona()
    result = famille_ue.compare(document(p, **fault), p)
    assert any(problem.startswith(label) for problem in result.problems), result.problems
    with pytest.raises(AssertionError, match="ne correspond pas au demandeur"):
        result.check()


def test_an_accueillant_without_title_must_not_be_printed_confirmed() -> None:
    p = persona(titre=False)
    result = famille_ue.compare(document(p, accueillant_identite_confirmee="Identité confirmée"), p)
    assert result.problems == ["Identité de l'accueillant : lu « IDENTITÉ CONFIRMÉE », attendu absent"]


def test_letters_beyond_latin_1_are_printed_and_read_back() -> None:
    p = persona()
    p = replace(p, nom="Nağıoğlu", prenoms=["Çingiz", "Łukasz"])
    assert famille_ue.compare(document(p), p).problems == []
    assert "NAĞIOĞLU" in document(p).flat
