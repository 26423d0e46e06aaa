# language: fr
@demarche @ase
Fonctionnalité: Première demande de titre de séjour d'un étranger confié à l'ASE
  Téléprocédure « Vie privée et familiale – Vulnérabilités (Lot 3) » du guide 03 : un ressortissant
  étranger confié à l'Aide Sociale à l'Enfance, titulaire d'un numéro étranger sans titre de séjour,
  demande un titre de séjour en 5 étapes depuis « Votre situation actuelle ». CAS 1 : mineur non
  émancipé ; CAS 2 : mineur émancipé ; CAS 3 : majeur. Une prise en charge par l'ASE après ses
  16 ans rend le demandeur non éligible. Après le dépôt : une confirmation en PDF portant le numéro
  étranger, un courriel, et la demande dans « Mes demandes en cours ».

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_COMMENT_CREER_MOI_MEME @exig_G03_1_ACCES_CONFIRMATION @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_4_CREATION_MESSAGE_EST_GENERE @exig_G03_8_CHOIX_1_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_2_MOTIF_SEJOUR @exig_G03_8_CHOIX_3_JUSTIFICATIFS @exig_G03_8_CHOIX_4_DEPOT_DEMANDE @exig_G03_8_CHOIX_5_CONFIRMATION @exig_G03_8_CHOIX_COMMENCE @exig_G03_8_CHOIX_CONFIRMEZ_DEPOSEZ_DEFINITIVEMENT @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_DECRIVEZ_VOTRE_PROJET @exig_G03_8_CHOIX_DEPOSEZ_VOTRE_DEMANDE @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_8_CHOIX_DEPOT_VOTRE_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JOIGNEZ_LES_DOCUMENTS @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_LES_INFORMATIONS_ETAT @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_8_CHOIX_SITE_VOUS_PERMET @exig_G03_8_CHOIX_SOLLICITE_AUTRE_TITRE @exig_G03_8_CHOIX_SUIS_MINEUR_16 @exig_G03_8_CHOIX_SUIS_SITUATION_VULNERABILITE @exig_G03_8_CHOIX_TANT_ETRANGER_CONFIE @exig_G03_8_CHOIX_TANT_ETRANGER_CONFIE_2 @exig_G03_8_CHOIX_TELECHARGER_LISTE_DES @exig_G03_8_CHOIX_VERIFIEZ_COMPLETEZ_LES @exig_G03_8_CHOIX_VERIFIE_LES_INFORMATIONS @exig_G03_8_CHOIX_VOTRE_DEMARCHE_LIGNE @exig_G03_8_CHOIX_VOTRE_SAISIE_EST @exig_G03_8_CHOIX_VOTRE_SITUATION_ACTUELLE @exig_G03_8_CHOIX_VOUS_DEVEZ_JOINDRE @exig_G03_ETAPE_1_AVOIR_BESOIN_DISPOSER @exig_G03_ETAPE_1_AVOIR_CONNAISSANCE_DES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_1_INFORMATION_SUR_PRISE @exig_G03_ETAPE_2_ACCORD_PARENT_REPRESENTANT @exig_G03_ETAPE_2_DECISION_PLACEMENT_PAR @exig_G03_ETAPE_2_JUSTIFICATIFS_ACTIVITE_PROFESSIONNELLE @exig_G03_ETAPE_2_JUSTIFICATIF_EMANCIPATION @exig_G03_ETAPE_2_JUSTIFICATIF_IDENTITE @exig_G03_ETAPE_2_MOTIF_SEJOUR @exig_G03_ETAPE_2_NATURE_DES_LIENS @exig_G03_ETAPE_2_PAS_VIVRE_FRANCE @exig_G03_ETAPE_3_CONFIRME_DEPOT_DEFINITIF @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_4_DEMANDE_TITRE_SEJOUR @exig_G03_ETAPE_4_DEMANDE_VIE_PRIVEE @exig_G03_ETAPE_4_HISTORIQUE_MES_TITRES @exig_G03_ETAPE_4_INSERTION_DANS_SOCIETE @exig_G03_ETAPE_4_MES_DEMANDES_COURS @exig_G03_ETAPE_4_TELECHARGER_CONFIRMATION_DEPOT @exig_G03_ETAPE_4_VOS_DEMANDES_COURS @exig_G03_ETAPE_4_VOTRE_DEMANDE_BIEN @exig_G03_ETAPE_5_CONFIRMATION_DEPOT_UNE @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_G03_SUIVI_DEMANDE_ENVOYEE @exig_G04_ETAPE_5_VOUS_DEVEZ_OBLIGATOIREMENT @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_STRUCTURE_ETAPE_COURANTE @exig_SIM_UNE_PHOTO_POUR
  @cas_1
  @navigateur
  Scénario: CAS 1, un mineur non émancipé dépose sa demande et la retrouve dans ses demandes en cours
    Soit un demandeur mineur non émancipé confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même"
    Et je clique sur "Je continue"
    Alors la page affiche "Votre situation actuelle"
    Et la page affiche "JE SOLLICITE UN AUTRE TITRE DE SÉJOUR :"
    Quand je coche "Je suis en situation de vulnérabilité"
    Et je coche "En tant qu'étranger confié à l'ASE (Aide Sociale à l'Enfance)"
    Et j'appuie sur "Je commence"
    Alors la page affiche "Votre démarche en ligne"
    Et la page affiche "Ce site vous permet d'effectuer une demande de titre de séjour Vie Privée et Familiale :"
    Et la page affiche "en tant qu'étranger confié(e) à l'Aide Sociale à l'Enfance (ASE)"
    Et la page présente "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES" :
      | 1. Informations personnelles | Vérifiez et complétez les informations relatives à votre identité et vos informations de contact. |
      | 2. Motif de séjour           | Décrivez votre projet et renseignez les ressources dont vous bénéficiez.                           |
      | 3. Justificatifs             | Joignez les documents justifiant votre situation.                                                  |
      | 4. Dépôt de la demande       | Confirmez et déposez définitivement votre demande.                                                 |
      | 5. Confirmation              | Le dépôt de votre demande est confirmé.                                                            |
    Et la page affiche "Votre saisie est sauvegardée à la validation de chaque étape."
    Et la page affiche "Vous devez joindre :"
    Et la page affiche "une e-photo. Pour connaître les photographes agréés près de chez vous, vous pouvez consulter la carte de géolocalisation."
    Quand je télécharge "Télécharger la liste des pièces justificatives."
    Alors le document téléchargé dit "DEMANDE DE TITRE DE SÉJOUR VIE PRIVÉE ET FAMILIALE - ÉTRANGER CONFIE(E) À L'AIDE SOCIALE À L'ENFANCE (ASE)"
    Et le document téléchargé présente "MOTIF DE SÉJOUR" puis "Insertion dans la société française"
    Quand j'appuie sur "Je continue"
    Alors je suis à l'étape "Informations personnelles"
    Et la page affiche "Je vérifie les informations personnelles que j'ai fournies"
    Et la page affiche "Les informations d'état civil ne sont pas modifiables. Si ces informations ne sont plus à jour, veuillez indiquer lesquelles dans le champ « Observations à destination de l'administration » à l'étape Dépôt de la demande."
    Et mon état civil est celui que l'administration connaît, sans pouvoir être modifié
    Et la case "Je suis un mineur (+16 ans) émancipé" est proposée
    Quand je complète mes informations personnelles : émancipation s'il y a lieu, lieu de naissance, adresse et téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et la page affiche "INFORMATION SUR LA PRISE EN CHARGE PAR L'ASE"
    Et l'attestation sur l'honneur propose "Avoir besoin de disposer d'un titre afin de pouvoir travailler ou faire un stage."
    Et l'attestation sur l'honneur propose "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation."
    Et l'attestation sur l'honneur ne propose pas "Ne pas vivre en France en état de polygamie, même si mon pays d'origine l'autorise."
    Quand je renseigne ma date de prise en charge par l'ASE et ma situation familiale
    Et je coche les attestations sur l'honneur proposées
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatif d'identité" est demandé
    Et le justificatif "Accord du parent/représentant légal ou du mandataire" est demandé
    Et le justificatif "Justificatif d'émancipation" n'est pas demandé
    Et le justificatif "Décision de placement par l'autorité judiciaire au service de l'Aide Sociale à l'Enfance (ASE)" est demandé
    Et le justificatif "Justificatifs d'activité professionnelle" est demandé
    Et le justificatif "Nature des liens avec la famille restée dans le pays d'origine" est demandé
    Quand je confirme mon numéro ephoto (22 chiffres)
    Et je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Dépôt de la demande"
    Et la page affiche "Je confirme le dépôt définitif de ma demande."
    Quand j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Et la page affiche "Votre demande a bien été enregistrée et vous allez recevoir un accusé de réception."
    Et la page affiche "Vous devez obligatoirement avoir une couverture sociale. Pour en savoir plus concernant la couverture sociale, rendez-vous sur le site suivant : ameli.fr."
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors la confirmation de dépôt porte mon numéro étranger, mon état civil, ma nationalité et mon adresse
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel me salue par mon prénom et mon nom
    Et ce courriel dit "Ce message est généré automatiquement, merci de ne pas y répondre."
    Et ce courriel porte en pièce jointe la même confirmation de dépôt
    Quand je clique sur "Mes demandes en cours"
    Alors la page affiche "Vos demandes en cours sont listées ci-dessous."
    Et le suivi montre ma demande, de type "Demande de vie privée et familiale", avec mon numéro étranger, envoyée le jour du dépôt
    Et la page affiche "Historique de mes Titres de Séjour :"
    Quand je télécharge "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT"
    Alors le document téléchargé est ma confirmation de dépôt

  @exig_G03_1_ACCES_CONFIRMATION @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_8_CHOIX_SUIS_MINEUR_16 @exig_G03_ETAPE_1_AVOIR_BESOIN_DISPOSER @exig_G03_ETAPE_1_AVOIR_CONNAISSANCE_DES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_ACCORD_PARENT_REPRESENTANT @exig_G03_ETAPE_2_JUSTIFICATIF_EMANCIPATION @exig_G03_ETAPE_2_JUSTIFICATIF_IDENTITE @exig_G03_ETAPE_2_PAS_VIVRE_FRANCE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_3_SUPPRIMER_JUSTIFICATIF_PNG @exig_G03_ETAPE_3_SUPPRIMER_NUMERO_EPHOTO @exig_G03_ETAPE_5_CONFIRMATION_DEPOT_UNE @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @cas_2
  Scénario: CAS 2, un mineur émancipé atteste aussi ne pas vivre en état de polygamie et justifie son émancipation
    Soit un demandeur mineur émancipé confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai rempli ma demande jusqu'à l'étape "Informations personnelles"
    Alors mon état civil est celui que l'administration connaît, sans pouvoir être modifié
    Et la case "Je suis un mineur (+16 ans) émancipé" est proposée
    Quand je coche "Je suis un mineur (+16 ans) émancipé"
    Et je complète mes informations personnelles : émancipation s'il y a lieu, lieu de naissance, adresse et téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et l'attestation sur l'honneur propose "Avoir besoin de disposer d'un titre afin de pouvoir travailler ou faire un stage."
    Et l'attestation sur l'honneur propose "Ne pas vivre en France en état de polygamie, même si mon pays d'origine l'autorise."
    Et l'attestation sur l'honneur propose "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation."
    Quand je renseigne ma date de prise en charge par l'ASE et ma situation familiale
    Et je coche les attestations sur l'honneur proposées
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatif d'émancipation" est demandé
    Et le justificatif "Accord du parent/représentant légal ou du mandataire" n'est pas demandé
    Et le justificatif "Justificatif d'identité" est demandé
    Quand je confirme mon numéro ephoto (22 chiffres)
    Alors le numéro ephoto confirmé se supprime par le bouton "Supprimer le numéro ephoto"
    Quand je joins une image PNG "Justificatif.png" au justificatif "Justificatif d'identité"
    Alors le document "Justificatif.png" du justificatif "Justificatif d'identité" se supprime par le bouton "SUPPRIMER JUSTIFICATIF.PNG"
    Quand je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Dépôt de la demande"
    Quand j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors la confirmation de dépôt porte mon numéro étranger, mon état civil, ma nationalité et mon adresse
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel me salue par mon prénom et mon nom
    Et ce courriel porte en pièce jointe la même confirmation de dépôt

  @exig_G03_1_ACCES_CONFIRMATION @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_8_CHOIX_SUIS_MINEUR_16 @exig_G03_ETAPE_1_AVOIR_BESOIN_DISPOSER @exig_G03_ETAPE_1_AVOIR_CONNAISSANCE_DES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_ACCORD_PARENT_REPRESENTANT @exig_G03_ETAPE_2_JUSTIFICATIF_EMANCIPATION @exig_G03_ETAPE_2_JUSTIFICATIF_IDENTITE @exig_G03_ETAPE_2_PAS_VIVRE_FRANCE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_5_CONFIRMATION_DEPOT_UNE @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @cas_3
  Scénario: CAS 3, un majeur atteste ne pas vivre en état de polygamie et n'a ni accord parental ni émancipation à justifier
    Soit un demandeur majeur confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai rempli ma demande jusqu'à l'étape "Informations personnelles"
    Alors mon état civil est celui que l'administration connaît, sans pouvoir être modifié
    Et la case "Je suis un mineur (+16 ans) émancipé" n'est pas proposée
    Quand je complète mes informations personnelles : émancipation s'il y a lieu, lieu de naissance, adresse et téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et l'attestation sur l'honneur propose "Ne pas vivre en France en état de polygamie, même si mon pays d'origine l'autorise."
    Et l'attestation sur l'honneur propose "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation."
    Et l'attestation sur l'honneur ne propose pas "Avoir besoin de disposer d'un titre afin de pouvoir travailler ou faire un stage."
    Quand je renseigne ma date de prise en charge par l'ASE et ma situation familiale
    Et je coche les attestations sur l'honneur proposées
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatif d'identité" est demandé
    Et le justificatif "Accord du parent/représentant légal ou du mandataire" n'est pas demandé
    Et le justificatif "Justificatif d'émancipation" n'est pas demandé
    Quand je confirme mon numéro ephoto (22 chiffres)
    Et je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Dépôt de la demande"
    Quand j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors la confirmation de dépôt porte mon numéro étranger, mon état civil, ma nationalité et mon adresse
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel me salue par mon prénom et mon nom
    Et ce courriel porte en pièce jointe la même confirmation de dépôt

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ABANDONNER_DEMANDE @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_DEMANDEUR_NON_ELIGIBLE @exig_G03_ETAPE_2_MODIFIER_SAISIE @exig_G03_ETAPE_2_VOUS_POUVEZ_PAS @exig_G04_13_AFFICHAGE_ABANDONNER_DEMANDE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @cas_3 @non_eligible
  Scénario: Une prise en charge par l'ASE après 16 ans rend le demandeur non éligible, puis « Modifier ma saisie » permet de poursuivre
    Soit un demandeur majeur confié à l'ASE après ses 16 ans, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je renseigne ma date de prise en charge par l'ASE et ma situation familiale
    Et je coche les attestations sur l'honneur proposées
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors la page affiche "Demandeur non éligible"
    Et la page affiche "Vous ne pouvez pas accéder à cette téléprocédure. La demande de titre de séjour pour ce motif est accessible uniquement aux demandeurs confiés à l'Aide Sociale à l'Enfance (ASE) au plus tard à l'âge de 16 ans. Pour en savoir plus, vous pouvez vous rapprocher de la préfecture dont vous dépendez."
    Et la page offre "Modifier ma saisie" et "Abandonner la demande"
    Quand j'appuie sur "Modifier ma saisie"
    Alors je suis à l'étape "Motif de séjour"
    Et la page montre ma date de prise en charge par l'ASE
    Quand je saisis comme date de prise en charge par l'ASE le jour de mes 16 ans
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_1_REVENIR_ETAPE_PRECEDENTE @exig_G03_ETAPE_2_DATE_DEBUT_UNION @exig_G03_ETAPE_2_MARIE @exig_G03_ETAPE_2_PAYS_UNION @exig_G03_ETAPE_2_QUELLE_EST_VOTRE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @cas_3 @echantillon_deploiement
  Scénario: Un demandeur majeur marié indique la date et le pays de son union
    Soit un demandeur majeur marié confié à l'ASE, dont le numéro étranger est connu du portail
    Et j'ai créé mon compte avec mon numéro étranger et je suis connecté
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je choisis "Marié(e)" dans "Quelle est votre situation familiale actuelle ?"
    Alors la page propose les champs "Date de début de l'union" et "Pays de l'union"
    Quand je renseigne ma date de prise en charge par l'ASE et ma situation familiale
    Et je coche les attestations sur l'honneur proposées
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Quand j'appuie sur "Revenir à l'étape précédente"
    Alors je suis à l'étape "Motif de séjour"
    Et la page montre ma date et mon pays d'union et le prénom de chacun de mes enfants
