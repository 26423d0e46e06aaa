"""Procedure definitions, the cross-reference checks run once a definition is read: unique ids,
known names in conditions, known justificatifs, cas, documents and {values} in templates."""

from __future__ import annotations

import string
from collections.abc import Set as AbstractSet

from .conditions import Condition
from .reader import _Reader
from .schema import (
    ADDRESS_PARTS,
    ATTESTATION_VALUES,
    CONFIRMATION_KEYS,
    DECISION_VALUES,
    DOCUMENT_VALUES,
    Champ,
    ChampDate,
    ConfirmationIdentite,
    Definition,
    GroupeChamps,
    LienDocument,
    RenvoiJustificatif,
)


def check_references(d: Definition, r: _Reader) -> None:
    """Cross-checks: unique ids, known names in conditions, known justificatifs, cas and values."""
    step_ids = [s.id for s in d.steps]
    if len(step_ids) != len(set(step_ids)):
        r.fail("steps : deux étapes ont le même id")
    if not d.steps:
        r.fail("steps : au moins une étape")
    if sum(1 for s in d.steps if s.depot) != 1:
        r.fail("steps : exactement une étape doit porter « depot: true »")
    if not d.steps[-1].confirmation:
        r.fail("steps : la dernière étape doit porter « confirmation: true »")
    for step in d.steps:
        if step.recapitulatif and not d.recapitulatif:
            r.fail(f"étape {step.id} : « recapitulatif: true » demande le « recapitulatif » de la définition")
        if step.intro_procedure and not d.intro:
            r.fail(f"étape {step.id} : « intro_procedure: true » demande l'« intro » de la définition")
    field_ids: list[str] = []
    for step in d.steps:
        for bloc in step.blocs():
            if isinstance(bloc, Champ) and bloc.id:
                field_ids.append(bloc.id)
    duplicates = {f for f in field_ids if field_ids.count(f) > 1}
    if duplicates:
        r.fail(f"champ(s) défini(s) deux fois : {', '.join(sorted(duplicates))}")
    cas_ids = {c.id for c in d.cas}
    contexte_names = {name for name, _ in d.contexte}
    names = set(field_ids) | {name for name, _ in d.variables} | contexte_names
    var_names = [name for name, _ in d.variables]
    if set(var_names) & set(field_ids):
        r.fail(f"variables : nom déjà pris par un champ : {', '.join(sorted(set(var_names) & set(field_ids)))}")
    if contexte_names & (set(field_ids) | set(var_names)):
        r.fail(f"contexte : nom déjà pris : {', '.join(sorted(contexte_names & (set(field_ids) | set(var_names))))}")

    def check_condition(cond: Condition | None, where: str, extra: AbstractSet[str] = frozenset()) -> None:
        if cond is None:
            return
        unknown = cond.names - names - extra
        if unknown:
            r.fail(f"{where} : condition « {cond.source} » : nom(s) inconnu(s) : {', '.join(sorted(unknown))}")

    for name, cond in d.variables:
        check_condition(cond, f"variables.{name}")
    for c in d.cas:
        check_condition(c.when, f"cas {c.id}")
    for j in d.justificatifs.values():
        check_condition(j.when, f"justificatif {j.id}")
        if j.cas and j.cas not in cas_ids:
            r.fail(f"justificatif {j.id} : cas « {j.cas} » inconnu")
    used: set[str] = set()
    for index, step in enumerate(d.steps):
        check_condition(step.when, f"étape {step.id}")
        if step.bloquant:
            check_condition(step.bloquant.when, f"étape {step.id}, bloquant")
        for i, rule in enumerate(step.bloquants):
            check_condition(rule.when, f"étape {step.id}, bloquants[{i}]")
        for part in step.parties:
            if part.etape not in step_ids[:index] or d.step(part.etape).confirmation:
                r.fail(f"étape {step.id} : la partie « {part.titre} » désigne « {part.etape} », "
                       "qui n'est pas une étape de saisie précédant le récapitulatif")
        step_fields = {b.id: b for b in step.fields()}
        for bloc in step.blocs():
            check_condition(bloc.when, f"étape {step.id}, bloc {bloc.id if isinstance(bloc, Champ) else bloc.type}")
            if isinstance(bloc, Champ):
                for cond, _ in bloc.controles:
                    check_condition(cond, f"étape {step.id}, bloc {bloc.id}, controles")
            if isinstance(bloc, ConfirmationIdentite):
                for key, field_id in bloc.identite:
                    named = step_fields.get(field_id)
                    if named is None or named.multiple or named.type not in CONFIRMATION_KEYS[key]:
                        r.fail(f"étape {step.id}, confirmation {bloc.id} : identite.{key} désigne « {field_id} », qui n'est pas "
                               f"un champ {' ou '.join(sorted(CONFIRMATION_KEYS[key]))} de cette étape")
            if isinstance(bloc, GroupeChamps):
                for inner in bloc.champs:
                    check_condition(inner.when, f"étape {step.id}, groupe {bloc.id}", {c.id for c in bloc.champs if c.id})
            if isinstance(bloc, ChampDate) and bloc.apres and bloc.apres[0] not in field_ids:
                r.fail(f"étape {step.id}, champ {bloc.id} : « apres » désigne un champ inconnu « {bloc.apres[0]} »")
            if isinstance(bloc, LienDocument):
                attestation = d.attestation(bloc.document) if bloc.document else None
                if bloc.document and attestation is None:
                    r.fail(f"étape {step.id} : document « {bloc.document} » inconnu (documents.attestations)")
                elif attestation is not None and attestation.emise != "depot":
                    r.fail(f"étape {step.id} : le document « {bloc.document} » n'existe qu'à la décision")
            if isinstance(bloc, RenvoiJustificatif) and bloc.justificatif:
                if bloc.justificatif not in d.justificatifs:
                    r.fail(f"étape {step.id} : justificatif « {bloc.justificatif} » inconnu")
                used.add(bloc.justificatif)
    unused = {j for j in set(d.justificatifs) - used if not d.justificatifs[j].hors_etape}
    if used & {j for j, x in d.justificatifs.items() if x.hors_etape}:
        r.fail("un justificatif « hors_etape » est demandé dans une étape")
    if unused:
        r.fail(f"justificatif(s) jamais demandé(s) dans une étape : {', '.join(sorted(unused))}")
    listed = set()
    for g in d.liste_pieces.groupes:
        if g.cas and g.cas not in cas_ids:
            r.fail(f"documents.liste_pieces : cas « {g.cas} » inconnu")
        for rub in g.rubriques:
            for jid in rub.justificatifs:
                if jid not in d.justificatifs:
                    r.fail(f"documents.liste_pieces : justificatif « {jid} » inconnu")
                listed.add(jid)
    absent = {j for j in set(d.justificatifs) - listed if not d.justificatifs[j].hors_liste}
    if absent:
        r.fail(f"documents.liste_pieces : justificatif(s) absent(s) de la liste : {', '.join(sorted(absent))}")
    if len(d.liste_pieces.groupes) > 1 and any(not g.titre and g.cas is None for g in d.liste_pieces.groupes):
        r.fail("documents.liste_pieces : seul un groupe unique peut n'avoir ni « titre » ni « cas »")
    for key, field_id in d.identite.items():
        if field_id not in field_ids:
            r.fail(f"identite.{key} : champ « {field_id} » inconnu")
    def check_values(texts: list[str], allowed: set[str], where: str) -> None:
        for text in texts:
            for _, name, spec, conversion in string.Formatter().parse(text):
                if name is None:
                    continue
                if name not in allowed or spec or conversion:
                    r.fail(f"{where} : valeur « {{{name}}} » inconnue (champs ou {', '.join(sorted(DOCUMENT_VALUES))})")

    confirmation = d.confirmation
    if confirmation is not None:
        check_values([confirmation.fichier, *(line.valeur for line in (*confirmation.references, *confirmation.lignes)),
                      *(p.texte for p in confirmation.paragraphes)],
                     document_names(d), "documents.confirmation_depot")
        for p in confirmation.paragraphes:
            check_condition(p.when, "documents.confirmation_depot")
    ids = [a.id for a in d.attestations]
    if len(ids) != len(set(ids)):
        r.fail("documents.attestations : deux attestations ont le même id")
    for a in d.attestations:
        where = f"documents.attestations.{a.id}"
        texts = [a.fichier, *(line.valeur for line in (*a.references, *a.lignes)),
                 *(p.texte for p in (*a.statut, *a.paragraphes))]
        if a.deux_d_doc is not None:
            texts += [value for _, value in a.deux_d_doc.champs]
        check_values(texts, document_names(d, attestation=True, decision=a.emise == "decision"), where)
        for p in (*a.statut, *a.paragraphes):
            check_condition(p.when, where)
        for t in a.titres:
            check_condition(t.when, where)
        if a.validite_mois is None and a.emise != "decision" and any(
            n in ("date_debut_validite", "date_fin_validite") or n.startswith(("date_debut_validite.", "date_fin_validite."))
            for t in texts for _, n, _, _ in string.Formatter().parse(t) if n
        ):
            r.fail(f"{where} : les dates de validité demandent « validite_mois »")


DATE_VALUES = ("date_emission", "date_depot")


def document_names(d: Definition, *, attestation: bool = False, decision: bool = False) -> set[str]:
    """The {names} a document of `d` may print: every field as displayed, the dépôt's values, the
    contexte, and derived forms: `champ.code` (the option's value, e.g. an ISO country code),
    `date.jjmmaaaa`, `texte.liste` (items or words joined by "/"), `adresse.<partie>`."""
    names = set(DOCUMENT_VALUES) | {name for name, _ in d.contexte}
    dates = set(DATE_VALUES)
    if attestation:
        names |= ATTESTATION_VALUES
        dates |= {"date_debut_validite", "date_fin_validite"}
    if decision:
        names |= DECISION_VALUES
        dates.add("date_decision")
    for step in d.steps:
        for bloc in step.fields():
            fid = bloc.id or ""
            names.add(fid)
            if bloc.type in ("choix", "selection"):
                names.add(f"{fid}.code")
            elif bloc.type == "date":
                dates.add(fid)
            elif bloc.type == "texte":
                names.add(f"{fid}.liste")
            elif bloc.type == "adresse":
                names |= {f"{fid}.{part}" for part in ADDRESS_PARTS}
    return names | {f"{x}.jjmmaaaa" for x in dates}
