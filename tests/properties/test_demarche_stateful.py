"""A stateful test of the enfant de Français wizard over HTTP (issue 4): hypothesis draws random
sequences of what a user does in the wizard, and after each of them checks what the user sees.

What the user does (each only when the page offers it):

* fill the step validly and "Enregistrer et poursuivre" (fresh answers, or the ones shown kept as
  they are; on "Justificatifs": confirm an ephoto and join a PDF to each justificatif without one);
* "Revenir à l'étape précédente";
* "Quitter et revenir plus tard", then log in again;
* "Modifier ma situation";
* "Abandonner la demande", then either "Oui, abandonner la demande" or "Non, reprendre ma demande";
* a refused submission (one field made invalid, a program named .pdf, observations too long),
  then the page is reloaded;
* a request the pages never send (issue 14: an unknown `_action`, a 20-digit document id, a repeat
  index beyond a field's maximum, a file whose content is not its claimed format), refused with a
  4xx and a message, then the page is reloaded.

What must always hold:

* a step shows what was saved in it: the values of a step are never lost, whichever way the user
  comes back to it (going forward, going back, resuming, reloading after a refusal); the ephoto and
  the joined documents stay;
* the stepper marks the step the user is on, and the progress line ("Votre démarche en ligne est à
  N% terminée") is that step's;
* a new login resumes at the last saved step (whether the login itself lands on the draft, or the
  brique "Je demande un premier titre -sans numéro étranger, sans visa-" leads there);
* an abandoned draft is gone (its documents answer 404, the brique offers the choice again) and
  nothing else is: another applicant's demande shows all it held;
* the portal never answers 500.

It runs with 15 sequences of at most 12 actions. To explore longer:

    ANEF_STATEFUL_EXAMPLES=500 ANEF_STATEFUL_STEPS=30 .venv/bin/python -m pytest tests/properties/test_demarche_stateful.py

A test also runs the machine against a portal whose "Revenir à l'étape précédente" empties the step
it goes back to (fault mode brouillon_perdu_au_retour) and expects it to fail."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

from .conftest import PortalClient, examples
from .wizard_http import BASE, BRIQUE, CHOIX, POURCENTAGES, STEPS, TITRES, Applicant, Page, new_applicant
from .wizard_saisies import (
    BREAKERS,
    DISGUISED,
    HOSTILE,
    NOT_ACCEPTED,
    PDF,
    SITUATION,
    birth_date,
    day_of,
    informations_valides,
    motifs_valides,
    shown,
)

EXAMPLES = examples(15, "ANEF_STATEFUL_EXAMPLES")
STEPS_PER_EXAMPLE = int(os.environ.get("ANEF_STATEFUL_STEPS") or 12)
LOST = "does not show what was saved in it"


@dataclass
class Witness:
    """Another applicant whose demande (at "Justificatifs", ephoto and documents joined) must stay
    as it is whatever the first one does."""

    applicant: Applicant
    saved: dict[str, dict[str, str]] = field(default_factory=dict)
    ephoto: str = ""
    pieces: list[tuple[str, str]] = field(default_factory=list)

    def check(self) -> None:
        for step_id, values in self.saved.items():
            page = self.applicant.step(step_id)
            assert page.step_title == TITRES[step_id] and page.shown() == values, f"another demande changed: {step_id}"
        page = self.applicant.step("justificatifs")
        assert page.ephoto == self.ephoto, "another demande lost its ephoto"
        assert page.all_pieces() == self.pieces, "another demande lost files"
        assert self.applicant.http.get(self.pieces[0][0]).content == PDF


def make_witness(portal: PortalClient, ephoto: str) -> Witness:
    applicant = new_applicant(portal)
    applicant.reach("justificatifs")
    witness = Witness(applicant, ephoto=ephoto)
    for step_id in STEPS[:3]:
        witness.saved[step_id] = applicant.step(step_id).shown()
    assert applicant.fill_justificatifs(ephoto).step_title == TITRES["depot"]
    page = applicant.step("justificatifs")
    witness.pieces = page.all_pieces()
    return witness


class Wizard(RuleBasedStateMachine):
    """The model: what each step holds, the step shown, the step a new login resumes at."""

    def __init__(self, portal: PortalClient, applicant: Applicant, witness: Witness, ephotos: Iterator[str]) -> None:
        super().__init__()
        self.portal = portal
        self.user = applicant
        self.witness = witness
        self.ephotos = ephotos
        self.saved: dict[str, dict[str, str]] = {}
        self.validated: set[str] = set()  # steps whose saved values passed "Enregistrer et poursuivre"
        self.current = "situation"
        self.resume = "situation"
        self.ephoto: str | None = None
        self.pieces: dict[str, int] = {}
        self.page: Page | None = None

    # What the user sees ---------------------------------------------------------------------------
    def shows(self, page: Page) -> None:
        """The invariants of a step page freshly shown."""
        self.page = page
        title = TITRES[self.current]
        assert page.status == 200, (page.status, page.path)
        assert page.step_title == title, f"the stepper marks « {page.step_title} », expected « {title} »"
        assert page.progress == POURCENTAGES[self.current], f"« {title} » shows {page.progress}%"
        assert page.shown() == self.saved.get(self.current, {}), f"« {title} » {LOST}"
        if self.current == "justificatifs":
            assert page.ephoto == self.ephoto, f"« {title} » shows the ephoto {page.ephoto}, expected {self.ephoto}"
            joined = {jid: len(page.pieces(jid)) for jid in page.justificatifs() if jid != "ephoto"}
            assert joined == {jid: self.pieces.get(jid, 0) for jid in joined}, f"« {title} » {LOST}: {joined}"

    def keep(self, values: dict[str, str]) -> None:
        """A step left by a button that saves without checking holds what it showed."""
        if shown(values) != self.saved.get(self.current, {}):
            self.validated.discard(self.current)
        self.saved[self.current] = shown(values)

    @property
    def actions(self) -> set[str]:
        return self.page.actions() if self.page is not None else set()

    def today(self) -> Any:
        return self.portal.portal.clock.today()

    def step_index(self) -> int:
        return STEPS.index(self.current)

    # Start: a fresh draft (whatever an earlier sequence left is abandoned) ------------------------
    @initialize(filled=st.sampled_from(range(len(STEPS))), data=st.data())
    def start(self, filled: int, data: st.DataObject) -> None:
        """A fresh draft, filled validly up to a drawn step (so that sequences begin anywhere)."""
        page = self.user.get(BRIQUE)
        if not (page.path.startswith(f"{BASE}/etapes/") or CHOIX in page):  # logged out by an earlier sequence
            self.user.login()
            page = self.user.get(BRIQUE)
        if page.path.startswith(f"{BASE}/etapes/"):
            assert "Votre demande a été abandonnée." in self.user.post(f"{BASE}/abandon")
        self.shows(self.user.start())
        for _ in range(filled):
            self.enregistrer_et_poursuivre(data)

    # Actions -------------------------------------------------------------------------------------
    def valid_answers(self, step_id: str, data: st.DataObject) -> dict[str, str]:
        if step_id == "situation":
            return dict(SITUATION)
        if step_id == "informations-personnelles":
            return data.draw(informations_valides(self.today()), label="Informations personnelles")
        birth = birth_date(self.saved["informations-personnelles"])
        return data.draw(motifs_valides(self.today(), birth), label="Motif de séjour")  # type: ignore[arg-type]

    def still_valid(self, step_id: str) -> bool:
        """Whether what a step shows can be saved as it is (a date of the motif may now precede a
        birth date changed since)."""
        if step_id != "motif-de-sejour":
            return True
        birth = birth_date(self.saved["informations-personnelles"])
        motif = self.saved.get(step_id, {})
        names = ["date_entree"] + (["date_union"] if motif.get("situation_familiale") in ("Marié(e)", "Pacsé(e)") else [])
        days = [day_of(motif, name) for name in names]
        return birth is not None and all(day is not None and day >= birth for day in days)

    @precondition(lambda self: "enregistrer" in self.actions)
    @rule(data=st.data())
    def enregistrer_et_poursuivre(self, data: st.DataObject) -> None:
        step_id = self.current
        following = STEPS[self.step_index() + 1]
        assert self.page is not None
        if step_id == "justificatifs":
            page = self.page
            if page.ephoto is None:
                self.ephoto = next(self.ephotos)
                page = self.user.confirm_ephoto(self.ephoto)
                assert page.ephoto == self.ephoto, page.errors()
            missing = [jid for jid in page.justificatifs() if jid != "ephoto" and not page.pieces(jid)]
            files = [(f"fichier-{jid}", (f"{jid}.pdf", PDF, "application/pdf")) for jid in missing]
            page = self.user.submit(step_id, {}, files=files or None)
            for jid in missing:
                self.pieces[jid] = self.pieces.get(jid, 0) + 1
            values: dict[str, str] = {}
        else:
            keep = step_id in self.validated and self.still_valid(step_id) and data.draw(st.booleans(), label="kept as shown")
            values = self.page.values() if keep else self.valid_answers(step_id, data)
            page = self.user.submit(step_id, values)
        assert page.status == 200 and page.step_title == TITRES[following], f"« {TITRES[step_id]} » refused: {page.errors()}"
        self.saved[step_id] = shown(values)
        self.validated.add(step_id)
        self.current = self.resume = following
        self.shows(page)

    @precondition(lambda self: "precedent" in self.actions)
    @rule()
    def revenir_a_l_etape_precedente(self) -> None:
        assert self.page is not None
        values = self.page.values()
        page = self.user.submit(self.current, values, action="precedent")
        self.keep(values)
        self.current = self.resume = STEPS[self.step_index() - 1]
        self.shows(page)

    @precondition(lambda self: "quitter" in self.actions)
    @rule()
    def quitter_et_revenir_plus_tard(self) -> None:
        assert self.page is not None
        values = self.page.values()
        page = self.user.submit(self.current, values, action="quitter")
        assert "Votre demande est enregistrée" in page and page.form is None
        self.keep(values)
        self.resume = self.current
        assert self.user.step(self.current).path == "/connexion", "still connected after « Quitter »"
        page = self.user.login()
        if not page.path.startswith(f"{BASE}/etapes/"):
            page = self.user.get(BRIQUE)
        self.shows(page)

    @precondition(lambda self: self.page is not None and self.page.link("Modifier ma situation") is not None)
    @rule()
    def modifier_ma_situation(self) -> None:
        assert self.page is not None
        page = self.user.get(self.page.link("Modifier ma situation"))  # type: ignore[arg-type]
        self.current = "situation"
        self.shows(page)

    @precondition(lambda self: self.page is not None and self.page.link("Abandonner la demande") is not None)
    @rule(confirm=st.booleans())
    def abandonner_la_demande(self, confirm: bool) -> None:
        assert self.page is not None
        url = self.page.link("Abandonner la demande")
        files = self.user.step("justificatifs").all_pieces()
        question = self.user.get(url)  # type: ignore[arg-type]
        assert "Voulez-vous vraiment abandonner votre demande ?" in question
        if not confirm:
            page = self.user.get(question.link("Non, reprendre ma demande"))  # type: ignore[arg-type]
            self.current = self.resume
            self.shows(page)
            return
        assert "Votre demande a été abandonnée." in self.user.post(url)  # type: ignore[arg-type]
        for link, name in files:
            assert self.user.http.get(link).status_code == 404, f"{name} of the abandoned draft is still served"
        choice = self.user.get(BRIQUE)
        assert choice.path == BRIQUE and CHOIX in choice, f"the brique leads to {choice.path}, not to the choice"
        self.witness.check()
        self.saved, self.validated, self.pieces, self.ephoto = {}, set(), {}, None
        self.current = self.resume = "situation"
        self.shows(self.user.start())

    @rule(data=st.data())
    def soumission_refusee(self, data: st.DataObject) -> None:
        step_id = self.current
        champ, over, message = data.draw(st.sampled_from(BREAKERS[step_id]), label="refused by")
        base = self.valid_answers(step_id, data) if step_id in ("situation", "informations-personnelles",
                                                                "motif-de-sejour") else {}
        files = None
        if step_id == "justificatifs":
            files = {"fichier-domicile": ("facture.pdf", NOT_ACCEPTED["exe"], "application/pdf")}
        page = self.user.submit(step_id, {**base, **over}, action="deposer" if step_id == "depot" else "enregistrer",
                                files=files)
        assert page.status == 422 and page.step_title == TITRES[step_id], (champ, page.status, page.step_title)
        assert message in (page.error(champ) or ""), (champ, page.errors())
        self.shows(self.user.step(step_id))  # reloaded: what was saved before, not what was refused

    @rule(data=st.data())
    def requete_hostile(self, data: st.DataObject) -> None:
        step_id = self.current
        over, action, status = data.draw(st.sampled_from(HOSTILE["*"] + HOSTILE.get(step_id, [])), label="hostile")
        base = dict(self.saved.get(step_id, {}))
        files = None
        if step_id == "justificatifs" and data.draw(st.booleans(), label="disguised file"):
            name, content = data.draw(st.sampled_from(sorted(DISGUISED.values())), label="file")
            files, action, status = {"fichier-domicile": (name, content, "application/pdf")}, "joindre:domicile", 422
        page = self.user.submit(step_id, {**base, **over}, action=action, files=files)
        assert page.status == status, (step_id, over, action, page.status)
        assert page.general or page.errors(), "refused without a message"
        self.shows(self.user.step(step_id))  # nothing saved changed

    def teardown(self) -> None:
        if self.page is None:
            return
        for step_id, values in self.saved.items():  # every saved step, by its address
            page = self.user.step(step_id)
            assert page.step_title == TITRES[step_id] and page.shown() == values, f"« {TITRES[step_id]} » {LOST}"


def machine(portal: PortalClient) -> Callable[[], Wizard]:
    ephotos = iter(range(2 * 10**21, 3 * 10**21))
    witness = make_witness(portal, str(next(ephotos)))
    applicant = new_applicant(portal)
    return lambda: Wizard(portal, applicant, witness, map(str, ephotos))


def test_the_wizard_keeps_every_saved_step_whatever_the_user_does(portal: PortalClient) -> None:
    run_state_machine_as_test(machine(portal), settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS_PER_EXAMPLE, deadline=None))


def test_the_machine_fails_when_going_back_loses_the_step(make_portal) -> None:  # type: ignore[no-untyped-def]
    broken = make_portal(frozenset({"brouillon_perdu_au_retour"}))
    with pytest.raises(AssertionError, match=f"« Informations personnelles » {LOST}|« Motif de séjour » {LOST}"):
        run_state_machine_as_test(machine(broken), settings=settings(
            max_examples=100, stateful_step_count=STEPS_PER_EXAMPLE, deadline=None, database=None,
            phases=[Phase.generate], report_multiple_bugs=False))
