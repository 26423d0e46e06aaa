"""The account journey (guide 01, path a: e-mail, temporary password, new password) three ways.

    python benchmarks/bench_account_journey.py [--count 3] [--par-etape]

1. the BDD scenario (features/compte_anef.feature, @chemin_a) in pytest: one process per way of
   running it, the scenario played count+1 times in it. The first play is the cold one (first page
   of the browser, every page state new to the accessibility auditor): shown apart. Per journey =
   setup + call + teardown of a play. Ways: the default options; `--accessibilite non` (no analysis:
   the script's work); `--tracing=on`. The process's start-up (interpreter, imports, collection,
   portal and Chromium launch) is shown apart.
2. a plain Playwright script doing the scenario's steps one for one (the same clicks, texts checked
   and mail read, through the same page helpers), in a context of its own: run in each of those
   processes before each warm play (benchmarks/step_profile.py), in the same browser against the
   same portal, so that script and scenario are timed in the same moments of a shared machine;
3. raw HTTP (httpx + the mailbox API), what a precondition set up "the fast way" costs.
CPU is the journey's Python process's, Chromium's (with Playwright's driver) and the portal's, read
from /proc: figures that hold better than wall times on a shared machine. `--par-etape`: where the
default scenario's time goes, step by step. All against bundled portals on 127.0.0.1. Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
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

from harness import textes  # noqa: E402
from harness.actor import Actor  # noqa: E402
from harness.browser import PortalPage  # noqa: E402
from harness.journeys import TEMP_ACCOUNT_MAIL, fill_email, log_in  # noqa: E402
from harness.mailbox import Mailbox  # noqa: E402
from harness.target import BundledPortal, Target  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from step_profile import Clock  # noqa: E402

PASSWORD = "Abcdef1!x"
AUTOMATIC = "Ce message est généré automatiquement, merci de ne pas y répondre."
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
    """The @chemin_a scenario's steps, one for one, with the helpers its steps call."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        b = PortalPage(page, target.base_url)
        actor = Actor(persona=SimpleNamespace(email=_email(), mot_de_passe=PASSWORD),
                      browser=b, mailbox=mailbox, mail_watermark=mailbox.last_id())
        b.open_home()  # Étant donné je suis sur la page d'accueil du portail
        b.click("Je demande un premier titre -sans numéro étranger, sans visa-")
        b.expect_text("Compléter les renseignements suivants pour accéder à vos services.")
        fill_email(actor)
        b.click("Valider")
        b.expect_text("Demande de création de compte bien enregistrée.")
        textes.current().verifier(TEMP_ACCOUNT_MAIL, lambda: actor.wait_for_mail(contains=TEMP_ACCOUNT_MAIL),
                                  lieu="les courriels reçus")
        mail = actor.last_mail
        assert mail.identifiant() == actor.email
        actor.notes.identifiant = mail.identifiant()
        actor.notes.mot_de_passe_provisoire = mail.temporary_password()
        textes.current().verifier_dans(AUTOMATIC, mail.text, lieu=f"le courriel « {mail.subject} »")
        b.open_link_from_mail(actor.last_mail.link("Se connecter"))
        log_in(actor, actor.identifiant, actor.mot_de_passe_provisoire)
        b.expect_text("Réinitialisation du mot de passe")
        b.fill("Nouveau mot de passe", PASSWORD)
        b.fill("Confirmation du mot de passe", PASSWORD)
        b.click("Valider mon mot de passe")
        b.expect_text(DONE)
        b.expect_options("Car j'ai des attaches familiales en France")
        b.click("Accueil")  # Et je suis connecté sur la page d'accueil
        b.expect_text("Je demande ou renouvelle un titre de séjour")
        b.expect_connected(actor.identifiant)
    finally:
        context.close()


SCENARIO = ["features", "-m", "chemin_a and not simulateur", "-k", "mot_de_passe_provisoire"]
WAYS = [("default options", []), ("--accessibilite non", ["--accessibilite", "non"]), ("--tracing=on", ["--tracing=on"])]


class Sample(dict):  # type: ignore[type-arg]
    """One journey's wall seconds and CPU seconds (this process or pytest's, browser, portal)."""

    @classmethod
    def of(cls, wall: float, cost: dict[str, float]) -> Sample:
        return cls(wall=wall, cpu=cost.get("cpu", 0.0), browser_cpu=cost.get("browser_cpu", 0.0),
                   portal_cpu=cost.get("portal_cpu", 0.0))


