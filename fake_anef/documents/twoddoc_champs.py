"""The 2D-DOC data identifiers a type 13 document may hold (specification §7.0 and §7.5, the annex's
"Taille Min." / "Taille Max." and character classes; §8.5 for the mandatory ones): this module's own
transcription, a table apart from the encoding (:mod:`.twoddoc`)."""

from __future__ import annotations

from typing import NamedTuple

# Character classes used by the annex's field descriptions ("lettres majuscules non accentuées
# [A-Z]", "chiffres [0-9]", "espaces", "'/'").
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
ALPHA_SPACE = LETTERS + " "
ALNUM = LETTERS + DIGITS
ALNUM_SPACE = ALNUM + " "
ALPHA_SPACE_SLASH = ALPHA_SPACE + "/"
ALNUM_SPACE_SLASH = ALNUM_SPACE + "/"
DIGITS_SPACE = DIGITS + " "
HEX = DIGITS + "ABCDEF"
BASE32 = LETTERS + "234567"


class FieldSpec(NamedTuple):
    """One data identifier of the annex: its length bounds and the characters it may hold."""

    identifier: str
    name: str  # the French name, as the specification words it
    min_length: int
    max_length: int | None  # None: "Taille Max. Aucune", unbounded
    fixed: bool  # True when min == max: no separator ever follows the value
    kind: str  # the annex's "Type": alphabétique, alphanumérique, numérique
    charset: str  # characters the description allows
    is_date: bool = False  # JJMMAAAA


def _f(
    identifier: str,
    name: str,
    min_length: int,
    max_length: int | None,
    kind: str,
    charset: str,
    is_date: bool = False,
) -> FieldSpec:
    fixed = max_length is not None and min_length == max_length
    return FieldSpec(identifier, name, min_length, max_length, fixed, kind, charset, is_date)


_ALPHA, _ALNUM, _NUM = "alphabétique", "alphanumérique", "numérique"

# §7.0 (complementary identifiers, allowed in every type) and §7.5 (identity documents), in the
# order of the specification. Lengths are the annex's "Taille Min." / "Taille Max.".
FIELD_SPECS: dict[str, FieldSpec] = {
    s.identifier: s
    for s in (
        _f("01", "Identifiant unique du document", 0, None, _ALNUM, ALNUM),
        _f("02", "Catégorie de document", 0, None, _ALNUM, ALNUM_SPACE),
        _f("03", "Sous-catégorie de document", 0, None, _ALNUM, ALNUM_SPACE),
        _f("04", "Application de composition", 0, None, _ALNUM, ALNUM_SPACE),
        _f("05", "Version de l'application de composition", 0, None, _ALNUM, ALNUM_SPACE),
        _f("06", "Date de l'association entre le document et le code 2D-DOC", 4, 4, _ALNUM, HEX),
        _f("07", "Heure de l'association entre le document et le code 2D-DOC", 6, 6, _NUM, DIGITS),
        _f("08", "Date d'expiration du document", 4, 4, _ALNUM, HEX),
        _f("09", "Nombre de pages du document", 4, 4, _NUM, DIGITS),
        _f("0A", "Editeur du 2D-DOC", 9, 9, _NUM, DIGITS),
        _f("0B", "Intégrateur du 2D-DOC", 9, 9, _NUM, DIGITS),
        _f("0C", "URL du document", 0, None, _ALNUM, BASE32),
        _f("60", "Liste des prénoms", 0, 60, _ALNUM, ALPHA_SPACE_SLASH),
        _f("61", "Prénom", 0, 20, _ALNUM, ALPHA_SPACE),
        _f("62", "Nom patronymique", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("63", "Nom d'usage", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("64", "Nom d'épouse/époux", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("65", "Type de pièce d'identité", 2, 2, _ALNUM, ALPHA_SPACE),
        _f("66", "Numéro de la pièce d'identité", 0, 20, _ALNUM, ALNUM),
        _f("67", "Nationalité", 2, 2, _ALNUM, LETTERS),
        _f("68", "Genre", 1, 1, _ALNUM, "MF"),
        _f("69", "Date de naissance", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6A", "Lieu de naissance", 0, 32, _ALNUM, ALNUM_SPACE),
        _f("6B", "Département du bureau émetteur", 3, 3, _ALNUM, ALNUM),
        _f("6C", "Pays de naissance", 2, 2, _ALNUM, LETTERS),
        _f("6D", "Nom et prénom du père", 0, 60, _ALNUM, ALNUM_SPACE_SLASH),
        _f("6E", "Nom et prénom de la mère", 0, 60, _ALNUM, ALNUM_SPACE_SLASH),
        _f("6F", "Machine Readable Zone (Zone de Lecture Automatique, ZLA)", 0, 90, _ALNUM, ALNUM_SPACE),
        _f("6G", "Nom", 1, 38, _ALNUM, ALPHA_SPACE),
        _f("6H", "Civilité", 1, 10, _ALNUM, ALPHA_SPACE),
        _f("6I", "Pays émetteur", 2, 2, _ALNUM, LETTERS),
        _f("6J", "Type de document étranger", 1, 1, _NUM, "12345"),
        _f("6K", "Numéro de la demande de document étranger", 19, 19, _NUM, DIGITS),
        _f("6L", "Date de dépôt de la demande", 8, 8, _ALNUM, DIGITS, is_date=True),
        _f("6M", "Catégorie du titre", 0, 40, _ALPHA, ALPHA_SPACE),
        _f("6N", "Date de début de validité", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6O", "Date de fin de validité", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6P", "Autorisation", 0, 40, _ALPHA, ALPHA_SPACE),
        _f("6Q", "Numéro d'étranger", 0, 10, _ALNUM, ALNUM),
        _f("6R", "Numéro de visa", 12, 12, _ALNUM, ALNUM),
        _f("6S", "Ligne 2 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6T", "Ligne 3 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6U", "Ligne 4 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6V", "Ligne 5 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6W", "Code postal ou code cedex de l'adresse postale du domicile", 5, 5, _NUM, DIGITS_SPACE),
        _f("6X", "Commune de l'adresse postale du domicile", 0, 32, _ALPHA, ALPHA_SPACE),
        _f("6Y", "Code pays de l'adresse postale du domicile", 2, 2, _ALPHA, LETTERS),
        _f("6Z", "Numéro d'étranger de l'autorisation de travail", 9, 11, _ALNUM, ALNUM),
    )
}

# §8.5, column 13: "O" (obligatoire).
MANDATORY_TYPE_13: frozenset[str] = frozenset(
    {"60", "62", "63", "67", "68", "69", "6A", "6C", "6J", "6K", "6L", "6P", "6Q", "6U", "6W", "6X"}
)
