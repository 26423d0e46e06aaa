"""Procedure definitions: YAML files under fake_anef/procedures/, loaded and checked at start into
the dataclasses below. A broken definition is refused with a message naming the file, the place
and the reason (:class:`DefinitionError`), so the portal never starts with half a procedure.

The shape (docs/procedures.md): steps → sections → blocs (fields, groups, headings, paragraphs,
attestations, justificatif references); a catalogue of justificatifs; the guide's "cas"; computed
variables; the documents the procedure produces. Conditions (`when`) use the language of
:mod:`fake_anef.engine.conditions`.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from .conditions import Condition, ConditionError, parse

FIELD_TYPES = {"texte", "telephone", "zone_texte", "choix", "selection", "date", "adresse", "email_compte",
               "attestation", "case", "groupe", "confirmation_identite"}
DISPLAY_TYPES = {"intertitre", "paragraphe", "justificatif", "lien_confirmation", "lien_document"}
OPTION_SOURCES = {"pays", "nationalites", "nationalites_toutes"}
BUTTONS = {"precedent", "abandonner", "quitter", "enregistrer", "deposer"}
ADDRESS_PARTS = ("numero", "voie", "complement", "code_postal", "ville", "pays", "code_insee")
DOCUMENT_VALUES = {"numero_demande", "numero_etranger", "date_emission", "date_depot"}
# Values an attestation adds to DOCUMENT_VALUES: its validity (validite_mois) and the emission date
# as AAAAMMJJ for file names.
ATTESTATION_VALUES = {"date_debut_validite", "date_fin_validite", "date_fichier"}
# When an attestation is issued: at the dépôt (guide 04's ADP), by the agent during the instruction
# (guide 01 FAQ 7 and 15: the ADP "générée par le service instructeur"), or at the favourable
# decision (the ADF), which adds the decision's values: its date, the taxe, and the card to be
# delivered (`titres`).
EMISSIONS = ("depot", "instruction", "decision")
DECISION_VALUES = {"date_decision", "taxe", "titre_nature", "titre_mention"}
# What a definition's `contexte` may read when a demande starts: the account holder's current title.
CONTEXTE_SOURCES = {"titre.categorie", "titre.mention", "titre.numero"}
STEP_TYPES = {"saisie", "recapitulatif"}
RECAPITULATIF_LIBELLES = ("modifier", "valider", "a_valider", "incomplete", "validee")
MAX_TEXT = 200
IDENTITE_KEYS = ("nom", "prenom", "date_naissance", "pays_naissance", "nationalite", "sexe")
# A confirmation_identite bloc: the fields of its step it checks against the administration's
# records (the Identite of a numéro étranger), and the field types each may be.
CONFIRMATION_KEYS = {
    "numero_etranger": {"texte"}, "nom": {"texte"}, "prenom": {"texte"}, "date_naissance": {"date"},
    "pays_naissance": {"selection", "choix"}, "nationalite": {"selection", "choix"}, "sexe": {"choix", "selection"},
}
# Where a pre-filled field takes its value: the account's identity as the administration knows it
# (the Identite of its numéro étranger), or the account's e-mail; and which field types each fills.
PREFILL_SOURCES = {
    "identite.nom": {"texte"},
    "identite.prenom": {"texte"},
    "identite.date_naissance": {"date"},
    "identite.pays_naissance": {"selection", "texte"},
    "identite.nationalite": {"selection", "texte"},
    "identite.sexe": {"choix", "selection", "texte"},
    "compte.email": {"texte"},
}


class DefinitionError(ValueError):
    """A definition that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Option:
    valeur: str
    libelle: str
    recapitulatif: str | None = None
    simulee: bool = True


@dataclass(frozen=True)
class Bloc:
    """One thing on a step: a field (`id` set), a repeatable group, or something to read."""

    type: str
    id: str | None = None
    label: str = ""
    texte: str = ""
    requis: bool = False
    when: Condition | None = None
    options: tuple[Option, ...] = ()
    source: str | None = None
    multiple: bool = False
    ajouter: str | None = None
    annee_seule: bool = False
    pas_futur: bool = False
    apres: tuple[str, str] | None = None  # (field id, message)
    longueur_max: int = MAX_TEXT
    parties: tuple[tuple[str, str], ...] = ()
    outre_mer: str | None = None
    important: bool = False
    justificatif: str | None = None
    document: str | None = None  # lien_document: the attestation (documents.attestations) it opens
    prefill: str | None = None  # a key of PREFILL_SOURCES
    lecture_seule: bool = False  # shown, never taken from the form: the pre-filled value is kept
    # groupe
    champs: tuple["Bloc", ...] = ()
    element: str = ""
    retirer: str | None = None
    maximum: int = 10
    # confirmation_identite: (key of CONFIRMATION_KEYS, field id) pairs, the button, and the words
    # for a record that does not match and for a step saved before the identity is confirmed
    # (`texte`: what the page and the récapitulatif show once it is confirmed).
    identite: tuple[tuple[str, str], ...] = ()
    bouton: str = ""
    erreur: str = ""
    a_confirmer: str = ""

    @property
    def is_field(self) -> bool:
        return self.type in FIELD_TYPES and self.type != "email_compte"

    def partie(self, name: str) -> str:
        return dict(self.parties)[name]


@dataclass(frozen=True)
class Section:
    titre: str | None
    obligatoires: bool
    intro: tuple[str, ...]
    blocs: tuple[Bloc, ...]


@dataclass(frozen=True)
class Partie:
    """One part of a récapitulatif step: the step it shows back, under its own title."""

    etape: str
    titre: str


@dataclass(frozen=True)
class Bloquant:
    """A rule that stops the demande at a step ("Demandeur non éligible", guide 03 étape 2): when
    `when` holds once the step is saved, a page says so and offers to change the answer or to
    abandon the demande."""

    when: Condition
    titre: str
    texte: tuple[str, ...]
    modifier: str
    abandonner: str


