"""Steps of a demande de complément as guides 02-04 show it, and of its 30-day délai: one sentence,
one call into harness.complement (or the back-office adapter, or the target's clock)."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from harness import complement
from harness.actor import Actor
from harness.backoffice import BackOffice, BackOfficeRefused
from harness.horloge import Horloge


# The agent ---------------------------------------------------------------------------------------
@when("l'agent me demande un complément, document par document :")
def agent_complement_par_document(acteur: Actor, backoffice: BackOffice, datatable: list[list[str]]) -> None:
    motifs = {row[0]: row[1] for row in datatable}
    observations = {row[0]: row[2] for row in datatable}
    backoffice.ask_complement(acteur.notes["numero_demande"], motifs, observations)  # type: ignore[arg-type]


def _close(backoffice: BackOffice, numero: str) -> None:
    close = getattr(backoffice, "close_incomplete", None)
    if close is None:
        raise AssertionError(f"le back-office « {backoffice.name} » ne sait pas clôturer une demande "
                             "(méthode close_incomplete)")
    close(numero)


@then("l'agent ne peut pas encore clôturer ma demande")
def agent_ne_peut_pas_cloturer(acteur: Actor, backoffice: BackOffice) -> None:
    try:
        _close(backoffice, acteur.notes["numero_demande"])
    except BackOfficeRefused:
        return
    raise AssertionError("la demande a été clôturée avant la fin du délai de 30 jours laissé au demandeur "
                         "(guides 02-04 : « dans un délai de 30 jours après avoir pris connaissance de ce message »)")


@when("l'agent clôture ma demande, le complément n'ayant pas été apporté dans le délai")
def agent_cloture(acteur: Actor, backoffice: BackOffice) -> None:
    _close(backoffice, acteur.notes["numero_demande"])


@when(parsers.parse("{jours:d} jours passent sur l'horloge du portail"))
def jours_passent(horloge: Horloge, jours: int) -> None:
    horloge.advance(24 * jours)


# The applicant -----------------------------------------------------------------------------------
@then(parsers.parse('le document "{titre}" porte l\'observation "{texte}"'))
def observation(acteur: Actor, titre: str, texte: str) -> None:
    complement.expect_observation(acteur, titre, texte)


@then(parsers.parse('pour "{titre}", la page ne montre ni "{a}" ni "{b}"'))
def ni_ni(acteur: Actor, titre: str, a: str, b: str) -> None:
    complement.expect_hidden(acteur, titre, a, b)


@then(parsers.parse('pour "{titre}", la page montre "{visible}" mais pas "{cache}"'))
def montre_mais_pas(acteur: Actor, titre: str, visible: str, cache: str) -> None:
    complement.expect_shown(acteur, titre, visible, cache)


@when(parsers.parse('je choisis "{choix}" pour "{titre}"'))
def choisir(acteur: Actor, choix: str, titre: str) -> None:
    complement.choose(acteur, titre, choix)


@when(parsers.parse('je joins le fichier "{nom}" pour "{titre}"'))
def joindre(acteur: Actor, nom: str, titre: str) -> None:
    complement.join(acteur, titre, nom)


@then(parsers.parse('pour "{titre}", le fichier "{nom}" est joint avec "{bouton}"'))
def joint(acteur: Actor, titre: str, nom: str, bouton: str) -> None:
    complement.expect_joined(acteur, titre, nom, bouton)


@when(parsers.parse('je supprime le fichier "{nom}" pour "{titre}"'))
def supprimer(acteur: Actor, nom: str, titre: str) -> None:
    complement.remove(acteur, titre, nom)


@when(parsers.parse('je saisis "{texte}" dans "Message à l\'agent" pour "{titre}"'))
def message(acteur: Actor, texte: str, titre: str) -> None:
    complement.write_message(acteur, titre, texte)


@then(parsers.parse('la page ne propose plus "{bouton}"'))
def plus_de_reponse(acteur: Actor, bouton: str) -> None:
    complement.expect_no_answer(acteur, bouton)
