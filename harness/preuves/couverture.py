"""Which scenarios cite which requirement, read from the feature files' tags (static coverage: it
holds whatever subset of the suite a run selects), and the catalogue's coverage problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd.parser import FeatureParser

from ..catalogue import TAG_PREFIX, Catalogue


@dataclass
class Citation:
    feature: str            # file name, e.g. enfant_de_francais.feature
    scenario: str           # the scenario's own name
    line: int


@dataclass
class Couverture:
    par_exigence: dict[str, list[Citation]] = field(default_factory=dict)
    inconnues: list[tuple[str, Citation]] = field(default_factory=list)   # tags citing no catalogue id

    def problems(self, catalogue: Catalogue) -> list[str]:
        """Unknown ids cited, requirements neither covered nor declared non_couverte, and requirements
        declared non_couverte that a scenario in fact covers (the declaration is stale)."""
        out = [f"{c.feature}:{c.line} « {c.scenario} » cite {tag}, absent du catalogue"
               for tag, c in self.inconnues]
        for exigence in catalogue:
            cited = self.par_exigence.get(exigence.id)
            if not cited and not exigence.non_couverte:
                out.append(f"{exigence.id} ({exigence.fichier}) : aucun scénario ne la couvre et "
                           "elle ne dit pas pourquoi (non_couverte)")
            if cited and exigence.non_couverte:
                out.append(f"{exigence.id} ({exigence.fichier}) : déclarée non couverte mais citée par "
                           f"« {cited[0].scenario} »")
        return out


def scan_features(folder: Path | str, catalogue: Catalogue) -> Couverture:
    """Every `@exig_…` tag of every scenario (feature, scenario, rule or Examples tags) under `folder`."""
    folder = Path(folder)
    couverture = Couverture()
    for path in sorted(folder.rglob("*.feature")):
        feature = FeatureParser(str(folder), str(path.relative_to(folder))).parse()
        for template in feature.scenarios.values():
            tags = set(feature.tags) | set(template.tags)
            if template.rule is not None:
                tags |= set(template.rule.tags)
            for examples in template.examples:
                tags |= set(examples.tags)
            citation = Citation(feature=path.name, scenario=template.name, line=template.line_number)
            for tag in sorted(t for t in tags if t.startswith(TAG_PREFIX)):
                ident = catalogue.id_for_tag(tag)
                if ident is None:
                    couverture.inconnues.append((tag, citation))
                else:
                    couverture.par_exigence.setdefault(ident, []).append(citation)
    return couverture
