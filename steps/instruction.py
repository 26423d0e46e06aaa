"""Steps of the instruction (features/instruction.feature): what the agent does goes through the
back-office adapter the target is configured with (harness.backoffice); what the applicant sees is
read in their mailbox and pages (harness.instruction). One sentence, one harness call."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import instruction, textes
from harness.actor import Actor, Decision
from harness.attestation import as_code, check_adf
from harness.backoffice import BackOffice
from harness.documents import PdfDocument
from harness.journeys import wait_for_mail_saying
from harness.preconditions import Preconditions
from harness.recoupement import code_contre_page
from harness.textes import pattern
from harness.twoddoc import TrustList, scan_pdf, verify


# The demande -------------------------------------------------------------------------------------
@given("j'ai déposé ma demande")
def demande_deposee(acteur: Actor, preconditions: Preconditions) -> None:
    instruction.deposit(acteur, preconditions)


# The agent ---------------------------------------------------------------------------------------
@when("l'agent démarre l'instruction de ma demande")
def agent_demarre(acteur: Actor, backoffice: BackOffice) -> None:
    backoffice.start_instruction(acteur.numero_demande)


@when(parsers.parse('l\'agent me demande un complément, avec l\'observation "{observations}" :'))
def agent_complement(acteur: Actor, backoffice: BackOffice, observations: str, datatable: list[list[str]]) -> None:
    motifs = {row[0]: row[1] for row in datatable}
    backoffice.ask_complement(acteur.numero_demande, motifs, observations)


@when(parsers.parse('l\'agent me demande {n:d} compléments pour le justificatif "{titre}"'))
def agent_complements(acteur: Actor, backoffice: BackOffice, n: int, titre: str) -> None:
    for i in range(n):
        backoffice.ask_complement(acteur.numero_demande, {titre: "illisible"}, f"Demande n° {i + 1}")


@when(parsers.parse("l'agent prend une décision favorable : une carte valable un an à partir de demain, "
                    "et une taxe de {taxe} €"))
def agent_decide(acteur: Actor, backoffice: BackOffice, taxe: str) -> None:
    debut, fin = instruction.decision_dates()
    acteur.notes.decision = Decision(debut=debut, fin=fin, taxe=taxe)
    backoffice.decide_favorably(acteur.numero_demande, debut, fin, taxe)


@when(parsers.parse('l\'agent me délivre l\'attestation "{titre}"'))
def agent_delivre(acteur: Actor, backoffice: BackOffice, titre: str) -> None:
    deliver = getattr(backoffice, "deliver_attestation", None)
    if deliver is None:
        raise AssertionError(f"le back-office « {backoffice.name} » ne sait pas délivrer une attestation "
                             "(méthode deliver_attestation)")
    deliver(acteur.numero_demande, titre)


@when("l'agent marque mon titre de séjour disponible")
def agent_disponible(acteur: Actor, backoffice: BackOffice) -> None:
    backoffice.mark_available(acteur.numero_demande)


# Mail, bell, "Mes Notifications" -------------------------------------------------------------------
@then("je reçois un nouveau courriel de notification")
def courriel_notification(acteur: Actor) -> None:
    after = max([acteur.mail_watermark, *(m.id for m in acteur.mailbox.read)])
    mail = wait_for_mail_saying(acteur, instruction.NOTIFICATION_MAIL, after=after)
    assert mail.text.strip().startswith("Bonjour,"), mail.text


@then(parsers.re(r"la cloche indique (?P<n>\d+) notifications? non lues?"), converters={"n": int})
def cloche(acteur: Actor, n: int) -> None:
    instruction.expect_unread(acteur, n)


@then(parsers.parse('la cloche liste "{titre}" et « Voir toutes mes notifications »'))
def cloche_liste(acteur: Actor, titre: str) -> None:
    instruction.bell_lists(acteur, titre)


@when("j'ouvre toutes mes notifications depuis la cloche")
def ouvrir_depuis_cloche(acteur: Actor) -> None:
    instruction.open_from_bell(acteur)


@then(parsers.parse('la notification "{titre}" est "{etat}"'))
def notification_etat(acteur: Actor, titre: str, etat: str) -> None:
    instruction.expect_row(acteur, titre, etat)


@then(parsers.parse('la notification "{titre}" est "{etat}", avec "{mention} aujourd\'hui"'))
def notification_etat_date(acteur: Actor, titre: str, etat: str, mention: str) -> None:
    row = instruction.expect_row(acteur, titre, etat)
    texte = f"{mention} {date.today():%d/%m/%Y}"
    textes.current().verifier(texte, lambda: expect(row).to_contain_text(pattern(texte)),
                              lieu=f"la notification « {titre} » de « Mes Notifications »")


@when(parsers.parse('j\'ouvre la notification "{titre}"'))
def ouvrir_notification(acteur: Actor, titre: str) -> None:
    instruction.open_notification(acteur, titre)


@when("je reviens à toutes mes notifications")
def retour_toutes(acteur: Actor) -> None:
    instruction.back_to_all(acteur)


@then(parsers.parse("la liste montre {n:d} notifications, page « {pages} »"))
def liste_page(acteur: Actor, n: int, pages: str) -> None:
    expect(instruction.rows(acteur)).to_have_count(n)
    instruction.expect_pager(acteur, pages)


@when("je passe à la page suivante")
def page_suivante(acteur: Actor) -> None:
    instruction.next_page(acteur)


@when(parsers.parse('je filtre mes notifications sur "{filtre}"'))
def filtrer(acteur: Actor, filtre: str) -> None:
    instruction.filter_by(acteur, filtre)


# The demande de complément ------------------------------------------------------------------------
@when(parsers.parse('je réponds "{choix}" pour "{titre}"'))
def repondre(acteur: Actor, choix: str, titre: str) -> None:
    instruction.answer(acteur, titre, choix)


@when(parsers.parse('je réponds "{choix}" pour "{titre}" en précisant "{raisons}"'))
def repondre_raisons(acteur: Actor, choix: str, titre: str, raisons: str) -> None:
    instruction.answer(acteur, titre, choix, raisons=raisons)


@when(parsers.parse('je réponds "{choix}" pour "{titre}" avec le fichier "{nom}"'))
def repondre_fichier(acteur: Actor, choix: str, titre: str, nom: str) -> None:
    instruction.answer(acteur, titre, choix, fichier=nom)


@then(parsers.parse('la réponse pour "{titre}" signale "{message}"'))
def reponse_signale(acteur: Actor, titre: str, message: str) -> None:
    instruction.expect_answer_error(acteur, titre, message)


@then(parsers.parse('l\'agent voit ma réponse pour "{titre}" : {textes}'))
def agent_voit(acteur: Actor, backoffice: BackOffice, titre: str, textes: str) -> None:
    expected = [t.strip().strip('"') for t in textes.split(" et ")]
    backoffice.expect_on_demande(acteur.numero_demande, [titre, *expected])


# The decision ----------------------------------------------------------------------------------------
@then("la notification m'informe que ma demande a été acceptée")
def decision_acceptee(acteur: Actor) -> None:
    texte = f"Je vous informe que votre demande en ligne de titre de séjour n° {acteur.numero_demande} a été acceptée."
    textes.current().verifier(texte, lambda: expect(acteur.browser.page.get_by_text(pattern(texte))).to_be_visible(),
                              lieu="la notification de décision")


@then("le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme")
def adf_conforme(acteur: Actor, document: PdfDocument, trust_list: TrustList) -> None:
    decision: Decision = acteur.notes.exige("decision")
    report = check_adf(document, acteur.persona, trust_list,
                       numero_etranger=acteur.notes.numero_etranger or acteur.persona.numero_etranger,
                       numero_demande=acteur.numero_demande, debut=decision.debut, fin=decision.fin,
                       taxe=decision.taxe, mention=instruction.expected_mention(acteur.persona),
                       phrase=instruction.expected_decision(acteur.persona),
                       identity=instruction.identity_held(acteur.persona))
    report.check()
    assert report.fields().get("6J") == "3", report.summary()


@then(parsers.parse("son 2D-DOC est signé et porte le type de document étranger {type_document} (6J), "
                    "ma demande, mon numéro étranger et mon nom"))
def code_signe(acteur: Actor, document: PdfDocument, trust_list: TrustList, type_document: str) -> None:
    codes = scan_pdf(document.content)
    assert codes, f"aucun 2D-DOC lisible sur « {document.filename} »"
    result = verify(codes[0].payload, trust_list, findings=codes[0].notes)
    assert result.valid and result.code is not None, f"2D-DOC : {result.verdict} : {result.detail}"
    values = result.code.values()
    numero_etranger = acteur.notes.numero_etranger or acteur.persona.numero_etranger
    for identifier, want in (("6J", type_document), ("6K", acteur.numero_demande), ("6Q", numero_etranger),
                             ("62", as_code(acteur.persona.nom))):
        assert values.get(identifier) == want, f"2D-DOC {identifier} : « {values.get(identifier)} », attendu « {want} »"
    forgeries = code_contre_page(result.code, document)
    assert not forgeries, "\n".join(forgeries)


# "Mes demandes en cours" ---------------------------------------------------------------------------
@then(parsers.parse('« Mes demandes en cours » montre ma demande à l\'état "{etat}"'))
def etat_demande(acteur: Actor, etat: str) -> None:
    instruction.demande_state(acteur, etat)


@then("« Historique de mes Titres de Séjour » montre la carte décidée")
def historique(acteur: Actor) -> None:
    decision: Decision = acteur.notes.exige("decision")
    instruction.history_shows(acteur, decision.debut, decision.fin, instruction.expected_mention(acteur.persona))