@dataclass(frozen=True)
class Step:
    id: str
    titre: str
    sections: tuple[Section, ...]
    when: Condition | None = None
    intro: tuple[str, ...] = ()
    intro_procedure: bool = False
    recapitulatif: bool = False
    progression: tuple[int, int | None] | None = None  # (percent, minutes left)
    documents_a_fournir: bool = False
    boutons: tuple[str, ...] = ()
    depot: bool = False
    confirmation: bool = False
    bloquant: Bloquant | None = None
    # further rules of the same kind, each with its own words (guide 05: two refusals at one step);
    # the first that holds stops the demande.
    bloquants: tuple[Bloquant, ...] = ()
    # type "recapitulatif": the steps shown back part by part, each to validate before the dépôt,
    # and the step's own words (modifier, valider, a_valider, incomplete, validee).
    type: str = "saisie"
    parties: tuple[Partie, ...] = ()
    libelles: tuple[tuple[str, str], ...] = ()

    def libelle(self, key: str) -> str:
        return dict(self.libelles).get(key, "")

    def blocs(self) -> list[Bloc]:
        return [b for s in self.sections for b in s.blocs]

    def fields(self) -> list[Bloc]:
        return [b for b in self.blocs() if b.is_field]

    def justificatifs(self) -> list[str]:
        return [b.justificatif for b in self.blocs() if b.type == "justificatif" and b.justificatif]


@dataclass(frozen=True)
class Contenu:
    """A justificatif's explanation: paragraphs (str) and bullet lists (tuple of str), in order."""

    titre: str
    parties: tuple[str | tuple[str, ...], ...]


@dataclass(frozen=True)
class Justificatif:
    id: str
    type: str  # "fichiers" | "ephoto"
    page: Contenu
    annexe: Contenu
    requis: bool
    when: Condition | None
    cas: str | None
    label: str = ""
    condition_annexe: str | None = None
    hors_liste: bool = False  # asked at a step, absent from the guide's ANNEXE 1
    hors_etape: bool = False  # listed in ANNEXE 1, never asked at a step


@dataclass(frozen=True)
class Cas:
    id: str
    titre: str
    when: Condition


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


@dataclass(frozen=True)
class EtapePreambule:
    titre: str
    texte: str


@dataclass(frozen=True)
class Preambule:
    """The page shown before the first step when the procedure is opened ("Votre démarche en
    ligne", guide 03 §8, guide 04 §13). `intro`: paragraphs; the strings after one ending with « : »
    are its list items."""

    titre: str
    bouton: str
    intro: tuple[str, ...] = ()
    avant: tuple[str, ...] = ()
    etapes_titre: str = ""
    etapes: tuple[EtapePreambule, ...] = ()
    info: str = ""
    joindre_titre: str = ""
    joindre: tuple[str, ...] = ()
    liste: str = ""
    alerte: str = ""

    def intro_parts(self) -> list[str | list[str]]:
        """`intro` grouped for display: a paragraph (str) or the list items after it (list)."""
        parts: list[str | list[str]] = []
        for text in self.intro:
            if parts and isinstance(parts[-1], list):
                parts[-1].append(text)
            elif parts and parts[-1].rstrip().endswith(":"):  # type: ignore[union-attr]
                parts.append([text])
            else:
                parts.append(text)
        return parts


@dataclass(frozen=True)
class Definition:
    id: str
    guide: str
    titre: str
    fil: str
    motif: str
    intro: str
    recapitulatif: dict[str, str]
    variables: tuple[tuple[str, Condition], ...]
    cas: tuple[Cas, ...]
    justificatifs: dict[str, Justificatif]
    steps: tuple[Step, ...]
    confirmation: Confirmation | None
    liste_pieces: ListePieces
    identite: dict[str, str] = field(default_factory=dict)
    source: str = ""
    # How the user reaches it besides `motif`: the item of "Votre situation actuelle" under
    # "JE SOLLICITE UN AUTRE TITRE DE SÉJOUR :", or the categories of title it renews.
    situation: str = ""
    renouvellement: tuple[str, ...] = ()
    preambule: Preambule | None = None
    # "Mes demandes en cours": the "Type de demande" column (the procedure's titre when empty).
    type_demande: str = ""
    # Names the conditions and documents may use, read once when the demande starts (name, source
    # among CONTEXTE_SOURCES), e.g. the category of the title a renewal renews.
    contexte: tuple[tuple[str, str], ...] = ()
    attestations: tuple[Attestation, ...] = ()

    def attestation(self, attestation_id: str) -> Attestation | None:
        return next((a for a in self.attestations if a.id == attestation_id), None)

    def attestations_emises(self, emise: str) -> tuple[Attestation, ...]:
        """The attestations issued at the dépôt ("depot") or at the favourable decision ("decision")."""
        return tuple(a for a in self.attestations if a.emise == emise)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def index(self, step_id: str) -> int:
        return [s.id for s in self.steps].index(step_id)

    def cas_by_id(self, cas_id: str) -> Cas:
        return next(c for c in self.cas if c.id == cas_id)

    def field(self, field_id: str) -> Bloc:
        for step in self.steps:
            for bloc in step.fields():
                if bloc.id == field_id:
                    return bloc
        raise KeyError(field_id)

    def step_of(self, field_id: str) -> Step:
        for step in self.steps:
            if any(b.id == field_id for b in step.fields()):
                return step
        raise KeyError(field_id)


