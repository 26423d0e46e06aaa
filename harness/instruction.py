"""The instruction as the applicant lives it (guides 02-04 "INSTRUCTION DE LA DEMANDE", guide 01
FAQ 12 and 16): a demande deposited through its journey, then what the agent's actions leave in the
applicant's mailbox and pages: the bell and its count, "Mes Notifications" (rows, paging, filter), a
notification opened (the accusé de réception), a demande de complément answered, the notification de
décision and its attestation, "Mes demandes en cours" and "Historique de mes Titres de Séjour".

Everything is read as a person reads it: by the guides' words, through links and buttons."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Locator, expect

from . import fichiers, libelles, parcours, textes
from .actor import Actor
from .browser import label_pattern, select_matching
from .documents import PdfDocument, download
from .preconditions import Preconditions
from .textes import pattern

MES_NOTIFICATIONS = "Mes Notifications"
VOIR_TOUTES = "Voir toutes mes notifications"
RETOUR_TOUTES = "< RETOUR A TOUTES MES NOTIFICATIONS"
TELECHARGER = "TELECHARGER LE DOCUMENT"
NOTIFICATION_MAIL = "Vous venez de recevoir une notification, elle est accessible depuis votre espace personnel"


def _esc(text: str) -> str:
    """re.escape, and "/" too: Playwright writes a name pattern as /…/."""
    return re.escape(text).replace("/", r"\/")


# The demande deposited ----------------------------------------------------------------------------
def deposit(actor: Actor, pre: Preconditions | None = None) -> str:
    """The persona's journey from its first step to the dépôt (the account already open and the
    applicant connected; over HTTP with fast preconditions, where the journey allows it); returns
    the numéro de la demande as "Mes demandes en cours" shows it."""
    parcours.du(actor).deposit(actor, pre)
    numero = numero_demande(actor)
    actor.notes.numero_demande = numero
    actor.notes.date_depot = date.today()
    return numero


def numero_demande(actor: Actor) -> str:
    """The newest demande's number in "Mes demandes en cours" ("Suivi de ma demande :")."""
    page = actor.browser.page
    page.get_by_role("link", name=label_pattern("Mes demandes en cours")).first.click()
    table = page.get_by_role("region", name=label_pattern("Suivi de ma demande"))
    cell = table.get_by_role("row").filter(has=page.get_by_role("cell")).first.get_by_role("cell").first
    expect(cell).to_have_text(re.compile(r"^\s*\d{19}\s*$"))
    return cell.inner_text().strip()


def demande_state(actor: Actor, state: str) -> None:
    """"Mes demandes en cours" shows the demande in this state of guide 01 FAQ 12."""
    page = actor.browser.page
    page.get_by_role("link", name=label_pattern("Mes demandes en cours")).first.click()
    table = page.get_by_role("region", name=label_pattern("Suivi de ma demande"))
    row = table.get_by_role("row").filter(has_text=actor.numero_demande)
    textes.current().verifier(state, lambda: expect(row).to_contain_text(pattern(state)),
                              lieu="l'état de la demande dans « Suivi de ma demande »")


def history_shows(actor: Actor, debut: date, fin: date, mention: str | None) -> None:
    """"Historique de mes Titres de Séjour :" lists the card decided (validity, mention, Accepté)."""
    page = actor.browser.page
    page.get_by_role("link", name=label_pattern("Mes demandes en cours")).first.click()
    history = page.get_by_role("region", name=label_pattern("Historique de mes Titres de Séjour"))
    row = history.get_by_role("row").filter(has_text=f"{debut:%d/%m/%Y}").filter(has_text=f"{fin:%d/%m/%Y}")
    expect(row).to_have_count(1)
    textes.current().verifier("Accepté", lambda: expect(row).to_contain_text(pattern("Accepté")),
                              lieu="« Historique de mes Titres de Séjour »")
    if mention:
        expect(row).to_contain_text(mention)


