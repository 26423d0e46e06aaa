"""The guides' texts shared by every procedure: the accueil, account creation, login, mails.

Each sentence here is copied verbatim from the guide named beside it; a sentence the guides do not
show (an error message, say) is marked DERIVED so it is easy to find and replace. Templates print
these values and hold no user-facing sentence of their own (each guide text in one place).

Longer than the house's 400 lines on purpose: it is one table of sentences, not code, and one place
per sentence is the point (a reviewer checks it against the guides from top to bottom). Tables that
mix texts, lists and sub-tables are typed dict[str, Any] for mypy.
"""

from __future__ import annotations

from typing import Any

SITE = {
    "titre": "Étrangers en France",
    "sous_titre": "DIRECTION GÉNÉRALE DES ÉTRANGERS EN FRANCE",
    "bandeau": "SIMULATEUR — site non officiel",
    "bandeau_detail": "Simulateur de formation et de test. Aucune démarche réelle n'est possible ici.",  # DERIVED
    "nous_contacter": "NOUS CONTACTER",
    "besoin_aide": "BESOIN D'AIDE ?",
    "se_connecter": "SE CONNECTER",
    "se_deconnecter": "Se déconnecter",  # DERIVED
    "vous_etes_ici": "Vous êtes ici :",
    "accueil": "Accueil",
    "champs_obligatoires": "Les champs marqués d'un * sont obligatoires",
    "demarches": "Démarches",  # guide 03 §7: the connected header's menu "Accueil Démarches ▾"
    "mon_compte": "Mon compte : {nom}",  # DERIVED (accessible name of the user's name in the header)
}

# Guide 02 §1 and 03 §1: the five briques of the accueil page, in this order.
BRIQUES = [
    {"id": "vls-ts", "libelle": "Je valide mon VLS-TS", "simulee": False},
    {"id": "titre-de-sejour", "libelle": "Je demande ou renouvelle un titre de séjour", "simulee": True},
    {"id": "premiere-demande", "libelle": "Je demande un premier titre -sans numéro étranger, sans visa-", "simulee": True},
    {"id": "changement-de-situation", "libelle": "Je déclare un changement de situation", "simulee": False},
    {"id": "document-de-voyage", "libelle": "Je demande un document de voyage", "simulee": False},
]

# Guide 03 §7: a connected user's header, "Accueil Démarches ▾ 🔔 👤 Mineur Etranger". The menu's
# items are the connected navigation bar of guide 02 ("INSTRUCTION DE LA DEMANDE", étape 3).
MENU_DEMARCHES = [
    {"brique": "titre-de-sejour", "libelle": "Demander un titre de séjour"},
    {"brique": "timbre-fiscal", "libelle": "Acheter un timbre fiscal électronique"},
    {"brique": "changement-de-situation", "libelle": "Déclarer un changement"},
    {"brique": "document-de-voyage", "libelle": "Document de voyage"},
]

NON_SIMULE = {
    "titre": "Démarche non proposée par le simulateur",  # DERIVED
    "texte": (
        "Le simulateur ne reproduit pas encore cette démarche : aucun guide usager ne la décrit "
        "dans la version actuelle. Les démarches simulées sont celles des guides fournis."
    ),  # DERIVED
    "retour": "Retour à l'accueil",
}

# Guide 01 §II and guide 04 §2-3: who the demande is for.
DEMANDER_TITRE: dict[str, Any] = {
    "fil": "Demander un titre de séjour",
    "question": "Je sollicite ou renouvelle un titre de séjour pour :",
    "moi_meme": "Moi-même (à partir de 16 ans)",
    "situations": [
        {"id": "titre", "libelle": "Et je suis titulaire d'un titre de séjour / VLS-TS"},
        {"id": "visa", "libelle": "Et je suis titulaire uniquement d'un visa long séjour"},
        {"id": "numero", "libelle": "Et je suis titulaire d'un numéro étranger sans titre de séjour"},
    ],
    "mineur_bpi": "Un mineur bénéficiaire de la protection internationale de plus de 16 ans",
    "je_continue": "Je continue",
    "choisir": "Veuillez indiquer pour qui vous sollicitez un titre de séjour.",  # DERIVED
    "choisir_situation": "Veuillez indiquer ce que vous détenez.",  # DERIVED
}

# Guide 02 §1-2: account without numéro étranger (path a).
COMPTE_SANS_NUMERO = {
    "intro": "Compléter les renseignements suivants pour accéder à vos services.",
    "email": "Adresse email *",
    "email_confirmation": "Confirmation de l'adresse email *",
    "valider": "Valider",
}

# Guide 02 §1 and 04 §6: the page after an account request.
CREATION_ENREGISTREE = {
    "titre": "CRÉATION DE COMPTE",
    "enregistree": "Demande de création de compte bien enregistrée.",
    "email_envoye": "Un email vous a été envoyé afin de confirmer votre adresse email.",
    "confirmer": (
        "Vous devez confirmer votre adresse email et créer votre mot de passe avant de pouvoir "
        "envoyer votre demande."
    ),
    "identifiant_numero": "Votre identifiant de connexion sera votre N° Etranger",
    "retour": "Retour à l'accueil",
}

# Guide 01 §II: account with a numéro étranger but no title (path b).
COMPTE_NUMERO = {
    "titre": "Première visite? Créez votre compte.",
    "numero": "Votre numéro Étranger :",
    "numero_exemple": "Exemple : 9999999999",
    "nom": "Nom :",
    "prenom": "Prénom :",
    "date_naissance": "Votre date de naissance :",
    "approximative": "Approximative",
    "pays_naissance": "Pays de naissance",
    "nationalite": "Nationalité",
    "selection": "Sélection menu déroulant",
    "creer": "Créer un compte",
}

