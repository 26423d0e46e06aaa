"""Documents cross-checked in full, whoever made them: what a 2D-DOC holds against what the same page
prints, and the mail that carried a document against the document downloaded.

- A 2D-DOC secures the printed data (ANTS spec §1): a code that says one thing while the page says
  another is a forgery, reported as such even when the persona is unknown (`code_contre_page`).
- The mail of the dépôt carries "la confirmation de dépôt à télécharger" (guide 02 étape 6, guide 05
  étape 5) or the ADP (guide 04 ANNEXE 2): the attached file is the same document as the one
  downloaded (same printed fields, same 2D-DOC), of the same demande, and the mail greets its holder
  (`courriel_contre_document`).

Only what the guides and the specification show is a problem; the rest (a file name or a wording the
guides do not show) is a finding, informative."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .documents import NUMERO_DEMANDE, PdfDocument, read_fields, same, words
from .twoddoc import TwoDDoc, parse, scan_pdf

# Every label an ANEF document prints before its sentences, in the order they are printed (a
# document prints some of them: the ADP "Prénom(s)", the confirmation and the ADF "Prénom").
LABELS = (
    "Identifiant (N° de l'étranger)", "Identifiant (N° étranger)", "N° de la demande", "DATE D'EMISSION",
    "DATE D'ÉMISSION", "Nom de naissance", "Nom d'usage", "Prénom(s)", "Prénom", "Né(e) le", "A", "Nationalité",
    "Adresse",
)
FIN_DES_CHAMPS = r"Le \d{2}/\d{2}/\d{4}, (?:vous avez déposé|une décision favorable)"
DEPOT = re.compile(r"Le (\d{2}/\d{2}/\d{4}), vous avez déposé")
VALIDITE = re.compile(r"entre le (\d{2}/\d{2}/\d{4}) et le (\d{2}/\d{2}/\d{4})")
VALIDITE_TITRE = re.compile(r"valable du (\d{2}/\d{2}/\d{4}) au (\d{2}/\d{2}/\d{4})")
# Guide 04 ANNEXE 1: the ADP that lets its holder work says so; ANTS §16's specimen then holds 6P.
TRAVAIL = "Elle vous permet d'exercer une activité professionnelle"
AUTORISE = "AUTORISE A TRAVAILLER"
CIVILITES = {"MADAME", "MONSIEUR", "MME", "M", "MLLE"}  # "Bonjour Madame, Monsieur" greets no one else
TITRES_6J = {"ATTESTATION DE PROLONGATION D'INSTRUCTION": "2", "ATTESTATION DE DÉCISION FAVORABLE": "3",
             "ATTESTATION DE DECISION FAVORABLE": "3"}


def _code(text: str, slash: bool = False) -> str:
    from .attestation import as_code

    return as_code(text, slash)


def _jjmmaaaa(printed: str) -> str:
    return printed.replace("/", "") if re.fullmatch(r"\d{2}/\d{2}/\d{4}", printed) else f"<{printed}>"


def lire_champs(document: PdfDocument) -> dict[str, str]:
    """The "Label : valeur" fields of any ANEF document, the first word only for the references
    (the caption "2D-DOC" may follow the date in the extracted text)."""
    printed = read_fields(document.flat, LABELS, FIN_DES_CHAMPS)
    for label in ("Identifiant (N° de l'étranger)", "Identifiant (N° étranger)", "N° de la demande",
                  "DATE D'EMISSION", "DATE D'ÉMISSION"):
        if label in printed:
            printed[label] = (printed[label].split() or [""])[0]
    return printed


def _first(printed: Mapping[str, str], *labels: str) -> str | None:
    return next((printed[label] for label in labels if label in printed), None)


def code_contre_page(code: TwoDDoc, document: PdfDocument, printed: Mapping[str, str] | None = None) -> list[str]:
    """Every field of the code that the page also prints, compared with the page (not with any
    persona): each disagreement is a forgery. `printed`: the fields already read (lire_champs)."""
    printed = dict(printed) if printed is not None else lire_champs(document)
    values = code.values()
    flat = document.flat
    pairs: list[tuple[str, str, str, str]] = []  # (id, what, printed text, value it must hold)
    differ: list[tuple[str, str, str]] = []  # (id, what, printed text): compared otherwise, found different

    def add(identifier: str, what: str, shown: str | None, want: str | None = None) -> None:
        if shown is not None and identifier in values:
            pairs.append((identifier, what, shown, shown if want is None else want))

    identifiant = _first(printed, "Identifiant (N° de l'étranger)", "Identifiant (N° étranger)")
    add("6Q", "numéro étranger", identifiant)
    add("6K", "N° de la demande", printed.get("N° de la demande"))
    nom = printed.get("Nom de naissance")
    add("62", "nom de naissance", nom, _code(nom or ""))
    usage = printed.get("Nom d'usage")
    add("63", "nom d'usage", usage, _code(usage or ""))
    prenoms = _first(printed, "Prénom(s)", "Prénom")
    if prenoms is not None and "60" in values:  # '/' between prénoms in the code, spaces on the page
        got = values["60"].replace("/", " ")
        if got != _code(prenoms) and not _truncated(code, "60", _code(prenoms), got):
            differ.append(("60", "prénoms", prenoms))
    ne = printed.get("Né(e) le")
    add("69", "date de naissance", ne, _jjmmaaaa(ne or ""))
    lieu = printed.get("A")
    if lieu is not None:
        ville, _, pays = lieu.rpartition(",")
        add("6A", "lieu de naissance", lieu, _code(ville if pays else lieu))
        if pays and "6C" in values and not _same_country(values["6C"], pays):
            differ.append(("6C", "pays de naissance", lieu))
    nationalite = printed.get("Nationalité")
    if nationalite is not None and "67" in values and not _same_nationality(values["67"], nationalite):
        differ.append(("67", "nationalité", nationalite))
    adresse = printed.get("Adresse")
    if adresse is not None:
        ligne = _code(adresse)
        for identifier, what in (("6U", "numéro et voie"), ("6W", "code postal"), ("6X", "commune")):
            part = values.get(identifier)
            item = code.field(identifier)
            if part and f" {part} " not in f" {ligne} " and not (item is not None and item.truncated and part in ligne):
                differ.append((identifier, f"adresse ({what})", adresse))
    depot = DEPOT.search(flat)
    numero = NUMERO_DEMANDE.match(printed.get("N° de la demande", ""))
    if depot is not None:
        add("6L", "date de dépôt", f"Le {depot.group(1)}", _jjmmaaaa(depot.group(1)))
    elif numero is not None:
        jour = numero.group(2)
        add("6L", "date de dépôt (celle du N° de la demande)", printed["N° de la demande"], jour[6:] + jour[4:6] + jour[:4])
    validite = VALIDITE.search(flat) or VALIDITE_TITRE.search(flat)
    if validite is not None:
        add("6N", "début de validité", validite.group(1), _jjmmaaaa(validite.group(1)))
        add("6O", "fin de validité", validite.group(2), _jjmmaaaa(validite.group(2)))
    if words(TRAVAIL).casefold() in flat.casefold():
        add("6P", "autorisation de travail", TRAVAIL + " …", AUTORISE)
    for titre, type_6j in TITRES_6J.items():
        if titre.casefold() in flat.casefold():
            add("6J", "type de document étranger", titre, type_6j)
            break
    emission = _first(printed, "DATE D'EMISSION", "DATE D'ÉMISSION")
    problems: list[str] = []
    if emission and re.fullmatch(r"\d{2}/\d{2}/\d{4}", emission) and code.issue_date is not None \
            and f"{code.issue_date:%d/%m/%Y}" != emission:
        problems.append(f"2D-DOC falsifié : sa date d'émission est le {code.issue_date:%d/%m/%Y}, la page imprime "
                        f"DATE D'ÉMISSION {emission}")
    differ += [(i, what, shown) for i, what, shown, want in pairs
               if values[i] != want and not _truncated(code, i, want, values[i])]
    for identifier, what, shown in differ:
        got = values[identifier]
        problems.append(f"2D-DOC falsifié : {identifier} ({what}) dit « {got} », la page imprime « {shown} » "
                        "(un code qui contredit le texte imprimé est une falsification)")
    return problems


def _truncated(code: TwoDDoc, identifier: str, want: str, got: str) -> bool:
    item = code.field(identifier)
    return item is not None and item.truncated and want.startswith(got)


def _same_country(iso: str, printed: str) -> bool:
    from personas.countries import pays_par_code

    try:
        return _code(pays_par_code(iso).pays) == _code(printed)
    except (KeyError, LookupError, ValueError):
        return False


def _same_nationality(iso: str, printed: str) -> bool:
    """The code's country is one of the nationalities printed (an adjective, masculine or feminine)."""
    from personas.countries import pays_par_code

    try:
        pays = pays_par_code(iso)
    except (KeyError, LookupError, ValueError):
        return False
    adjectifs = {_code(pays.nationalite_m), _code(pays.nationalite_f)}
    return any(_code(part) in adjectifs for part in printed.split(","))


