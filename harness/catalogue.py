"""The requirement catalogue (requirements/*.yaml): every text the suite compares, with its source.

A text is normative when it is quoted from a guide (file and section named), informative when it
is the simulator's own wording (requirements/simulateur.yaml). The harness reads its expected texts
here and never from the portal's code (the seam, DEVELOPERS.md rule 1).

This is the one reader of the catalogue: the text checks (harness/textes.py) and the evidence
(harness/preuves/: ids spelt as pytest marks, coverage, matrix) both load it here; `load` checks its
shape and names every problem, file by file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (same constructors, same data): about 9 times faster than
# the pure-Python one (every run reads the catalogue; harness.recette reads the recette with it)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"
NATURES = {"ecran", "texte", "regle", "champ_document", "courriel", "champ_2ddoc", "faq"}
ID_RE = re.compile(r"^(G0[1-9]|SIM)(-[A-Z0-9]+)+$")
TAG_PREFIX = "exig_"


class CatalogueError(ValueError):
    """The catalogue is malformed: the message lists every problem, file by file."""

_APOSTROPHES = "'’ʼ‘`´"
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\t\r\n"


def normalise(text: str) -> str:
    """The text with its typography folded: apostrophes, non-breaking and other spaces, the space
    before ":" ";" "?" "!", the required-field "*" and the guides' "\\*". Words, accents and
    case are kept: a change of those is a change of the text."""
    text = unicodedata.normalize("NFC", text).replace("\\*", "*")
    for a in _APOSTROPHES:
        text = text.replace(a, "'")
    for s in _SPACES:
        text = text.replace(s, " ")
    text = text.replace("«", "« ").replace("»", " »")
    text = re.sub(r"\s*\*\s*(?=[:\s]|$)", " ", text)  # "Nom * :" / "Nom *" → "Nom :" / "Nom"
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([:;?!»])", r"\1", text)
    text = re.sub(r"([«])\s+", r"\1", text)
    return text.strip()


@dataclass(frozen=True)
class Exigence:
    """One requirement: a text the guides (or the simulator, informative) show."""

    id: str
    guide: str
    section: str
    nature: str
    normative: bool
    texte: str
    non_couverte: str | None = None
    fichier: str = ""  # the catalogue file it comes from

    @property
    def guide_code(self) -> str:
        """"02" for G02-…, "SIM" for the simulator's own wording."""
        prefix = self.id.split("-", 1)[0]
        return prefix[1:] if prefix.startswith("G") else prefix

    @property
    def tag(self) -> str:
        return tag_for(self.id)

    @property
    def source(self) -> str:
        return f"guide {self.guide}, section « {self.section} »" if self.normative else \
            f"formulation propre au simulateur (requirements/simulateur.yaml, {self.section})"


def tag_for(ident: str) -> str:
    """The pytest-mark spelling of an id: `G02-ETAPE1-TITRE` → `exig_G02_ETAPE1_TITRE`."""
    return TAG_PREFIX + ident.replace("-", "_")


@dataclass(frozen=True)
class Catalogue:
    exigences: tuple[Exigence, ...]
    _ids: dict[str, Exigence] = field(init=False, repr=False, compare=False)
    _tags: dict[str, str] = field(init=False, repr=False, compare=False)
    _texts: dict[str, list[Exigence]] = field(init=False, repr=False, compare=False)  # by normalised text

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", {e.id: e for e in self.exigences})
        object.__setattr__(self, "_tags", {tag_for(e.id): e.id for e in self.exigences})
        texts: dict[str, list[Exigence]] = {}
        for e in self.exigences:  # a text check looks its text up at every step: folded once here
            texts.setdefault(normalise(e.texte), []).append(e)
        object.__setattr__(self, "_texts", texts)

    def by_id(self, id_: str) -> Exigence:
        return self._ids[id_]

    def __getitem__(self, id_: str) -> Exigence:
        return self._ids[id_]

    def __contains__(self, id_: object) -> bool:
        return id_ in self._ids

    def __iter__(self) -> Iterator[Exigence]:
        return iter(self.exigences)

    def __len__(self) -> int:
        return len(self.exigences)

    def id_for_tag(self, tag: str) -> str | None:
        """The requirement a tag (or mark name) cites, None when it cites none of the catalogue."""
        if not tag.startswith(TAG_PREFIX):
            return None
        return self._tags.get(tag)

    def guides(self) -> list[str]:
        return sorted({e.guide_code for e in self}, key=lambda g: (g == "SIM", g))

    def find(self, texte: str, parcours: str | None = None) -> Exigence | None:
        """The requirement whose text is `texte` (typography aside); a normative one is preferred,
        except that the simulator's entry for the journey `parcours` (its section names the journey)
        comes first: the same words in a journey whose guide does not show them ("Acte de mariage",
        guide 04's, is the simulator's in guide 05's journey) are the simulator's wording there."""
        found = list(self._texts.get(normalise(texte), ()))
        found.sort(key=lambda e: (not (parcours and e.guide_code == "SIM" and e.section.startswith(parcours)), not e.normative))
        return found[0] if found else None

    def find_template(self, texte: str, parcours: str | None = None) -> Exigence | None:
        """The requirement of a text the step fills in ("… est à {pourcentage}% terminée")."""
        exact = self.find(texte, parcours)
        if exact:
            return exact
        wanted = normalise(texte)
        for e in sorted(self.exigences, key=lambda e: not e.normative):
            if "{" in e.texte:
                parts = [re.escape(normalise(p)) for p in re.split(r"\{[^}]*\}", e.texte)]
                if re.fullmatch(r"(.+?)".join(parts), wanted):
                    return e
        return None