# Guide 01 §III and 04 §5: account with a title or a visa (path c), and the login page.
CONNEXION = {
    "intro": "S'identifier pour accéder à vos services.",
    "se_connecter": "Se connecter",
    "comment_savoir": "COMMENT SAVOIR SI VOUS AVEZ DÉJÀ UN COMPTE ?",
    "comment_savoir_reponse": (
        "Vous avez déjà un compte si vous avez déjà fait une démarche sur ce site."
    ),  # guide 01 FAQ 1
    "deja_un_compte": "Vous avez déjà un compte",
    "identifiant": "Identifiant :",
    "identifiant_aide": "Votre identifiant de connexion est votre N° Etranger, si vous n'en avez pas, votre adresse mail",
    "mot_de_passe": "Mot de passe :",
    "oublie": "MOT DE PASSE OUBLIÉ ?",
    "s_identifier": "S'identifier",
    "trop_de_tentatives": (
        "Trop de tentatives de connexion infructueuses pour cet identifiant. Veuillez patienter "
        "15 minutes avant de réessayer, ou utilisez « Mot de passe oublié ? »."
    ),  # DERIVED (throttling, security.MAX_FAILURES)
    "ou": "OU",
    "franceconnect": "FranceConnect est la solution proposée par l'État pour sécuriser et simplifier la connexion à vos services en ligne.",
    "franceconnect_bouton": "S'identifier avec FranceConnect",
    "franceconnect_absent": "Le simulateur ne propose pas la connexion par FranceConnect.",  # DERIVED
    "premiere_visite": "PREMIÈRE VISITE ? CRÉER VOTRE COMPTE",
    "franceconnect_quest_ce": "Qu'est-ce que FranceConnect ?",  # guides 02 étape 3, 03 §2, 04 §2
    "identifiants_incorrects": "Identifiant ou mot de passe incorrect.",  # DERIVED
    "compte_non_confirme": (
        "Votre compte n'est pas encore activé : confirmez votre adresse email en cliquant sur le "
        "lien reçu par courriel."
    ),  # DERIVED
}

CREATION_TITRE = {
    "titre": "Première visite? Créez votre compte.",
    "numero": "N° de votre visa ou de votre titre de séjour :",
    "numero_exemple": "Ex : 9999999999",
    # Guide 01 §III: the "?" beside the number opens "Où se trouve le numero étranger" (pictures of
    # a card, "Ou sur ancienne carte"); the pictures are described in words here.
    "aide_numero": "Où se trouve le numero étranger",
    "aide_numero_texte": (
        "Le numéro à saisir est imprimé sur votre titre de séjour (ou sur votre visa long séjour), "
        "sous la mention « N° » ; sur une ancienne carte, il figure au recto, en haut à droite."
    ),  # DERIVED (the guide shows pictures of the card)
    "date_debut": "Date de début de validité :",
    "date_fin": "Date de fin de validité :",
    "creer": "Créer un compte",
    "inconnu": (
        "Les informations saisies ne correspondent à aucun titre de séjour ni visa connu. "
        "Vérifiez le numéro et les dates de validité inscrits sur votre document."
    ),  # DERIVED
    "compte_existant": (
        "Un compte existe déjà pour ce numéro étranger. Connectez-vous avec votre N° Etranger "
        "ou utilisez « Mot de passe oublié ? »."
    ),  # DERIVED
}

COMPTE_NUMERO_ERREURS = {
    "inconnu": (
        "Les informations saisies ne correspondent à aucun numéro étranger connu. Vérifiez votre "
        "numéro étranger, votre nom, votre prénom et votre date de naissance."
    ),  # DERIVED
}

SAISIE_EMAIL = {
    "titre": "Saisissez votre adresse email",
    "email": "Adresse email * :",
    "email_confirmation": "Confirmation de l'adresse email * :",
    "valider": "Valider",
}

# Guides 02, 03 and 04 "INSTRUCTION DE LA DEMANDE", étape 2: the login page the notification mail's
# "Se connecter" leads to (the header's "SE CONNECTER" leads to CONNEXION above).
CONNEXION_SERVICES = {
    "titre": "Connectez-vous pour accéder à vos services",
    "obligatoires": "Le symbole * indique les champs obligatoires.",
    "identifiant": "* Identifiant",
    "mot_de_passe": "* Mot de passe",
    "bouton": "Se connecter",
    "identifiant_oublie": "Identifiant oublié ?",
    "mot_de_passe_oublie": "Mot de passe oublié ?",
}

# "Identifiant oublié ?": the guides show the link, not the page; its text is guide 04 §6's rule.
IDENTIFIANT_OUBLIE = {
    "titre": "Identifiant oublié ?",
    "texte": CONNEXION["identifiant_aide"],
    "retour": "« Retour à la connexion",
}

# Guide 01 §III: creating the password from the e-mail link (path c).
CREER_MOT_DE_PASSE = {
    "email_validee": "Votre adresse email a bien été validée.",
    "titre": "Créez votre mot de passe",
    "mot_de_passe": "Mot de passe * :",
    "format": (
        "Format attendu : au moins 8 caractères, une majuscule, une minuscule, un caractère "
        "spécial (*$%&@!~>?@_ et un chiffre"
    ),
    "confirmation": "Confirmation du mot de passe * :",
    "bouton": "Créer le mot de passe",
}

# Guide 02 §6 and 03 §5: resetting a temporary password / setting it from the link (path a, b).
REINITIALISATION = {
    "titre": "Réinitialisation du mot de passe",
    "texte": (
        "Votre mot de passe doit être réinitialisé. Merci de renseigner un nouveau mot de passe, "
        "qui doit faire au moins 8 caractères avec au moins une majuscule, une minuscule, un "
        "chiffre et un caractère spécial."
    ),
    "nouveau": "Nouveau mot de passe :",
    "confirmation": "Confirmation du mot de passe :",
    "bouton": "Valider mon mot de passe",
}

