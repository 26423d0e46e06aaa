"""The PDF instrument: download what a page offers, as a user would (the browser's download), read
its text with pypdf, and compare the printed fields with what the persona typed, field by field.

Printed values are compared as a clerk reads them: spaces collapsed, case ignored, dates
DD/MM/YYYY, the nationality as an adjective (masculine or feminine: the guide's own example prints
"CANADIENNE" for a man), the address on one line."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from . import textes

NUMERO_DEMANDE = re.compile(r"^(\d{2})01(\d{8})(\d{7})$")
DATE_FR = re.compile(r"^\d{2}/\d{2}/\d{4}$")
DEPOT_CONFIRMATION = re.compile(r"Le (\d{2}/\d{2}/\d{4}), vous avez déposé")

CONFIRMATION_LABELS = (
    "Identifiant (N° étranger)", "N° de la demande", "DATE D'ÉMISSION", "Nom de naissance", "Nom d'usage",
    "Prénom", "Né(e) le", "A", "Nationalité", "Adresse",
)
# Sentences printed after the fields (guide 02 étape 6).
CONFIRMATION_SENTENCES = (
    "Ce document constitue la preuve de dépôt de votre demande.",
    "Il ne constitue pas une preuve de régularité du séjour et ne permet pas l'ouverture de droits associés à un séjour régulier.",
    "Vous serez informé(e) de l'avancement et de la suite donnée à votre démarche par un courrier électronique vous invitant à vous connecter à votre espace personnel.",
)


def words(text: str) -> str:
    """Spaces collapsed, typographic apostrophes straightened, NFC."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def same(a: str, b: str) -> bool:
    """Equal as a clerk reads them; upper-cased first, as the documents print names ("ı" and "i"
    both print "I": "Nağıoğlu" is "NAĞIOĞLU")."""
    return words(a).upper().casefold() == words(b).upper().casefold()


@dataclass
class PdfDocument:
    filename: str
    content: bytes

    @cached_property
    def text(self) -> str:
        if not self.content.startswith(b"%PDF-"):
            raise AssertionError(f"« {self.filename} » n'est pas un PDF (début : {self.content[:8]!r})")
        reader = PdfReader(io.BytesIO(self.content))
        return "\n".join(page.extract_text() or "" for page in reader.pages)

    @property
    def flat(self) -> str:
        return words(self.text)

    def contains(self, sentence: str) -> bool:
        return words(sentence).casefold() in self.flat.casefold()

    def fields(self, labels: Sequence[str], end: str | None = None) -> dict[str, str]:
        """The values printed after "Label :", in the order the labels are printed."""
        return read_fields(self.flat, labels, end)

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.filename
        path.write_bytes(self.content)
        return path


def read_fields(flat: str, labels: Sequence[str], end: str | None = None) -> dict[str, str]:
    """Split the one-line text at each "Label :" (in order); a missing label is absent from the result."""
    found: list[tuple[str, int, int]] = []
    position = 0
    for label in labels:
        match = re.compile(rf"(?<!\S){re.escape(label)}\s*:", re.IGNORECASE).search(flat, position)
        if match:
            found.append((label, match.start(), match.end()))
            position = match.end()
    stop = len(flat)
    if end:
        match = re.compile(end, re.IGNORECASE).search(flat, position)
        if match:
            stop = match.start()
    out = {}
    for i, (label, _, value_start) in enumerate(found):
        value_end = found[i + 1][1] if i + 1 < len(found) else stop
        out[label] = flat[value_start:value_end].strip()
    return out


def download(page: Any, trigger: Callable[[], None]) -> PdfDocument:
    """Run `trigger` (a click on a link or button) and return the file the browser downloads."""
    with page.expect_download() as info:
        trigger()
    download = info.value
    path = download.path()
    return PdfDocument(filename=download.suggested_filename, content=Path(path).read_bytes())


# The confirmation of the dépôt ----------------------------------------------------------------
@dataclass
class Expected:
    """A field's acceptable printed values (several for a nationality adjective)."""

    label: str
    values: tuple[str, ...]

    def matches(self, printed: str | None) -> bool:
        return printed is not None and any(same(printed, v) for v in self.values)


@dataclass
class Comparison:
    printed: dict[str, str]
    problems: list[str] = field(default_factory=list)

    def check(self) -> None:
        if self.problems:
            raise AssertionError("la confirmation de dépôt ne correspond pas au demandeur :\n  - "
                                 + "\n  - ".join(self.problems) + f"\nchamps lus : {self.printed}")