# Loading -------------------------------------------------------------------------------------
class _Reader:
    """Reads one YAML mapping with a path for messages ("steps[2].sections[0].blocs[3]")."""

    def __init__(self, data: Any, where: str, source: str) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, dict):
            self.fail(f"une table (clé: valeur) est attendue, trouvé {type(data).__name__}")
        self.data: dict[str, Any] = data

    def fail(self, message: str) -> None:
        raise DefinitionError(f"{self.source} : {self.where} : {message}")

    def child(self, data: Any, where: str) -> "_Reader":
        return _Reader(data, f"{self.where}.{where}" if self.where else where, self.source)

    def known(self, *keys: str) -> None:
        unknown = set(self.data) - set(keys)
        if unknown:
            self.fail(f"clé(s) inconnue(s) : {', '.join(sorted(unknown))} (attendues : {', '.join(keys)})")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"« {key} » est obligatoire")
            return default
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.fail(f"« {key} » doit être un texte")
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"« {key} » doit valoir true ou false")
        return value

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.data.get(key, default)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            self.fail(f"« {key} » doit être un entier positif")
        return value

    def items(self, key: str, *, required: bool = True) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"« {key} » est obligatoire")
            return []
        if not isinstance(value, list):
            self.fail(f"« {key} » doit être une liste")
        return value

    def condition(self, key: str = "when") -> Condition | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return parse(str(value))
        except ConditionError as exc:
            self.fail(f"condition « {value} » refusée : {exc}")
        return None  # unreachable


def _options(r: _Reader) -> tuple[Option, ...]:
    options = []
    for i, raw in enumerate(r.items("options", required=False)):
        if isinstance(raw, str):
            options.append(Option(valeur=raw, libelle=raw))
            continue
        o = r.child(raw, f"options[{i}]")
        o.known("valeur", "libelle", "recapitulatif", "simulee")
        options.append(Option(
            valeur=o.text("valeur"), libelle=o.text("libelle"),
            recapitulatif=o.text("recapitulatif", required=False) or None,
            simulee=o.data.get("simulee", True) is not False,
        ))
    if len({o.valeur for o in options}) != len(options):
        r.fail("deux options ont la même valeur")
    return tuple(options)


_BLOC_KEYS = ("id", "type", "label", "texte", "requis", "when", "options", "source", "multiple", "ajouter",
              "annee_seule", "pas_futur", "apres", "longueur_max", "parties", "outre_mer", "important",
              "justificatif", "champs", "element", "retirer", "maximum", "prefill", "lecture_seule", "document",
              "identite", "bouton", "erreur", "a_confirmer")


def _bloc(r: _Reader, *, in_group: bool = False) -> Bloc:
    r.known(*_BLOC_KEYS)
    kind = r.text("type")
    if kind not in FIELD_TYPES | DISPLAY_TYPES:
        r.fail(f"type « {kind} » inconnu (types : {', '.join(sorted(FIELD_TYPES | DISPLAY_TYPES))})")
    values: dict[str, Any] = {"type": kind, "when": r.condition()}
    if kind in DISPLAY_TYPES:
        if kind == "justificatif":
            values["justificatif"] = r.text("justificatif")
        elif kind == "lien_document":
            values.update(texte=r.text("texte"), document=r.text("document"))
        else:
            values["texte"] = r.text("texte")
            values["important"] = r.flag("important")
        return Bloc(**values)
    field_id = r.text("id")
    if not field_id.isidentifier():
        r.fail(f"id « {field_id} » : lettres, chiffres et _ seulement")
    values.update(id=field_id, label=r.text("label", required=kind != "groupe"), requis=r.flag("requis"),
                  multiple=r.flag("multiple"), ajouter=r.text("ajouter", required=False) or None,
                  annee_seule=r.flag("annee_seule"), pas_futur=r.flag("pas_futur"),
                  longueur_max=r.integer("longueur_max", MAX_TEXT))
    if values["multiple"] and not values["ajouter"]:
        r.fail("un champ « multiple » a besoin du libellé « ajouter »")
    if values["multiple"] and kind not in ("texte", "selection"):
        r.fail("seuls les champs texte et selection peuvent être « multiple »")
    values["prefill"] = prefill = r.text("prefill", required=False) or None
    values["lecture_seule"] = r.flag("lecture_seule")
    if prefill is not None:
        if prefill not in PREFILL_SOURCES:
            r.fail(f"prefill « {prefill} » inconnu (sources : {', '.join(sorted(PREFILL_SOURCES))})")
        if kind not in PREFILL_SOURCES[prefill]:
            r.fail(f"prefill « {prefill} » ne remplit pas un champ « {kind} » "
                   f"(types : {', '.join(sorted(PREFILL_SOURCES[prefill]))})")
        if in_group:
            r.fail("un champ de groupe ne peut pas être pré-rempli")
    if values["lecture_seule"] and prefill is None:
        r.fail("un champ « lecture_seule » a besoin de « prefill » (d'où vient sa valeur ?)")
    if kind in ("choix", "selection"):
        values["options"] = _options(r)
        source = r.data.get("source")
        if source is not None and source not in OPTION_SOURCES:
            r.fail(f"source « {source} » inconnue (sources : {', '.join(sorted(OPTION_SOURCES))})")
        if source is not None and values["options"]:
            r.fail("« options » et « source » s'excluent")
        if source is None and not values["options"]:
            r.fail("un champ à choix a besoin d'« options » ou d'une « source »")
        if kind == "choix" and source is not None:
            r.fail("un champ « choix » (boutons radio) ne prend pas de « source »")
        values["source"] = source
    if "apres" in r.data:
        a = r.child(r.data["apres"], "apres")
        a.known("champ", "message")
        values["apres"] = (a.text("champ"), a.text("message"))
        if kind != "date":
            r.fail("« apres » ne s'applique qu'à une date")
    if kind == "adresse":
        p = r.child(r.data.get("parties"), "parties")
        p.known(*ADDRESS_PARTS)
        values["parties"] = tuple((name, p.text(name)) for name in ADDRESS_PARTS)
        values["outre_mer"] = r.text("outre_mer", required=False) or None
    if kind == "confirmation_identite":
        if in_group or values["multiple"]:
            r.fail("une confirmation d'identité n'est ni dans un groupe ni « multiple »")
        m = r.child(r.data.get("identite"), "identite")
        m.known(*CONFIRMATION_KEYS)
        if "numero_etranger" not in m.data or len(m.data) < 2:
            m.fail("« numero_etranger » et au moins un élément d'identité (nom, date_naissance…) sont obligatoires")
        values.update(identite=tuple((key, m.text(key)) for key in CONFIRMATION_KEYS if key in m.data),
                      bouton=r.text("bouton"), texte=r.text("texte"), erreur=r.text("erreur"),
                      a_confirmer=r.text("a_confirmer", required=values["requis"]))
    elif any(key in r.data for key in ("identite", "bouton", "erreur", "a_confirmer")):
        r.fail("« identite », « bouton », « erreur » et « a_confirmer » ne s'emploient qu'avec « type: confirmation_identite »")
    if kind == "groupe":
        if in_group:
            r.fail("un groupe ne peut pas contenir de groupe")
        values["element"] = r.text("element")
        values["ajouter"] = r.text("ajouter")
        values["retirer"] = r.text("retirer", required=False) or None
        values["maximum"] = r.integer("maximum", 10)
        champs = tuple(_bloc(r.child(c, f"champs[{i}]"), in_group=True) for i, c in enumerate(r.items("champs")))
        ids = [c.id for c in champs if c.id]
        if len(ids) != len(set(ids)):
            r.fail("deux champs du groupe ont le même id")
        if any(c.type in ("adresse", "email_compte") or c.apres for c in champs):
            r.fail("un groupe ne contient ni adresse, ni email, ni contrainte « apres »")
        values["champs"] = champs
    return Bloc(**values)


