"""The agent's side of a journey: start the instruction, ask for a complément, decide favourably,
mark the title available. Steps call one `BackOffice`; which one acts is the target's business:

- `AgentPages` ("agent", harness.backoffice_agent): the bundled portal's (or any simulator's) agent
  pages, in a second browser context next to the applicant's, found by their wording like every
  other page;
- a plugin ("simulateur-api" is one, shipped here: harness.backoffice_simulateur): a class registered
  under the entry-point group `anef.backoffice`, built with a `BackOfficeConfig`;
- `Manual` ("manuel", harness.backoffice_manuel): tells the operator, in French, what to do on the
  target's back-office and waits for their confirmation; the report says the action is
  operator-attested.

This module is the seam they share: the protocol, the config a plugin is built with, the refusal,
the motifs' words, and how `--backoffice` picks and loads an adapter. The applicant learns what the
agent did from their mails and pages, never from the adapter: no method returns anything (the
numéro étranger is read in the applicant's mail)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

ENTRY_POINT_GROUP = "anef.backoffice"
BUILTIN = ("agent", "manuel")

# The reasons of a demande de complément, as the guides word them on the applicant's side
# ("Les documents mentionnés ci-dessous ne sont pas lisibles :"), keyed by the codes steps use.
MOTIFS = {"illisible": "ne sont pas lisibles", "invalide": "ne sont pas valides", "manquant": "sont manquants"}


@runtime_checkable
class BackOffice(Protocol):
    name: str  # "agent" | "manuel" | the plugin's name, shown in the report
    attested: bool  # True when a human operator attested the actions (manual adapter)

    def start_instruction(self, numero_demande: str) -> None: ...

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str) -> None: ...

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None: ...

    def mark_available(self, numero_demande: str) -> None: ...

    def close(self) -> None: ...


class ReadsAndIssues(Protocol):
    """What an adapter may offer besides (steps that need it fail, naming the method, without it)."""

    def deliver_attestation(self, numero_demande: str, titre: str) -> None: ...

    # the demande closed, its complément not given within 30 days (fake_anef/delai.py)
    def close_incomplete(self, numero_demande: str) -> None: ...
        # an attestation the service instructeur issues (guide 01 FAQ 15: the ADP), by its title

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None: ...
        # the agent's page of the demande shows each of `texts` (e.g. the applicant's answer)


@dataclass(frozen=True)
class BackOfficeConfig:
    """What an adapter is built with (a plugin's constructor receives exactly this)."""

    base_url: str  # the portal's home page
    mailbox_url: str  # the mailbox read API
    operator_url: str | None  # the simulator's operator API, None elsewhere
    agent_url: str  # the back-office's entry page (--agent-url)
    agent_login: str  # --agent-login / ANEF_AGENT_LOGIN
    agent_password: str  # --agent-password / ANEF_AGENT_PASSWORD
    timeout_s: float = 15.0  # how long one page or request may take (ANEF_UI_TIMEOUT_MS)
    reports_dir: Path = Path("reports")
    options: Mapping[str, str] = field(default_factory=dict)  # --backoffice-option KEY=VALUE, for plugins


class BackOfficeRefused(AssertionError):
    """The target refused the agent's action; the message is the target's."""


def motif_code(motif: str) -> str:
    """"illisible" | "invalide" | "manquant", also given in the guides' words ("ne sont pas lisibles")."""
    folded = _fold(motif)
    for code, words in MOTIFS.items():
        if folded in (code, _fold(words)):
            return code
    raise ValueError(f"motif inconnu « {motif} » : {', '.join(MOTIFS)} (ou {', '.join(MOTIFS.values())})")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _titre(title: str) -> str:
    """A justificatif's title without the page's required mark: "Justificatif de nationalité *"."""
    return title.strip().rstrip(":").strip().rstrip("*").strip()


def _jjmmaaaa(value: date) -> str:
    return f"{value:%d/%m/%Y}"


# Choosing and loading ----------------------------------------------------------------------------
def available_plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str, config: BackOfficeConfig) -> BackOffice:
    """The adapter registered as `name` in the entry-point group anef.backoffice, built with `config`."""
    plugins = available_plugins()
    if name not in plugins:
        known = ", ".join(sorted([*BUILTIN, *plugins])) or "aucun"
        raise LookupError(f"aucun back-office « {name} » (groupe d'entry points {ENTRY_POINT_GROUP}) ; "
                          f"disponibles : {known}. Un greffon s'installe avec son paquet (pip install …).")
    factory = plugins[name].load()
    adapter: BackOffice = factory(config)
    missing = [m for m in ("start_instruction", "ask_complement", "decide_favorably", "mark_available", "close")
               if not callable(getattr(adapter, m, None))]
    if missing:
        raise TypeError(f"le back-office « {name} » n'implémente pas : {', '.join(missing)}")
    if not getattr(adapter, "name", None):
        adapter.name = name
    if not hasattr(adapter, "attested"):
        adapter.attested = False
    return adapter


NO_BACKOFFICE = ("la cible n'est ni le portail intégré ni un simulateur : aucun back-office automatique. "
                 "Passez --backoffice manuel (l'opérateur agit et confirme) ou le nom d'un greffon "
                 f"(groupe d'entry points {ENTRY_POINT_GROUP})")


def choose(option: str, *, simulator: bool) -> str | None:
    """Which adapter `--backoffice option` means for a target: "agent", "manuel", a plugin name, or
    None (auto against a target that is not a simulator: back-office scenarios are skipped)."""
    option = (option or "auto").strip()
    if option == "auto":
        return "agent" if simulator else None
    return option


def agent_url(base_url: str, option: str | None) -> str:
    return option or f"{base_url.rstrip('/')}/agent"
