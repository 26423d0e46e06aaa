"""Root conftest: loads the harness, the personas and the step modules as plugins (pytest-bdd's
advice), so every feature and test below shares them."""

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
