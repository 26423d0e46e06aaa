"""PersonaFactory.from_description understands the guides' vocabulary and refuses the rest."""

from __future__ import annotations

from datetime import date

import pytest

from personas.description import interpreter, nombre
from personas.factory import PersonaFactory, add_years

TODAY = date(2025, 3, 14)


@pytest.fixture
def f() -> PersonaFactory:
    return PersonaFactory(8, TODAY)


def test_tunisian_daughter_of_a_french_father(f):
    d = f.from_description("une demandeuse de nationalité tunisienne, enfant d'un père français")
    assert d.parcours == "enfant_de_francais"
    assert (d.sexe, d.nationalite, d.parent_francais.lien) == ("F", "TN", "Père")
    assert d.nationalite_adjectif == "tunisienne" and d.cas == 2
    assert d.parent_francais.personne.nationalites == ["FR"]


def test_canadian_son_of_a_french_mother_married_with_two_children(f):
    d = f.from_description(
        "un demandeur de nationalité canadienne, enfant d'une mère française, marié, "
        "avec deux enfants"
    )
    assert (d.sexe, d.nationalite, d.parent_francais.lien) == ("M", "CA", "Mère")
    assert d.situation_familiale == "Marié(e)" and d.union is not None
    assert len(d.enfants) == 2 and d.cas == 1


def test_minor_of_17_entrusted_to_ase(f):
    d = f.from_description("un mineur de 17 ans confié à l'ASE")
    assert d.parcours == "ase" and d.sexe == "M"
    assert d.age(TODAY) == 17 and not d.emancipe
    assert d.date_prise_en_charge_ase <= add_years(d.date_naissance, 16)
    assert d.numero_etranger and not d.titres


def test_adult_woman_entrusted_to_ase_married(f):
    d = f.from_description("une majeure confiée à l'ASE, mariée")
    assert d.parcours == "ase" and d.sexe == "F"
    assert 18 <= d.age(TODAY) <= 25
    assert d.situation_familiale == "Marié(e)"


def test_emancipated_minor(f):
    d = f.from_description("un mineur émancipé confié à l'ASE")
    assert d.parcours == "ase" and d.emancipe and 16 <= d.age(TODAY) <= 17


def test_bps_holder_not_married(f):
    d = f.from_description("un titulaire d'une carte BPS non marié")
    assert d.parcours == "bpi" and d.sexe == "M"
    assert d.titre.categorie == "BPS" and d.situation_familiale == "Célibataire"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("une réfugiée afghane mariée", "bpi",
         {"sexe": "F", "nationalite": "AF", "statut": "réfugié", "marie": True}),
        ("un demandeur algérien, enfant d'un père français, de plus de 21 ans", "enfant_de_francais",
         {"sexe": "M", "nationalite": "DZ", "parent": "Père", "plus_de_21_ans": True}),
        ("une demandeuse de nationalité congolaise (RDC), enfant d'une mère française, avec trois enfants",
         "enfant_de_francais",
         {"sexe": "F", "nationalite": "CD", "parent": "Mère", "enfants": 3}),
        ("un mineur de dix-sept ans confié à l'aide sociale à l'enfance après ses 16 ans", "ase",
         {"sexe": "M", "age": 17, "cas": 1, "eligible": False}),
        ("une demandeuse marocaine, conjointe d'un Français", "famille_ue",
         {"sexe": "F", "nationalite": "MA", "accueillant": "français", "lien": "conjoint"}),
        ("un membre de famille d'un citoyen européen étudiant, descendant", "famille_ue",
         {"accueillant": "européen", "activite": "étudiant", "lien": "descendant"}),
        ("une demandeuse, création de compte sans numéro étranger", "compte",
         {"sexe": "F", "kind": "sans_numero_etranger"}),
        ("un demandeur sénégalais en renouvellement", "renouvellement",
         {"sexe": "M", "nationalite": "SN"}),
    ],
)
def test_interpreter(text, name, expected):
    got_name, kwargs = interpreter(text)
    assert got_name == name
    for k, v in expected.items():
        assert kwargs.get(k) == v, (k, kwargs)


def test_built_from_more_descriptions(f):
    d = f.from_description("une demandeuse marocaine, conjointe d'un Français")
    assert d.accueillant.qualite == "français" and d.accueillant.lien == "conjoint"
    assert d.nationalite == "MA" and d.sexe == "F"
    d = f.from_description("une réfugiée afghane mariée")
    assert d.titre.categorie == "Réfugié" and d.nationalite == "AF"


@pytest.mark.parametrize(
    "text",
    [
        "un astronaute martien",
        "",
        "   ",
        "une demandeuse de nationalité klingonne, enfant d'un père français",
        "un demandeur français, enfant d'un père français",
        "un mineur de 15 ans confié à l'ASE",
        "une demandeuse de nationalité allemande, enfant d'une mère française",
    ],
)
def test_refusals(f, text):
    with pytest.raises(ValueError):
        f.from_description(text)


def test_refusal_says_what_was_understood(f):
    with pytest.raises(ValueError) as e:
        f.from_description("une demandeuse tunisienne qui fait du vélo")
    msg = str(e.value)
    assert "TN" in msg and "sexe" in msg


def test_number_words():
    assert nombre("deux") == 2 and nombre("trois") == 3 and nombre("un") == 1
    assert nombre("dix-sept") == 17 and nombre("vingt et un") == 21 and nombre("42") == 42
    with pytest.raises(ValueError):
        nombre("beaucoup")
