"""The enfant de Français wizard seen from a browser, over HTTP: pages read as a user reads them
(the step the stepper marks, the progress line, the values shown in the fields, the message next to
a field, the documents joined to a justificatif), an applicant with their own session, and valid
answers for each step. Used by the property and stateful tests of the wizard."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cached_property
from typing import Any

from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfWriter
from starlette.testclient import TestClient

from fake_anef.engine.schema import Bloc
from harness import fichiers
from harness.page_http import Node, parse, squash

BASE = "/teleprocedures/vpf-enfant-de-francais"
BRIQUE = "/demarches/premiere-demande"  # "Je demande un premier titre -sans numéro étranger, sans visa-"
CHOIX = "Car j'ai des attaches familiales en France"  # a choice of the brique's page when no demande is begun
PASSWORD = "Abcdef1!x"

# The steps as the user sees them: stepper title and the progress line's percentage (guide 02
# shows 20% at "Informations personnelles" and 90% at the dépôt; 40% and 60% are the portal's).
STEPS = ("situation", "informations-personnelles", "motif-de-sejour", "justificatifs", "depot")
TITRES = {"situation": "Votre situation", "informations-personnelles": "Informations personnelles",
          "motif-de-sejour": "Motif de séjour", "justificatifs": "Justificatifs", "depot": "Dépôt de la demande"}
POURCENTAGES = {"situation": None, "informations-personnelles": 20, "motif-de-sejour": 40, "justificatifs": 60, "depot": 90}

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


# Reading a page ---------------------------------------------------------------------------------
class Page:
    """A page as the user reads it."""

    def __init__(self, response: Any) -> None:
        self.status = response.status_code
        self.path = response.url.path
        self.html = response.text

    @cached_property
    def root(self) -> Node:
        """The page as a tree (parsed when first read: most redirects are never read)."""
        return parse(self.html)

    def __contains__(self, text: str) -> bool:
        return squash(text) in squash(self.root.text())

    # The stepper and the progress line --------------------------------------------------------
    @property
    def step_title(self) -> str | None:
        current = self.root.find("li", **{"aria-current": "step"})
        if current is None:
            return None
        return squash("".join(c for c in current.children if isinstance(c, str)))

    @property
    def progress(self) -> int | None:
        found = re.search(r"Votre démarche en ligne est à (\d+)% terminée", squash(self.root.text()))
        return int(found.group(1)) if found else None

    # The step's form ----------------------------------------------------------------------------
    @property
    def form(self) -> Node | None:
        return next((f for f in self.root.find_all("form") if f.has_class("demarche")), None)

    def values(self) -> dict[str, str]:
        """What the browser would send for the step's form, without the buttons and the files."""
        form = self.form
        out: dict[str, str] = {}
        if form is None:
            return out
        for node in form.iter():
            name = node.attrs.get("name")
            if not name or name == "_action" or "disabled" in node.attrs:
                continue
            if node.tag == "input":
                kind = (node.attrs.get("type") or "text").lower()
                if kind in ("file", "submit", "button", "image", "reset"):
                    continue
                if kind in ("checkbox", "radio"):
                    if "checked" in node.attrs:
                        out[name] = node.attrs.get("value") or "on"
                    continue
                out[name] = node.attrs.get("value") or ""
            elif node.tag == "textarea":
                out[name] = node.text()  # the newline after <textarea> is dropped by the parser
            elif node.tag == "select":
                options = list(node.find_all("option"))
                chosen = next((o for o in options if "selected" in o.attrs), options[0] if options else None)
                out[name] = (chosen.attrs.get("value") if chosen and chosen.attrs.get("value") is not None
                             else (chosen.text() if chosen else ""))
        return out

    def shown(self) -> dict[str, str]:
        """The fields that show something (empty ones left out)."""
        return {k: v for k, v in self.values().items() if v}

    def actions(self) -> set[str]:
        form = self.form
        if form is None:
            return set()
        return {n.attrs.get("value") or "" for n in form.find_all("button") if n.attrs.get("name") == "_action"}

    def link(self, text: str) -> str | None:
        for a in self.root.find_all("a"):
            if squash(a.text()).endswith(text):
                return a.attrs.get("href")
        return None

    # Messages -----------------------------------------------------------------------------------
    def error(self, name: str) -> str | None:
        """The message tied to a field (id="err-<name>"), if any."""
        node = self.root.find(id=f"err-{name}")
        return squash(node.text()) if node is not None else None

    def errors(self) -> dict[str, str]:
        return {n.attrs["id"][4:]: squash(n.text()) for n in self.root.iter()  # type: ignore[index]
                if (n.attrs.get("id") or "").startswith("err-")}

    @property
    def general(self) -> str | None:
        node = next((n for n in self.root.find_all("div", role="alert") if n.has_class("alert-error")), None)
        return squash(node.text()) if node is not None else None

    # Justificatifs ------------------------------------------------------------------------------
    def justificatif(self, jid: str) -> Node | None:
        return self.root.find("section", **{"aria-labelledby": f"j-{jid}"})

    def justificatifs(self) -> list[str]:
        return [n.attrs["aria-labelledby"][2:] for n in self.root.find_all("section")  # type: ignore[index]
                if n.has_class("justificatif")]

    def pieces(self, jid: str) -> list[tuple[str, str]]:
        """(link, file name) of each document joined to a justificatif, in order."""
        section = self.justificatif(jid)
        if section is None:
            return []
        return [(a.attrs.get("href") or "", a.text()) for a in section.find_all("a")
                if "/pieces/" in (a.attrs.get("href") or "")]

    def all_pieces(self) -> list[tuple[str, str]]:
        return [p for jid in self.justificatifs() for p in self.pieces(jid)]

    def piece_ids(self, jid: str) -> list[str]:
        section = self.justificatif(jid)
        if section is None:
            return []
        return [(b.attrs.get("value") or "").split(":", 1)[1] for b in section.find_all("button")
                if (b.attrs.get("value") or "").startswith("supprimer:")]

    @property
    def ephoto(self) -> str | None:
        """The confirmed ephoto number, if one is shown."""
        node = next((n for n in self.root.find_all("span") if n.has_class("ephoto")), None)
        return node.text() if node is not None else None