# Guide 01 §III: the page after the password is created.
COMPTE_CREE = {
    "titre": "CRÉATION DE COMPTE",
    "cree": "Votre compte a bien été créé.",
    "texte": "Vous pouvez désormais vous connecter pour envoyer votre demande et accéder à votre espace personnel.",
    "espace": (
        "C'est également depuis cet espace personnel que vous pourrez consulter l'avancée de votre "
        "demande et répondre aux différentes demandes des agents."
    ),
    "identifiant": "Votre identifiant de connexion est votre N° Etranger",
    "retour": "Retour à l'accueil",
}

# Guide 01 FAQ 6.
MOT_DE_PASSE_OUBLIE = {
    "titre": "Mot de passe oublié ?",
    "texte": (
        "Pour récupérer votre mot de passe oublié, veuillez saisir votre identifiant. Vous recevrez "
        "un message à l'adresse email liée à votre compte contenant un lien de réinitialisation."
    ),
    "identifiant": "Identifiant :",
    "bouton": "Envoyer le message",
    "retour": "« Retour à la connexion",
    "envoye": (
        "Vous recevrez un lien pour vous permettre de réinitialiser votre mot de passe sur "
        "l'adresse électronique utilisée lors de la création de votre compte."
    ),
    "modifie": "Votre mot de passe a bien été modifié. Vous pouvez vous connecter.",  # DERIVED
}

LIEN = {
    "expire_titre": "Ce lien n'est plus valable",  # DERIVED
    "expire": (
        "Pour des raisons de sécurité, ce lien n'est valable que 24 heures. Passé ce délai, vous "
        "devrez de nouveau renseigner les informations relatives à la création de votre compte sur "
        "la page de connexion."
    ),  # guide 01 §III mail, adapted to a page
    "utilise": "Ce lien a déjà été utilisé.",  # DERIVED
    "remplace": (
        "Ce lien n'est plus valable : un lien plus récent vous a été envoyé, ou votre mot de passe a "
        "déjà été défini. Utilisez le dernier lien reçu ou « Mot de passe oublié ? »."
    ),  # DERIVED
}

# Guide 02 §6: after the temporary password is reset (path a).
PREMIERE_DEMANDE: dict[str, Any] = {
    "titre": "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :",
    "choix": [
        {"id": "attaches-familiales", "libelle": "Car j'ai des attaches familiales en France"},
        {
            "id": "citoyen-ue",
            "libelle": (
                "Car je suis citoyen de l'union européenne, de l'espace économique européen ou "
                "suisse ou membre de famille d'un citoyen de l'union européenne, de l'espace "
                "économique européen ou suisse"
            ),
        },
    ],
    "je_continue": "Je continue",
    "choisir": "Veuillez sélectionner votre situation.",  # DERIVED
}

ESPACE = {
    "bienvenue": "Vous êtes connecté(e) à votre espace personnel.",  # DERIVED
}

# Field errors (DERIVED: the guides show no error messages).
ERREURS = {
    "obligatoire": "Ce champ est obligatoire.",
    "email_invalide": "L'adresse email n'est pas valide (exemple : prenom.nom@exemple.fr).",
    "emails_differents": "La confirmation ne correspond pas à l'adresse email saisie.",
    "email_deja_utilise": "Un compte existe déjà avec cette adresse email. Connectez-vous ou utilisez « Mot de passe oublié ? ».",
    "numero_etranger": "Le numéro étranger comporte 10 chiffres.",
    "numero_titre": "Le numéro comporte de 9 à 12 caractères, chiffres ou lettres.",
    "date_invalide": "Cette date n'existe pas.",
    "date_incomplete": "Indiquez le jour, le mois et l'année (JJ, mois, AAAA).",
    "annee_invalide": "L'année s'écrit avec 4 chiffres.",
    "date_future": "Cette date est dans le futur.",
    "date_fin_avant_debut": "La date de fin de validité doit être postérieure à la date de début.",
    "mdp_longueur": "Le mot de passe doit faire au moins 8 caractères.",
    "mdp_majuscule": "Le mot de passe doit contenir au moins une majuscule.",
    "mdp_minuscule": "Le mot de passe doit contenir au moins une minuscule.",
    "mdp_chiffre": "Le mot de passe doit contenir au moins un chiffre.",
    "mdp_special": "Le mot de passe doit contenir au moins un caractère spécial.",
    "mdp_confirmation": "La confirmation ne correspond pas au mot de passe.",
    "trop_long": "Ce champ ne peut pas dépasser {max} caractères.",
}

MOIS = [
    "Janvier", "Février", "Mars", "Avril", "Mai", "Juin",
    "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
]

