"""Procedure definitions, the schema: the dataclasses a YAML file under fake_anef/procedures/ is
read into (:mod:`.loading`), and the vocabulary the reader accepts (field types, buttons, sources).

The shape (docs/procedures.md): steps → sections → blocs (fields, groups, headings, paragraphs,
attestations, justificatif references); a catalogue of justificatifs; the guide's "cas"; computed
variables; the documents the procedure produces (:mod:`.schema_documents`). Conditions (`when`)
use the language of :mod:`fake_anef.engine.conditions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .conditions import Condition
from .schema_documents import Attestation, Confirmation, ListePieces

FIELD_TYPES = {"texte", "telephone", "zone_texte", "choix", "selection", "date", "adresse", "email_compte",
               "attestation", "case", "groupe", "confirmation_identite"}
DISPLAY_TYPES = {"intertitre", "paragraphe", "justificatif", "lien_confirmation", "lien_document"}
OPTION_SOURCES = {"pays", "pays_ue_eee_suisse", "nationalites", "nationalites_toutes"}
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
    "identite.lieu_naissance": {"texte"},  # optional in the record
    "identite.adresse": {"adresse"},  # optional in the record: {part: text}, ADDRESS_PARTS
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
    """One thing on a step, of one `type`: a field (:class:`Champ` and its kinds) or something to read
    (:class:`Affichage`, :class:`LienDocument`, :class:`RenvoiJustificatif`). The reader builds the
    class of the type (:data:`BLOC_CLASSES`); templates and the wizard read the attributes of that kind."""

    type: str
    when: Condition | None = None
    texte: str = ""

    @property
    def is_field(self) -> bool:
        """A field the wizard reads from the form (the account's e-mail is shown, never typed)."""
        return isinstance(self, Champ) and self.type != "email_compte"


@dataclass(frozen=True)
class Affichage(Bloc):
    """intertitre, paragraphe (`important`: in bold), lien_confirmation: text to read."""

    important: bool = False


@dataclass(frozen=True)
class LienDocument(Bloc):
    """lien_document: a link to the attestation (documents.attestations) `document` names."""

    document: str = ""


@dataclass(frozen=True)
class RenvoiJustificatif(Bloc):
    """justificatif: where a justificatif of the definition's catalogue is asked for."""

    justificatif: str = ""


@dataclass(frozen=True)
class Champ(Bloc):
    """A field (`id` set): texte, telephone, zone_texte, attestation, case, email_compte; the kinds
    with options of their own are the subclasses below."""

    id: str = ""
    label: str = ""
    requis: bool = False
    multiple: bool = False
    ajouter: str | None = None
    maximum: int = 10  # items of a multiple field or of a group
    # (condition, message): the answer is refused, next to the field, when the condition holds once
    # the step is read (a rule of the guide between answers, e.g. dates against a yes/no question).
    controles: tuple[tuple[Condition, str], ...] = ()
    longueur_max: int = MAX_TEXT
    prefill: str | None = None  # a key of PREFILL_SOURCES
    lecture_seule: bool = False  # shown, never taken from the form: the pre-filled value is kept
    # read-only only when the source has a value (an optional item of the record); else typed.
    lecture_seule_si_renseigne: bool = False


@dataclass(frozen=True)
class ChampDate(Champ):
    """date: `annee_seule` (a year alone will do), `pas_futur`, `apres` (field id, message)."""

    annee_seule: bool = False
    pas_futur: bool = False
    apres: tuple[str, str] | None = None


@dataclass(frozen=True)
class ChampChoix(Champ):
    """choix (radio buttons) and selection (a list): its `options`, or a bundled list (`source`)."""

    options: tuple[Option, ...] = ()
    source: str | None = None


@dataclass(frozen=True)
class ChampAdresse(Champ):
    """adresse: the label of each part (ADDRESS_PARTS) and the overseas link."""

    parties: tuple[tuple[str, str], ...] = ()
    outre_mer: str | None = None

    def partie(self, name: str) -> str:
        return dict(self.parties)[name]


@dataclass(frozen=True)
class GroupeChamps(Champ):
    """groupe: a repeatable set of fields ("Enfant 1", "Enfant 2"…)."""

    champs: tuple[Champ, ...] = ()
    element: str = ""
    retirer: str | None = None


@dataclass(frozen=True)
class ConfirmationIdentite(Champ):
    """confirmation_identite: (key of CONFIRMATION_KEYS, field id) pairs, the button, and the words
    for a record that does not match and for a step saved before the identity is confirmed
    (`texte`: what the page and the récapitulatif show once it is confirmed)."""

    identite: tuple[tuple[str, str], ...] = ()
    bouton: str = ""
    erreur: str = ""
    a_confirmer: str = ""


# The class the reader builds for each bloc type (a type not named here is a plain Champ).
BLOC_CLASSES: dict[str, type[Bloc]] = {
    "intertitre": Affichage, "paragraphe": Affichage, "lien_confirmation": Affichage,
    "lien_document": LienDocument, "justificatif": RenvoiJustificatif,
    "date": ChampDate, "choix": ChampChoix, "selection": ChampChoix, "adresse": ChampAdresse,
    "groupe": GroupeChamps, "confirmation_identite": ConfirmationIdentite,
}


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

    def fields(self) -> list[Champ]:
        return [b for b in self.blocs() if isinstance(b, Champ) and b.is_field]

    def justificatifs(self) -> list[str]:
        return [b.justificatif for b in self.blocs() if isinstance(b, RenvoiJustificatif) and b.justificatif]


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
    # Buttons besides `bouton` (guide 04 §13: "Abandonner la demande", "Quitter et revenir plus tard"):
    # keys among PREAMBULE_BOUTONS, their words are texts.DEMARCHE["boutons"]'s.
    boutons: tuple[str, ...] = ()

    def intro_parts(self) -> list[str | list[str]]:
        """`intro` grouped for display: a paragraph (str) or the list items after it (list)."""
        parts: list[str | list[str]] = []
        for text in self.intro:
            if parts and isinstance(parts[-1], list):
                parts[-1].append(text)
            elif parts and isinstance(parts[-1], str) and parts[-1].rstrip().endswith(":"):
                parts.append([text])
            else:
                parts.append(text)
        return parts


# Shared screen texts a definition may word as its guide does (issue 15, points 11 and 12):
#   signature_decision: the last line of the "Notification de décision" signature
#   supprimer_ephoto: the button that removes the confirmed ephoto number
#   supprimer_piece: the button that removes a joined file ({FICHIER}: its name, upper-cased)
PREAMBULE_BOUTONS = ("abandonner", "quitter")
TEXTES_KEYS = ("signature_decision", "supprimer_ephoto", "supprimer_piece")


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
    # Guide 01 FAQ 3: a renewal opens `mois` months before the title's end; earlier, `message` (its
    # {date} is the opening day) is the refusal. None: no window.
    delai_renouvellement: tuple[int, str] | None = None
    preambule: Preambule | None = None
    # "Mes demandes en cours": the "Type de demande" column (the procedure's titre when empty).
    type_demande: str = ""
    # Names the conditions and documents may use, read once when the demande starts (name, source
    # among CONTEXTE_SOURCES), e.g. the category of the title a renewal renews.
    contexte: tuple[tuple[str, str], ...] = ()
    attestations: tuple[Attestation, ...] = ()
    # The procedure's own wording of a shared screen element, where its guide differs from the
    # others (key among TEXTES_KEYS; fake_anef/texts.py holds the default).
    textes: dict[str, str] = field(default_factory=dict)

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

    def field(self, field_id: str) -> Champ:
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
