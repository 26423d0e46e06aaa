"""The enfant de Français wizard seen from a browser, over HTTP: pages read as a user reads them
(the step the stepper marks, the progress line, the values shown in the fields, the message next to
a field, the documents joined to a justificatif) and an applicant with their own session. What they
type and join, and what the portal answers, is in wizard_saisies.py. Used by the property and
stateful tests of the wizard."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from starlette.testclient import TestClient

from harness.page_http import Node, parse, squash

from .wizard_saisies import PDF, SITUATION, informations, motif_de_sejour

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