# The mails, verbatim. {placeholders} are filled by fake_anef.mail.
MAILS: dict[str, Any] = {
    # Guide 02 and 03 "INSTRUCTION DE LA DEMANDE" (réception d'une demande de pièces complémentaires, décision).
    "notification": {
        "objet": "Vous avez reçu une notification",  # DERIVED (guides show no subject)
        "corps": (
            "Bonjour,\n\n"
            "Vous venez de recevoir une notification, elle est accessible depuis votre espace personnel, "
            "pour y accéder vous pouvez cliquer sur le lien suivant :\n\n"
            "[Se connecter]({lien})\n\n"
            "Cordialement,\n\n"
            "La Direction Générale des Etrangers en France\n\n"
            "Ce message est généré automatiquement, merci de ne pas y répondre."
        ),
    },
    # Guide 02 §4 (path a).
    "compte_temporaire": {
        "objet": "Création de votre compte d'accès temporaire",  # DERIVED (guides show no subject)
        "corps": (
            "Bonjour,\n\n"
            "Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande.\n\n"
            "Vous pourrez ainsi quitter la télé-procédure à tout moment et la reprendre ultérieurement "
            "à la dernière étape enregistrée.\n\n"
            "Votre compte d'accès à un espace personnel usager définitif n'est pas encore créé.\n\n"
            "Voici vos identifiants de connexion :\n\n"
            "Identifiant : {identifiant}\n\n"
            "Mot de passe provisoire : {mot_de_passe}\n\n"
            "Pour accéder à la télé-procédure, vous pouvez cliquer sur le lien suivant :\n\n"
            "[Se connecter]({lien})\n\n"
            "Cordialement,\n\n"
            "La Direction Générale des Etrangers en France\n\n"
            "Ce message est généré automatiquement, merci de ne pas y répondre."
        ),
    },
    # Guide 03 §4 (path b, with the name) and 01 §III / 04 §7 (path c).
    # Issue 15, point 14: guide 01 §II answers path b with the "compte_cree" mail below ("Mot de passe
    # provisoire", then "réinitialiser votre mot de passe"); guide 03 §4-6 with this link mail. Guide 03
    # wins: it walks path b screen by screen (its e-mail page, this mail, "Réinitialisation du mot de
    # passe" from the link), where guide 01 §II is a FAQ. The "compte_cree" mail stays the one of an
    # account created at the instruction (guide 02 "INSTRUCTION DE LA DEMANDE" étape 1), as guide 01
    # §II's wording ("Votre compte d'accès … a été créé") matches.
    "confirmation_email": {
        "objet": "Confirmation de votre adresse e-mail",  # DERIVED
        # The greeting: guide 03 §4 (path b) "Bonjour Mineur Etranger," (prénom and nom as the record
        # has them); guides 01 §III and 04 §7 (path c) "Bonjour", with no name and no comma.
        "salutation_nommee": "Bonjour {prenom} {nom},",
        "salutation": "Bonjour",
        "corps": (
            "{salutation}\n\n"
            "La création du compte d'accès à votre espace personnel usager ou de l'utilisateur que "
            "vous représentez est en cours.\n\n"
            "Pour déposer votre demande vous devez confirmer votre adresse e-mail en cliquant sur le "
            "lien ci-dessous :\n\n"
            "{lien}\n\n"
            "Si le lien ne fonctionne pas, vous pouvez le copier et le coller dans la barre d'adresse "
            "de votre navigateur.\n\n"
            "Pour des raisons de sécurité, ce lien n'est valable que 24 heures. Passé ce délai, vous "
            "devrez de nouveau renseigner les informations relatives à la création de votre compte sur "
            "la page de connexion accessible [ici]({lien_connexion}).\n\n"
            "Cordialement,\n\n"
            "La Direction Générale des Etrangers en France\n\n"
            "Ce message est généré automatiquement, merci de ne pas y répondre."
        ),
    },
    # Guide 01 §II and 02 "INSTRUCTION DE LA DEMANDE" étape 1: the definitive account.
    "compte_cree": {
        "objet": "Création de votre compte d'accès",  # DERIVED
        "corps": (
            "Bonjour {nom},\n\n"
            "Votre compte d'accès à votre espace personnel usager a été créé.\n\n"
            "Ce compte vous permet d'observer l'avancement de vos demandes ou d'accéder à vos "
            "documents dématérialisés.\n\n"
            "Voici vos identifiants de connexion :\n\n"
            "Identifiant : {identifiant}\n\n"
            "Mot de passe provisoire : {mot_de_passe}\n\n"
            "Pour accéder à votre espace personnel, vous pouvez cliquer sur le lien suivant :\n\n"
            "[Se connecter]({lien})\n\n"
            "Cordialement,\n\n"
            "La Direction Générale des Etrangers en France\n\n"
            "Ce message est généré automatiquement, merci de ne pas y répondre."
        ),
    },
    # Guide 01 FAQ 6 gives no mail text: DERIVED, in the guides' style.
    "mot_de_passe_oublie": {
        "objet": "Réinitialisation de votre mot de passe",  # DERIVED
        "corps": (
            "Bonjour,\n\n"
            "Vous avez demandé la réinitialisation du mot de passe de votre compte d'accès à votre "
            "espace personnel usager.\n\n"
            "Pour choisir un nouveau mot de passe, cliquez sur le lien ci-dessous :\n\n"
            "{lien}\n\n"
            "Si le lien ne fonctionne pas, vous pouvez le copier et le coller dans la barre d'adresse "
            "de votre navigateur.\n\n"
            "Pour des raisons de sécurité, ce lien n'est valable que 24 heures.\n\n"
            "Cordialement,\n\n"
            "La Direction Générale des Etrangers en France\n\n"
            "Ce message est généré automatiquement, merci de ne pas y répondre."
        ),
    },
}


