"""A téléprocédure filled over HTTP, the fast way of "j'ai rempli ma demande jusqu'à l'étape …" and
"j'ai déposé ma demande" (issue 19 point 2). `HttpDemarche` and `HttpZone` answer the calls the
journeys' fillers make on `Demarche` and `Zone` (a field by its label, a question by its legend, a
section by its title, a button by its name), on the page parsed by harness.page_http: the same
fillers type the persona's answers either way, and the portal's own form handling receives what the
browser would have sent. The address type-ahead and the "Joindre un document" chooser are done as
the page's script does them (its suggestions, the button it presses). `over_http` hands the
browser's session to an HTTP client and, at the end, the session back to the browser, which opens
the page the last answer led to: where the browser way leaves it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from playwright._impl._api_structures import SetCookieParam  # the TypedDict add_cookies takes (not re-exported)

from . import textes
from .actor import Actor
from .browser import label_pattern
from .catalogue import catalogue
from .demarche import CURRENT_STEP, Demarche, Upload, Zone
from .page_http import HttpBrowser, squash
from .textes import contains, pattern
from .zone_http import HttpZone, check, exact, one, type_into


class HttpDemarche(Demarche):
    """The téléprocédure over HTTP: the calls of Demarche the fillers make (pressing a button,
    the address, the ephoto, the files), on pages read by harness.page_http."""

    def __init__(self, http: HttpBrowser, base_url: str) -> None:  # no browser tab: Demarche's readers are not for this
        self.http, self.base_url = http, base_url.rstrip("/")
        self.zone: HttpZone = HttpZone(None, self, ())

    def open_home(self) -> None:
        self.http.open(self.base_url + "/")

    # The browser way's checks on the way are judged here too, by the catalogue (harness.textes):
    # a text a mutant or a deployment changes fails with the same requirement named, and is counted
    def choose(self, label: str) -> None:
        doc = self.http.current

        def tick() -> None:
            found = [n for n in doc.by_label(doc.root, exact(label)) if n.kind in ("radio", "checkbox")]
            check(doc, one(doc, found, f"« {label} »"))

        exigence = catalogue().find(label)
        if exigence is None:
            tick()
        else:
            textes.current().verifier(label, tick, lieu=f"les choix de la page {doc.url}", exigence=exigence)

    def click(self, name: str) -> None:
        """PortalPage.click: the button or link named `name` exactly (a trailing ">" aside)."""
        self._activate(name, re.compile(rf"^\s*{re.escape(name)}\s*[>›]?\s*$", re.IGNORECASE), self.zone)

    def expect_text(self, text: str) -> None:
        doc = self.http.current

        def shown() -> None:
            if not contains(doc.root.text(), text):
                raise AssertionError(f"absent : {' | '.join(doc.problems()) or squash(doc.root.text())[:300]}")

        textes.current().verifier(text, shown, lieu=f"la page {doc.url}")

    def press(self, name: str, *, within: Zone | None = None) -> None:
        zone = within if isinstance(within, HttpZone) else self.zone
        self._activate(name, re.compile(rf"^\W*\s*{re.escape(name)}\s*\W*$", re.IGNORECASE), zone)

    def _activate(self, name: str, pattern: re.Pattern[str], zone: HttpZone) -> None:
        """The first button or link so named (the shown one first): its form sent, or its link followed."""
        doc = self.http.current
        root = zone.node()
        found = [n for n in root.iter() if n is not root and doc.role(n) in ("button", "link") and pattern.search(doc.name(n))]
        target = next((n for n in found if not n.hidden), found[0] if found else None)  # see _one
        if target is None:
            raise AssertionError(f"pas de bouton ni de lien « {name} » dans la page {doc.url}")
        if doc.role(target) == "link":
            self.http.follow(target)
        else:
            self.http.submit(target)

    def expect_step(self, title: str) -> None:
        """As Demarche.expect_step: the stepper lists `title` and marks it current (aria-current)."""
        doc = self.http.current
        current = next((n for n in doc.root.iter() if n.get("aria-current") == "step"), None)
        shown = doc.name(current) if current is not None else "aucune"
        said = f"la page {doc.url} ({doc.status}) est à l'étape « {shown} » ; elle signale : {' | '.join(doc.problems()) or 'rien'}"

        def listed() -> None:
            if not any(pattern(title).search(doc.name(n)) for n in doc.by_role(doc.root, "listitem")):
                raise AssertionError(said)

        def marked() -> None:
            if not pattern(title).search(shown):
                raise AssertionError(said)

        v = textes.current()
        v.verifier(title, listed, lieu="la liste des étapes de la démarche")
        v.verifier(title, marked, lieu=f"l'étape en cours (aria-current) : « {title} »",
                   exigence=catalogue().by_id(CURRENT_STEP))

    def fill_address(self, line: str, code_postal: str, *, zone: Zone | None = None) -> None:
        """As the page's script: the suggestions for what was typed, the first that starts with the
        address chosen, its parts written into the detailed fields of the address."""
        z = zone if isinstance(zone, HttpZone) else self.zone
        field = z.control("Adresse")
        typed = line[: max(8, len(line) - 6)].strip()
        source = self.http.client.get(httpx.URL(self.http.current.url).join(field.get("data-source")), params={"q": typed})
        source.raise_for_status()
        starts = re.compile(rf"^\s*{re.escape(line)}\b", re.IGNORECASE)
        chosen = next((s for s in source.json()["suggestions"]
                       if starts.search(s["libelle"] + (f" ({s['complement']})" if s.get("complement") else ""))), None)
        if chosen is None:
            raise AssertionError(f"adresse « {line} » absente des suggestions pour « {typed} »")
        type_into(field, chosen["libelle"])
        prefix = f"{field.get('data-adresse')}_"
        for detail in self.http.current.form_of(field).iter():
            if detail.tag == "input" and detail.get("name").startswith(prefix):
                type_into(detail, str(chosen.get(detail.get("name")[len(prefix):]) or ""))
        if z.control("Code postal").get("value") != code_postal:
            raise AssertionError(f"code postal {code_postal} attendu pour « {line} »")

    def attach(self, title: str, upload: Upload) -> None:
        """The file chosen in "Joindre un document", sent with the button the page's script presses."""
        chooser = self.justificatif(title)
        assert isinstance(chooser, HttpZone)
        field = chooser.control("Joindre un document")
        field.files = [upload]
        button = self.http.current.by_id.get(field.get("data-joindre"))
        if button is None:
            raise AssertionError(f"« Joindre un document » de « {title} » : pas de bouton d'envoi")
        self.http.submit(button)
        field.files = []

    def _section_text(self, title: str) -> str:
        zone = self.justificatif(title)
        assert isinstance(zone, HttpZone)
        return squash(zone.node().text())

    def expect_joined(self, title: str, filename: str) -> None:
        if not re.search(rf"{re.escape(filename)}\s*✓", self._section_text(title)):
            raise AssertionError(f"« {filename} » non joint à « {title} » : {' | '.join(self.http.current.problems())}")

    def expect_ephoto_confirmed(self, numero: str) -> None:
        if numero not in self._section_text("Photographie d'identité récente"):
            raise AssertionError(f"numéro ephoto {numero} non confirmé : {' | '.join(self.http.current.problems())}")

    # The récapitulatif's parts (guides 04 and 05): the open one is the one the page was served with
    def part(self, title: str) -> HttpZone:
        return self.zone.section(title)

    def expect_part_open(self, title: str, is_open: bool = True) -> None:
        doc = self.http.current
        region = [n for n in doc.by_role(doc.root, "region", label_pattern(title)) if not n.hidden]
        if bool(region) != is_open:
            raise AssertionError(f"partie « {title} » {'fermée' if is_open else 'ouverte'} dans la page {doc.url}")

    def requested_justificatifs(self) -> list[str]:
        doc = self.http.current
        titles = []
        for region in doc.by_role(doc.root, "region"):
            if not region.hidden and len(doc.by_label(region, label_pattern("Joindre un document"))) == 1:
                heading = next(iter(doc.by_role(region, "heading")), None)
                titles.append(squash(heading.text()) if heading is not None else doc.name(region))
        return titles


