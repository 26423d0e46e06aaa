"""The documents of a deposited demande as the portal issues them: the values printed on them and
the attestations (issued at the dépôt, by the agent or at the decision, then kept as issued). A
domain service, called by the applicant's pages, the notifications and the instruction alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .demandes import ATTESTATIONS_STATE, DECISION_STATE, Demandes
from .documents.attestation import attestation_filename, attestation_pdf, attestation_values
from .engine import wizard as wz
from .engine.definition import Attestation, Definition
from .faults import NONE, Faults
from .portal import Portal
from .store import Demande


def document_values(definition: Definition, demande: Demande, wizard: wz.Wizard,
                    faults: Faults = NONE) -> dict[str, str]:
    """The values a document of the demande prints (its fields, numéros and dates); `faults`: the
    portal's fault modes (some print a value wrong)."""
    values = wizard.document_values({k: dict(v) for k, v in (demande.donnees or {}).items()})
    depose = demande.deposee_at or wizard.today
    values.update(numero_demande=demande.numero or "", numero_etranger=demande.numero_etranger or "",
                  date_emission=f"{depose:%d/%m/%Y}", date_depot=f"{depose:%d/%m/%Y}")
    values.update({"date_emission.jjmmaaaa": f"{depose:%d%m%Y}", "date_depot.jjmmaaaa": f"{depose:%d%m%Y}"})
    return faults.printed_values(values)


def attestation_file(p: Portal, definition: Definition, demande: Demande, attestation: Attestation, *,
                     courriel: bool = False) -> tuple[str, bytes]:
    """(file name, PDF) of an attestation of a deposited demande: issued (and its 2D-DOC signed) at
    the dépôt, by the agent (`emise: instruction`) or at the favourable decision (`emise: decision`),
    then read back as issued. `courriel`: the copy a mail carries (the same file, except under
    the fault mode courriel_2d_doc_autre_demande)."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    wizard = wz.Wizard(definition, p.clock.today())
    state = demande.donnees or {}
    decision = state.get(DECISION_STATE) if attestation.emise == "decision" else None
    if attestation.emise == "decision" and not decision:
        raise LookupError(f"{attestation.id} : aucune décision prise sur la demande {demande.numero}")
    issued = (state.get(ATTESTATIONS_STATE) or {}).get(attestation.id)
    if attestation.emise == "instruction" and not issued:
        raise LookupError(f"{attestation.id} : pas encore délivrée sur la demande {demande.numero}")
    emission = (date.fromisoformat(decision["date_decision"]) if decision
                else date.fromisoformat(issued) if issued
                else (demande.deposee_at or p.clock.now()).date())
    base = document_values(definition, demande, wizard, p.faults)
    values = p.faults.misprinted(attestation_values(attestation, base, emission, decision), base)
    name = attestation_filename(attestation, values)
    path = demandes.document_path(demande, attestation.id)
    forged = courriel and p.faults.forges_mailed_code()
    if path.is_file() and not forged:
        return name, path.read_bytes()
    attestation = replace(attestation, paragraphes=tuple(
        x for x in attestation.paragraphes if p.faults.attestation_paragraph_kept(x.texte)))
    signer = p.faults.signer(p.twoddoc_signer(), courriel=courriel) if attestation.deux_d_doc is not None else None
    pdf = attestation_pdf(attestation, values, wizard.variables(demandes.data(demande)), emission, signer)
    if not forged:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
    return name, pdf
