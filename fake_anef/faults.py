"""Fault modes: rules the portal can break on purpose (ANEF_FAULTS="name,name"), so that every check
of the harness and every property test is seen to fail on a portal that breaks its rule.

`Faults` is the one object the pages ask ("does this portal keep rule X?"): the broken behaviour is
written here, once, instead of as inline `if "name" in faults` checks in the views. It is still a
frozenset of names, so `"name" in faults` keeps working where a module has not moved to it yet."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from markupsafe import Markup

from .documents.twoddoc import FieldItems, TwoDDocSigner

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
    "texte_guide_choisi": "the guide text named by ANEF_TEXTE_GUIDE is altered wherever the portal holds it (its longest "
                          "word left out; a single word in another case): one mutant per normative text "
                          "(scripts/mutation.py --textes)",
    "salutations_modifiees": "greetings and signatures not as the guides print them: the dépôt mail's name upper-cased "
                             "(guide 03: \"Bonjour Mineur Etranger,\"), the path-c mail's \"Bonjour\" given a comma "
                             "(guides 01 §III, 04 §7), guide 03's decision signed \"…et des Outre-Mer\"",
    "libelles_communs": "guide 03's delete buttons give way to the shared \"SUPPRIMER\" (not \"Supprimer le numéro "
                        "ephoto\", \"SUPPRIMER JUSTIFICATIF.PNG\")",
    "email_chemin_b_guide_01": "path b's e-mail page is titled \"Saisissez votre adresse email\" (guide 01 §II), not "
                               "\"Compléter les renseignements suivants pour accéder à vos services.\" (guide 03 §3)",
    "ecrans_connexion_absents": "guides 01-03's login screens missing (issue 15, point 10): the notification mail's \"Se "
                                "connecter\" leads to the header's login page, not \"Connectez-vous pour accéder à vos "
                                "services\"; the connected header shows the identifiant only, no \"Démarches\" menu; no "
                                "\"Qu'est-ce que FranceConnect ?\" link, no \"?\" help beside the title number",
    "preambule_sans_boutons": "guide 04 §13's préambule loses \"Abandonner la demande\" and \"Quitter et revenir plus tard\"",
    "annexe_sans_pieces_hors_etape": "the downloadable list of pièces leaves out ANNEXE 1's items no step asks for "
                                     "(guide 04 \"Si vous êtes un mineur émancipé\", guide 03 \"Insertion dans la "
                                     "société française\")",
    "visa_non_renouvelable": "the holder of a visa long séjour only (guide 04 §4, Option 2) cannot renew: "
                             "\"Je sollicite le renouvellement de ce titre\" is not offered",
    "inaccessible": "labels in a low-contrast grey and no visible keyboard focus (RGAA 3.2 and 10.7)",
    # The documents (fake_anef/documents) and the mail that carries them:
    "date_naissance_imprimee_fausse": "the documents print the date of birth a day late (their 2D-DOC keeps the right one)",
    "valeur_imprimee_fausse": "the documents print the value named by ANEF_VALEUR_FAUSSE (nom_naissance, prenoms, adresse, "
                              "numero_etranger…) with its last letter or digit changed (their 2D-DOC keeps the right one)",
    "date_depot_imprimee_fausse": "the documents say the dépôt was the day before their DATE D'ÉMISSION",
    "deux_d_doc_sans_autorisation_de_travail": "an attestation's 2D-DOC says NON AUTORISE A TRAVAILLER (6P) while its page says the holder may work",
    "deux_d_doc_nom_usage": "an attestation's 2D-DOC holds the nom de naissance as nom d'usage (63), whatever the page prints",
    "courriel_autre_demande": "the mail of the dépôt carries the confirmation of another demande (the next numéro)",
    "courriel_2d_doc_autre_demande": "the attestation the mail carries has a 2D-DOC naming another demande (6K), its text unchanged",
    "courriel_salutation_non_remplie": "the mail of the dépôt greets \"Bonjour PRENOM NOM,\" (its template's placeholders, not the applicant)",
    "identite_accueillant_sans_nom": "guide 05: the accueillant's identity is confirmed whatever the nom typed",
    "identite_accueillant_sans_date_de_naissance": "guide 05: the accueillant's identity is confirmed whatever the date de naissance typed",
    # Boundaries and required items (issue 16): one rule off by the smallest step it allows.
    "fichier_10_mo_plus_un_octet": "a file of 10 Mo + 1 byte is joined (the size limit off by one byte)",
    "lien_valable_24_h_05": "an e-mail link is still valid 24 h 05 after it was sent (the 24-hour rule off by 5 minutes)",
    "ephoto_valable_un_jour_de_plus": "an e-photo code is still valid the day after its 6 months",
    "renouvellement_un_jour_trop_tot": "a renewal can be filed the day before the window opens (4 months before the end)",
    "seize_ans_a_15": "guide 02's child of 15 is let in (the 16-year rule at 15; definition patched)",
    "ressources_a_20_ans": "guide 02's resources justificatifs are asked from 20 (the 21-year rule at 20; definition patched)",
    "emancipe_a_15_ans": "guide 03's \"mineur (+16 ans) émancipé\" box is offered from 15 (definition patched)",
    "descendant_moins_de_20_ans": "guide 05's descendant of 20 gives no prise en charge (the 21-year rule at 20; definition patched)",
    "domicile_facultatif": "guide 02's \"Justificatif de domicile datant de moins de 6 mois *\" can be left empty (definition patched)",
    "lieu_naissance_facultatif": "guide 02's \"Lieu de naissance * :\" can be left empty (definition patched)",
    "adresse_non_preremplie": "guide 05 étape 1's address is not pre-filled from the record, to be typed (\"Vérifier l'adresse\"; definition patched)",
    "acte_de_mariage_facultatif": "guide 05's \"Acte de mariage *\" can be left empty (definition patched)",
    "prise_en_charge_ase_facultative": "guide 03's \"Date de prise en charge par l'ASE * :\" can be left empty (definition patched)",
    "attestation_sans_mentions_faq": "the renewal's ADP and the ADF lack the mentions guide 01 FAQ 15 and 16 say they carry (valid only with the former title, rights maintained, work goes on)",
    "cloture_avant_delai": "the agent may close a demande for want of a complément before the applicant's 30 days have passed (guides 02-04)",
    "complement_tout_affiche": "the demande de complément shows every field at once: the reasons box before \"Maintenir le Document\" is chosen, \"Joindre un document\" before \"Mettre à jour le Document\" (guides 02-04)",
    "suivi_sans_attestations": "\"Mes demandes en cours\" offers no attestation: the BPI row (whose confirmation is its ADP) has no link, an ADP issued by the agent is not there (guide 01 FAQ 7)",
    "suivi_un_seul_etat": "\"Mes demandes en cours\" shows \"Demande envoyée : le … à …\" until the instruction starts and the FAQ 12 state after it, never both (guide 03 shows the first during a complément; \"Dépôt de la demande\" is never shown)",
}


def _other_numero(numero: str) -> str:
    """The numéro de la demande of the next demande (sequence + 1, same length)."""
    return numero[:-7] + f"{(int(numero[-7:]) + 1) % 10**7:07d}" if numero[-7:].isdigit() else numero


def _shift(display: str, days: int) -> str:
    try:
        return f"{datetime.strptime(display, '%d/%m/%Y').date() + timedelta(days=days):%d/%m/%Y}"
    except ValueError:
        return display


def _next_character(value: str) -> str:
    """`value` with its last letter or digit changed to the next one (9 → 0, z → a), case kept."""
    for i in range(len(value) - 1, -1, -1):
        c = value[i]
        if c.isdigit():
            return value[:i] + str((int(c) + 1) % 10) + value[i + 1:]
        if c.isascii() and c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            return value[:i] + chr(base + (ord(c) - base + 1) % 26) + value[i + 1:]
    return value + "X"


class _ForgingSigner(TwoDDocSigner):
    """The portal's signer, whose fields are edited before they are signed (a forgery: the code
    then says something the page does not)."""

    def __init__(self, signer: TwoDDocSigner, edit: Callable[[list[tuple[str, Any]]], list[tuple[str, Any]]]) -> None:
        self.__dict__.update(signer.__dict__)
        self._edit = edit

    def sign(self, document_type: str, perimeter: str, country: str, issue_date: date | None, signature_date: date,
             fields: FieldItems, **options: Any) -> str:
        items = list(fields.items()) if isinstance(fields, Mapping) else list(fields)
        return super().sign(document_type, perimeter, country, issue_date, signature_date, self._edit(items), **options)


def check(faults: Iterable[str]) -> frozenset[str]:
    unknown = frozenset(faults) - FAULTS.keys()
    if unknown:
        raise ValueError(f"unknown fault mode(s): {', '.join(sorted(unknown))}; known: {', '.join(FAULTS)}")
    return frozenset(faults)


class Faults(frozenset[str]):
    """The fault modes a portal runs with (empty in normal use), asked by what they change."""

    valeur_fausse: str = ""  # the value valeur_imprimee_fausse prints wrong (ANEF_VALEUR_FAUSSE)

    def __new__(cls, names: Iterable[str] = (), valeur_fausse: str = "") -> Faults:
        made = super().__new__(cls, check(names))
        made.valeur_fausse = valeur_fausse
        return made

    # The wizard's pages ---------------------------------------------------------------------------
    def shown_values(self, values: Mapping[str, str]) -> dict[str, Any]:
        """What was typed, as the page will show it: escaped, except under texte_non_echappe."""
        if "texte_non_echappe" in self:
            return {k: Markup(v) for k, v in values.items()}
        return dict(values)

    @property
    def checks_upload_content(self) -> bool:
        """False under upload_sans_controle_du_contenu: any content passes for the format its name claims."""
        return "upload_sans_controle_du_contenu" not in self

    @property
    def ephoto_moves(self) -> bool:
        """True under ephoto_reutilisable: a number another demande holds moves to this one."""
        return "ephoto_reutilisable" in self

    @property
    def back_empties_step(self) -> bool:
        """True under brouillon_perdu_au_retour: the step gone back to is emptied."""
        return "brouillon_perdu_au_retour" in self

    @property
    def saves_refused_step(self) -> bool:
        """True under refus_enregistre: a refused submission is saved all the same."""
        return "refus_enregistre" in self

    @property
    def checks_file_size(self) -> bool:
        """False under fichier_plus_de_10_mo: a file over 10 Mo is joined."""
        return "fichier_plus_de_10_mo" not in self

    @property
    def checks_file_count(self) -> bool:
        """False under plus_de_3_fichiers: a 4th file (and more) is joined to one justificatif."""
        return "plus_de_3_fichiers" not in self

    def file_size_seen(self, size: int, limit: int) -> int:
        """A file's size as the limit sees it: under fichier_10_mo_plus_un_octet, one byte over passes."""
        if "fichier_10_mo_plus_un_octet" in self and size == limit + 1:
            return limit
        return size

    @property
    def ephoto_extra_days(self) -> int:
        """Days an e-photo code stays valid after its 6 months: 1 under ephoto_valable_un_jour_de_plus."""
        return 1 if "ephoto_valable_un_jour_de_plus" in self else 0

    @property
    def renewal_days_early(self) -> int:
        """Days before the window's opening a renewal is let in: 1 under renouvellement_un_jour_trop_tot."""
        return 1 if "renouvellement_un_jour_trop_tot" in self else 0
    # The attestations ------------------------------------------------------------------------------
    FAQ_MENTIONS = ("(même s'il est arrivé à expiration)", "maintien de l'ensemble des droits", "celle-ci peut se poursuivre")

    def attestation_paragraph_kept(self, texte: str) -> bool:
        """False, under attestation_sans_mentions_faq, for the mentions of guide 01 FAQ 15 and 16."""
        return "attestation_sans_mentions_faq" not in self or not any(m in texte for m in self.FAQ_MENTIONS)

    # The demande de complément -------------------------------------------------------------------
    @property
    def closes_before_delai(self) -> bool:
        """True under cloture_avant_delai: the 30-day délai does not hold the agent back."""
        return "cloture_avant_delai" in self

    @property
    def shows_all_complement_fields(self) -> bool:
        """True under complement_tout_affiche: no field waits for the answer it belongs to."""
        return "complement_tout_affiche" in self

    # "Mes demandes en cours" --------------------------------------------------------------------
    @property
    def offers_attestations_in_suivi(self) -> bool:
        """False under suivi_sans_attestations: only a confirmation document is offered there."""
        return "suivi_sans_attestations" not in self

    @property
    def one_state_in_suivi(self) -> bool:
        """True under suivi_un_seul_etat: the state column shows guide 03's line or FAQ 12's state."""
        return "suivi_un_seul_etat" in self

    def ephoto_format_ok(self, numero: str, valid: bool) -> bool:
        """Whether an ephoto number's format passes: the rule's verdict, except that under
        ephoto_21_ou_23_chiffres 21 or 23 ASCII digits pass too (the 22-digit rule off by one)."""
        return valid or ("ephoto_21_ou_23_chiffres" in self and len(numero) in (21, 23)
                         and numero.isascii() and numero.isdigit())

    def step_errors(self, errors: dict[str, str], date_order_messages: Iterable[str]) -> dict[str, str]:
        """A step's errors as this portal reports them: under dates_dans_le_desordre, the "date
        before the birth date" errors (their messages given) are dropped."""
        if "dates_dans_le_desordre" not in self:
            return errors
        dropped = set(date_order_messages)
        return {k: v for k, v in errors.items() if v not in dropped}

    # Greetings and signatures (issue 15, point 12) -------------------------------------------------
    def depot_greeting_name(self, nom: str) -> str:
        """The name of the dépôt mail's "Bonjour {nom},": as typed, upper-cased under salutations_modifiees."""
        return nom.upper() if "salutations_modifiees" in self else nom

    def greeting(self, text: str) -> str:
        """A mail's greeting line: the guide's, or with a comma added under salutations_modifiees."""
        return text + "," if "salutations_modifiees" in self and not text.endswith(",") else text

    def decision_ministry(self, ministry: str | None) -> str | None:
        """The procedure's own decision signature (None: the shared one); dropped under salutations_modifiees."""
        return None if "salutations_modifiees" in self else ministry

    def procedure_text(self, textes: Mapping[str, str], key: str, default: str) -> str:
        """A procedure's own wording of a shared element; the shared one under libelles_communs."""
        return default if "libelles_communs" in self else textes.get(key, default)

    @property
    def own_email_page(self) -> bool:
        """False under email_chemin_b_guide_01: guide 03's e-mail page (path b) shows guide 01's title."""
        return "email_chemin_b_guide_01" not in self

    @property
    def login_screens(self) -> bool:
        """False under ecrans_connexion_absents (the templates ask it as `faults.login_screens`)."""
        return "ecrans_connexion_absents" not in self

    @property
    def notification_login_route(self) -> str:
        """The route the notification mail's "Se connecter" leads to."""
        return "se_connecter" if self.login_screens else "connexion"
    # The documents ---------------------------------------------------------------------------------
    def printed_values(self, values: Mapping[str, str]) -> dict[str, str]:
        """The values a document prints (their 2D-DOC forms, `x.jjmmaaaa`, untouched): under
        date_naissance_imprimee_fausse the date of birth a day late, under date_depot_imprimee_fausse
        the dépôt a day early."""
        out = dict(values)
        if "date_naissance_imprimee_fausse" in self and out.get("date_naissance"):
            out["date_naissance"] = _shift(out["date_naissance"], 1)
        if "date_depot_imprimee_fausse" in self and out.get("date_depot"):
            out["date_depot"] = _shift(out["date_depot"], -1)
        return self.misprinted(out)

    def misprinted(self, values: Mapping[str, str], done: Mapping[str, str] | None = None) -> dict[str, str]:
        """Under valeur_imprimee_fausse, the value named by ANEF_VALEUR_FAUSSE with its last letter or
        digit changed, unless it was already in `done` (the values before an attestation added its own)."""
        out = dict(values)
        key = self.valeur_fausse
        if "valeur_imprimee_fausse" in self and key in out and key not in (done or {}):
            out[key] = _next_character(out[key])
        return out

    def mailed_values(self, values: Mapping[str, str]) -> dict[str, str]:
        """The values of the confirmation the mail carries: another demande's under courriel_autre_demande."""
        out = dict(values)
        if "courriel_autre_demande" in self and out.get("numero_demande"):
            out["numero_demande"] = _other_numero(out["numero_demande"])
        return out

    def greeted(self, nom: str) -> str:
        """Whom the mail of the dépôt greets: the applicant, or the template's placeholders under
        courriel_salutation_non_remplie."""
        return "PRENOM NOM" if "courriel_salutation_non_remplie" in self else nom

    def forges_mailed_code(self) -> bool:
        """True under courriel_2d_doc_autre_demande: the mailed attestation is made again, its code forged."""
        return "courriel_2d_doc_autre_demande" in self

    def signer(self, signer: TwoDDocSigner, *, courriel: bool = False) -> TwoDDocSigner:
        """The signer of an attestation's 2D-DOC; under the 2D-DOC fault modes, one that forges fields."""
        work = "deux_d_doc_sans_autorisation_de_travail" in self
        usage = "deux_d_doc_nom_usage" in self
        other = courriel and self.forges_mailed_code()
        if not (work or usage or other):
            return signer

        def edit(items: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
            held = dict(items)
            out: list[tuple[str, Any]] = []
            for identifier, value in items:
                if work and identifier == "6P" and value == "AUTORISE A TRAVAILLER":
                    value = "NON AUTORISE A TRAVAILLER"
                elif usage and identifier == "63":
                    value = held.get("62", "")
                elif other and identifier == "6K":
                    value = _other_numero(str(value))
                out.append((identifier, value))
            return out

        return _ForgingSigner(signer, edit)

    # Guide 05: the accueillant's identity -----------------------------------------------------------
    def identity_keys_unchecked(self) -> frozenset[str]:
        """The parts of a confirmed identity this portal does not compare with its records."""
        return frozenset(key for key, fault in (("nom", "identite_accueillant_sans_nom"),
                                                ("date_naissance", "identite_accueillant_sans_date_de_naissance"))
                         if fault in self)


NONE = Faults()
