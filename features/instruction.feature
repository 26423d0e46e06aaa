# language: fr
@instruction
Fonctionnalité: Instruction de la demande, vue par le demandeur
  Parties « INSTRUCTION DE LA DEMANDE » des guides 02, 03 et 04, dernière légende du guide 05, et guide 01
  FAQ 7, 12, 13, 15 et 16 : l'agent démarre l'instruction (le compte définitif d'un demandeur sans numéro
  étranger est alors créé), demande un complément document par document, clôt la demande dont le complément
  n'est pas venu dans les 30 jours, prend une décision favorable et marque le titre disponible. Ce que fait
  l'agent passe par l'adaptateur de back-office de la cible (les pages agent du portail intégré, dans
  une seconde fenêtre) ; le demandeur le découvre par ses courriels, la cloche, « Mes Notifications »,
  l'attestation de décision favorable (ADF) et son 2D-DOC, et « Mes demandes en cours ».

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_11_COMMENT_DECISION_PRISE @exig_G01_11_COMMENT_INSTRUCTION_COURS @exig_G01_11_COMMENT_TITRE_SEJOUR_DISPONIBLE @exig_G01_FAQ16_ADF_ESPACE_PERSONNEL @exig_G01_QUAND_CREER_CONNECTER @exig_G02_ETAPE_1_VOTRE_COMPTE_ACCES @exig_G02_ETAPE_2_LUE @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_3_NOTIFICATION_DECISION @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G02_JUSTIFICATIF_NATIONALITE_METTRE_JOUR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_MES_NOTIFICATIONS_NON_LUE @exig_G02_MES_NOTIFICATIONS_RESULTATS_PAR_PAGE @exig_G02_MES_NOTIFICATIONS_VOUS_POUVEZ_SUIVRE @exig_G02_NOTIFICATION_DECISION_DANS_ATTENTE_CETTE @exig_G02_NOTIFICATION_DECISION_DEMANDE_ACCEPTEE @exig_G02_NOTIFICATION_DECISION_TELECHARGER_DOCUMENT @exig_G02_RECEPTION_UNE_VOUS_VENEZ_RECEVOIR @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G03_ETAPE4_ADF_CARTE @exig_G03_ETAPE4_ADF_DECISION @exig_G03_ETAPE4_ADF_IDENTIFIANT @exig_G03_ETAPE4_ADF_NUMERO_DEMANDE @exig_G03_ETAPE_4_ACCEPTE @exig_G03_ETAPE_4_ATTESTATION_DECISION_FAVORABLE @exig_G03_ETAPE_4_CETTE_ATTESTATION_EST @exig_G03_ETAPE_4_DOCUMENT_AUTORISE_FRANCHISSEMENT @exig_G03_ETAPE_4_LES_DOCUMENTS_MENTIONNES @exig_G03_ETAPE_4_SUR_UNE_DEMANDE @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_SIM_AUJOURD_HUI @exig_SIM_CLOCHE_NOTIFICATIONS_NON_LUES @exig_SIM_VOTRE_REPONSE_ETE
  @enfant_de_francais @complement @decision
  Scénario: Enfant de Français : le compte créé à l'instruction, un complément répondu par « Mettre à jour le Document », puis la décision favorable et son attestation
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai déposé ma demande
    Quand l'agent démarre l'instruction de ma demande
    Alors je reçois le courriel "Votre compte d'accès à votre espace personnel usager a été créé."
    Et ce courriel me donne mon numéro étranger comme identifiant et un mot de passe provisoire
    Quand je suis le lien "Se connecter" du courriel
    Et je m'identifie avec le mot de passe provisoire
    Et je saisis un nouveau mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Alors je suis connecté sur la page d'accueil
    Et « Mes demandes en cours » montre ma demande à l'état "Instruction en cours"
    Quand l'agent me demande un complément, avec l'observation "Le justificatif a expiré." :
      | Justificatif de domicile datant de moins de 6 mois | ne sont pas valides |
    Alors je reçois un nouveau courriel de notification
    Et la cloche indique 1 notification non lue
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Les documents mentionnés ci-dessous ne sont pas valides :"
    Quand je réponds "Mettre à jour le Document" pour "Justificatif de domicile datant de moins de 6 mois" avec le fichier "quittance-de-loyer.pdf"
    Et j'appuie sur "Valider et envoyer"
    Alors la page affiche "Votre réponse a été envoyée à l'administration."
    Et l'agent voit ma réponse pour "Justificatif de domicile datant de moins de 6 mois" : "Mettre à jour le Document" et "quittance-de-loyer.pdf"
    Quand l'agent prend une décision favorable : une carte valable un an à partir de demain, et une taxe de 225 €
    Alors je reçois un nouveau courriel de notification
    Et ce courriel dit "Vous venez de recevoir une notification, elle est accessible depuis votre espace personnel"
    Et la cloche indique 1 notification non lue
    Et la cloche liste "Notification de décision" et « Voir toutes mes notifications »
    Quand j'ouvre toutes mes notifications depuis la cloche
    Alors la page affiche "Vous pouvez suivre votre correspondance avec l'administration ci-dessous."
    Et la page affiche "Résultats par page : 10"
    Et la notification "Notification de décision" est "non lue"
    Quand j'ouvre la notification "Notification de décision"
    Alors la notification m'informe que ma demande a été acceptée
    Et la page affiche "Dans l'attente de cette remise, vous trouverez en pièce jointe l'attestation de décision favorable qui vous permettra de justifier votre droit au séjour et de maintenir vos droits associés dans l'attente de la remise de votre nouveau titre en préfecture."
    Quand je télécharge "TELECHARGER LE DOCUMENT"
    Alors le document téléchargé dit "Cette attestation n'est valable qu'accompagnée du visa de long séjour ou du titre précédemment détenu."
    Et le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme
    Quand je reviens à toutes mes notifications
    Alors la notification "Notification de décision" est "lue", avec "Lu le aujourd'hui"
    Et la cloche indique 0 notification non lue
    Et « Mes demandes en cours » montre ma demande à l'état "Décision prise"
    Et « Historique de mes Titres de Séjour » montre la carte décidée
    Quand l'agent marque mon titre de séjour disponible
    Alors « Mes demandes en cours » montre ma demande à l'état "Titre de séjour disponible"

  @exig_G01_FAQ16_ADF_ESPACE_PERSONNEL @exig_G01_FAQ7_ADP_ESPACE_PERSONNEL @exig_G02_DEMANDE_COMPLEMENT_LES_DOCUMENTS_MENTIONNES @exig_G02_DEMANDE_COMPLEMENT_VOUS_INFORME_APRES @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_3_NOTIFICATION_DECISION @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G02_JUSTIFICATIF_NATIONALITE_MAINTENIR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_JUSTIFICATIF_NATIONALITE_VOUS_APPORTEZ_PAS @exig_G02_NOTIFICATION_DECISION_DEMANDE_ACCEPTEE @exig_G02_NOTIFICATION_DECISION_TELECHARGER_DOCUMENT @exig_G03_ETAPE4_ADF_CARTE @exig_G03_ETAPE4_ADF_DECISION @exig_G03_ETAPE4_ADF_IDENTIFIANT @exig_G03_ETAPE4_ADF_NUMERO_DEMANDE @exig_G03_ETAPE_3_REPONDU @exig_G03_ETAPE_4_ACCEPTE @exig_G03_ETAPE_4_ATTESTATION_DECISION_FAVORABLE @exig_G03_ETAPE_4_DOCUMENT_AUTORISE_FRANCHISSEMENT @exig_G03_ETAPE_4_SIGNATURE_MINISTERE_INTERIEUR @exig_G03_ETAPE_4_SUR_UNE_DEMANDE @exig_G03_ETAPE_5_DOCUMENT_AUTORISE_PAS @exig_G04_ANNEXE1_ADP_2DDOC @exig_G04_ETAPE_5_ATTESTATION_PROLONGATION_INSTRUCTION @exig_SIM_ATTESTATION_PROLONGATION_INSTRUCTION @exig_SIM_CLOCHE_NOTIFICATIONS_NON_LUES @exig_SIM_DOCUMENT_TRANSMIS_EST @exig_SIM_REPONDU_AUJOURD_HUI @exig_SIM_TELECHARGER_DOCUMENT @exig_SIM_VEUILLEZ_PRECISER_LES @exig_SIM_VOTRE_REPONSE_ETE
  @ase @complement @decision
  Scénario: ASE : un complément répondu par « Maintenir le Document », dont la raison est obligatoire ; l'attestation de prolongation d'instruction ; la décision favorable
    Soit un demandeur majeur confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai déposé ma demande
    Quand l'agent démarre l'instruction de ma demande
    Et l'agent me demande un complément, avec l'observation "Le document transmis est flou." :
      | Justificatif de domicile datant de moins de 6 mois | ne sont pas lisibles |
    Alors je reçois un nouveau courriel de notification
    Et la cloche indique 1 notification non lue
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Je vous informe qu'après avoir pris connaissance des documents justificatifs joints à votre demande, un complément d'information est nécessaire à la poursuite de son instruction."
    Et la page affiche "Les documents mentionnés ci-dessous ne sont pas lisibles :"
    Et la page affiche "Le document transmis est flou."
    Et la page affiche "Si vous n'apportez pas les compléments nécessaires dans un délai de 30 jours après avoir pris connaissance de ce message, votre demande pourra être considérée comme incomplète par l'administration qui ne sera pas en mesure de prendre une décision d'acceptation ou de refus de votre demande, et elle sera clôturée."
    Quand je réponds "Maintenir le Document" pour "Justificatif de domicile datant de moins de 6 mois"
    Et j'appuie sur "Valider et envoyer"
    Alors la réponse pour "Justificatif de domicile datant de moins de 6 mois" signale "Veuillez préciser les raisons du maintien du document."
    Quand je réponds "Maintenir le Document" pour "Justificatif de domicile datant de moins de 6 mois" en précisant "C'est le seul justificatif que j'ai."
    Et j'appuie sur "Valider et envoyer"
    Alors la page affiche "Votre réponse a été envoyée à l'administration."
    Quand je reviens à toutes mes notifications
    Alors la notification "Demande de complément" est "répondu", avec "Répondu le aujourd'hui"
    Et l'agent voit ma réponse pour "Justificatif de domicile datant de moins de 6 mois" : "Maintenir le Document" et "C'est le seul justificatif que j'ai."
    Quand l'agent me délivre l'attestation "Attestation de prolongation d'instruction"
    Alors je reçois un nouveau courriel de notification
    Et la cloche indique 1 notification non lue
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Attestation de prolongation d'instruction"
    Et je télécharge "TELECHARGER LE DOCUMENT"
    Alors le document téléchargé dit "ATTESTATION DE PROLONGATION D'INSTRUCTION"
    Et le document téléchargé dit "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen."
    Et son 2D-DOC est signé et porte le type de document étranger 2 (6J), ma demande, mon numéro étranger et mon nom
    Quand je télécharge "TÉLÉCHARGER : ATTESTATION DE PROLONGATION D'INSTRUCTION" depuis « Mes demandes en cours »
    Alors le document téléchargé dit "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen."
    Quand l'agent prend une décision favorable : une carte valable un an à partir de demain, et une taxe de 0 €
    Alors je reçois un nouveau courriel de notification
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Notification de décision"
    Alors la notification m'informe que ma demande a été acceptée
    Et la notification est signée "Ministère de l'Intérieur"
    Quand je télécharge "TELECHARGER LE DOCUMENT"
    Alors le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme
    Et « Historique de mes Titres de Séjour » montre la carte décidée

  @exig_G01_11_COMMENT_DECISION_PRISE @exig_G01_11_COMMENT_INSTRUCTION_COURS @exig_G01_FAQ12_DEPOT_DEMANDE @exig_G01_FAQ15_16_MAINTIEN_DROITS @exig_G01_FAQ15_ADP_RENOUVELLEMENT_VALABLE @exig_G01_FAQ16_ADF_ACTIVITE_PROFESSIONNELLE @exig_G01_FAQ16_ADF_ESPACE_PERSONNEL @exig_G01_FAQ7_ADP_ESPACE_PERSONNEL @exig_G01_FAQ7_CONFIRMATION_COMPTE_PERSONNEL @exig_G01_QUAND_CREER_CONNECTER @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_3_NOTIFICATION_DECISION @exig_G02_INSTRUCTION_ETAPE_2_CONNECTEZ_VOUS @exig_G02_INSTRUCTION_ETAPE_2_IDENTIFIANT_OUBLIE @exig_G02_INSTRUCTION_ETAPE_2_MOT_DE_PASSE_OUBLIE @exig_G02_JUSTIFICATIF_NATIONALITE_METTRE_JOUR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_NOTIFICATION_DECISION_TELECHARGER_DOCUMENT @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_ETAPE4_ADF_IDENTIFIANT @exig_G03_ETAPE4_ADF_NUMERO_DEMANDE @exig_G03_ETAPE_4_ACCEPTE @exig_G03_ETAPE_4_ATTESTATION_DECISION_FAVORABLE @exig_G03_ETAPE_4_DOCUMENT_AUTORISE_FRANCHISSEMENT @exig_G03_ETAPE_4_SUR_UNE_DEMANDE @exig_G03_ETAPE_4_TELECHARGER_CONFIRMATION_DEPOT @exig_G03_SUIVI_DEMANDE_ENVOYEE @exig_G04_ETAPE_3_JUSTIFICATIFS_DOMICILE_MOINS @exig_G04_ETAPE_3_LES_DOCUMENTS_MENTIONNES @exig_G04_ETAPE_5_ATTESTATION_PROLONGATION_INSTRUCTION @exig_SIM_ADF_DECISION_RENOUVELLEMENT @exig_SIM_VEUILLEZ_JOINDRE_NOUVEAU @exig_SIM_VOTRE_REPONSE_ETE
  @bpi @complement @decision @echantillon_deploiement
  Scénario: BPI : la confirmation (son ADP) depuis « Mes demandes en cours », un complément répondu par « Mettre à jour le Document », puis la décision favorable
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai déposé ma demande
    Alors « Mes demandes en cours » montre ma demande à l'état "Dépôt de la demande", envoyée le jour du dépôt
    Quand je télécharge "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT" depuis « Mes demandes en cours »
    Alors le document téléchargé dit "ATTESTATION DE PROLONGATION D'INSTRUCTION"
    Et le document téléchargé dit "valable qu'accompagnée du titre de séjour (carte de séjour ou visa) précédemment détenu (même s'il est arrivé à expiration)"
    Et le document téléchargé dit "le maintien de l'ensemble des droits ouverts en raison du titre de séjour précédemment détenu"
    Quand l'agent démarre l'instruction de ma demande
    Et l'agent me demande un complément, avec l'observation "Merci de fournir une facture récente." :
      | Justificatifs de domicile de moins de 6 mois | sont manquants |
    Alors je reçois un nouveau courriel de notification
    Quand je me déconnecte
    Et je suis le lien "Se connecter" du courriel
    Alors la page affiche "Connectez-vous pour accéder à vos services"
    Et la page affiche "Identifiant oublié ?"
    Et la page affiche "Mot de passe oublié ?"
    Quand je m'identifie par "Se connecter" avec mon numéro étranger et mon mot de passe
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Les documents mentionnés ci-dessous sont manquants :"
    Quand je réponds "Mettre à jour le Document" pour "Justificatifs de domicile de moins de 6 mois"
    Et j'appuie sur "Valider et envoyer"
    Alors la réponse pour "Justificatifs de domicile de moins de 6 mois" signale "Veuillez joindre le nouveau document."
    Quand je réponds "Mettre à jour le Document" pour "Justificatifs de domicile de moins de 6 mois" avec le fichier "facture-electricite.pdf"
    Et j'appuie sur "Valider et envoyer"
    Alors la page affiche "Votre réponse a été envoyée à l'administration."
    Et l'agent voit ma réponse pour "Justificatifs de domicile de moins de 6 mois" : "Mettre à jour le Document" et "facture-electricite.pdf"
    Et « Mes demandes en cours » montre ma demande à l'état "Instruction en cours", envoyée le jour du dépôt
    Quand l'agent prend une décision favorable : une carte valable un an à partir de demain, et une taxe de 225 €
    Alors je reçois un nouveau courriel de notification
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Notification de décision"
    Et je télécharge "TELECHARGER LE DOCUMENT"
    Alors le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme
    Et le document téléchargé dit "le maintien de l'ensemble des droits ouverts en raison du titre de séjour précédemment détenu"
    Et le document téléchargé dit "Si votre titre permettait d'exercer une activité professionnelle, celle-ci peut se poursuivre pendant la durée de validité de cette attestation."
    Et « Mes demandes en cours » montre ma demande à l'état "Décision prise"
    Et « Historique de mes Titres de Séjour » montre la carte décidée

  @exig_G01_QUAND_CREER_CONNECTER @exig_G02_ETAPE_1_VOTRE_COMPTE_ACCES @exig_G02_ETAPE_2_LUE @exig_G02_ETAPE_3_NOTIFICATION_DECISION @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G02_MES_NOTIFICATIONS_FILTRE @exig_G02_MES_NOTIFICATIONS_PAGE_SUR @exig_G02_MES_NOTIFICATIONS_RETOUR_TOUTES @exig_G02_MES_NOTIFICATIONS_TITRE @exig_G02_MES_NOTIFICATIONS_TOUTES_LES_NOTIFICATIONS @exig_G02_MES_NOTIFICATIONS_VOIR_TOUTES @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_SIM_AUJOURD_HUI @exig_SIM_CLOCHE_NOTIFICATIONS_NON_LUES @exig_SIM_FILTRER @exig_SIM_LUES @exig_SIM_NON_LUES @exig_SIM_PAGE_SUIVANTE
  @enfant_de_francais @notifications
  Scénario: Plus de dix notifications : « Mes Notifications » les pagine par 10 et les filtre
    Soit un demandeur de nationalité "sénégalaise", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai déposé ma demande
    Quand l'agent démarre l'instruction de ma demande
    Alors je reçois le courriel "Votre compte d'accès à votre espace personnel usager a été créé."
    Et ce courriel me donne mon numéro étranger comme identifiant et un mot de passe provisoire
    Quand je suis le lien "Se connecter" du courriel
    Et je m'identifie avec le mot de passe provisoire
    Et je saisis un nouveau mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Et l'agent me demande 11 compléments pour le justificatif "Justificatif de domicile datant de moins de 6 mois"
    Et l'agent prend une décision favorable : une carte valable un an à partir de demain, et une taxe de 225 €
    Alors la cloche indique 12 notifications non lues
    Quand j'ouvre toutes mes notifications depuis la cloche
    Alors la liste montre 10 notifications, page « 1 sur 2 »
    Quand je passe à la page suivante
    Alors la liste montre 2 notifications, page « 2 sur 2 »
    Quand je filtre mes notifications sur "Toutes les notifications"
    Et j'ouvre la notification "Notification de décision"
    Et je reviens à toutes mes notifications
    Et je filtre mes notifications sur "Lues"
    Alors la liste montre 1 notifications, page « 1 sur 1 »
    Et la notification "Notification de décision" est "lue", avec "Lu le aujourd'hui"
    Quand je filtre mes notifications sur "Non lues"
    Alors la liste montre 10 notifications, page « 1 sur 2 »
    Et la cloche indique 11 notifications non lues

  @exig_G01_11_COMMENT_INSTRUCTION_COURS @exig_G02_COMPLEMENT_JOINDRE_DOCUMENT @exig_G02_COMPLEMENT_OBSERVATIONS @exig_G02_COMPLEMENT_RAISONS_MAINTIEN @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G02_ETAPE_4_JUSTIFICATIF_NATIONALITE @exig_G02_ETAPE_4_MESSAGE_AGENT @exig_G02_JUSTIFICATIF_NATIONALITE_MAINTENIR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_METTRE_JOUR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_PHOTOGRAPHIE_IDENTITE_SUPPRIMER @exig_G03_SUIVI_DEMANDE_ENVOYEE @exig_SIM_DOCUMENT_TRANSMIS_EST @exig_SIM_VOTRE_REPONSE_ETE
  @ase @complement
  Scénario: ASE : la demande de complément document par document, comme les guides 02 à 04 la montrent
    Soit un demandeur majeur confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai déposé ma demande
    Quand l'agent démarre l'instruction de ma demande
    Et l'agent me demande un complément, document par document :
      | Justificatif de domicile datant de moins de 6 mois | ne sont pas lisibles | Le document transmis est flou. |
      | Justificatif de nationalité                        | ne sont pas valides  | Le passeport a expiré.         |
    Alors je reçois un nouveau courriel de notification
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors le document "Justificatif de domicile datant de moins de 6 mois" porte l'observation "Le document transmis est flou."
    Et le document "Justificatif de nationalité" porte l'observation "Le passeport a expiré."
    Et pour "Justificatif de nationalité", la page ne montre ni "Veillez préciser les raisons du maintien du document * :" ni "Joindre un document"
    Quand je choisis "Maintenir le Document" pour "Justificatif de domicile datant de moins de 6 mois"
    Alors pour "Justificatif de domicile datant de moins de 6 mois", la page montre "Veillez préciser les raisons du maintien du document * :" mais pas "Joindre un document"
    Quand je choisis "Mettre à jour le Document" pour "Justificatif de nationalité"
    Alors pour "Justificatif de nationalité", la page montre "Joindre un document" mais pas "Veillez préciser les raisons du maintien du document * :"
    Et pour "Justificatif de nationalité", la page montre "Message à l'agent" mais pas "Veillez préciser les raisons du maintien du document * :"
    Quand je joins le fichier "passeport-ancien.pdf" pour "Justificatif de nationalité"
    Alors pour "Justificatif de nationalité", le fichier "passeport-ancien.pdf" est joint avec "SUPPRIMER"
    Quand je supprime le fichier "passeport-ancien.pdf" pour "Justificatif de nationalité"
    Et je joins le fichier "passeport.pdf" pour "Justificatif de nationalité"
    Et je saisis "Voici mon nouveau passeport." dans "Message à l'agent" pour "Justificatif de nationalité"
    Et je réponds "Maintenir le Document" pour "Justificatif de domicile datant de moins de 6 mois" en précisant "C'est le seul justificatif que j'ai."
    Et j'appuie sur "Valider et envoyer"
    Alors la page affiche "Votre réponse a été envoyée à l'administration."
    Et l'agent voit ma réponse pour "Justificatif de nationalité" : "Mettre à jour le Document" et "passeport.pdf" et "Voici mon nouveau passeport."
    Et l'agent voit ma réponse pour "Justificatif de domicile datant de moins de 6 mois" : "Maintenir le Document" et "C'est le seul justificatif que j'ai."
    Et « Mes demandes en cours » montre ma demande à l'état "Instruction en cours", envoyée le jour du dépôt

  @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_JUSTIFICATIF_NATIONALITE_VOUS_APPORTEZ_PAS @exig_G03_SUIVI_DEMANDE_ENVOYEE @exig_SIM_COMPLEMENT_CLOTUREE @exig_SIM_DEMANDE_CLOTUREE
  @ase @complement @horloge
  Scénario: ASE : le délai de 30 jours du complément passé sans réponse, l'agent clôture la demande
    Soit un demandeur majeur confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai déposé ma demande
    Quand l'agent démarre l'instruction de ma demande
    Et l'agent me demande un complément, avec l'observation "Le document transmis est flou." :
      | Justificatif de domicile datant de moins de 6 mois | ne sont pas lisibles |
    Et j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Si vous n'apportez pas les compléments nécessaires dans un délai de 30 jours après avoir pris connaissance de ce message, votre demande pourra être considérée comme incomplète par l'administration qui ne sera pas en mesure de prendre une décision d'acceptation ou de refus de votre demande, et elle sera clôturée."
    Quand 29 jours passent sur l'horloge du portail
    Alors l'agent ne peut pas encore clôturer ma demande
    Quand 2 jours passent sur l'horloge du portail
    Et l'agent clôture ma demande, le complément n'ayant pas été apporté dans le délai
    Alors je reçois un nouveau courriel de notification
    Et « Mes demandes en cours » montre ma demande à l'état "Demande clôturée", envoyée le jour du dépôt
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Votre demande a été clôturée : vous ne pouvez plus répondre à cette demande de complément."
    Et la page ne propose plus "Valider et envoyer"

  @exig_G01_11_COMMENT_DECISION_PRISE @exig_G01_11_COMMENT_INSTRUCTION_COURS @exig_G01_FAQ12_DEPOT_DEMANDE @exig_G01_FAQ15_16_MAINTIEN_DROITS @exig_G01_FAQ16_ADF_ACTIVITE_PROFESSIONNELLE @exig_G01_FAQ16_ADF_ESPACE_PERSONNEL @exig_G01_FAQ7_CONFIRMATION_COMPTE_PERSONNEL @exig_G02_COMPLEMENT_OBSERVATIONS @exig_G02_ETAPE_3_DEMANDE_COMPLEMENT @exig_G02_ETAPE_3_NOTIFICATION_DECISION @exig_G02_JUSTIFICATIF_NATIONALITE_METTRE_JOUR_DOCUMENT @exig_G02_JUSTIFICATIF_NATIONALITE_VALIDER_ENVOYER @exig_G02_NOTIFICATION_DECISION_DEMANDE_ACCEPTEE @exig_G02_NOTIFICATION_DECISION_TELECHARGER_DOCUMENT @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_ETAPE4_ADF_IDENTIFIANT @exig_G03_ETAPE4_ADF_NUMERO_DEMANDE @exig_G03_ETAPE_4_ACCEPTE @exig_G03_ETAPE_4_ATTESTATION_DECISION_FAVORABLE @exig_G03_ETAPE_4_DOCUMENT_AUTORISE_FRANCHISSEMENT @exig_G03_ETAPE_4_SUR_UNE_DEMANDE @exig_G03_ETAPE_4_TELECHARGER_CONFIRMATION_DEPOT @exig_G03_SUIVI_DEMANDE_ENVOYEE @exig_G04_ETAPE_3_LES_DOCUMENTS_MENTIONNES @exig_G05_ETAPE_3_JUSTIFICATIFS_RESIDENCE_FRANCE @exig_SIM_ADF_DECISION_RENOUVELLEMENT @exig_SIM_CONFIRMATION_DEPOT_UNE @exig_SIM_TELECHARGER_DOCUMENT @exig_SIM_VOTRE_REPONSE_ETE
  @famille_ue @complement @decision
  Scénario: Famille UE : la confirmation depuis « Mes demandes en cours », un complément répondu par « Mettre à jour le Document », la décision favorable et son attestation
    Soit un membre de famille conjoint d'un accueillant français, ayant séjourné avec lui 14 mois dans un autre État membre, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai déposé ma demande
    Alors « Mes demandes en cours » montre ma demande à l'état "Dépôt de la demande", envoyée le jour du dépôt
    Quand je télécharge "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT" depuis « Mes demandes en cours »
    Alors le document téléchargé dit "CONFIRMATION DU DÉPÔT D'UNE DEMANDE DE TITRE DE SÉJOUR"
    Quand l'agent démarre l'instruction de ma demande
    Et l'agent me demande un complément, document par document :
      | Justificatifs de la résidence en France | sont manquants | Merci de joindre vos avis d'imposition. |
    Alors je reçois un nouveau courriel de notification
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Demande de complément"
    Alors la page affiche "Les documents mentionnés ci-dessous sont manquants :"
    Et le document "Justificatifs de la résidence en France" porte l'observation "Merci de joindre vos avis d'imposition."
    Quand je réponds "Mettre à jour le Document" pour "Justificatifs de la résidence en France" avec le fichier "avis-imposition.pdf"
    Et j'appuie sur "Valider et envoyer"
    Alors la page affiche "Votre réponse a été envoyée à l'administration."
    Et l'agent voit ma réponse pour "Justificatifs de la résidence en France" : "Mettre à jour le Document" et "avis-imposition.pdf"
    Et « Mes demandes en cours » montre ma demande à l'état "Instruction en cours", envoyée le jour du dépôt
    Quand l'agent prend une décision favorable : une carte valable un an à partir de demain, et une taxe de 225 €
    Alors je reçois un nouveau courriel de notification
    Quand j'ouvre toutes mes notifications depuis la cloche
    Et j'ouvre la notification "Notification de décision"
    Alors la notification m'informe que ma demande a été acceptée
    Quand je télécharge "TELECHARGER LE DOCUMENT"
    Alors le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme
    Et le document téléchargé dit "SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR"
    Et le document téléchargé dit "le maintien de l'ensemble des droits ouverts en raison du titre de séjour précédemment détenu"
    Et le document téléchargé dit "Si votre titre permettait d'exercer une activité professionnelle, celle-ci peut se poursuivre pendant la durée de validité de cette attestation."
    Et « Mes demandes en cours » montre ma demande à l'état "Décision prise", envoyée le jour du dépôt
    Et « Historique de mes Titres de Séjour » montre la carte décidée
    Quand je télécharge "TÉLÉCHARGER : ATTESTATION DE DÉCISION FAVORABLE" depuis « Mes demandes en cours »
    Alors le document téléchargé dit "ATTESTATION DE DÉCISION FAVORABLE"
