# language: fr
@compte
Fonctionnalité: Créer un compte ANEF
  Les trois manières de créer un compte du guide « L'ANEF : créer un compte » (guide 01) :
  sans numéro étranger (guide 02 §1-6), avec un numéro étranger sans titre de séjour (guide 03 §1-6),
  avec un titre de séjour ou un visa (guide 01 §III, guide 04 §5-10) ; les règles du mot de passe,
  le lien de confirmation valable 24 heures et le mot de passe oublié.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_QUAND_CREER_CONNECTER @exig_G02_1_ACCES_COMPLETER_LES_RENSEIGNEMENTS @exig_G02_1_ACCES_DEMANDE_PREMIER_TITRE @exig_G02_4_CREATION_COMPTE_ACCES_TEMPORAIRE @exig_G02_PAS_NUMERO_CAR_DES_ATTACHES @exig_G02_PAS_NUMERO_PAS_NUMERO_ETRANGER @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_REINITIALISATION_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G03_3_CREATION_COMPLETER_RENSEIGNEMENTS @exig_G03_4_CREATION_MESSAGE_EST_GENERE @exig_G04_6_DEMANDE_DEMANDE_CREATION_COMPTE @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_INTRODUCTION_VALIDER
  @chemin_a
  Scénario: Créer un compte sans numéro étranger, avec un mot de passe provisoire
    Soit un demandeur sans numéro étranger
    Quand je clique sur "Je demande un premier titre -sans numéro étranger, sans visa-"
    Alors la page affiche "Compléter les renseignements suivants pour accéder à vos services."
    Quand je saisis mon adresse email et sa confirmation
    Et je clique sur "Valider"
    Alors la page affiche "Demande de création de compte bien enregistrée."
    Et je reçois le courriel "Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande."
    Et ce courriel me donne mon adresse email comme identifiant et un mot de passe provisoire
    Et ce courriel dit "Ce message est généré automatiquement, merci de ne pas y répondre."
    Quand je suis le lien "Se connecter" du courriel
    Et je m'identifie avec le mot de passe provisoire
    Alors la page affiche "Réinitialisation du mot de passe"
    Quand je saisis mon mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Alors la page affiche "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
    Et la page propose "Car j'ai des attaches familiales en France"
    Et je suis connecté sur la page d'accueil

  @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_PREMIERE_VISITE_CREEZ @exig_G01_COMMENT_CREER_SUIS_TITULAIRE_NUMERO @exig_G01_III_COMMENT_POUR_DES_RAISONS @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_1_ACCES_COMPLETER_LES_RENSEIGNEMENTS @exig_G02_1_ACCES_RETOUR_ACCUEIL @exig_G02_INSTRUCTION_ETAPE_3_DEMANDER_TITRE @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_REINITIALISATION_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_3_CREATION_COMPLETER_RENSEIGNEMENTS @exig_G03_4_CREATION_CREATION_COMPTE_ACCES @exig_G03_7_CHOIX_DEMARCHES @exig_G03_8_CHOIX_CONTINUE @exig_G04_6_DEMANDE_DEMANDE_CREATION_COMPTE @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_8_CREATION_VOTRE_COMPTE_BIEN @exig_G04_ETAPE_2_CONNECTER @exig_G04_INTRODUCTION_VALIDER
  @chemin_b
  Scénario: Créer un compte avec un numéro étranger sans titre de séjour
    Soit un demandeur titulaire d'un numéro étranger sans titre de séjour, connu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "Et je suis titulaire d'un numéro étranger sans titre de séjour"
    Et je clique sur "Je continue"
    Alors la page affiche "Première visite? Créez votre compte."
    Quand je saisis mon numéro étranger, mon nom, mon prénom, ma date de naissance, mon pays de naissance et ma nationalité
    Et je clique sur "Créer un compte"
    Alors la page affiche "Compléter les renseignements suivants pour accéder à vos services."
    Quand je saisis mon adresse email et sa confirmation
    Et je clique sur "Valider"
    Alors la page affiche "Demande de création de compte bien enregistrée."
    Et je reçois le courriel "La création du compte d'accès à votre espace personnel usager ou de l'utilisateur que vous représentez est en cours."
    Et ce courriel s'adresse à moi par mon prénom et mon nom
    Et ce courriel dit "Pour des raisons de sécurité, ce lien n'est valable que 24 heures."
    Quand je suis le lien du courriel
    Alors la page affiche "Réinitialisation du mot de passe"
    Quand je saisis mon mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Alors la page affiche "Votre compte a bien été créé."
    Quand je clique sur "Retour à l'accueil"
    Et je clique sur "SE CONNECTER"
    Et je m'identifie avec mon numéro étranger et mon mot de passe
    Alors je suis connecté sur la page d'accueil
    Et l'en-tête me nomme par mon prénom et mon nom
    Quand j'ouvre le menu "Démarches"
    Alors le menu propose "Demander un titre de séjour"

  @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_PREMIERE_VISITE_CREEZ @exig_G01_COMMENT_CREER_SUIS_TITULAIRE_UNIQUEMENT @exig_G01_III_COMMENT_COURRIEL_BONJOUR @exig_G01_III_COMMENT_CREEZ_VOTRE_MOT @exig_G01_III_COMMENT_POUR_DES_RAISONS @exig_G01_III_COMMENT_VOTRE_IDENTIFIANT_CONNEXION @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_1_ACCES_RETOUR_ACCUEIL @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_4_CREATION_CREATION_COMPTE_ACCES @exig_G03_4_CREATION_MESSAGE_EST_GENERE @exig_G03_8_CHOIX_CONTINUE @exig_G04_2_CHOIX_SUIS_TITULAIRE_TITRE @exig_G04_5_CREATION_SAISISSEZ_VOTRE_ADRESSE @exig_G04_6_DEMANDE_DEMANDE_CREATION_COMPTE @exig_G04_6_DEMANDE_VOTRE_IDENTIFIANT_CONNEXION @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_8_CREATION_CREER_MOT_PASSE @exig_G04_8_CREATION_MOT_PASSE @exig_G04_8_CREATION_VOTRE_ADRESSE_EMAIL @exig_G04_8_CREATION_VOTRE_COMPTE_BIEN @exig_G04_ETAPE_2_CONNECTER @exig_G04_INTRODUCTION_VALIDER
  @chemin_c
  Plan du scénario: Créer un compte avec un <document>
    Soit un titulaire d'un <document> connu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "<choix>"
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
    Et ce courriel commence par "Bonjour"
    Et ce courriel dit "Pour des raisons de sécurité, ce lien n'est valable que 24 heures."
    Et ce courriel dit "Ce message est généré automatiquement, merci de ne pas y répondre."
    Quand je suis le lien du courriel
    Alors la page affiche "Votre adresse email a bien été validée."
    Et la page affiche "Créez votre mot de passe"
    Quand je saisis mon mot de passe dans "Mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Créer le mot de passe"
    Alors la page affiche "Votre compte a bien été créé."
    Et la page affiche "Votre identifiant de connexion est votre N° Etranger"
    Quand je clique sur "Retour à l'accueil"
    Et je clique sur "SE CONNECTER"
    Et je m'identifie avec mon numéro étranger et mon mot de passe
    Alors je suis connecté sur la page d'accueil

    Exemples:
      | document          | choix                                                 |
      | titre de séjour   | Et je suis titulaire d'un titre de séjour / VLS-TS    |
      | visa long séjour  | Et je suis titulaire uniquement d'un visa long séjour |

  @exig_G01_QUAND_CREER_CONNECTER @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_REINITIALISATION_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_SIM_MDP_CHIFFRE @exig_SIM_MDP_LONGUEUR @exig_SIM_MDP_MAJUSCULE @exig_SIM_MDP_MINUSCULE @exig_SIM_MDP_SPECIAL
  @mot_de_passe
  Plan du scénario: Un mot de passe sans <règle> est refusé
    Soit un demandeur qui a reçu son mot de passe provisoire
    Quand je suis le lien "Se connecter" du courriel
    Et je m'identifie avec le mot de passe provisoire
    Et je saisis "<mot de passe>" dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Alors le champ "Nouveau mot de passe" signale "<message>"
    Et la page affiche "Réinitialisation du mot de passe"

    Exemples:
      | règle                 | mot de passe | message                                                     |
      | au moins 8 caractères | Ab1!efg      | Le mot de passe doit faire au moins 8 caractères.           |
      | une majuscule         | abcdef1!     | Le mot de passe doit contenir au moins une majuscule.       |
      | une minuscule         | ABCDEF1!     | Le mot de passe doit contenir au moins une minuscule.       |
      | un chiffre            | Abcdefg!     | Le mot de passe doit contenir au moins un chiffre.          |
      | un caractère spécial  | Abcdefg1     | Le mot de passe doit contenir au moins un caractère spécial. |

  @exig_G01_III_COMMENT_CREEZ_VOTRE_MOT @exig_G01_III_COMMENT_LIEN_EST_VALABLE
  @chemin_c @horloge @echantillon_deploiement
  Scénario: Le lien de confirmation n'est plus valable après 24 heures
    Soit un titulaire d'un titre de séjour connu du portail
    Et j'ai demandé la création de mon compte avec mon titre de séjour
    Quand 25 heures passent sur l'horloge du portail
    Et je suis le lien du courriel
    Alors la page affiche "ce lien n'est valable que 24 heures"
    Et la page n'affiche pas "Créez votre mot de passe"

  @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_SUIS_TITULAIRE_NUMERO @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_1_ACCES_COMPLETER_LES_RENSEIGNEMENTS @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_3_CREATION_COMPLETER_RENSEIGNEMENTS @exig_G03_8_CHOIX_CONTINUE @exig_SIM_NUMERO_ETRANGER_INCONNU
  @chemin_b
  Scénario: Un numéro étranger inconnu est refusé
    Soit un demandeur dont le numéro étranger est inconnu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "Et je suis titulaire d'un numéro étranger sans titre de séjour"
    Et je clique sur "Je continue"
    Et je saisis mon numéro étranger, mon nom, mon prénom, ma date de naissance, mon pays de naissance et ma nationalité
    Et je clique sur "Créer un compte"
    Alors la page signale "Les informations saisies ne correspondent à aucun numéro étranger connu."
    Et la page n'affiche pas "Compléter les renseignements suivants pour accéder à vos services."

  @exig_G01_COMMENT_CREER_MOI_MEME_PARTIR @exig_G01_COMMENT_CREER_SUIS_TITULAIRE_NUMERO @exig_G01_COMMENT_CREER_VOTRE_NUMERO_ETRANGER @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_8_CHOIX_CONTINUE @exig_SIM_NUMERO_ETRANGER_COMPORTE
  @chemin_b
  Scénario: Un numéro étranger qui n'a pas 10 chiffres est refusé à côté du champ
    Soit un demandeur dont le numéro étranger est inconnu du portail
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même (à partir de 16 ans)"
    Et je coche "Et je suis titulaire d'un numéro étranger sans titre de séjour"
    Et je clique sur "Je continue"
    Et je saisis mon numéro étranger, mon nom, mon prénom, ma date de naissance, mon pays de naissance et ma nationalité
    Et je saisis "12345" dans le champ "Votre numéro Étranger"
    Et je clique sur "Créer un compte"
    Alors le champ "Votre numéro Étranger" signale "Le numéro étranger comporte 10 chiffres."

  @exig_G01_III_COMMENT_OU_SE_TROUVE_NUMERO @exig_G01_INTRODUCTION_CREER_COMPTE @exig_G02_ETAPE_3_QU_EST_CE_QUE_FRANCECONNECT @exig_G04_5_CREATION_SAISISSEZ_VOTRE_ADRESSE @exig_G04_ETAPE_2_CONNECTER @exig_SIM_TITRE_INCONNU
  @chemin_c
  Scénario: Un titre de séjour aux dates de validité erronées est refusé
    Soit un titulaire d'un titre de séjour connu du portail
    Quand je clique sur "SE CONNECTER"
    Alors la page affiche "Qu'est-ce que FranceConnect ?"
    Quand j'ouvre l'aide "Où se trouve le numero étranger"
    Alors la page affiche "Où se trouve le numero étranger"
    Quand je saisis le numéro de mon titre avec une date de fin de validité erronée
    Et je clique sur "Créer un compte"
    Alors la page signale "Les informations saisies ne correspondent à aucun titre de séjour ni visa connu."
    Et la page n'affiche pas "Saisissez votre adresse email"

  @exig_G01_6_MON_ENVOYER_MESSAGE @exig_G01_6_MON_MOT_PASSE_OUBLIE @exig_G01_6_MON_POUR_RECUPERER_VOTRE @exig_G01_6_MON_VOUS_RECEVREZ_LIEN @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_ETAPE_2_CONNECTER @exig_SIM_POUR_CHOISIR_NOUVEAU
  @mot_de_passe
  Scénario: Mot de passe oublié
    Soit un demandeur qui a un compte sans numéro étranger
    Quand je clique sur "SE CONNECTER"
    Et je clique sur "MOT DE PASSE OUBLIÉ ?"
    Alors la page affiche "Pour récupérer votre mot de passe oublié, veuillez saisir votre identifiant."
    Quand je saisis mon identifiant
    Et je clique sur "Envoyer le message"
    Alors la page affiche "Vous recevrez un lien pour vous permettre de réinitialiser votre mot de passe"
    Et je reçois le courriel "Pour choisir un nouveau mot de passe, cliquez sur le lien ci-dessous"
    Quand je suis le lien du courriel
    Et je saisis un nouveau mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et je clique sur "Valider mon mot de passe"
    Et je m'identifie avec mon identifiant et mon mot de passe
    Alors je suis connecté sur la page d'accueil

  @exig_G01_COMMENT_CREER_DECLARE_CHANGEMENT_SITUATION @exig_G02_1_ACCES_DEMANDE_DOCUMENT_VOYAGE @exig_G02_1_ACCES_VALIDE_MON_VLS @exig_SIM_SIMULATEUR_REPRODUIT_PAS
  Plan du scénario: Une brique qu'aucun guide ne décrit mène à une page honnête
    Quand je clique sur "<brique>"
    Alors la page affiche "Le simulateur ne reproduit pas encore cette démarche"

    Exemples:
      | brique                                 |
      | Je valide mon VLS-TS                   |
      | Je déclare un changement de situation  |
      | Je demande un document de voyage       |
