"""A part of a page read over HTTP (harness.page_http), answering the calls the journeys' fillers make
on `Zone` (harness.demarche): a field by its label, a question by its legend, a section by its title.
Typing, ticking and choosing change the parsed page's form as a browser's would; the form is then
sent by `HttpDemarche` (harness.demarche_http)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from playwright.sync_api import Locator

from .browser import MOIS, fold, label_pattern
from .demarche import Demarche, Zone
from .page_http import Document, Node, squash
from .textes import pattern

if TYPE_CHECKING:
    from .demarche_http import HttpDemarche

UNSUPPORTED = "sans navigateur, la saisie ne lit pas « {what} » : à faire dans le navigateur"


def exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$", re.IGNORECASE)


def one(doc: Document, found: list[Node], what: str) -> Node:
    """The element a Playwright locator would act on: the rendered one(s) first (a part the
    page's script has not shown yet is kept as a fallback), and exactly one, as strict mode wants."""
    shown = [n for n in found if not n.hidden] or found
    if len(shown) != 1:
        raise AssertionError(f"{what} : {len(shown)} éléments dans la page {doc.url} (un seul attendu)"
                             + (f" ; la page signale : {' | '.join(doc.problems())}" if doc.problems() else ""))
    return shown[0]


@dataclass
class HttpZone(Zone):
    """A part of the page over HTTP, found again in each new page (as a locator is)."""

    saisie: HttpDemarche | None = None
    path: tuple[tuple[str, str], ...] = ()

    @property
    def doc(self) -> Document:
        assert self.saisie is not None
        return self.saisie.http.current

    def node(self) -> Node:
        doc, node = self.doc, self.doc.root
        for role, name in self.path:
            node = one(doc, doc.by_role(node, role, label_pattern(name)), f"{role} « {name} »")
        return node

    def _within(self, role: str, name: str) -> HttpZone:
        return HttpZone(None, self.saisie, (*self.path, (role, name)))

    def section(self, title: str) -> HttpZone:
        return self._within("region", title)

    def group(self, legend: str) -> HttpZone:
        return self._within("group", legend)

    def control(self, label: str | re.Pattern[str], index: int | None = None) -> Node:
        pattern = label_pattern(label) if isinstance(label, str) else label
        found = self.doc.by_label(self.node(), pattern)
        if index is not None:
            found = [n for n in found if not n.hidden] or found
            if index >= len(found):
                raise AssertionError(f"champ « {pattern.pattern} » n° {index + 1} absent de la page {self.doc.url}")
            return found[index]
        return one(self.doc, found, f"le champ « {pattern.pattern} »")

    # What a person does with a field ---------------------------------------------------------------
    def fill(self, label: str, value: str) -> None:
        type_into(self.control(label), value)

    def choose(self, legend: str, option: str) -> None:
        group = self.group(legend)
        check(self.doc, one(self.doc, self.doc.by_label(group.node(), exact(option)), f"« {option} » de « {legend} »"))

    def tick(self, label: str) -> None:
        check(self.doc, self.control(label))

    def select(self, label: str, *candidates: str) -> None:
        _select(self.doc, self.control(label), list(candidates))

    def fill_date(self, legend: str, value: date | None, *, day: bool = True, month: bool = True) -> None:
        group = self.group(legend)
        type_into(group.control("Jour"), f"{value.day:02d}" if value and day else "")
        if value and month:
            _select(self.doc, group.control("Mois"), [MOIS[value.month - 1], f"{value.month:02d}", str(value.month)])
        else:
            _select_index(group.control("Mois"), 0)
        type_into(group.control("Année"), str(value.year) if value else "")

    def _nth(self, label: str) -> re.Pattern[str]:
        core = re.escape(label.strip().rstrip(":").rstrip("*").strip())
        return re.compile(rf"^\s*{core}(?![\w(])", re.IGNORECASE)

    def fill_many(self, label: str, values: Any, add: str, page: Demarche) -> None:
        for i, value in enumerate(values):
            if i:
                page.press(add, within=self)
            type_into(self.control(self._nth(label), i), value)

    def select_many(self, label: str, values: Any, add: str, page: Demarche) -> None:
        for i, candidates in enumerate(values):
            if i:
                page.press(add, within=self)
            _select(self.doc, self.control(self._nth(label), i), list(candidates))

    def tick_all(self) -> None:
        """Every box the page shows as served (a box a condition of this very step hides is not)."""
        root = self.node()
        for box in root.iter():
            if box.kind == "checkbox" and not box.hidden:
                check(self.doc, box)

    def fill_nth(self, label: str, index: int, value: str) -> None:
        type_into(self.control(self._nth(label), index), value)

    # What a filler checks on its way (guide 05's pre-filled address, the accueillant confirmed)
    def expect_value(self, label: str, value: str, message: str) -> None:
        if self.control(label).get("value") != value:
            raise AssertionError(message)

    def expect_editable(self, label: str, message: str) -> None:
        control = self.control(label)
        if "readonly" in control.attrs or "disabled" in control.attrs:
            raise AssertionError(message)

    def expect_shows(self, text: str, *, lieu: str, shown: bool = True) -> None:
        if bool(pattern(text).search(squash(self.node().text()))) != shown:
            raise AssertionError(f"« {text} » {'absent de' if shown else 'présent dans'} {lieu} ({self.doc.url})")

    # Reading is the browser's: these belong to the scenario's subject, never to a precondition
    def field(self, label: str) -> Locator:
        raise AssertionError(UNSUPPORTED.format(what=label))

    def nth_field(self, label: str, index: int) -> Locator:
        raise AssertionError(UNSUPPORTED.format(what=label))

    def error(self, label: str, message: str) -> None:
        raise AssertionError(UNSUPPORTED.format(what=message))


def type_into(control: Node, value: str) -> None:
    if control.tag == "textarea":
        control.children = [value]
    elif control.tag == "input" and control.kind not in ("checkbox", "radio", "file"):
        control.attrs["value"] = value
    else:
        raise AssertionError(f"on ne tape pas dans un champ {control.kind}")


def check(doc: Document, control: Node) -> None:
    if control.kind == "radio":
        form = doc.form_of(control)
        for other in form.iter():
            if other.kind == "radio" and other.get("name") == control.get("name"):
                other.attrs.pop("checked", None)
    elif control.kind != "checkbox":
        raise AssertionError(f"on ne coche pas un champ {control.kind}")
    control.attrs["checked"] = ""


def _options(select: Node) -> list[Node]:
    if select.tag != "select":
        raise AssertionError(f"un champ {select.kind} n'est pas une liste déroulante")
    return [o for o in select.iter() if o.tag == "option"]


def _select_index(select: Node, index: int) -> None:
    for i, option in enumerate(_options(select)):
        if i == index:
            option.attrs["selected"] = ""
        else:
            option.attrs.pop("selected", None)


def _select(doc: Document, select: Node, candidates: list[str]) -> None:
    """The option whose text is one of `candidates`, accents and case aside (browser.select_matching)."""
    wanted = {fold(c) for c in candidates}
    options = _options(select)
    for i, option in enumerate(options):
        if fold(squash(option.text())) in wanted:
            _select_index(select, i)
            return
    raise AssertionError(f"aucune option parmi {candidates} dans « {doc.name(select)} » : "
                         f"{[squash(o.text()) for o in options][:20]}")
