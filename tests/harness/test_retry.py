"""Traces "on first retry": no trace on a first attempt, a traced retry, flaky reported as such."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

pytest_plugins = ["pytester"]

INNER_TEST = """
import pathlib

ATTEMPTS = pathlib.Path("attempts.txt")

def test_fails_once(page):
    attempt = int(ATTEMPTS.read_text()) + 1 if ATTEMPTS.exists() else 1
    ATTEMPTS.write_text(str(attempt))
    page.set_content("<h1>Bonjour</h1>")
    assert attempt > 1, "the first attempt fails"

def test_fails_always(page):
    page.set_content("<h1>Toujours</h1>")
    assert False, "every attempt fails"

def test_without_browser_is_not_retried():
    assert False
"""


@pytest.mark.browser
def test_a_scenario_failing_once_is_flaky_with_the_trace_of_its_retry(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=INNER_TEST)
    pytester.makeconftest('pytest_plugins = ["harness.plugin"]')  # after pytest-playwright, as the root conftest does
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--output", "out",
                                           "--junitxml", "junit.xml", "--screenshot=only-on-failure")
    outcomes = result.parseoutcomes()
    assert (outcomes.get("failed"), outcomes.get("flaky"), outcomes.get("rerun"), outcomes.get("passed")) == (2, 1, 2, None)
    result.stdout.fnmatch_lines(["*flaky scenarios (failed, then passed on retry)*",
                                 "FLAKY test_inner.py::test_fails_once[[]chromium[]]  trace: *-retry1*trace.zip"])
    traces = sorted(p.relative_to(pytester.path / "out").parent.name for p in (pytester.path / "out").rglob("trace*.zip"))
    assert traces == ["test-inner-py-test-fails-always-chromium-retry1",
                      "test-inner-py-test-fails-once-chromium-retry1"]  # none of a 1st attempt
    # --screenshot=only-on-failure (the suite's addopts): every failed attempt's page kept, no other
    shots = sorted(str(p.relative_to(pytester.path / "out")) for p in (pytester.path / "out").rglob("*.png"))
    assert shots == ["test-inner-py-test-fails-always-chromium-retry1/test-failed-1.png",
                     "test-inner-py-test-fails-always-chromium/test-failed-1.png",
                     "test-inner-py-test-fails-once-chromium/test-failed-1.png"], shots
    cases = {c.get("name").removesuffix("[chromium]"): c for c in ET.parse(pytester.path / "junit.xml").iter("testcase")}
    flaky = {(p.get("name"), p.get("value")) for p in cases["test_fails_once"].iter("property")}
    assert ("flaky", "true") in flaky and ("attempts", "2") in flaky
    assert cases["test_fails_once"].find("failure") is None
    failed = cases["test_fails_always"]
    assert failed.find("failure") is not None
    assert any(p.get("name") == "trace" and p.get("value").endswith("-retry1/trace.zip") for p in failed.iter("property"))
    assert not any(p.get("name") == "flaky" for p in failed.iter("property"))
    assert cases["test_without_browser_is_not_retried"].find("failure") is not None
