"""What the property modules of the enfant de Français wizard share (test_demarche_*.py): the
Hypothesis settings (bounded runs; on a broken portal, stop at the first failure) and dossiers: one
of the module's applicants (conftest's `applicants`) with what each of their steps holds, so that
every property can check that a refusal changed nothing saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import HealthCheck, Phase, settings

from .conftest import Applicants, PortalClient
from .wizard_http import TITRES, Applicant, new_applicant
from .wizard_saisies import informations, motif_de_sejour, shown

PROPERTY = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# On a broken portal: stop at the first failure (a broken rule corrupts the state the next examples see).
BROKEN = settings(max_examples=25, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
                  report_multiple_bugs=False)


def today(portal: PortalClient) -> date:
    return portal.portal.clock.today()


def assert_saved(applicant: Applicant, saved: dict[str, dict[str, str]]) -> None:
    """Every step shows what was saved in it (a refusal changed nothing)."""
    for step_id, values in saved.items():
        page = applicant.step(step_id)
        assert page.step_title == TITRES[step_id], (step_id, page.path)
        assert page.shown() == shown(values), f"« {TITRES[step_id]} » no longer shows what was saved"


@dataclass
class Dossier:
    """An applicant and what their steps hold."""

    applicant: Applicant
    saved: dict[str, dict[str, str]]


def dossier(applicants: Applicants, key: str, last: str = "justificatifs") -> Dossier:
    def make() -> Dossier:
        applicant = new_applicant(applicants.portal)
        ephoto = applicants.ephoto() if last == "depot" else None
        applicant.reach(last, ephoto=ephoto)
        saved = {"situation": {"situation": "famille-francais", "situation_famille": "enfant"},
                 "informations-personnelles": informations(), "motif-de-sejour": motif_de_sejour()}
        return Dossier(applicant, saved)
    return applicants.get(key, make)