def code_du_document(document: PdfDocument) -> TwoDDoc | None:
    """The first 2D-DOC of the document, parsed (not verified: `verify` judges the signature)."""
    scanned = scan_pdf(document.content)
    if not scanned:
        return None
    try:
        return parse(scanned[0].payload)
    except Exception:  # noqa: BLE001 - a code that does not parse is reported by verify elsewhere
        return None


def verifier_code_contre_page(document: PdfDocument) -> list[str]:
    """code_contre_page on the document's own code (none: nothing to compare)."""
    code = code_du_document(document)
    return code_contre_page(code, document) if code is not None else []


# The mail that carried a document ---------------------------------------------------------------------
@dataclass
class Recoupement:
    """What a cross-check found: problems (the guides or the specification broken) and findings."""

    quoi: str
    problems: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def check(self) -> None:
        if self.problems:
            raise AssertionError(f"{self.quoi} :\n  - " + "\n  - ".join(self.problems)
                                 + "".join(f"\nconstat : {f}" for f in self.findings))


def _salutation(text: str) -> str | None:
    match = re.match(r"\s*Bonjour\s*([^,\n]*)", text)
    return match.group(1).strip() if match else None


def courriel_contre_document(mail: Any, telecharge: PdfDocument, persona: Any, *,
                             prenoms: Sequence[str] | None = None) -> Recoupement:
    """The mail of the dépôt (harness.mailbox.Mail) against the document downloaded from the portal:
    its PDF attachment is the same document (every printed field, the 2D-DOC's fields), names the
    same demande, and is itself no forgery; the mail greets the persona (guide 02 étape 6: "Bonjour
    CARLOS ROMALOS,") and names no other demande nor numéro étranger. `prenoms`: the ones the
    administration's record holds, when fewer than the persona's."""
    result = Recoupement(quoi="le courriel du dépôt ne correspond pas à ma demande")
    problems = result.problems
    noms = [a.get("filename") or "" for a in mail.attachments]
    nom, contenu = mail.attachment(telecharge.filename if telecharge.filename in noms else ".pdf")
    jointe = PdfDocument(filename=nom, content=contenu)
    la = lire_champs(telecharge)
    numero = la.get("N° de la demande", "")
    problems += meme_document(jointe, telecharge, result.findings, quoi="la pièce jointe")
    text = f"{mail.subject}\n{mail.text}"
    for other in {n for n in re.findall(r"(?<!\d)\d{19}(?!\d)", text) if NUMERO_DEMANDE.match(n)} - {numero}:
        problems.append(f"le courriel nomme la demande {other}, la pièce jointe est la demande {numero}")
    numeros = {persona.numero_etranger, la.get("Identifiant (N° de l'étranger)"), la.get("Identifiant (N° étranger)")}
    for other in set(re.findall(r"(?<!\d)\d{10}(?!\d)", text)) - numeros:  # a phone number looks the same
        result.findings.append(f"le courriel cite {other}, qui n'est pas mon numéro étranger")
    salue = _salutation(mail.text)
    if salue:  # guide 02 étape 6 "Bonjour CARLOS ROMALOS," (guide 04's capture: "Bonjour" alone)
        names = {_code(persona.nom), *(_code(p) for p in (prenoms or persona.prenoms))}
        said = set(_code(salue).split()) - CIVILITES
        if said and not said <= {w for n in names for w in n.split()}:
            problems.append(f"le courriel salue « {salue} », pas {' '.join(persona.prenoms)} {persona.nom}")
    return result


