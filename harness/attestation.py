"""The attestations with a 2D-DOC as a verifier meets them: the attestation de prolongation
d'instruction (ADP, guide 04 ANNEXE 1) and the attestation de décision favorable (ADF, guide 03
"INSTRUCTION DE LA DEMANDE" étape 4). Each one:
its printed text read with pypdf, its 2D-DOC found as a phone finds it (the page rendered, the code
read from the pixels: harness.twoddoc.scan_pdf), verified against the target's trust list, and the
three compared: what is printed, what the code holds, who the persona is.

The comparisons follow the specification, not the portal: a 2D-DOC field holds free text the way the
ANTS annex says (unaccented capitals, digits, spaces; '/' between prénoms), so the persona's values
are written that way here (:func:`as_code`), independently of any portal's writer.

`check_adp` and `check_adf` never stop at the first problem: the report lists them all, and the findings
(deviations that do not make the code invalid, e.g. what the scanner noticed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from . import textes
from .documents import DATE_FR, NUMERO_DEMANDE, Expected, PdfDocument, expected_identity, same
from .recoupement import code_contre_page
from .twoddoc import ScannedCode, TrustList, TwoDDoc, Verification, scan_pdf, verify

TITRE = ("ATTESTATION DE PROLONGATION D'INSTRUCTION", "D'UNE DEMANDE DE TITRE DE SEJOUR")
IDENTIFIANT, NUMERO, EMISSION = "Identifiant (N° de l'étranger)", "N° de la demande", "DATE D'EMISSION"
REFERENCES = (IDENTIFIANT, NUMERO, EMISSION)
IDENTITE = ("Nom de naissance", "Prénom(s)", "Né(e) le", "A", "Nationalité", "Adresse")
# "A OBTENU LE BENEFICE DE LA PROTECTION SUBSIDIAIRE" (guide 04); the refugee's is the simulator's wording.
STATUT = {"BPS": "A OBTENU LE BENEFICE DE LA PROTECTION SUBSIDIAIRE", "Réfugié": "A OBTENU LE STATUT DE REFUGIE"}
DEPOT = re.compile(r"Le (\d{2}/\d{2}/\d{4}), vous avez déposé une demande de titre de séjour qui est en cours "
                   r"d'examen par la préfecture compétente\.")
VALIDITE = re.compile(r"Cette attestation justifie de la régularité de votre séjour en France entre le "
                      r"(\d{2}/\d{2}/\d{4}) et le (\d{2}/\d{2}/\d{4})\.")
TRAVAIL = ("Elle vous permet d'exercer une activité professionnelle sur le territoire métropolitain ou dans la "
           "collectivité d'outre-mer qui vous l'a délivrée, conformément aux articles L. 414-10 et R. 431-15-4 du "
           "code de l'entrée et du séjour des étrangers et du droit d'asile dans le cadre de la législation en vigueur.")
SCHENGEN = "Ce document autorise le franchissement des frontières de l'espace Schengen."
VALIDITE_MOIS = 6  # guide 04: deposited 26/04/2022, valid until 25/10/2022
# ANTS 2D-DOC §8.5: what a type 13 code must hold, and 6J = 2 for this attestation.
OBLIGATOIRES_13 = ("60", "62", "63", "67", "68", "69", "6A", "6C", "6J", "6K", "6L", "6P", "6Q", "6U", "6W", "6X")
TYPE_ADP = "2"

_LETTRES = {"ß": "SS", "Æ": "AE", "æ": "AE", "Œ": "OE", "œ": "OE", "Ø": "O", "ø": "O", "Ł": "L", "ł": "L",
            "Đ": "D", "đ": "D", "Þ": "TH", "þ": "TH", "ı": "I"}


def as_code(text: str, slash: bool = False) -> str:
    """Free text as the ANTS annex says a 2D-DOC field holds it: accents dropped, capitals, digits and
    spaces, any other character a space ('/' kept when the field allows it), spaces collapsed."""
    out = []
    for char in text:
        char = _LETTRES.get(char, char)
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part):
                out.append(part.upper())
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 " + ("/" if slash else ""))
    return " ".join("".join(c if c in allowed else " " for c in "".join(out)).split())


def jjmmaaaa(value: date) -> str:
    return f"{value:%d%m%Y}"


def parse_fr(text: str) -> date | None:
    if not DATE_FR.match(text or ""):
        return None
    try:
        return date(int(text[6:]), int(text[3:5]), int(text[:2]))
    except ValueError:
        return None


def months_later_less_a_day(start: date, months: int) -> date:
    """The guide's validity: 26/04/2022 + 6 months → 25/10/2022 (end of a shorter month if needed)."""
    return start + relativedelta(months=months) - timedelta(days=1)


