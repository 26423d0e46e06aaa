"""Root conftest: loads the harness, the personas and the step modules as plugins (pytest-bdd's
advice), so every feature and test below shares them; and, first, keeps the bytecode of every pytest
process outside the work tree when PYTHONDONTWRITEBYTECODE is set (harness.bytecode says why)."""

from harness.bytecode import keep_bytecode

keep_bytecode()  # before the plugins below are imported: they and the project are compiled once

pytest_plugins = [
    "harness.textes",  # before harness.plugin, which imports it (assertion rewriting)
    "harness.plugin",
    "personas.pytest_plugin",
    "steps.commun",
    "steps.compte",
    "steps.demarche",
    "steps.enfant_de_francais",
    "steps.ase",
    "steps.bpi",
    "steps.famille_ue",
    "steps.instruction",
    "steps.suivi",
    "steps.complement",
    "steps.regles_guides",
    "steps.bornes",
    "steps.accessibilite",
    "steps.ecrans",
    "harness.narration",  # --narration: the captions of `anef demo`
]
