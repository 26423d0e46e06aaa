"""Attestations a dépôt produces, written from their declaration in the procedure definition
(`documents.attestations`): e.g. the attestation de prolongation d'instruction of guide 04 (ANNEXE 1),
with its references, the holder's identity, its sentences, and a signed 2D-DOC (document type 13).

Nothing here knows a particular attestation: the words, the validity, the 2D-DOC's fields are data.
Like every PDF of the simulator it carries the banner: a specimen, signed with a test authority only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from reportlab.lib.units import mm

from ..engine.definition import Attestation, Paragraphe
from .demande import MARGIN, WIDTH, _fill, _line, _Writer, write_lignes
from .twoddoc import MIN_MODULE_MM, QUIET_ZONE_MODULES, TwoDDocSigner, datamatrix_modules, draw_on_canvas

__all__ = ["attestation_filename", "attestation_pdf", "attestation_values", "code_payload", "titre_delivre"]

CODE_GAP = 6 * mm  # between the references and the 2D-DOC beside them


def _date(out: dict[str, str], name: str, value: date) -> None:
    out[name] = f"{value:%d/%m/%Y}"
    out[f"{name}.jjmmaaaa"] = f"{value:%d%m%Y}"


def attestation_values(attestation: Attestation, values: Mapping[str, str], emission: date,
                       decision: Mapping[str, str] | None = None) -> dict[str, str]:
    """The document values plus the attestation's own: its validity (from the dépôt, `validite_mois`
    months, last day included: 26/04/2022 → 25/10/2022 for six months, as guide 04 shows) and the
    emission date as AAAAMMJJ for its file name. An attestation issued at the decision (`decision`:
    what the agent decided, as fake_anef.web.instruction keeps it) is emitted on the decision's date
    and valid as the card it grants; it adds the taxe and the card's nature and mention."""
    out = dict(values)
    out["date_fichier"] = f"{emission:%Y%m%d}"
    if attestation.emise != "depot":  # issued after the dépôt: emitted that day
        _date(out, "date_emission", emission)
    if decision is not None:
        _date(out, "date_decision", date.fromisoformat(decision["date_decision"]))
        _date(out, "date_debut_validite", date.fromisoformat(decision["date_debut"]))
        _date(out, "date_fin_validite", date.fromisoformat(decision["date_fin"]))
        out["taxe"] = _euros(decision["taxe"])
        out["titre_nature"] = decision.get("nature", "")
        out["titre_mention"] = decision.get("mention", "")
    elif attestation.validite_mois is not None:
        debut = emission
        # clamped to a shorter month's end: 31/08 + 6 months → 28/02
        fin = debut + relativedelta(months=attestation.validite_mois) - timedelta(days=1)
        _date(out, "date_debut_validite", debut)
        _date(out, "date_fin_validite", fin)
    return out


def _euros(amount: str) -> str:
    """225 → "225", 225.5 → "225,50": an amount as a French text writes it."""
    value = float(amount)
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}".replace(".", ",")


def titre_delivre(attestation: Attestation, variables: Mapping[str, Any], today: date) -> tuple[str, str]:
    """(nature, mention) of the card a decision delivers: the first of `titres` whose condition holds."""
    for t in attestation.titres:
        if t.when is None or t.when.test(variables, today):
            return t.nature, t.mention
    return "", ""


def attestation_filename(attestation: Attestation, values: Mapping[str, str]) -> str:
    return _fill(attestation.fichier, values)


def code_payload(attestation: Attestation, values: Mapping[str, str], signer: TwoDDocSigner, today: date) -> str:
    """The signed 2D-DOC of the attestation: each declared field filled, spaces collapsed, then
    written by the signer (normalise_value: no accents, capitals, '/' only where the field allows)."""
    code = attestation.deux_d_doc
    assert code is not None
    fields = [(identifier, " ".join(_fill(template, values).split())) for identifier, template in code.champs]
    return signer.sign(code.type_document, code.perimetre, code.pays, today, today, fields)


def _applies(paragraph: Paragraphe, variables: Mapping[str, Any], today: date) -> bool:
    return paragraph.when is None or paragraph.when.test(variables, today)


def attestation_pdf(attestation: Attestation, values: Mapping[str, str], variables: Mapping[str, Any],
                    today: date, signer: TwoDDocSigner | None) -> bytes:
    """The attestation as a one-page PDF. `values`: attestation_values(); `variables`: the
    wizard's, for the sentences' conditions; `signer`: the portal's 2D-DOC signer (None: no code)."""
    w = _Writer(attestation.titre[0])
    for line in attestation.titre:
        w.text(line, size=13.5, bold=True, centred=True)
    w.space(8)
    top = w.y
    w.text(attestation.references_titre, bold=True)
    for reference in attestation.references:
        w.text(_line(reference, values))
    bottom = w.y
    if attestation.deux_d_doc is not None and signer is not None:
        payload = code_payload(attestation, values, signer, today)
        # The code beside the references, its top level with theirs: well clear of the text a
        # phone has to ignore, and where a verifier looks first.
        side = (datamatrix_modules(payload) + 2 * QUIET_ZONE_MODULES) * MIN_MODULE_MM * mm
        caption = 7.0 * 1.4
        x = WIDTH - MARGIN - side
        y = top + 10 - side - caption
        draw_on_canvas(w.canvas, payload, x, y)
        bottom = min(bottom, y - CODE_GAP)
    w.y = bottom
    statut = [p for p in attestation.statut if _applies(p, variables, today)]
    if statut:
        w.space(4)
        box_top = w.y + 12
        for p in statut:
            w.text(_fill(p.texte, values), size=11, bold=True, centred=True)
        w.canvas.setLineWidth(0.8)
        w.canvas.rect(MARGIN, w.y + 6, WIDTH - 2 * MARGIN, box_top - w.y - 6)
        w.space(6)
    w.space(4)
    write_lignes(w, attestation.lignes, values)
    w.space(8)
    for p in attestation.paragraphes:
        if _applies(p, variables, today):
            w.text(_fill(p.texte, values), bold=p.gras)
            w.space(4)
    return w.finish()
