"""The téléprocédure's PDFs, read back with pypdf: the guide's title, values and sentences."""

import io

from pypdf import PdfReader

from fake_anef.documents.demande import confirmation_filename, confirmation_pdf, liste_pieces_pdf
from fake_anef.engine.definition import by_id

D = by_id("vpf-enfant-de-francais")


def _text(pdf: bytes) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_confirmation_prints_the_guides_lines() -> None:
    values = {"numero_demande": "5901202212220000370", "numero_etranger": "", "date_emission": "22/12/2022",
              "date_depot": "22/12/2022", "nom_naissance": "Collins", "nom_usage": "", "prenoms": "Marshall",
              "date_naissance": "04/03/1990", "lieu_naissance": "Montréal", "pays_naissance": "Canada",
              "nationalites": "Canadienne", "adresse": "25 Rue Nationale 59000 Lille France"}
    text = _text(confirmation_pdf(D, values))  # type: ignore[arg-type]
    for expected in [
        "SIMULATEUR — site non officiel", "CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE", "VOS RÉFÉRENCES :",
        "Identifiant (N° étranger) : N° de la demande : 5901202212220000370", "DATE D'ÉMISSION : 22/12/2022",
        "Nom de naissance : COLLINS", "Prénom : MARSHALL", "Né(e) le : 04/03/1990", "A : MONTRÉAL, CANADA",
        "Nationalité : CANADIENNE", "Adresse : 25 RUE NATIONALE 59000 LILLE FRANCE",
        "Le 22/12/2022, vous avez déposé avec succès une demande de titre de séjour qui sera examinée par la préfecture compétente.",
        "Ce document constitue la preuve de dépôt de votre demande.",
    ]:
        assert expected in text, expected
    assert confirmation_filename(D, values) == "confirmation-depot-5901202212220000370.pdf"  # type: ignore[arg-type]


def test_list_of_justificatifs_follows_annexe_1() -> None:
    text = _text(liste_pieces_pdf(D))  # type: ignore[arg-type]
    order = ["PREMIERE DEMANDE DE TITRE DE SÉJOUR VIE PRIVÉE ET FAMILIALE - ENFANT DE FRANÇAIS",
             "Liste des documents justificatifs à fournir", "JUSTIFICATIFS COMMUNS A TOUS LES DEMANDEURS",
             "Justificatif de nationalité *", "Photographie d'identité récente - Numéro EPhoto *", "DOMICILE *",
             "Justificatif de nationalité française du parent *", "Acte de naissance du demandeur avec filiation *",
             "Si vous avez plus de 21 ans :", "Justificatif de votre absence de ressources *",
             "DEMANDEURS TOUTES NATIONALITES (hors algériens et tunisiens)",
             "Justificatif de visa de long séjour en cours de validité *", "DEMANDEURS ALGERIENS OU TUNISIENS",
             "Justificatif de séjour régulier *"]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