def decision_dates(today: date | None = None) -> tuple[date, date]:
    """A card valid one year from tomorrow (the guide's ADF: decided 17/09, valid 18/09 → 17/09)."""
    debut = (today or date.today()) + timedelta(days=1)
    try:
        fin = debut.replace(year=debut.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        fin = debut.replace(year=debut.year + 1, day=28)
    return debut, fin


# The bell and "Mes Notifications" -------------------------------------------------------------------
def expect_unread(actor: Actor, count: int) -> None:
    """The guides show a bell with a red count; its accessible name "Notifications non lues : n" is
    the simulator's (informative)."""
    page = actor.browser.page
    page.reload()
    texte = f"Notifications non lues : {count}"
    # the count, whatever the wording around it, then the wording judged (no wait on a remarque)
    counted = page.get_by_label(re.compile(rf"^\s*Notifications\b.*\D{count}\s*$", re.IGNORECASE))
    expect(counted.first).to_be_visible()
    libelles.juger(texte, page.get_by_label(libelles.exact(texte)), lieu="le nom accessible de la cloche", vu=_bell(actor))


def _bell(actor: Actor) -> Locator:
    """The bell: its accessible name is the simulator's (SIM-CLOCHE-…), found whatever its wording
    after "Notifications" (the guides show a bell and a count only)."""
    return actor.browser.page.get_by_label(re.compile(r"^\s*Notifications", re.IGNORECASE)).first


def _menu(actor: Actor) -> Locator:
    """The bell's drop-down, named "Mes Notifications" as guide 02 shows it."""
    return libelles.role(actor.browser.page, "region", MES_NOTIFICATIONS, lieu="le menu de la cloche")


def _heading(actor: Actor, titre: str) -> Locator:
    page = actor.browser.page
    return libelles.element(lambda name: page.get_by_role("heading", name=name, level=1), titre, lieu=f"la page {page.url}")


def open_from_bell(actor: Actor) -> None:
    """The bell's drop-down: "Mes Notifications" with the latest, and "Voir toutes mes notifications"."""
    _bell(actor).click()
    libelles.role(_menu(actor), "link", VOIR_TOUTES, lieu="le menu de la cloche").click()
    _heading(actor, MES_NOTIFICATIONS)


def bell_lists(actor: Actor, titre: str) -> None:
    _bell(actor).click()
    menu = _menu(actor)
    latest = menu.get_by_role("link", name=re.compile(rf"^\d\d\W\d\d\W\d{{4}} {_esc(titre)}$", re.IGNORECASE))
    expect(latest.first).to_be_visible()
    libelles.juger(titre, menu.get_by_role("link", name=re.compile(rf"^\d\d\W\d\d\W\d{{4}} {pattern(titre).pattern}$")),
                   lieu="le menu de la cloche", vu=latest)
    libelles.role(menu, "link", VOIR_TOUTES, lieu="le menu de la cloche")
    _bell(actor).click()  # closed again


def rows(actor: Actor, titre: str | None = None) -> Locator:
    """The rows of "Mes Notifications" (date, SEJOUR, title and state, "Lu le", "Répondu le")."""
    items = actor.browser.page.get_by_role("listitem").filter(has_text="SEJOUR")
    return items.filter(has_text=titre) if titre else items


def _row_link(row: Locator, texte: str, *, end: bool) -> Locator:
    """The row's link whose name starts with (or, `end`, ends with) `texte`, typography aside."""
    body = pattern(texte).pattern
    return row.get_by_role("link", name=re.compile(rf"\s{body}\s*$" if end else rf"^\s*{body}\s"))


def expect_row(actor: Actor, titre: str, etat: str, *, index: int = 0) -> Locator:
    """The row's link reads "<titre> <état>" (guide 02 "Mes Notifications": "Notification de décision
    non lue"): the title and the state each judged by the catalogue."""
    row = rows(actor, titre).nth(index)
    expect(row).to_contain_text(f"{date.today():%d/%m/%Y}")
    link = row.get_by_role("link").first
    expect(link).to_be_visible()
    lieu = f"la notification « {titre} » de « Mes Notifications »"
    libelles.juger(titre, _row_link(row, titre, end=False), lieu=lieu, vu=link)
    libelles.juger(etat, _row_link(row, etat, end=True), lieu=lieu, vu=link)
    return row


def open_notification(actor: Actor, titre: str, index: int = 0) -> None:
    row = rows(actor, titre).nth(index)
    link = row.get_by_role("link").first
    libelles.juger(titre, _row_link(row, titre, end=False), lieu="« Mes Notifications »", vu=link)
    link.click()
    _heading(actor, titre)


def back_to_all(actor: Actor) -> None:
    libelles.role(actor.browser.page, "link", RETOUR_TOUTES, lieu="la notification ouverte").click()
    _heading(actor, MES_NOTIFICATIONS)


def filter_by(actor: Actor, filtre: str) -> None:
    """Guide 02 shows "Filter mes notifications :" (sic) and its first choice; the other choices and
    the button are the simulator's (informative). The field is found under either spelling."""
    page = actor.browser.page
    field = page.get_by_label(re.compile(r"^\s*Filt(r)?er mes notifications", re.IGNORECASE))
    select_matching(field, [filtre])  # chosen whatever their case, then judged
    libelles.juger(filtre, field.locator("option").filter(has_text=libelles.exact(filtre)),
                   lieu="le filtre de « Mes Notifications »")
    libelles.role(page, "button", "Filtrer", lieu="le filtre de « Mes Notifications »").click()


def pager(actor: Actor) -> Locator:
    return actor.browser.page.get_by_role("navigation", name=re.compile(r"^\d+ sur \d+$")).first


def expect_pager(actor: Actor, pages: str) -> None:
    """The pager shows "1 sur 2" (guide 02 "Mes Notifications": "1 sur 1 ◀ ▶")."""
    textes.current().verifier(pages, lambda: expect(pager(actor)).to_contain_text(pattern(pages)),
                              lieu="la pagination de « Mes Notifications »")


def next_page(actor: Actor) -> None:
    """The simulator's "Page suivante" (informative); the guide shows ▶."""
    page = actor.browser.page
    arrow = page.get_by_role("link", name=re.compile(r"^\s*[▶›»>]\s*$|suivant", re.IGNORECASE))
    libelles.role(page, "link", "Page suivante", lieu="la pagination de « Mes Notifications »", autrement=arrow).click()


# A demande de complément answered -------------------------------------------------------------------
def document_zone(actor: Actor, titre: str) -> Locator:
    """One document of the demande de complément: its title, "VOIR LE DOCUMENT", the answer."""
    return actor.browser.page.get_by_role("region", name=re.compile(rf"^{_esc(titre)}\s*\*?\s*:?$"))


def answer(actor: Actor, titre: str, choix: str, *, raisons: str = "", fichier: str | None = None) -> None:
    zone = document_zone(actor, titre)
    zone.get_by_role("radio", name=choix).check()
    if raisons:
        zone.get_by_label(re.compile(r"préciser les raisons du maintien du document")).fill(raisons)
    if fichier:
        # guide 02 "INSTRUCTION DE LA DEMANDE" étape 4: "Mettre à jour le Document" then "Joindre un document"
        zone.get_by_label(label_pattern("Joindre un document")).set_input_files(fichiers.pdf(fichier))
        # the file is joined at once and listed with its "SUPPRIMER" (guide 02 étape 4): wait for it
        expect(zone.get_by_text(fichier).first).to_be_visible()


def expect_answer_error(actor: Actor, titre: str, message: str) -> None:
    textes.current().verifier(message, lambda: expect(document_zone(actor, titre).get_by_text(pattern(message, whole=True))).to_be_visible(),
                              lieu=f"la réponse pour « {titre} »")


# The notification de décision and its attestation ----------------------------------------------------
def download_attestation(actor: Actor) -> PdfDocument:
    page = actor.browser.page
    link = page.get_by_role("link", name=TELECHARGER).or_(page.get_by_role("button", name=TELECHARGER)).first
    return download(page, link.click)


def expected_mention(persona: Any) -> str | None:
    """The card's mention for the journeys whose card the guides show (harness.parcours); the BPI
    card's mention is the simulator's: not checked against another target."""
    journey = parcours.PARCOURS.get(persona.parcours)
    return journey.mention if journey is not None else None


def expected_decision(persona: Any) -> str:
    """The ADF's decision sentence the persona's journey prints (harness.parcours)."""
    return parcours.pour(persona).decision


def identity_held(persona: Any) -> list[Any] | None:
    """The identity the portal prints when it holds less than the persona (an ASE applicant's numéro
    étranger was registered with one prénom); None: the persona's own."""
    journey = parcours.PARCOURS.get(persona.parcours)
    if journey is None or journey.identite_tenue is None:
        return None
    return journey.identite_tenue(persona)
