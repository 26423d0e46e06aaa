"""Personas: the people who file on the ANEF portal, for the simulator's demos and the
conformance suite.

Why a package of its own: the conformance suite must run unchanged against any vendor's
deployment, so the people it files for cannot depend on the simulator (nothing here imports
``fake_anef`` or ``harness``).  The specification of the people is the official user guides
(shared/guides): their état civil, French parent, union, children, ASE prise en charge, titles and
EU accueillant.

Main entry points:

* :class:`PersonaFactory` - deterministic, seeded generation per journey;
* :mod:`personas.reference` - the named people of the guides (COLLINS Marshall ...);
* :mod:`personas.strategies` - Hypothesis strategies (passwords, e-photo numbers, dates, text);
* :mod:`personas.pytest_plugin` - ``--persona-seed`` and the ``personas`` fixture.
* ``python -m personas "une demandeuse …"`` / ``--reference`` (:mod:`personas.demo`) - a person from a
  one-line description (:mod:`personas.description`), or the guides' named people.
"""

from personas.countries import (
    UE_EEE_SUISSE,
    Pays,
    adresses,
    pays_par_adjectif,
    pays_par_code,
    pays_par_nom,
    tous_les_pays,
    villes,
)
from personas.factory import (
    ACTIVITES_ACCUEILLANT,
    LIENS_ACCUEILLANT,
    PersonaFactory,
    add_months,
    add_years,
)
from personas.model import (
    SITUATIONS_FAMILIALES,
    Accueillant,
    Adresse,
    Demandeur,
    ParentFrancais,
    Personne,
    Titre,
    UnionCivile,
    age_at,
    fr,
    mot_de_passe_valide,
    regles_mot_de_passe_enfreintes,
)

__all__ = [
    "ACTIVITES_ACCUEILLANT",
    "LIENS_ACCUEILLANT",
    "SITUATIONS_FAMILIALES",
    "UE_EEE_SUISSE",
    "Accueillant",
    "Adresse",
    "Demandeur",
    "ParentFrancais",
    "Pays",
    "PersonaFactory",
    "Personne",
    "Titre",
    "UnionCivile",
    "add_months",
    "add_years",
    "adresses",
    "age_at",
    "fr",
    "mot_de_passe_valide",
    "pays_par_adjectif",
    "pays_par_code",
    "pays_par_nom",
    "regles_mot_de_passe_enfreintes",
    "tous_les_pays",
    "villes",
]
