"""A demande de complément answered, as guides 02-04 show it ("INSTRUCTION DE LA DEMANDE", étape 4):
per document "Votre réponse * :" "Maintenir le Document" (then, only then, "Veillez préciser les
raisons du maintien du document * :") or "Mettre à jour le Document" (then "Joindre un document",
each joined file listed with its "SUPPRIMER", and "Message à l'agent :"); "Valider et envoyer" sends
the whole answer. A file is joined at once (with JavaScript, on choosing it; without, with "Envoyer
le document") and kept with the notification until the answer is sent; SUPPRIMER takes it back."""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from starlette.datastructures import FormData, UploadFile

from .. import texts
from ..delai import CLOTUREE
from ..demandes import Demandes
from ..engine import pieces as piece_rules
from ..engine import wizard as wz
from ..portal import Portal
from ..store import Demande, Notification

N = texts.MES_NOTIFICATIONS
JOINTS = "joints"  # in the notification's contenu: {justificatif id: [piece ids joined, not yet sent]}


async def read_files(p: Portal, form: FormData) -> dict[str, tuple[str, bytes, str | None]]:
    """The files of the form, read and checked before the transaction: {field: (name, content, problem)}."""
    fichiers: dict[str, tuple[str, bytes, str | None]] = {}
    for key, upload in form.multi_items():
        if key.startswith("fichier-") and isinstance(upload, UploadFile) and upload.filename:
            name = piece_rules.safe_name(upload.filename)
            content = await upload.read(piece_rules.MAX_SIZE + 1)
            problem = await anyio.to_thread.run_sync(piece_rules.content_problem, name, content, len(content),
                                                     p.faults.checks_upload_content)
            fichiers[key] = (name, content, problem)
    return fichiers


def answerable(n: Notification, demande: Demande | None) -> bool:
    return n.kind == "complement" and n.repondue_at is None and demande is not None and demande.etat != CLOTUREE


def handle(p: Portal, s: Any, n: Notification, demande: Demande, saisie: dict[str, str],
           fichiers: dict[str, tuple[str, bytes, str | None]], action: str) -> tuple[dict[str, str], list[Any], bool]:
    """One POST on an open demande de complément: join a file, take one back, or send the answer.
    Returns (errors by field, files to remove once committed, whether the answer was sent)."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    motifs = n.contenu.get("motifs") or {}
    joints: dict[str, list[int]] = {k: list(v) for k, v in (n.contenu.get(JOINTS) or {}).items()}
    erreurs: dict[str, str] = {}
    removed: list[Any] = []

    def join(jid: str) -> bool:
        key = f"fichier-{jid}"
        if key not in fichiers:
            return False
        name, content, problem = fichiers[key]
        if len(joints.get(jid, [])) >= piece_rules.MAX_FILES:
            problem = "fichier_nombre"
        if problem:
            erreurs[key] = wz.error_text(problem, nom=name)
            return False
        joints.setdefault(jid, []).append(demandes.add_piece(s, demande, jid, name, content).id)
        return True

    if action.startswith("joindre:"):
        jid = action.removeprefix("joindre:")
        if jid in motifs and not join(jid) and f"fichier-{jid}" not in erreurs:
            erreurs[f"fichier-{jid}"] = texts.DEMARCHE_ERREURS.get("fichier_absent", N["erreur_fichier"])
    elif action.startswith("supprimer:"):
        jid, _, pid = action.removeprefix("supprimer:").partition(":")
        if pid.isdigit() and int(pid) in joints.get(jid, []):
            path = demandes.delete_piece(s, demande, int(pid))
            if path is not None:
                removed.append(path)
            joints[jid].remove(int(pid))
    else:  # "Valider et envoyer"
        reponse: dict[str, Any] = {}
        for jid in motifs:
            choix = saisie.get(f"reponse-{jid}", "")
            if choix == "maintenir":
                raison = saisie.get(f"raisons-{jid}", "").strip()
                if not raison:
                    erreurs[f"raisons-{jid}"] = N["erreur_raisons"]
                reponse[jid] = {"choix": choix, "raisons": raison}
            elif choix == "mettre_a_jour":
                join(jid)  # a file chosen and not yet joined (no JavaScript) is joined now
                if not joints.get(jid) and f"fichier-{jid}" not in erreurs:
                    erreurs[f"fichier-{jid}"] = N["erreur_fichier"]
                reponse[jid] = {"choix": choix, "pieces": joints.get(jid, []),
                                "piece": next(iter(joints.get(jid) or []), None),
                                "message": saisie.get(f"message-{jid}", "").strip()}
            else:
                erreurs[f"reponse-{jid}"] = N["erreur_reponse"]
        if not erreurs:
            n.contenu = {**n.contenu, JOINTS: {}, "reponse": reponse}  # each document's "Message à l'agent" in it
            n.repondue_at = p.clock.now()
            return erreurs, removed, True
    n.contenu = {**n.contenu, JOINTS: joints}
    return erreurs, removed, False


def documents(n: Notification, titres: dict[str, str], fichiers: dict[str, list[tuple[int, str]]],
              saisie: dict[str, str], faults: Any) -> dict[str, list[dict[str, Any]]]:
    """The documents of a demande de complément grouped by motif, as the page shows them: the files
    of the dépôt, the agent's observations on this document, the files joined in answer, and which
    answer's fields show (the reasons after "Maintenir", the file and message after "Mettre à jour")."""
    observations = n.contenu.get("observations")
    joints = n.contenu.get(JOINTS) or {}
    reponse = n.contenu.get("reponse") or {}
    groupes: dict[str, list[dict[str, Any]]] = {}
    for jid, motif in (n.contenu.get("motifs") or {}).items():
        joined = set(joints.get(jid, [])) | set((reponse.get(jid) or {}).get("pieces", []))
        choix = saisie.get(f"reponse-{jid}") or (reponse.get(jid) or {}).get("choix", "")
        groupes.setdefault(motif, []).append({
            "id": jid, "titre": titres.get(jid, jid),
            "fichiers": [(fid, nom) for fid, nom in fichiers.get(jid, []) if fid not in joined],
            "joints": [(fid, nom) for fid, nom in fichiers.get(jid, []) if fid in joints.get(jid, [])],
            "observations": observations.get(jid, "") if isinstance(observations, dict) else (observations or ""),
            "maintenir": faults.shows_all_complement_fields or choix == "maintenir",
            "mettre_a_jour": faults.shows_all_complement_fields or choix == "mettre_a_jour",
        })
    return groupes
