"""What an agent does with a deposited demande, shared by the agent's pages (/agent) and the
operator API (/__sim__): one implementation, two doors (a domain module, beside demandes.py)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import anyio.to_thread
from sqlalchemy import select

from . import texts
from .demandes import ATTESTATIONS_STATE, DECISION, DECISION_STATE, DEPOSEE, DISPONIBLE, INSTRUCTION, Demandes
from .documents.attestation import titre_delivre
from .engine.definition import Definition, by_id
from .engine.wizard import Wizard
from .portal import Portal
from .store import Compte, Demande, Notification


class DemandeInconnue(Exception):
    pass


class EtatInvalide(Exception):
    pass


def identite_of(p: Portal, procedure: str, data: Any) -> dict[str, Any]:
    """The applicant's identity as the demande holds it (the definition's `identite` names the fields)."""
    definition = _definition(procedure)
    variables = Wizard(definition, p.clock.today()).variables(data)

    def first(key: str) -> Any:
        value = variables.get(definition.identite[key])
        return value[0] if isinstance(value, list) else value

    return {"nom": first("nom") or "", "prenom": first("prenom") or "",
            "date_naissance": first("date_naissance"), "pays_naissance": first("pays_naissance") or "",
            "nationalite": first("nationalite") or "", "sexe": first("sexe")}


async def start_instruction(p: Portal, numero_demande: str, lien_connexion: str) -> str:
    """The instruction of a deposited demande starts: a numéro étranger is assigned and the
    definitive account is created; its mail gives the Identifiant and a "Mot de passe provisoire"
    (guide 02 "INSTRUCTION DE LA DEMANDE", étape 1). An applicant who has a numéro already keeps it
    and gets no mail. Returns the numéro étranger."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)

    def start() -> tuple[dict[str, Any], str | None, str, str]:
        with p.store.session() as s:
            demande = demandes.by_numero(s, numero_demande)
            if demande is None:
                raise DemandeInconnue(numero_demande)
            if demande.etat != DEPOSEE:
                raise EtatInvalide(demande.etat)
            identite = identite_of(p, demande.procedure, demandes.data(demande))
            compte, password = demandes.start_instruction(s, demande, p.accounts, identite)
            return identite, password, demande.numero_etranger or "", compte.email

    # in a worker thread: the temporary password's argon2 hash (about 50 ms) would stall every page
    identite, password, numero, email = await anyio.to_thread.run_sync(start)
    if password is not None:  # a new account: its mail (an applicant with a numéro keeps theirs)
        await p.send_mail(email, "compte_cree", nom=f"{identite['nom'].upper()} {identite['prenom']}",
                        identifiant=numero, mot_de_passe=password, lien=lien_connexion)
    p.journal("instruction", numero_demande=numero_demande, numero_etranger=numero)
    return numero


class Invalide(Exception):
    """Bad input for an action: {field: French message}."""

    def __init__(self, erreurs: dict[str, str]) -> None:
        super().__init__(erreurs)
        self.erreurs = erreurs


def _etat_requis(demande: Demande | None, etat: str) -> Demande:
    """The demande, when there is one and it is in state `etat`."""
    if demande is None:
        raise DemandeInconnue()
    if demande.etat != etat:
        raise EtatInvalide(demande.etat)
    return demande


def _definition(procedure: str) -> Definition:
    """The definition of a demande's procedure (a demande of a procedure no longer bundled is unknown)."""
    definition = by_id(procedure)
    if definition is None:
        raise DemandeInconnue(procedure)
    return definition


def _notify(p: Portal, s: Any, demande: Any, kind: str, contenu: dict[str, Any], lien: str,
            titre: str | None = None) -> str:
    s.add(Notification(demande_id=demande.id, kind=kind, titre=titre or texts.NOTIFICATIONS[kind], contenu=contenu,
                       created_at=p.clock.now()))
    compte = s.get(Compte, demande.compte_id)
    return compte.email if compte else ""


def justificatif_id(definition: Any, key: str) -> str:
    """A justificatif named by its id or by its title as the applicant's pages write it ("Justificatif
    de domicile", the required mark "*", accents and case aside; the start of one title only, e.g.
    "Justificatif de domicile" for "… datant de moins de 6 mois *"): the operator API takes either."""
    if key in definition.justificatifs:
        return key
    wanted = _titre_plie(key)
    titres = {jid: _titre_plie(j.page.titre) for jid, j in definition.justificatifs.items()}
    exact = [jid for jid, titre in titres.items() if titre == wanted]
    debut = [jid for jid, titre in titres.items() if wanted and titre.startswith(wanted + " ")]
    return exact[0] if exact else debut[0] if len(debut) == 1 else key