@dataclass
class AttestationReport:
    """What was read (printed fields, the code) and every problem found, with the findings."""

    filename: str
    nom: str = "l'attestation de prolongation d'instruction"
    printed: dict[str, str] = field(default_factory=dict)
    scanned: list[ScannedCode] = field(default_factory=list)
    verification: Verification | None = None
    problems: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def code(self) -> TwoDDoc | None:
        return self.verification.code if self.verification else None

    def fields(self) -> dict[str, str]:
        return self.code.values() if self.code else {}

    def summary(self) -> str:
        lines = [f"« {self.filename} »", f"champs imprimés : {self.printed}", f"champs du 2D-DOC : {self.fields()}"]
        if self.verification is not None:
            lines.append(f"vérification : {self.verification.verdict} ({self.verification.detail})")
        lines += [f"constat : {f}" for f in self.findings]
        return "\n".join(lines)

    def check(self) -> None:
        if self.problems:
            raise AssertionError(f"{self.nom} ne convient pas :\n  - "
                                 + "\n  - ".join(self.problems) + "\n" + self.summary())


def check_adp(document: PdfDocument, persona: Any, trust: TrustList, *, statut: str = "BPS") -> AttestationReport:
    """Every check of guide 04 ANNEXE 1 and of the ANTS specification on one downloaded ADP."""
    report = AttestationReport(filename=document.filename)
    problems = report.problems
    for line in TITRE:
        if problem := textes.current().probleme(line, document.flat, lieu=f"le document « {document.filename} »"):
            problems.append(problem)
    printed = document.fields((*REFERENCES, *IDENTITE), end=r"Le \d{2}/\d{2}/\d{4}, vous avez déposé")
    report.printed = printed
    _check_printed(document, persona, statut, printed, problems)
    emission = parse_fr(_first_word(printed.get(EMISSION, "")))
    validite = VALIDITE.search(document.flat)
    _check_code(document, persona, trust, report, emission, (validite[1], validite[2]) if validite else None,
                type_attendu=(TYPE_ADP, "attestation de prolongation d'instruction"), numero=persona.numero_etranger,
                numero_label=IDENTIFIANT)
    return report


