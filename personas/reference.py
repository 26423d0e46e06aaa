"""The named people of the guides, as fixed reference personas for demos.

Why: a demo (or a screenshot comparison with the guide) should show the very person the guide
shows: COLLINS Marshall born 04/03/1990 in Montréal, the ASE minor "Etranger Mineur" born 10/08/2006
in Brasilia, the BPS holder "Recette métier Testun" born 05/04/1982 in Kaboul ...  Every value the
guide shows is kept as shown (accents restored where the rendering lost them, e.g. "Bresil" ->
"Brésil"); every value it does not show is made up, plausible and consistent with the journey, and
is listed in the persona's ``note``.

Deliberate departures: e-mail addresses keep the guide's local part but use the reserved domain
``example.org`` instead of the public mailbox service of the guides, so that a demo never sends mail
to a real inbox; the BPI guide's screens and its attestation show two different test accounts, the
persona follows the screens and borrows the attestation's numéro étranger.

The objects below are shared: use :func:`reference` to get a private copy before changing one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from personas.model import Adresse, Demandeur, ParentFrancais, Personne, Titre

__all__ = [
    "Reference",
    "REFERENCES",
    "reference",
    "COLLINS_MARSHALL",
    "MARTIN_HALLIDAY",
    "ETRANGER_MINEUR",
    "DCEM_ETRANGER",
    "TEST_TEST",
    "RECETTE_METIER",
]

_LILLE_20 = Adresse("20", "Rue Nationale", "", "59000", "Lille", "France", "59350")
_LILLE_20_59800 = Adresse("20", "Rue Nationale", "", "59800", "Lille", "France", "59350")


@dataclass(frozen=True)
class Reference:
    """A guide's persona and the scene it appears in."""

    cle: str
    guide: str
    date_scene: date
    demandeur: Demandeur
    numero_demande: str | None = None
    note: str = ""


COLLINS_MARSHALL = Demandeur(
    nom="COLLINS",
    prenoms=["Marshall"],
    sexe="M",
    date_naissance=date(1990, 3, 4),
    ville_naissance="Montréal",
    pays_naissance="Canada",
    nationalites=["CA"],
    email="collins.marshall@example.org",
    telephone="0639980001",
    adresse=Adresse("25", "Rue Nationale", "", "59000", "Lille", "France", "59350"),
    mot_de_passe="Montreal@1990",
    ephoto="4829107735162049381726",
    date_entree_france=date(2022, 10, 3),
    situation_familiale="Célibataire",
    parent_francais=ParentFrancais(
        personne=Personne(
            nom="Lefebvre",
            prenoms=["Catherine"],
            sexe="F",
            date_naissance=date(1963, 11, 18),
            ville_naissance="Lille",
            pays_naissance="France",
            nationalites=["FR"],
        ),
        lien="Mère",
    ),
    parcours="enfant_de_francais",
)

MARTIN_HALLIDAY = Demandeur(
    nom="MARTIN",
    prenoms=["Halliday"],
    sexe="M",
    date_naissance=date(1997, 6, 12),
    ville_naissance="Manchester",
    pays_naissance="Royaume-Uni",
    nationalites=["GB"],
    numero_etranger="5903000273",
    email="martin.halliday@example.org",
    telephone="0639980002",
    adresse=_LILLE_20,
    mot_de_passe="Halliday@59000",
    ephoto="7305518420963371845502",
    date_entree_france=date(2021, 9, 15),
    situation_familiale="Célibataire",
    parent_francais=ParentFrancais(
        personne=Personne(
            nom="MARTIN",
            prenoms=["Philippe"],
            sexe="M",
            date_naissance=date(1968, 2, 7),
            ville_naissance="Roubaix",
            pays_naissance="France",
            nationalites=["FR"],
        ),
        lien="Père",
    ),
    parcours="enfant_de_francais",
)

ETRANGER_MINEUR = Demandeur(
    nom="Etranger",
    prenoms=["Mineur"],
    sexe="M",
    date_naissance=date(2006, 8, 10),
    ville_naissance="Brasilia",
    pays_naissance="Brésil",
    nationalites=["BR"],
    numero_etranger="5908002010",
    email="mineuretranger1@example.org",
    telephone="0101010101",
    adresse=_LILLE_20_59800,
    mot_de_passe="Mineur!2006",
    ephoto="1590264873310928476650",
    date_entree_france=date(2018, 2, 2),
    date_prise_en_charge_ase=date(2018, 4, 16),
    emancipe=False,
    situation_familiale="Célibataire",
    parcours="ase",
)

