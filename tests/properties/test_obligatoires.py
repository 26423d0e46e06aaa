"""Required means required (issue 16 pt 2), guide 02's wizard over HTTP (no browser): at each step,
each required field and each required justificatif left empty in turn is refused with a message
next to it, and nothing already saved is lost (the step's saved values, the other files joined).

The oracle is the guide, not the portal's `requis`: a field or justificatif whose label carries the
guides' "*" is required, and so are the few the guide asks without one (REQUIRED_WITHOUT_STAR). The
labels are read from the definition (tests may read fake_anef); a definition that loses a `requis`
keeps its "*", so the mutants domicile_facultatif and lieu_naissance_facultatif are killed here.

Fast: one portal and one applicant for the module (the `portal` fixture); each case starts from the
same saved demande and leaves it so, about 4 requests a case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from fake_anef.engine.registry import by_id
from fake_anef.engine.schema import Bloc

from .conftest import PortalClient
from .wizard_http import Applicant, new_applicant
from .wizard_saisies import MESSAGES, PDF, SITUATION, date_fields, informations, keys_of, motif_de_sejour

D = by_id("vpf-enfant-de-francais")
assert D is not None
EPHOTO, EPHOTO_CAS_2 = "4" * 22, "5" * 22
# Guide 02 asks these without a "*" on the label: the two questions of "Votre situation", the birth
# date (its section "ÉTAT CIVIL" is all required but the nom d'usage, "(facultatif)") and the two
# attestations to tick ("Pour poursuivre la téléprocédure, vous devez cocher cette case.").
REQUIRED_WITHOUT_STAR = {"situation", "situation_famille", "date_naissance", "attestation_polygamie", "attestation_sanctions"}
# Valid answers where every required field of the step is shown (married: the union's date and country).
ANSWERS: dict[str, dict[str, str]] = {
    "situation": SITUATION,
    "informations-personnelles": informations(),
    "motif-de-sejour": motif_de_sejour(situation_familiale="Marié(e)", pays_union="FR",
                                       **date_fields("date_union", date(2015, 6, 1))),
}


def required_fields(step_id: str) -> list[Bloc]:
    return [b for b in D.step(step_id).fields()  # type: ignore[union-attr]
            if "*" in b.label or b.id in REQUIRED_WITHOUT_STAR]


def refused_next_to_it(bloc: Bloc, errors: dict[str, str]) -> bool:
    """The refusal sits next to the field: a list's first item; an address's line and its parts."""
    if bloc.type == "adresse":
        return bool(errors.get(bloc.id)) and any(
            k.startswith(f"{bloc.id}_") and v == MESSAGES["obligatoire"] for k, v in errors.items())
    name = f"{bloc.id}-0" if bloc.multiple else bloc.id
    return errors.get(name) == (MESSAGES["attestation"] if bloc.type == "attestation" else MESSAGES["obligatoire"])


@pytest.fixture(scope="module")
def applicant(portal: PortalClient) -> Applicant:
    """An applicant whose demande is saved up to the dépôt (every step valid, every file joined)."""
    person = new_applicant(portal)
    person.reach("depot", info=ANSWERS["informations-personnelles"], motif=ANSWERS["motif-de-sejour"], ephoto=EPHOTO)
    return person


@pytest.fixture(scope="module")
def applicant_cas_2(portal: PortalClient) -> Applicant:
    """An Algerian applicant (guide 02's CAS 2: "Justificatif de séjour régulier *"), saved up to the dépôt."""
    person = new_applicant(portal)
    person.reach("depot", info=informations(**{"nationalites-0": "DZ"}), motif=ANSWERS["motif-de-sejour"], ephoto=EPHOTO_CAS_2)
    return person


def saved(applicant: Applicant) -> dict[str, dict[str, str]]:
    return {step: applicant.step(step).shown() for step in ANSWERS}


FIELDS = [(step, bloc.id) for step in ANSWERS for bloc in required_fields(step)]


def test_every_starred_field_of_guide_02_is_tried() -> None:
    assert len(FIELDS) >= 20, FIELDS
    assert {"lieu_naissance", "date_union", "pays_union", "attestation_sanctions"} <= {f for _, f in FIELDS}


@pytest.mark.exig_G02_ETAPE_2_CHAMPS_MARQUES_OBLIGATOIRES
@pytest.mark.parametrize(("step_id", "field_id"), FIELDS, ids=[f"{s}-{f}" for s, f in FIELDS])
def test_a_required_field_left_empty_is_refused_next_to_it_and_nothing_saved_is_lost(applicant: Applicant, step_id: str,
                                                                                      field_id: str) -> None:
    before = saved(applicant)
    bloc = D.field(field_id)  # type: ignore[union-attr]
    values = dict(ANSWERS[step_id])
    emptied = keys_of(bloc, values)
    assert emptied, (field_id, values)
    page = applicant.submit(step_id, {**values, **dict.fromkeys(emptied, "")})
    assert page.status == 422, f"{step_id}: {field_id} left empty was accepted"
    assert refused_next_to_it(bloc, page.errors()), page.errors()
    assert saved(applicant) == before, "a refused submission lost or changed what was saved"


JUSTIFICATIFS = [j.id for j in D.justificatifs.values() if "*" in j.page.titre or "*" in j.label]


def with_one_missing(applicant: Applicant, jid: str) -> Callable[[], None]:
    """Leave `jid` empty (its files removed, or the ephoto number); returns how to restore it."""
    if jid == "ephoto":
        numero = applicant.step("justificatifs").ephoto or ""
        applicant.submit("justificatifs", {}, action="ephoto:supprimer")
        return lambda: None if applicant.confirm_ephoto(numero).ephoto == numero else pytest.fail("ephoto not restored")
    applicant.remove_pieces(jid)
    return lambda: None if applicant.join(jid, f"{jid}.pdf", PDF, "application/pdf").pieces(jid) else pytest.fail(jid)


@pytest.mark.exig_G02_ETAPE_4_JUSTIFICATIF_DOMICILE_DATANT
@pytest.mark.parametrize("jid", JUSTIFICATIFS)
def test_a_required_justificatif_left_empty_is_refused_next_to_it_and_the_other_files_stay(request: pytest.FixtureRequest,
                                                                                          jid: str) -> None:
    cas_2 = D.justificatifs[jid].cas == "cas-2"  # type: ignore[union-attr]
    applicant: Applicant = request.getfixturevalue("applicant_cas_2" if cas_2 else "applicant")
    page = applicant.step("justificatifs")
    assert jid in page.justificatifs(), f"{jid} is not asked: {page.justificatifs()}"
    others = {j: page.pieces(j) for j in page.justificatifs() if j not in ("ephoto", jid)}
    restore = with_one_missing(applicant, jid)
    try:
        refused = applicant.submit("justificatifs", {})
        assert refused.status == 422, f"{jid} left empty was accepted"
        assert refused.error(jid if jid == "ephoto" else f"fichier-{jid}"), refused.errors()
        after = applicant.step("justificatifs")
        assert {j: after.pieces(j) for j in others} == others, "a refused submission lost a file joined"
    finally:
        restore()
