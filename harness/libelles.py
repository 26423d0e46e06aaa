"""Finding an element by a text of the catalogue, and judging that text on the way.

A step that presses a button, follows a link or reads a row names it by its wording. That wording is
either a guide's (normative: a target that words it otherwise fails, naming the guide and section)
or the simulator's own (informative: against another target, a "remarque", never a failure). In the
second case the step must still go on, so the element is then found another way: by the same words
whatever their case, or by what the guide shows in their place (a ▶, a position in a list), given
by the caller as `autrement`.

Nothing waits on the clock: the exact wording and the other ways are awaited together, then the
exact wording is counted, so an informative text the target words otherwise costs no timeout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from playwright._impl.internal_structures import AriaRole

from . import textes
from .catalogue import Exigence
from .textes import pattern

Finder = Callable[[re.Pattern[str]], Locator]


def exact(texte: str) -> re.Pattern[str]:
    """The whole accessible name or text is `texte`, typography aside (harness.textes.pattern)."""
    return pattern(texte, whole=True)


def loose(texte: str) -> re.Pattern[str]:
    """The same words whatever their case (Playwright passes re.IGNORECASE on as the "i" flag)."""
    return re.compile(exact(texte).pattern, re.IGNORECASE)


def element(find: Finder, texte: str, *, lieu: str, autrement: Locator | None = None,
            exigence: Exigence | None = None) -> Locator:
    """The element `find` locates by `texte`, a text of the catalogue (requirements/).

    Shown with its exact wording: that element. Otherwise the catalogue judges: a guide's text fails
    (TexteNonConforme, naming the guide, its section and the text); the simulator's own wording,
    against another target, is a remarque, and the element is the one found by the same words in
    another case, or else `autrement`. None found at all: the step fails, saying what it looked for.
    `exigence`: the requirement, where the same words belong to several (the agent's "Mot de passe"
    is not the applicant's); by default the catalogue's entry for `texte`."""
    wanted, other = find(exact(texte)), find(loose(texte))
    candidates = wanted.or_(other) if autrement is None else wanted.or_(other).or_(autrement)
    try:
        expect(candidates.first).to_be_visible()
    except AssertionError:
        pass  # nothing at all: the check below fails (or makes its remarque) and says so

    def probe() -> None:
        if wanted.count() == 0:
            seen = other.first.inner_text().strip() if other.count() else None
            raise AssertionError(f"« {seen} »" if seen else f"aucun élément de ce nom dans {lieu}")

    if textes.current().verifier(texte, probe, lieu=lieu, exigence=exigence):
        return wanted.first
    for fallback in (other, autrement):
        if fallback is not None and fallback.count():
            return fallback.first
    raise AssertionError(f"« {texte} » (texte informatif) : aucun élément ne s'en approche dans {lieu}, "
                         "ni autrement ; l'étape ne peut pas continuer")


def role(scope: Page | Locator, kind: AriaRole, texte: str, *, lieu: str, autrement: Locator | None = None) -> Locator:
    """`element` for an ARIA role (button, link, heading, region…) inside `scope` (a page or a locator)."""
    return element(lambda name: scope.get_by_role(kind, name=name), texte, lieu=lieu, autrement=autrement)



def label(scope: Page | Locator, texte: str, *, lieu: str, autrement: Locator | None = None,
          exigence: Exigence | None = None) -> Locator:
    """`element` for a form field (a box, a radio button) found by its label inside `scope`."""
    return element(lambda name: scope.get_by_label(name), texte, lieu=lieu, autrement=autrement, exigence=exigence)


def juger(texte: str, exact_: Locator, *, lieu: str, vu: Locator | None = None) -> bool:
    """Judge `texte` by the catalogue where the step has already found its element another way (a
    row by its place): True when `exact_` (the element with the exact wording) is there; otherwise
    the catalogue's verdict (a failure, or a remarque: False). `vu`: what the page shows instead."""
    def probe() -> None:
        if exact_.count() == 0:
            seen = vu.first.inner_text().strip() if vu is not None and vu.count() else None
            raise AssertionError(f"« {seen} »" if seen else f"pas de « {texte} » dans {lieu}")
    return textes.current().verifier(texte, probe, lieu=lieu)