def bdd_process(count: int, extra: list[str], folder: Path, *, steps: Path | None = None) -> dict[str, object]:
    """One pytest process playing the scenario count+1 times: its cold play, its warm plays, its start-up."""
    times = folder / "times.jsonl"
    times.unlink(missing_ok=True)
    env = {**os.environ, "BENCH_TIMES": str(times), "BENCH_REPEAT": str(count + 1), "BENCH_SCRIPT": "1",
           "PYTHONPATH": f"{HERE}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "ANEF_REPORTS_DIR": str(folder / "reports")}
    if steps is not None:
        env["BENCH_STEPS"] = str(steps)
    started = time.time()
    done = subprocess.run([sys.executable, "-m", "pytest", *SCENARIO, "-q", "-p", "step_profile",
                           "--output", str(folder / "pw"), *extra],
                          cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600, check=False)
    ended = time.time()
    rows = [json.loads(line) for line in times.read_text().splitlines()] if times.exists() else []
    plays: dict[str, dict[str, dict[str, object]]] = {}
    script = [Sample.of(float(row["wall"]), row) for row in rows if row["event"] == "script"]
    for row in rows:
        if "test" in row:
            plays.setdefault(str(row["test"]), {})[str(row["event"])] = row
    ordered = sorted(plays.values(), key=lambda p: float(p["setup_start"]["at"]))  # type: ignore[arg-type]
    failed = [t for t, p in plays.items() if any(p.get(w, {}).get("outcome") == "failed" for w in ("setup", "call", "teardown"))]
    if done.returncode != 0 or failed or len(ordered) != count + 1:
        tail = done.stdout.decode(errors="replace").splitlines()[-15:]
        raise RuntimeError(f"pytest {' '.join(extra)}: exit {done.returncode}, {len(ordered)} play(s)\n" + "\n".join(tail))
    teardowns = [float(p["teardown"]["duration"]) for p in ordered[:-1]]  # type: ignore[arg-type]
    first = ordered[0]

    def journey(play: dict[str, dict[str, object]], last: bool) -> Sample:
        # the last play's teardown also stops the browser and the portal: the others' median instead
        teardown = statistics.median(teardowns) if last else float(play["teardown"]["duration"])  # type: ignore[arg-type]
        wall = float(play["setup"]["duration"]) + float(play["call"]["duration"]) + teardown  # type: ignore[arg-type]
        # CPU: a warm play's from its setup to its teardown (its context opened and closed, as the
        # script's); the cold play's and the last's during their call (the first's setup launches
        # the portal and Chromium, the last's teardown stops them)
        return Sample.of(wall, play["call"] if play is first or last else play["play"])  # type: ignore[arg-type]

    return {
        "cold": journey(first, False),
        "warm": [journey(p, i == len(ordered) - 2) for i, p in enumerate(ordered[1:])],
        "script": script,
        # from the process's start to the end of the first play's setup (session fixtures: portal, Chromium)
        "startup": float(first["setup_start"]["at"]) - started + float(first["setup"]["duration"]),  # type: ignore[arg-type]
        "process": ended - started,
    }


def _median(samples: list[Sample], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def _line(name: str, samples: list[Sample], base: list[Sample] | None = None) -> str:
    wall = _median(samples, "wall")
    cpu = "   ".join(f"{_median(samples, k) * 1000:6.0f}" for k in ("cpu", "browser_cpu", "portal_cpu"))
    ratio = f"×{wall / _median(base, 'wall'):.2f}" if base else ""
    return f"{name:<50} {wall * 1000:7.0f} {min(s['wall'] for s in samples) * 1000:7.0f} {len(samples):3d}   {ratio:>6}   {cpu}"


HEADER = (f"{'':<50} {'wall':>7} {'min':>7} {'n':>3}   {'ratio':>6}   {'CPU':>6}   {'browsr':>6}   {'portal':>6}\n"
          f"{'':<50} {'ms':>7} {'ms':>7} {'':>3}   {'':>6}   {'ms':>6}   {'ms':>6}   {'ms':>6}")
NOTE = ("CPU: the journey's Python process, Chromium (with Playwright's driver), the portal. Chromium spends part of a\n"
        "closed context's cost after its journey: between interleaved journeys it lands partly in the next one, so\n"
        "compare its column within a line's own runs, not script against scenario.")


def step_table(path: Path) -> list[str]:
    """Per step of the default scenario: the median over its warm plays, and its cold play."""
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    plays: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        plays.setdefault(str(row["test"]), []).append(row)
    ordered = list(plays.values())
    cold, warm = ordered[0], ordered[1:]
    parts = ("dispatch", "before_hooks_and_fixtures", "body", "after_hooks", "after_last_step")

    def ms(row: dict[str, object], part: str, key: str = "wall") -> float:
        value = row.get(part) or {}
        return float(value.get(key, 0.0)) * 1000  # type: ignore[union-attr]

    def auditor(row: dict[str, object]) -> float:
        a = row.get("auditor") or {}
        return float(a.get("audit_wall", 0.0)) * 1000  # type: ignore[union-attr]

    out = [f"{'step (warm medians; cold play last)':<52} {'pytest':>6} {'fixt.':>6} {'body':>6} {'after':>6} "
           f"{'a11y':>6} {'CPU':>5} {'brws':>5} | {'cold':>6} {'a11y':>6} {'axe':>3}"]
    for i, first in enumerate(cold):
        same = [play[i] for play in warm if i < len(play)]
        med = lambda f, same=same: statistics.median(f(r) for r in same) if same else 0.0  # noqa: E731
        after = lambda r: ms(r, "after_hooks") + ms(r, "after_last_step")  # noqa: E731
        name = str(first.get("step") or "(end of the test: last check)")[:52]
        total_cold = sum(ms(first, p) for p in parts)
        a = first.get("auditor") or {}
        out.append(f"{name:<52} {med(lambda r: ms(r, 'dispatch')):6.0f} {med(lambda r: ms(r, 'before_hooks_and_fixtures')):6.0f} "
                   f"{med(lambda r: ms(r, 'body')):6.0f} {med(after):6.0f} {med(auditor):6.0f} "
                   f"{med(lambda r: sum(ms(r, p, 'cpu') for p in parts)):5.0f} "
                   f"{med(lambda r: sum(ms(r, p, 'browser_cpu') for p in parts)):5.0f} | "
                   f"{total_cold:6.0f} {auditor(first) + float(a.get('audit_listener_wall', 0.0)) * 1000:6.0f} "  # type: ignore[union-attr]
                   f"{int(a.get('eval_run_axe_n', 0)):3d}")  # type: ignore[union-attr]
    totals = [sum(ms(r, p) for r in play for p in parts) for play in warm]
    out.append(f"warm play, sum of the above: {statistics.median(totals):.0f} ms; pytest = pytest-bdd's dispatch and "
               "the before-step hooks; fixt. = the step's fixtures; after = the after-step hooks (accessibility, "
               "evidence); a11y = the auditor's after-step check; cold a11y adds its load listener's analyses, "
               "axe = axe-core runs")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3, help="warm journeys per way (default 3, at most 20)")
    parser.add_argument("--par-etape", action="store_true", help="also where the default scenario's time goes, step by step")
    args = parser.parse_args()
    count = max(1, min(args.count, 20))

    with tempfile.TemporaryDirectory() as data:
        portal = BundledPortal(Path(data) / "portail", Path(data) / "portal.log")
        target = portal.start()
        mailbox = Mailbox(target.mailbox_url)
        try:
            http_journey(target, mailbox)  # warm-up: first hashes, first pages
            http = []
            for _ in range(count):
                clock, started = Clock(), time.perf_counter()
                http_journey(target, mailbox).close()
                http.append(Sample.of(time.perf_counter() - started, clock.lap()))
        finally:
            mailbox.close()
            portal.stop()
    bdd = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, extra in WAYS:
            bdd[name] = bdd_process(count, extra, Path(folder))
        if args.par_etape:  # a process of its own: reading /proc at every step costs time
            steps = Path(folder) / "steps.jsonl"
            bdd_process(count, [], Path(folder), steps=steps)
            table = step_table(steps)
    print(f"Account journey, path a (guide 01), the scenario's 18 steps; {count} warm journeys per way, medians.")
    print("Each pytest process plays the scenario count+1 times and, before each warm play, runs the plain")
    print("Playwright script's journey in the same browser against the same portal: both are timed in the same")
    print("moments of a shared machine. Ratio: wall time to the script of the same process.")
    print(NOTE)
    print(HEADER)
    for name, _ in WAYS:
        run = bdd[name]
        print(_line("plain Playwright script (process of ↓)", run["script"], run["script"]))  # type: ignore[arg-type]
        print(_line(f"BDD scenario, {name}", run["warm"], run["script"]))  # type: ignore[arg-type]
    print(_line("raw HTTP (no browser; ratio to the first script)", http, bdd[WAYS[0][0]]["script"]))  # type: ignore[arg-type]
    print("first play of a fresh pytest process (cold: first page of the browser, page states new to the auditor)")
    for name, _ in WAYS:
        print(_line(f"BDD scenario, {name}, cold", [bdd[name]["cold"]], bdd[name]["script"]))  # type: ignore[list-item,arg-type]
    print("pytest process, apart from the journeys")
    for name, _ in WAYS:
        run = bdd[name]
        print(f"{'  start-up to the first scenario, ' + name:<60} {float(run['startup']) * 1000:7.0f} ms   "  # type: ignore[arg-type]
              f"(whole process: {float(run['process']):.1f} s for {count + 1} plays and {count} scripts)")  # type: ignore[arg-type]
    if args.par_etape:
        print()
        print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
