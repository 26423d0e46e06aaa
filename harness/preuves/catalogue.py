"""The requirement catalogue (requirements/*.yaml): load it, check its shape, and spell its ids as
pytest marks (a Gherkin tag `@exig_G02_ETAPE1_TITRE` cites requirement `G02-ETAPE1-TITRE`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

NATURES = {"ecran", "texte", "regle", "champ_document", "courriel", "champ_2ddoc", "faq"}
ID_RE = re.compile(r"^(G0[1-9]|SIM)(-[A-Z0-9]+)+$")
TAG_PREFIX = "exig_"


class CatalogueError(ValueError):
    """The catalogue is malformed: the message lists every problem, file by file."""


@dataclass(frozen=True)
class Exigence:
    id: str
    guide: str               # the guide's file name under shared/guides/
    fichier: str             # the catalogue file it comes from
    section: str
    nature: str
    normative: bool
    texte: str
    non_couverte: str | None = None

    @property
    def guide_code(self) -> str:
        """"02" for G02-…, "SIM" for the simulator's own wording."""
        prefix = self.id.split("-", 1)[0]
        return prefix[1:] if prefix.startswith("G") else prefix

    @property
    def tag(self) -> str:
        return tag_for(self.id)


@dataclass
class Catalogue:
    exigences: dict[str, Exigence] = field(default_factory=dict)

    def __contains__(self, ident: str) -> bool:
        return ident in self.exigences

    def __getitem__(self, ident: str) -> Exigence:
        return self.exigences[ident]

    def __iter__(self) -> Iterator[Exigence]:
        return iter(self.exigences.values())

    def __len__(self) -> int:
        return len(self.exigences)

    def id_for_tag(self, tag: str) -> str | None:
        """The requirement a tag (or mark name) cites, None when it cites none of the catalogue."""
        if not tag.startswith(TAG_PREFIX):
            return None
        return self._by_tag().get(tag)

    def _by_tag(self) -> dict[str, str]:
        cached = getattr(self, "_tags", None)
        if cached is None:
            cached = {tag_for(i): i for i in self.exigences}
            self._tags = cached
        return cached

    def guides(self) -> list[str]:
        return sorted({e.guide_code for e in self}, key=lambda g: (g == "SIM", g))


def tag_for(ident: str) -> str:
    """The pytest-mark spelling of an id: `G02-ETAPE1-TITRE` → `exig_G02_ETAPE1_TITRE`."""
    return TAG_PREFIX + ident.replace("-", "_")


def load_catalogue(folder: Path | str) -> Catalogue:
    """Every requirement of every *.yaml file of `folder`; raises CatalogueError listing all problems."""
    folder = Path(folder)
    catalogue = Catalogue()
    problems: list[str] = []
    if not folder.is_dir():
        return catalogue
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{path.name} : YAML illisible : {exc}")
            continue
        for exigence, problem in _entries(path.name, data):
            if problem or exigence is None:
                problems.append(problem or f"{path.name} : exigence illisible")
            elif exigence.id in catalogue.exigences:
                problems.append(f"{path.name} : {exigence.id} : identifiant déjà défini dans "
                                f"{catalogue.exigences[exigence.id].fichier}")
            else:
                catalogue.exigences[exigence.id] = exigence
    if problems:
        raise CatalogueError("catalogue des exigences invalide :\n  - " + "\n  - ".join(problems))
    return catalogue


def _entries(fichier: str, data: object) -> Iterable[tuple[Exigence | None, str | None]]:
    if not isinstance(data, dict) or not isinstance(data.get("exigences"), list):
        yield None, f"{fichier} : il faut une clé « guide » et une liste « exigences »"
        return
    guide = str(data.get("guide") or "")
    if not guide:
        yield None, f"{fichier} : clé « guide » manquante"
    for n, raw in enumerate(data["exigences"], start=1):
        where = f"{fichier} : exigence n° {n}"
        if not isinstance(raw, dict):
            yield None, f"{where} : ce n'est pas un dictionnaire"
            continue
        ident = str(raw.get("id") or "")
        if not ID_RE.match(ident):
            yield None, f"{where} : identifiant « {ident} » invalide (attendu G0n-SECTION-MOT ou SIM-…)"
            continue
        where = f"{fichier} : {ident}"
        missing = [k for k in ("section", "nature", "texte") if not str(raw.get(k) or "").strip()]
        if missing:
            yield None, f"{where} : champ(s) manquant(s) : {', '.join(missing)}"
            continue
        if raw["nature"] not in NATURES:
            yield None, f"{where} : nature « {raw['nature']} » inconnue ({', '.join(sorted(NATURES))})"
            continue
        normative = raw.get("normative", True)
        if not isinstance(normative, bool):
            yield None, f"{where} : « normative » doit valoir true ou false"
            continue
        if ident.startswith("SIM-") and normative:
            yield None, f"{where} : une exigence du simulateur (SIM-…) n'est pas normative"
            continue
        non_couverte = raw.get("non_couverte")
        if non_couverte is not None and not str(non_couverte).strip():
            yield None, f"{where} : « non_couverte » doit donner la raison"
            continue
        yield Exigence(id=ident, guide=guide, fichier=fichier, section=str(raw["section"]),
                       nature=str(raw["nature"]), normative=normative, texte=str(raw["texte"]),
                       non_couverte=str(non_couverte) if non_couverte is not None else None), None
