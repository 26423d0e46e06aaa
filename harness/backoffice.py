"""The agent's side of a journey: start the instruction, ask for a complément, decide favourably,
mark the title available. Steps call one `BackOffice`; which one acts is the target's business:

- `AgentPages` ("agent"): the bundled portal's (or any simulator's) agent pages, in a second browser
  context next to the applicant's, found by their wording like every other page;
- a plugin ("simulateur-api" is one, shipped here): a class registered under the entry-point group
  `anef.backoffice`, built with a `BackOfficeConfig`;
- `Manual` ("manuel"): tells the operator, in French, what to do on the target's back-office and
  waits for their confirmation; the report says the action is operator-attested.

The applicant learns what the agent did from their mails and pages, never from the adapter: no
method returns anything (the numéro étranger is read in the applicant's mail)."""

from __future__ import annotations

import os
import re
import select
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from playwright.sync_api import BrowserContext, Locator, Page, expect

from . import libelles, textes
from .catalogue import catalogue
from .operator import OperatorAPI

if TYPE_CHECKING:
    from playwright._impl.internal_structures import AriaRole

ENTRY_POINT_GROUP = "anef.backoffice"
BUILTIN = ("agent", "manuel")

# The reasons of a demande de complément, as the guides word them on the applicant's side
# ("Les documents mentionnés ci-dessous ne sont pas lisibles :"), keyed by the codes steps use.
MOTIFS = {"illisible": "ne sont pas lisibles", "invalide": "ne sont pas valides", "manquant": "sont manquants"}


@runtime_checkable
class BackOffice(Protocol):
    name: str  # "agent" | "manuel" | the plugin's name, shown in the report
    attested: bool  # True when a human operator attested the actions (manual adapter)

    def start_instruction(self, numero_demande: str) -> None: ...

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str) -> None: ...

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None: ...

    def mark_available(self, numero_demande: str) -> None: ...

    def close(self) -> None: ...


class ReadsAndIssues(Protocol):
    """What an adapter may offer besides (steps that need it fail, naming the method, without it)."""

    def deliver_attestation(self, numero_demande: str, titre: str) -> None: ...

    # the demande closed, its complément not given within 30 days (fake_anef/delai.py)
    def close_incomplete(self, numero_demande: str) -> None: ...
        # an attestation the service instructeur issues (guide 01 FAQ 15: the ADP), by its title

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None: ...
        # the agent's page of the demande shows each of `texts` (e.g. the applicant's answer)


@dataclass(frozen=True)
class BackOfficeConfig:
    """What an adapter is built with (a plugin's constructor receives exactly this)."""

    base_url: str  # the portal's home page
    mailbox_url: str  # the mailbox read API
    operator_url: str | None  # the simulator's operator API, None elsewhere
    agent_url: str  # the back-office's entry page (--agent-url)
    agent_login: str  # --agent-login / ANEF_AGENT_LOGIN
    agent_password: str  # --agent-password / ANEF_AGENT_PASSWORD
    timeout_s: float = 15.0  # how long one page or request may take (ANEF_UI_TIMEOUT_MS)
    reports_dir: Path = Path("reports")
    options: Mapping[str, str] = field(default_factory=dict)  # --backoffice-option KEY=VALUE, for plugins


class BackOfficeRefused(AssertionError):
    """The target refused the agent's action; the message is the target's."""


def motif_code(motif: str) -> str:
    """"illisible" | "invalide" | "manquant", also given in the guides' words ("ne sont pas lisibles")."""
    folded = _fold(motif)
    for code, words in MOTIFS.items():
        if folded in (code, _fold(words)):
            return code
    raise ValueError(f"motif inconnu « {motif} » : {', '.join(MOTIFS)} (ou {', '.join(MOTIFS.values())})")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _titre(title: str) -> str:
    """A justificatif's title without the page's required mark: "Justificatif de nationalité *"."""
    return title.strip().rstrip(":").strip().rstrip("*").strip()


def _jjmmaaaa(value: date) -> str:
    return f"{value:%d/%m/%Y}"


# Bundled agent pages ----------------------------------------------------------------------------
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


