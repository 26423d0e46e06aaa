"""The cross-checks of harness.recoupement and the confirmation's dépôt date, each seen to pass on the
portal's own documents and to fail on a deliberately inconsistent one: a 2D-DOC that contradicts its
page (a forgery, whoever the persona is), a page that contradicts its code, a mail that carries
another demande's document or greets someone else.

The PDFs are made in-process with the portal's code (as tests/harness/test_adp_check.py and
test_adf_check.py do), then read only through the harness."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from fake_anef.documents.twoddoc import TwoDDocSigner
from fake_anef.engine.definition import Attestation
from harness.attestation import check_adp
from harness.documents import PdfDocument, compare_confirmation
from harness.recoupement import code_du_document, courriel_contre_document, lire_champs, verifier_code_contre_page
from harness.twoddoc import TrustList
from personas.factory import PersonaFactory

from . import test_adf_check as adf
from . import test_adp_check as adp
from .test_documents import document as confirmation
from .test_documents import persona as collins

certificate = adp.certificate  # the module-scoped fixture: one test certificate for the module


@pytest.fixture(scope="module")
def persona() -> Any:
    return PersonaFactory(41, adp.TODAY).bpi("BPS", marie=False)


@pytest.fixture(scope="module")
def persona_adf() -> Any:
    return PersonaFactory(7, adf.DECIDED).enfant_de_francais()


def _forged(attestation: Attestation, **champs: str) -> Attestation:
    """The attestation whose 2D-DOC fields `champs` (identifier → template) are replaced."""
    code = attestation.deux_d_doc
    assert code is not None
    return replace(attestation, deux_d_doc=replace(code, champs=tuple((i, champs.get(f"_{i}", v)) for i, v in code.champs)))


def _printed_wrong(attestation: Attestation, libelle: str, valeur: str) -> Attestation:
    """The attestation whose printed line `libelle` shows `valeur` (its 2D-DOC unchanged)."""
    return replace(attestation, lignes=tuple(replace(line, valeur=valeur) if line.libelle == libelle else line
                                             for line in attestation.lignes))


# A 2D-DOC against its own page ------------------------------------------------------------------------
def test_the_portal_s_adp_and_adf_agree_with_their_code(persona: Any, persona_adf: Any,
                                                        certificate: tuple[TwoDDocSigner, bytes]) -> None:
    signer, _ = certificate
    assert verifier_code_contre_page(adp.make_adp(persona, signer)) == []
    assert verifier_code_contre_page(adf.make_adf(persona_adf, signer)) == []


@pytest.mark.parametrize(("champs", "identifier"), [
    ({"_6P": "NON AUTORISE A TRAVAILLER"}, "6P"),      # the page says the holder may work
    ({"_69": "01011990"}, "69"),                       # date of birth
    ({"_62": "DUPONT"}, "62"),                         # nom de naissance
    ({"_60": "JEAN/PIERRE"}, "60"),                    # prénoms
    ({"_6X": "PARIS"}, "6X"),                          # commune
    ({"_67": "FR"}, "67"),                             # nationalité
    ({"_6C": "FR"}, "6C"),                             # pays de naissance
    ({"_6K": "7501202204260000121"}, "6K"),            # another demande
    ({"_6O": "25102023"}, "6O"),                       # a longer validity than printed
    ({"_6L": "25042022"}, "6L"),                       # another dépôt date
])
def test_a_code_that_contradicts_its_page_is_reported_as_a_forgery(
        persona: Any, certificate: tuple[TwoDDocSigner, bytes], champs: dict[str, str], identifier: str) -> None:
    signer, pem = certificate
    document = adp.make_adp(persona, signer, _forged(adp.ADP, **champs))
    forgeries = verifier_code_contre_page(document)
    assert any(f.startswith(f"2D-DOC falsifié : {identifier} ") for f in forgeries), forgeries
    # and check_adp, used by the features, says so too (whatever else it finds)
    report = check_adp(document, persona, TrustList.from_pem(pem))
    assert any(p.startswith(f"2D-DOC falsifié : {identifier} ") for p in report.problems), report.problems
    with pytest.raises(AssertionError, match="falsifié"):
        report.check()


def test_a_page_that_contradicts_its_code_is_reported_too(persona: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    """The date of birth printed wrong, the code right: the page is checked against the persona AND
    against its code."""
    signer, pem = certificate
    document = adp.make_adp(persona, signer, _printed_wrong(adp.ADP, "Né(e) le", "01/01/1901"))
    report = check_adp(document, persona, TrustList.from_pem(pem))
    assert any(p.startswith("Né(e) le : lu « 01/01/1901 »") for p in report.problems), report.problems
    assert any(p.startswith("2D-DOC falsifié : 69 ") for p in report.problems), report.problems


def test_the_adf_s_nom_d_usage_is_compared_with_its_code(persona_adf: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    signer, _ = certificate
    document = adf.make_adf(persona_adf, signer, _forged(adf.ADF, _63="{nom_naissance}"))
    assert lire_champs(document)["Nom d'usage"] == ""
    forgeries = verifier_code_contre_page(document)
    assert any(f.startswith("2D-DOC falsifié : 63 ") for f in forgeries), forgeries


# The confirmation's dépôt date ---------------------------------------------------------------------------
def test_a_confirmation_whose_depot_sentence_is_not_its_emission_date_fails() -> None:
    assert compare_confirmation(confirmation(), collins()).problems == []
    result = compare_confirmation(confirmation(date_depot="21/12/2022"), collins())
    assert any(p.startswith("date du dépôt : « Le 21/12/2022") for p in result.problems), result.problems


# The mail that carried the document -----------------------------------------------------------------------
@dataclass
class FakeMail:
    """What harness.mailbox.Mail offers the cross-check: subject, text, attachments."""

    subject: str
    text: str
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def attachments(self) -> list[dict[str, Any]]:
        return [{"filename": name} for name in self.files]

    def attachment(self, name_contains: str = "") -> tuple[str, bytes]:
        for name, content in self.files.items():
            if name_contains in name:
                return name, content
        raise AssertionError(f"pas de pièce jointe « {name_contains} »")


MAIL = ("Bonjour {nom},\n\nVotre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les "
        "services de l'Etat.\n")


def _mail(document: PdfDocument, nom: str = "MARSHALL COLLINS", subject: str = "Confirmation du dépôt") -> FakeMail:
    return FakeMail(subject, MAIL.format(nom=nom), {document.filename: document.content})


def test_the_mail_carrying_the_same_confirmation_passes() -> None:
    result = courriel_contre_document(_mail(confirmation()), confirmation(), collins())
    assert result.problems == []
    result.check()


@pytest.mark.parametrize(("mail", "expected"), [
    (lambda: _mail(confirmation(numero_demande="5901202212220000371")), "la pièce jointe est le document d'une autre demande"),
    (lambda: _mail(confirmation(date_naissance="05/03/1990")), "Né(e) le : la pièce jointe"),
    (lambda: _mail(confirmation(), nom="JOHN SMITH"), "le courriel salue « JOHN SMITH »"),
    (lambda: _mail(confirmation(), subject="Demande 5901202212220000999"), "le courriel nomme la demande 5901202212220000999"),
])
def test_a_mail_that_does_not_carry_my_demande_fails(mail: Any, expected: str) -> None:
    result = courriel_contre_document(mail(), confirmation(), collins())
    assert any(p.startswith(expected) for p in result.problems), result.problems
    with pytest.raises(AssertionError, match="le courriel du dépôt ne correspond pas à ma demande"):
        result.check()


def test_a_mailed_adp_whose_code_names_another_demande_fails(persona: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    """Same printed text, another code: the flat texts are equal, the cross-check still catches it."""
    signer, _ = certificate
    downloaded = adp.make_adp(persona, signer)
    mailed = adp.make_adp(persona, signer, _forged(adp.ADP, _6K="5901202204260000121"))
    assert mailed.flat == downloaded.flat
    nom = f"{' '.join(persona.prenoms)} {persona.nom}".upper()
    assert courriel_contre_document(_mail(downloaded, nom), downloaded, persona).problems == []
    result = courriel_contre_document(_mail(mailed, nom), downloaded, persona)
    assert any(p.startswith("2D-DOC 6K : la pièce jointe porte « 5901202204260000121 »") for p in result.problems), result.problems
    assert any(p.startswith("la pièce jointe : 2D-DOC falsifié : 6K") for p in result.problems), result.problems
    code = code_du_document(mailed)
    assert code is not None and code.values()["6K"] == "5901202204260000121"


def test_a_civility_greeting_or_a_phone_number_is_no_problem() -> None:
    """Wording the guides do not show: "Bonjour Madame, Monsieur," greets no one else; a 10-digit
    number may be a phone number (a finding only)."""
    mail = _mail(confirmation(), nom="Madame, Monsieur")
    mail.text += "Pour nous joindre : 0612345678.\n"
    result = courriel_contre_document(mail, confirmation(), collins())
    assert result.problems == []
    assert any("0612345678" in f for f in result.findings), result.findings
