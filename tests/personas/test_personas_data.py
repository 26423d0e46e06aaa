"""pays.csv, villes.csv and adresses.csv are well-formed and say what the portal needs."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest
from faker.config import AVAILABLE_LOCALES

from personas.countries import (
    UE_EEE_SUISSE,
    adresses,
    pays_par_adjectif,
    pays_par_code,
    pays_par_nom,
    tous_les_pays,
    villes,
)
from personas.factory import source_des_noms


def _raw(name: str) -> str:
    return resources.files("personas").joinpath("data", name).read_text(encoding="utf-8")


def test_pays_csv_header_and_size():
    rows = list(csv.reader(_raw("pays.csv").splitlines()))
    assert rows[0] == ["code", "pays", "nationalite_m", "nationalite_f", "faker_locale"]
    assert len(rows) - 1 >= 70
    assert all(len(r) == 5 for r in rows)


def test_pays_rows():
    pays = tous_les_pays()
    codes = [p.code for p in pays]
    assert len(codes) == len(set(codes))
    assert len({p.pays for p in pays}) == len(pays)
    for p in pays:
        assert re.fullmatch(r"[A-Z]{2}", p.code)
        assert p.pays and p.pays[0].isupper()
        assert p.nationalite_m and p.nationalite_f
        assert p.nationalite_m[0].islower() and p.nationalite_f[0].islower()
        assert p.faker_locale == "" or p.faker_locale in AVAILABLE_LOCALES


@pytest.mark.parametrize(
    ("code", "nom", "m", "f"),
    [
        ("FR", "France", "français", "française"),
        ("DZ", "Algérie", "algérien", "algérienne"),
        ("TN", "Tunisie", "tunisien", "tunisienne"),
        ("MA", "Maroc", "marocain", "marocaine"),
        ("SN", "Sénégal", "sénégalais", "sénégalaise"),
        ("CI", "Côte d'Ivoire", "ivoirien", "ivoirienne"),
        ("CA", "Canada", "canadien", "canadienne"),
        ("BR", "Brésil", "brésilien", "brésilienne"),
        ("MX", "Mexique", "mexicain", "mexicaine"),
        ("CN", "Chine", "chinois", "chinoise"),
        ("IN", "Inde", "indien", "indienne"),
        ("GB", "Royaume-Uni", "britannique", "britannique"),
        ("US", "États-Unis", "américain", "américaine"),
        ("DE", "Allemagne", "allemand", "allemande"),
        ("AF", "Afghanistan", "afghan", "afghane"),
    ],
)
def test_known_countries(code, nom, m, f):
    p = pays_par_code(code)
    assert (p.pays, p.nationalite_m, p.nationalite_f) == (nom, m, f)
    assert pays_par_nom(nom) is p
    assert pays_par_adjectif(f) is p


@pytest.mark.parametrize(
    ("code", "locale"),
    [("DZ", "fr_DZ"), ("CA", "fr_CA"), ("BR", "pt_BR"), ("MX", "es_MX"), ("CN", "zh_CN"),
     ("IN", "hi_IN"), ("GB", "en_GB"), ("DE", "de_DE"), ("IT", "it_IT"), ("PL", "pl_PL"),
     ("RO", "ro_RO"), ("UA", "uk_UA"), ("RU", "ru_RU"), ("TR", "tr_TR"), ("VN", "vi_VN")],
)
def test_faker_locales(code, locale):
    assert pays_par_code(code).faker_locale == locale


def test_lookups_are_accent_and_case_insensitive():
    assert pays_par_nom("cote d’ivoire").code == "CI"
    assert pays_par_adjectif("ALGERIENNE").code == "DZ"
    assert pays_par_adjectif("congolaise (RDC)").code == "CD"
    with pytest.raises(ValueError):
        pays_par_code("XX")
    with pytest.raises(ValueError):
        pays_par_adjectif("klingonne")


def test_every_country_has_cities_and_a_source_of_latin_names():
    for p in tous_les_pays():
        assert villes(p.code)
        kind, src, _ = source_des_noms(p.code)
        assert kind in ("faker", "pool")


def test_villes_csv_codes_exist():
    rows = list(csv.DictReader(_raw("villes.csv").splitlines()))
    codes = {p.code for p in tous_les_pays()}
    assert all(r["code"] in codes and r["ville"].strip() == r["ville"] for r in rows)


def test_ue_set():
    assert "FR" in UE_EEE_SUISSE and "CH" in UE_EEE_SUISSE and "NO" in UE_EEE_SUISSE
    assert "GB" not in UE_EEE_SUISSE and "DZ" not in UE_EEE_SUISSE


def test_adresses_csv_header_and_size():
    rows = list(csv.reader(_raw("adresses.csv").splitlines()))
    assert rows[0] == ["numero", "voie", "complement", "code_postal", "ville", "code_insee"]
    assert len(rows) - 1 >= 40
    assert all(len(r) == 6 for r in rows)


def test_adresses_are_well_formed():
    liste = adresses()
    assert len(liste) >= 40
    assert len({(a.numero, a.voie, a.code_postal) for a in liste}) == len(liste)
    for a in liste:
        assert re.fullmatch(r"\d{5}", a.code_postal), a
        assert len(a.code_insee) == 5 and re.fullmatch(r"\d{5}|2[AB]\d{3}", a.code_insee), a
        assert re.fullmatch(r"\d+( ?(bis|ter))?", a.numero), a
        assert a.voie and a.ville and a.pays == "France"
        # The département of the postal code is the commune's.
        assert a.code_postal[:2] == a.code_insee[:2], a
        if a.ville == "Paris":
            arr = int(a.code_postal[3:])
            assert a.code_postal.startswith("750") and 1 <= arr <= 20
            assert a.code_insee == f"751{arr:02d}", a
        if a.ville == "Lyon":
            assert a.code_postal.startswith("6900")
            assert a.code_insee == f"6938{a.code_postal[-1]}", a
        if a.ville == "Marseille":
            arr = int(a.code_postal[3:])
            assert a.code_insee == f"132{arr:02d}", a
        assert a.ligne() == f"{a.numero} {a.voie} {a.code_postal} {a.ville}"


def test_adresses_cover_france_and_spell_like_the_ban():
    liste = adresses()
    departements = {a.code_insee[:2] for a in liste}
    assert len(departements) >= 25
    assert any("'" in a.voie for a in liste)
    assert any(re.search(r"[éèêëàâîïôûüç]", a.voie, re.I) for a in liste)
    assert any(a.complement for a in liste)
    # The guide's own address is offered.
    assert any(a.ligne() == "20 Rue Nationale 59000 Lille" and a.code_insee == "59350"
               for a in liste)
