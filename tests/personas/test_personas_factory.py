"""PersonaFactory: determinism, uniqueness, name shapes and every journey's constraints."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personas import names
from personas.countries import UE_EEE_SUISSE, adresses, pays_par_code, villes
from personas.factory import (
    ACTIVITES_ACCUEILLANT,
    DEPARTEMENTS,
    LIENS_ACCUEILLANT,
    PersonaFactory,
    add_months,
    add_years,
)
from personas.model import (
    SITUATIONS_AVEC_CONJOINT,
    SITUATIONS_AVEC_UNION,
    SITUATIONS_FAMILIALES,
    Demandeur,
    fr,
    mot_de_passe_valide,
)

TODAY = date(2025, 3, 14)
ROOT = Path(__file__).resolve().parents[2]

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
seeds = st.integers(min_value=0, max_value=2**63 - 1)
todays = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
ADRESSES = set(adresses())


def _mix(f: PersonaFactory, i: int) -> Demandeur:
    """A fixed sequence of journeys."""
    journeys = [
        lambda: f.compte("sans_numero_etranger"),
        lambda: f.compte("numero_etranger"),
        lambda: f.compte("titre"),
        lambda: f.compte("visa"),
        lambda: f.renouvellement(),
        lambda: f.enfant_de_francais(),
        lambda: f.ase(1 + i % 3, eligible=i % 4 != 0),
        lambda: f.bpi("BPS" if i % 2 else "réfugié", marie=i % 3 == 0),
        lambda: f.famille_ue("français" if i % 2 else "européen", accueillant_titre=False),
        lambda: f.titulaire("VLS-TS", "ETUDIANT", kind="visa"),
    ]
    return journeys[i % len(journeys)]()


def check_common(d: Demandeur, today: date) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*@example\.org", d.email), d.email
    assert re.fullmatch(r"0[67]\d{8}", d.telephone)
    assert re.fullmatch(r"\d{22}", d.ephoto)
    if d.numero_etranger is not None:
        assert re.fullmatch(r"\d{10}", d.numero_etranger)
        assert d.numero_etranger[:2] in DEPARTEMENTS
    assert mot_de_passe_valide(d.mot_de_passe)
    assert d.adresse in ADRESSES
    for n in [d.nom, *d.prenoms]:
        assert n and n == n.strip() and names.est_latin(n), n
        assert all(ord(c) <= 0x17F for c in n), n
    assert d.sexe in ("M", "F")
    code = d.nationalites[0]
    assert code not in UE_EEE_SUISSE
    assert d.pays_naissance == pays_par_code(code).pays
    assert d.ville_naissance in villes(code)
    assert d.date_naissance < today
    if d.date_entree_france is not None:
        assert d.date_naissance < d.date_entree_france <= today
    assert d.situation_familiale in SITUATIONS_FAMILIALES
    if d.situation_familiale in SITUATIONS_AVEC_UNION:
        assert d.union is not None
        assert add_years(d.date_naissance, 18) <= d.union.date <= today
        assert d.union.pays
    else:
        assert d.union is None
    assert (d.conjoint is not None) == (d.situation_familiale in SITUATIONS_AVEC_CONJOINT)
    if d.situation_familiale != "Célibataire":
        assert d.age(today) >= 18
    for e in d.enfants:
        assert add_years(d.date_naissance, 16) <= e.date_naissance <= today
    if d.titres:
        assert d.titre is d.titres[-1]
        for t in d.titres:
            assert t.date_debut <= t.date_fin
    else:
        assert d.titre is None


def in_renewal_window(d: Demandeur, today: date) -> bool:
    t = d.titre
    return (t is not None and add_months(today, 2) <= t.date_fin <= add_months(today, 4)
            and t.date_debut <= today)


# --------------------------------------------------------------------------------------------
# determinism and uniqueness
# --------------------------------------------------------------------------------------------
def test_same_seed_same_people():
    a = PersonaFactory(1234, TODAY)
    b = PersonaFactory(1234, TODAY)
    for i in range(40):
        assert _mix(a, i) == _mix(b, i)


def test_different_seeds_different_people():
    firsts = [PersonaFactory(s, TODAY).enfant_de_francais() for s in range(30)]
    assert len({d.email for d in firsts}) == 30
    assert len({(d.nom, d.prenoms[0], d.date_naissance) for d in firsts}) >= 29
    assert len({d.ephoto for d in firsts}) == 30


def test_people_do_not_depend_on_hash_randomisation():
    code = (
        "import json, sys\n"
        "from datetime import date\n"
        "from personas.factory import PersonaFactory\n"
        "f = PersonaFactory(99, date(2025, 3, 14))\n"
        "ds = [f.enfant_de_francais(), f.ase(1), f.compte('titre'), f.famille_ue()]\n"
        "print(json.dumps([[d.nom, d.prenoms, d.email, d.ephoto, d.telephone, d.numero_etranger,"
        " str(d.date_naissance), d.mot_de_passe] for d in ds]))\n"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    f = PersonaFactory(99, TODAY)
    ds = [f.enfant_de_francais(), f.ase(1), f.compte("titre"), f.famille_ue()]
    ici = [[d.nom, d.prenoms, d.email, d.ephoto, d.telephone, d.numero_etranger,
            str(d.date_naissance), d.mot_de_passe] for d in ds]
    assert json.loads(out) == ici


def test_numbers_unique_over_1000_personas():
    f = PersonaFactory(2024, TODAY)
    people = [_mix(f, i) for i in range(1000)]
    numeros = [d.numero_etranger for d in people if d.numero_etranger]
    numeros += [d.accueillant.personne.numero_etranger for d in people
                if d.accueillant and d.accueillant.personne.numero_etranger]
    visas = [t.numero for d in people for t in d.titres if t.kind == "visa"]
    for values in (numeros + visas, [d.ephoto for d in people], [d.telephone for d in people],
                   [d.email for d in people]):
        dup = [v for v, n in Counter(values).items() if n > 1]
        assert not dup, dup[:5]
    assert len(numeros) > 500


def test_phone_ranges():
    fictifs = PersonaFactory(5, TODAY)
    assert all(fictifs.telephone().startswith("063998") for _ in range(50))
    reels = PersonaFactory(5, TODAY, telephones_fictifs=False)
    tel = [reels.telephone() for _ in range(200)]
    assert {t[:2] for t in tel} == {"06", "07"}
    assert all(re.fullmatch(r"0[67]\d{8}", t) for t in tel)


# --------------------------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------------------------
def test_particle_names_about_one_in_four():
    for seed in (1, 2, 3):
        f = PersonaFactory(seed, TODAY)
        people = [f.compte() for _ in range(600)]
        taux = sum(names.a_particule(d.nom) for d in people) / len(people)
        assert 0.19 <= taux <= 0.31, taux
    samples = {d.nom for d in people if names.a_particule(d.nom)}
    assert any("'" in n for n in samples) and any(" " in n for n in samples)
    assert any("-" in n for n in samples)


def test_names_per_nationality_are_latin_and_plausible():
    f = PersonaFactory(77, TODAY)
    for code in ("CN", "RU", "UA", "BY", "IN", "DZ", "EG", "IR", "VN", "GE", "JP", "MK", "KR"):
        for _ in range(15):
            d = f.compte(nationalite=code)
            assert names.est_latin(d.nom + "".join(d.prenoms)), (code, d.nom, d.prenoms)
            assert all(ord(c) <= 0x17F for c in d.nom + "".join(d.prenoms))
            if code == "VN":
                assert (d.nom + "".join(d.prenoms)).isascii()
    # Hosts from EU countries written in other scripts (Greek, Bulgarian) are transliterated too.
    for code in ("GR", "BG", "CY"):
        for _ in range(15):
            p = f.personne(code)
            assert names.est_latin(p.nom + "".join(p.prenoms)), (code, p.nom, p.prenoms)
    # Algerian names come from fr_DZ, Chinese from the pinyin pool.
    chinois = {f.compte(nationalite="CN").nom for _ in range(30)}
    assert chinois <= set(names.POOLS["chine"]["noms"]) | {
        a for a in chinois if "-" in a
    }


def test_transliteration():
    assert names.translitterer("Жданова", "ru") == "Zhdanova"
    assert names.translitterer("Щукин", "ru") == "Shchukin"
    assert names.translitterer("Їжакевич", "uk") == "Yizhakevych"
    assert names.translitterer("Ганна", "uk") == "Hanna"
    assert names.translitterer("Щтилка", "bg") == "Shttilka"
    assert names.translitterer("Ристовска", "mk") == "Ristovska"
    assert names.translitterer("Γκατζογιάννης", "el") == "Gkatzogiannis"
    assert names.translitterer("Μυρτώ", "el") == "Myrto"
    assert names.latin_administratif("Trần") == "Tran"
    assert names.sans_diacritiques("Trần Vũ Đức") == "Tran Vu Duc"
    assert names.latin_administratif("Müller-Çelik Łukasz Şahin") == "Müller-Çelik Łukasz Şahin"
    assert names.latin_administratif("Məcnunbəyov") == "Mecnunbeyov"
    assert names.ascii_slug("Ben Saïd") == "ben-said"
    assert names.ascii_slug("N'Diaye") == "n-diaye"
    assert names.ascii_slug("Weiß-Łukasz") == "weiss-lukasz"


# --------------------------------------------------------------------------------------------
# journeys
# --------------------------------------------------------------------------------------------
@SETTINGS
@given(seed=seeds, today=todays, kind=st.sampled_from(
    ["sans_numero_etranger", "numero_etranger", "titre", "visa", "sans_numero", "numero"]))
def test_compte(seed, today, kind):
    d = PersonaFactory(seed, today).compte(kind)
    check_common(d, today)
    assert d.parcours == "compte"
    if kind in ("sans_numero_etranger", "sans_numero"):
        assert d.numero_etranger is None and not d.titres
    elif kind in ("numero_etranger", "numero"):
        assert d.numero_etranger is not None and not d.titres
    else:
        assert d.titre is not None and d.titre.valide_le(today)
        assert d.titre.kind == kind
        if kind == "titre":
            assert d.titre.numero == d.numero_etranger
        else:
            assert d.numero_etranger is not None and re.fullmatch(r"\d{10}", d.titre.numero)
            assert d.titre.numero != d.numero_etranger


@SETTINGS
@given(seed=seeds, today=todays, kind=st.sampled_from(["titre", "visa"]),
       categorie=st.sampled_from(["VLS-TS", "Vie privée et familiale", "BPS", "Réfugié",
                                  "Étudiant"]))
def test_titulaire_and_renouvellement(seed, today, kind, categorie):
    f = PersonaFactory(seed, today)
    d = f.titulaire(categorie, "MENTION", kind)
    check_common(d, today)
    assert d.titre.valide_le(today) and d.titre.kind == kind
    assert d.titre.categorie == categorie and d.titre.mention == "MENTION"
    assert d.age(today) >= 18 and d.titre.date_debut >= add_years(d.date_naissance, 18)
    r = f.renouvellement(categorie, "MENTION", kind)
    check_common(r, today)
    assert in_renewal_window(r, today)


@SETTINGS
@given(
    seed=seeds,
    today=todays,
    nationalite=st.sampled_from([None, "DZ", "TN", "CA", "tunisienne", "Maroc", "CN", "HT"]),
    sexe=st.sampled_from([None, "M", "F"]),
    parent=st.sampled_from([None, "Père", "Mère"]),
    situation=st.sampled_from(SITUATIONS_FAMILIALES),
    enfants=st.integers(0, 3),
    plus_de_21_ans=st.sampled_from([None, True, False]),
)
def test_enfant_de_francais(seed, today, nationalite, sexe, parent, situation, enfants,
                            plus_de_21_ans):
    d = PersonaFactory(seed, today).enfant_de_francais(
        nationalite, sexe, parent, situation, enfants, plus_de_21_ans)
    check_common(d, today)
    age = d.age(today)
    assert age >= 16
    if plus_de_21_ans is True:
        assert age > 21
    if plus_de_21_ans is False:
        assert age <= 20
    if sexe:
        assert d.sexe == sexe
    assert d.situation_familiale == situation
    assert len(d.enfants) == enfants
    assert d.numero_etranger is None and not d.titres
    assert d.cas == (2 if d.nationalite in ("DZ", "TN") else 1)
    p = d.parent_francais
    assert p is not None and p.lien in ("Père", "Mère")
    if parent:
        assert p.lien == parent
    assert p.personne.sexe == ("M" if p.lien == "Père" else "F")
    assert p.personne.nationalites == ["FR"] and p.personne.pays_naissance == "France"
    assert p.personne.date_naissance <= add_years(d.date_naissance, -18)
    assert d.date_entree_france > d.date_naissance
    if d.cas == 1:
        assert d.date_entree_france >= today - timedelta(days=330)


@SETTINGS
@given(seed=seeds, today=todays, cas=st.sampled_from([1, 2, 3]), eligible=st.booleans(),
       sexe=st.sampled_from([None, "M", "F"]))
def test_ase(seed, today, cas, eligible, sexe):
    d = PersonaFactory(seed, today).ase(cas, eligible, sexe=sexe)
    check_common(d, today)
    age = d.age(today)
    assert (16 <= age <= 17) if cas in (1, 2) else (18 <= age <= 25)
    assert d.emancipe is (cas == 2)
    assert d.numero_etranger is not None and not d.titres
    seize = add_years(d.date_naissance, 16)
    prise = d.date_prise_en_charge_ase
    assert prise is not None and prise <= today
    assert d.date_entree_france <= prise
    if eligible:
        assert prise <= seize
    else:
        assert seize < prise < add_years(d.date_naissance, 18)


@SETTINGS
@given(seed=seeds, today=todays, statut=st.sampled_from(["BPS", "réfugié", "Réfugié", "bps"]),
       marie=st.booleans())
def test_bpi(seed, today, statut, marie):
    d = PersonaFactory(seed, today).bpi(statut, marie)
    check_common(d, today)
    assert in_renewal_window(d, today)
    if statut.lower() == "bps":
        assert (d.titre.categorie, d.titre.mention) == (
            "BPS", "BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE")
    else:
        assert (d.titre.categorie, d.titre.mention) == ("Réfugié", "REFUGIE")
    assert d.titre.numero == d.numero_etranger and d.titre.kind == "titre"
    assert d.situation_familiale == ("Marié(e)" if marie else "Célibataire")
    assert d.date_entree_france < d.titre.date_debut


@SETTINGS
@given(
    seed=seeds,
    today=todays,
    accueillant=st.sampled_from(["français", "européen"]),
    activite=st.sampled_from([None, *ACTIVITES_ACCUEILLANT]),
    lien=st.sampled_from([None, *LIENS_ACCUEILLANT]),
    accueillant_titre=st.booleans(),
)
def test_famille_ue(seed, today, accueillant, activite, lien, accueillant_titre):
    f = PersonaFactory(seed, today)
    impossible = (
        (accueillant == "français" and (lien not in (None, "conjoint") or accueillant_titre))
        or (activite == "étudiant" and lien == "ascendant")
    )
    if impossible:
        with pytest.raises(ValueError):
            f.famille_ue(accueillant, activite, lien, accueillant_titre)
        return
    d = f.famille_ue(accueillant, activite, lien, accueillant_titre)
    check_common(d, today)
    assert in_renewal_window(d, today)
    assert d.titre.categorie == "Membre de famille de ressortissant UE/EEE/Suisse"
    a = d.accueillant
    assert a is not None and a.qualite == accueillant
    assert a.activite in ACTIVITES_ACCUEILLANT and a.lien in LIENS_ACCUEILLANT
    if activite:
        assert a.activite == activite
    if lien:
        assert a.lien == lien
    assert not (a.activite == "étudiant" and a.lien == "ascendant")
    h = a.personne
    assert a.a_un_titre is accueillant_titre
    if accueillant_titre:
        assert h.numero_etranger and h.titre.valide_le(today)
    if accueillant == "français":
        assert a.lien == "conjoint" and h.nationalites == ["FR"]
        assert a.sejour_autre_etat_mois > 3
        assert d.date_entree_france > add_years(today, -5)
    else:
        assert h.nationalites[0] in UE_EEE_SUISSE and h.nationalites[0] != "FR"
        assert a.sejour_autre_etat_mois is None
    if a.lien in ("conjoint", "partenaire enregistré", "concubin"):
        assert d.conjoint is h
        assert d.situation_familiale == {"conjoint": "Marié(e)", "partenaire enregistré":
                                         "Pacsé(e)", "concubin": "Concubin(e)"}[a.lien]
        if d.union:
            assert d.union.date >= add_years(h.date_naissance, 18)
            assert d.union.date < d.titre.date_debut
    if a.lien == "descendant":
        ecart = 36 if a.parente == "Autre" else 18
        assert h.date_naissance <= add_years(d.date_naissance, -ecart)
        assert a.parente in ("Père", "Mère", "Autre")
    else:
        assert a.parente is None
    if a.lien == "ascendant":
        assert d.date_naissance <= add_years(h.date_naissance, -18)
    assert h.age(today) >= 18


@pytest.mark.parametrize(
    ("method", "args", "kwargs"),
    [
        ("enfant_de_francais", (), {"nationalite": "FR"}),
        ("enfant_de_francais", (), {"nationalite": "DE"}),
        ("enfant_de_francais", (), {"nationalite": "klingonne"}),
        ("enfant_de_francais", (), {"parent": "Oncle"}),
        ("enfant_de_francais", (), {"situation": "Compliqué"}),
        ("enfant_de_francais", (), {"enfants": -1}),
        ("enfant_de_francais", (), {"enfants": 20}),
        ("enfant_de_francais", (), {"age": 15}),
        ("enfant_de_francais", (), {"age": 25, "plus_de_21_ans": False}),
        ("enfant_de_francais", (), {"age": 17, "situation": "Marié(e)"}),
        ("enfant_de_francais", (), {"sexe": "X"}),
        ("ase", (4,), {}),
        ("ase", (1,), {"age": 18}),
        ("ase", (3,), {"age": 17}),
        ("ase", (1,), {"situation": "Marié(e)"}),
        ("ase", (2,), {"situation": "Pacsé(e)"}),
        ("bpi", ("apatride",), {}),
        ("famille_ue", ("martien",), {}),
        ("famille_ue", ("français",), {"lien": "descendant"}),
        ("famille_ue", ("français",), {"accueillant_titre": True}),
        ("famille_ue", ("français",), {"sejour_autre_etat_mois": 3}),
        ("famille_ue", ("européen",), {"sejour_autre_etat_mois": 6}),
        ("famille_ue", ("européen",), {"activite": "étudiant", "lien": "ascendant"}),
        ("famille_ue", ("européen",), {"activite": "astronaute"}),
        ("famille_ue", ("européen",), {"lien": "voisin"}),
        ("famille_ue", ("européen",), {"lien": "conjoint", "parente": "Père"}),
        ("compte", ("passeport",), {}),
        ("titulaire", ("VLS-TS", "X"), {"kind": "carte"}),
        ("titulaire", ("", "X"), {}),
    ],
)
def test_impossible_requests_raise(method, args, kwargs):
    with pytest.raises(ValueError):
        getattr(PersonaFactory(3, TODAY), method)(*args, **kwargs)


def test_specific_requests_are_honoured():
    f = PersonaFactory(11, TODAY)
    d = f.enfant_de_francais("tunisienne", "F", "Père", "Marié(e)", 2, True)
    assert (d.nationalite, d.sexe, d.parent_francais.lien, d.situation_familiale) == (
        "TN", "F", "Père", "Marié(e)")
    assert len(d.enfants) == 2 and d.age(TODAY) > 21 and d.cas == 2
    assert d.nationalite_adjectif == "tunisienne"
    a = f.ase(1, age=17)
    assert a.age(TODAY) == 17
    u = f.famille_ue("français", "salarié", sejour_autre_etat_mois=4)
    assert u.accueillant.sejour_autre_etat_mois == 4 and u.accueillant.activite == "salarié"
    assert fr(u.titre.date_fin)