def _titre_plie(titre: str) -> str:
    decomposed = unicodedata.normalize("NFKD", titre.strip().rstrip(":").strip().rstrip("*"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


async def ask_complement(p: Portal, numero_demande: str, motifs: dict[str, str], observations: str | dict[str, str],
                         lien: str) -> None:
    """A demande de complément: {justificatif id: "illisible"|"invalide"|"manquant"} and the agent's
    observations, per document as guides 02-04 show them ("Observations :" under each document):
    {justificatif id or title: text}, or one text for every document. The applicant gets a
    notification and its mail."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = _etat_requis(demandes.by_numero(s, numero_demande), INSTRUCTION)
        definition = _definition(demande.procedure)
        chosen = {justificatif_id(definition, j): m for j, m in motifs.items() if m}
        unknown = [j for j, m in chosen.items() if j not in definition.justificatifs or m not in texts.AGENT["motifs"]]
        if not chosen or unknown:
            raise Invalide({"justificatifs": texts.AGENT["choisir_justificatif"]})
        if isinstance(observations, str):
            par_document = {jid: observations for jid in chosen}
        else:
            given = {justificatif_id(definition, k): v for k, v in observations.items()}
            par_document = {jid: given.get(jid, "") for jid in chosen}
        email = _notify(p, s, demande, "complement", {"motifs": chosen, "observations": par_document}, lien)
    await p.send_mail(email, "notification", lien=lien)
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
        demande = _etat_requis(demandes.by_numero(s, numero_demande), INSTRUCTION)
        if erreurs:
            raise Invalide(erreurs)
        decision = {"date_debut": dates["date_debut"].isoformat(), "date_fin": dates["date_fin"].isoformat(),
                    "taxe": montant, "date_decision": p.clock.today().isoformat()}
        definition = by_id(demande.procedure)
        adf = definition.attestations_emises("decision") if definition else ()
        if definition is not None and adf:  # the card granted, as the definition words it for this applicant
            variables = Wizard(definition, p.clock.today()).variables(demandes.data(demande))
            decision["nature"], decision["mention"] = titre_delivre(adf[0], variables, p.clock.today())
        demandes.set_state(demande, DECISION_STATE, decision)
        demande.etat = DECISION
        email = _notify(p, s, demande, "decision", decision, lien)
    await p.send_mail(email, "notification", lien=lien)
    p.journal("decision", numero_demande=numero_demande, **decision)


async def issue_attestation(p: Portal, numero_demande: str, attestation_id: str, lien: str) -> None:
    """The service instructeur issues an attestation the definition declares `emise: instruction`
    (guide 01 FAQ 7 and 15: the ADP, "générée par le service instructeur dès que celui-ci aura pris
    connaissance de votre demande", "accessible dans votre espace personnel"): a notification with
    "TELECHARGER LE DOCUMENT", and its mail. Issued again, it is a new document of that day."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = _etat_requis(demandes.by_numero(s, numero_demande), INSTRUCTION)
        definition = by_id(demande.procedure)
        attestation = next((a for a in definition.attestations_emises("instruction")
                            if attestation_id in (a.id, a.lien)), None) if definition else None
        if attestation is None:
            raise Invalide({"attestation": texts.AGENT["attestation_inconnue"]})
        issued = dict((demande.donnees or {}).get(ATTESTATIONS_STATE) or {})
        issued[attestation.id] = p.clock.today().isoformat()
        demandes.set_state(demande, ATTESTATIONS_STATE, issued)
        demandes.document_path(demande, attestation.id).unlink(missing_ok=True)
        email = _notify(p, s, demande, "attestation", {"document": attestation.id}, lien, titre=attestation.lien)
    await p.send_mail(email, "notification", lien=lien)
    p.journal("attestation_delivree", numero_demande=numero_demande, attestation=attestation_id)


def mark_available(p: Portal, numero_demande: str) -> None:
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = _etat_requis(demandes.by_numero(s, numero_demande), DECISION)
        demande.etat = DISPONIBLE
        demande.updated_at = p.clock.now()
    p.journal("titre_disponible", numero_demande=numero_demande)


def echanges_of(s: Any, definition: Any, demande: Any, noms: dict[int, str]) -> list[dict[str, Any]]:
    """The notifications sent on a demande and the applicant's answers, as the agent reads them
    (`noms`: the joined files' names by id)."""
    titres = {j.id: j.page.titre for j in definition.justificatifs.values()}
    return [{
        "titre": n.titre, "date": f"{n.created_at:%d/%m/%Y %H:%M}",
        "lue": f"{n.lue_at:%d/%m/%Y %H:%M}" if n.lue_at else None,
        "repondue": f"{n.repondue_at:%d/%m/%Y %H:%M}" if n.repondue_at else None,
        "message": n.contenu.get("message", ""),
        "reponses": [{"titre": titres.get(jid, jid), "choix": texts.MES_NOTIFICATIONS[r["choix"]],
                      "raisons": r.get("raisons", ""), "piece": r.get("piece"), "nom": noms.get(r.get("piece"), ""),
                      "fichiers": [(pid, noms.get(pid, "")) for pid in r.get("pieces", [])[1:]],
                      "message": r.get("message", "")}
                     for jid, r in (n.contenu.get("reponse") or {}).items()],
    } for n in s.scalars(select(Notification).where(Notification.demande_id == demande.id).order_by(Notification.id))]


def vue_agent(p: Portal, numero_demande: str) -> dict[str, Any]:
    """What the agent's page of a deposited demande says, as data (the operator API's GET)."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        definition = by_id(demande.procedure) if demande is not None else None
        if demande is None or definition is None or demande.etat == "brouillon":
            raise DemandeInconnue(numero_demande)
        pieces = demandes.pieces(s, demande)
        return {"numero": demande.numero, "etat": texts.ETATS_DEMANDE.get(demande.etat, demande.etat),
                "numero_etranger": demande.numero_etranger,
                "justificatifs": [{"titre": definition.justificatifs[r.justificatif].page.titre
                                   if r.justificatif in definition.justificatifs else r.justificatif, "fichier": r.nom}
                                  for r in pieces],
                "notifications": echanges_of(s, definition, demande, {r.id: r.nom for r in pieces})}
