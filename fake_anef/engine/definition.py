"""Procedure definitions: the YAML files under fake_anef/procedures/, loaded and checked at start.

Kept so that ``from fake_anef.engine.definition import …`` goes on working; the code lives in
:mod:`.schema` and :mod:`.schema_documents` (the dataclasses), :mod:`.reader` and :mod:`.communs`
(reading YAML, shared blocs), :mod:`.loading` and :mod:`.loading_documents` (the validating
reader), :mod:`.checks` (cross-references) and :mod:`.registry` (the bundled definitions).
"""

from .checks import DATE_VALUES, document_names
from .loading import load_file, load_text
from .registry import bundled, by_id, by_motif, by_renouvellement, by_situation
from .schema import (
    ADDRESS_PARTS,
    ATTESTATION_VALUES,
    BLOC_CLASSES,
    BUTTONS,
    CONFIRMATION_KEYS,
    CONTEXTE_SOURCES,
    DECISION_VALUES,
    DISPLAY_TYPES,
    DOCUMENT_VALUES,
    EMISSIONS,
    FIELD_TYPES,
    IDENTITE_KEYS,
    MAX_TEXT,
    OPTION_SOURCES,
    PREFILL_SOURCES,
    RECAPITULATIF_LIBELLES,
    STEP_TYPES,
    Affichage,
    Bloc,
    Bloquant,
    Cas,
    Champ,
    ChampAdresse,
    ChampChoix,
    ChampDate,
    ConfirmationIdentite,
    Contenu,
    Definition,
    DefinitionError,
    EtapePreambule,
    GroupeChamps,
    Justificatif,
    LienDocument,
    Option,
    Partie,
    Preambule,
    RenvoiJustificatif,
    Section,
    Step,
)
from .schema_documents import (
    Attestation,
    Confirmation,
    DeuxDDoc,
    Groupe,
    Ligne,
    ListePieces,
    Paragraphe,
    Rubrique,
    TitreDelivre,
)

__all__ = [
    "ADDRESS_PARTS", "ATTESTATION_VALUES", "BLOC_CLASSES", "BUTTONS", "CONFIRMATION_KEYS", "CONTEXTE_SOURCES", "DATE_VALUES",
    "DECISION_VALUES", "DISPLAY_TYPES", "DOCUMENT_VALUES", "EMISSIONS", "FIELD_TYPES", "IDENTITE_KEYS",
    "MAX_TEXT", "OPTION_SOURCES", "PREFILL_SOURCES", "RECAPITULATIF_LIBELLES", "STEP_TYPES",
    "Affichage", "Attestation", "Bloc", "Bloquant", "Cas", "Champ", "ChampAdresse", "ChampChoix", "ChampDate",
    "Confirmation", "ConfirmationIdentite", "GroupeChamps", "LienDocument", "RenvoiJustificatif", "Contenu", "Definition", "DefinitionError",
    "DeuxDDoc", "EtapePreambule", "Groupe", "Justificatif", "Ligne", "ListePieces", "Option", "Paragraphe",
    "Partie", "Preambule", "Rubrique", "Section", "Step", "TitreDelivre",
    "bundled", "by_id", "by_motif", "by_renouvellement", "by_situation", "document_names", "load_file", "load_text",
]
