"""One driver for the téléprocédures (issue 12 point 4): each journey is a small table (where it
starts, its step titles, a filler per step title, how its dépôt is done, how its confirmation de
dépôt is read), chosen from the persona (`persona.parcours`), so a step sentence such as "j'ai rempli
ma demande jusqu'à l'étape …" or "la confirmation de dépôt porte …" serves every journey. A new
journey is a new table row, not new step sentences."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import ase, bpi, famille_ue
from . import enfant_de_francais as edf
from .actor import Actor
from .demarche import Demarche, save_steps_before
from .demarche_http import over_http
from .documents import Comparison, PdfDocument, compare_confirmation
from .preconditions import BROWSER, Preconditions

Move = Callable[[Actor], None]
DEPOSER = "Déposer la demande"
# The ADF's decision sentence for a renewal: the simulator's (SIM-ADF-DECISION-RENOUVELLEMENT), no guide shows one.
RENOUVELLEMENT = "une décision favorable a été prise à la suite de votre demande de renouvellement de titre de séjour."


def _press_deposer(actor: Actor) -> None:
    demarche(actor).press(DEPOSER)


def _validate_and_deposit(validate: Move) -> Move:
    def deposit(actor: Actor) -> None:
        validate(actor)
        demarche(actor).press(DEPOSER)

    return deposit


@dataclass(frozen=True)
class Parcours:
    """A téléprocédure as the harness drives it."""

    nom: str
    guide: str
    start: Move  # from where the account precondition leaves the browser to the first step
    steps: tuple[str, ...]
    fillers: Mapping[str, Move]  # step title → the persona's answers typed in that step
    depot: str  # the step whose page has "Déposer la demande"
    deposer: Move  # on that step: what is left to do, then "Déposer la demande"
    # the confirmation de dépôt against the persona (None: no scenario of this journey reads one)
    confirmation: Callable[[PdfDocument, Any], Comparison] | None
    # the card a favourable decision grants, as guide 03's ADF words it (None: the guides show none)
    mention: str | None = None
    # the ADF's sentence after "Le JJ/MM/AAAA, " (guide 03 ADF: a first demande; the renewals' is the simulator's)
    decision: str = "une décision favorable a été prise à la suite de votre demande d'admission au séjour."
    # the identity the portal prints when it holds less than the persona (None: the persona's own)
    identite_tenue: Callable[[Any], list[Any]] | None = None
    # its start, fillers and dépôt also run over HTTP (harness.demarche_http): the fast preconditions apply
    http: bool = False

    def advance_to(self, actor: Actor, title: str, pre: Preconditions | None = None) -> None:
        """Every step before `title` filled with the persona's answers and saved; with fast
        preconditions (and a journey whose fillers run over HTTP), over HTTP, the browser then
        opening the step `title` as the browser way leaves it."""
        if title not in self.steps:
            raise AssertionError(f"« {title} » n'est pas une étape de la démarche {self.nom} ({self.guide}) : "
                                 f"{', '.join(self.steps)}")
        if pre is not None and pre.fast and self.http:
            with over_http(actor, pre.base_url) as saisie:
                self.start(actor)
                save_steps_before(saisie, actor, self.steps, self.fillers, title)
            pre.note("demande", "http")
            return
        self.start(actor)
        save_steps_before(demarche(actor), actor, self.steps, self.fillers, title)
        if pre is not None:
            pre.note("demande", BROWSER)

    def compare(self, document: PdfDocument, persona: Any) -> Comparison:
        if self.confirmation is None:
            raise AssertionError(f"la démarche {self.nom} ({self.guide}) : lecture de la confirmation de dépôt non écrite")
        return self.confirmation(document, persona)

    def deposit(self, actor: Actor, pre: Preconditions | None = None, *, before_deposit: Move | None = None) -> None:
        """From the journey's start to the page "Confirmation" (over HTTP as `advance_to`).
        `before_deposit`: done in the browser on the dépôt step's page (e.g. the récapitulatif read)
        before what `deposer` does there; the fast way then opens that page between the fill and the
        dépôt, which it otherwise does in one go."""
        fast = pre if pre is not None and pre.fast and self.http else None
        if fast is not None and before_deposit is None:
            with over_http(actor, fast.base_url) as saisie:
                self.start(actor)
                save_steps_before(saisie, actor, self.steps, self.fillers, self.depot)
                self.deposer(actor)
                saisie.expect_step(self.steps[-1])
            fast.note("demande", "http")
            return
        self.advance_to(actor, self.depot, pre)
        if before_deposit is not None:
            before_deposit(actor)
        if fast is not None:  # from the page the browser is on, as the fill
            with over_http(actor, fast.base_url) as saisie:
                self.deposer(actor)
                saisie.expect_step(self.steps[-1])
            return
        self.deposer(actor)
        demarche(actor).expect_step(self.steps[-1])


PARCOURS: dict[str, Parcours] = {p.nom: p for p in (
    Parcours("enfant_de_francais", "guide 02", edf.start, edf.STEPS, edf.FILLERS, "Dépôt de la demande",
             _press_deposer, lambda document, persona: compare_confirmation(document, persona),
             mention="Vie privée et familiale", http=True),
    # an ASE applicant's numéro étranger was registered with one prénom: the portal prints that one
    Parcours("ase", "guide 03", ase.start, ase.STEPS, ase.FILLERS, "Dépôt de la demande", _press_deposer, ase.compare,
             mention="Vie privée et familiale", identite_tenue=ase.expected_on_confirmation, http=True),
    Parcours("bpi", "guide 04", bpi.start, bpi.STEPS, bpi.FILLERS, "Récapitulatif",
             _validate_and_deposit(bpi.validate_parts), None, decision=RENOUVELLEMENT, http=True),
    Parcours("famille_ue", "guide 05", famille_ue.start, famille_ue.STEPS, famille_ue.FILLERS, "Récapitulatif",
             _validate_and_deposit(famille_ue.validate_parts), famille_ue.compare, decision=RENOUVELLEMENT, http=True),
)}


def du(actor: Actor) -> Parcours:
    """The journey the persona was built for."""
    return pour(actor.persona)


def pour(persona: Any) -> Parcours:
    nom = getattr(persona, "parcours", None)
    if nom not in PARCOURS:
        raise AssertionError(f"persona du parcours « {nom} » : aucune démarche connue ({', '.join(PARCOURS)})")
    return PARCOURS[nom]


def demarche(actor: Actor) -> Demarche:
    """The browser on the actor's téléprocédure (one per actor, whatever the journey)."""
    if actor.notes.demarche is None:
        actor.notes.demarche = Demarche(actor.browser)
    return actor.notes.demarche
