"""The project's own mutation kit: each mutant of mutants/catalogue.yaml is the bundled portal with one
fault mode on (ANEF_FAULTS), and the tests named for it must fail there. Prints the score (killed /
total) and names every survivor. A dev tool, not part of the harness: it may read fake_anef.

    python scripts/mutation.py                  # every mutant (make mutation)
    python scripts/mutation.py --guide 02       # the mutants of one guide (or simulateur, maison)
    python scripts/mutation.py --mutant NAME    # one mutant (repeatable)
    python scripts/mutation.py --baseline ...   # also run each selection on the conformant portal

Each selection runs in its own pytest process with ANEF_FAULTS=<fault>: the features' bundled portal
(harness/target.py) inherits it, the property tests' in-process portal reads it (tests/properties).
A mutant is killed when that run has a failing test (pytest exit 1); a run that passes is a
survivor; any other outcome (no test collected, usage error, timeout) is an error, not a kill.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "mutants" / "catalogue.yaml"
# No traces or screenshots of the expected failures; quiet, stop at the first failure.
PYTEST_ARGS = ["-x", "-q", "--tracing=off", "--screenshot=off"]
# A failure that says nothing of the rule: the bundled portal did not start (a port taken by another
# run, a load spike): an error to run again, not a kill (harness/target.py's messages).
NOT_A_KILL = ("le portail intégré s'est arrêté", "le portail intégré ne répond pas")


@dataclass
class Mutant:
    name: str
    faute: str
    guide: str
    tuer: list[str]
    regle: str = ""
    exigences: list[str] = field(default_factory=list)
    echantillon: bool = False
    env: dict[str, str] = field(default_factory=dict)  # more environment for its portal (ANEF_TEXTE_GUIDE)
    couvert: bool = True  # False: no scenario of its selection exists (a text no scenario checks)


@dataclass
class Outcome:
    mutant: Mutant
    verdict: str  # tué | survivant | erreur
    seconds: float
    detail: str = ""


def load(path: Path = CATALOGUE) -> list[Mutant]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutants = []
    for name, entry in (data.get("mutants") or {}).items():
        tuer = entry.get("tuer") or []
        if not tuer:
            raise ValueError(f"{path}: mutant {name} n'a pas de sélection (tuer)")
        mutants.append(Mutant(name=name, faute=entry.get("faute", name), guide=str(entry.get("guide", "")),
                              tuer=[str(a) for a in tuer], regle=entry.get("regle", ""),
                              exigences=list(entry.get("exigences") or []), echantillon=bool(entry.get("echantillon")),
                              env={str(k): str(v) for k, v in (entry.get("env") or {}).items()}))
    return mutants


def text_mutants(mutants: list[Mutant]) -> tuple[list[Mutant], list[dict[str, str]]]:
    """The text mutants (scripts/mutants_textes.py) and the normative requirements left without any
    mutant."""
    from scripts.mutants_textes import FAULT, plan

    named = {e for m in mutants for e in m.exigences}
    planned, without = plan(named)
    return [Mutant(name=p["name"], faute=FAULT, guide=p["guide"], tuer=["features/test_scenarios.py", "-m", p["tag"]],
                   regle=p["regle"], exigences=[p["exigence"]], env={"ANEF_TEXTE_GUIDE": p["texte"]},
                   couvert=p["covered"]) for p in planned], without


def select(mutants: list[Mutant], guides: list[str], names: list[str], sample: bool) -> list[Mutant]:
    unknown = set(names) - {m.name for m in mutants}
    if unknown:
        raise SystemExit(f"mutant(s) inconnu(s) : {', '.join(sorted(unknown))}")
    chosen = [m for m in mutants
              if (not guides or any(m.guide == g or m.guide.startswith(g.zfill(2)) for g in guides))
              and (not names or m.name in names) and (not sample or m.echantillon)]
    if not chosen:
        raise SystemExit("aucun mutant ne correspond à cette sélection")
    return chosen


def run_pytest(args: list[str], faults: str, timeout: float, output: Path,
               extra: dict[str, str] | None = None) -> tuple[int | None, str]:
    """One pytest process on the selection, ANEF_FAULTS set; returns (exit code or None on timeout, output)."""
    env = {**os.environ, **(extra or {}), "ANEF_FAULTS": faults, "COLUMNS": "300"}  # wide: the summary keeps the message
    command = [sys.executable, "-m", "pytest", *PYTEST_ARGS, f"--output={output}", *args]
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return None, out
    return done.returncode, done.stdout + done.stderr


def _first_failure(out: str) -> str:
    """The first failing test (its name, not its path) and the start of its message."""
    found = re.search(r"^(?:FAILED|ERROR) \S*?([^:/\s]+(?:\[[^\]]*\])?)(?: - (.*))?$", out, re.MULTILINE)
    if not found:
        return (out.strip().splitlines() or [""])[-1][:200]
    message = found.group(2) or next(iter(re.findall(r"^E +(\S.*)$", out, re.MULTILINE)), "")
    return f"{found.group(1)[:90]} : {message[:160]}"


def judge(mutant: Mutant, timeout: float, baseline: bool, output: Path) -> Outcome:
    start = time.monotonic()
    if not mutant.couvert:
        return Outcome(mutant, "survivant", 0.0, f"aucun scénario ne porte @{mutant.tuer[-1]} : ce texte n'est vérifié nulle part")
    if baseline:
        code, out = run_pytest(mutant.tuer, "", timeout, output)
        if code != 0:
            return Outcome(mutant, "erreur", time.monotonic() - start,
                           f"la sélection ne passe pas sur le portail conforme (code {code}) : {_first_failure(out)}")
    code, out = run_pytest(mutant.tuer, mutant.faute, timeout, output, mutant.env)
    seconds = time.monotonic() - start
    if code == 1 and any(sign in out for sign in NOT_A_KILL):
        return Outcome(mutant, "erreur", seconds, f"le portail n'a pas démarré : {_first_failure(out)}")
    if code == 1:
        return Outcome(mutant, "tué", seconds, _first_failure(out))
    if code == 0:
        return Outcome(mutant, "survivant", seconds, "la sélection passe sur le mutant")
    reason = f"délai de {timeout:.0f} s dépassé" if code is None else f"pytest a fini avec le code {code}"
    return Outcome(mutant, "erreur", seconds, f"{reason} : {_first_failure(out)}")


def report(outcomes: list[Outcome], without: list[dict[str, str]] | None = None) -> str:
    killed = [o for o in outcomes if o.verdict == "tué"]
    lines = [f"Score de mutation : {len(killed)}/{len(outcomes)} mutants tués "
             f"({100 * len(killed) / len(outcomes):.1f} %)"]
    for family, test in (("règles et champs (mutants/catalogue.yaml)", lambda o: not o.mutant.name.startswith("texte:")),
                         ("textes des guides (un par exigence normative)", lambda o: o.mutant.name.startswith("texte:"))):
        part = [o for o in outcomes if test(o)]
        if part and len(part) < len(outcomes):
            lines.append(f"  dont {family} : {sum(o.verdict == 'tué' for o in part)}/{len(part)}")
    for verdict, title in (("survivant", "Survivants"), ("erreur", "En erreur (ni tués ni survivants)")):
        rest = [o for o in outcomes if o.verdict == verdict]
        if rest:
            lines.append(f"{title} :")
            lines += [f"  - {o.mutant.name} (guide {o.mutant.guide}, {o.mutant.regle}) : {o.detail}" for o in rest]
    if without:
        lines.append("Exigences normatives (règle, champ, courriel) sans mutant : le portail ne tient pas leur texte tel "
                     "quel (un champ montré avec sa valeur, une légende de capture) et aucun mutant ne les nomme :")
        lines += [f"  - {e['id']} : « {str(e['texte'])[:80]} »" for e in without]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guide", action="append", default=[], help="01..05, simulateur or maison (repeatable)")
    parser.add_argument("--mutant", action="append", default=[], help="a mutant's name (repeatable)")
    parser.add_argument("--echantillon", action="store_true", help="only the sample that make test runs")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    family = parser.add_mutually_exclusive_group()
    family.add_argument("--textes", action="store_true", help="only the text mutants (one per normative text)")
    family.add_argument("--sans-textes", action="store_true", help="only the mutants of mutants/catalogue.yaml")
    parser.add_argument("--baseline", action="store_true",
                        help="first run each selection on the conformant portal (it must pass)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per pytest run (default 900)")
    parser.add_argument("--fail-under", type=float, default=0.0, metavar="PCT",
                        help="exit 1 when the score is below PCT %% (default 0: report only)")
    args = parser.parse_args(argv)

    from fake_anef.faults import FAULTS  # the fault modes the portal knows

    mutants = load()
    bad = sorted({m.faute for m in mutants} - FAULTS.keys())
    if bad:
        raise SystemExit(f"{CATALOGUE}: mode(s) de faute inconnu(s) : {', '.join(bad)}")
    texts, without = text_mutants(mutants)
    if args.textes:
        mutants = texts
    elif not args.sans_textes and not args.echantillon:
        mutants = mutants + texts
    chosen = select(mutants, args.guide, args.mutant, args.echantillon)
    if args.list:
        for m in chosen:
            print(f"{m.name:32} guide {m.guide:10} {' '.join(m.tuer)}")
        return 0
    without = sorted(FAULTS.keys() - {m.faute for m in mutants})
    if without and not (args.guide or args.mutant or args.echantillon):
        print(f"Modes de faute sans mutant au catalogue : {', '.join(without)}")
    output = ROOT / "reports" / "mutation"
    outcomes = []
    for i, mutant in enumerate(chosen, 1):
        print(f"[{i}/{len(chosen)}] {mutant.name} …", end=" ", flush=True)
        outcome = judge(mutant, args.timeout, args.baseline, output)
        print(f"{outcome.verdict} ({outcome.seconds:.0f} s) {outcome.detail}", flush=True)
        outcomes.append(outcome)
    whole = not (args.guide or args.mutant or args.echantillon or args.sans_textes)
    text = report(outcomes, without if whole else None)
    print(text)
    score = 100 * sum(o.verdict == "tué" for o in outcomes) / len(outcomes)
    return 1 if score < args.fail_under else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