def _contenu(r: _Reader, titre: str) -> Contenu:
    parts: list[str | tuple[str, ...]] = []
    for i, item in enumerate(r.items("contenu", required=False)):
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list) and all(isinstance(x, str) for x in item):
            parts.append(tuple(item))
        else:
            r.fail(f"contenu[{i}] : un paragraphe (texte) ou une liste de textes est attendu")
    return Contenu(titre=titre, parties=tuple(parts))


def _justificatif(r: _Reader) -> Justificatif:
    r.known("id", "type", "titre", "contenu", "label", "requis", "when", "cas", "annexe", "condition_annexe",
            "hors_liste", "hors_etape")
    kind = r.text("type", required=False, default="fichiers")
    if kind not in ("fichiers", "ephoto"):
        r.fail(f"type « {kind} » inconnu (fichiers ou ephoto)")
    page = _contenu(r, r.text("titre"))
    annexe = page
    if "annexe" in r.data:
        a = r.child(r.data["annexe"], "annexe")
        a.known("titre", "contenu")
        annexe = Contenu(titre=a.text("titre", required=False, default=page.titre),
                         parties=_contenu(a, "").parties if "contenu" in a.data else page.parties)
    return Justificatif(
        id=r.text("id"), type=kind, page=page, annexe=annexe, requis=r.flag("requis"), when=r.condition(),
        cas=r.text("cas", required=False) or None, label=r.text("label", required=kind == "ephoto"),
        condition_annexe=r.text("condition_annexe", required=False) or None,
        hors_liste=r.flag("hors_liste"), hors_etape=r.flag("hors_etape"),
    )


def _section(r: _Reader) -> Section:
    r.known("titre", "obligatoires", "intro", "blocs")
    blocs = tuple(_bloc(r.child(b, f"blocs[{i}]")) for i, b in enumerate(r.items("blocs", required=False)))
    return Section(titre=r.text("titre", required=False) or None, obligatoires=r.flag("obligatoires"),
                   intro=tuple(str(x) for x in r.items("intro", required=False)), blocs=blocs)


def _step(r: _Reader) -> Step:
    r.known("id", "titre", "when", "intro", "intro_procedure", "recapitulatif", "progression",
            "documents_a_fournir", "boutons", "depot", "confirmation", "sections", "bloquant", "bloquants", "type", "parties", "libelles")
    kind = r.text("type", required=False, default="saisie")
    if kind not in STEP_TYPES:
        r.fail(f"type « {kind} » inconnu (types d'étape : {', '.join(sorted(STEP_TYPES))})")
    parties: list[Partie] = []
    libelles: tuple[tuple[str, str], ...] = ()
    if kind == "recapitulatif":
        for i, raw in enumerate(r.items("parties")):
            part = r.child(raw, f"parties[{i}]")
            part.known("etape", "titre")
            parties.append(Partie(etape=part.text("etape"), titre=part.text("titre")))
        if not parties:
            r.fail("un récapitulatif a au moins une partie")
        lib = r.child(r.data.get("libelles"), "libelles")
        lib.known(*RECAPITULATIF_LIBELLES)
        libelles = tuple((key, lib.text(key)) for key in RECAPITULATIF_LIBELLES)
    elif "parties" in r.data or "libelles" in r.data:
        r.fail("« parties » et « libelles » ne s'emploient qu'avec « type: recapitulatif »")
    progression = None
    if "progression" in r.data:
        p = r.child(r.data["progression"], "progression")
        p.known("pourcentage", "minutes")
        percent = p.integer("pourcentage")
        if percent is None or percent > 100:
            p.fail("« pourcentage » entre 0 et 100 est obligatoire")
        progression = (percent, p.integer("minutes"))
    boutons = tuple(str(b) for b in r.items("boutons", required=False))
    unknown = set(boutons) - BUTTONS
    if unknown:
        r.fail(f"bouton(s) inconnu(s) : {', '.join(sorted(unknown))} (boutons : {', '.join(sorted(BUTTONS))})")
    step_id = r.text("id")
    return Step(
        id=step_id, titre=r.text("titre"), when=r.condition(),
        sections=tuple(_section(r.child(s, f"sections[{i}]")) for i, s in enumerate(r.items("sections"))),
        intro=tuple(str(x) for x in r.items("intro", required=False)), intro_procedure=r.flag("intro_procedure"),
        recapitulatif=r.flag("recapitulatif"), progression=progression,
        documents_a_fournir=r.flag("documents_a_fournir"), boutons=boutons, depot=r.flag("depot"),
        confirmation=r.flag("confirmation"),
        bloquant=_bloquant(r.child(r.data["bloquant"], "bloquant")) if "bloquant" in r.data else None,
        bloquants=tuple(_bloquant(r.child(b, f"bloquants[{i}]")) for i, b in enumerate(r.items("bloquants", required=False))),
        type=kind, parties=tuple(parties), libelles=libelles,
    )


