"""The guide 03 checks of the confirmation of the dépôt (harness.ase.compare): they pass on the
portal's conformant PDF and are seen to fail on faulty ones (the wrong title, no numéro étranger,
the Schengen sentence missing, every prénom printed instead of the one the administration holds)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fake_anef.documents.demande import confirmation_pdf
from fake_anef.engine.definition import Paragraphe, by_id
from harness import ase
from harness.documents import PdfDocument
from personas.model import Adresse, Demandeur

DEFINITION = by_id("vpf-ase")


def persona() -> Demandeur:
    return Demandeur(
        nom="Dcem", prenoms=["Etranger", "Mineur"], sexe="M", date_naissance=date(2006, 2, 21), ville_naissance="Tunis",
        pays_naissance="Tunisie", nationalites=["TN"], email="m@example.org", telephone="0639980000",
        adresse=Adresse("20", "Rue Nationale", "", "59800", "Lille", "France", "59350"), mot_de_passe="Abcdef1!",
        ephoto="0" * 22, numero_etranger="5903007192",
    )


def printed(**over: str) -> dict[str, str]:
    """What the portal prints for the persona above (the guide's example, guide 03 étape 5)."""
    values = {
        "numero_demande": "5901202308160000184", "numero_etranger": "5903007192", "date_emission": "16/08/2023",
        "date_depot": "16/08/2023", "nom_naissance": "Dcem", "nom_usage": "", "prenoms": "Etranger",
        "date_naissance": "21/02/2006", "lieu_naissance": "Tunis", "pays_naissance": "Tunisie",
        "nationalite": "Tunisienne", "adresse": "20 Rue Nationale 59800 Lille France",
    }
    values.update(over)
    return values


def document(definition=DEFINITION, **over: str) -> PdfDocument:  # type: ignore[no-untyped-def]
    return PdfDocument("confirmation.pdf", confirmation_pdf(definition, printed(**over)))


def test_the_portal_s_confirmation_passes() -> None:
    result = ase.compare(document(), persona())
    assert result.problems == []
    assert result.printed["Prénom"] == "ETRANGER" and result.printed["A"] == "TUNIS, TUNISIE"


@pytest.mark.parametrize(("over", "problem"), [
    ({"numero_etranger": ""}, "Identifiant (N° étranger)"),
    ({"prenoms": "Etranger Mineur"}, "Prénom"),
    ({"nationalite": "Algérienne"}, "Nationalité"),
])
def test_a_faulty_field_fails(over: dict, problem: str) -> None:
    assert any(p.startswith(problem) for p in ase.compare(document(**over), persona()).problems)


def test_the_guide_02_title_or_a_missing_schengen_sentence_fails() -> None:
    c = DEFINITION.confirmation
    guide_02 = replace(DEFINITION, confirmation=replace(c, titre="CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE"))
    assert any(p.startswith("G03-ETAPE-5-CONFIRMATION-DEPOT-UNE (exigence normative) non respectée")
               for p in ase.compare(document(guide_02), persona()).problems)
    without = replace(DEFINITION, confirmation=replace(c, paragraphes=tuple(
        p for p in c.paragraphes if "Schengen" not in p.texte)))
    assert any("Schengen" in p for p in ase.compare(document(without), persona()).problems)
    assert all(isinstance(p, Paragraphe) for p in c.paragraphes)