# Téléprocédures: the wizard's words shared by every procedure (guide 02 étapes 1-6; 03 and 04 use
# the same screens). A procedure's own words (steps, fields, justificatifs) live in its definition,
# fake_anef/procedures/*.yaml.
DEMARCHE: dict[str, Any] = {
    "sauvegarde": "Votre saisie est sauvegardée à la validation de chaque étape.",
    "reprise": "Si vous quittez la télé-procédure vous pourrez la reprendre ultérieurement à la dernière étape enregistrée.",
    "progression": "Votre démarche en ligne est à {pourcentage}% terminée",
    "minutes": "Plus que {minutes} minutes pour finir votre démarche",
    "etapes": "Étapes de la démarche",  # DERIVED (accessible name of the stepper)
    "etape_en_cours": "étape en cours",  # DERIVED (read by screen readers after the current step)
    "etape_terminee": "étape terminée",  # DERIVED
    "champs_obligatoires": "Les champs marqués d'un * sont obligatoires.",
    "preparer": "PRÉPARER LES DOCUMENTS À FOURNIR :",
    "ephoto_titre": "Un numéro e-photo",
    "ephoto_texte": "Pour connaître les photographes agréés près de chez vous, vous pouvez consulter la carte de géolocalisation.",
    "documents_titre": "Tous les documents justificatifs demandés selon votre situation.",
    "documents_texte": (
        "Les documents doivent être lisibles, en français, sous forme numérique (.jpg, .pdf, .png, .bmp, "
        ".tiff), et ne pas dépasser une taille maximale de 10 Mo par fichier. Consulter la liste des "
        "traducteurs agréés."
    ),
    "telecharger_liste": "TÉLÉCHARGER LA LISTE DES PIÈCES JUSTIFICATIVES.",
    "boutons": {
        # The guide's "<" and ">" are arrows: the templates draw them, hidden from screen readers.
        "precedent": "Revenir à l'étape précédente",
        "abandonner": "Abandonner la demande",
        "quitter": "Quitter et revenir plus tard",
        "enregistrer": "Enregistrer et poursuivre",
        "deposer": "Déposer la demande",
    },
    "joindre": "Joindre un document",
    "envoyer_document": "Envoyer le document",  # DERIVED (without JavaScript, the file is sent by this button)
    "supprimer": "SUPPRIMER",
    "document_joint": "document joint",  # DERIVED (accessible text after ✓)
    "confirmer_ephoto": "Confirmer le numéro ephoto",
    "suggestions": "Suggestions d'adresse",  # DERIVED (accessible name of the list)
    "adresse_aide": "Saisissez le début de votre adresse puis choisissez-la dans les suggestions.",  # DERIVED
    "adresse_detail": "Détail de l'adresse",  # DERIVED
    "element_numero": "n° {n}",  # DERIVED: label of a second prénom/nationalité ("Prénom(s) n° 2")
    "depot_refuse": (
        "Votre demande ne peut pas encore être déposée : complétez l'étape « {etape} »."
    ),  # DERIVED
    "demande_deposee": "Votre demande a déjà été déposée : elle ne peut plus être modifiée.",  # DERIVED (guide: "Après le dépôt de votre demande vous ne pourrez plus la modifier.")
    "confirmation_titre": "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat.",  # guide 02 étape 6 (mail)
    "confirmation_numero": "N° de la demande : {numero}",
    "confirmation_telecharger": "Télécharger la confirmation de dépôt",  # DERIVED
    "confirmation_courriel": "La confirmation de dépôt vous a également été envoyée par courriel.",  # DERIVED (guide: "dans le mail de confirmation")
    "quitter_titre": "Votre demande est enregistrée",  # DERIVED
    "abandon_titre": "Abandonner la demande",
    "abandon_question": "Voulez-vous vraiment abandonner votre demande ? Les informations saisies et les documents joints seront supprimés.",  # DERIVED
    "abandon_oui": "Oui, abandonner la demande",  # DERIVED
    "abandon_non": "Non, reprendre ma demande",  # DERIVED
    "abandon_fait": "Votre demande a été abandonnée. Les informations saisies et les documents joints ont été supprimés.",  # DERIVED
    "retour_accueil": "Retour à l'accueil",
}

# Errors of the téléprocédures (DERIVED: the guides show none, except where noted).
DEMARCHE_ERREURS = {
    "telephone": "Le numéro de téléphone comporte 10 chiffres (exemple : 0102030405).",
    "code_postal": "Le code postal comporte 5 chiffres.",
    "adresse_incomplete": "Choisissez votre adresse dans les suggestions ou complétez le détail de l'adresse ci-dessous.",
    "choix_invalide": "Choisissez une valeur dans la liste proposée.",
    "attestation": "Pour poursuivre la téléprocédure, vous devez cocher cette case.",
    "trop_d_elements": "Vous ne pouvez pas en déclarer plus de {max}.",
    "justificatif_manquant": "Joignez au moins un document pour ce justificatif.",
    "ephoto_a_confirmer": "Saisissez puis confirmez votre numéro ephoto.",
    "ephoto_format": "Le numéro ephoto comporte 22 chiffres.",
    # Guide 01 FAQ 10: "Un code e-photo est utilisable pour une seule démarche en ligne".
    # Guide 01 FAQ 10: "Un code e-photo est utilisable pour une seule démarche en ligne et sa validité est de 6 mois."
    "ephoto_expire": (
        "Ce numéro ephoto n'est plus valide : la validité d'un code e-photo est de 6 mois "
        "(code obtenu le {date}). Vous devrez refaire une e-photo."
    ),
    "ephoto_deja_utilise": (
        "Ce numéro ephoto a déjà été utilisé pour une autre démarche. Un code e-photo est utilisable "
        "pour une seule démarche en ligne : vous devrez refaire une e-photo."
    ),
    "fichier_absent": "Choisissez un fichier à joindre.",
    # Guide 02 "Demande de complément": "Les formats acceptés : .jpg, .png, .pdf, .tiff, .bmp. La taille maximale : 10 Mo"
    "fichier_format": "Le fichier « {nom} » n'a pas été joint : les formats acceptés sont .jpg, .png, .pdf, .tiff, .bmp.",
    "fichier_taille": "Le fichier « {nom} » n'a pas été joint : la taille maximale est de 10 Mo par fichier.",
    "fichier_nombre": "Le fichier « {nom} » n'a pas été joint : 3 documents au maximum par justificatif.",
    "fichier_vide": "Le fichier « {nom} » n'a pas été joint : il est vide.",
}

