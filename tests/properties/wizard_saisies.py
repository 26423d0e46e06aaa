"""What a user types and joins in the enfant de Français wizard, and what the portal answers: the
messages next to the fields, files (well-formed, oversized, disguised), valid answers for each step
and the strategies that draw them, one way to break each kind of field, requests the pages never
send. Apart from the pages and the session that carry them (wizard_http.py)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from fake_anef.engine.schema import Bloc
from harness import fichiers

# What the portal answers ------------------------------------------------------------------------
MESSAGES = {
    "obligatoire": "Ce champ est obligatoire.",
    "date_invalide": "Cette date n'existe pas.",
    "date_incomplete": "Indiquez le jour, le mois et l'année (JJ, mois, AAAA).",
    "annee_invalide": "L'année s'écrit avec 4 chiffres.",
    "date_future": "Cette date est dans le futur.",
    "entree_avant_naissance": "La date d'entrée en France ne peut pas précéder votre date de naissance.",
    "union_avant_naissance": "La date de début de l'union ne peut pas précéder votre date de naissance.",
    "trop_long_200": "Ce champ ne peut pas dépasser 200 caractères.",
    "trop_long_2000": "Ce champ ne peut pas dépasser 2000 caractères.",
    "telephone": "Le numéro de téléphone comporte 10 chiffres (exemple : 0102030405).",
    "code_postal": "Le code postal comporte 5 chiffres.",
    "choix_invalide": "Choisissez une valeur dans la liste proposée.",
    "attestation": "Pour poursuivre la téléprocédure, vous devez cocher cette case.",
    "ephoto_format": "Le numéro ephoto comporte 22 chiffres.",
    "ephoto_deja_utilise": "Ce numéro ephoto a déjà été utilisé pour une autre démarche.",
    "depot_refuse": "Votre demande ne peut pas encore être déposée : complétez l'étape « Justificatifs ».",
}
DATE_MESSAGES = tuple(MESSAGES[k] for k in ("obligatoire", "date_invalide", "date_incomplete", "annee_invalide",
                                           "date_future", "entree_avant_naissance", "union_avant_naissance"))


# Files ---------------------------------------------------------------------------------------------
MO = 1024 * 1024
MAX_SIZE = 10 * MO  # "ne pas dépasser une taille maximale de 10 Mo par fichier"
MAGIC = {
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "tiff_le": b"II*\x00\x08\x00\x00\x00",
    "tiff_be": b"MM\x00*\x00\x00\x00\x08",
    "bmp": b"BM6\x00\x0c\x00\x00\x00\x00\x00",
}
NOT_ACCEPTED = {
    "exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00",
    "gif": b"GIF89a\x01\x00\x01\x00",
    "html": b"<!DOCTYPE html><script>alert(1)</script>",
    "elf": b"\x7fELF\x02\x01\x01\x00",
    "text": "Passeport de Mme N'Diaye — scan".encode(),
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "near_pdf": b"%PD-1.7\n",  # one byte off
    "near_png": b"\x89PNF\r\n\x1a\n",
}
PDF = fichiers.pdf("justificatif.pdf")["buffer"]  # a real PDF: the portal parses what it is given


def real_file(kind: str, size: int = 0) -> bytes:
    """A well-formed file of an accepted format ("pdf", "png", "jpeg", "tiff", "bmp"), of `size`
    bytes when larger than the smallest one: an image padded with zeros after its end, a PDF with
    a padding stream its catalogue refers to (a PDF must end with %%EOF)."""
    if kind == "pdf":
        return PDF if size <= len(PDF) else big_pdf(size)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 210, 220)).save(buffer, format=kind.upper())
    content = buffer.getvalue()
    return content + b"\0" * max(0, size - len(content))


def big_pdf(size: int) -> bytes:
    """The padding is a stream, which pypdf writes as it is: as a text string (document information)
    it was written character by character, 3 s of CPU for 10 Mo."""
    def make(padding: int) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        stream = StreamObject()
        stream.set_data(b"0" * padding)
        writer.root_object[NameObject("/Remplissage")] = writer._add_object(stream)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    padding, content = 1000, make(1000)
    for _ in range(4):  # the length grows with the padding, give or take the offsets' digits
        if len(content) == size or padding == 0:
            break
        padding = max(0, padding + size - len(content))
        content = make(padding)
    return content


# Files whose name claims an accepted format their content is not, though it starts as one (issue 14 pt 10).
HTML = b"<html><body><script>alert(1)</script></body></html>"
DISGUISED = {
    "png_named_pdf": ("scan.pdf", real_file("png")),
    "bm_then_html": ("scan.bmp", b"BM" + HTML * 3),
    "pdf_header_then_html": ("scan.pdf", b"%PDF-1.7\n" + HTML),
}


def content_of(head: bytes, size: int) -> bytes:
    """`size` bytes starting with `head` (cut when the file is smaller than its header)."""
    return (head + b"\0" * max(0, size - len(head)))[:size]


# Valid answers ---------------------------------------------------------------------------------------
SITUATION = {"situation": "famille-francais", "situation_famille": "enfant"}
ADRESSES = (
    {"adresse": "25 Rue Nationale 59000 Lille", "adresse_numero": "25", "adresse_voie": "Rue Nationale",
     "adresse_code_postal": "59000", "adresse_ville": "Lille", "adresse_pays": "France", "adresse_code_insee": "59350"},
    {"adresse": "3 Avenue de la Gare 97400 Saint-Denis", "adresse_numero": "3", "adresse_voie": "Avenue de la Gare",
     "adresse_code_postal": "97400", "adresse_ville": "Saint-Denis", "adresse_pays": "France"},
)


def date_fields(name: str, day: date | None, year_only: bool = False, pad: bool = False) -> dict[str, str]:
    if day is None:
        return {}
    if year_only:
        return {f"{name}_annee": f"{day.year:04d}"}
    return {f"{name}_jour": f"{day.day:02d}" if pad else str(day.day), f"{name}_mois": str(day.month),
            f"{name}_annee": f"{day.year:04d}"}


def informations(**over: str) -> dict[str, str]:
    values = {"nom_naissance": "Collins", "prenoms-0": "Marshall", "sexe": "M",
              **date_fields("date_naissance", date(1990, 3, 4), pad=True), "pays_naissance": "CA",
              "lieu_naissance": "Montréal", "nationalites-0": "CA", **ADRESSES[0], "telephone": "0102030405"}
    values.update(over)
    return values


def motif_de_sejour(**over: str) -> dict[str, str]:
    values = {"parent_nom_naissance": "Collins", "parent_prenoms-0": "Jean", "parent_sexe": "M",
              **date_fields("parent_date_naissance", date(1960, 2, 1)), "lien_parente": "Père",
              **date_fields("date_entree", date(2020, 1, 31)), "situation_familiale": "Célibataire",
              "a_enfants": "non", "attestation_polygamie": "oui", "attestation_sanctions": "oui"}
    values.update(over)
    return values


def day_of(values: dict[str, str], name: str) -> date | None:
    """The day a date field holds (a year alone is 1 January of that year), None when it holds none."""
    jour, mois, annee = (values.get(f"{name}_{p}", "").strip() for p in ("jour", "mois", "annee"))
    try:
        return date(int(annee), int(mois or 1), int(jour or 1))
    except ValueError:
        return None


def birth_date(values: dict[str, str]) -> date | None:
    """The birth date "Informations personnelles" holds."""
    return day_of(values, "date_naissance")


def shown(values: dict[str, str]) -> dict[str, str]:
    """The values a page shows back: the non-empty ones."""
    return {k: v for k, v in values.items() if v}


# One way to be refused per kind of field, by step.
BREAKERS: dict[str, list[tuple[str, dict[str, str], str]]] = {
    # step: (the field whose message is expected, what is typed over valid values, the message)
    "situation": [("situation_famille", {"situation_famille": ""}, MESSAGES["obligatoire"]),
                  ("situation", {"situation": "inconnue"}, MESSAGES["choix_invalide"])],
    "informations-personnelles": [
        ("telephone", {"telephone": "123"}, MESSAGES["telephone"]),
        ("nom_naissance", {"nom_naissance": "  "}, MESSAGES["obligatoire"]),
        ("date_naissance", {"date_naissance_jour": "31", "date_naissance_mois": "2"}, MESSAGES["date_invalide"]),
        ("date_naissance", {"date_naissance_jour": "1", "date_naissance_mois": "1", "date_naissance_annee": "2999"},
         MESSAGES["date_future"]),
        ("lieu_naissance", {"lieu_naissance": "L" * 201}, MESSAGES["trop_long_200"]),
        ("adresse_code_postal", {"adresse_code_postal": "590"}, MESSAGES["code_postal"]),
        ("nationalites-0", {"nationalites-0": "XX"}, MESSAGES["choix_invalide"]),
        ("date_naissance", {"date_naissance_jour": "٤"}, MESSAGES["date_incomplete"]),  # an Arabic-Indic digit
        ("pays_naissance", {"pays_naissance": "ZZZZ"}, MESSAGES["choix_invalide"]),
    ],
    "motif-de-sejour": [
        ("date_entree", {"date_entree_jour": "1", "date_entree_mois": "1", "date_entree_annee": "1900"},
         MESSAGES["entree_avant_naissance"]),
        ("attestation_sanctions", {"attestation_sanctions": ""}, MESSAGES["attestation"]),
        ("parent_nom_naissance", {"parent_nom_naissance": ""}, MESSAGES["obligatoire"]),
        ("date_union", {"situation_familiale": "Pacsé(e)", "pays_union": "FR", "date_union_jour": "",
                        "date_union_mois": "", "date_union_annee": ""}, MESSAGES["obligatoire"]),
        ("lien_parente", {"lien_parente": "Oncle"}, MESSAGES["choix_invalide"]),
    ],
    "justificatifs": [("fichier-domicile", {}, "les formats acceptés sont")],
    "depot": [("observations", {"observations": "o" * 2001}, MESSAGES["trop_long_2000"])],
}

# Requests the pages never send (issue 14): each is refused with a 4xx and changes nothing saved.
# (what is added to valid values, the `_action`, the expected status)
HOSTILE: dict[str, list[tuple[dict[str, str], str, int]]] = {
    "*": [({}, "inconnue", 400), ({}, "supprimer:99999999999999999999", 404), ({}, "ajouter:nimporte", 400),
          ({}, "retirer:prenoms:99999999", 400)],
    "informations-personnelles": [({"prenoms-30000": "x"}, "enregistrer", 400), ({"nationalites-11": "CA"}, "enregistrer", 400)],
    "motif-de-sejour": [({"enfants-30000-nom": "x"}, "enregistrer", 400), ({"enfants-12-nom": "x"}, "enregistrer", 400),
                        ({"enfants-0-prenoms-40": "x"}, "enregistrer", 400)],
}

# Strategies for valid answers (every drawn value is one the page can show back as it is) ------------
NAME_CHARS = st.characters(categories=["L", "M"]) | st.sampled_from(" '-")
names = st.text(NAME_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip() and s == s.strip())
PAYS = ("CA", "SN", "MA", "BR", "VN", "US", "DZ", "TN")


@st.composite
def informations_valides(draw: Any, today: date) -> dict[str, str]:
    birth = draw(st.dates(min_value=date(today.year - 80, 1, 1), max_value=date(today.year - 16, 12, 31)))
    year_only = draw(st.booleans()) and draw(st.booleans())
    values = {"nom_naissance": draw(names), "prenoms-0": draw(names), "sexe": draw(st.sampled_from("MF")),
              **date_fields("date_naissance", birth, year_only, pad=draw(st.booleans())),
              "pays_naissance": draw(st.sampled_from(PAYS)), "lieu_naissance": draw(names),
              "nationalites-0": draw(st.sampled_from(PAYS)), **draw(st.sampled_from(ADRESSES)),
              "telephone": "0" + draw(st.text("0123456789", min_size=9, max_size=9))}
    if draw(st.booleans()):
        values["nom_usage"] = draw(names)
    if draw(st.booleans()):
        values["prenoms-1"] = draw(names)
    return values


@st.composite
def motifs_valides(draw: Any, today: date, birth: date) -> dict[str, str]:
    after_birth = st.dates(min_value=birth, max_value=today)
    values = {"parent_nom_naissance": draw(names), "parent_prenoms-0": draw(names),
              "parent_sexe": draw(st.sampled_from("MF")),
              **date_fields("parent_date_naissance", draw(st.dates(date(1920, 1, 1), birth))),
              "lien_parente": draw(st.sampled_from(["Père", "Mère"])),
              **date_fields("date_entree", draw(after_birth), pad=draw(st.booleans())),
              "situation_familiale": draw(st.sampled_from(["Célibataire", "Marié(e)", "Pacsé(e)", "Divorcé(e)"])),
              "a_enfants": draw(st.sampled_from(["oui", "non"])),
              "attestation_polygamie": "oui", "attestation_sanctions": "oui"}
    if values["situation_familiale"] in ("Marié(e)", "Pacsé(e)"):
        values.update(date_fields("date_union", draw(after_birth)), pays_union=draw(st.sampled_from(PAYS + ("FR",))))
    if values["a_enfants"] == "oui":
        values.update({"enfants-0-nom": draw(names), "enfants-0-prenoms-0": draw(names),
                       "enfants-0-sexe": draw(st.sampled_from("MF")),
                       **date_fields("enfants-0-date_naissance", draw(st.dates(birth, today))),
                       "enfants-0-nationalites-0": draw(st.sampled_from(PAYS + ("FR",))),
                       "enfants-0-residence": draw(st.sampled_from(["france", "etranger"]))})
    return values


# Required items (issue 16) ----------------------------------------------------------------------
def keys_of(bloc: Bloc, values: dict[str, str]) -> list[str]:
    """The form's keys of a field: a date's three parts, a list's items, an address's parts."""
    if bloc.type == "date":
        return [k for k in values if k in (f"{bloc.id}_jour", f"{bloc.id}_mois", f"{bloc.id}_annee")]
    if bloc.multiple:
        return [k for k in values if k.startswith(f"{bloc.id}-")]
    if bloc.type == "adresse":
        return [k for k in values if k == bloc.id or k.startswith(f"{bloc.id}_")]
    return [k for k in values if k == bloc.id]
