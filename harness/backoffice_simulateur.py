"""The `simulateur-api` back-office: the agent's actions through the simulator's operator API, no
browser. Registered under the entry-point group anef.backoffice (pyproject.toml), like a vendor's
plugin, so the plugin door is used by a real entry point."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .backoffice import BackOfficeConfig, BackOfficeRefused, _fold, _titre, motif_code
from .operator import OperatorAPI


class OperatorBackOffice:
    """The same actions through the simulator's operator API (/__sim__/), for runs that do not watch
    the agent. Shipped as the plugin "simulateur-api" (entry point group anef.backoffice), so the
    plugin door is used by a real entry point."""

    name = "simulateur-api"
    attested = False

    def __init__(self, config: BackOfficeConfig) -> None:
        if not config.operator_url:
            raise RuntimeError("le back-office « simulateur-api » a besoin de l'API opérateur du simulateur "
                               "(--operator-api) ; la cible n'en a pas")
        self.api = OperatorAPI(config.operator_url, timeout=config.timeout_s)

    def _do(self, act: Callable[[], Any]) -> None:
        try:
            act()
        except AssertionError as exc:
            raise BackOfficeRefused(f"le simulateur refuse l'action : {exc}") from exc

    def start_instruction(self, numero_demande: str) -> None:
        self._do(lambda: self.api.start_instruction(numero_demande))

    def ask_complement(self, numero_demande: str, motifs: Mapping[str, str], observations: str | Mapping[str, str]) -> None:
        codes = {_titre(title): motif_code(motif) for title, motif in motifs.items()}
        texts = observations if isinstance(observations, str) else {_titre(t): o for t, o in observations.items()}
        self._do(lambda: self.api.ask_complement(numero_demande, codes, texts))

    def close_incomplete(self, numero_demande: str) -> None:
        self._do(lambda: self.api.close_incomplete(numero_demande))

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        self._do(lambda: self.api.decide_favorably(numero_demande, debut, fin, taxe))

    def mark_available(self, numero_demande: str) -> None:
        self._do(lambda: self.api.mark_available(numero_demande))

    def deliver_attestation(self, numero_demande: str, titre: str) -> None:
        self._do(lambda: self.api.deliver_attestation(numero_demande, titre))

    def expect_on_demande(self, numero_demande: str, texts: list[str]) -> None:
        """What the agent's page says, read as data (GET /__sim__/demandes/{numero})."""
        seen = _flatten(self.api.demande(numero_demande))
        missing = [t for t in texts if _fold(t) not in _fold(seen)]
        if missing:
            raise AssertionError(f"la demande n° {numero_demande}, côté agent, ne montre pas {missing} : {seen}")

    def close(self) -> None:
        self.api.close()


def _flatten(value: Any) -> str:
    """Every string of a JSON value, one text."""
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value)
    return "" if value is None else str(value)
