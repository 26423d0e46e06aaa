"""Where a scenario's time goes, step by step: a pytest plugin the account-journey benchmark loads
(`-p step_profile`, with this folder on PYTHONPATH). It writes one JSON line per step to the file
named by $BENCH_STEPS: wall and CPU seconds of pytest-bdd's dispatch (finding the step, its
arguments and fixtures), the step's own body, the hooks run before and after it (the accessibility
check, evidence, narration), and how much of it the accessibility auditor took (its after-step check
and its load listener, which runs while the step waits on the browser). CPU is this process's, the
browser's (Chromium and Playwright's driver) and the bundled portal's, read from /proc.

Measuring only: it changes nothing in the run (it wraps the auditor's methods to time them).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from proc_cpu import table, tree

_KINDS: dict[int, str] = {}


def _kind(pid: int) -> str:
    if pid not in _KINDS:
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            cmd = ""
        _KINDS[pid] = ("portal" if "fake_anef" in cmd else
                       "browser" if ("chrom" in cmd or "playwright" in cmd or "node" in cmd) else "other")
    return _KINDS[pid]


def _children_cpu() -> dict[str, float]:
    """CPU seconds (user + system) of this process's descendants, by kind: browser, portal, other.
    A process's own times plus those of its children it has reaped (Chromium's renderers of closed
    contexts are gone, their time counted in their parent's)."""
    procs, me = table(), os.getpid()
    out = {"browser": 0.0, "portal": 0.0, "other": 0.0}
    for pid in tree(me, procs) - {me}:
        out[_kind(pid)] += procs[pid].own + procs[pid].reaped
    return out


class Clock:
    """Wall and CPU seconds (this process, the browser, the portal) since the last `lap`, less the
    clock's own reading of /proc."""

    def __init__(self) -> None:
        self.own = {"wall": 0.0, "cpu": 0.0}
        self.last = self._now()

    def _now(self) -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        now = {"wall": wall - self.own["wall"], "cpu": cpu - self.own["cpu"]}  # the readings before this one
        children = _children_cpu()
        self.own["wall"] += time.perf_counter() - wall
        self.own["cpu"] += time.process_time() - cpu
        return {**now, "browser_cpu": children["browser"], "portal_cpu": children["portal"]}

    def lap(self) -> dict[str, float]:
        now = self._now()
        delta = {k: round(now[k] - self.last[k], 4) for k in now}
        self.last = now
        return delta


