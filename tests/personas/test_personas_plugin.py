"""The pytest plugin: seed option, header, failure section, fixtures, JUnit property."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from personas.pytest_plugin import seed_for

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    # The inner runs load only the builtin plugins and ours (no third-party plugin state, such as
    # playwright's soft assertions, leaks between the outer and the inner session).
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")

TESTS = """
import pytest
from datetime import date
from personas.factory import PersonaFactory

def test_fixtures(personas, persona_seed, today, request):
    assert isinstance(personas, PersonaFactory)
    assert personas.today == today
    print("EMAIL", personas.compte().email, persona_seed)

def test_fails(personas):
    assert personas.compte().email == "nobody"
"""


def test_header_section_and_replay(pytester: pytest.Pytester):
    pytester.makepyfile(test_people=TESTS)
    result = pytester.runpytest("-p", "personas.pytest_plugin", "--persona-seed", "4242",
                                "--persona-today", "2025-03-14", "-s",
                                "--junitxml", "junit.xml")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["persona seed: 4242*replay with --persona-seed 4242*"])
    result.stdout.fnmatch_lines(["*- persona seed -*", "*--persona-seed 4242 --persona-today 2025-03-14*"])
    xml = ET.parse(pytester.path / "junit.xml")
    props = {p.get("name"): p.get("value") for p in xml.iter("property")}
    assert props["persona_seed"] == "4242" and props["persona_today"] == "2025-03-14"


def _email(pytester: pytest.Pytester, *args: str) -> str:
    result = pytester.runpytest("-p", "personas.pytest_plugin", "-s", "-k", "fixtures", *args)
    assert result.parseoutcomes()["passed"] == 1
    line = next(ln for ln in result.outlines if "EMAIL" in ln)
    return line.split("EMAIL", 1)[1].split()[0]


def test_same_seed_same_people_and_adding_tests_changes_nothing(pytester: pytest.Pytester):
    pytester.makepyfile(test_people=TESTS)
    a = _email(pytester, "--persona-seed", "7", "--persona-today", "2025-03-14")
    b = _email(pytester, "--persona-seed", "7", "--persona-today", "2025-03-14")
    assert a == b
    pytester.makepyfile(test_people="def test_added(personas):\n    personas.bpi()\n" + TESTS)
    c = _email(pytester, "--persona-seed", "7", "--persona-today", "2025-03-14")
    assert c == a
    d = _email(pytester, "--persona-seed", "8", "--persona-today", "2025-03-14")
    assert d != a


def test_random_seed_without_option(pytester: pytest.Pytester):
    pytester.makepyfile(test_people=TESTS)
    seeds = set()
    for _ in range(2):
        result = pytester.runpytest("-p", "personas.pytest_plugin", "-k", "fixtures")
        line = next(ln for ln in result.outlines if ln.startswith("persona seed:"))
        seeds.add(line.split()[2])
    assert len(seeds) == 2


def test_bad_today_is_a_usage_error(pytester: pytest.Pytester):
    pytester.makepyfile(test_people=TESTS)
    result = pytester.runpytest("-p", "personas.pytest_plugin", "--persona-today", "14/03/2025")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_seed_for_is_stable():
    assert seed_for(1, "a::b") == seed_for(1, "a::b")
    assert seed_for(1, "a::b") != seed_for(2, "a::b") != seed_for(1, "a::c")