def meme_document(autre: PdfDocument, telecharge: PdfDocument, findings: list[str] | None = None, *,
                  quoi: str = "le document") -> list[str]:
    """`autre` (a mail's attachment, a second download) is the document downloaded first: every
    printed field, the same demande, the same 2D-DOC fields, and no forgery of its own. A different
    file name or text is a finding (added to `findings`), not a problem."""
    problems: list[str] = []
    findings = findings if findings is not None else []
    nom = autre.filename
    ici, la = lire_champs(autre), lire_champs(telecharge)
    for label in dict.fromkeys([*la, *ici]):
        if not same(ici.get(label, "<absent>"), la.get(label, "<absent>")):
            problems.append(f"{label} : {quoi} « {nom} » imprime « {ici.get(label, '<absent>')} », le document "
                            f"téléchargé « {la.get(label, '<absent>')} »")
    numero = la.get("N° de la demande", "")
    if ici.get("N° de la demande") not in (None, numero):
        problems.append(f"{quoi} est le document d'une autre demande ({ici.get('N° de la demande')}, la mienne "
                        f"est {numero})")
    if nom != telecharge.filename:
        findings.append(f"{quoi} est nommé(e) « {nom} », document téléchargé « {telecharge.filename} »")
    if autre.flat != telecharge.flat:
        findings.append(f"le texte de {quoi} diffère de celui du document téléchargé")
    code_la = code_du_document(telecharge)
    if code_la is not None:
        code_ici = code_du_document(autre)
        if code_ici is None:
            problems.append(f"{quoi} « {nom} » n'a pas le 2D-DOC du document téléchargé")
        else:
            mine, theirs = code_ici.values(), code_la.values()
            for identifier in dict.fromkeys([*theirs, *mine]):
                if mine.get(identifier) != theirs.get(identifier):
                    problems.append(f"2D-DOC {identifier} : {quoi} porte « {mine.get(identifier)} », le document "
                                    f"téléchargé « {theirs.get(identifier)} »")
            problems += [f"{quoi} : {p}" for p in code_contre_page(code_ici, autre, ici)]
    return problems
