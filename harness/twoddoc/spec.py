"""What the harness knows of the 2D-DOC specification (ANTS v3.2.6), kept as data.

The data identifiers a reader must know to split a message (§3.4.1: a fixed-length value has no
separator, so without its length the next identifier cannot be found): §7.0 (complementary
identifiers, allowed in any type) and §7.5 (identity documents), which together are every identifier
document types 07 (titre d'identité), 08 (MRZ) and 13 (document étranger) may hold (§8.5).

Transcribed for the harness on its own, from the specification, not from the portal's writer: the
two must agree because the specification says so, not because they share a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "DOCUMENT_TYPES",
    "IDENTIFIERS",
    "DataIdentifier",
    "DocumentType",
    "identifier",
]


@dataclass(frozen=True)
class DataIdentifier:
    """One row of the annex."""

    identifier: str
    name: str
    min_length: int
    max_length: int | None  # None: no maximum ("Taille Max. Aucune")
    kind: str  # the annex's "Type"
    pattern: re.Pattern[str]  # what the description allows, for a conformance finding
    decoder: str | None = None  # "date" (JJMMAAAA), "hexdate" (days since 2000), "time" (HHMMSS)
    codes: dict[str, str] = field(default_factory=dict)  # meaning of coded values

    @property
    def fixed(self) -> bool:
        return self.max_length is not None and self.max_length == self.min_length


# Columns: id | min | max ("-" = none) | type | allowed characters (a regex class) | decoder | name.
# Types: A alphabétique, AN alphanumérique, N numérique.
_ANNEX = """
01 | 0  | -  | AN | A-Z0-9     |         | Identifiant unique du document
02 | 0  | -  | AN | A-Z0-9␠    |         | Catégorie de document
03 | 0  | -  | AN | A-Z0-9␠    |         | Sous-catégorie de document
04 | 0  | -  | AN | A-Z0-9␠    |         | Application de composition
05 | 0  | -  | AN | A-Z0-9␠    |         | Version de l'application de composition
06 | 4  | 4  | AN | 0-9A-F     | hexdate | Date de l'association entre le document et le code 2D-DOC
07 | 6  | 6  | N  | 0-9        | time    | Heure de l'association entre le document et le code 2D-DOC
08 | 4  | 4  | AN | 0-9A-F     | hexdate | Date d'expiration du document
09 | 4  | 4  | N  | 0-9        |         | Nombre de pages du document
0A | 9  | 9  | N  | 0-9        |         | Editeur du 2D-DOC
0B | 9  | 9  | N  | 0-9        |         | Intégrateur du 2D-DOC
0C | 0  | -  | AN | A-Z2-7     |         | URL du document
60 | 0  | 60 | AN | A-Z␠/      |         | Liste des prénoms
61 | 0  | 20 | AN | A-Z␠       |         | Prénom
62 | 0  | 38 | AN | A-Z␠       |         | Nom patronymique
63 | 0  | 38 | AN | A-Z␠       |         | Nom d'usage
64 | 0  | 38 | AN | A-Z␠       |         | Nom d'épouse/époux
65 | 2  | 2  | AN | A-Z␠       |         | Type de pièce d'identité
66 | 0  | 20 | AN | A-Z0-9     |         | Numéro de la pièce d'identité
67 | 2  | 2  | AN | A-Z        |         | Nationalité
68 | 1  | 1  | AN | MF         |         | Genre
69 | 8  | 8  | N  | 0-9        | date    | Date de naissance
6A | 0  | 32 | AN | A-Z0-9␠    |         | Lieu de naissance
6B | 3  | 3  | AN | A-Z0-9     |         | Département du bureau émetteur
6C | 2  | 2  | AN | A-Z        |         | Pays de naissance
6D | 0  | 60 | AN | A-Z0-9␠/   |         | Nom et prénom du père
6E | 0  | 60 | AN | A-Z0-9␠/   |         | Nom et prénom de la mère
6F | 0  | 90 | AN | A-Z0-9␠    |         | Machine Readable Zone (Zone de Lecture Automatique, ZLA)
6G | 1  | 38 | AN | A-Z␠       |         | Nom
6H | 1  | 10 | AN | A-Z␠       |         | Civilité
6I | 2  | 2  | AN | A-Z        |         | Pays émetteur
6J | 1  | 1  | N  | 1-5        |         | Type de document étranger
6K | 19 | 19 | N  | 0-9        |         | Numéro de la demande de document étranger
6L | 8  | 8  | AN | 0-9        | date    | Date de dépôt de la demande
6M | 0  | 40 | A  | A-Z␠       |         | Catégorie du titre
6N | 8  | 8  | N  | 0-9        | date    | Date de début de validité
6O | 8  | 8  | N  | 0-9        | date    | Date de fin de validité
6P | 0  | 40 | A  | A-Z␠       |         | Autorisation
6Q | 0  | 10 | AN | A-Z0-9     |         | Numéro d'étranger
6R | 12 | 12 | AN | A-Z0-9     |         | Numéro de visa
6S | 0  | 38 | AN | A-Z0-9␠    |         | Ligne 2 de l'adresse postale du domicile
6T | 0  | 38 | AN | A-Z0-9␠    |         | Ligne 3 de l'adresse postale du domicile
6U | 0  | 38 | AN | A-Z0-9␠    |         | Ligne 4 de l'adresse postale du domicile
6V | 0  | 38 | AN | A-Z0-9␠    |         | Ligne 5 de l'adresse postale du domicile
6W | 5  | 5  | N  | 0-9␠       |         | Code postal ou code cedex de l'adresse postale du domicile
6X | 0  | 32 | A  | A-Z␠       |         | Commune de l'adresse postale du domicile
6Y | 2  | 2  | A  | A-Z        |         | Code pays de l'adresse postale du domicile
6Z | 9  | 11 | AN | A-Z0-9     |         | Numéro d'étranger de l'autorisation de travail
"""

_KINDS = {"A": "alphabétique", "AN": "alphanumérique", "N": "numérique"}

_CODES: dict[str, dict[str, str]] = {
    "6J": {
        "1": "Attestation de dépôt d'une demande de titre de séjour",
        "2": "Attestation de prolongation d'instruction d'une demande de titre de séjour",
        "3": "Attestation favorable de décision d'une demande de titre de séjour",
        "4": "Attestation de dépôt d'un document de circulation pour étranger mineur",
        "5": "Document de circulation pour étranger mineur",
    },
    "68": {"M": "Masculin", "F": "Féminin"},
}


def _load(table: str) -> dict[str, DataIdentifier]:
    rows: dict[str, DataIdentifier] = {}
    for line in table.strip().splitlines():
        ident, low, high, kind, chars, decoder, name = (cell.strip() for cell in line.split("|"))
        # The table pads cells with spaces; "␠" stands for a real space in the allowed set.
        allowed = chars.replace(" ", "").replace("␠", " ")
        rows[ident] = DataIdentifier(
            identifier=ident,
            name=name,
            min_length=int(low),
            max_length=None if high == "-" else int(high),
            kind=_KINDS[kind],
            pattern=re.compile(f"[{allowed}]*"),
            decoder=decoder or None,
            codes=_CODES.get(ident, {}),
        )
    return rows


IDENTIFIERS: dict[str, DataIdentifier] = _load(_ANNEX)


@dataclass(frozen=True)
class DocumentType:
    """A document type of perimeter 01 this reader can check (§6.1, §8.5)."""

    code: str
    name: str
    mandatory: frozenset[str]


# §8.5, columns 07, 08 and 13 ("O" = obligatoire).
DOCUMENT_TYPES: dict[str, DocumentType] = {
    "07": DocumentType("07", "Titre d'identité", frozenset({"60", "62", "65", "66", "67", "68", "6C"})),
    "08": DocumentType("08", "MRZ", frozenset({"6F"})),
    "13": DocumentType(
        "13",
        "Document étranger",
        frozenset({"60", "62", "63", "67", "68", "69", "6A", "6C", "6J", "6K", "6L", "6P", "6Q", "6U", "6W", "6X"}),
    ),
}

PERIMETER = "01"  # the C40 perimeter "ANTS" (§6.1); a v02 header has no perimeter field and means it


def identifier(code: str) -> DataIdentifier | None:
    return IDENTIFIERS.get(code)