class Profile:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.clock = Clock()
        self.row: dict[str, Any] = {}
        self.auditor: dict[str, float] = {}
        self.test = ""
        self._wrap_auditor()

    # the accessibility auditor's share, summed per step -------------------------------------------
    def _timed(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        profile = self

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started, cpu = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                key = name + ("_listener" if kwargs.get("quiet") else "")
                profile.auditor[key + "_wall"] = profile.auditor.get(key + "_wall", 0.0) + time.perf_counter() - started
                profile.auditor[key + "_cpu"] = profile.auditor.get(key + "_cpu", 0.0) + time.process_time() - cpu
                profile.auditor[key + "_n"] = profile.auditor.get(key + "_n", 0) + 1
        return wrapper

    def _wrap_auditor(self) -> None:
        try:
            from harness import axe_audit
        except ImportError:
            return
        cls = axe_audit.Auditor
        for name in ("audit", "_read_state", "_wait_for_other_analysis"):
            if not getattr(getattr(cls, name), "_profiled", False):
                wrapped = self._timed(name, getattr(cls, name))
                wrapped._profiled = True  # type: ignore[attr-defined]
                setattr(cls, name, wrapped)
        original = cls._audit
        profile = self
        from playwright.sync_api import Page

        evaluate = Page.evaluate
        kinds = {getattr(axe_audit, name, None): kind for name, kind in (
            ("AXE_SCRIPT", "inject_axe"), ("_RUN_JS", "run_axe"), ("_STATE_JS", "state"), ("_SETTLED_JS", "wait"))}

        def counted_evaluate(page: Any, expression: str, arg: Any = None) -> Any:
            kind = kinds.get(expression, "other")
            started = time.perf_counter()
            try:
                return evaluate(page, expression, arg)
            finally:
                profile.auditor[f"eval_{kind}_n"] = profile.auditor.get(f"eval_{kind}_n", 0) + 1
                profile.auditor[f"eval_{kind}_wall"] = (profile.auditor.get(f"eval_{kind}_wall", 0.0)
                                                        + time.perf_counter() - started)
        if not getattr(evaluate, "_profiled", False):
            counted_evaluate._profiled = True  # type: ignore[attr-defined]
            Page.evaluate = counted_evaluate  # type: ignore[method-assign]
        wait_for_function = Page.wait_for_function

        def counted_wait(page: Any, expression: str, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return wait_for_function(page, expression, **kwargs)
            finally:
                profile.auditor["eval_wait_for_function_n"] = profile.auditor.get("eval_wait_for_function_n", 0) + 1
                profile.auditor["eval_wait_for_function_wall"] = (profile.auditor.get("eval_wait_for_function_wall", 0.0)
                                                                  + time.perf_counter() - started)
        if not getattr(wait_for_function, "_profiled", False):
            counted_wait._profiled = True  # type: ignore[attr-defined]
            Page.wait_for_function = counted_wait  # type: ignore[method-assign]

        def counting(auditor: Any, page: Any, **kwargs: Any) -> Any:
            before = len(auditor.states)
            result = original(auditor, page, **kwargs)
            if len(auditor.states) > before:
                profile.auditor["axe_runs"] = profile.auditor.get("axe_runs", 0) + 1
            return result
        if not getattr(original, "_profiled", False):
            counting._profiled = True  # type: ignore[attr-defined]
            cls._audit = counting

    def flush(self, kind: str, **extra: Any) -> None:
        row = {"test": self.test, "kind": kind, **extra, **self.row, "auditor": self.auditor}
        with self.out.open("a") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.row, self.auditor = {}, {}

    # hooks ------------------------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        self.test = item.nodeid
        self.clock.lap()
        try:
            return (yield)
        finally:
            self.row["after_last_step"] = self.clock.lap()  # the accessibility plugin's end-of-test check
            self.flush("end")

    @pytest.hookimpl(tryfirst=True, optionalhook=True)
    def pytest_bdd_before_step(self, step: Any, **_: Any) -> None:
        self.row["dispatch"] = self.clock.lap()  # since the last step's hooks, or the start of the call
        self.row["step"] = f"{step.keyword} {step.name}".strip()

    @pytest.hookimpl(trylast=True, optionalhook=True)
    def pytest_bdd_before_step_call(self, **_: Any) -> None:
        self.row["before_hooks_and_fixtures"] = self.clock.lap()

    @pytest.hookimpl(tryfirst=True, optionalhook=True)
    def pytest_bdd_after_step(self, **_: Any) -> None:
        self.row["body"] = self.clock.lap()


class _AfterHooks:
    """The after-step hooks' time: a second plugin object, as one object holds one impl per hook."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    @pytest.hookimpl(trylast=True, optionalhook=True)
    def pytest_bdd_after_step(self, **_: Any) -> None:
        self.profile.row["after_hooks"] = self.profile.clock.lap()
        self.profile.flush("step")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """$BENCH_REPEAT=N: every selected test N times in this one process (run1 is the cold one)."""
    count = int(os.environ.get("BENCH_REPEAT", "1"))
    if count > 1:
        metafunc.fixturenames.append("bench_run")
        metafunc.parametrize("bench_run", range(1, count + 1), ids=[f"run{i}" for i in range(1, count + 1)])


class Calls:
    """$BENCH_TIMES: per test, its setup and call durations as pytest reports them, and the call's wall
    and CPU (this process, the browser, the portal); with the moments the session reached its first
    test and ended, so the benchmark tells a process's start-up from its journeys."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.clock: Clock | None = None
        self.cost: dict[str, float] = {}
        self.session: dict[str, Any] = {}  # the session's browser, target and mailbox, for the script
        self.plays = 0

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: pytest.FixtureRequest) -> Any:
        result = yield
        if fixturedef.argname in ("browser", "target", "mailbox"):
            self.session[fixturedef.argname] = result
        return result

    def _script(self) -> None:
        """$BENCH_SCRIPT: the plain Playwright script's journey, run before a warm play in this
        process's browser against its portal, so both are timed in the same moments of a shared
        machine; in a context of its own (not watched, not traced), timed alone."""
        from bench_account_journey import playwright_journey

        clock, started = Clock(), time.perf_counter()
        playwright_journey(self.session["browser"], self.session["target"], self.session["mailbox"])
        self._write({"event": "script", "wall": time.perf_counter() - started, **clock.lap()})

    def _write(self, row: dict[str, Any]) -> None:
        with self.out.open("a") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[None]:
        """Before a play, outside its setup's timing: the script, from the second play on."""
        self.plays += 1
        if os.environ.get("BENCH_SCRIPT") and self.plays > 1 and len(self.session) == 3:
            self._script()
        clock = Clock()  # the play's CPU, setup to teardown, as the script's is context to context
        try:
            return (yield)
        finally:
            self._write({"event": "play", "test": item.nodeid, **clock.lap()})

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._write({"event": "setup_start", "test": item.nodeid, "at": time.time()})

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        self.clock = Clock()
        try:
            return (yield)
        finally:
            self.cost = self.clock.lap()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when in ("setup", "call", "teardown"):
            row = {"event": report.when, "test": report.nodeid, "duration": report.duration,
                   "outcome": report.outcome, "at": time.time()}
            if report.when == "call":
                row.update(self.cost)
            self._write(row)

    def pytest_unconfigure(self) -> None:
        self._write({"event": "end", "at": time.time()})


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("BENCH_TIMES"):
        config.pluginmanager.register(Calls(Path(os.environ["BENCH_TIMES"])), "anef-bench-calls")
    out = os.environ.get("BENCH_STEPS")
    if out:
        profile = Profile(Path(out))
        config.pluginmanager.register(profile, "anef-step-profile")
        config.pluginmanager.register(_AfterHooks(profile), "anef-step-profile-after")
