"""Procedure definitions, the documents' schema: the confirmation de dépôt, the attestations (with
their 2D-DOC) and the liste des pièces a definition produces (docs/procedures.md, "Documents")."""

from __future__ import annotations

from dataclasses import dataclass

from .conditions import Condition


@dataclass(frozen=True)
class Ligne:
    libelle: str
    valeur: str
    majuscules: bool = False
    omise_si_vide: bool = False  # not printed at all when its value is empty


@dataclass(frozen=True)
class Paragraphe:
    texte: str
    gras: bool = False
    when: Condition | None = None


@dataclass(frozen=True)
class Confirmation:
    fichier: str
    titre: str
    references_titre: str
    references: tuple[Ligne, ...]
    lignes: tuple[Ligne, ...]
    paragraphes: tuple[Paragraphe, ...]


@dataclass(frozen=True)
class DeuxDDoc:
    """The 2D-DOC an attestation carries: header items and (data identifier, value template) pairs,
    in the order written. Values are filled like the printed lines, then normalised for the code."""

    type_document: str
    perimetre: str
    pays: str
    champs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TitreDelivre:
    """The card a favourable decision delivers (the ADF's sentence, "Historique de mes Titres de
    Séjour"): the first whose condition holds."""

    nature: str
    mention: str
    when: Condition | None = None


@dataclass(frozen=True)
class Attestation:
    """A document the dépôt produces besides (or instead of) the confirmation: e.g. the attestation
    de prolongation d'instruction (guide 04 ANNEXE 1), valid `validite_mois` months from the dépôt,
    offered on the confirmation page (a `lien_document` bloc; `lien`: its name elsewhere) and joined
    to the dépôt mail (`courriel`). With `emise: instruction` the agent issues it while instructing
    (valid `validite_mois` from that day); with `emise: decision` it is issued at the favourable
    decision (the attestation de décision favorable), valid as the card the decision grants. Both
    reach the applicant as a notification with "TELECHARGER LE DOCUMENT"."""

    id: str
    fichier: str
    lien: str
    courriel: bool
    titre: tuple[str, ...]
    references_titre: str
    references: tuple[Ligne, ...]
    statut: tuple[Paragraphe, ...]
    lignes: tuple[Ligne, ...]
    paragraphes: tuple[Paragraphe, ...]
    validite_mois: int | None = None
    deux_d_doc: DeuxDDoc | None = None
    emise: str = "depot"
    titres: tuple[TitreDelivre, ...] = ()


@dataclass(frozen=True)
class Rubrique:
    titre: str
    justificatifs: tuple[str, ...]


@dataclass(frozen=True)
class Groupe:
    titre: str
    cas: str | None
    rubriques: tuple[Rubrique, ...]


@dataclass(frozen=True)
class ListePieces:
    fichier: str
    titre: str
    sous_titre: str
    intro: tuple[str, ...]
    groupes: tuple[Groupe, ...]
