"""Reference data and the clock as pytest sees them: `--referentiel`, `--horloge`, their fixtures,
the @horloge skip, and what the report keeps (the records drawn, the operator's attestations).
Registered by harness.plugin."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from pluggy import Result

from . import horloge as _horloge
from . import recette as _recette
from . import referentiel as _ref
from .backoffice_manuel import Manual
from .backoffice_plugin import next_number, terminal_say
from .plugin import REPORTS
from .target import Target

RECETTE = pytest.StashKey[_recette.Recette]()
CURRENT = pytest.StashKey[dict[str, Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef-referentiel", "ANEF reference data and clock of the target")
    group.addoption("--referentiel", default="auto", metavar="auto|fichier:JEU.yaml|manuel|NOM",
                    help="where the numéros étrangers and titles the scenarios need come from: auto (the "
                         "simulator's operator API when it answers), fichier:JEU.yaml (a jeu de données de "
                         "recette, docs/recette-exemple.yaml), manuel (the operator creates them and confirms), "
                         "or a plugin (entry-point group anef.referentiel)")
    group.addoption("--referentiel-option", action="append", default=[], metavar="KEY=VALUE",
                    help="a setting passed to a referentiel or horloge plugin (repeatable)")
    group.addoption("--horloge", default="auto", metavar="auto|manuel|NOM",
                    help="who moves the target's clock for the @horloge scenarios: auto (the simulator's "
                         "operator API when it answers; elsewhere they are skipped), manuel, or a plugin "
                         "(entry-point group anef.horloge)")


def pytest_configure(config: pytest.Config) -> None:
    option = config.getoption("--referentiel", default="auto")
    if option.startswith("fichier:"):
        try:
            recette = _recette.load(option.split(":", 1)[1])
        except _recette.RecetteError as exc:
            raise pytest.UsageError(f"--referentiel {option} : {exc}") from None
        config.stash[RECETTE] = recette
        # the back-office's agent, from the data set unless given on the command line
        if recette.agent and not _given(config, "--agent-login") and "ANEF_AGENT_LOGIN" not in os.environ:
            config.option.agent_login = recette.agent["identifiant"]
            config.option.agent_password = recette.agent["mot_de_passe"]
    elif option not in ("auto", *_ref.BUILTIN) and option not in _ref.available_plugins():
        known = ", ".join(["auto", "fichier:JEU.yaml", *_ref.BUILTIN, *sorted(_ref.available_plugins())])
        raise pytest.UsageError(f"--referentiel {option} : aucun référentiel de ce nom ; disponibles : {known}")
    clock = config.getoption("--horloge", default="auto")
    if clock not in ("auto", "manuel") and clock not in _horloge.available_plugins():
        known = ", ".join(["auto", "manuel", *sorted(_horloge.available_plugins())])
        raise pytest.UsageError(f"--horloge {clock} : aucune horloge de ce nom ; disponibles : {known}")
    for item in config.getoption("--referentiel-option", default=[]):
        if "=" not in item:
            raise pytest.UsageError(f"--referentiel-option {item} : CLE=VALEUR attendu")


def _given(config: pytest.Config, option: str) -> bool:
    args = [str(a) for a in config.invocation_params.args]
    return any(a == option or a.startswith(option + "=") for a in args)


def _config(target: Target, config: pytest.Config) -> _ref.ReferentielConfig:
    return _ref.ReferentielConfig(base_url=target.base_url, operator_url=target.operator_url, reports_dir=REPORTS,
                                  options=dict(i.split("=", 1) for i in config.getoption("--referentiel-option")))


def _manual(config: pytest.Config) -> _ref.ManualCreator:
    def record(attestation: _ref.Attestation) -> None:
        item = config.stash.get(CURRENT, {}).get("item")
        if item is not None:
            item.user_properties.append(("referentiel_atteste_par_operateur",
                                         f"{attestation.what} — confirmé par l'opérateur le "
                                         f"{attestation.confirmed_at:%d/%m/%Y à %H:%M:%S} ({attestation.how})"))

    manual = Manual(say=terminal_say(config), record=lambda _a: None, folder=REPORTS / "manuel",
                    timeout=config.getoption("--manual-timeout"), numbering=lambda: next_number(config))
    return _ref.ManualCreator(manual, record)


@pytest.fixture(scope="session")
def _referentiel_adapter(request: pytest.FixtureRequest, target: Target) -> Iterator[_ref.Referentiel | None]:
    config = request.config
    name = _ref.choose(config.getoption("--referentiel"), simulator=target.operator_url is not None)
    adapter: _ref.Referentiel | None
    if name is None:
        adapter = None
    elif name.startswith("fichier:"):
        adapter = _ref.FromRecette(config.stash[RECETTE])
    elif name == "manuel":
        adapter = _ref.Creating(_manual(config), "manuel")
    elif name == "simulateur-api" and name not in _ref.available_plugins():  # not installed as a package
        adapter = _ref.Creating(_ref.OperatorReferentiel(_config(target, config)), name)
    else:
        adapter = _ref.load_plugin(name, _config(target, config))
    yield adapter
    if adapter is not None:
        adapter.close()


@pytest.fixture
def referentiel(request: pytest.FixtureRequest, _referentiel_adapter: _ref.Referentiel | None) -> Iterator[_ref.Referentiel]:
    """The reference data of the target, as --referentiel chose it; skipped when there is none."""
    if _referentiel_adapter is None:
        pytest.skip(_ref.NO_REFERENTIEL)
    request.config.stash[CURRENT] = {"item": request.node}
    if isinstance(_referentiel_adapter, _ref.FromRecette):
        _referentiel_adapter.on_use = lambda label: request.node.user_properties.append(("fiche_de_recette", label))
    request.node.user_properties.append(("referentiel", _referentiel_adapter.name))
    yield _referentiel_adapter
    request.config.stash[CURRENT] = {}


@pytest.fixture
def horloge(request: pytest.FixtureRequest, target: Target) -> Iterator[_horloge.Horloge]:
    """The target's clock, as --horloge chose it; skipped when nobody can move it. Put back after
    the test, so a moved clock never leaks into the next scenario."""
    config = request.config
    name = _horloge.choose(config.getoption("--horloge"), simulator=target.operator_url is not None)
    if name is None:
        pytest.skip(_horloge.NO_HORLOGE)
    clock: Any
    if name == "manuel":
        config.stash[CURRENT] = {"item": request.node}
        clock = _horloge.ManualClock(_manual(config)._ask)
    elif name == "simulateur-api" and name not in _horloge.available_plugins():
        clock = _horloge.OperatorClock(_config(target, config))
    else:
        clock = _horloge.load_plugin(name, _config(target, config))
    request.node.user_properties.append(("horloge", clock.name))
    yield clock
    try:
        clock.reset()
    finally:
        clock.close()


@pytest.fixture(autouse=True)
def _skip_horloge_without_clock(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("horloge") is not None:
        request.getfixturevalue("horloge")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call":
        return
    lines = [f"{k} : {v}" for k, v in item.user_properties
             if k in ("fiche_de_recette", "referentiel_atteste_par_operateur")]
    if lines:
        report.sections.append(("référentiel de la cible", "\n".join(lines)))