def _bloquant(r: _Reader) -> Bloquant:
    r.known("when", "titre", "texte", "modifier", "abandonner")
    when = r.condition()
    if when is None:
        r.fail("« when » est obligatoire")
    texte = r.data.get("texte")
    paragraphs = tuple(str(x) for x in texte) if isinstance(texte, list) else (r.text("texte"),)
    return Bloquant(when=when, titre=r.text("titre"), texte=paragraphs,  # type: ignore[arg-type]
                    modifier=r.text("modifier"), abandonner=r.text("abandonner"))


def _preambule(r: _Reader) -> Preambule:
    r.known("titre", "intro", "avant", "etapes_titre", "etapes", "info", "joindre_titre", "joindre", "liste",
            "bouton", "alerte")

    def texts(key: str) -> tuple[str, ...]:
        items = r.items(key, required=False)
        if not all(isinstance(x, str) for x in items):
            r.fail(f"« {key} » : une liste de textes est attendue")
        return tuple(items)

    etapes = []
    for i, raw in enumerate(r.items("etapes", required=False)):
        e = r.child(raw, f"etapes[{i}]")
        e.known("titre", "texte")
        etapes.append(EtapePreambule(titre=e.text("titre"), texte=e.text("texte", required=False)))
    return Preambule(
        titre=r.text("titre"), bouton=r.text("bouton"), intro=texts("intro"), avant=texts("avant"),
        etapes_titre=r.text("etapes_titre", required=False), etapes=tuple(etapes),
        info=r.text("info", required=False), joindre_titre=r.text("joindre_titre", required=False),
        joindre=texts("joindre"), liste=r.text("liste", required=False), alerte=r.text("alerte", required=False),
    )


def _lignes(r: _Reader, key: str) -> tuple[Ligne, ...]:
    out = []
    for i, raw in enumerate(r.items(key)):
        line = r.child(raw, f"{key}[{i}]")
        line.known("libelle", "valeur", "majuscules", "omise_si_vide")
        out.append(Ligne(libelle=line.text("libelle"), valeur=line.text("valeur"), majuscules=line.flag("majuscules"),
                         omise_si_vide=line.flag("omise_si_vide")))
    return tuple(out)


def _paragraphes(r: _Reader, key: str, *, required: bool = True) -> tuple[Paragraphe, ...]:
    out = []
    for i, raw in enumerate(r.items(key, required=required)):
        p = r.child(raw, f"{key}[{i}]")
        p.known("texte", "gras", "when")
        out.append(Paragraphe(texte=p.text("texte"), gras=p.flag("gras"), when=p.condition()))
    return tuple(out)


def _confirmation(r: _Reader) -> Confirmation:
    r.known("fichier", "titre", "references", "lignes", "paragraphes")
    refs = r.child(r.data.get("references"), "references")
    refs.known("titre", "lignes")
    return Confirmation(fichier=r.text("fichier"), titre=r.text("titre"), references_titre=refs.text("titre"),
                        references=_lignes(refs, "lignes"), lignes=_lignes(r, "lignes"),
                        paragraphes=_paragraphes(r, "paragraphes"))


def _deux_d_doc(r: _Reader) -> DeuxDDoc:
    from ..documents.twoddoc import FIELD_SPECS, MANDATORY_TYPE_13

    r.known("type_document", "perimetre", "pays", "champs")
    raw = r.data.get("champs")
    if not isinstance(raw, dict) or not raw:
        r.fail("« champs » : une table identifiant: valeur est attendue")
    champs = []
    for identifier, value in raw.items():
        identifier = str(identifier).upper()
        if identifier not in FIELD_SPECS:
            r.fail(f"champs : identifiant 2D-DOC « {identifier} » inconnu")
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            r.fail(f"champs.{identifier} : un texte est attendu")
        champs.append((identifier, str(value)))
    code = DeuxDDoc(type_document=r.text("type_document"), perimetre=r.text("perimetre"), pays=r.text("pays"),
                    champs=tuple(champs))
    if code.type_document == "13":
        missing = sorted(MANDATORY_TYPE_13 - {i for i, _ in champs})
        if missing:
            r.fail(f"champs : un 2D-DOC de type 13 doit porter {', '.join(missing)} (§8.5)")
    return code