DCEM_ETRANGER = Demandeur(
    nom="DCEM",
    prenoms=["Etranger"],
    sexe="M",
    date_naissance=date(2006, 2, 21),
    ville_naissance="Tunis",
    pays_naissance="Tunisie",
    nationalites=["TN"],
    numero_etranger="5903007192",
    email="dcem.etranger@example.org",
    telephone="0639980003",
    adresse=_LILLE_20_59800,
    mot_de_passe="Tunis$2006a",
    ephoto="6614093358217740095123",
    date_entree_france=date(2020, 11, 9),
    date_prise_en_charge_ase=date(2021, 1, 18),
    emancipe=False,
    situation_familiale="Célibataire",
    parcours="ase",
)

TEST_TEST = Demandeur(
    nom="TEST",
    prenoms=["Test"],
    sexe="F",
    date_naissance=date(2007, 9, 14),
    ville_naissance="Cancún",
    pays_naissance="Mexique",
    nationalites=["MX"],
    numero_etranger="5908002016",
    email="test.test@example.org",
    telephone="0639980004",
    adresse=_LILLE_20,
    mot_de_passe="Cancun%2007",
    ephoto="2087736415509128834470",
    date_entree_france=date(2021, 6, 30),
    date_prise_en_charge_ase=date(2021, 7, 5),
    emancipe=False,
    situation_familiale="Célibataire",
    parcours="ase",
)

RECETTE_METIER = Demandeur(
    nom="Recette métier",
    prenoms=["Testun"],
    sexe="M",
    date_naissance=date(1982, 4, 5),
    ville_naissance="Kaboul",
    pays_naissance="Afghanistan",
    nationalites=["AF"],
    numero_etranger="7503136189",
    email="recette.metier@example.org",
    telephone="0606060606",
    adresse=_LILLE_20,
    mot_de_passe="Kaboul*1982",
    ephoto="9172635540018273645591",
    titres=[
        Titre(
            numero="7503136189",
            kind="titre",
            categorie="BPS",
            mention="BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE",
            date_debut=date(2018, 7, 1),
            date_fin=date(2022, 6, 30),
        )
    ],
    date_entree_france=date(2016, 9, 12),
    situation_familiale="Célibataire",
    parcours="bpi",
)

REFERENCES: dict[str, Reference] = {
    r.cle: r
    for r in (
        Reference(
            "COLLINS_MARSHALL", "02-enfant-de-francais-premiere-demande.md", date(2022, 12, 22),
            COLLINS_MARSHALL, "5901202212220000370",
            "Guide: name, birth date and place, nationality, address (confirmation de dépôt of "
            "22/12/2022). Made up: e-mail, phone, password, e-photo, entry date, the French mother.",
        ),
        Reference(
            "MARTIN_HALLIDAY", "02-enfant-de-francais-premiere-demande.md", date(2022, 12, 22),
            MARTIN_HALLIDAY, None,
            "Guide: name and identifiant 5903000273 (account e-mail). Made up: everything else.",
        ),
        Reference(
            "ETRANGER_MINEUR", "03-ase-premiere-demande.md", date(2023, 8, 16), ETRANGER_MINEUR,
            "5901202308160000181",
            "Guide: name, sex, birth date and place, nationality, address 59800, phone, e-mail "
            "local part, ASE date 16/04/2018 (étape 2). The numéro étranger and the demande number "
            "are those of the 'Suivi de ma demande' table of the same scene. Made up: password, "
            "e-photo, entry date.",
        ),
        Reference(
            "DCEM_ETRANGER", "03-ase-premiere-demande.md", date(2023, 8, 16), DCEM_ETRANGER,
            "5901202308160000184",
            "Guide: name, numéro étranger, birth date and place, nationality, address (confirmation "
            "de dépôt of 16/08/2023). Made up: sex, contact, dates of entry and of ASE.",
        ),
        Reference(
            "TEST_TEST", "03-ase-premiere-demande.md", date(2023, 9, 17), TEST_TEST,
            "5901202309170000212",
            "Guide: name, numéro étranger, birth date and place, nationality, address (attestation "
            "de décision favorable of 17/09/2023). Made up: sex, contact, dates of entry and of ASE.",
        ),
        Reference(
            "RECETTE_METIER", "04-bpi-renouvellement.ocr.txt", date(2022, 4, 26), RECETTE_METIER,
            "5301202204260000120",
            "Guide: name, sex, birth date and place, nationality, situation (récapitulatif), phone "
            "(OCR 'OBOGOBOG0E'), title category and mention; numéro étranger, address and demande "
            "number from the attestation de prolongation d'instruction of 26/04/2022. Made up: "
            "title dates (expiring 2 months after the scene), entry date, password, e-photo.",
        ),
    )
}


def reference(cle: str) -> Demandeur:
    """A private copy of a reference persona ("COLLINS_MARSHALL", ...)."""
    try:
        return copy.deepcopy(REFERENCES[cle.upper()].demandeur)
    except KeyError:
        raise ValueError(f"unknown reference persona {cle!r}; known: {sorted(REFERENCES)}") from None