# The simulator's operator API, as a plugin ------------------------------------------------------
class OperatorBackOffice:
    """The same actions through the simulator's operator API (/__sim__/), for runs that do not watch
    the agent. Shipped as the plugin "simulateur-api" (entry point group anef.backoffice), so the
    plugin door is used by a real entry point."""

    name = "simulateur-api"
    attested = False

    def __init__(self, config: BackOfficeConfig) -> None:
        if not config.operator_url:
            raise RuntimeError("le back-office « simulateur-api » a besoin de l'API opérateur du simulateur "
                               "(--operator-api) ; la cible n'en a pas")
        self.api = OperatorAPI(config.operator_url, timeout=config.timeout_s)

    def _do(self, act: Callable[[], Any]) -> None:
        try:
            act()
        except AssertionError as exc:
            raise BackOfficeRefused(f"le simulateur refuse l'action : {exc}") from exc

    def start_instruction(self, numero_demande: str) -> None:
        self._do(lambda: self.api.start_instruction(numero_demande))

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str | Mapping[str, str]) -> None:
        codes = {_titre(title): motif_code(motif) for title, motif in motifs.items()}
        texts = observations if isinstance(observations, str) else {_titre(t): o for t, o in observations.items()}
        self._do(lambda: self.api.ask_complement(numero_demande, codes, texts))

    def close_incomplete(self, numero_demande: str) -> None:
        self._do(lambda: self.api.close_incomplete(numero_demande))

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        self._do(lambda: self.api.decide_favorably(numero_demande, debut, fin, taxe))

    def mark_available(self, numero_demande: str) -> None:
        self._do(lambda: self.api.mark_available(numero_demande))

    def deliver_attestation(self, numero_demande: str, titre: str) -> None:
        self._do(lambda: self.api.deliver_attestation(numero_demande, titre))

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None:
        """What the agent's page says, read as data (GET /__sim__/demandes/{numero})."""
        seen = _flatten(self.api.demande(numero_demande))
        missing = [t for t in texts if _fold(t) not in _fold(seen)]
        if missing:
            raise AssertionError(f"la demande n° {numero_demande}, côté agent, ne montre pas {missing} : {seen}")

    def close(self) -> None:
        self.api.close()


# The operator, by hand ---------------------------------------------------------------------------
class ManualTimeout(AssertionError):
    pass


@dataclass
class Attestation:
    numero_demande: str
    action: str  # what the operator was asked to do, in French
    confirmed_at: datetime
    how: str  # "Entrée" | the confirmation file


class Manual:
    """Asks the operator to act on the target's back-office and waits for their word: Enter on the
    terminal (when there is one) or the confirmation file it names, whichever comes first. A refusal
    is reported the same way (« refus : … » typed, or the file `<n>.ko` holding the target's
    message). Nobody within `timeout` seconds: the action fails, unattested."""

    name = "manuel"
    attested = True

    def __init__(self, *, say: Callable[[str], None], record: Callable[[Attestation], None], folder: Path,
                 timeout: float = 900.0, tty: bool | None = None, numbering: Callable[[], int] | None = None,
                 poll: float = 0.2) -> None:
        self.say = say
        self.record = record
        self.folder = folder
        self.timeout = timeout
        self.tty = tty
        self.poll = poll
        self._count = 0
        self._numbering = numbering
        self.attestations: list[Attestation] = []

    def _next(self) -> int:
        if self._numbering is not None:
            return self._numbering()
        self._count += 1
        return self._count

    def _ask(self, numero_demande: str, action: str, details: Sequence[str] = ()) -> None:
        n = self._next()
        self.folder.mkdir(parents=True, exist_ok=True)
        ok, ko = self.folder / f"{n}.ok", self.folder / f"{n}.ko"
        for stale in (ok, ko):
            stale.unlink(missing_ok=True)
        tty = _open_tty() if self.tty is not False else None
        lines = [
            "",
            f"══ Back-office : action n° {n} à faire par l'opérateur ══",
            f"Sur le back-office de la cible, demande n° {numero_demande} :",
            f"  {action}",
            *(f"    {d}" for d in details),
            "Quand c'est fait : " + ("appuyez sur Entrée ici, ou " if tty is not None else "") + f"créez le fichier {ok}",
            "Si la cible refuse (ou ne montre pas ce qui est dit) : "
            + ("tapez « refus : <son message> » puis Entrée, ou " if tty is not None else "") + f"écrivez son message dans {ko}",
            f"Délai : {self.timeout:g} s (--manual-timeout).",
        ]
        self.say("\n".join(lines))
        try:
            how = self._wait(ok, ko, tty, f"« {action} » sur la demande n° {numero_demande}")
        finally:
            if tty is not None:
                os.close(tty)
        attestation = Attestation(numero_demande, action, datetime.now().astimezone(), how)
        self.attestations.append(attestation)
        self.record(attestation)

    def _wait(self, ok: Path, ko: Path, tty: int | None, what: str) -> str:
        deadline = time.monotonic() + self.timeout
        empty_since: float | None = None
        while True:
            if ok.exists():
                return str(ok)
            if ko.exists():
                # the file may be seen between its creation and its writing: give the words a moment
                message = ko.read_text(encoding="utf-8").strip()
                empty_since = empty_since or time.monotonic()
                if message or time.monotonic() - empty_since > 2:
                    raise BackOfficeRefused(f"l'opérateur signale un refus de la cible : {message or '(sans message)'}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ManualTimeout(f"Personne n'a confirmé l'action {what} sur le back-office en {self.timeout:g} s "
                                    f"(--manual-timeout) : l'action n'est pas attestée, le scénario échoue. "
                                    f"Confirmation attendue : {'Entrée ou ' if tty is not None else ''}le fichier {ok}.")
            # wait on the terminal when there is one, else on the clock, a short while, then look again
            if tty is not None:
                ready, _, _ = select.select([tty], [], [], min(self.poll, remaining))
                if ready:
                    line = os.read(tty, 4096).decode(errors="replace").strip()
                    if _fold(line).startswith("refus"):
                        message = line.split(":", 1)[1].strip() if ":" in line else line
                        raise BackOfficeRefused(f"l'opérateur signale un refus de la cible : {message}")
                    return "Entrée"
            else:
                _pause(min(self.poll, remaining))

    def start_instruction(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Démarrez l'instruction de la demande.",
                  ["(le demandeur doit recevoir le courriel de création de son compte)"])

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str | Mapping[str, str]) -> None:
        details = [f"« {_titre(title)} » : les documents {MOTIFS[motif_code(motif)]}"
                   + ("" if isinstance(observations, str) else f" ; observations : « {observations.get(title, '')} »")
                   for title, motif in motifs.items()]
        if isinstance(observations, str):
            details.append(f"Observations : « {observations} »")
        self._ask(numero_demande, "Envoyez une demande de complément au demandeur :", details)

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        self._ask(numero_demande, "Prenez la décision favorable :",
                  [f"carte valable du {_jjmmaaaa(debut)} au {_jjmmaaaa(fin)}", f"montant de la taxe : {taxe} euros"])

    def mark_available(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Marquez le titre de séjour disponible.")

    def close_incomplete(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Clôturez la demande : le complément demandé n'a pas été apporté dans le délai de 30 jours.",
                  ["(si la cible refuse, parce que le délai n'est pas écoulé, répondez « refus : » et son message)"])

    def deliver_attestation(self, numero_demande: str, titre: str) -> None:
        self._ask(numero_demande, f"Délivrez au demandeur l'attestation « {titre} ».")

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None:
        self._ask(numero_demande, "Vérifiez que la page de la demande, côté agent, affiche :",
                  [f"« {text} »" for text in texts])

    def close(self) -> None:
        pass


def _flatten(value: Any) -> str:
    """Every string of a JSON value, one text."""
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value)
    return "" if value is None else str(value)