def _attestation(r: _Reader) -> Attestation:
    r.known("id", "fichier", "lien", "courriel", "titre", "references", "statut", "lignes", "paragraphes",
            "validite_mois", "deux_d_doc", "emise", "titres")
    emise = r.text("emise", required=False) or "depot"
    if emise not in EMISSIONS:
        r.fail(f"emise : « {emise} » inconnu ({', '.join(EMISSIONS)})")
    titres = []
    for i, raw in enumerate(r.items("titres", required=False)):
        t = r.child(raw, f"titres[{i}]")
        t.known("nature", "mention", "when")
        titres.append(TitreDelivre(nature=t.text("nature"), mention=t.text("mention"), when=t.condition()))
    if emise == "decision" and not titres:
        r.fail("titres : une attestation émise à la décision dit quel titre est délivré")
    if emise == "instruction" and not r.text("lien", required=False):
        r.fail("lien : une attestation délivrée pendant l'instruction est nommée par sa notification (« lien »)")
    if emise != "depot" and r.data.get("courriel"):
        r.fail("courriel : une attestation émise après le dépôt est remise par sa notification, pas au dépôt")
    refs = r.child(r.data.get("references"), "references")
    refs.known("titre", "lignes")
    titre = r.data.get("titre")
    lines = tuple(str(x) for x in titre) if isinstance(titre, list) else (r.text("titre"),)
    return Attestation(
        id=r.text("id"), fichier=r.text("fichier"), lien=r.text("lien", required=False), courriel=r.flag("courriel"),
        titre=lines,
        references_titre=refs.text("titre"), references=_lignes(refs, "lignes"),
        statut=_paragraphes(r, "statut", required=False), lignes=_lignes(r, "lignes"),
        paragraphes=_paragraphes(r, "paragraphes"), validite_mois=r.integer("validite_mois"),
        deux_d_doc=_deux_d_doc(r.child(r.data["deux_d_doc"], "deux_d_doc")) if "deux_d_doc" in r.data else None,
        emise=emise, titres=tuple(titres),
    )


def _liste(r: _Reader) -> ListePieces:
    r.known("fichier", "titre", "sous_titre", "intro", "groupes")
    groupes = []
    for i, raw in enumerate(r.items("groupes")):
        g = r.child(raw, f"groupes[{i}]")
        g.known("titre", "cas", "rubriques")
        rubriques = []
        for j, rr in enumerate(g.items("rubriques")):
            rub = g.child(rr, f"rubriques[{j}]")
            rub.known("titre", "justificatifs")
            rubriques.append(Rubrique(titre=rub.text("titre"),
                                      justificatifs=tuple(str(x) for x in rub.items("justificatifs"))))
        cas = g.text("cas", required=False) or None
        # A lone groupe may have neither titre nor cas: printed without a heading (guide 03 ANNEXE 1).
        groupes.append(Groupe(titre=g.text("titre", required=False), cas=cas, rubriques=tuple(rubriques)))
    return ListePieces(fichier=r.text("fichier"), titre=r.text("titre"), sous_titre=r.text("sous_titre"),
                       intro=tuple(str(x) for x in r.items("intro", required=False)), groupes=tuple(groupes))


