# language: fr
@demarche @enfant_de_francais
Fonctionnalité: Première demande de titre de séjour d'un enfant étranger de Français
  Téléprocédure « Vie privée et familiale – Famille de Français (Lot 1) » du guide 02 : un
  ressortissant étranger de plus de 16 ans, enfant d'un citoyen français, sans numéro étranger,
  demande un premier titre de séjour en 6 étapes. CAS 1 : toutes nationalités hors Algériens et
  Tunisiens (justificatif de visa de long séjour) ; CAS 2 : Algériens ou Tunisiens (justificatif de
  séjour régulier). Après le dépôt, une confirmation en PDF et un courriel ; à l'instruction, un
  numéro étranger et le compte définitif. Guide 01 FAQ 10 : un code e-photo ne sert qu'une fois.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_QUAND_CREER_CONNECTER @exig_G02_DEMANDER_TITRE_OBSERVATIONS_DESTINATION_ADMINISTRATION @exig_G02_DEMANDER_TITRE_SUIS_ENFANT_16 @exig_G02_DEMANDER_TITRE_SUIS_MEMBRE_FAMILLE @exig_G02_DEMANDER_TITRE_VOTRE_SITUATION @exig_G02_ETAPE2_PLUS_QUE_15_MINUTES @exig_G02_ETAPE2_PROGRESSION_20 @exig_G02_ETAPE5_PROGRESSION_90 @exig_G02_ETAPE6_CONFIRMATION_ADRESSE @exig_G02_ETAPE6_CONFIRMATION_DATE_EMISSION @exig_G02_ETAPE6_CONFIRMATION_LIEU_NAISSANCE @exig_G02_ETAPE6_CONFIRMATION_NATIONALITE @exig_G02_ETAPE6_CONFIRMATION_NE_LE @exig_G02_ETAPE6_CONFIRMATION_NOM_NAISSANCE @exig_G02_ETAPE6_CONFIRMATION_NUMERO_DEMANDE @exig_G02_ETAPE6_CONFIRMATION_PRENOM @exig_G02_ETAPE6_COURRIEL_CONFIRMATION_JOINTE @exig_G02_ETAPE_1_VOTRE_COMPTE_ACCES @exig_G02_ETAPE_2_VOUS_ETES_ENFANT @exig_G02_ETAPE_6_CONFIRMATION_DEPOT_UNE @exig_G02_ETAPE_6_CONSTITUE_PAS_UNE @exig_G02_ETAPE_6_DOCUMENT_CONSTITUE_PREUVE @exig_G02_ETAPE_6_VOUS_SEREZ_INFORME @exig_G02_INFORMATIONS_PERSONNELLES_JUSTIFICATIF_SEJOUR_REGULIER @exig_G02_INFORMATIONS_PERSONNELLES_JUSTIFICATIF_VISA_LONG @exig_G02_PAS_NUMERO_CAR_DES_ATTACHES @exig_G02_PHOTOGRAPHIE_IDENTITE_SUPPRIMER @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_REINITIALISATION_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G03_1_ACCES_CONFIRMATION @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_DEPOT_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_8_CHOIX_VOTRE_SAISIE_EST @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G05_ETAPE_5_TELECHARGER_CONFIRMATION_DEPOT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @navigateur
  Plan du scénario: Parcours complet d'un demandeur de nationalité <nationalité>
    Soit un demandeur de nationalité "<nationalité>", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Quand je coche "Car j'ai des attaches familiales en France"
    Et j'appuie sur "Je continue"
    Alors je suis à l'étape "Votre situation"
    Et la page affiche "Votre saisie est sauvegardée à la validation de chaque étape."
    Quand je coche "Je suis membre de famille d'un citoyen français"
    Et je coche "Je suis l'enfant (+ de 16 ans) d'un citoyen français"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Informations personnelles"
    Et la page affiche "Vous êtes l'enfant (+ de 16 ans) d'un citoyen français"
    Et la démarche est à 20% terminée, plus que 15 minutes
    Quand je renseigne mon état civil, mon adresse et mon téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Quand je renseigne mon parent français et ma situation familiale
    Et j'atteste sur l'honneur
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "<justificatif demandé>" est demandé
    Et le justificatif "<justificatif non demandé>" n'est pas demandé
    Quand je confirme mon numéro ephoto
    Et je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Dépôt de la demande"
    Et la démarche est à 90% terminée
    Quand je saisis "Je joins mon acte de naissance traduit." dans le champ "Observations à destination de l'administration"
    Et j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Et la page affiche "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Quand je télécharge "Télécharger la confirmation de dépôt"
    Alors la confirmation de dépôt porte mon état civil, ma nationalité et mon adresse
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel porte en pièce jointe la confirmation de dépôt
    Quand l'instruction de ma demande commence
    Alors je reçois le courriel "Votre compte d'accès à votre espace personnel usager a été créé."
    Et ce courriel me donne mon numéro étranger comme identifiant et un mot de passe provisoire
    Quand je suis le lien "Se connecter" du courriel
    Et je m'identifie avec le mot de passe provisoire
    Alors la page affiche "Réinitialisation du mot de passe"
    Quand je saisis un nouveau mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Alors je suis connecté sur la page d'accueil

    @cas_1
    Exemples: CAS 1, toutes nationalités hors Algériens et Tunisiens
      | nationalité | justificatif demandé                                     | justificatif non demandé                                 |
      | marocaine   | Justificatif de visa de long séjour en cours de validité | Justificatif de séjour régulier                          |
      | canadienne  | Justificatif de visa de long séjour en cours de validité | Justificatif de séjour régulier                          |
      | sénégalaise | Justificatif de visa de long séjour en cours de validité | Justificatif de séjour régulier                          |

    @cas_2
    Exemples: CAS 2, Algériens ou Tunisiens
      | nationalité | justificatif demandé            | justificatif non demandé                                 |
      | algérienne  | Justificatif de séjour régulier | Justificatif de visa de long séjour en cours de validité |
      | tunisienne  | Justificatif de séjour régulier | Justificatif de visa de long séjour en cours de validité |

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_1_REVENIR_ETAPE_PRECEDENTE @exig_G03_ETAPE_2_DATE_DEBUT_UNION @exig_G03_ETAPE_2_MARIE @exig_G03_ETAPE_2_PAYS_UNION @exig_G03_ETAPE_2_QUELLE_EST_VOTRE @exig_SIM_ENFANT_2 @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @cas_1 @echantillon_deploiement
  Scénario: Un demandeur marié, parent de deux enfants, déclare son union et ses enfants
    Soit un demandeur marié, de nationalité "marocaine", parent de 2 enfants, enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je renseigne mon parent français
    Et je choisis "Marié(e)" dans "Quelle est votre situation familiale actuelle ?"
    Alors la page propose les champs "Date de début de l'union" et "Pays de l'union"
    Quand je renseigne ma situation familiale et mes enfants
    Alors la page affiche "Enfant 2"
    Quand j'atteste sur l'honneur
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Quand j'appuie sur "Revenir à l'étape précédente"
    Alors je suis à l'étape "Motif de séjour"
    Et la page montre ma date et mon pays d'union et le prénom de chacun de mes enfants

  @exig_G02_1_ACCES_DEMANDE_PREMIER_TITRE @exig_G02_DEMANDER_TITRE_VOUS_QUITTEZ_TELE @exig_G02_ETAPE_2_QUITTER_REVENIR_PLUS @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_REVENIR_ETAPE_PRECEDENTE @exig_G04_13_AFFICHAGE_QUITTER_REVENIR_PLUS @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Quitter et revenir plus tard reprend la demande à la dernière étape enregistrée
    Soit un demandeur de nationalité "tunisienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je renseigne mon parent français
    Et j'appuie sur "Quitter et revenir plus tard"
    Alors la page affiche "Si vous quittez la télé-procédure vous pourrez la reprendre ultérieurement à la dernière étape enregistrée."
    Quand je me reconnecte et je clique sur "Je demande un premier titre -sans numéro étranger, sans visa-"
    Alors je suis à l'étape "Motif de séjour"
    Et la page montre le nom de naissance de mon parent français
    Quand j'appuie sur "Revenir à l'étape précédente"
    Alors je suis à l'étape "Informations personnelles"
    Et la page montre mon nom de naissance, mon téléphone et mon code postal

  @exig_G02_DEMANDER_TITRE_SUIS_ENFANT_16 @exig_G02_DEMANDER_TITRE_VOTRE_SITUATION @exig_G02_ETAPE_2_MODIFIER_SITUATION @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_1_REVENIR_ETAPE_PRECEDENTE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Modifier ma situation ramène à l'étape 1 sans perdre les étapes suivantes
    Soit un demandeur de nationalité "canadienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand j'appuie sur "Revenir à l'étape précédente"
    Et j'appuie sur "Modifier ma situation"
    Alors je suis à l'étape "Votre situation"
    Et la case "Je suis l'enfant (+ de 16 ans) d'un citoyen français" est cochée
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Informations personnelles"
    Et la page montre mon nom de naissance, mon téléphone et mon code postal

  @exig_G02_DEMANDER_TITRE_SUIS_CHARGE_MON @exig_G02_DEMANDER_TITRE_SUIS_CONJOINT_CONJOINTE @exig_G02_DEMANDER_TITRE_SUIS_MEMBRE_FAMILLE @exig_G02_DEMANDER_TITRE_SUIS_PERE_MERE @exig_G02_DEMANDER_TITRE_VOTRE_SITUATION @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_SIMULATEUR_REPRODUIT_PAS
  Scénario: Une situation que le simulateur ne reproduit pas mène à une page honnête
    Soit un demandeur de nationalité "canadienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Votre situation"
    Quand je coche "Je suis membre de famille d'un citoyen français"
    Alors la page propose "Je suis le conjoint ou la conjointe d'un citoyen français"
    Et la page propose "Je suis le père ou la mère d'un enfant français mineur (- de 18 ans) résident en France"
    Et la page propose "Je suis à la charge de mon enfant français majeur (+ de 18 ans) ou de son conjoint français"
    Quand je coche "Je suis le conjoint ou la conjointe d'un citoyen français"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors la page affiche "Le simulateur ne reproduit pas encore cette démarche"

  @exig_G02_1_ACCES_DEMANDE_PREMIER_TITRE @exig_G02_DEMANDER_TITRE_SUIS_MEMBRE_FAMILLE @exig_G02_DEMANDER_TITRE_VOTRE_SITUATION @exig_G02_PAS_NUMERO_CAR_DES_ATTACHES @exig_G02_PAS_NUMERO_PAS_NUMERO_ETRANGER @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_ETAPE_1_ABANDONNER_DEMANDE @exig_G04_13_AFFICHAGE_ABANDONNER_DEMANDE @exig_SIM_OUI_ABANDONNER_DEMANDE @exig_SIM_STRUCTURE_ETAPE_COURANTE @exig_SIM_VOTRE_DEMANDE_ETE @exig_SIM_VOULEZ_VOUS_VRAIMENT
  Scénario: Abandonner la demande supprime le brouillon après confirmation
    Soit un demandeur de nationalité "algérienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Informations personnelles"
    Quand j'appuie sur "Abandonner la demande"
    Alors la page affiche "Voulez-vous vraiment abandonner votre demande ?"
    Quand j'appuie sur "Oui, abandonner la demande"
    Alors la page affiche "Votre demande a été abandonnée."
    Quand je reviens à la page d'accueil du portail
    Et je clique sur "Je demande un premier titre -sans numéro étranger, sans visa-"
    Alors la page affiche "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
    Quand je coche "Car j'ai des attaches familiales en France"
    Et j'appuie sur "Je continue"
    Alors je suis à l'étape "Votre situation"
    Et la case "Je suis membre de famille d'un citoyen français" n'est pas cochée

  @exig_G02_ETAPE_2_DATE_NAISSANCE @exig_G02_ETAPE_2_TELEPHONE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_CETTE_DATE_EST @exig_SIM_CETTE_DATE_EXISTE @exig_SIM_NUMERO_TELEPHONE_COMPORTE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Les saisies refusées sont signalées à côté du champ, sans rien perdre
    Soit un demandeur de nationalité "sénégalaise", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Informations personnelles"
    Quand je renseigne mon état civil, mon adresse et mon téléphone
    Et je saisis la date de naissance "31" "Février" "2001"
    Et je saisis "01234" dans le champ "Téléphone"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Informations personnelles"
    Et le groupe "Date de naissance" signale "Cette date n'existe pas."
    Et le champ "Téléphone" signale "Le numéro de téléphone comporte 10 chiffres"
    Et la page montre mon nom de naissance
    Quand je saisis une date de naissance dans le futur
    Et je saisis mon téléphone
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors le groupe "Date de naissance" signale "Cette date est dans le futur."

  @exig_G02_ETAPE_3_DATE_ENTREE_FRANCE @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_DATE_ENTREE_FRANCE
  Scénario: Une date d'entrée en France antérieure à la naissance est refusée
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je renseigne mon parent français et ma situation familiale
    Et j'atteste sur l'honneur
    Et je saisis une date d'entrée en France antérieure à ma naissance
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors le groupe "Date d'entrée en France" signale "La date d'entrée en France ne peut pas précéder votre date de naissance."
    Et la page montre le nom de naissance de mon parent français

  @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_AVOIR_CONNAISSANCE_DES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_POUR_POURSUIVRE_TELEPROCEDURE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Une attestation sur l'honneur non cochée est refusée
    Soit un demandeur de nationalité "tunisienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Motif de séjour"
    Quand je renseigne mon parent français et ma situation familiale
    Et je coche seulement la première attestation sur l'honneur
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Motif de séjour"
    Et la case "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation." signale "Pour poursuivre la téléprocédure, vous devez cocher cette case."
    Et la page montre le nom de naissance de mon parent français

  @exig_G02_ETAPE_4_JUSTIFICATIF_NATIONALITE @exig_G02_PHOTOGRAPHIE_IDENTITE_SUPPRIMER @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_SIM_FICHIER_FORMAT @exig_SIM_FICHIER_NOMBRE @exig_SIM_FICHIER_TAILLE
  @justificatifs
  Scénario: Chaque document refusé dit pourquoi, les documents joints restent
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Justificatifs"
    Quand je joins un programme renommé en .pdf "passeport.pdf" au justificatif "Justificatif de nationalité"
    Alors le justificatif "Justificatif de nationalité" refuse "Le fichier « passeport.pdf » n'a pas été joint : les formats acceptés sont .jpg, .png, .pdf, .tiff, .bmp."
    Quand je joins un fichier de 11 Mo "scan.pdf" au justificatif "Justificatif de nationalité"
    Alors le justificatif "Justificatif de nationalité" refuse "Le fichier « scan.pdf » n'a pas été joint : la taille maximale est de 10 Mo par fichier."
    Quand je joins un PDF "page-1.pdf" au justificatif "Justificatif de nationalité"
    Et je joins une image PNG "page-2.png" au justificatif "Justificatif de nationalité"
    Et je joins une image JPEG "page-3.jpg" au justificatif "Justificatif de nationalité"
    Alors le justificatif "Justificatif de nationalité" montre "page-1.pdf", "page-2.png" et "page-3.jpg"
    Quand je joins un PDF "page-4.pdf" au justificatif "Justificatif de nationalité"
    Alors le justificatif "Justificatif de nationalité" refuse "Le fichier « page-4.pdf » n'a pas été joint : 3 documents au maximum par justificatif."
    Et le justificatif "Justificatif de nationalité" montre "page-1.pdf", "page-2.png" et "page-3.jpg"

  @exig_G01_FAQ10_EPHOTO_UNE_SEULE_DEMARCHE @exig_G02_ETAPE_4_NUMERO_EPHOTO @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_SIM_NUMERO_EPHOTO_DEJA
  @justificatifs
  Scénario: Un numéro ephoto déjà utilisé pour une autre démarche est refusé
    Soit un numéro ephoto déjà confirmé dans la demande d'un autre demandeur
    Et un demandeur de nationalité "algérienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Justificatifs"
    Quand je saisis le numéro ephoto de l'autre demandeur et je le confirme
    Alors le champ "Numéro ephoto" signale "Ce numéro ephoto a déjà été utilisé pour une autre démarche."
    Quand je confirme mon numéro ephoto
    Alors mon numéro ephoto est confirmé

  @exig_G02_DEMANDEURS_TOUTES_DEMANDEURS_TOUTES_NATIONALITES @exig_G02_ETAPE_2_TELECHARGER_LISTE_DES @exig_G02_ETAPE_4_JUSTIFICATIF_NATIONALITE @exig_G02_INFORMATIONS_PERSONNELLES_JUSTIFICATIF_SEJOUR_REGULIER @exig_G02_INFORMATIONS_PERSONNELLES_JUSTIFICATIF_VISA_LONG @exig_G02_JUSTIFICATIFS_COMMUNS_JUSTIFICATIFS_COMMUNS_TOUS @exig_G02_PREMIERE_DEMANDE_PREMIERE_DEMANDE_TITRE @exig_G02_PREMIERE_DEMANDE_VOUS_DEVEZ_RESPECTER @exig_G02_TELEPROCEDURE_VIE_DEMANDEURS_ALGERIENS_TUNISIENS @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES
  @justificatifs
  Scénario: La liste des pièces justificatives téléchargeable présente les pièces de chaque cas
    Soit un demandeur de nationalité "canadienne", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli ma demande jusqu'à l'étape "Informations personnelles"
    Quand je télécharge "TÉLÉCHARGER LA LISTE DES PIÈCES JUSTIFICATIVES."
    Alors le document téléchargé dit "PREMIERE DEMANDE DE TITRE DE SÉJOUR VIE PRIVÉE ET FAMILIALE - ENFANT DE FRANÇAIS"
    Et le document téléchargé dit "Vous devez respecter les formats suivants : .jpg, .pdf, .png, .bmp, .tiff et ne pas dépasser 10Mo par fichier."
    Et le document téléchargé présente "JUSTIFICATIFS COMMUNS A TOUS LES DEMANDEURS" puis "Justificatif de nationalité *"
    Et le document téléchargé présente "DEMANDEURS TOUTES NATIONALITES (hors algériens et tunisiens)" puis "Justificatif de visa de long séjour en cours de validité *"
    Et le document téléchargé présente "DEMANDEURS ALGERIENS OU TUNISIENS" puis "Justificatif de séjour régulier *"
