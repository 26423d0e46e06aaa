"""Traces where they are needed: Playwright's "on first retry", with pytest-rerunfailures.

Recording a trace of every scenario costs about a third of the suite's time, and a trace of a
passing attempt is never read. So a browser scenario's first attempt runs without a trace; a
scenario that fails is run once more (pytest-rerunfailures) with tracing on, and that trace is
kept, whatever the retry's outcome. A scenario that passes only on its retry is *flaky*: counted as
such in the terminal's totals, listed in its own summary section with its trace, and marked with a
`flaky` property in the JUnit file; it never shows as a plain pass.

Options: `--scenario-retries N` (default 1, 0 = no retry); pytest-playwright's own `--tracing=on`
keeps a trace of every attempt and `--tracing=retain-on-failure` of every failed one, as before.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from pluggy import Result

FLAKY = "flaky"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef", "ANEF conformance target")
    group.addoption("--scenario-retries", type=int, default=1, metavar="N",
                    help="retry a failed browser scenario N times, traced (default 1; 0: no retry). "
                         "A scenario that passes only on a retry is reported as flaky")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser scenarios (those using Playwright's page) get pytest-rerunfailures' retry marker."""
    retries = config.getoption("--scenario-retries")
    if retries <= 0:
        return
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) and item.get_closest_marker("flaky") is None:
            item.add_marker(pytest.mark.flaky(reruns=retries))


def _attempt(node: Any) -> int:
    return getattr(node, "execution_count", 1)


RETRY_OUTPUT = pytest.StashKey[str]()


def _failed_so_far(node: Any) -> bool:
    """Whether the test has failed by the time its contexts close (pytest-playwright's `rep_*`);
    with no report at all (an interrupted run), as failed: the evidence is kept."""
    for when in ("call", "setup"):
        report = getattr(node, f"rep_{when}", None)
        if report is not None:
            return bool(report.failed)
    return True


class _ScreenshotsOfFailuresOnly:
    """pytest-playwright's config as its recorder reads it when a context closes. With
    `--screenshot=only-on-failure` the recorder screenshots every page of every context at its close
    and deletes the pictures once the test has passed: 65 ms and a full-page render of each page per
    test (the account journey's teardown: 80 ms → 17 ms). Told "off" while the test has not failed,
    it takes none of the pictures it would delete; a failed test's are taken and kept as before."""

    def __init__(self, config: pytest.Config, node: Any) -> None:
        self._config, self._node = config, node

    def getoption(self, name: str, *args: Any, **kwargs: Any) -> Any:
        value = self._config.getoption(name, *args, **kwargs)
        if name == "--screenshot" and value == "only-on-failure" and not _failed_so_far(self._node):
            return "off"
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._config, name)


@pytest.fixture
def _artifacts_recorder(_artifacts_recorder: Any, output_path: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """pytest-playwright's recorder, told per attempt whether to trace: not on a first attempt when
    --tracing is off (the default), always on a retry, and the retry's trace is always kept (in
    pytest-playwright's `<test>-retry1` folder); and to take failure screenshots of failures only."""
    _artifacts_recorder._pytestconfig = _ScreenshotsOfFailuresOnly(_artifacts_recorder._pytestconfig, request.node)
    if _attempt(request.node) > 1:
        _artifacts_recorder._tracing_option = "on"
        _artifacts_recorder._capture_trace = True
        request.node.stash[RETRY_OUTPUT] = output_path
    yield _artifacts_recorder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and _attempt(item) > 1:
        verdict = "passed on retry" if report.passed else "failed on retry"
        item.user_properties.append(("attempts", str(_attempt(item))))
        if report.passed:
            item.user_properties.append((FLAKY, "true"))
            report.user_properties.append((FLAKY, "true"))
        if RETRY_OUTPUT in item.stash:
            folder = item.stash[RETRY_OUTPUT]
            item.user_properties.append(("trace", os.path.join(folder, "trace.zip")))
            report.user_properties.append(("trace", os.path.join(folder, "trace.zip")))
            report.sections.append(("retry", f"{verdict} (attempt {_attempt(item)}); trace: {folder}{os.sep}trace.zip"))


def _traces(report: pytest.TestReport) -> list[str]:
    """Trace files pytest-playwright kept for this retry (a report carries them, xdist or not)."""
    folders = {os.path.dirname(str(value)) for name, value in report.user_properties if name == "trace"}
    return sorted(path for folder in folders for path in glob.glob(os.path.join(folder, "trace*.zip")))


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> Any:
    if report.when == "call" and report.passed and (FLAKY, "true") in report.user_properties:
        return FLAKY, "K", ("FLAKY", {"yellow": True})
    return None


def pytest_terminal_summary(terminalreporter: Any) -> None:
    flaky = terminalreporter.stats.get(FLAKY, [])
    if not flaky:
        return
    terminalreporter.write_sep("=", "flaky scenarios (failed, then passed on retry)", yellow=True, bold=True)
    for report in flaky:
        traces = ", ".join(_traces(report))
        terminalreporter.write_line(f"FLAKY {report.nodeid}" + (f"  trace: {traces}" if traces else ""))