def load(folder: Path | str = REQUIREMENTS) -> Catalogue:
    """Every requirement of every *.yaml file of `folder` (none when there is no such folder);
    raises CatalogueError listing all problems."""
    folder = Path(folder)
    entries: dict[str, Exigence] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{path.name} : YAML illisible : {exc}")
            continue
        for exigence, problem in _entries(path.name, data):
            if problem:
                problems.append(problem)
            elif exigence is not None and exigence.id in entries:
                problems.append(f"{path.name} : {exigence.id} : identifiant déjà défini dans "
                                f"{entries[exigence.id].fichier}")
            elif exigence is not None:
                entries[exigence.id] = exigence
    if problems:
        raise CatalogueError("catalogue des exigences invalide :\n  - " + "\n  - ".join(problems))
    return Catalogue(tuple(entries.values()))


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
        yield Exigence(id=ident, guide=guide, section=str(raw["section"]), nature=str(raw["nature"]),
                       normative=normative, texte=str(raw["texte"]),
                       non_couverte=str(non_couverte) if non_couverte is not None else None, fichier=fichier), None


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load()


# Texts quoted in the features ------------------------------------------------------------------
FEATURES = Path(__file__).resolve().parent.parent / "features"
STEP = re.compile(r"^\s*(Soit|Étant donné|Etant donné|Quand|Lorsque|Alors|Et|Mais|Donc)\s+(.*)$")
QUOTE = re.compile(r'"([^"]*)"')
# Quotes that are what a person types or a persona's trait, not a text of the portal: the
# step's regex and the indexes of such quotes in it.
INPUTS: list[tuple[re.Pattern[str], set[int]]] = [
    (re.compile(r"^je saisis \""), {0}),
    (re.compile(r"^je saisis la date de naissance"), {0, 1, 2}),
    (re.compile(r"^je joins .* au justificatif"), {0}),
    (re.compile(r"^le justificatif \"[^\"]*\" montre"), {1, 2, 3}),
    (re.compile(r"^le document \"[^\"]*\" est joint"), {0}),  # a file's name, chosen by the tester
    (re.compile(r"^un demandeur .*nationalité"), {0}),
    (re.compile(r"^un membre de famille"), {0, 1}),
    (re.compile(r"^je réponds \"[^\"]*\" pour \"[^\"]*\" (avec le fichier|en précisant)"), {2}),
    (re.compile(r"^l'agent me demande un complément, avec l'observation"), {0}),
    (re.compile(r"^l'agent voit ma réponse pour"), {1, 2, 3}),
    (re.compile(r"^le document \"[^\"]*\" porte l'observation"), {1}),
    (re.compile(r"^je (joins|supprime) le fichier"), {0}),
    (re.compile(r"^pour \"[^\"]*\", le fichier"), {1}),
    (re.compile(r"^le document \"[^\"]*\" du justificatif"), {0}),  # the file's name (the scenario's input)
]


def feature_quotes(folder: Path = FEATURES) -> list[tuple[str, str, str]]:
    """(feature file, step, quoted text) for every portal text quoted in a step, placeholders
    of a "Plan du scénario" filled from its "Exemples"."""
    found: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.feature")):
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            if re.match(r"^\s*(Plan du scénario|Plan du Scénario|Scénario|Contexte)", lines[i]):
                steps, j = [], i + 1
                while j < len(lines) and not re.match(r"^\s*(@|Plan du|Scénario|Exemples)", lines[j]):
                    m = STEP.match(lines[j])
                    if m:
                        steps.append(m.group(2).strip())
                    j += 1
                rows: list[dict[str, str]] = []
                while True:  # an outline's "Exemples" blocks, each maybe tagged
                    k = j
                    while k < len(lines) and (lines[k].strip().startswith("@") or not lines[k].strip()):
                        k += 1
                    if not (k < len(lines) and lines[k].strip().startswith("Exemples")):
                        break
                    table, j = [], k + 1
                    while j < len(lines) and (lines[j].strip().startswith("|") or not lines[j].strip()):
                        if lines[j].strip():
                            table.append([c.strip() for c in lines[j].strip().strip("|").split("|")])
                        j += 1
                    rows += [dict(zip(table[0], r, strict=False)) for r in table[1:]]
                rows = rows or [{}]
                for step in steps:
                    for row in rows:
                        filled = re.sub(r"<([^>]+)>", lambda m, row=row: row.get(m.group(1), m.group(0)), step)
                        skip = next((idx for rx, idx in INPUTS if rx.search(filled)), set())
                        for n, q in enumerate(QUOTE.findall(filled)):
                            if n not in skip and q.strip():
                                found.append((path.name, filled, q))
                i = j
            else:
                i += 1
    return found
