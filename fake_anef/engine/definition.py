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
    Bloc,
    Bloquant,
    Cas,
    Contenu,
    Definition,
    DefinitionError,
    EtapePreambule,
    Justificatif,
    Option,
    Partie,
    Preambule,
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
    "ADDRESS_PARTS", "ATTESTATION_VALUES", "BUTTONS", "CONFIRMATION_KEYS", "CONTEXTE_SOURCES", "DATE_VALUES",
    "DECISION_VALUES", "DISPLAY_TYPES", "DOCUMENT_VALUES", "EMISSIONS", "FIELD_TYPES", "IDENTITE_KEYS",
    "MAX_TEXT", "OPTION_SOURCES", "PREFILL_SOURCES", "RECAPITULATIF_LIBELLES", "STEP_TYPES",
    "Attestation", "Bloc", "Bloquant", "Cas", "Confirmation", "Contenu", "Definition", "DefinitionError",
    "DeuxDDoc", "EtapePreambule", "Groupe", "Justificatif", "Ligne", "ListePieces", "Option", "Paragraphe",
    "Partie", "Preambule", "Rubrique", "Section", "Step", "TitreDelivre",
    "bundled", "by_id", "by_motif", "by_renouvellement", "by_situation", "document_names", "load_file", "load_text",
]
