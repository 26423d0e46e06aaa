"""Fault modes that break a rule written as data in a procedure definition (an age limit, a required
item): the definition's YAML text is patched before it is loaded, so the engine runs the broken rule
exactly as it would run a definition written that way. Used by the mutation kit (mutants/catalogue.yaml)
to show that the boundary and required-item tests catch a deployment whose rule is off.

Like the wording faults (fake_anef/reformulation.py) they hold for the whole process: the registry of
definitions is one per process, and scripts/mutation.py runs each mutant in its own process."""

from __future__ import annotations

from collections.abc import Iterable

# fault mode -> (definition file, text of the rule, broken text); each text occurs in its file.
PATCHES: dict[str, tuple[str, str, str]] = {
    # Guide 02: "l'enfant (+ de 16 ans) d'un citoyen français"; the mutant lets a child of 15 in.
    "seize_ans_a_15": ("enfant_de_francais.yaml", "when: \"situation_famille == 'enfant' and age < 16\"",
                       "when: \"situation_famille == 'enfant' and age < 15\""),
    # Guide 02 ANNEXE 1: "Si vous avez plus de 21 ans :" the two justificatifs of resources; from 20.
    "ressources_a_20_ans": ("enfant_de_francais.yaml", 'when: "age >= 21"', 'when: "age >= 20"'),
    # Guide 03: "Je suis un mineur (+16 ans) émancipé" offered from 15.
    "emancipe_a_15_ans": ("ase.yaml", 'when: "mineur and age >= 16"', 'when: "mineur and age >= 15"'),
    # Guide 05: a descendant under 21 of a salaried accueillant gives no prise en charge; under 20 here.
    "descendant_moins_de_20_ans": ("famille_ue.yaml", "not (lien == 'descendant' and age < 21)",
                                   "not (lien == 'descendant' and age < 20)"),
    # Guide 02 étape 4: "Justificatif de domicile datant de moins de 6 mois *" made optional.
    "domicile_facultatif": ("enfant_de_francais.yaml", "  - id: domicile\n    titre: {commun: domicile_titre}\n    requis: true\n",
                            "  - id: domicile\n    titre: {commun: domicile_titre}\n"),
    # Guide 02 étape 2: "Lieu de naissance * :" made optional.
    "lieu_naissance_facultatif": ("enfant_de_francais.yaml",
                                  "{id: lieu_naissance, type: texte, label: {commun: lieu_de_naissance}, requis: true}",
                                  "{id: lieu_naissance, type: texte, label: {commun: lieu_de_naissance}}"),
    # Guide 05: the "Acte de mariage *" of a married family member made optional.
    "acte_de_mariage_facultatif": ("famille_ue.yaml", '    titre: "Acte de mariage *"  # DERIVED\n    requis: true\n',
                                   '    titre: "Acte de mariage *"  # DERIVED\n'),
    # Guide 03: "Date de prise en charge par l'ASE * :" made optional.
    "prise_en_charge_ase_facultative": ("ase.yaml", "            label: \"Date de prise en charge par l'ASE * :\"\n            requis: true\n",
                                        "            label: \"Date de prise en charge par l'ASE * :\"\n"),
    # Guide 05 étape 1 (2/2): "Vérifier l'adresse": the address is no longer pre-filled from the record.
    "adresse_non_preremplie": ("famille_ue.yaml", "- {commun: adresse, prefill: identite.adresse}", "- {commun: adresse}"),
}

_active: frozenset[str] = frozenset()


def patch(file_name: str, text: str) -> str:
    """A definition's YAML text as the portal's fault modes have it (unchanged in normal use)."""
    for fault in sorted(_active):
        name, old, new = PATCHES[fault]
        if name == file_name:
            if old not in text:
                raise ValueError(f"fault mode {fault}: {name} no longer holds {old!r}")
            text = text.replace(old, new)
    return text


def apply(faults: Iterable[str]) -> bool:
    """Put the definition faults among `faults` in place (the registry reloads when they change);
    True when the definitions were reloaded."""
    global _active
    wanted = frozenset(faults) & PATCHES.keys()
    if wanted == _active:
        return False
    _active = wanted
    from .engine import registry

    registry.bundled.cache_clear()
    return True