def load_text(text: str, source: str = "<définition>") -> Definition:
    """Parse and check one definition; raise DefinitionError naming the place of the first problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DefinitionError(f"{source} : YAML illisible : {exc}") from None
    r = _Reader(data, "", source)
    r.known("id", "guide", "titre", "fil", "acces", "intro", "recapitulatif", "identite", "variables", "cas",
            "justificatifs", "steps", "documents", "preambule", "type_demande", "contexte")
    contexte = []
    raw_contexte = r.data.get("contexte") or {}
    if not isinstance(raw_contexte, dict):
        r.fail("« contexte » doit être une table nom: source")
    for name, source in raw_contexte.items():
        if not str(name).isidentifier():
            r.fail(f"contexte : nom « {name} » invalide")
        if source not in CONTEXTE_SOURCES:
            r.fail(f"contexte.{name} : source « {source} » inconnue (sources : {', '.join(sorted(CONTEXTE_SOURCES))})")
        contexte.append((str(name), str(source)))
    ident = r.child(r.data.get("identite"), "identite")
    ident.known(*IDENTITE_KEYS)
    acces = r.child(r.data.get("acces"), "acces")
    acces.known("motif", "situation", "renouvellement")
    if not any(acces.data.get(k) for k in ("motif", "situation", "renouvellement")):
        acces.fail("« motif », « situation » ou « renouvellement » : par où l'usager arrive-t-il ?")
    recap = r.child(r.data.get("recapitulatif") or {}, "recapitulatif")  # optional: see _check_references
    recap.known("titre", "premiere_demande", "modifier")
    variables = []
    raw_vars = r.data.get("variables") or {}
    if not isinstance(raw_vars, dict):
        r.fail("« variables » doit être une table nom: expression")
    for name, expr in raw_vars.items():
        if not str(name).isidentifier():
            r.fail(f"variables : nom « {name} » invalide")
        try:
            variables.append((str(name), parse(str(expr))))
        except ConditionError as exc:
            r.fail(f"variables.{name} : expression « {expr} » refusée : {exc}")
    cas = []
    for i, raw in enumerate(r.items("cas", required=False)):
        c = r.child(raw, f"cas[{i}]")
        c.known("id", "titre", "when")
        when = c.condition()
        if when is None:
            c.fail("« when » est obligatoire")
        cas.append(Cas(id=c.text("id"), titre=c.text("titre"), when=when))  # type: ignore[arg-type]
    justificatifs: dict[str, Justificatif] = {}
    for i, raw in enumerate(r.items("justificatifs", required=False)):
        j = _justificatif(r.child(raw, f"justificatifs[{i}]"))
        if j.id in justificatifs:
            r.fail(f"justificatifs : id « {j.id} » en double")
        justificatifs[j.id] = j
    steps = tuple(_step(r.child(s, f"steps[{i}]")) for i, s in enumerate(r.items("steps")))
    docs = r.child(r.data.get("documents"), "documents")
    docs.known("confirmation_depot", "liste_pieces", "attestations")
    attestations = tuple(_attestation(docs.child(a, f"attestations[{i}]"))
                         for i, a in enumerate(docs.items("attestations", required=False)))
    if "confirmation_depot" not in docs.data and not attestations:
        docs.fail("« confirmation_depot » ou au moins une attestation : que remet le dépôt ?")
    definition = Definition(
        id=r.text("id"), guide=r.text("guide"), titre=r.text("titre"), fil=r.text("fil"), motif=acces.text("motif", required=False),
        intro=r.text("intro", required=False),
        recapitulatif={k: recap.text(k) for k in ("titre", "premiere_demande", "modifier")} if recap.data else {},
        variables=tuple(variables), cas=tuple(cas), justificatifs=justificatifs, steps=steps,
        confirmation=(_confirmation(docs.child(docs.data["confirmation_depot"], "confirmation_depot"))
                      if "confirmation_depot" in docs.data else None),
        liste_pieces=_liste(docs.child(docs.data.get("liste_pieces"), "liste_pieces")),
        identite={k: ident.text(k) for k in IDENTITE_KEYS},
        source=source,
        situation=acces.text("situation", required=False),
        renouvellement=tuple(str(c) for c in acces.items("renouvellement", required=False)),
        preambule=_preambule(r.child(r.data["preambule"], "preambule")) if "preambule" in r.data else None,
        type_demande=r.text("type_demande", required=False),
        contexte=tuple(contexte), attestations=attestations,
    )
    _check_references(definition, r)
    return definition


def _check_references(d: Definition, r: _Reader) -> None:
    """Cross-checks: unique ids, known names in conditions, known justificatifs, cas and values."""
    step_ids = [s.id for s in d.steps]
    if len(step_ids) != len(set(step_ids)):
        r.fail("steps : deux étapes ont le même id")
    if not d.steps:
        r.fail("steps : au moins une étape")
    if sum(1 for s in d.steps if s.depot) != 1:
        r.fail("steps : exactement une étape doit porter « depot: true »")
    if not d.steps[-1].confirmation:
        r.fail("steps : la dernière étape doit porter « confirmation: true »")
    for step in d.steps:
        if step.recapitulatif and not d.recapitulatif:
            r.fail(f"étape {step.id} : « recapitulatif: true » demande le « recapitulatif » de la définition")
        if step.intro_procedure and not d.intro:
            r.fail(f"étape {step.id} : « intro_procedure: true » demande l'« intro » de la définition")
    field_ids: list[str] = []
    for step in d.steps:
        for bloc in step.blocs():
            if bloc.id:
                field_ids.append(bloc.id)
    duplicates = {f for f in field_ids if field_ids.count(f) > 1}
    if duplicates:
        r.fail(f"champ(s) défini(s) deux fois : {', '.join(sorted(duplicates))}")
    cas_ids = {c.id for c in d.cas}
    contexte_names = {name for name, _ in d.contexte}
    names = set(field_ids) | {name for name, _ in d.variables} | contexte_names
    var_names = [name for name, _ in d.variables]
    if set(var_names) & set(field_ids):
        r.fail(f"variables : nom déjà pris par un champ : {', '.join(sorted(set(var_names) & set(field_ids)))}")
    if contexte_names & (set(field_ids) | set(var_names)):
        r.fail(f"contexte : nom déjà pris : {', '.join(sorted(contexte_names & (set(field_ids) | set(var_names))))}")

    def check_condition(cond: Condition | None, where: str, extra: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        if cond is None:
            return
        unknown = cond.names - names - extra
        if unknown:
            r.fail(f"{where} : condition « {cond.source} » : nom(s) inconnu(s) : {', '.join(sorted(unknown))}")

    for name, cond in d.variables:
        check_condition(cond, f"variables.{name}")
    for c in d.cas:
        check_condition(c.when, f"cas {c.id}")
    for j in d.justificatifs.values():
        check_condition(j.when, f"justificatif {j.id}")
        if j.cas and j.cas not in cas_ids:
            r.fail(f"justificatif {j.id} : cas « {j.cas} » inconnu")
    used: set[str] = set()
    for index, step in enumerate(d.steps):
        check_condition(step.when, f"étape {step.id}")
        if step.bloquant:
            check_condition(step.bloquant.when, f"étape {step.id}, bloquant")
        for i, rule in enumerate(step.bloquants):
            check_condition(rule.when, f"étape {step.id}, bloquants[{i}]")
        for part in step.parties:
            if part.etape not in step_ids[:index] or d.step(part.etape).confirmation:
                r.fail(f"étape {step.id} : la partie « {part.titre} » désigne « {part.etape} », "
                       "qui n'est pas une étape de saisie précédant le récapitulatif")
        step_fields = {b.id: b for b in step.fields()}
        for bloc in step.blocs():
            check_condition(bloc.when, f"étape {step.id}, bloc {bloc.id or bloc.type}")
            for key, field_id in bloc.identite:
                named = step_fields.get(field_id)
                if named is None or named.multiple or named.type not in CONFIRMATION_KEYS[key]:
                    r.fail(f"étape {step.id}, confirmation {bloc.id} : identite.{key} désigne « {field_id} », qui n'est pas "
                           f"un champ {' ou '.join(sorted(CONFIRMATION_KEYS[key]))} de cette étape")
            for inner in bloc.champs:
                check_condition(inner.when, f"étape {step.id}, groupe {bloc.id}", {c.id for c in bloc.champs if c.id})
            if bloc.apres and bloc.apres[0] not in field_ids:
                r.fail(f"étape {step.id}, champ {bloc.id} : « apres » désigne un champ inconnu « {bloc.apres[0]} »")
            if bloc.document and d.attestation(bloc.document) is None:
                r.fail(f"étape {step.id} : document « {bloc.document} » inconnu (documents.attestations)")
            elif bloc.document and d.attestation(bloc.document).emise != "depot":  # type: ignore[union-attr]
                r.fail(f"étape {step.id} : le document « {bloc.document} » n'existe qu'à la décision")
            if bloc.justificatif:
                if bloc.justificatif not in d.justificatifs:
                    r.fail(f"étape {step.id} : justificatif « {bloc.justificatif} » inconnu")
                used.add(bloc.justificatif)
    unused = {j for j in set(d.justificatifs) - used if not d.justificatifs[j].hors_etape}
    if used & {j for j, x in d.justificatifs.items() if x.hors_etape}:
        r.fail("un justificatif « hors_etape » est demandé dans une étape")
    if unused:
        r.fail(f"justificatif(s) jamais demandé(s) dans une étape : {', '.join(sorted(unused))}")
    listed = set()
    for g in d.liste_pieces.groupes:
        if g.cas and g.cas not in cas_ids:
            r.fail(f"documents.liste_pieces : cas « {g.cas} » inconnu")
        for rub in g.rubriques:
            for jid in rub.justificatifs:
                if jid not in d.justificatifs:
                    r.fail(f"documents.liste_pieces : justificatif « {jid} » inconnu")
                listed.add(jid)
    absent = {j for j in set(d.justificatifs) - listed if not d.justificatifs[j].hors_liste}
    if absent:
        r.fail(f"documents.liste_pieces : justificatif(s) absent(s) de la liste : {', '.join(sorted(absent))}")
    if len(d.liste_pieces.groupes) > 1 and any(not g.titre and g.cas is None for g in d.liste_pieces.groupes):
        r.fail("documents.liste_pieces : seul un groupe unique peut n'avoir ni « titre » ni « cas »")
    for key, field_id in d.identite.items():
        if field_id not in field_ids:
            r.fail(f"identite.{key} : champ « {field_id} » inconnu")
    def check_values(texts: list[str], allowed: set[str], where: str) -> None:
        for text in texts:
            for _, name, spec, conversion in string.Formatter().parse(text):
                if name is None:
                    continue
                if name not in allowed or spec or conversion:
                    r.fail(f"{where} : valeur « {{{name}}} » inconnue (champs ou {', '.join(sorted(DOCUMENT_VALUES))})")

    c = d.confirmation
    if c is not None:
        check_values([c.fichier, *(line.valeur for line in (*c.references, *c.lignes)), *(p.texte for p in c.paragraphes)],
                     document_names(d), "documents.confirmation_depot")
        for p in c.paragraphes:
            check_condition(p.when, "documents.confirmation_depot")
    ids = [a.id for a in d.attestations]
    if len(ids) != len(set(ids)):
        r.fail("documents.attestations : deux attestations ont le même id")
    for a in d.attestations:
        where = f"documents.attestations.{a.id}"
        texts = [a.fichier, *(line.valeur for line in (*a.references, *a.lignes)),
                 *(p.texte for p in (*a.statut, *a.paragraphes))]
        if a.deux_d_doc is not None:
            texts += [value for _, value in a.deux_d_doc.champs]
        check_values(texts, document_names(d, attestation=True, decision=a.emise == "decision"), where)
        for p in (*a.statut, *a.paragraphes):
            check_condition(p.when, where)
        for t in a.titres:
            check_condition(t.when, where)
        if a.validite_mois is None and a.emise != "decision" and any(
            n in ("date_debut_validite", "date_fin_validite") or n.startswith(("date_debut_validite.", "date_fin_validite."))
            for t in texts for _, n, _, _ in string.Formatter().parse(t) if n
        ):
            r.fail(f"{where} : les dates de validité demandent « validite_mois »")


DATE_VALUES = ("date_emission", "date_depot")


def document_names(d: Definition, *, attestation: bool = False, decision: bool = False) -> set[str]:
    """The {names} a document of `d` may print: every field as displayed, the dépôt's values, the
    contexte, and derived forms: `champ.code` (the option's value, e.g. an ISO country code),
    `date.jjmmaaaa`, `texte.liste` (items or words joined by "/"), `adresse.<partie>`."""
    names = set(DOCUMENT_VALUES) | {name for name, _ in d.contexte}
    dates = set(DATE_VALUES)
    if attestation:
        names |= ATTESTATION_VALUES
        dates |= {"date_debut_validite", "date_fin_validite"}
    if decision:
        names |= DECISION_VALUES
        dates.add("date_decision")
    for step in d.steps:
        for bloc in step.fields():
            fid = bloc.id or ""
            names.add(fid)
            if bloc.type in ("choix", "selection"):
                names.add(f"{fid}.code")
            elif bloc.type == "date":
                dates.add(fid)
            elif bloc.type == "texte":
                names.add(f"{fid}.liste")
            elif bloc.type == "adresse":
                names |= {f"{fid}.{part}" for part in ADDRESS_PARTS}
    return names | {f"{x}.jjmmaaaa" for x in dates}


def load_file(path: Path) -> Definition:
    return load_text(Path(path).read_text(encoding="utf-8"), source=Path(path).name)


@cache
def bundled() -> tuple[Definition, ...]:
    """Every definition shipped in fake_anef/procedures/, checked (cached: loaded once at start)."""
    folder = files("fake_anef").joinpath("procedures")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            out.append(load_text(entry.read_text(encoding="utf-8"), source=entry.name))
    ids = [d.id for d in out]
    if len(ids) != len(set(ids)):
        raise DefinitionError("procédures : deux définitions ont le même id")
    return tuple(out)


def by_id(procedure_id: str) -> Definition | None:
    return next((d for d in bundled() if d.id == procedure_id), None)


def by_motif(motif: str) -> Definition | None:
    return next((d for d in bundled() if motif and d.motif == motif), None)


def by_situation(libelle: str) -> Definition | None:
    """The procedure behind an item of "Votre situation actuelle" (guide 03 §8)."""
    return next((d for d in bundled() if libelle and d.situation == libelle), None)


def by_renouvellement(categorie: str) -> Definition | None:
    """The renewal procedure for a title of this category (guide 04 §12, 05 §13), if simulated."""
    return next((d for d in bundled() if categorie in d.renouvellement), None)
