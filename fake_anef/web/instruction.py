"""What an agent does with a deposited demande, shared by the agent's pages (/agent) and the
operator API (/__sim__): one implementation, two doors."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .. import texts
from ..demandes import DECISION, DEPOSEE, DISPONIBLE, INSTRUCTION, Demandes
from ..engine.definition import by_id
from ..engine.wizard import Wizard
from ..portal import Portal
from .pages import send_mail


class DemandeInconnue(Exception):
    pass


class EtatInvalide(Exception):
    pass


def identite_of(p: Portal, procedure: str, data: Any) -> dict[str, Any]:
    """The applicant's identity as the demande holds it (the definition's `identite` names the fields)."""
    definition = by_id(procedure)
    variables = Wizard(definition, p.clock.today()).variables(data)  # type: ignore[arg-type]

    def first(key: str) -> Any:
        value = variables.get(definition.identite[key])  # type: ignore[union-attr]
        return value[0] if isinstance(value, list) else value

    return {"nom": first("nom") or "", "prenom": first("prenom") or "",
            "date_naissance": first("date_naissance"), "pays_naissance": first("pays_naissance") or "",
            "nationalite": first("nationalite") or "", "sexe": first("sexe")}


async def start_instruction(p: Portal, numero_demande: str, lien_connexion: str) -> str:
    """The instruction of a deposited demande starts: a numéro étranger is assigned and the
    definitive account is created; its mail gives the Identifiant and a "Mot de passe provisoire"
    (guide 02 "INSTRUCTION DE LA DEMANDE", étape 1). Returns the numéro étranger."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        if demande is None:
            raise DemandeInconnue(numero_demande)
        if demande.etat != DEPOSEE:
            raise EtatInvalide(demande.etat)
        identite = identite_of(p, demande.procedure, demandes.data(demande))
        compte, password = demandes.start_instruction(s, demande, p.accounts, identite)
        numero, email = compte.identifiant, compte.email
    await send_mail(p, email, "compte_cree", nom=f"{identite['nom'].upper()} {identite['prenom']}",
                    identifiant=numero, mot_de_passe=password, lien=lien_connexion)
    p.journal("instruction", numero_demande=numero_demande, numero_etranger=numero)
    return numero


class Invalide(Exception):
    """Bad input for an action: {field: French message}."""

    def __init__(self, erreurs: dict[str, str]) -> None:
        super().__init__(erreurs)
        self.erreurs = erreurs


def _etat_requis(demande: Any, etat: str) -> None:
    if demande is None:
        raise DemandeInconnue()
    if demande.etat != etat:
        raise EtatInvalide(demande.etat)


def _notify(p: Portal, s: Any, demande: Any, kind: str, contenu: dict[str, Any], lien: str) -> str:
    from ..store import Compte, Notification

    s.add(Notification(demande_id=demande.id, kind=kind, titre=texts.NOTIFICATIONS[kind], contenu=contenu,
                       created_at=p.clock.now()))
    compte = s.get(Compte, demande.compte_id)
    return compte.email if compte else ""


async def ask_complement(p: Portal, numero_demande: str, motifs: dict[str, str], observations: str, lien: str) -> None:
    """A demande de complément: {justificatif id: "illisible"|"invalide"|"manquant"} and observations.
    The applicant gets a notification and its mail."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        _etat_requis(demande, INSTRUCTION)
        definition = by_id(demande.procedure)  # type: ignore[union-attr]
        chosen = {j: m for j, m in motifs.items() if m}
        unknown = [j for j, m in chosen.items() if j not in definition.justificatifs or m not in texts.AGENT["motifs"]]  # type: ignore[union-attr]
        if not chosen or unknown:
            raise Invalide({"justificatifs": texts.AGENT["choisir_justificatif"]})
        email = _notify(p, s, demande, "complement", {"motifs": chosen, "observations": observations}, lien)
    await send_mail(p, email, "notification", lien=lien)
    p.journal("complement", numero_demande=numero_demande, motifs=chosen)


def _date_fr(value: str) -> date:
    value = value.strip()
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return date.fromisoformat(value)


async def decide_favorably(p: Portal, numero_demande: str, debut: str, fin: str, taxe: str, lien: str) -> None:
    """The favourable decision: the new card's validity and the taxe; notification and mail."""
    erreurs: dict[str, str] = {}
    dates: dict[str, date] = {}
    for key, value in (("date_debut", debut), ("date_fin", fin)):
        try:
            dates[key] = _date_fr(value)
        except ValueError:
            erreurs[key] = texts.AGENT["date_invalide"]
    if not erreurs and dates["date_fin"] <= dates["date_debut"]:
        erreurs["date_fin"] = texts.AGENT["dates_ordre"]
    montant = taxe.strip().replace(",", ".")
    try:
        if float(montant) < 0:
            raise ValueError(montant)
    except ValueError:
        erreurs["taxe"] = texts.AGENT["taxe_invalide"]
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        _etat_requis(demande, INSTRUCTION)
        if erreurs:
            raise Invalide(erreurs)
        decision = {"date_debut": dates["date_debut"].isoformat(), "date_fin": dates["date_fin"].isoformat(),
                    "taxe": montant, "date_decision": p.clock.today().isoformat()}
        demandes.set_state(demande, "_decision", decision)  # type: ignore[arg-type]
        demande.etat = DECISION  # type: ignore[union-attr]
        email = _notify(p, s, demande, "decision", decision, lien)
    await send_mail(p, email, "notification", lien=lien)
    p.journal("decision", numero_demande=numero_demande, **decision)


def mark_available(p: Portal, numero_demande: str) -> None:
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        _etat_requis(demande, DECISION)
        demande.etat = DISPONIBLE  # type: ignore[union-attr]
        demande.updated_at = p.clock.now()  # type: ignore[union-attr]
    p.journal("titre_disponible", numero_demande=numero_demande)
