"""The dataclasses of personas.model: rendering helpers and derived properties."""

from __future__ import annotations

from datetime import date

import pytest

from personas.model import (
    Adresse,
    Demandeur,
    Personne,
    Titre,
    age_at,
    fr,
    mot_de_passe_valide,
    regles_mot_de_passe_enfreintes,
)


def _demandeur(**kw) -> Demandeur:
    base = dict(
        nom="Ben Saïd",
        prenoms=["Amina", "Leïla"],
        sexe="F",
        date_naissance=date(2000, 2, 29),
        ville_naissance="Tunis",
        pays_naissance="Tunisie",
        nationalites=["TN"],
        email="amina.ben-said.k3f9@example.org",
        telephone="0639981234",
        adresse=Adresse("20", "Rue Nationale", "", "59000", "Lille", "France", "59350"),
        mot_de_passe="Abcdef1!",
        ephoto="1" * 22,
    )
    base.update(kw)
    return Demandeur(**base)


def test_fr_formats_dates():
    assert fr(date(2022, 12, 22)) == "22/12/2022"
    assert fr(date(1990, 3, 4)) == "04/03/1990"
    assert fr(None) == ""


def test_adresse_ligne_is_the_type_ahead_label():
    a = Adresse("20", "Rue Nationale", "Bâtiment B", "59000", "Lille", "France", "59350")
    assert a.ligne() == "20 Rue Nationale 59000 Lille"
    assert a.pays == "France"


def test_age_counts_birthday_and_29_february():
    assert age_at(date(2000, 2, 29), date(2018, 2, 28)) == 17
    assert age_at(date(2000, 2, 29), date(2018, 3, 1)) == 18
    assert age_at(date(1990, 3, 4), date(2022, 3, 4)) == 32
    assert age_at(date(1990, 3, 4), date(2022, 3, 3)) == 31


def test_demandeur_properties():
    d = _demandeur()
    assert d.nom_complet == "Amina BEN SAÏD"
    assert d.nationalite_adjectif == "tunisienne"
    assert d.cas == 2
    assert d.age(date(2018, 3, 1)) == 18
    assert d.pays_nationalite == "Tunisie"
    m = _demandeur(sexe="M", nationalites=["DZ"])
    assert m.nationalite_adjectif == "algérien" and m.cas == 2
    assert _demandeur(nationalites=["CA"]).cas == 1
    assert _demandeur(nationalites=["CA", "DZ"]).cas == 2


def test_titre_keeps_current_title_in_sync():
    t = Titre("7503134955", "titre", "BPS", "BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE",
              date(2021, 1, 1), date(2025, 1, 1))
    d = _demandeur(titres=[t])
    assert d.titre is t
    assert t.valide_le(date(2023, 1, 1)) and not t.valide_le(date(2025, 1, 2))
    with pytest.raises(ValueError):
        Titre("1", "carte", "X", "Y", date(2021, 1, 1), date(2022, 1, 1))
    with pytest.raises(ValueError):
        Titre("1", "titre", "X", "Y", date(2022, 1, 1), date(2021, 1, 1))


def test_demandeur_rejects_unknown_situation():
    with pytest.raises(ValueError):
        _demandeur(situation_familiale="Compliqué")


def test_personne_minimal():
    p = Personne("Dupont", ["Jean"], "M", date(1960, 1, 1), "Lille", "France", ["FR"])
    assert p.nom_complet == "Jean DUPONT"
    assert p.nationalite_adjectif == "français"
    assert p.numero_etranger is None and p.titre is None


@pytest.mark.parametrize(
    ("pw", "broken"),
    [
        ("Abcdef1!", set()),
        ("Abcde1!", {"longueur"}),
        ("abcdefg1!", {"majuscule"}),
        ("ABCDEFG1!", {"minuscule"}),
        ("Abcdefgh!", {"chiffre"}),
        ("Abcdefgh1", {"special"}),
        ("", {"longueur", "majuscule", "minuscule", "chiffre", "special"}),
    ],
)
def test_password_rules(pw, broken):
    assert regles_mot_de_passe_enfreintes(pw) == broken
    assert mot_de_passe_valide(pw) is (not broken)
