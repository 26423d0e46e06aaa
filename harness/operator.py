"""Client of the simulator's operator API (/__sim__/): reference data and the clock. A vendor's
deployment has none: the steps reach reference data and the clock through adapters
(harness.referentiel, harness.horloge), of which this API is one ("simulateur-api")."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx


class OperatorAPI:
    def __init__(self, url: str, timeout: float = 15) -> None:
        self.url = url.rstrip("/")
        self._client = httpx.Client(timeout=timeout)

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        response = self._client.post(f"{self.url}{path}", json=payload)
        if response.status_code >= 400:
            raise AssertionError(f"API opérateur {path} : {response.status_code} {response.text}")
        answer: dict[str, Any] = response.json()
        return answer

    def register_identite(self, *, numero_etranger: str, nom: str, prenom: str, date_naissance: date,
                          pays_naissance: str, nationalite: str, sexe: str | None = None,
                          adresse: dict[str, str] | None = None) -> None:
        """`adresse`: the postal address the administration holds ({numero, voie, complement,
        code_postal, ville, pays, code_insee}), pre-filled where a guide has the user check it."""
        self._post("/identites", {
            "numero_etranger": numero_etranger, "nom": nom, "prenom": prenom,
            "date_naissance": date_naissance.isoformat(), "pays_naissance": pays_naissance,
            "nationalite": nationalite, "sexe": sexe, **({"adresse": adresse} if adresse else {}),
        })

    def register_titre(self, *, numero: str, kind: str, numero_etranger: str, date_debut: date, date_fin: date,
                       categorie: str = "", mention: str = "") -> None:
        self._post("/titres", {
            "numero": numero, "kind": kind, "numero_etranger": numero_etranger, "categorie": categorie,
            "mention": mention, "date_debut": date_debut.isoformat(), "date_fin": date_fin.isoformat(),
        })

    def create_account(self, *, email: str, mot_de_passe: str, numero_etranger: str | None = None) -> str:
        """An account already open and its password set (path a without `numero_etranger`, paths
        b/c with it); returns its identifiant. A precondition set up the fast way (issue 19)."""
        payload = {"email": email, "mot_de_passe": mot_de_passe, "numero_etranger": numero_etranger}
        return str(self._post("/comptes", payload)["identifiant"])

    def account(self, identifiant: str) -> dict[str, Any]:
        """The account as the portal holds it (no password): identifiant, e-mail, kind, active…"""
        from urllib.parse import quote

        response = self._client.get(f"{self.url}/comptes/{quote(identifiant, safe='')}")
        if response.status_code >= 400:
            raise AssertionError(f"API opérateur /comptes/{identifiant} : {response.status_code} {response.text}")
        return dict(response.json())

    def advance_clock(self, hours: float) -> None:
        self._post("/clock", {"advance_hours": hours})

    def reset_clock(self) -> None:
        self._client.delete(f"{self.url}/clock").raise_for_status()

    def close(self) -> None:
        self._client.close()

    def start_instruction(self, numero_demande: str) -> str:
        """Instruction of a deposited demande begins: the simulator assigns a numéro étranger and
        mails the definitive account (guide 02 "INSTRUCTION DE LA DEMANDE"). Returns the numéro."""
        return str(self._post(f"/demandes/{numero_demande}/instruction", {})["numero_etranger"])

    def close_incomplete(self, numero_demande: str) -> None:
        """The demande closed for want of the complément, once its 30-day délai has passed."""
        self._post(f"/demandes/{numero_demande}/cloture", {})

    def ask_complement(self, numero_demande: str, motifs: dict[str, str], observations: str | dict[str, str] = "") -> None:
        """A "Demande de complément" notification and its mail: {justificatif id or title as the
        applicant's pages write it: "illisible" | "invalide" | "manquant"}."""
        self._post(f"/demandes/{numero_demande}/complement", {"motifs": dict(motifs), "observations": observations if isinstance(observations, str) else dict(observations)})

    def decide_favorably(self, numero_demande: str, debut: date, fin: date, taxe: str) -> None:
        """The favourable decision: the new card's validity and the taxe (euros)."""
        self._post(f"/demandes/{numero_demande}/decision", {
            "date_debut": debut.isoformat(), "date_fin": fin.isoformat(), "taxe": str(taxe)})

    def mark_available(self, numero_demande: str) -> None:
        self._post(f"/demandes/{numero_demande}/titre-disponible", {})

    def deliver_attestation(self, numero_demande: str, attestation: str) -> None:
        """An attestation issued during the instruction (its id or title, e.g. the ADP), notified."""
        from urllib.parse import quote

        self._post(f"/demandes/{numero_demande}/attestations/{quote(attestation, safe='')}", {})

    def demande(self, numero_demande: str) -> dict[str, Any]:
        """The agent's view of a demande: state, numéro étranger, files, notifications and answers."""
        response = self._client.get(f"{self.url}/demandes/{numero_demande}")
        if response.status_code >= 400:
            raise AssertionError(f"API opérateur /demandes/{numero_demande} : {response.status_code} {response.text}")
        answer: dict[str, Any] = response.json()
        return answer