def _check_printed(document: PdfDocument, persona: Any, statut: str, printed: dict[str, str], problems: list[str]) -> None:
    identifiant = printed.get("Identifiant (N° de l'étranger)")
    if not same(identifiant or "", persona.numero_etranger):
        problems.append(f"Identifiant (N° de l'étranger) : lu « {identifiant} », attendu « {persona.numero_etranger} »")
    for expected in expected_identity(persona):
        label = {"Prénom": "Prénom(s)"}.get(expected.label, expected.label)
        if label not in IDENTITE:
            continue
        value = printed.get(label)
        if not expected.matches(value):
            problems.append(f"{label} : lu « {value} », attendu " + " ou ".join(f"« {v} »" for v in expected.values))
    emission_text = _first_word(printed.get(EMISSION, ""))
    emission = parse_fr(emission_text)
    if emission is None:
        problems.append(f"DATE D'EMISSION : « {printed.get(EMISSION)} » n'est pas une date JJ/MM/AAAA")
    numero = printed.get("N° de la demande", "")
    match = NUMERO_DEMANDE.match(numero)
    if not match:
        problems.append(f"N° de la demande : « {numero} » n'a pas le format du guide (19 chiffres)")
    elif emission is not None and match.group(2) != f"{emission:%Y%m%d}":
        problems.append(f"N° de la demande : la date de « {numero} » n'est pas la DATE D'EMISSION {emission_text}")
    if problem := textes.current().probleme(STATUT.get(statut, statut), document.flat,
                                            lieu=f"le document « {document.filename} »"):
        problems.append(problem)
    depot = DEPOT.search(document.flat)
    if depot is None:
        problems.append("phrase du dépôt absente : « Le JJ/MM/AAAA, vous avez déposé une demande de titre de séjour … »")
    elif emission is not None and parse_fr(depot.group(1)) != emission:
        problems.append(f"date du dépôt {depot.group(1)} différente de la DATE D'EMISSION {emission_text}")
    validite = VALIDITE.search(document.flat)
    if validite is None:
        problems.append("phrase de validité absente : « Cette attestation justifie de la régularité de votre séjour "
                        "en France entre le JJ/MM/AAAA et le JJ/MM/AAAA. »")
    elif depot is not None:
        debut, fin = parse_fr(validite.group(1)), parse_fr(validite.group(2))
        start = parse_fr(depot.group(1))
        if debut != start:
            problems.append(f"validité : début {validite.group(1)}, attendu la date du dépôt {depot.group(1)}")
        if start is not None and fin != months_later_less_a_day(start, VALIDITE_MOIS):
            expected_end = months_later_less_a_day(start, VALIDITE_MOIS)
            problems.append(f"validité : fin {validite.group(2)}, attendu {expected_end:%d/%m/%Y} (six mois, comme le guide)")
    for sentence in (TRAVAIL, SCHENGEN):
        if problem := textes.current().probleme(sentence, document.flat, lieu=f"le document « {document.filename} »"):
            problems.append(problem)
    if "2D-DOC" not in document.flat:
        problems.append("la mention « 2D-DOC » qui signale le code est absente (§4)")


def _check_code(document: PdfDocument, persona: Any, trust: TrustList, report: AttestationReport,
                emission: date | None, validite: tuple[str, str] | None, *, type_attendu: tuple[str, str],
                numero: str, numero_label: str, prenoms: Sequence[str] | None = None) -> None:
    problems = report.problems
    report.scanned = scan_pdf(document.content)
    if not report.scanned:
        problems.append("aucun 2D-DOC lisible sur le document (rendu à 300 dpi, lu comme par un téléphone)")
        return
    if len(report.scanned) > 1:
        report.findings.append(f"{len(report.scanned)} codes 2D-DOC sur le document ; le premier est vérifié")
    scanned = report.scanned[0]
    result = verify(scanned.payload, trust, findings=scanned.notes)
    report.verification = result
    report.findings += list(result.findings)
    code = result.code
    if not result.valid:
        problems.append(f"2D-DOC : {result.verdict} : {result.detail}")
    if code is None:
        return
    if not re.fullmatch(r"[A-Z0-9]{2}00", code.authority):
        problems.append(f"2D-DOC signé par l'autorité de production {code.authority} : un déploiement de test ne "
                        "signe qu'avec une autorité de test XX00 (§3.3)")
    for what, got, want in (("type de document", code.document_type, "13"), ("périmètre", code.perimeter, "01"),
                            ("pays émetteur", code.country, "FR")):
        if got != want:
            problems.append(f"2D-DOC : {what} {got}, attendu {want}")
    if emission is not None and code.issue_date != emission:
        problems.append(f"2D-DOC : date d'émission {code.issue_date}, le document dit {emission:%d/%m/%Y}")
    values = code.values()
    missing = [i for i in OBLIGATOIRES_13 if i not in values]
    if missing:
        problems.append(f"2D-DOC : champs obligatoires absents (§8.5) : {', '.join(missing)}")
    printed = report.printed
    adresse = persona.adresse
    expected: list[tuple[str, str, str]] = [
        ("6J", type_attendu[0], f"type de document étranger ({type_attendu[0]} : {type_attendu[1]})"),
        ("6Q", numero, "numéro étranger du demandeur"),
        ("6K", printed.get("N° de la demande", ""), "N° de la demande imprimé"),
        ("62", as_code(persona.nom), "nom de naissance"),
        ("60", "/".join(as_code(p) for p in (prenoms or persona.prenoms)), "prénoms, séparés par « / »"),
        ("69", jjmmaaaa(persona.date_naissance), "date de naissance"),
        ("68", persona.sexe, "sexe"),
        ("67", persona.nationalites[0], "nationalité (ISO 3166 alpha-2)"),
        ("6C", _country_code(persona.pays_naissance), "pays de naissance (ISO 3166 alpha-2)"),
        ("6A", as_code(persona.ville_naissance), "lieu de naissance"),
        ("6U", as_code(f"{adresse.numero} {adresse.voie}"), "numéro et voie de l'adresse"),
        ("6W", adresse.code_postal, "code postal"),
        ("6X", as_code(adresse.ville), "commune"),
    ]
    depot = NUMERO_DEMANDE.match(printed.get("N° de la demande", ""))
    if depot is not None:  # the numéro de la demande carries its dépôt date (AAAAMMJJ)
        expected.append(("6L", depot.group(2)[6:] + depot.group(2)[4:6] + depot.group(2)[:4], "date de dépôt (celle du N° de la demande)"))
    if validite is not None:
        expected += [("6N", validite[0].replace("/", ""), "début de validité imprimé"),
                     ("6O", validite[1].replace("/", ""), "fin de validité imprimée")]
    for identifier, want, what in expected:
        got = values.get(identifier)
        item = code.field(identifier)
        if got is None:
            continue  # already reported as missing when mandatory
        if got == want or (item is not None and item.truncated and want.startswith(got)):
            continue
        problems.append(f"2D-DOC {identifier} ({what}) : « {got} », attendu « {want} »")
    # What is printed and what is signed say the same thing: every field the page also prints.
    problems += code_contre_page(code, document)
    if as_code(printed.get("Nom de naissance", "")) not in ("", values.get("62")):
        problems.append(f"2D-DOC 62 « {values.get('62')} » ≠ nom imprimé « {printed.get('Nom de naissance')} »")
    if not same(printed.get(numero_label, ""), values.get("6Q", "")):
        problems.append(f"2D-DOC 6Q « {values.get('6Q')} » ≠ identifiant imprimé « {printed.get(numero_label)} »")