# Requests the portal refuses before any work (issue 14: bounds on what one request may ask). DERIVED.
REFUS = {
    "action_inconnue": "Cette action n'est pas proposée sur cette page : rien n'a été enregistré. Utilisez les boutons de la page.",
    "piece_inconnue": "Ce document n'est pas joint à votre demande : il a peut-être déjà été supprimé.",
    "trop_d_elements": "Le formulaire envoyé déclare plus d'éléments que la page n'en permet : rien n'a été enregistré.",
    "illisible_titre": "Formulaire non reçu",
    "illisible": "Le formulaire envoyé n'a pas pu être lu : rien n'a été enregistré. Revenez à la page précédente et envoyez-le de nouveau.",
    "trop_volumineux_titre": "Envoi trop volumineux",
    "trop_volumineux": (
        "Votre envoi dépasse {max} Mo : il n'a pas été reçu et rien n'a été enregistré. Joignez vos "
        "documents en plusieurs fois (10 Mo au maximum par fichier)."
    ),
    "retour": "Retour à l'accueil",
}

# Guide 02 étape 6: the mail carrying the confirmation of the dépôt (attached PDF).
MAILS["depot_demande"] = {
    "objet": "Confirmation du dépôt de votre demande de titre de séjour",  # DERIVED
    "corps": (
        "Bonjour {nom},\n\n"
        "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat.\n\n"
        "Vous serez informé(e) de l'état d'avancement de votre dossier et, si nécessaire, d'une demande "
        "de pièces complémentaires, par message électronique vous invitant à vous connecter à votre espace "
        "sur le site de l'administration numérique pour les étrangers en France.\n\n"
        "Cordialement,\n\n"
        "La Direction Générale des Etrangers en France\n\n"
        # Guide 03 étape 5 shows this last line (guide 02's capture stops before it).
        "Ce message est généré automatiquement, merci de ne pas y répondre."
    ),
}

# Guide 04 §12 and 05 §12: a connected user says for whom the demande is.
POUR_QUI: dict[str, Any] = {
    "question": "Je sollicite ou renouvelle un titre de séjour pour :",
    "choix": [
        {"id": "moi-meme", "libelle": "Moi-même"},
        {"id": "mineur", "libelle": "Un mineur de plus de 16 ans"},
    ],
    "je_continue": "Je continue",
    "choisir": "Veuillez indiquer pour qui vous sollicitez un titre de séjour.",  # DERIVED
}

# Guide 03 §8, 04 §13, 05 §13: "Votre situation actuelle". Which procedure an item leads to is said by
# the procedure definitions (acces.situation, acces.renouvellement), not here.
SITUATION_ACTUELLE: dict[str, Any] = {
    "titre": "Votre situation actuelle",
    "titulaire": "Vous êtes titulaire d'un titre de séjour",
    "titulaire_categorie": "Vous êtes titulaire d'un titre de séjour en tant que « {categorie} ».",
    "mention": "Ce titre porte la mention « {mention} ».",
    "renouvellement": "Je sollicite le renouvellement de ce titre",
    "indisponible": (
        "La téléprocédure de demande de titre de séjour pour ce motif n'est pas accessible en ligne "
        "pour le moment. Nous vous invitons à vous connecter au site internet de la préfecture dont "
        "dépend votre résidence pour vous renseigner sur les démarches à effectuer."
    ),
    "autre": "JE SOLLICITE UN AUTRE TITRE DE SÉJOUR :",
    # Guide 03 §8, in its order; the three items after "Je suis en situation de vulnérabilité" are its
    # sub-choices (the guide's screen shows the ASE one ticked under it).
    "motifs": [
        {"libelle": "En tant qu'étudiant"},
        {"libelle": "En tant que visiteur"},
        {"libelle": "En tant que passeport talent"},
        {"libelle": "En tant que bénéficiaire de la protection internationale"},
        {"libelle": "En tant que salarié - Hors passeport talent & hors Citoyen UE"},
        {"libelle": "En tant que membre de famille"},
        {
            "libelle": "Je suis en situation de vulnérabilité",
            "sous": [
                "En tant qu'étranger confié à l'ASE (Aide Sociale à l'Enfance)",
                "En tant que bénéficiaire d'une ordonnance de protection",
                "En tant que victime de la traite des êtres humains",
            ],
        },
        {"libelle": "En tant que citoyen de l'Union Européenne"},
        {"libelle": "En tant que ressortissant étranger né en France"},
        {"libelle": "Pour motif humanitaire"},
        {"libelle": "En tant que jeune au pair, ancien combattant ou retraité ayant travaillé en France"},
    ],
    "je_commence": "Je commence",
    "choisir": "Veuillez sélectionner le titre de séjour que vous sollicitez.",  # DERIVED
    "choisir_sous": "Veuillez préciser votre situation.",  # DERIVED
}

# Guide 03 "SUIVI DE LA DEMANDE": "Mes demandes en cours", reached from the header when connected.
MES_DEMANDES: dict[str, Any] = {
    "lien": "Mes demandes en cours",
    "titre": "Mes demandes en cours",
    "intro": [
        "Vos demandes en cours sont listées ci-dessous.",
        "Vous pouvez suivre les progrès du traitement de vos demandes une fois celles-ci envoyées.",
        "Ainsi que consulter l'historique de vos précédentes demandes.",
    ],
    "onglets": ["Demande de Titre de Séjour", "Demande de changement de situation", "Demande d'accès à la Nationalité Française"],
    "suivi": "Suivi de ma demande :",
    "colonnes": ["N° de la demande", "Type de demande", "N° Étranger", "État de la demande"],
    "envoyee": "Demande envoyée : le {date} à {heure}",
    "telecharger": "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT",
    "telecharger_document": "TÉLÉCHARGER : {titre}",  # DERIVED (guide 01 FAQ 7: the ADP "accessible dans votre espace personnel")
    "brouillon": "Demande en cours de saisie",  # DERIVED (the guide shows a demande already sent)
    "reprendre": "Reprendre ma demande",  # DERIVED
    "aucune": "Vous n'avez aucune demande en cours.",  # DERIVED
    "historique": "Historique de mes Titres de Séjour :",
    "colonnes_titres": ["Début de validité", "Fin de validité", "Nature", "Motif", "Statut"],
    "accepte": "Accepté",
    "aucun_titre": "Aucun titre de séjour n'est enregistré à votre nom.",  # DERIVED
    "declarer": "Déclarer un changement",
}