@contextmanager
def over_http(actor: Actor, base_url: str) -> Iterator[HttpDemarche]:
    """The fillers run over HTTP from the page the browser is on, with its session; then the
    browser gets the session back and opens the page the last answer led to."""
    page = actor.browser.page
    held = {c["name"]: c for c in page.context.cookies(base_url)}
    saved = actor.notes.demarche
    with httpx.Client(follow_redirects=True, timeout=30) as client:
        for c in held.values():
            client.cookies.set(c["name"], c["value"], domain=c["domain"], path=c["path"])
        saisie = HttpDemarche(HttpBrowser(client), base_url)
        saisie.http.open(page.url)
        actor.notes.demarche = saisie
        try:
            yield saisie
        finally:
            actor.notes.demarche = saved
        back: list[SetCookieParam] = []
        for cookie in client.cookies.jar:
            kept = held.get(cookie.name)
            if kept is None:
                back.append({"name": cookie.name, "value": cookie.value or "", "url": base_url})
            elif kept["value"] != cookie.value:
                back.append({"name": kept["name"], "value": cookie.value or "", "domain": kept["domain"],
                             "path": kept["path"], "httpOnly": kept["httpOnly"], "secure": kept["secure"],
                             "sameSite": kept["sameSite"], "expires": kept["expires"]})
    if back:
        page.context.add_cookies(back)
    page.goto(saisie.http.current.url)