# The ADF (guide 03 "INSTRUCTION DE LA DEMANDE", étape 4) ------------------------------------------
TITRE_ADF = ("ATTESTATION DE DÉCISION FAVORABLE", "SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR")
IDENTIFIANT_ADF, EMISSION_ADF = "Identifiant (N° étranger)", "DATE D'ÉMISSION"
IDENTITE_ADF = ("Nom de naissance", "Nom d'usage", "Prénom", "Né(e) le", "A", "Nationalité", "Adresse")
DECISION = re.compile(r"Le (\d{2}/\d{2}/\d{4}), une décision favorable a été prise à la suite de votre demande",
                      re.IGNORECASE)
CARTE = re.compile(r"Une (.+?), valable du (\d{2}/\d{2}/\d{4}) au (\d{2}/\d{2}/\d{4}) portant la mention (.+?) "
                   r"va vous être délivré\(e\)\.")
ACCOMPAGNEE = "Cette attestation n'est valable qu'accompagnée du visa de long séjour ou du titre précédemment détenu."
TAXE = re.compile(r"Vous devrez à cette occasion vous acquitter de ([0-9][0-9 ]*(?:,[0-9]{2})?) € correspondant au "
                  r"montant des taxes")
TYPE_ADF = "3"


def euros(amount: str) -> str:
    """"225" → "225", "225.5" → "225,50": the taxe as the attestation prints it."""
    value = float(amount.replace(",", "."))
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}".replace(".", ",")


