"""The `agent` back-office: the bundled portal's agent pages, driven in a browser context of their
own next to the applicant's, found by the back-office's wording (SIM-AGENT-… in the catalogue).
Apart from the seam (harness.backoffice) because it is the one adapter that needs a browser."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from playwright.sync_api import BrowserContext, Locator, Page, expect

from . import libelles, textes
from .backoffice import MOTIFS, BackOfficeConfig, BackOfficeRefused, _jjmmaaaa, _titre, motif_code
from .catalogue import catalogue

if TYPE_CHECKING:
    from playwright._impl.internal_structures import AriaRole


class AgentPages:
    """The agent, in the bundled portal's back-office, in a browser context of its own."""

    name = "agent"
    attested = False

    # What the bundled back-office writes after each action: its own wording (the guides show the
    # applicant's side only), so each is an informative text of the catalogue (SIM-AGENT-…).
    DONE = {
        "instruction": "SIM-AGENT-DEMARREE",
        "complement": "SIM-AGENT-COMPLEMENT-ENVOYE",
        "cloture": "SIM-AGENT-CLOTUREE",
        "decision": "SIM-AGENT-DECISION-PRISE",
        "disponible": "SIM-AGENT-TITRE-DISPONIBLE",
        "attestation": "SIM-AGENT-ATTESTATION-DELIVREE",
    }

    def __init__(self, open_context: Callable[[], BrowserContext], config: BackOfficeConfig, *,
                 headed: bool = False) -> None:
        self._open_context = open_context
        self.config = config
        self.headed = headed
        self.timeout_ms = config.timeout_s * 1000
        self._context: BrowserContext | None = None
        self._page: Page | None = None

    # The agent's window ----------------------------------------------------------------------
    @property
    def page(self) -> Page:
        if self._page is None:
            self._context = self._open_context()
            self._page = self._context.new_page()
            self._page.set_default_timeout(self.timeout_ms)
            applicant = self._applicant_page()
            if self.headed and applicant is not None:
                side_by_side(applicant, self._page)
        return self._page

    def _applicant_page(self) -> Page | None:
        """The applicant's tab: the first page of another context of the same browser."""
        browser = self._context.browser if self._context is not None else None
        for context in browser.contexts if browser is not None else []:
            if context is not self._context and context.pages:
                return context.pages[0]
        return None

    def _expect(self, locator: Locator) -> None:
        expect(locator).to_be_visible(timeout=self.timeout_ms)

    def _find(self, kind: AriaRole | Literal["label"], ident: str, *, scope: Page | Locator | None = None, **values: str) -> Locator:
        """The element of role `kind` (or "label": a field) named by the catalogue's text `ident`
        (SIM-AGENT-…, "{placeholders}" filled from `values`): the back-office's own wording, so a
        target that words it otherwise gets a remarque and the element is found whatever its case."""
        exigence = catalogue().by_id(ident)
        texte = exigence.texte.format(**values) if values else exigence.texte
        where = scope if scope is not None else self.page
        lieu = f"le back-office de l'agent ({self.page.url})"

        def find(name: re.Pattern[str]) -> Locator:
            return where.get_by_label(name) if kind == "label" else where.get_by_role(kind, name=name)
        return libelles.element(find, texte, lieu=lieu, exigence=exigence)

    def _login_if_asked(self) -> None:
        page = self.page
        words = catalogue().by_id
        login = page.get_by_label(libelles.loose(words("SIM-AGENT-IDENTIFIANT").texte))
        heading = page.get_by_role("heading", name=libelles.loose(words("SIM-AGENT-DEMANDES").texte), level=1)
        self._expect(login.or_(heading).first)
        if login.is_visible():
            self._find("label", "SIM-AGENT-IDENTIFIANT").fill(self.config.agent_login)
            self._find("label", "SIM-AGENT-MOT-DE-PASSE").fill(self.config.agent_password)
            self._find("button", "SIM-AGENT-SE-CONNECTER").click()
            alert = page.get_by_role("alert")
            self._expect(heading.or_(alert).first)
            if heading.is_visible():
                self._find("heading", "SIM-AGENT-DEMANDES")  # its wording judged, now it is shown
            else:
                raise BackOfficeRefused(f"connexion agent refusée ({self.config.agent_login}) : "
                                        f"{' '.join(alert.all_inner_texts())}")

    def _open(self, numero_demande: str) -> Page:
        """The demande's page, from the list "Demandes déposées" (logging in first when asked)."""
        page = self.page
        page.goto(self.config.agent_url)
        self._login_if_asked()
        link = page.get_by_role("row").get_by_role("link", name=numero_demande, exact=True)
        if link.count() == 0:
            raise AssertionError(f"la demande n° {numero_demande} n'est pas dans la liste « Demandes déposées » "
                                 f"de {page.url}")
        link.first.click()
        self._find("heading", "SIM-AGENT-DEMANDE", numero=numero_demande)
        return page

    def _button(self, page: Page, ident: str, numero_demande: str, **values: str) -> Locator:
        name = catalogue().by_id(ident).texte.format(**values)
        if page.get_by_role("button", name=libelles.loose(name)).count():
            return self._find("button", ident, **values)  # type: ignore[arg-type]  # placeholders only, never scope=
        etat = page.get_by_text(re.compile(r"État\s*:", re.IGNORECASE)).all_inner_texts()
        raise BackOfficeRefused(f"la page de la demande n° {numero_demande} ne propose pas « {name} » "
                                f"({' '.join(t.strip() for t in etat) or 'état non affiché'})")

    def _submit(self, page: Page, button: Locator, done: str) -> None:
        """Press the button, then wait for the page's confirmation (`done`: its id in the catalogue);
        a refusal fails with the page's words."""
        button.click()
        exigence = catalogue().by_id(done)
        status = page.get_by_role("status").filter(has_text=libelles.loose(exigence.texte))
        alert = page.get_by_role("alert")
        invalid = page.locator("[aria-invalid=true]")
        self._expect(status.or_(alert).or_(invalid).first)
        if status.count():
            exact = page.get_by_role("status").filter(has_text=libelles.exact(exigence.texte))

            def probe() -> None:
                if exact.count() == 0:
                    raise AssertionError(f"« {status.first.inner_text().strip()} »")
            textes.current().verifier(exigence.texte, probe, lieu=f"la confirmation du back-office de l'agent ({page.url})",
                                      exigence=exigence)
            return
        messages = [t.strip() for t in alert.all_inner_texts()]
        for index in range(invalid.count()):
            described = invalid.nth(index).get_attribute("aria-describedby") or ""
            for ref in described.split():
                messages.extend(t.strip() for t in page.locator(f"[id='{ref}']").all_inner_texts())
        raise BackOfficeRefused(f"le back-office refuse l'action : {' '.join(m for m in messages if m)}")

    # The actions -----------------------------------------------------------------------------
    def start_instruction(self, numero_demande: str) -> None:
        page = self._open(numero_demande)
        self._submit(page, self._button(page, "SIM-AGENT-DEMARRER", numero_demande), self.DONE["instruction"])

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str | Mapping[str, str]) -> None:
        """`observations`: one text for every document, or {title: text} (guides 02-04 show
        "Observations :" under each document)."""
        page = self._open(numero_demande)
        button = self._button(page, "SIM-AGENT-ENVOYER-COMPLEMENT", numero_demande)
        for title, motif in motifs.items():
            self._motif_field(page, title).select_option(label=MOTIFS[motif_code(motif)])  # the guides' words
            text = observations if isinstance(observations, str) else observations.get(title, "")
            self._motif_field(page, title, "Observations pour", "SIM-AGENT-OBSERVATIONS-DOCUMENT").fill(text)
        self._submit(page, button, self.DONE["complement"])

    def close_incomplete(self, numero_demande: str) -> None:
        """The demande closed, its complément not given within the 30 days (refused before)."""
        page = self._open(numero_demande)
        button = self._button(page, "SIM-AGENT-CLOTURER", numero_demande)
        self._submit(page, button, self.DONE["cloture"])

    @staticmethod
    def _motif_field(page: Page, title: str, label: str = "Motif pour", ident: str = "SIM-AGENT-MOTIF") -> Locator:
        """The "Motif pour « title »" drop-down, or the "Observations pour « title » :" field (`ident`:
        the back-office's own wording, found whatever its case and judged): the title as the
        applicant's pages write it (the "*" aside), or the start of one title only ("Justificatif de
        domicile")."""
        # "/" escaped too: Playwright writes the pattern into a selector as /…/
        core = re.escape(_titre(title)).replace("/", r"\/")
        exigence = catalogue().by_id(ident)
        for pattern in (rf"^\s*{label} « {core}\s*\*?\s*»\s*:?\s*$", rf"^\s*{label} « {core}\s[^»]*»\s*:?\s*$"):
            field_ = page.get_by_label(re.compile(pattern, re.IGNORECASE))
            if field_.count() == 1:
                exact = page.get_by_label(re.compile(pattern))

                def probe(exact: Locator = exact) -> None:
                    if exact.count() != 1:
                        raise AssertionError(f"libellé en d'autres termes que « {exigence.texte} »")
                textes.current().verifier(exigence.texte, probe, exigence=exigence,
                                          lieu=f"le formulaire « Demander un complément » du back-office ({page.url})")
                return field_
        offered = page.get_by_text(re.compile(r"^\s*Motif pour « ")).all_inner_texts()
        raise AssertionError(f"pas de justificatif « {title} » (ou plusieurs) dans le formulaire « Demander un "
                             f"complément » ; proposés : {[t.strip() for t in offered]}")

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        page = self._open(numero_demande)
        button = self._button(page, "SIM-AGENT-DECIDER", numero_demande)
        self._find("label", "SIM-AGENT-DATE-DEBUT").fill(_jjmmaaaa(debut))
        self._find("label", "SIM-AGENT-DATE-FIN").fill(_jjmmaaaa(fin))
        self._find("label", "SIM-AGENT-TAXE").fill(str(taxe))
        self._submit(page, button, self.DONE["decision"])

    def mark_available(self, numero_demande: str) -> None:
        page = self._open(numero_demande)
        self._submit(page, self._button(page, "SIM-AGENT-DISPONIBLE", numero_demande), self.DONE["disponible"])

    def deliver_attestation(self, numero_demande: str, titre: str) -> None:
        page = self._open(numero_demande)
        self._submit(page, self._button(page, "SIM-AGENT-DELIVRER", numero_demande, titre=titre), self.DONE["attestation"])

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None:
        """The agent's page of the demande shows each of `texts` (e.g. the applicant's answer)."""
        page = self._open(numero_demande)
        for text in texts:
            expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=self.timeout_ms)

    # Evidence and end ------------------------------------------------------------------------
    def evidence(self, folder: Path) -> list[str]:
        """On failure: a screenshot of the agent's page, next to the applicant's."""
        if self._page is None or self._page.is_closed():
            return []
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "agent.png"
        self._page.screenshot(path=str(path), full_page=True)
        return [f"page de l'agent : {self._page.url}", f"capture de l'agent : {path}"]

    def close(self) -> None:
        # a context from pytest-playwright's new_context keeps its trace and screenshot on failure
        # when closed (--tracing, --screenshot), before the test's outcome decides what is kept
        if self._context is not None:
            self._context.close()
        self._context = self._page = None


def side_by_side(left: Page, right: Page) -> None:
    """Place two headed windows side by side on the screen (Chromium, through CDP): the applicant
    on the left, the agent on the right. Harmless elsewhere: a browser without CDP is left alone."""
    try:
        screen = left.evaluate("[screen.availLeft || 0, screen.availTop || 0, screen.availWidth, screen.availHeight]")
        x, y, width, height = (int(v) for v in screen)
        if width < 640 or height < 400:  # no real screen (e.g. Chromium's headless platform): leave them be
            return
        half = width // 2
        for page, left_edge in ((left, x), (right, x + half)):
            session = page.context.new_cdp_session(page)
            try:
                window = session.send("Browser.getWindowForTarget")["windowId"]
                session.send("Browser.setWindowBounds", {"windowId": window, "bounds": {"windowState": "normal"}})
                session.send("Browser.setWindowBounds", {"windowId": window, "bounds": {
                    "left": left_edge, "top": y, "width": half, "height": height}})
            finally:
                session.detach()
    except Exception:  # noqa: BLE001 - placing windows is a nicety of demos, never a failure
        return