# The agent's back-office (/agent). The guides show the applicant's side only: every text here is DERIVED.
AGENT: dict[str, Any] = {
    "titre": "Espace agent — instruction des demandes",  # DERIVED
    "connexion": "Connexion agent",  # DERIVED
    "identifiant": "Identifiant agent",  # DERIVED
    "mot_de_passe": "Mot de passe",  # DERIVED
    "se_connecter": "Se connecter",  # DERIVED
    "se_deconnecter": "Se déconnecter",  # DERIVED
    "identifiants_incorrects": "Identifiant ou mot de passe incorrect.",  # DERIVED
    "trop_de_tentatives": (
        "Trop de tentatives de connexion infructueuses pour cet identifiant. Veuillez patienter 15 minutes avant de réessayer."
    ),  # DERIVED
    "demandes": "Demandes déposées",  # DERIVED
    "filtres": "Filtrer les demandes",  # DERIVED
    "procedure": "Procédure",  # DERIVED
    "etat": "État",  # DERIVED
    "du": "Déposée à partir du (JJ/MM/AAAA)",  # DERIVED
    "au": "Déposée jusqu'au (JJ/MM/AAAA)",  # DERIVED
    "toutes": "Toutes",  # DERIVED
    "filtrer": "Filtrer",  # DERIVED
    "date_invalide": "Saisissez une date au format JJ/MM/AAAA.",  # DERIVED
    "colonnes": ["N° de la demande", "Procédure", "Demandeur", "Déposée le", "État"],  # DERIVED
    "aucune": "Aucune demande ne correspond à ces critères.",  # DERIVED
    "etats": {"deposee": "Dépôt de la demande", "instruction": "Instruction en cours", "decision": "Décision prise",  # guide 01 FAQ 12
              "disponible": "Titre de séjour disponible",  # guide 01 FAQ 12
              "cloturee": "Demande clôturée"},  # DERIVED (guide 01 FAQ 12: "… ou clôture la demande")
    "complement": "Demander un complément",  # DERIVED
    "motif": "Motif pour « {titre} »",  # DERIVED
    "motifs": {"illisible": "ne sont pas lisibles", "invalide": "ne sont pas valides", "manquant": "sont manquants"},  # guides 02-04
    "aucun_motif": "Aucun",  # DERIVED
    "observations": "Observations :",  # guides 02-04
    "observations_document": "Observations pour « {titre} » :",  # DERIVED (guides 02-04 show "Observations :" under each document)
    "cloturer": "Clôturer la demande (complément non apporté dans le délai)",  # DERIVED
    "cloturee": "La demande a été clôturée ; le demandeur en est notifié.",  # DERIVED
    "cloture_avant_delai": "Le délai de 30 jours laissé au demandeur pour répondre à la demande de complément n'est pas écoulé : il court jusqu'au {date}.",  # DERIVED
    "cloture_non_lue": "l'ouverture de la notification par le demandeur",  # DERIVED
    "cloture_sans_complement": "Aucune demande de complément n'attend de réponse : la demande ne peut pas être clôturée pour ce motif.",  # DERIVED
    "envoyer_complement": "Envoyer la demande de complément",  # DERIVED
    "complement_envoye": "La demande de complément a été envoyée au demandeur.",  # DERIVED
    "choisir_justificatif": "Choisissez au moins un justificatif et son motif.",  # DERIVED
    "decision": "Décision favorable",  # DERIVED
    "date_debut": "Carte valable du (JJ/MM/AAAA)",  # DERIVED
    "date_fin": "au (JJ/MM/AAAA)",  # DERIVED
    "taxe": "Montant de la taxe (euros)",  # DERIVED
    "taxe_invalide": "Saisissez un montant en euros, par exemple 225.",  # DERIVED
    "dates_ordre": "La date de fin doit suivre la date de début.",  # DERIVED
    "decider": "Prendre la décision favorable",  # DERIVED
    "decision_prise": "La décision favorable a été notifiée au demandeur.",  # DERIVED
    "delivrer": "Délivrer : {titre}",  # DERIVED
    "attestation_delivree": "L'attestation a été délivrée au demandeur.",  # DERIVED
    "attestation_inconnue": "Cette attestation n'est pas délivrée pendant l'instruction de cette procédure.",  # DERIVED
    "disponible": "Marquer le titre disponible",  # DERIVED
    "titre_disponible": "Le titre de séjour est marqué disponible.",  # DERIVED
    "etat_invalide": "Action impossible : la demande est à l'état « {etat} ».",  # DERIVED
    "demande": "Demande n° {numero}",  # DERIVED
    "numero_etranger": "Numéro étranger : {numero}",  # DERIVED
    "saisie": "Ce que le demandeur a saisi",  # DERIVED
    "justificatifs": "Justificatifs",  # DERIVED
    "aucun_justificatif": "Aucun fichier joint.",  # DERIVED
    "ephoto": "E-photo : {numero}",  # DERIVED
    "demarrer": "Démarrer l'instruction",  # DERIVED
    "demarree": "L'instruction a démarré ; le numéro étranger {numero} a été attribué.",  # DERIVED
    "retour": "Retour à la liste des demandes",  # DERIVED
    "notifications": "Notifications envoyées et réponses",  # DERIVED
}
ETATS_DEMANDE = AGENT["etats"]  # guide 01 FAQ 12, shown in "Mes demandes en cours" once the instruction starts

# Notification titles (guides 02-04, "Mes Notifications").
NOTIFICATIONS = {
    "complement": "Demande de complément",
    "decision": "Notification de décision",
    "cloture": "Notification de clôture",  # DERIVED (fake_anef/delai.py)
}