def _fr(d: Any) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def expected_identity(persona: Any) -> list[Expected]:
    """What the confirmation must print for this persona (personas.model.Demandeur)."""
    from personas.countries import pays_par_code

    nationalites_f = ", ".join(pays_par_code(c).nationalite_f for c in persona.nationalites)
    nationalites_m = ", ".join(pays_par_code(c).nationalite_m for c in persona.nationalites)
    a = persona.adresse
    adresse = " ".join(x for x in (a.numero, a.voie, a.complement, a.code_postal, a.ville, a.pays) if x)
    return [
        Expected("Nom de naissance", (persona.nom,)),
        Expected("Nom d'usage", (persona.nom_usage or "",)),
        Expected("Prénom", (" ".join(persona.prenoms),)),
        Expected("Né(e) le", (_fr(persona.date_naissance),)),
        Expected("A", (f"{persona.ville_naissance}, {persona.pays_naissance}",)),
        Expected("Nationalité", (nationalites_f, nationalites_m)),
        Expected("Adresse", (adresse,)),
    ]


def compare_confirmation(document: PdfDocument, persona: Any, *, numero_etranger: str = "",
                         titre: str = "CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE",
                         sentences: Sequence[str] = CONFIRMATION_SENTENCES,
                         identity: list[Expected] | None = None,
                         labels: Sequence[str] = CONFIRMATION_LABELS) -> Comparison:
    """Every field of the confirmation of the dépôt (guide 02: "CONFIRMATION DU DÉPÔT D'UNE
    PRÉ-DEMANDE"; guide 03 gives its own `titre` and `sentences`) against the persona (or the
    `identity` the portal is expected to print), and its references: the numéro de la demande in
    the guide's 19-digit format, dated like the document. `labels`: every label printed, in order
    (a journey whose confirmation prints more lines than guide 02's adds its own after them)."""
    printed = document.fields(labels, end=r"Le \d{2}/\d{2}/\d{4}, vous avez déposé")
    result = Comparison(printed=printed)
    lieu = f"le document « {document.filename} »"
    if problem := textes.current().probleme(titre, document.flat, lieu=lieu):
        result.problems.append(problem)
    for expected in identity if identity is not None else expected_identity(persona):
        value = printed.get(expected.label)
        if not expected.matches(value):
            shown = " ou ".join(f"« {v} »" for v in expected.values)
            result.problems.append(f"{expected.label} : lu « {value} », attendu {shown}"
                                   if value is not None else f"{expected.label} : absent")
    if not same(printed.get("Identifiant (N° étranger)", "<absent>"), numero_etranger):
        result.problems.append(f"Identifiant (N° étranger) : lu « {printed.get('Identifiant (N° étranger)')} », "
                               f"attendu « {numero_etranger} »")
    numero = printed.get("N° de la demande", "")
    emission = printed.get("DATE D'ÉMISSION", "")
    match = NUMERO_DEMANDE.match(numero)
    if not match:
        result.problems.append(f"N° de la demande : « {numero} » n'a pas le format du guide (19 chiffres : "
                               "département, 01, AAAAMMJJ, séquence de 7 chiffres)")
    elif match.group(1) != persona.adresse.code_postal[:2]:
        result.problems.append(f"N° de la demande : « {numero} » ne commence pas par le département "
                               f"de l'adresse ({persona.adresse.code_postal[:2]})")
    if not DATE_FR.match(emission):
        result.problems.append(f"DATE D'ÉMISSION : « {emission} » n'est pas une date JJ/MM/AAAA")
    elif match and match.group(2) != f"{emission[6:]}{emission[3:5]}{emission[:2]}":
        result.problems.append(f"N° de la demande : la date de « {numero} » n'est pas la DATE D'ÉMISSION {emission}")
    # "Le 22/12/2022, vous avez déposé avec succès …" under "DATE D'ÉMISSION : 22/12/2022" (guide 02 étape 6)
    depot = DEPOT_CONFIRMATION.search(document.flat)
    if depot is None:
        result.problems.append("phrase du dépôt absente : « Le JJ/MM/AAAA, vous avez déposé … »")
    elif DATE_FR.match(emission) and depot.group(1) != emission:
        result.problems.append(f"date du dépôt : « Le {depot.group(1)}, vous avez déposé … », la DATE D'ÉMISSION est {emission}")
    for sentence in sentences:
        if problem := textes.current().probleme(sentence, document.flat, lieu=lieu):
            result.problems.append(problem)
    return result
