"""Helpers for the téléprocédures' wizard, in the guides' words: the stepper, a section or a group of
the page, repeatable fields ("+ Ajouter un prénom"), the address type-ahead, "Joindre un document",
the ephoto. Elements are found by role, label and text, never by CSS ids or classes, so the same
helpers drive any deployment whose pages carry the guides' wording.
The guides show the stepper as the numbered list of the step titles, the current one emphasised: the
title in that list is the guide's text (normative); which item is current is read from the ARIA state
(aria-current="step"), a structure the guides do not show, so that part is informative. Texts are
judged by the requirement catalogue (harness.textes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from playwright.sync_api import FilePayload, Locator, Page, expect

from . import fichiers, textes
from .browser import MOIS, PortalPage, fold, label_pattern, select_matching
from .catalogue import catalogue
from .textes import pattern

CURRENT_STEP = "SIM-STRUCTURE-ETAPE-COURANTE"

Upload = FilePayload  # {"name", "mimeType", "buffer"}


def _exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$", re.IGNORECASE)


# A delete button, as any guide words it: "SUPPRIMER" (guides 02, 04), "Supprimer le numéro ephoto"
# and "SUPPRIMER JUSTIFICATIF.PNG" (guide 03). The ASE feature checks guide 03's words verbatim.
SUPPRIMER = re.compile(r"^\s*SUPPRIMER\b", re.IGNORECASE)


@dataclass
class Zone:
    """A part of the page (the whole page, a titled section, a group such as "Enfant 1") where
    fields are found by their labels. Labels repeat across zones ("Nom de naissance" for the
    applicant, the French parent and each child), so steps name the zone first."""

    root: Any  # Page | Locator

    def section(self, title: str) -> Zone:
        return Zone(self.root.get_by_role("region", name=label_pattern(title)))

    def group(self, legend: str) -> Zone:
        return Zone(self.root.get_by_role("group", name=label_pattern(legend)))

    def field(self, label: str) -> Locator:
        found: Locator = self.root.get_by_label(label_pattern(label))
        return found

    def fill(self, label: str, value: str) -> None:
        self.field(label).fill(value)

    def value(self, label: str) -> Locator:
        return self.field(label)

    def choose(self, legend: str, option: str) -> None:
        """Tick `option` among the radio buttons of the question `legend`."""
        self.group(legend).root.get_by_label(_exact(option)).check()

    def tick(self, label: str) -> None:
        self.root.get_by_label(label_pattern(label)).check()

    def select(self, label: str, *candidates: str) -> None:
        select_matching(self.field(label), list(candidates))

    def fill_date(self, legend: str, value: date | None, *, day: bool = True, month: bool = True) -> None:
        group = self.group(legend).root
        group.get_by_label(label_pattern("Jour")).fill(f"{value.day:02d}" if value and day else "")
        month_field = group.get_by_label(label_pattern("Mois"))
        if value and month:
            select_matching(month_field, [MOIS[value.month - 1], f"{value.month:02d}", str(value.month)])
        else:
            month_field.select_option(index=0)
        group.get_by_label(label_pattern("Année")).fill(str(value.year) if value else "")

    def fill_many(self, label: str, values: Sequence[str], add: str, page: Demarche) -> None:
        """A repeatable field: the first value in `label`, each further one after pressing `add`
        ("+ Ajouter un prénom"); the n-th field is the n-th one whose label starts with `label`."""
        for i, value in enumerate(values):
            if i:
                page.press(add, within=self)
            self.nth_field(label, i).fill(value)

    def select_many(self, label: str, values: Sequence[Sequence[str]], add: str, page: Demarche) -> None:
        for i, candidates in enumerate(values):
            if i:
                page.press(add, within=self)
            select_matching(self.nth_field(label, i), list(candidates))

    def tick_all(self) -> None:
        """Tick every box the zone shows."""
        for box in self.root.get_by_role("checkbox").all():
            if box.is_visible():
                box.check()

    def fill_nth(self, label: str, index: int, value: str) -> None:
        """The `index`-th field whose label starts with `label` (a repeated "Prénom(s)")."""
        self.nth_field(label, index).fill(value)

    def nth_field(self, label: str, index: int) -> Locator:
        core = re.escape(label.strip().rstrip(":").rstrip("*").strip())
        found: Locator = self.root.get_by_label(re.compile(rf"^\s*{core}(?![\w(])", re.IGNORECASE)).nth(index)
        return found

    def expect_value(self, label: str, value: str, message: str) -> None:
        expect(self.field(label), message).to_have_value(value)

    def expect_editable(self, label: str, message: str) -> None:
        expect(self.field(label), message).to_be_editable()

    def expect_shows(self, text: str, *, lieu: str, shown: bool = True) -> None:
        """The zone shows `text` (or does not), judged by the catalogue."""
        found = self.root.get_by_text(pattern(text))
        textes.current().verifier(text, (lambda: expect(found).to_be_visible()) if shown else
                                  (lambda: expect(found).to_have_count(0)), lieu=lieu)

    def error(self, label: str, message: str) -> None:
        """The message is next to the field and tied to it (its accessible description), judged by
        the catalogue (a simulator's message worded otherwise is a remarque on another target)."""
        textes.current().verifier(
            message, lambda: expect(self.field(label)).to_have_accessible_description(pattern(message)),
            lieu=f"le message du champ « {label} »")


class Demarche:
    """The browser on a téléprocédure."""

    def __init__(self, browser: PortalPage) -> None:
        self.browser = browser
        self.page: Page = browser.page
        self.zone = Zone(self.page)

    # The page around the téléprocédure (PortalPage's, here so that a journey's start also runs over HTTP)
    def choose(self, label: str) -> None:
        """Tick the radio button or checkbox `label` (PortalPage.choose: judged by the catalogue)."""
        self.browser.choose(label)

    def open_home(self) -> None:
        self.browser.open_home()

    def click(self, name: str) -> None:
        self.browser.click(name)

    def expect_text(self, text: str) -> None:
        self.browser.expect_text(text)

    # Moving ------------------------------------------------------------------------------------
    def press(self, name: str, *, within: Zone | None = None) -> None:
        """Press a button (or follow a link) that reloads the page, and wait for the new page."""
        root = (within or self.zone).root
        pattern = re.compile(rf"^\W*\s*{re.escape(name)}\s*\W*$", re.IGNORECASE)
        target = root.get_by_role("button", name=pattern).or_(root.get_by_role("link", name=pattern)).first
        expect(target).to_be_visible()
        with self.page.expect_navigation():
            target.click()

    def expect_step(self, title: str) -> None:
        """The stepper lists `title` (the guide's text) and marks it as the current step."""
        v = textes.current()
        v.verifier(title, lambda: expect(self.page.get_by_role("listitem").filter(
            has_text=pattern(title)).first).to_be_visible(), lieu="la liste des étapes de la démarche")
        v.verifier(title, lambda: expect(self.page.locator('[aria-current="step"]')).to_contain_text(pattern(title)),
                   lieu=f"l'étape en cours (aria-current) : « {title} »", exigence=catalogue().by_id(CURRENT_STEP))

    def expect_progress(self, percent: int, minutes: int | None = None) -> None:
        self.browser.expect_text(f"Votre démarche en ligne est à {percent}% terminée")
        if minutes is not None:
            self.browser.expect_text(f"Plus que {minutes} minutes pour finir votre démarche")

    # Address -----------------------------------------------------------------------------------
    def fill_address(self, line: str, code_postal: str, *, zone: Zone | None = None) -> None:
        """Type the address, choose it among the suggestions, and see the details filled in."""
        z = zone or self.zone
        field = z.field("Adresse")
        field.fill("")
        field.press_sequentially(line[: max(8, len(line) - 6)], delay=5)
        option = self.page.get_by_role("option", name=re.compile(rf"^\s*{re.escape(line)}\b", re.IGNORECASE)).first
        expect(option).to_be_visible()
        option.click()
        expect(z.field("Code postal")).to_have_value(code_postal)

    # Justificatifs -----------------------------------------------------------------------------
    def justificatif(self, title: str) -> Zone:
        return self.zone.section(title)

    def attach(self, title: str, upload: Upload) -> None:
        """"Joindre un document" in the justificatif `title`: choose the file; wait for the page
        that says whether it was joined."""
        zone = self.justificatif(title)
        chooser = zone.root.get_by_label(label_pattern("Joindre un document"))
        with self.page.expect_navigation():
            chooser.set_input_files(upload)  # the page sends the file as soon as it is chosen

    def expect_joined(self, title: str, filename: str) -> None:
        zone = self.justificatif(title)
        expect(zone.root.get_by_role("listitem").filter(has_text=filename)).to_contain_text("✓")
        expect(zone.root.get_by_role("listitem").filter(has_text=filename)
               .get_by_role("button", name=SUPPRIMER)).to_be_visible()

    def expect_refused(self, title: str, message: str) -> None:
        zone = self.justificatif(title)
        textes.current().verifier(message, lambda: expect(zone.root.get_by_role("alert")).to_contain_text(pattern(message)),
                                  lieu=f"le message du justificatif « {title} »")

    def joined_count(self, title: str) -> int:
        return int(self.justificatif(title).root.get_by_role("button", name=SUPPRIMER).count())

    def confirm_ephoto(self, numero: str, label: str = "Numéro ephoto") -> None:
        """`label`: guide 02 says "Numéro ephoto", guide 03 "Numéro ephoto (22 chiffres)"."""
        zone = self.justificatif("Photographie d'identité récente")
        zone.fill(label, numero)
        self.press("Confirmer le numéro ephoto", within=zone)

    def expect_ephoto_confirmed(self, numero: str) -> None:
        zone = self.justificatif("Photographie d'identité récente").root
        expect(zone.get_by_text(numero)).to_be_visible()
        expect(zone.get_by_role("button", name=SUPPRIMER)).to_be_visible()

    def requested_justificatifs(self) -> list[str]:
        """The titles of the justificatifs the page asks a file for ("Joindre un document")."""
        titles = []
        for region in self.page.get_by_role("region").all():  # a section holds several; a justificatif one
            if region.get_by_label(label_pattern("Joindre un document")).count() == 1:
                titles.append(region.get_by_role("heading").first.inner_text().strip())
        return titles

    def attach_all_requested(self) -> None:
        """A small PDF joined to every justificatif the page asks for."""
        for i, title in enumerate(self.requested_justificatifs()):
            name = f"piece-{i + 1}.pdf"
            self.attach(title, fichiers.pdf(name))
            self.expect_joined(title, name)

    def fill_ephoto_and_justificatifs(self, ephoto: str, label: str = "Numéro ephoto") -> None:
        """The step "Justificatifs" of every journey that asks for them all: the ephoto confirmed,
        then a file joined to every justificatif requested."""
        self.confirm_ephoto(ephoto, label)
        self.expect_ephoto_confirmed(ephoto)
        self.attach_all_requested()

    def justificatif_titles(self) -> list[str]:
        return [fold(t) for t in self.page.get_by_role("heading").all_inner_texts()]

    # Récapitulatif (guide 04 étape 4): parts that open one after the other ---------------------
    @staticmethod
    def _title(title: str) -> re.Pattern[str]:
        # Playwright writes a name pattern as /…/: a "/" of the title ("(1/3)") must be escaped.
        escaped = re.escape(title).replace("/", r"\/")
        return re.compile(rf"^\s*{escaped}\s*$", re.IGNORECASE)

    def part(self, title: str) -> Zone:
        """The open part "MES INFORMATIONS PERSONNELLES (1/3)" (a region named by its title)."""
        return Zone(self.page.get_by_role("region", name=self._title(title)))

    def part_button(self, title: str) -> Locator:
        return self.page.get_by_role("button", name=self._title(title))

    def expect_part_open(self, title: str, is_open: bool = True) -> None:
        expect(self.part_button(title)).to_have_attribute("aria-expanded", "true" if is_open else "false")
        if is_open:
            expect(self.part(title).root).to_be_visible()
        else:
            expect(self.part(title).root).to_have_count(0)

    def open_part(self, title: str) -> None:
        """Show a closed part again (its title is a disclosure button)."""
        if self.part_button(title).get_attribute("aria-expanded") != "true":
            self.part_button(title).click()
        expect(self.part(title).root).to_be_visible()

    def press_in_part(self, title: str, name: str) -> None:
        self.press(name, within=self.part(title))

    def expect_in_part(self, title: str, label: str, value: str) -> None:
        """The part shows `label` followed by `value` (what was typed at that step)."""
        text = re.sub(r"\s+", " ", self.part(title).root.inner_text())
        core = re.escape(label.strip().rstrip(":").rstrip("*").strip())
        assert re.search(rf"{core}\s*:?\s*{re.escape(value)}", text, re.IGNORECASE), (
            f"« {label} » suivi de « {value} » absent de la partie « {title} » : {text[:1500]}")

    def expect_justificatif(self, title: str, present: bool = True) -> None:
        locator = self.page.get_by_role("heading", name=pattern(title, whole=True))
        if present:
            textes.current().verifier(title, lambda: expect(locator.first).to_be_visible(),
                                      lieu="les justificatifs demandés")
        else:
            textes.current().verifier(title, lambda: expect(locator).to_have_count(0),
                                      lieu="les justificatifs (celui-ci ne doit pas être demandé)")


def save_steps_before(d: Demarche, actor: Any, steps: Sequence[str], fillers: Any, title: str) -> None:
    """Every step before `title` filled with the persona's answers (`fillers[step](actor)`) and
    saved with "Enregistrer et poursuivre": the part of a journey a scenario takes for granted."""
    for step in steps[: steps.index(title)]:
        fillers[step](actor)
        d.press("Enregistrer et poursuivre")
        d.expect_step(steps[steps.index(step) + 1])