# "Mes Notifications" and one notification (guide 02 "INSTRUCTION DE LA DEMANDE", étape 4).
MES_NOTIFICATIONS: dict[str, Any] = {
    "titre": "Mes Notifications",
    "intro": [
        "Vous pouvez suivre votre correspondance avec l'administration ci-dessous.",
        "L'ouverture d'une notification fait office, pour l'administration, d'accusé de réception et déclenche "
        "donc le délai dans lequel vous devez répondre à une demande de l'agent en charge de votre dossier.",
    ],
    "filtrer": "Filter mes notifications :",
    "filtres": {"": "Toutes les notifications",  # guide 02
                "non_lue": "Non lues", "lue": "Lues", "repondu": "Répondues"},  # DERIVED
    "appliquer": "Filtrer",  # DERIVED
    "par_page": "Résultats par page : {n}",
    "page": "{page} sur {pages}",
    "precedente": "Page précédente",  # DERIVED (the guide shows ◀)
    "suivante": "Page suivante",  # DERIVED (the guide shows ▶)
    "domaine": "SEJOUR",
    "etats": {"non_lue": "non lue", "lue": "lue", "repondu": "répondu"},
    "lu_le": "Lu le {date}",
    "repondu_le": "Répondu le {date}",
    "aucune": "Vous n'avez aucune notification.",  # DERIVED
    "voir_toutes": "Voir toutes mes notifications",
    "cloche": "Notifications non lues : {n}",  # DERIVED (the guide shows a bell with a red count)
    "retour_toutes": "< RETOUR A TOUTES MES NOTIFICATIONS",
    "retour_compte": "< RETOUR À MON COMPTE",
    "bonjour": "Bonjour {nom},",
    "signature": ["Cordialement,", "L'agent Instructeur", "Ministère de l'Intérieur et des Outre-Mer"],
    "complement_intro": (
        "Je vous informe qu'après avoir pris connaissance des documents justificatifs joints à votre demande, "
        "un complément d'information est nécessaire à la poursuite de son instruction."
    ),
    "complement_formats": (
        "Vous devez mettre à jour ou maintenir tous les documents justificatifs en fonction de ce qui vous est "
        "demandé par l'agent afin de pouvoir répondre. Les formats acceptés : .jpg, .png, .pdf, .tiff, .bmp. "
        "La taille maximale : 10 Mo"
    ),
    "motifs": {
        "illisible": "Les documents mentionnés ci-dessous ne sont pas lisibles :",
        "invalide": "Les documents mentionnés ci-dessous ne sont pas valides :",
        "manquant": "Les documents mentionnés ci-dessous sont manquants :",
    },
    "voir_document": "VOIR LE DOCUMENT",
    "observations": "Observations :",
    "delai": (
        "Si vous n'apportez pas les compléments nécessaires dans un délai de 30 jours après avoir pris connaissance "
        "de ce message, votre demande pourra être considérée comme incomplète par l'administration qui ne sera pas "
        "en mesure de prendre une décision d'acceptation ou de refus de votre demande, et elle sera clôturée."
    ),
    "delai_echeance": "Date limite de réponse : {date}",  # DERIVED (30 days after the opening)
    "votre_reponse": "Votre réponse * :",
    "maintenir": "Maintenir le Document",
    "mettre_a_jour": "Mettre à jour le Document",
    "raisons": "Veillez préciser les raisons du maintien du document * :",
    "nouveau_document": "Joindre un document",  # guide 02 "INSTRUCTION DE LA DEMANDE" étape 4 (Mettre à jour le Document)
    "message_agent": "Message à l'agent :",
    "valider": "Valider et envoyer",
    "repondue": "Votre réponse a été envoyée à l'administration.",  # DERIVED
    "erreur_reponse": "Veuillez choisir « Maintenir le Document » ou « Mettre à jour le Document ».",  # DERIVED
    "erreur_raisons": "Veuillez préciser les raisons du maintien du document.",  # DERIVED
    "erreur_fichier": "Veuillez joindre le nouveau document.",  # DERIVED
    "delai_depasse": "Le délai de 30 jours pour répondre à cette demande de complément est dépassé depuis le {date} : votre demande pourra être clôturée par l'administration.",  # DERIVED (fake_anef/delai.py)
    "cloture": "Je vous informe que votre demande en ligne de titre de séjour n° {numero} a été clôturée le {date} : les compléments demandés n'ont pas été apportés dans le délai de 30 jours.",  # DERIVED (guides 02-04: "elle sera clôturée")
    "cloturee": "Votre demande a été clôturée : vous ne pouvez plus répondre à cette demande de complément.",  # DERIVED
    "envoyer_document": "Envoyer le document",  # DERIVED (without JavaScript: sends the file chosen)
    "telecharger": "TELECHARGER LE DOCUMENT",
    # DERIVED: the guides do not show how an attestation issued during the instruction reaches the
    # applicant ("Cette attestation sera accessible dans votre espace personnel", guide 01 FAQ 7).
    "attestation": "Je vous informe que le document « {titre} » relatif à votre demande en ligne de titre de séjour "
                   "n° {numero} est mis à votre disposition.",
    "decision": [
        "Je vous informe que votre demande en ligne de titre de séjour n° {numero} a été acceptée. Un nouveau titre "
        "de séjour est en cours de fabrication et vous sera prochainement remis.",
        "Dans l'attente de cette remise, vous trouverez en pièce jointe l'attestation de décision favorable qui vous "
        "permettra de justifier votre droit au séjour et de maintenir vos droits associés dans l'attente de la remise "
        "de votre nouveau titre en préfecture.",
        "L'administration vous recontactera pour que vous veniez retirer ce titre en préfecture, et vous précisera "
        "le montant de la taxe à acquitter.",
    ],
}
