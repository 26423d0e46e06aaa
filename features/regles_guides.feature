# language: fr
@demarche @regles_guides
Fonctionnalité: Règles des guides que le portail applique (issue 15)
  Une règle par scénario, courte : la règle tient, et le refus quand il y en a un. Les autres règles
  de l'issue 15 (matrice du guide 05, âge, délai de renouvellement, validité de l'e-photo, lieu de
  naissance non modifiable) sont montrées par les tests HTTP de tests/fake_anef/test_regles_guides*.py.

  Contexte:
    Étant donné je suis sur la page d'accueil du portail

  @exig_G03_ETAPE_1_ENREGISTRER_POURSUIVRE @exig_G03_ETAPE_2_DEMANDEUR_NON_ELIGIBLE @exig_G03_ETAPE_2_SITUATION_CELIBATAIRE @exig_SIM_CONJOINT_FRANCAIS_NON_MARIE @exig_SIM_MODALITES_SEJOUR
  @famille_ue @non_eligible
  Scénario: Le conjoint d'un accueillant français qui ne se déclare pas marié ne peut pas poursuivre
    Soit un membre de famille conjoint d'un accueillant français, ayant séjourné avec lui 14 mois dans un autre État membre, dont le titre de séjour est connu du portail
    Et j'ai ouvert mon compte avec mon titre de séjour
    Et j'ai commencé ma demande de renouvellement jusqu'à l'étape "Modalités du séjour"
    Quand je renseigne les modalités de mon séjour en me déclarant "Célibataire"
    Et j'appuie sur "Enregistrer et poursuivre"
    Alors la page affiche "Demandeur non éligible"
    Et la page affiche "votre situation familiale ne correspond pas à un mariage"
