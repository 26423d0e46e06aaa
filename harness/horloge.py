"""The target's clock, for the few scenarios that must move time (a confirmation link older than
24 hours): `--horloge simulateur-api|manuel|NOM`. Those scenarios are tagged @horloge and skipped,
with the reason, against a target whose clock nobody can move.

- "simulateur-api" (a plugin shipped here): the simulator's operator API moves its clock;
- "manuel": the operator moves the target's clock and confirms (operator-attested), then puts it
  back at the end of the scenario;
- a plugin: a class registered under the entry-point group `anef.horloge`, built with a
  `harness.referentiel.ReferentielConfig`, with `advance(hours)`, `reset()` and `close()`."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Protocol

from .operator import OperatorAPI
from .referentiel import ReferentielConfig

ENTRY_POINT_GROUP = "anef.horloge"
NO_HORLOGE = ("aucune horloge réglable sur la cible : ce scénario doit faire passer le temps "
              "(@horloge) ; passez --horloge manuel (l'opérateur avance l'horloge de la cible et confirme) "
              f"ou le nom d'un greffon (groupe d'entry points {ENTRY_POINT_GROUP})")


class Horloge(Protocol):
    name: str

    def advance(self, hours: float) -> None: ...

    def reset(self) -> None: ...

    def close(self) -> None: ...


class OperatorClock:
    name = "simulateur-api"
    attested = False

    def __init__(self, config: ReferentielConfig) -> None:
        if not config.operator_url:
            raise LookupError("--horloge simulateur-api : la cible n'offre pas l'API opérateur (/__sim__/)")
        self.api = OperatorAPI(config.operator_url)

    def advance(self, hours: float) -> None:
        self.api.advance_clock(hours)

    def reset(self) -> None:
        self.api.reset_clock()

    def close(self) -> None:
        self.api.close()


class ManualClock:
    """Asks the operator, through the manual referentiel's mechanism (ManualCreator._ask)."""

    name = "manuel"
    attested = True

    def __init__(self, ask: Any) -> None:
        self._ask = ask  # (title, lines) -> None, waits for the operator's word
        self._moved = 0.0

    def advance(self, hours: float) -> None:
        self._ask(f"avancez l'horloge de la cible de {hours:g} heures",
                  ["(ou faites vieillir d'autant ce que le scénario vient de créer : lien, notification…)"])
        self._moved += hours

    def reset(self) -> None:
        if self._moved:
            self._ask(f"remettez l'horloge de la cible à l'heure (elle avance de {self._moved:g} heures)", [])
            self._moved = 0.0

    def close(self) -> None:
        pass


def available_plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str, config: ReferentielConfig) -> Horloge:
    plugins = available_plugins()
    if name not in plugins:
        known = ", ".join(sorted(["manuel", *plugins]))
        raise LookupError(f"aucune horloge « {name} » (groupe d'entry points {ENTRY_POINT_GROUP}) ; disponibles : {known}")
    clock: Horloge = plugins[name].load()(config)
    missing = [m for m in ("advance", "reset", "close") if not callable(getattr(clock, m, None))]
    if missing:
        raise TypeError(f"l'horloge « {name} » n'implémente pas : {', '.join(missing)}")
    if not getattr(clock, "name", None):
        clock.name = name
    return clock


def choose(option: str, *, simulator: bool) -> str | None:
    option = (option or "auto").strip()
    if option == "auto":
        return "simulateur-api" if simulator else None
    return option
