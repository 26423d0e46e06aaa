"""Page helpers in the guides' vocabulary: fill "Nom :", press "Créer un compte", read what the
page says. Elements are found as a person reads them (role, label, text), never by CSS ids, so the
same helpers work on any deployment whose pages carry the guides' wording."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from playwright.sync_api import Locator, Page, expect

from . import libelles, textes
from .catalogue import catalogue
from .textes import pattern

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]


def label_pattern(label: str) -> re.Pattern[str]:
    """The guide's label, tolerating the page's decorations: a "*" after it or before it (guides
    02-04's login page: "* Identifiant"), ":" or spaces."""
    # "/" escaped too: Playwright writes the pattern into a selector as /…/ ("représentant/mandataire").
    core = re.escape(label.strip().rstrip(":").rstrip("*").strip()).replace("/", r"\/")
    return re.compile(rf"^\s*(?:\*\s*)?{core}\s*(\(facultatif\))?\s*\*?\s*:?\s*$", re.IGNORECASE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def select_matching(select: Locator, candidates: list[str]) -> None:
    """Pick the option whose text is one of `candidates` (accents and case aside)."""
    wanted = {fold(c) for c in candidates}
    options = select.locator("option").all_inner_texts()
    for text in options:
        if fold(text) in wanted:
            select.select_option(label=text)
            return
    raise AssertionError(f"aucune option parmi {candidates} ; options proposées : {options[:20]}…")


class PortalPage:
    """One browser tab on the target portal, with the actions a user performs."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")

    # Navigation -------------------------------------------------------------------------------
    def open_home(self) -> None:
        self.page.goto(self.base_url + "/")

    def open_link_from_mail(self, url: str) -> None:
        self.page.goto(url)

    def click(self, name: str) -> None:
        """Press the button or follow the link whose accessible name is `name` (exactly)."""
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*[>›]?\s*$", re.IGNORECASE)
        target = self.page.get_by_role("button", name=pattern).or_(self.page.get_by_role("link", name=pattern))
        expect(target.first).to_be_visible()
        target.first.click()

    # Fields -----------------------------------------------------------------------------------
    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label_pattern(label))

    def fill(self, label: str, value: str) -> None:
        self.field(label).fill(value)

    def choose(self, label: str) -> None:
        """Tick the radio button or checkbox whose label is `label`. A label of the catalogue is
        judged by it (a guide's wording, or the simulator's: then, against another target, a
        remarque, and the box found whatever the case of its words); any other, exactly."""
        exigence = catalogue().find(label)
        if exigence is None:
            self.page.get_by_label(label, exact=True).check()
            return
        libelles.label(self.page, label, lieu=f"les choix de {self._where()}", exigence=exigence).check()

    def group(self, legend: str) -> Locator:
        return self.page.get_by_role("group", name=label_pattern(legend))

    def fill_date(self, legend: str, value: date | None, *, day: bool = True, month: bool = True) -> None:
        """A "Jour / Mois / Année" group; the month is a drop-down of French month names."""
        group = self.group(legend)
        group.get_by_label(label_pattern("Jour")).fill(f"{value.day:02d}" if value and day else "")
        month_field = group.get_by_label(label_pattern("Mois"))
        if value and month:
            select_matching(month_field, [MOIS[value.month - 1], f"{value.month:02d}", str(value.month)])
        group.get_by_label(label_pattern("Année")).fill(str(value.year) if value else "")

    def select(self, label: str, *candidates: str) -> None:
        """Pick the option whose text is one of `candidates` (accents and case aside): a country
        may be listed as "Algérie", a nationality as "Algérienne" or "ALGERIEN"."""
        select_matching(self.field(label), list(candidates))

    # Reading ----------------------------------------------------------------------------------
    # Each text compared here is judged by the requirement catalogue (harness.textes): a guide's
    # text fails on any target, the simulator's own wording only against the bundled portal.
    def _where(self) -> str:
        return f"la page {self.page.url}"

    def expect_text(self, text: str) -> None:
        textes.current().verifier(
            text, lambda: expect(self.page.get_by_text(pattern(text)).first).to_be_visible(), lieu=self._where())

    def expect_no_text(self, text: str) -> None:
        # A text that must not be shown: its absence is what is checked.
        textes.current().verifier(
            text, lambda: expect(self.page.get_by_text(pattern(text))).to_have_count(0),
            lieu=f"{self._where()} (ce texte ne doit pas y figurer)")

    def expect_field_error(self, label: str, message: str) -> None:
        """The message is shown next to the field and tied to it (its accessible description)."""
        def probe() -> None:
            expect(self.field(label)).to_have_accessible_description(pattern(message))
            expect(self.page.get_by_text(pattern(message)).first).to_be_visible()
        textes.current().verifier(message, probe, lieu=f"le message du champ « {label} »")

    def expect_group_error(self, legend: str, message: str) -> None:
        textes.current().verifier(
            message, lambda: expect(self.group(legend)).to_have_accessible_description(pattern(message)),
            lieu=f"le message du groupe « {legend} »")

    def expect_alert(self, message: str) -> None:
        textes.current().verifier(
            message, lambda: expect(self.page.get_by_role("alert").filter(has_text=pattern(message)).first).to_be_visible(),
            lieu=f"le message d'alerte de {self._where()}")

    def expect_options(self, *labels: str) -> None:
        for label in labels:
            def visible(label: str = label) -> None:
                expect(self.page.get_by_label(pattern(label, whole=True))).to_be_visible()

            textes.current().verifier(label, visible, lieu=f"les choix de {self._where()}")

    def expect_connected(self, identifiant: str) -> None:
        """A connected user sees their identifiant in the page header, and no "SE CONNECTER" link."""
        expect(self.page.get_by_text(identifiant, exact=True).first).to_be_visible()
        expect(self.page.get_by_role("link", name=re.compile("SE CONNECTER", re.IGNORECASE))).to_have_count(0)
