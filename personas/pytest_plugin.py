"""pytest plugin: one persona seed per run, shown, recorded, and replayable.

Why: every run meets new people (so the suite explores), yet any failure must be replayable with
the very same people.  The plugin draws a seed per session (or takes ``--persona-seed N``), prints it
in the header, attaches "persona seed" with the replay command to every failing test's report, and
records it as a JUnit XML test-suite property.  The ``personas`` fixture gives each test its own
:class:`~personas.factory.PersonaFactory`, seeded from the session seed and the test's node id, so a
test's people do not change when other tests are added, removed or reordered.

``today`` is part of the replay: the people's ages and title dates are computed from it.  It is
``date.today()`` unless ``--persona-today YYYY-MM-DD`` is given; the replay hint carries it.

Register with ``-p personas.pytest_plugin`` or ``pytest_plugins = ["personas.pytest_plugin"]`` in
the root conftest.py.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date

import pytest

from personas.factory import PersonaFactory

__all__ = ["seed_for", "SEED_KEY", "TODAY_KEY"]

SEED_KEY = pytest.StashKey[int]()
TODAY_KEY = pytest.StashKey[date]()


def seed_for(session_seed: int, nodeid: str) -> int:
    """The factory seed of one test: stable for a given session seed and node id."""
    h = hashlib.sha256(f"{session_seed}:{nodeid}".encode()).digest()
    return int.from_bytes(h[:8], "big")


def _parse_today(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(f"--persona-today expects YYYY-MM-DD, not {value!r}") from None


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("personas", "ANEF personas")
    group.addoption(
        "--persona-seed",
        action="store",
        type=int,
        default=None,
        dest="persona_seed",
        help="seed of the generated personas (default: a fresh random seed per run)",
    )
    group.addoption(
        "--persona-today",
        action="store",
        default=None,
        dest="persona_today",
        help="date the personas live at, YYYY-MM-DD (default: today)",
    )


def pytest_configure(config: pytest.Config) -> None:
    seed = config.getoption("persona_seed", default=None)
    workerinput = getattr(config, "workerinput", None)  # pytest-xdist worker
    if seed is None and workerinput is not None and "persona_seed" in workerinput:
        seed = int(workerinput["persona_seed"])
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    config.stash[SEED_KEY] = seed

    today_opt = config.getoption("persona_today", default=None)
    if today_opt is None and workerinput is not None and "persona_today" in workerinput:
        today_opt = workerinput["persona_today"]
    config.stash[TODAY_KEY] = _parse_today(today_opt) if today_opt else date.today()

    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistSeed(), "personas-xdist-seed")


class _XdistSeed:
    """Hands the controller's seed and date to every xdist worker."""

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:  # pragma: no cover - needs xdist
        node.workerinput["persona_seed"] = node.config.stash[SEED_KEY]
        node.workerinput["persona_today"] = node.config.stash[TODAY_KEY].isoformat()


def _replay(config: pytest.Config) -> str:
    return (
        f"--persona-seed {config.stash[SEED_KEY]} "
        f"--persona-today {config.stash[TODAY_KEY].isoformat()}"
    )


def pytest_report_header(config: pytest.Config) -> str:
    return (
        f"persona seed: {config.stash[SEED_KEY]} (today {config.stash[TODAY_KEY].isoformat()}; "
        f"replay with {_replay(config)})"
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.failed:
        seed = item.config.stash[SEED_KEY]
        report.sections.append(
            (
                "persona seed",
                f"session seed {seed}, this test's factory seed "
                f"{seed_for(seed, item.nodeid)}; replay with: pytest {item.nodeid!s} "
                f"{_replay(item.config)}",
            )
        )
    return report


@pytest.fixture(scope="session")
def persona_seed(request: pytest.FixtureRequest) -> int:
    """The session's persona seed."""
    return request.config.stash[SEED_KEY]


@pytest.fixture
def today(request: pytest.FixtureRequest) -> date:
    """The date the personas live at (``--persona-today`` or the real date)."""
    return request.config.stash[TODAY_KEY]


@pytest.fixture
def personas(request: pytest.FixtureRequest, persona_seed: int, today: date) -> PersonaFactory:
    """A factory private to this test, seeded from the session seed and the test's node id."""
    return PersonaFactory(seed_for(persona_seed, request.node.nodeid), today)


@pytest.fixture(scope="session", autouse=True)
def _persona_seed_in_junit(request: pytest.FixtureRequest) -> None:
    try:
        record = request.getfixturevalue("record_testsuite_property")
    except pytest.FixtureLookupError:  # pragma: no cover - junitxml plugin disabled
        return
    record("persona_seed", str(request.config.stash[SEED_KEY]))
    record("persona_today", request.config.stash[TODAY_KEY].isoformat())
