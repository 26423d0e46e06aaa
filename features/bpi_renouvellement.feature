# language: fr
@demarche @bpi
Fonctionnalité: Renouvellement du titre de séjour d'un bénéficiaire de la protection internationale
  Guide 04, CAS 1 : un bénéficiaire de la protection subsidiaire (« BPS ») ou un réfugié, titulaire
  d'un titre de séjour, crée son compte avec le numéro de son titre et ses dates de validité, puis en
  demande le renouvellement : « Votre situation actuelle », la page de préambule, 5 étapes dont un
  récapitulatif en 3 parties à valider. Le dépôt remet une attestation de prolongation d'instruction
  valable six mois, qui porte un 2D-DOC signé (type 13, 6J = 2) ; le courriel de confirmation la joint.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_PREMIERE_VISITE_CREEZ @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_1_ACCES_RETOUR_ACCUEIL @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_4_CREATION_CREATION_COMPTE_ACCES @exig_G03_8_CHOIX_CONTINUE @exig_G04_2_CHOIX_SUIS_TITULAIRE_TITRE @exig_G04_5_CREATION_SAISISSEZ_VOTRE_ADRESSE @exig_G04_6_DEMANDE_DEMANDE_CREATION_COMPTE @exig_G04_6_DEMANDE_VOTRE_IDENTIFIANT_CONNEXION @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_8_CREATION_CREER_MOT_PASSE @exig_G04_8_CREATION_MOT_PASSE @exig_G04_8_CREATION_VOTRE_ADRESSE_EMAIL @exig_G04_8_CREATION_VOTRE_COMPTE_BIEN @exig_G04_ETAPE_2_CONNECTER @exig_G04_INTRODUCTION_VALIDER
  @chemin_c
  Scénario: Créer son compte avec le numéro de son titre de séjour
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, dont le titre de séjour est connu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "Et je suis titulaire d'un titre de séjour / VLS-TS"
    Et je clique sur "Je continue"
    Alors la page affiche "Première visite? Créez votre compte."
    Quand je saisis le numéro de mon titre et ses dates de validité
    Et je clique sur "Créer un compte"
    Alors la page affiche "Saisissez votre adresse email"
    Quand je saisis mon adresse email et sa confirmation
    Et je clique sur "Valider"
    Alors la page affiche "Demande de création de compte bien enregistrée."
    Et la page affiche "Votre identifiant de connexion sera votre N° Etranger"
    Et je reçois le courriel "La création du compte d'accès à votre espace personnel usager ou de l'utilisateur que vous représentez est en cours."
    Quand je suis le lien du courriel
    Alors la page affiche "Votre adresse email a bien été validée."
    Quand je saisis mon mot de passe dans "Mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Créer le mot de passe"
    Alors la page affiche "Votre compte a bien été créé."
    Quand je clique sur "Retour à l'accueil"
    Et je clique sur "SE CONNECTER"
    Et je m'identifie avec mon numéro étranger et mon mot de passe
    Alors je suis connecté sur la page d'accueil

  @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G04_5_CREATION_SAISISSEZ_VOTRE_ADRESSE @exig_G04_ETAPE_2_CONNECTER @exig_SIM_TITRE_INCONNU
  @chemin_c
  Plan du scénario: Un titre de séjour qui ne correspond pas est refusé : <erreur>
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, dont le titre de séjour est connu du portail
    Quand je clique sur "SE CONNECTER"
    Et je saisis <erreur>
    Et je clique sur "Créer un compte"
    Alors la page signale "Les informations saisies ne correspondent à aucun titre de séjour ni visa connu."
    Et la page n'affiche pas "Saisissez votre adresse email"

    Exemples:
      | erreur                                                          |
      | un numéro de titre erroné et ses dates de validité              |
      | le numéro de mon titre avec une date de début de validité erronée |
      | le numéro de mon titre avec une date de fin de validité erronée |

  @exig_G01_COMMENT_CREER_MOI_MEME @exig_G02_DEMANDER_TITRE_OBSERVATIONS_DESTINATION_ADMINISTRATION @exig_G03_1_ACCES_CONFIRMATION @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_8_CHOIX_COMMENCE @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_DEPOSEZ_VOTRE_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_8_CHOIX_VOTRE_DEMARCHE_LIGNE @exig_G03_8_CHOIX_VOTRE_SITUATION_ACTUELLE @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_4_VOTRE_DEMANDE_BIEN @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_G04_12_CHOISIR_SOLLICITE_RENOUVELLEMENT_TITRE @exig_G04_12_CHOISIR_TITRE_PORTE_MENTION @exig_G04_12_CHOISIR_VOUS_ETES_TITULAIRE @exig_G04_13_AFFICHAGE_RECAPITULATIF @exig_G04_13_AFFICHAGE_VERIFIEZ_RECAPITULATIF_VOTRE @exig_G04_ANNEXE1_ACTIVITE_PROFESSIONNELLE @exig_G04_ANNEXE1_ADP_2DDOC @exig_G04_ANNEXE1_ADP_DEPOT @exig_G04_ANNEXE1_ADP_IDENTIFIANT @exig_G04_ANNEXE1_ADP_SCHENGEN @exig_G04_ANNEXE1_ADP_VALIDITE_SIX_MOIS @exig_G04_ANNEXE2_COURRIEL_ADP_JOINTE @exig_G04_ETAPE_2_BENEFICIER_PROTECTION_SUBSIDIAIRE @exig_G04_ETAPE_2_DEMANDE_TITRE_SEJOUR @exig_G04_ETAPE_3_JUSTIFICATIFS_DOMICILE_MOINS @exig_G04_ETAPE_4_VERIFIE_LES_INFORMATIONS @exig_G04_ETAPE_5_OBTENU_BENEFICE_PROTECTION @exig_G04_ETAPE_5_UNE_DEMANDE_TITRE @exig_SIM_OBTENU_STATUT_REFUGIE @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_REFUGIE_MENTION @exig_SIM_REFUGIE_MOTIF @exig_SIM_REFUGIE_NON_MARIE @exig_SIM_REFUGIE_TITULAIRE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @adp
  @navigateur
  Plan du scénario: Renouvellement complet d'un titre « <catégorie> », non marié, et son attestation de prolongation d'instruction
    Soit un bénéficiaire de la protection internationale au titre « <catégorie> », non marié, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même"
    Et je clique sur "Je continue"
    Alors la page affiche "Votre situation actuelle"
    Et la page affiche "Vous êtes titulaire d'un titre de séjour en tant que « <catégorie> »."
    Et la page affiche "Ce titre porte la mention « <mention> »."
    Quand je coche "Je sollicite le renouvellement de ce titre"
    Et je clique sur "Je commence"
    Alors la page affiche "Votre démarche en ligne"
    Et la page affiche "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES"
    Et la page affiche "Vérifiez le récapitulatif de votre demande et de vos documents."
    Quand j'appuie sur "Je continue"
    Alors je suis à l'étape "Informations personnelles"
    Et mon état civil est affiché sans pouvoir être modifié
    Quand je renseigne mon lieu de naissance, ma situation familiale, mon adresse et mon téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et la page affiche "<motif>"
    Et la page demande d'attester "<attestation>"
    Quand j'atteste sur l'honneur de ma situation
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatifs de domicile de moins de 6 mois" est demandé
    Quand je confirme mon numéro ephoto et je joins mon justificatif de domicile
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Récapitulatif"
    Et la page affiche "Je vérifie les informations que j'ai saisies en validant les 3 parties afin de déposer ma demande. Une fois la demande déposée, je ne peux plus la modifier."
    Et le bouton "Déposer la demande" n'est pas proposé
    Quand je valide les trois parties du récapitulatif
    Et je saisis "Pas de commentaires" dans le champ "Observations à destination de l'administration"
    Et j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Et la page affiche "Votre demande a bien été enregistrée et vous allez recevoir un accusé de réception."
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors le document téléchargé est mon attestation de prolongation d'instruction, valable six mois
    Et le document téléchargé dit "<statut imprimé>"
    Et son 2D-DOC, signé par une autorité de test, porte mon identité et les dates imprimées
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel porte en pièce jointe mon attestation, nommée d'après mon numéro étranger et sa date d'émission

    Exemples:
      | catégorie | mention                                   | motif                                                                              | attestation                                                      | statut imprimé                                     |
      | BPS       | BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE | Je demande un titre de séjour en tant que bénéficiaire de la protection subsidiaire. | Bénéficier de la protection subsidiaire et ne pas être marié. | A OBTENU LE BENEFICE DE LA PROTECTION SUBSIDIAIRE |

    @refugie
    Exemples: Variante réfugié (textes du simulateur, le guide ne montre que le BPS)
      | catégorie | mention | motif                                               | attestation                                           | statut imprimé                |
      | Réfugié   | REFUGIE | Je demande un titre de séjour en tant que réfugié. | Bénéficier du statut de réfugié et ne pas être marié. | A OBTENU LE STATUT DE REFUGIE |

  @exig_G01_COMMENT_CREER_MOI_MEME @exig_G02_ETAPE_2_QUITTER_REVENIR_PLUS @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_8_CHOIX_COMMENCE @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_TELECHARGER_LISTE_DES @exig_G03_8_CHOIX_VOTRE_DEMARCHE_LIGNE @exig_G03_ETAPE_1_ABANDONNER_DEMANDE @exig_G04_12_CHOISIR_SOLLICITE_RENOUVELLEMENT_TITRE @exig_G04_13_AFFICHAGE_ABANDONNER_DEMANDE @exig_G04_13_AFFICHAGE_QUITTER_REVENIR_PLUS @exig_G04_ANNEXE1_LISTE_ACTE_MARIAGE @exig_G04_ANNEXE1_LISTE_DECISION_JUGE_TUTELLES @exig_G04_ANNEXE1_LISTE_INFORMATIONS_PERSONNELLES @exig_G04_ANNEXE1_LISTE_MINEUR_EMANCIPE @exig_G04_ETAPE_2_CONNECTER @exig_SIM_ACTE_MARIAGE
  Scénario: Le préambule propose la liste des pièces (dont le mineur émancipé), d'abandonner la demande ou de la quitter pour revenir plus tard
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même"
    Et je clique sur "Je continue"
    Et je coche "Je sollicite le renouvellement de ce titre"
    Et je clique sur "Je commence"
    Alors la page affiche "Votre démarche en ligne"
    Quand je télécharge "Télécharger la liste des pièces justificatives."
    Alors le document téléchargé présente "INFORMATIONS PERSONNELLES" puis "Si vous êtes un mineur émancipé"
    Et le document téléchargé dit "Décision du juge des tutelles"
    Et le document téléchargé dit "Acte de mariage"
    Et la page propose le bouton "Abandonner la demande"
    Et la page propose le bouton "Quitter et revenir plus tard"
    Quand je clique sur "Quitter et revenir plus tard"
    Alors la page propose le bouton "SE CONNECTER"

  @exig_G01_COMMENT_CREER_MOI_MEME @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_PREMIERE_VISITE_CREEZ @exig_G01_COMMENT_CREER_SUIS_TITULAIRE_UNIQUEMENT @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_1_ACCES_RETOUR_ACCUEIL @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_4_CREATION_CREATION_COMPTE_ACCES @exig_G03_8_CHOIX_COMMENCE @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_VOTRE_DEMARCHE_LIGNE @exig_G03_8_CHOIX_VOTRE_SITUATION_ACTUELLE @exig_G04_12_CHOISIR_SOLLICITE_RENOUVELLEMENT_TITRE @exig_G04_5_CREATION_SAISISSEZ_VOTRE_ADRESSE @exig_G04_6_DEMANDE_VOTRE_IDENTIFIANT_CONNEXION @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_8_CREATION_CREER_MOT_PASSE @exig_G04_8_CREATION_MOT_PASSE @exig_G04_8_CREATION_VOTRE_COMPTE_BIEN @exig_G04_ETAPE_2_CONNECTER @exig_G04_INTRODUCTION_VALIDER
  Scénario: Option 2, le titulaire uniquement d'un visa long séjour crée son compte et demande le renouvellement
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, titulaire uniquement d'un visa long séjour connu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "Et je suis titulaire uniquement d'un visa long séjour"
    Et je clique sur "Je continue"
    Alors la page affiche "Première visite? Créez votre compte."
    Quand je saisis le numéro de mon titre et ses dates de validité
    Et je clique sur "Créer un compte"
    Alors la page affiche "Saisissez votre adresse email"
    Quand je saisis mon adresse email et sa confirmation
    Et je clique sur "Valider"
    Alors la page affiche "Votre identifiant de connexion sera votre N° Etranger"
    Et je reçois le courriel "La création du compte d'accès à votre espace personnel usager ou de l'utilisateur que vous représentez est en cours."
    Quand je suis le lien du courriel
    Et je saisis mon mot de passe dans "Mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Créer le mot de passe"
    Alors la page affiche "Votre compte a bien été créé."
    Quand je clique sur "Retour à l'accueil"
    Et je clique sur "SE CONNECTER"
    Et je m'identifie avec mon numéro étranger et mon mot de passe
    Et je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même"
    Et je clique sur "Je continue"
    Alors la page affiche "Votre situation actuelle"
    Quand je coche "Je sollicite le renouvellement de ce titre"
    Et je clique sur "Je commence"
    Alors la page affiche "Votre démarche en ligne"

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_AVOIR_CONNAISSANCE_DES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G04_ETAPE_2_BENEFICIER_PROTECTION_SUBSIDIAIRE @exig_SIM_BENEFICIER_PROTECTION_SUBSIDIAIRE @exig_SIM_POUR_POURSUIVRE_TELEPROCEDURE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Un demandeur marié atteste ne pas vivre en état de polygamie
    Soit un bénéficiaire de la protection internationale au titre « BPS », marié, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Alors la page demande d'attester "Bénéficier de la protection subsidiaire et ne pas vivre en état de polygamie, même si mon pays d'origine l'autorise."
    Et la page ne demande pas d'attester "Bénéficier de la protection subsidiaire et ne pas être marié."
    Et la page demande d'attester "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation."
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et la case "Bénéficier de la protection subsidiaire et ne pas vivre en état de polygamie, même si mon pays d'origine l'autorise." signale "Pour poursuivre la téléprocédure, vous devez cocher cette case."
    Quand j'atteste sur l'honneur de ma situation
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"

  @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_MODIFIER_SAISIE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G04_13_AFFICHAGE_RECAPITULATIF @exig_G04_ETAPE_4_JUSTIFICATIFS_3_3 @exig_G04_ETAPE_4_MES_INFORMATIONS_PERSONNELLES @exig_G04_ETAPE_4_MON_MOTIF_SEJOUR @exig_G04_ETAPE_4_VALIDER_VERIFIER_SUITE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @recapitulatif
  Scénario: Au récapitulatif, modifier ma saisie puis valider les trois parties
    Soit un bénéficiaire de la protection internationale au titre « BPS », non marié, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai rempli ma demande jusqu'à l'étape "Récapitulatif"
    Alors la partie "MES INFORMATIONS PERSONNELLES (1/3)" est ouverte
    Et la partie "MES INFORMATIONS PERSONNELLES (1/3)" montre mon nom de naissance, ma situation familiale et mon téléphone
    Et le bouton "Déposer la demande" n'est pas proposé
    Quand j'appuie sur "Modifier ma saisie" dans la partie "MES INFORMATIONS PERSONNELLES (1/3)"
    Alors je suis à l'étape "Informations personnelles"
    Quand je saisis un autre numéro de téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Récapitulatif"
    Et la partie "MES INFORMATIONS PERSONNELLES (1/3)" montre mon nouveau numéro de téléphone
    Quand j'appuie sur "Valider et vérifier la suite de ma saisie" dans la partie "MES INFORMATIONS PERSONNELLES (1/3)"
    Alors la partie "MES INFORMATIONS PERSONNELLES (1/3)" est fermée
    Et la partie "MON MOTIF DE SEJOUR (2/3)" est ouverte
    Et la partie "MON MOTIF DE SEJOUR (2/3)" montre mon attestation sur l'honneur
    Quand j'appuie sur "Valider et vérifier la suite de ma saisie" dans la partie "MON MOTIF DE SEJOUR (2/3)"
    Alors la partie "JUSTIFICATIFS (3/3)" est ouverte
    Et la partie "JUSTIFICATIFS (3/3)" montre mon numéro ephoto et mon justificatif de domicile
    Et le bouton "Déposer la demande" n'est pas proposé
    Quand j'appuie sur "Valider et vérifier la suite de ma saisie" dans la partie "JUSTIFICATIFS (3/3)"
    Alors la partie "JUSTIFICATIFS (3/3)" est fermée
    Et le bouton "Déposer la demande" est proposé
