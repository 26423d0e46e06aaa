# language: fr
@accessibilite @clavier
Fonctionnalité: Parcourir le portail au clavier seul
  Une personne qui n'utilise pas de souris crée son compte sans numéro étranger (guide 02 §1-6) et
  commence sa première demande d'enfant de Français jusqu'à une étape enregistrée, avec les touches
  Tab, Entrée, Espace et les flèches seulement ; sur chaque page, chaque commande est atteignable au
  clavier et le focus est visible. Le lien du courriel est suivi depuis la messagerie.

  @exig_G01_QUAND_CREER_CONNECTER @exig_G02_1_ACCES_COMPLETER_LES_RENSEIGNEMENTS @exig_G02_1_ACCES_DEMANDE_PREMIER_TITRE @exig_G02_4_CREATION_COMPTE_ACCES_TEMPORAIRE @exig_G02_DEMANDER_TITRE_SUIS_ENFANT_16 @exig_G02_DEMANDER_TITRE_SUIS_MEMBRE_FAMILLE @exig_G02_DEMANDER_TITRE_VOTRE_SITUATION @exig_G02_ETAPE_2_VOUS_ETES_ENFANT @exig_G02_PAS_NUMERO_CAR_DES_ATTACHES @exig_G02_PAS_NUMERO_PAS_NUMERO_ETRANGER @exig_G02_REINITIALISATION_MOT_NOUVEAU_MOT_PASSE @exig_G02_REINITIALISATION_MOT_REINITIALISATION_MOT_PASSE @exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT @exig_G03_3_CREATION_COMPLETER_RENSEIGNEMENTS @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G04_6_DEMANDE_DEMANDE_CREATION_COMPTE @exig_G04_8_CREATION_CONFIRMATION_MOT_PASSE @exig_G04_INTRODUCTION_VALIDER @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Créer son compte et enregistrer la première étape de sa demande au clavier seul
    Étant donné je suis sur la page d'accueil du portail
    Et un demandeur sans numéro étranger
    Alors chaque commande de la page est atteignable au clavier
    Quand au clavier je suis le lien "Je demande un premier titre -sans numéro étranger, sans visa-"
    Alors la page affiche "Compléter les renseignements suivants pour accéder à vos services."
    Et chaque commande de la page est atteignable au clavier
    Quand au clavier je saisis mon adresse email et sa confirmation
    Et au clavier j'appuie sur "Valider"
    Alors la page affiche "Demande de création de compte bien enregistrée."
    Et je reçois le courriel "Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande."
    Et ce courriel me donne mon adresse email comme identifiant et un mot de passe provisoire
    Quand je suis le lien "Se connecter" du courriel
    Alors chaque commande de la page est atteignable au clavier
    Quand au clavier je m'identifie avec le mot de passe provisoire
    Alors la page affiche "Réinitialisation du mot de passe"
    Et chaque commande de la page est atteignable au clavier
    Quand au clavier je saisis mon mot de passe dans "Nouveau mot de passe" et "Confirmation du mot de passe"
    Et au clavier j'appuie sur "Valider mon mot de passe"
    Alors la page affiche "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
    Et chaque commande de la page est atteignable au clavier
    Quand au clavier je choisis "Car j'ai des attaches familiales en France" avec les flèches
    Et au clavier j'appuie sur "Je continue"
    Alors je suis à l'étape "Votre situation"
    Et chaque commande de la page est atteignable au clavier
    Quand au clavier je choisis "Je suis membre de famille d'un citoyen français" avec les flèches
    Et au clavier je choisis "Je suis l'enfant (+ de 16 ans) d'un citoyen français" avec les flèches
    Et au clavier j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Informations personnelles"
    Et la page affiche "Vous êtes l'enfant (+ de 16 ans) d'un citoyen français"
    Et chaque commande de la page est atteignable au clavier
