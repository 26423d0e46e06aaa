"""The account journey (guide 01, path a: e-mail, temporary password, new password) three ways.

    python benchmarks/bench_account_journey.py [--count 3]

1. raw HTTP (httpx + the mailbox API), what a precondition set up "the fast way" costs;
2. a plain Playwright script in Chromium, the same clicks as harness.journeys;
3. the BDD scenario (features/compte_anef.feature, @chemin_a) in pytest, each run its own process:
   the scenario's own time (setup + call, as pytest reports it) apart from the process's start-up;
   once with the default tracing (first attempt untraced) and once with --tracing=on.
All against one bundled portal on 127.0.0.1 (the BDD runs start their own). Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.actor import Actor  # noqa: E402
from harness.browser import PortalPage  # noqa: E402
from harness.journeys import log_in, request_account_without_number  # noqa: E402
from harness.mailbox import Mailbox  # noqa: E402
from harness.plugin import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from harness.target import BundledPortal, Target  # noqa: E402

PASSWORD = "Abcdef1!x"
DONE = "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"


def _email() -> str:
    return f"bench-{uuid.uuid4().hex[:10]}@example.org"


def http_journey(target: Target, mailbox: Mailbox, email: str | None = None) -> httpx.Client:
    """Path a over HTTP; returns the logged-in client (the portal's session cookie in it)."""
    email = email or _email()
    client = httpx.Client(base_url=target.base_url, timeout=30, follow_redirects=True)
    client.get("/")
    page = client.post("/demarches/premiere-demande", data={"email": email, "email_confirmation": email})
    assert "Demande de création de compte bien enregistrée." in page.text, page.status_code
    mail = mailbox.wait_for(email, contains="Mot de passe provisoire")
    login = client.post("/connexion", data={"identifiant": mail.identifiant(), "mot_de_passe": mail.temporary_password()})
    assert "Réinitialisation du mot de passe" in login.text
    done = client.post("/compte/reinitialisation", data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD})
    assert DONE.replace("'", "&#39;") in done.text or DONE in done.text
    return client


def playwright_journey(browser, target: Target, mailbox: Mailbox) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        actor = Actor(persona=SimpleNamespace(email=_email(), mot_de_passe=PASSWORD),
                      browser=PortalPage(page, target.base_url), mailbox=mailbox, mail_watermark=mailbox.last_id())
        request_account_without_number(actor)
        b = actor.browser
        b.open_link_from_mail(actor.last_mail.link("Se connecter"))
        log_in(actor, actor.identifiant, actor.mot_de_passe_provisoire)
        b.fill("Nouveau mot de passe", PASSWORD)
        b.fill("Confirmation du mot de passe", PASSWORD)
        b.click("Valider mon mot de passe")
        b.expect_text(DONE)
    finally:
        context.close()


_RECORDER = '''
import json, os
def pytest_runtest_logreport(report):
    if report.when in ("setup", "call"):
        with open(os.environ["BENCH_TIMES"], "a") as out:
            out.write(json.dumps([report.nodeid, report.when, report.duration]) + "\\n")
'''


def bdd_runs(count: int, extra: list[str]) -> tuple[list[float], list[float]]:
    """(scenario seconds, process seconds) of `count` runs of the @chemin_a scenario."""
    scenario, process = [], []
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "bench_recorder.py").write_text(_RECORDER)
        for _ in range(count):
            times = Path(folder) / "times.jsonl"
            times.unlink(missing_ok=True)
            env = {**os.environ, "BENCH_TIMES": str(times), "PYTHONPATH": f"{folder}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
                   "ANEF_REPORTS_DIR": str(Path(folder) / "reports")}
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pytest", "features", "-m", "chemin_a and not simulateur", "-q",
                            "-p", "bench_recorder", "--output", str(Path(folder) / "pw"), *extra],
                           cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
            process.append(time.perf_counter() - started)
            rows = [json.loads(line) for line in times.read_text().splitlines()] if times.exists() else []
            journey = [r for r in rows if re.search(r"mot_de_passe_provisoire", r[0])]
            # setup of a session's first test includes starting the portal and Chromium: call only
            scenario.append(sum(r[2] for r in journey if r[1] == "call"))
    return scenario, process


def _line(name: str, samples: list[float], base: float | None = None) -> str:
    median = statistics.median(samples)
    ratio = f"   ×{median / base:.2f} of the Playwright script" if base else ""
    return f"{name:<44} median {median * 1000:8.0f} ms   min {min(samples) * 1000:8.0f} ms   n={len(samples)}{ratio}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3, help="journeys per way (default 3, at most 20)")
    args = parser.parse_args()
    count = max(1, min(args.count, 20))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as data:
        portal = BundledPortal(Path(data) / "portail", Path(data) / "portal.log")
        target = portal.start()
        mailbox = Mailbox(target.mailbox_url)
        try:
            http_journey(target, mailbox)  # warm-up: first hashes, first pages
            http = []
            for _ in range(count):
                started = time.perf_counter()
                http_journey(target, mailbox).close()
                http.append(time.perf_counter() - started)
            script = []
            with sync_playwright() as pw:
                launch = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
                browser = pw.chromium.launch(args=CHROMIUM_ARGS, **launch)
                playwright_journey(browser, target, mailbox)  # warm-up
                for _ in range(count):
                    started = time.perf_counter()
                    playwright_journey(browser, target, mailbox)
                    script.append(time.perf_counter() - started)
                browser.close()
        finally:
            mailbox.close()
            portal.stop()
    bdd, bdd_process = bdd_runs(count, [])
    traced, traced_process = bdd_runs(count, ["--tracing=on"])
    base = statistics.median(script)
    print(f"Account journey, path a (guide 01), {count} runs each")
    print(_line("raw HTTP", http, base))
    print(_line("plain Playwright script (browser running)", script, base))
    print(_line("BDD scenario, first attempt untraced", bdd, base))
    print(_line("BDD scenario, --tracing=on", traced, base))
    print(_line("  its pytest process, start to end", bdd_process))
    print(_line("  its pytest process, --tracing=on", traced_process))
    return 0


if __name__ == "__main__":
    sys.exit(main())
