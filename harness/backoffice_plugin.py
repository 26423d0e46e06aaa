"""The back-office as pytest sees it: the options that choose and configure the adapter, the
`backoffice` fixture, and what the report keeps of it (the adapter's name, the operator's
attestations, the agent's screenshot on failure). Registered by harness.plugin."""

from __future__ import annotations

import html
import itertools
import os
import sys
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from pluggy import Result

from .backoffice import (
    BUILTIN,
    NO_BACKOFFICE,
    BackOffice,
    BackOfficeConfig,
    agent_url,
    available_plugins,
    choose,
    load_plugin,
)
from .backoffice_agent import AgentPages
from .backoffice_manuel import Attestation, Manual
from .plugin import REPORTS, UI_TIMEOUT_MS, _slug
from .target import Target

ATTESTATIONS = pytest.StashKey[list[Attestation]]()
NUMBERING = pytest.StashKey[Iterator[int]]()


def next_number(config: pytest.Config) -> int:
    """The next number of the run's manual back-office requests (one sequence for every adapter)."""
    counter: Iterator[int] = config.stash[NUMBERING]
    return next(counter)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef-backoffice", "ANEF back-office (the agent's actions)")
    group.addoption("--backoffice", default="auto", metavar="auto|agent|manuel|NOM",
                    help="who performs the agent's actions: auto (the agent pages of the bundled portal or of a "
                         "simulator; elsewhere those scenarios are skipped), agent, manuel (the operator acts and "
                         "confirms), or the name of a plugin (entry-point group anef.backoffice)")
    group.addoption("--agent-url", default=None, metavar="URL", help="the back-office's entry page (default TARGET/agent)")
    group.addoption("--agent-login", default=os.environ.get("ANEF_AGENT_LOGIN", "agent.instructeur"),
                    help="agent identifiant (env ANEF_AGENT_LOGIN; default agent.instructeur)")
    group.addoption("--agent-password", default=os.environ.get("ANEF_AGENT_PASSWORD", "Instructeur1!"),
                    help="agent password (env ANEF_AGENT_PASSWORD; default the bundled portal's test agent's)")
    group.addoption("--manual-timeout", type=float, default=900.0, metavar="S",
                    help="manual back-office: seconds to wait for the operator's confirmation (default 900)")
    group.addoption("--backoffice-option", action="append", default=[], metavar="KEY=VALUE",
                    help="a setting passed to a back-office plugin (repeatable)")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[NUMBERING] = itertools.count(1)
    option = config.getoption("--backoffice", default="auto")
    if option not in ("auto", *BUILTIN) and option not in available_plugins():
        known = ", ".join(["auto", *BUILTIN, *sorted(available_plugins())])
        raise pytest.UsageError(f"--backoffice {option} : aucun back-office de ce nom ; disponibles : {known} "
                                "(un greffon s'enregistre dans le groupe d'entry points anef.backoffice)")
    for item in config.getoption("--backoffice-option", default=[]):
        if "=" not in item:
            raise pytest.UsageError(f"--backoffice-option {item} : CLE=VALEUR attendu")


def backoffice_config(target: Target, config: pytest.Config) -> BackOfficeConfig:
    return BackOfficeConfig(
        base_url=target.base_url, mailbox_url=target.mailbox_url, operator_url=target.operator_url,
        agent_url=agent_url(target.base_url, config.getoption("--agent-url")),
        agent_login=config.getoption("--agent-login"), agent_password=config.getoption("--agent-password"),
        timeout_s=UI_TIMEOUT_MS / 1000, reports_dir=REPORTS,
        options=dict(item.split("=", 1) for item in config.getoption("--backoffice-option")),
    )


def terminal_say(config: pytest.Config) -> Any:
    """Write to the terminal in the middle of a test, despite pytest's capture."""

    def say(text: str) -> None:
        capture = config.pluginmanager.getplugin("capturemanager")
        terminal = config.pluginmanager.getplugin("terminalreporter")
        if capture is not None and terminal is not None:
            with capture.global_and_fixture_disabled():
                terminal.ensure_newline()
                terminal.write(text + "\n", flush=True)
        else:
            print(text, file=sys.__stderr__, flush=True)

    return say


def attestation_recorder(item: pytest.Item) -> Any:
    def record(attestation: Attestation) -> None:
        item.user_properties.append(("backoffice_atteste_par_operateur", _line(attestation)))
        item.stash.setdefault(ATTESTATIONS, []).append(attestation)

    return record


def _line(a: Attestation) -> str:
    return (f"demande n° {a.numero_demande} : {a.action} — confirmé par l'opérateur le "
            f"{a.confirmed_at:%d/%m/%Y à %H:%M:%S} ({a.how})")


@pytest.fixture
def backoffice(request: pytest.FixtureRequest, target: Target) -> Iterator[BackOffice]:
    """The agent's side of the target, as --backoffice chose it (see harness.backoffice)."""
    config = request.config
    name = choose(config.getoption("--backoffice"), simulator=target.bundled or target.operator_url is not None)
    if name is None:
        pytest.skip(NO_BACKOFFICE)
    settings = backoffice_config(target, config)
    adapter: BackOffice
    if name == "agent":
        adapter = AgentPages(request.getfixturevalue("new_context"), settings, headed=config.getoption("--headed"))
    elif name == "manuel":
        adapter = Manual(say=terminal_say(config), record=attestation_recorder(request.node),
                         folder=REPORTS / "manuel", timeout=config.getoption("--manual-timeout"),
                         numbering=lambda: next_number(config))
    else:
        adapter = load_plugin(name, settings)
    request.node.user_properties.append(("backoffice", adapter.name))
    yield adapter
    adapter.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call":
        return
    attestations = item.stash.get(ATTESTATIONS, [])
    if attestations:
        lines = [_line(a) for a in attestations]
        report.sections.append(("back-office : actions attestées par l'opérateur", "\n".join(lines)))
        if getattr(item.config.option, "htmlpath", None):  # pytest-html writes a report (anef run: conformance.html)
            from pytest_html import extras as html_extras

            extras = getattr(report, "extras", [])
            extras.append(html_extras.html(
                "<div class='operateur-atteste'><strong>Attesté par l'opérateur (back-office manuel)</strong><ul>"
                + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul></div>"))
            report.extras = extras  # type: ignore[attr-defined]  # pytest-html's attribute, set on the report at run time
    adapter = getattr(item, "funcargs", {}).get("backoffice")
    if report.failed and adapter is not None and callable(getattr(adapter, "evidence", None)):
        try:
            lines = adapter.evidence(REPORTS / "evidence" / _slug(item.nodeid))
        except Exception as exc:  # noqa: BLE001 - evidence must never hide the real failure
            lines = [f"capture de l'agent impossible : {exc}"]
        if lines:
            report.sections.append(("preuves du back-office", "\n".join(lines)))
