# language: fr
@demarche @famille_ue
Fonctionnalité: Renouvellement du titre d'un membre de famille d'un citoyen UE/EEE/Suisse
  Guide 05 : le titulaire d'un titre « Membre de famille de ressortissant UE/EEE/Suisse » en demande
  le renouvellement (séjour permanent) : « Votre situation actuelle », l'alerte qui réserve la
  procédure, la page de préambule, puis 5 étapes. Le guide ne montre que des légendes : les textes
  des écrans que le simulateur a dû écrire sont marqués DERIVED dans sa définition. Accueillant
  français : le membre de famille est son conjoint, avec qui il a vécu plus de trois mois dans un
  autre État membre ; trois mois ou moins le renvoient vers une autre procédure. Un accueillant
  européen titulaire d'un titre de séjour (numéro étranger) voit son identité confirmée auprès du
  portail ; sans titre, il est saisi sans numéro et n'est pas confirmé. Un accueillant étudiant ne
  peut accueillir un ascendant.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G01_COMMENT_CREER_MOI_MEME @exig_G03_1_ACCES_CONFIRMATION @exig_G03_1_ACCES_DEMANDE_RENOUVELLE_TITRE @exig_G03_8_CHOIX_COMMENCE @exig_G03_8_CHOIX_CONTINUE @exig_G03_8_CHOIX_DEPOSEZ_VOTRE_DEMANDE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_8_CHOIX_TELECHARGER_LISTE_DES @exig_G03_8_CHOIX_VOTRE_SITUATION_ACTUELLE @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_4_VOTRE_DEMANDE_BIEN @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_G04_12_CHOISIR_SOLLICITE_RENOUVELLEMENT_TITRE @exig_G04_13_AFFICHAGE_RECAPITULATIF @exig_G04_ANNEXE1_LISTE_ACTE_MARIAGE @exig_G05_ETAPE_1_VERIFIER_ADRESSE @exig_G05_ETAPE_3_JUSTIFICATIFS_RESIDENCE_FRANCE @exig_SIM_ACTE_MARIAGE @exig_SIM_CARTE_SEJOUR_DELIVREE @exig_SIM_CETTE_PROCEDURE_EST @exig_SIM_CONFIRMATION_DEPOT_UNE @exig_SIM_DOCUMENT_IDENTITE_ACCUEILLANT @exig_SIM_JUSTIFICATIFS_ACTIVITE_SALARIEE @exig_SIM_JUSTIFICATIFS_DROIT_SEJOUR @exig_SIM_JUSTIFICATIFS_SEJOUR_DANS @exig_SIM_MODALITES_SEJOUR @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_POSSEDE_PAS_CARTE @exig_SIM_STRUCTURE_ETAPE_COURANTE @exig_SIM_VOUS_AVEZ_DEMENAGE @exig_SIM_VOUS_ETES_TITULAIRE
  @navigateur
  Scénario: Le conjoint d'un Français, qui a vécu avec lui plus de trois mois dans un autre État membre, dépose sa demande
    Soit un membre de famille conjoint d'un accueillant français, ayant séjourné avec lui 14 mois dans un autre État membre, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Quand je clique sur "Je demande ou renouvelle un titre de séjour"
    Et je coche "Moi-même"
    Et je clique sur "Je continue"
    Alors la page affiche "Votre situation actuelle"
    Et la page affiche "Vous êtes titulaire d'un titre de séjour en tant que « Membre de famille de ressortissant UE/EEE/Suisse »."
    Quand je coche "Je sollicite le renouvellement de ce titre"
    Et je clique sur "Je commence"
    Alors la page affiche "Cette procédure est réservée aux membres de famille d'un citoyen de l'Union européenne"
    Et la page affiche "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES"
    Et la page affiche "Télécharger la liste des pièces justificatives."
    Quand j'appuie sur "Je continue"
    Alors je suis à l'étape "Informations personnelles"
    Et mon état civil est affiché sans pouvoir être modifié
    Et la page affiche "Si vous avez déménagé, vous devez d'abord déclarer votre changement d'adresse sur l'ANEF avant de demander le renouvellement de votre titre."
    Et l'adresse connue de mon titre est pré-remplie, à vérifier
    Quand je renseigne mon lieu de naissance et mon téléphone, et garde mon adresse vérifiée
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour et mon accueillant
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatifs de la résidence en France" est demandé
    Et le justificatif "Carte de séjour délivrée par l'autre État de l'UE, de l'EEE ou de la Suisse" est demandé
    Et le justificatif "Document d'identité de l'accueillant" est demandé
    Et le justificatif "Acte de mariage" est demandé
    Et le justificatif "Justificatifs de l'activité salariée de l'accueillant" n'est pas demandé
    Et le justificatif "Justificatifs du droit au séjour de l'accueillant durant les 5 années précédentes" n'est pas demandé
    Quand je coche "Je ne possède pas de carte de séjour délivrée par cet État"
    Alors le justificatif "Justificatifs du séjour dans l'autre État de l'UE, de l'EEE ou de la Suisse" est demandé
    Et le justificatif "Carte de séjour délivrée par l'autre État de l'UE, de l'EEE ou de la Suisse" n'est pas demandé
    Quand je confirme mon numéro ephoto et je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Récapitulatif"
    Et le bouton "Déposer la demande" n'est pas proposé
    Quand je valide les trois parties du récapitulatif de ma demande
    Et j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Et la page affiche "Votre demande a bien été enregistrée et vous allez recevoir un accusé de réception."
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors le document téléchargé est ma confirmation de dépôt : mon identité, ma nationalité, mon adresse, mon accueillant et notre lien
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel porte en pièce jointe la confirmation de dépôt téléchargée

  @exig_G03_ETAPE_1_ABANDONNER_DEMANDE @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_DEMANDEUR_NON_ELIGIBLE @exig_G03_ETAPE_2_MODIFIER_SAISIE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G04_13_AFFICHAGE_ABANDONNER_DEMANDE @exig_SIM_MODALITES_SEJOUR @exig_SIM_VRAISEMBLABLEMENT_PROCEDURE_CONJOINT
  @non_eligible
  Scénario: Trois mois ou moins dans l'autre État membre : la demande est renvoyée vers une autre procédure
    Soit un membre de famille conjoint d'un accueillant français, ayant séjourné avec lui 14 mois dans un autre État membre, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour, avec un séjour de 3 mois dans l'autre État membre
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors la page affiche "Demandeur non éligible"
    Et la page affiche "vraisemblablement la procédure « Conjoint de Français » du droit commun, ou contacter votre préfecture."
    Et la page affiche "Modifier ma saisie"
    Et la page affiche "Abandonner la demande"
    Et la page n'affiche pas "Déposer la demande"

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_DOCUMENT_IDENTITE_ACCUEILLANT @exig_SIM_JUSTIFICATIFS_DROIT_SEJOUR @exig_SIM_MODALITES_SEJOUR @exig_SIM_NUMERO_ETRANGER_ACCUEILLANT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Un accueillant européen sans titre de séjour est saisi sans numéro étranger
    Soit un membre de famille "conjoint" d'un accueillant européen "salarié" sans titre de séjour, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour et mon accueillant
    Alors le champ "Numéro étranger de l'accueillant" n'est pas proposé
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Document d'identité de l'accueillant" est demandé
    Et le justificatif "Justificatifs du droit au séjour de l'accueillant durant les 5 années précédentes" est demandé

  @exig_G03_1_ACCES_CONFIRMATION @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_3_DEPOSER_DEMANDE @exig_G03_ETAPE_5_VOTRE_DEMANDE_TITRE @exig_G04_13_AFFICHAGE_RECAPITULATIF @exig_SIM_CONFIRMATION_DEPOT_UNE @exig_SIM_DOCUMENT_IDENTITE_ACCUEILLANT @exig_SIM_JUSTIFICATIFS_ACTIVITE_SALARIEE @exig_SIM_JUSTIFICATIFS_DROIT_SEJOUR @exig_SIM_MODALITES_SEJOUR @exig_SIM_OUVRE_CONFIRMATION_DEPOT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Scénario: Un accueillant européen titulaire d'un titre de séjour : son identité est confirmée et la demande est déposée
    Soit un membre de famille "conjoint" d'un accueillant européen "salarié" titulaire d'un titre de séjour, avec 2 enfants à charge, leurs titres de séjour étant connus du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour et mon accueillant
    Et je confirme l'identité de mon accueillant
    Alors l'identité de mon accueillant est confirmée
    Et mes enfants à charge sont déclarés, chacun dans son groupe
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Document d'identité de l'accueillant" n'est pas demandé
    Et le justificatif "Justificatifs du droit au séjour de l'accueillant durant les 5 années précédentes" est demandé
    Et le justificatif "Justificatifs de l'activité salariée de l'accueillant" est demandé
    Quand je confirme mon numéro ephoto et je joins un document à chaque justificatif demandé
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Récapitulatif"
    Quand je valide les trois parties du récapitulatif de ma demande
    Et j'appuie sur "Déposer la demande"
    Alors je suis à l'étape "Confirmation"
    Quand je télécharge "J'ouvre ma confirmation de dépôt de demande (PDF)"
    Alors le document téléchargé est ma confirmation de dépôt : mon identité, ma nationalité, mon adresse, mon accueillant et notre lien
    Et je reçois le courriel "Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'Etat."
    Et ce courriel porte en pièce jointe la confirmation de dépôt téléchargée

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_AUCUN_TITRE_SEJOUR @exig_SIM_CONFIRMEZ_IDENTITE_VOTRE @exig_SIM_DOCUMENT_IDENTITE_ACCUEILLANT @exig_SIM_IDENTITE_CONFIRMEE @exig_SIM_MODALITES_SEJOUR @exig_SIM_NUMERO_ETRANGER_ACCUEILLANT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @echantillon_deploiement
  Scénario: Le numéro étranger saisi ne correspond pas à l'accueillant : l'erreur est à côté du champ, rien n'est perdu
    Soit un membre de famille "descendant" d'un accueillant européen "non salarié" titulaire d'un titre de séjour, leurs titres de séjour étant connus du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour et mon accueillant, avec un autre numéro étranger que le sien
    Et je confirme l'identité de mon accueillant
    Alors le champ "Numéro étranger de l'accueillant" signale "Aucun titre de séjour ne correspond à ce numéro étranger"
    Et l'identité de mon accueillant n'est pas confirmée
    Et ce que j'ai saisi sur mon accueillant est conservé
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors le champ "Numéro étranger de l'accueillant" signale "Confirmez l'identité de votre accueillant"
    Quand je corrige le numéro étranger de mon accueillant
    Et je confirme l'identité de mon accueillant
    Alors l'identité de mon accueillant est confirmée
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Document d'identité de l'accueillant" n'est pas demandé

  @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_AUCUN_TITRE_SEJOUR @exig_SIM_CONFIRMEZ_IDENTITE_VOTRE @exig_SIM_DATE_NAISSANCE_ACCUEILLANT @exig_SIM_IDENTITE_CONFIRMEE @exig_SIM_MODALITES_SEJOUR @exig_SIM_NOM_ACCUEILLANT @exig_SIM_NUMERO_ETRANGER_ACCUEILLANT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  Plan du scénario: L'identité de l'accueillant est confirmée en entier : avec une erreur sur "<champ>", elle ne l'est pas
    Soit un membre de famille "descendant" d'un accueillant européen "non salarié" titulaire d'un titre de séjour, leurs titres de séjour étant connus du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour et mon accueillant, avec une erreur sur "<champ>"
    Et je confirme l'identité de mon accueillant
    Alors le champ "Numéro étranger de l'accueillant" signale "Aucun titre de séjour ne correspond à ce numéro étranger"
    Et l'identité de mon accueillant n'est pas confirmée
    Quand j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Modalités du séjour"
    Et le champ "Numéro étranger de l'accueillant" signale "Confirmez l'identité de votre accueillant"

    # The numéro étranger typed wrong: the scenario above.
    Exemples:
      | champ                              |
      | Nom de l'accueillant               |
      | Date de naissance de l'accueillant |

  @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_DEMANDEUR_NON_ELIGIBLE @exig_G03_ETAPE_2_MODIFIER_SAISIE @exig_G05_ETAPE_2_ASCENDANT @exig_SIM_LORSQUE_ACCUEILLANT_EST @exig_SIM_MODALITES_SEJOUR
  @non_eligible
  Scénario: Un accueillant étudiant ne peut accueillir un ascendant
    Soit un membre de famille "conjoint" d'un accueillant européen "étudiant" sans titre de séjour, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour en me déclarant "ascendant" de mon accueillant
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors la page affiche "Demandeur non éligible"
    Et la page affiche "Lorsque l'accueillant est étudiant, le membre de famille qui demande un titre de séjour ne peut être ni un ascendant"
    Et la page affiche "Modifier ma saisie"

  @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G04_ANNEXE1_LISTE_ACTE_MARIAGE @exig_G05_ETAPE_3_JUSTIFICATIFS_RESIDENCE_FRANCE @exig_SIM_ACTE_MARIAGE @exig_SIM_JUSTIFICATIFS_ACTIVITE_NON @exig_SIM_JUSTIFICATIFS_ACTIVITE_SALARIEE @exig_SIM_JUSTIFICATIFS_MAINTIEN_DROIT @exig_SIM_JUSTIFICATIFS_PRISE_CHARGE @exig_SIM_JUSTIFICATIFS_RESSOURCES_ACCUEILLANT @exig_SIM_JUSTIFICATIF_ASSURANCE_MALADIE @exig_SIM_JUSTIFICATIF_LIEN_PARENTE @exig_SIM_JUSTIFICATIF_LIEN_PARENTE_2 @exig_SIM_JUSTIFICATIF_PRISE_CHARGE @exig_SIM_JUSTIFICATIF_PRISE_CHARGE_2
  @justificatifs
  Plan du scénario: Accueillant « <activité> », membre de famille « <lien> » : les justificatifs qui suivent
    Soit un membre de famille "<lien>" d'un accueillant européen "<activité>" sans titre de séjour, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Justificatifs"
    Alors le justificatif "<demandé>" est demandé
    Et le justificatif "<aussi demandé>" est demandé
    Et le justificatif "<non demandé>" n'est pas demandé
    Et le justificatif "Justificatifs de la résidence en France" n'est pas demandé

    Exemples:
      | activité                               | lien              | demandé                                                      | aussi demandé                                                     | non demandé                                                |
      | étudiant                               | conjoint          | Justificatif de prise en charge par l'accueillant étudiant  | Acte de mariage                                                   | Justificatifs de l'activité salariée de l'accueillant       |
      | salarié                                | ascendant         | Justificatif de prise en charge par l'accueillant salarié   | Justificatif du lien de parenté avec l'accueillant (ascendant)    | Justificatif de prise en charge par l'accueillant étudiant  |
      | non salarié                            | personne à charge | Justificatifs de l'activité non salariée de l'accueillant   | Justificatifs de la prise en charge par l'accueillant             | Acte de mariage                                             |
      | retraité ou inactif                    | partenaire enregistré | Justificatifs de ressources de l'accueillant | Justificatif d'assurance maladie de l'accueillant                | Justificatifs de l'activité salariée de l'accueillant       |
      | en cessation involontaire d'activité   | descendant        | Justificatifs du maintien du droit au séjour de l'accueillant en cessation involontaire d'activité | Justificatif du lien de parenté avec l'accueillant (descendant)   | Justificatif de prise en charge par l'accueillant salarié   |
