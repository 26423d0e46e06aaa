"""Which Chromium a run launches: the headless shell for a headless run (about a third less CPU), the full
browser for a headed one (the narrated replay), ANEF_CHROMIUM for both when it is set; and no browser
nor bundled portal for a run that opens no page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import plugin

pytest_plugins = ["pytester"]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    full, shell = tmp_path / "chromium", tmp_path / "chromium-headless-shell"
    full.touch()
    shell.touch()
    monkeypatch.delenv("ANEF_CHROMIUM", raising=False)
    monkeypatch.setattr(plugin, "CHROMIUM", str(full))
    monkeypatch.setattr(plugin, "CHROMIUM_HEADLESS", str(shell))
    return full, shell


def test_a_headless_run_takes_the_shell_and_a_headed_one_the_full_browser(installed: tuple[Path, Path]) -> None:
    full, shell = installed
    assert plugin.chromium(headless=True) == str(shell)
    assert plugin.chromium(headless=False) == str(full)
    shell.unlink()
    assert plugin.chromium(headless=True) == str(full)
    full.unlink()
    assert plugin.chromium(headless=True) is None


def test_anef_chromium_is_launched_headless_or_headed(installed: tuple[Path, Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    full, _ = installed
    monkeypatch.setenv("ANEF_CHROMIUM", str(full))
    assert plugin.chromium(headless=True) == str(full) == plugin.chromium(headless=False)


def test_the_launch_arguments_name_the_browser_chosen(installed: tuple[Path, Path]) -> None:
    _, shell = installed
    launch = plugin.browser_type_launch_args.__wrapped__({"headless": True})  # type: ignore[attr-defined]
    assert launch["executable_path"] == str(shell) and "--no-sandbox" in launch["args"]


PLUGINS = ["-p", "pytest_playwright.pytest_playwright", "-p", "pytest_base_url.plugin", "-p", "harness.plugin",
           "-p", "no:cacheprovider"]


def test_a_run_that_opens_no_page_starts_no_portal(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-base-url's session fixture asked for base_url, hence started the bundled portal, in every run."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile("def test_plain():\n    assert True\n")
    result = pytester.runpytest_subprocess(*PLUGINS, "--setup-show")
    result.assert_outcomes(passed=1)
    set_up = re.findall(r"SETUP\s+S (\w+)", result.stdout.str())
    assert "_verify_url" in set_up and not {"base_url", "target"} & set(set_up), set_up


def test_verify_base_url_still_asks_the_target(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile("def test_plain():\n    assert True\n")
    result = pytester.runpytest_subprocess(*PLUGINS, "--verify-base-url", "--target", "http://127.0.0.1:9/",
                                           "--mailbox", "http://127.0.0.1:9/")
    assert result.ret != 0
    assert "--verify-base-url : http://127.0.0.1:9 ne répond pas" in result.stdout.str() + result.stderr.str()
