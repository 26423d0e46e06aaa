"""The named people of the guides carry the guides' values."""

from __future__ import annotations

import re
from datetime import date

import pytest

from personas.countries import adresses, pays_par_nom
from personas.factory import add_months
from personas.model import fr, mot_de_passe_valide
from personas.reference import (
    COLLINS_MARSHALL,
    DCEM_ETRANGER,
    ETRANGER_MINEUR,
    RECETTE_METIER,
    REFERENCES,
    TEST_TEST,
    reference,
)


def test_collins_marshall_guide_02():
    d = COLLINS_MARSHALL
    assert (d.nom, d.prenoms) == ("COLLINS", ["Marshall"])
    assert fr(d.date_naissance) == "04/03/1990"
    assert (d.ville_naissance, d.pays_naissance) == ("Montréal", "Canada")
    assert d.nationalite_adjectif == "canadien" and d.cas == 1
    assert d.adresse.ligne() == "25 Rue Nationale 59000 Lille" and d.adresse.code_insee == "59350"
    assert REFERENCES["COLLINS_MARSHALL"].numero_demande == "5901202212220000370"
    assert d.parent_francais is not None


def test_ase_minor_guide_03():
    d = ETRANGER_MINEUR
    assert (d.nom, d.prenoms, d.sexe) == ("Etranger", ["Mineur"], "M")
    assert fr(d.date_naissance) == "10/08/2006"
    assert (d.ville_naissance, d.pays_naissance, d.nationalites) == ("Brasilia", "Brésil", ["BR"])
    assert d.nationalite_adjectif == "brésilien"
    assert d.adresse.ligne() == "20 Rue Nationale 59800 Lille"
    assert d.telephone == "0101010101"
    assert fr(d.date_prise_en_charge_ase) == "16/04/2018"
    assert d.date_prise_en_charge_ase <= date(2022, 8, 10)  # on or before the 16th birthday
    assert d.age(REFERENCES["ETRANGER_MINEUR"].date_scene) == 17


def test_dcem_and_test_guide_03():
    assert (DCEM_ETRANGER.numero_etranger, fr(DCEM_ETRANGER.date_naissance)) == (
        "5903007192", "21/02/2006")
    assert (DCEM_ETRANGER.ville_naissance, DCEM_ETRANGER.pays_naissance) == ("Tunis", "Tunisie")
    assert REFERENCES["DCEM_ETRANGER"].numero_demande == "5901202308160000184"
    assert (TEST_TEST.numero_etranger, fr(TEST_TEST.date_naissance)) == ("5908002016", "14/09/2007")
    assert TEST_TEST.pays_naissance == "Mexique" and TEST_TEST.nationalites == ["MX"]


def test_bps_holder_guide_04():
    d = RECETTE_METIER
    assert (d.nom, d.prenoms, d.sexe) == ("Recette métier", ["Testun"], "M")
    assert fr(d.date_naissance) == "05/04/1982"
    assert (d.ville_naissance, d.pays_naissance, d.nationalite_adjectif) == (
        "Kaboul", "Afghanistan", "afghan")
    assert d.numero_etranger == "7503136189"
    assert (d.titre.categorie, d.titre.mention) == (
        "BPS", "BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE")
    scene = REFERENCES["RECETTE_METIER"].date_scene
    assert add_months(scene, 2) <= d.titre.date_fin <= add_months(scene, 4)


@pytest.mark.parametrize("cle", sorted(REFERENCES))
def test_every_reference_is_consistent(cle):
    r = REFERENCES[cle]
    d = r.demandeur
    assert r.guide and r.note
    assert d.email.endswith("@example.org")
    assert mot_de_passe_valide(d.mot_de_passe)
    assert re.fullmatch(r"\d{22}", d.ephoto) and re.fullmatch(r"0\d{9}", d.telephone)
    assert d.numero_etranger is None or re.fullmatch(r"\d{10}", d.numero_etranger)
    assert r.numero_demande is None or re.fullmatch(r"\d{19}", r.numero_demande)
    assert pays_par_nom(d.pays_naissance).code == d.nationalites[0]
    assert d.adresse in set(adresses())
    if d.date_entree_france:
        assert d.date_naissance < d.date_entree_france <= r.date_scene
    if d.parcours == "ase":
        assert d.numero_etranger and not d.titres


def test_reference_returns_a_copy():
    a = reference("collins_marshall")
    a.nom = "X"
    assert COLLINS_MARSHALL.nom == "COLLINS"
    with pytest.raises(ValueError):
        reference("NOBODY")
