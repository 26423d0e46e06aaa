# language: fr
@bornes
Fonctionnalité: Les limites des guides tenues des deux côtés, les éléments obligatoires exigés (issue 16)
  Une limite se vérifie aux deux valeurs les plus proches qu'elle sépare ; un élément obligatoire se
  vérifie en le laissant vide : le refus s'affiche à côté de lui et rien de ce qui était saisi ou joint
  n'est perdu. Les autres limites (3 fichiers, 22 chiffres, 6 mois de l'e-photo, 10 chiffres, les 16
  ans du guide 03, 21 ans, délai de renouvellement) et chaque champ et justificatif obligatoire de
  chaque étape sont essayés par HTTP sur le portail intégré : tests/fake_anef/test_bornes.py et
  tests/properties/test_obligatoires.py.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G02_ETAPE_4_JUSTIFICATIF_NATIONALITE @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_SIM_FICHIER_TAILLE
  @demarche @enfant_de_francais @justificatifs
  Plan du scénario: Un fichier de <taille> est <verdict>
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli la demande jusqu'à l'étape "Justificatifs"
    Quand je joins un fichier de <taille> "scan.pdf" au justificatif "Justificatif de nationalité"
    Alors <résultat>

    Exemples:
      | taille          | verdict | résultat                                                                                                                                              |
      | 10 Mo tout juste | joint   | le document "scan.pdf" est joint au justificatif "Justificatif de nationalité"                                                                        |
      | 10 Mo et 1 octet | refusé  | le justificatif "Justificatif de nationalité" refuse "Le fichier « scan.pdf » n'a pas été joint : la taille maximale est de 10 Mo par fichier." |

  @exig_G02_ETAPE_2_CHAMPS_MARQUES_OBLIGATOIRES @exig_G02_ETAPE_2_LIEU_NAISSANCE @exig_G02_ETAPE_2_TELEPHONE @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_CHAMP_OBLIGATOIRE @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @demarche @enfant_de_francais
  Plan du scénario: Le champ obligatoire « <champ> » laissé vide est refusé à côté du champ, sans rien perdre
    Soit un demandeur de nationalité "sénégalaise", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli la demande jusqu'à l'étape "Informations personnelles"
    Quand je renseigne mon état civil, mon adresse et mon téléphone
    Et je vide le champ "<champ>"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Informations personnelles"
    Et la page affiche "Les champs marqués d'un * sont obligatoires."
    Et le champ "<champ>" signale "Ce champ est obligatoire."
    Et la page montre mon nom de naissance

    Exemples:
      | champ             |
      | Lieu de naissance |
      | Téléphone         |

  @exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT @exig_G03_8_CHOIX_JUSTIFICATIFS @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_SIM_JUSTIFICATIF_MANQUANT @exig_SIM_STRUCTURE_ETAPE_COURANTE
  @demarche @enfant_de_francais @justificatifs
  Scénario: Un justificatif obligatoire laissé vide est refusé à côté de lui, les documents joints restent
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli la demande jusqu'à l'étape "Justificatifs"
    Quand je confirme mon numéro ephoto
    Et je joins un document à chaque justificatif demandé sauf "Justificatif de domicile datant de moins de 6 mois"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors je suis à l'étape "Justificatifs"
    Et le justificatif "Justificatif de domicile datant de moins de 6 mois" refuse "Joignez au moins un document pour ce justificatif."
    Et chaque autre justificatif demandé garde son document

  @exig_G01_III_COMMENT_CREEZ_VOTRE_MOT @exig_G01_III_COMMENT_LIEN_EST_VALABLE
  @compte @chemin_c @horloge
  Plan du scénario: Le lien de confirmation est <état> <heures> h <minutes> après le courriel
    Soit un titulaire d'un titre de séjour connu du portail
    Et j'ai demandé la création de mon compte avec mon titre de séjour
    Quand <heures> h <minutes> passent sur l'horloge du portail
    Et je suis le lien du courriel
    Alors <résultat>

    Exemples:
      | état           | heures | minutes | résultat                                            |
      | encore valable | 23     | 59      | la page affiche "Créez votre mot de passe"          |
      | expiré         | 24     | 01      | la page affiche "ce lien n'est valable que 24 heures" |

  @exig_G03_8_CHOIX_INFORMATIONS_PERSONNELLES @exig_G03_8_CHOIX_MOTIF_SEJOUR @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_DEMANDEUR_NON_ELIGIBLE
  @demarche @enfant_de_francais
  Plan du scénario: Un enfant dont les 16 ans tombent <quand> <verdict>
    Soit un demandeur de nationalité "marocaine", enfant d'un parent français
    Et j'ai ouvert mon compte sans numéro étranger
    Et j'ai rempli la demande jusqu'à l'étape "Informations personnelles"
    Quand je renseigne mon état civil, mon adresse et mon téléphone
    Et je saisis une date de naissance à laquelle mes 16 ans tombent <quand>
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors <résultat>

    Exemples:
      | quand       | verdict             | résultat                                  |
      | aujourd'hui | poursuit sa demande | je suis à l'étape "Motif de séjour"       |
      | demain      | n'est pas éligible  | la page affiche "Demandeur non éligible" |
