"""The `manuel` back-office: the operator acts on the target's back-office and confirms (Enter on
the terminal or a confirmation file); each action is recorded as operator-attested. Its terminal and
file waits are reused by the manual reference data (harness.referentiel)."""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .backoffice import MOTIFS, BackOfficeRefused, _fold, _jjmmaaaa, _titre, motif_code


class ManualTimeout(AssertionError):
    pass


@dataclass
class Attestation:
    numero_demande: str
    action: str  # what the operator was asked to do, in French
    confirmed_at: datetime
    how: str  # "Entrée" | the confirmation file


class Manual:
    """Asks the operator to act on the target's back-office and waits for their word: Enter on the
    terminal (when there is one) or the confirmation file it names, whichever comes first. A refusal
    is reported the same way (« refus : … » typed, or the file `<n>.ko` holding the target's
    message). Nobody within `timeout` seconds: the action fails, unattested."""

    name = "manuel"
    attested = True

    def __init__(self, *, say: Callable[[str], None], record: Callable[[Attestation], None], folder: Path,
                 timeout: float = 900.0, tty: bool | None = None, numbering: Callable[[], int] | None = None,
                 poll: float = 0.2) -> None:
        self.say = say
        self.record = record
        self.folder = folder
        self.timeout = timeout
        self.tty = tty
        self.poll = poll
        self._count = 0
        self._numbering = numbering
        self.attestations: list[Attestation] = []

    def _next(self) -> int:
        if self._numbering is not None:
            return self._numbering()
        self._count += 1
        return self._count

    def _ask(self, numero_demande: str, action: str, details: Sequence[str] = ()) -> None:
        n = self._next()
        self.folder.mkdir(parents=True, exist_ok=True)
        ok, ko = self.folder / f"{n}.ok", self.folder / f"{n}.ko"
        for stale in (ok, ko):
            stale.unlink(missing_ok=True)
        tty = _open_tty() if self.tty is not False else None
        lines = [
            "",
            f"══ Back-office : action n° {n} à faire par l'opérateur ══",
            f"Sur le back-office de la cible, demande n° {numero_demande} :",
            f"  {action}",
            *(f"    {d}" for d in details),
            "Quand c'est fait : " + ("appuyez sur Entrée ici, ou " if tty is not None else "") + f"créez le fichier {ok}",
            "Si la cible refuse (ou ne montre pas ce qui est dit) : "
            + ("tapez « refus : <son message> » puis Entrée, ou " if tty is not None else "") + f"écrivez son message dans {ko}",
            f"Délai : {self.timeout:g} s (--manual-timeout).",
        ]
        self.say("\n".join(lines))
        try:
            how = self._wait(ok, ko, tty, f"« {action} » sur la demande n° {numero_demande}")
        finally:
            if tty is not None:
                os.close(tty)
        attestation = Attestation(numero_demande, action, datetime.now().astimezone(), how)
        self.attestations.append(attestation)
        self.record(attestation)

    def _wait(self, ok: Path, ko: Path, tty: int | None, what: str) -> str:
        deadline = time.monotonic() + self.timeout
        empty_since: float | None = None
        while True:
            if ok.exists():
                return str(ok)
            if ko.exists():
                # the file may be seen between its creation and its writing: give the words a moment
                message = ko.read_text(encoding="utf-8").strip()
                empty_since = empty_since or time.monotonic()
                if message or time.monotonic() - empty_since > 2:
                    raise BackOfficeRefused(f"l'opérateur signale un refus de la cible : {message or '(sans message)'}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ManualTimeout(f"Personne n'a confirmé l'action {what} sur le back-office en {self.timeout:g} s "
                                    f"(--manual-timeout) : l'action n'est pas attestée, le scénario échoue. "
                                    f"Confirmation attendue : {'Entrée ou ' if tty is not None else ''}le fichier {ok}.")
            # wait on the terminal when there is one, else on the clock, a short while, then look again
            if tty is not None:
                ready, _, _ = select.select([tty], [], [], min(self.poll, remaining))
                if ready:
                    line = os.read(tty, 4096).decode(errors="replace").strip()
                    if _fold(line).startswith("refus"):
                        message = line.split(":", 1)[1].strip() if ":" in line else line
                        raise BackOfficeRefused(f"l'opérateur signale un refus de la cible : {message}")
                    return "Entrée"
            else:
                _pause(min(self.poll, remaining))

    def start_instruction(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Démarrez l'instruction de la demande.",
                  ["(le demandeur doit recevoir le courriel de création de son compte)"])

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str | Mapping[str, str]) -> None:
        details = [f"« {_titre(title)} » : les documents {MOTIFS[motif_code(motif)]}"
                   + ("" if isinstance(observations, str) else f" ; observations : « {observations.get(title, '')} »")
                   for title, motif in motifs.items()]
        if isinstance(observations, str):
            details.append(f"Observations : « {observations} »")
        self._ask(numero_demande, "Envoyez une demande de complément au demandeur :", details)

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        self._ask(numero_demande, "Prenez la décision favorable :",
                  [f"carte valable du {_jjmmaaaa(debut)} au {_jjmmaaaa(fin)}", f"montant de la taxe : {taxe} euros"])

    def mark_available(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Marquez le titre de séjour disponible.")

    def close_incomplete(self, numero_demande: str) -> None:
        self._ask(numero_demande, "Clôturez la demande : le complément demandé n'a pas été apporté dans le délai de 30 jours.",
                  ["(si la cible refuse, parce que le délai n'est pas écoulé, répondez « refus : » et son message)"])

    def deliver_attestation(self, numero_demande: str, titre: str) -> None:
        self._ask(numero_demande, f"Délivrez au demandeur l'attestation « {titre} ».")

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None:
        self._ask(numero_demande, "Vérifiez que la page de la demande, côté agent, affiche :",
                  [f"« {text} »" for text in texts])

    def close(self) -> None:
        pass


def _open_tty() -> int | None:
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | os.O_NOCTTY)
    except OSError:
        return None
    if not os.isatty(fd):
        os.close(fd)
        return None
    return fd


def _pause(seconds: float) -> None:
    # waiting on nothing but the clock between two looks at the confirmation file
    select.select([], [], [], seconds)
