"""Text checks judged by the requirement catalogue (requirements/): a normative text (a guide's)
fails on any target, naming its requirement, guide and section; an informative one (the
simulator's own wording) fails against the bundled portal but is only a "remarque" against any
other target (`--target`): a JUnit property and a line of the report, never a failure.

Typography never fails a check (apostrophes, non-breaking spaces, the space before ":", the
required-field "*"); words, accents and case do. Each verified requirement is recorded on the test
as ("exigence", "<ID>:ok|ko|remarque"), which the coverage matrix reads.

The checks reach the running test through `current()`, set by an autouse fixture, so the harness's
page helpers (browser.py, demarche.py) go through them without a `request` argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from pluggy import Result

from .catalogue import Exigence, catalogue, normalise

REMARQUES = pytest.StashKey[list["Remarque"]]()


@dataclass(frozen=True)
class Remarque:
    nodeid: str
    exigence: Exigence
    lieu: str

    def line(self) -> str:
        return (f"{self.exigence.id} ({self.exigence.source}) : attendu « {self.exigence.texte} » "
                f"dans {self.lieu} — {self.nodeid}")


class TexteNonConforme(AssertionError):
    """A text the target does not show as the catalogue says."""


def pattern(texte: str, *, whole: bool = False) -> re.Pattern[str]:
    """A case-sensitive regex of `texte` that tolerates typography only (see catalogue.normalise);
    a "{placeholder}" of a catalogue text matches any value."""
    star = r"(?:\s*\*)?"
    parts = []
    for chunk in re.split(r"(\{[^}]*\})", normalise(texte)):
        if chunk.startswith("{") and chunk.endswith("}"):
            parts.append(r".+?")
            continue
        out = ""
        for ch in chunk:
            if ch == "'":
                out += "['’ʼ‘`´]"
            elif ch == " ":
                out += star + r"\s+"
            elif ch in ":;?!»":
                out += star + r"\s*" + re.escape(ch)
            elif ch == "«":
                out += "«\\s*"
            else:
                out += re.escape(ch)
        parts.append(out)
    body = "".join(parts) + star
    # Playwright writes a pattern into a selector as /…/: a "/" must be escaped.
    body = body.replace("/", r"\/")
    # whole: the element's text is the text, a "(facultatif)" after a label aside
    return re.compile(rf"^\s*{body}(?:\s*\(facultatif\))?\s*$" if whole else body)


def contains(haystack: str, texte: str) -> bool:
    """`texte` is in `haystack` (a mail, a PDF's text), typography aside."""
    return pattern(texte).search(normalise(haystack)) is not None or normalise(texte) in normalise(haystack)


@dataclass
class Verificateur:
    """The text checks of one test: whether the target is the bundled portal, and where to record."""

    foreign: bool = False
    node: Any = None
    remarques: list[Remarque] = field(default_factory=list)
    parcours: str | None = None  # the journey of the scenario's persona (catalogue.find prefers its entries)

    def exigence(self, texte: str) -> Exigence:
        found = catalogue().find_template(texte, self.parcours)
        if found is None:
            raise TexteNonConforme(
                f"« {texte} » n'est pas dans le catalogue des exigences (requirements/) : ajoutez-le avec sa "
                "source (guide et section, ou simulateur.yaml)")
        return found

    def _record(self, exigence: Exigence, outcome: str) -> None:
        if self.node is not None:
            self.node.user_properties.append(("exigence", f"{exigence.id}:{outcome}"))

    def verifier(self, texte: str, probe: Callable[[], None], *, lieu: str = "la page",
                 exigence: Exigence | None = None) -> bool:
        """Run `probe` (which raises AssertionError when the target does not show `texte`) and judge
        a mismatch by the catalogue. True when the text is as expected."""
        exigence = exigence or self.exigence(texte)
        try:
            probe()
        except AssertionError as exc:
            detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            if not exigence.normative and self.foreign:
                self._record(exigence, "remarque")
                remarque = Remarque(getattr(self.node, "nodeid", "?"), exigence, lieu)
                self.remarques.append(remarque)
                if self.node is not None:
                    self.node.user_properties.append(("remarque", remarque.line()))
                    self.node.config.stash.setdefault(REMARQUES, []).append(remarque)
                return False
            self._record(exigence, "ko")
            raise TexteNonConforme(message(exigence, lieu, texte, detail)) from None
        self._record(exigence, "ok")
        return True

    def verifier_dans(self, texte: str, haystack: str, *, lieu: str) -> bool:
        """`texte` is in a text already read (a mail, a PDF)."""
        def probe() -> None:
            if not contains(haystack, texte):
                raise AssertionError(f"texte lu : {normalise(haystack)[:600]}")
        return self.verifier(texte, probe, lieu=lieu)

    def probleme(self, texte: str, haystack: str, *, lieu: str) -> str | None:
        """For a check that lists its problems: None when `texte` is in `haystack` (or is only a
        remarque), else the failure message naming its requirement."""
        try:
            self.verifier_dans(texte, haystack, lieu=lieu)
        except TexteNonConforme as exc:
            return str(exc)
        return None


def message(exigence: Exigence, lieu: str, texte: str, detail: str = "") -> str:
    kind = "exigence normative" if exigence.normative else "texte du simulateur (informatif)"
    expected = texte if normalise(texte) != normalise(exigence.texte) else exigence.texte
    lines = [f"{exigence.id} ({kind}) non respectée — {exigence.source}",
             f"texte attendu dans {lieu} : « {expected} »"]
    if detail:
        lines.append(f"constaté : {detail}")
    return "\n".join(lines)


_current: list[Verificateur] = [Verificateur()]


def current() -> Verificateur:
    """The running test's checks (strict and unrecorded outside a test)."""
    return _current[-1]


def is_foreign(config: pytest.Config) -> bool:
    """A target given by --target is judged as a deployment: informative texts are remarques."""
    try:
        return bool(config.getoption("--target"))
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _verificateur(request: pytest.FixtureRequest) -> Iterator[Verificateur]:
    v = Verificateur(foreign=is_foreign(request.config), node=request.node)
    _current.append(v)
    yield v
    _current.remove(v)


@pytest.fixture
def textes(_verificateur: Verificateur) -> Verificateur:
    return _verificateur


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        lines = [str(value) for name, value in item.user_properties if name == "remarque"]
        if lines:
            report.sections.append(("remarques", "\n".join(lines)))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    remarques = config.stash.get(REMARQUES, [])
    if not is_foreign(config) and not remarques:
        return
    terminalreporter.section("remarques (textes informatifs du simulateur absents de la cible)")
    terminalreporter.write_line(f"{len(remarques)} remarque(s)")
    for r in remarques:
        terminalreporter.write_line(f"- {r.line()}")