# An applicant with their own session ---------------------------------------------------------------
class ServerError(AssertionError):
    pass


class Applicant:
    """One person in a browser: their own cookies, their account, their demande."""

    def __init__(self, http: TestClient, email: str, password: str = PASSWORD) -> None:
        self.http = http
        self.email = email
        self.password = password

    def _checked(self, response: Any) -> Page:
        for r in [*response.history, response]:
            if r.status_code >= 500:
                raise ServerError(f"{r.request.method} {r.request.url.path} answered {r.status_code}")
        return Page(response)

    def get(self, url: str) -> Page:
        return self._checked(self.http.get(url))

    def post(self, url: str, data: dict[str, str] | None = None, files: Any = None) -> Page:
        return self._checked(self.http.post(url, data=data, files=files))

    def step(self, step_id: str) -> Page:
        return self.get(f"{BASE}/etapes/{step_id}")

    def submit(self, step_id: str, values: dict[str, str], action: str = "enregistrer", files: Any = None) -> Page:
        return self.post(f"{BASE}/etapes/{step_id}", data={**values, "_action": action}, files=files)

    def login(self) -> Page:
        return self.post("/connexion", data={"identifiant": self.email, "mot_de_passe": self.password})

    def start(self) -> Page:
        page = self.post(BRIQUE, data={"motif": "attaches-familiales"})
        assert page.path == f"{BASE}/etapes/situation", page.path
        return page

    def confirm_ephoto(self, numero: str) -> Page:
        return self.submit("justificatifs", {"ephoto": numero}, action="ephoto:confirmer")

    def join(self, jid: str, name: str, content: bytes, mime: str = "application/octet-stream") -> Page:
        return self.submit("justificatifs", {}, action=f"joindre:{jid}", files={f"fichier-{jid}": (name, content, mime)})

    def remove_pieces(self, jid: str) -> Page:
        page = self.step("justificatifs")
        for piece_id in page.piece_ids(jid):
            page = self.submit("justificatifs", {}, action=f"supprimer:{piece_id}")
        assert not page.pieces(jid)
        return page

    def reach(self, last: str, info: dict[str, str] | None = None, motif: dict[str, str] | None = None,
              ephoto: str | None = None) -> Page:
        """Fill every step validly up to `last` (the page of `last` is returned)."""
        page = self.start()
        answers = {"situation": SITUATION, "informations-personnelles": info or informations(),
                   "motif-de-sejour": motif or motif_de_sejour()}
        for step_id in STEPS[: STEPS.index(last)]:
            if step_id == "justificatifs":
                assert ephoto is not None
                page = self.fill_justificatifs(ephoto)
            else:
                page = self.submit(step_id, answers[step_id])
            assert page.status == 200 and page.step_title == TITRES[STEPS[STEPS.index(step_id) + 1]], (step_id, page.errors())
        return page

    def fill_justificatifs(self, ephoto: str | None) -> Page:
        """Confirm the ephoto (when none is) and join a PDF to each justificatif that has none, then
        "Enregistrer et poursuivre"."""
        page = self.step("justificatifs")
        if page.ephoto is None:
            assert ephoto is not None
            page = self.confirm_ephoto(ephoto)
            assert page.ephoto == ephoto, page.errors()
        files = [(f"fichier-{jid}", (f"{jid}.pdf", PDF, "application/pdf"))
                 for jid in page.justificatifs() if jid != "ephoto" and not page.pieces(jid)]
        return self.submit("justificatifs", {}, files=files or None)


def new_applicant(portal: Any) -> Applicant:
    """A fresh account (path a: e-mail, temporary password, new password), logged in, in its own session."""
    http = portal.new_client()
    email = portal.new_email()
    http.post(BRIQUE, data={"email": email, "email_confirmation": email})
    temporary = re.search(r"Mot de passe provisoire : (\S+)", portal.last_mail_to(email)).group(1)  # type: ignore[union-attr]
    http.post("/connexion", data={"identifiant": email, "mot_de_passe": temporary})
    done = http.post("/compte/reinitialisation", data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD})
    assert done.status_code == 200, done.status_code
    return Applicant(http, email)


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
    a padding entry in its document information (a PDF must end with %%EOF)."""
    if kind == "pdf":
        return PDF if size <= len(PDF) else big_pdf(size)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 210, 220)).save(buffer, format=kind.upper())
    content = buffer.getvalue()
    return content + b"\0" * max(0, size - len(content))


def big_pdf(size: int) -> bytes:
    def make(padding: int) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        writer.add_metadata({"/Remplissage": "0" * padding})
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
