"""Fault modes: rules the portal can break on purpose (ANEF_FAULTS="name,name"), so that every check
of the harness and every property test is seen to fail on a portal that breaks its rule."""

from __future__ import annotations

FAULTS = {
    "mot_de_passe_sans_special": "a password without a special character is accepted",
    "lien_sans_expiration": "e-mail links never expire",
    "upload_sans_controle_du_contenu": "an upload is not checked by its content (magic bytes): a program named .pdf is joined",
    "ephoto_reutilisable": "an ephoto number already used by another demande is accepted (it moves to the new one)",
    "brouillon_perdu_au_retour": "\"Revenir à l'étape précédente\" empties the step it goes back to",
    "dates_dans_le_desordre": "a date d'entrée or d'union before the birth date is accepted",
    "texte_non_echappe": "what was typed in the wizard is shown back as markup, not escaped",
    "refus_enregistre": "a refused submission of a wizard step is saved all the same",
    "reformule_derives": "every DERIVED text (the simulator's own wording) is reworded (fake_anef/reformulation.py)",
    "fichier_plus_de_10_mo": "a file over 10 Mo is joined (the size limit is not checked)",
    "plus_de_3_fichiers": "a 4th file (and more) is joined to one justificatif",
    "ephoto_21_ou_23_chiffres": "an ephoto number of 21 or 23 digits is accepted (the 22-digit rule off by one)",
    "numero_etranger_sans_longueur": "a numéro étranger of any number of digits is looked up (not 10 only)",
    "texte_guide_modifie": "one text a guide shows is changed: guide 04 §6 \"Demande de création de compte bien enregistrée.\" loses \"bien\"",
}


def check(faults: frozenset[str]) -> frozenset[str]:
    unknown = faults - FAULTS.keys()
    if unknown:
        raise ValueError(f"unknown fault mode(s): {', '.join(sorted(unknown))}; known: {', '.join(FAULTS)}")
    return faults