def _open_tty() -> int | None:
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | os.O_NOCTTY)
    except OSError:
        return None
    if not os.isatty(fd):
        os.close(fd)
        return None
    return fd


def _pause(seconds: float) -> None:
    # waiting on nothing but the clock between two looks at the confirmation file
    select.select([], [], [], seconds)


# Choosing and loading ----------------------------------------------------------------------------
def available_plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str, config: BackOfficeConfig) -> BackOffice:
    """The adapter registered as `name` in the entry-point group anef.backoffice, built with `config`."""
    plugins = available_plugins()
    if name not in plugins:
        known = ", ".join(sorted([*BUILTIN, *plugins])) or "aucun"
        raise LookupError(f"aucun back-office « {name} » (groupe d'entry points {ENTRY_POINT_GROUP}) ; "
                          f"disponibles : {known}. Un greffon s'installe avec son paquet (pip install …).")
    factory = plugins[name].load()
    adapter: BackOffice = factory(config)
    missing = [m for m in ("start_instruction", "ask_complement", "decide_favorably", "mark_available", "close")
               if not callable(getattr(adapter, m, None))]
    if missing:
        raise TypeError(f"le back-office « {name} » n'implémente pas : {', '.join(missing)}")
    if not getattr(adapter, "name", None):
        adapter.name = name
    if not hasattr(adapter, "attested"):
        adapter.attested = False
    return adapter


NO_BACKOFFICE = ("la cible n'est ni le portail intégré ni un simulateur : aucun back-office automatique. "
                 "Passez --backoffice manuel (l'opérateur agit et confirme) ou le nom d'un greffon "
                 f"(groupe d'entry points {ENTRY_POINT_GROUP})")


def choose(option: str, *, simulator: bool) -> str | None:
    """Which adapter `--backoffice option` means for a target: "agent", "manuel", a plugin name, or
    None (auto against a target that is not a simulator: back-office scenarios are skipped)."""
    option = (option or "auto").strip()
    if option == "auto":
        return "agent" if simulator else None
    return option


def agent_url(base_url: str, option: str | None) -> str:
    return option or f"{base_url.rstrip('/')}/agent"
