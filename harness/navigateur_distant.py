"""Browsers on a remote Playwright server or CDP endpoint (`--browser-ws URL`), for teams with a grid.

Playwright's own engines, not a home-made one: `ws://…` (or `wss://…`) is a Playwright server
(`playwright run-server`, Playwright's Docker image, a grid), reached with BrowserType.connect; an
`http(s)://` address, or a `ws://…/devtools/browser/…` one, is a Chromium's DevTools endpoint
(`chromium --remote-debugging-port=9222`), reached with BrowserType.connect_over_cdp. The pages the
browser opens must reach the target: with a remote browser, give a --target it can reach.

A Playwright server launches its own browser; the harness's launch arguments are sent with the
connection (header x-playwright-launch-options, honoured by a server started with --unsafe). The
path of Debian's Chromium is sent only to a server on this machine (loopback), which shares it; a
remote server uses the browsers it has.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserType

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
CONNECT_TIMEOUT_MS = 60_000


def is_cdp(url: str) -> bool:
    """True for a DevTools endpoint (connect_over_cdp), False for a Playwright server (connect)."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"}:
        return True
    if parts.scheme in {"ws", "wss"}:
        return parts.path.startswith("/devtools/")
    raise ValueError(f"--browser-ws : adresse non reconnue « {url} » (ws://, wss://, http:// ou https://)")


def launch_options_header(url: str, launch_args: dict[str, Any]) -> str:
    """The launch options a Playwright server applies (camelCase, as its protocol names them)."""
    options: dict[str, Any] = {"args": list(launch_args.get("args") or [])}
    if "headless" in launch_args:
        options["headless"] = launch_args["headless"]
    if launch_args.get("executable_path") and urlsplit(url).hostname in LOOPBACK:
        options["executablePath"] = str(launch_args["executable_path"])
    return json.dumps(options)


def connect(browser_type: BrowserType, url: str, launch_args: dict[str, Any]) -> Browser:
    slow_mo = launch_args.get("slow_mo")
    if is_cdp(url):
        return browser_type.connect_over_cdp(url, timeout=CONNECT_TIMEOUT_MS, slow_mo=slow_mo)
    return browser_type.connect(url, timeout=CONNECT_TIMEOUT_MS, slow_mo=slow_mo,
                                headers={"x-playwright-launch-options": launch_options_header(url, launch_args)})