def check_adf(document: PdfDocument, persona: Any, trust: TrustList, *, numero_etranger: str, numero_demande: str,
              debut: date, fin: date, taxe: str, mention: str | None = None,
              identity: Sequence[Expected] | None = None, phrase: str | None = None) -> AttestationReport:
    """Every check of the guide's ADF and of the ANTS specification (type 13, 6J = 3) on one
    downloaded ADF: the references, the persona's identity, the decision's card (dates, `mention`
    when given), the taxe, the guide's sentences; the code verified and compared with all of it.
    `identity`: what the administration's record holds when it is less than the persona (e.g. the one
    prénom an ASE applicant's numéro étranger was registered with); the persona's by default.
    `phrase`: the decision's sentence after its date, judged by the catalogue (guide 03's by default)."""
    report = AttestationReport(filename=document.filename, nom="l'attestation de décision favorable")
    problems = report.problems
    for line in TITRE_ADF:
        if problem := textes.current().probleme(line, document.flat, lieu=f"le document « {document.filename} »"):
            problems.append(problem)
    printed = document.fields((IDENTIFIANT_ADF, "N° de la demande", EMISSION_ADF, *IDENTITE_ADF),
                              end=r"Le \d{2}/\d{2}/\d{4}, une décision favorable")
    report.printed = printed
    for label, want in ((IDENTIFIANT_ADF, numero_etranger), ("N° de la demande", numero_demande)):
        if not same(_first_word(printed.get(label, "")), want):
            problems.append(f"{label} : lu « {printed.get(label)} », attendu « {want} »")
    held = list(identity) if identity is not None else None
    for expected in held if held is not None else expected_identity(persona):
        if expected.label in IDENTITE_ADF and not expected.matches(printed.get(expected.label)):
            problems.append(f"{expected.label} : lu « {printed.get(expected.label)} », attendu "
                            + " ou ".join(f"« {v} »" for v in expected.values))
    emission = parse_fr(_first_word(printed.get(EMISSION_ADF, "")))
    if emission is None:
        problems.append(f"DATE D'ÉMISSION : « {printed.get(EMISSION_ADF)} » n'est pas une date JJ/MM/AAAA")
    decision = DECISION.search(document.flat)
    if decision is None:
        problems.append("phrase de la décision absente : « Le JJ/MM/AAAA, une décision favorable a été prise … »")
    elif emission is not None and parse_fr(decision.group(1)) != emission:
        problems.append(f"date de la décision {decision.group(1)} différente de la DATE D'ÉMISSION {emission:%d/%m/%Y}")
    wording = phrase or "une décision favorable a été prise à la suite de votre demande d'admission au séjour."
    if problem := textes.current().probleme(wording, document.flat, lieu=f"le document « {document.filename} »"):
        problems.append(problem)
    carte = CARTE.search(document.flat)
    validite = None
    if carte is None:
        problems.append("phrase du titre délivré absente : « Une carte …, valable du JJ/MM/AAAA au JJ/MM/AAAA portant "
                        "la mention … va vous être délivré(e). »")
    else:
        validite = (carte.group(2), carte.group(3))
        if (parse_fr(carte.group(2)), parse_fr(carte.group(3))) != (debut, fin):
            problems.append(f"validité du titre : du {carte.group(2)} au {carte.group(3)}, attendu du "
                            f"{debut:%d/%m/%Y} au {fin:%d/%m/%Y} (la décision)")
        if mention is not None and not same(carte.group(4), mention):
            problems.append(f"mention du titre : « {carte.group(4)} », attendu « {mention} »")
    taxe_lue = TAXE.search(document.flat)
    if taxe_lue is None:
        problems.append("phrase de la taxe absente : « Vous devrez à cette occasion vous acquitter de … € … »")
    elif taxe_lue.group(1).replace(" ", "") != euros(taxe):
        problems.append(f"taxe : {taxe_lue.group(1)} €, attendu {euros(taxe)} € (la décision)")
    for sentence in (ACCOMPAGNEE, SCHENGEN):
        if problem := textes.current().probleme(sentence, document.flat, lieu=f"le document « {document.filename} »"):
            problems.append(problem)
    # the prénoms the record holds (one Expected per record), else the persona's own list
    prenoms = next((list(e.values[:1]) for e in held if e.label == "Prénom"), None) if held is not None else None
    _check_code(document, persona, trust, report, emission, validite,
                type_attendu=(TYPE_ADF, "attestation favorable de décision"), numero=numero_etranger,
                numero_label=IDENTIFIANT_ADF, prenoms=prenoms)
    return report


def _first_word(text: str) -> str:
    # The caption "2D-DOC" and the boxed mention may follow the date in the extracted text.
    return text.split()[0] if text.split() else ""


def _country_code(nom: str) -> str:
    from personas.countries import pays_par_nom

    return pays_par_nom(nom).code
