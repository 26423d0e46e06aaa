"""A "jeu de données de recette": what already exists in a target's test environment (people with
their numéro étranger, titles and visas, accueillants holding a title, the agent's credentials),
read from YAML (docs/recette-exemple.yaml documents the format). `--referentiel fichier:PATH`
builds a scenario's persona from one of its records: the record gives who the person is (identity,
numéro étranger, title, and the postal address when it holds one), Faker still gives what the
applicant types (e-mail, phone, and the address when the record has none).

The harness's own loader: the bundled portal reads the same file with its own (fake_anef.recette),
the seam of DEVELOPERS.md rule 1."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from personas.countries import pays_par_code
from personas.factory import PersonaFactory, add_years
from personas.model import Adresse, Titre

from .catalogue import YAML_LOADER

SECTIONS = ("identites", "titulaires", "accueillants")
_RELATIVE = re.compile(r"^\s*J\s*([+-])\s*(\d+)\s*$", re.IGNORECASE)


class RecetteError(ValueError):
    """The file does not follow the format; the message names the record and the field."""


def parse_date(value: Any, today: date, where: str) -> date:
    """An ISO date (AAAA-MM-JJ) or a date relative to the day of the run: "J+90", "J-6000" (days)."""
    if isinstance(value, date):
        return value
    text = str(value)
    match = _RELATIVE.match(text)
    if match:
        days = int(match.group(2))
        return today + timedelta(days=days if match.group(1) == "+" else -days)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RecetteError(f"{where} : « {text} » n'est ni une date AAAA-MM-JJ ni J+N / J-N") from None


@dataclass(frozen=True)
class Record:
    """One person of the data set, as the administration knows them."""

    section: str  # "identites" | "titulaires" | "accueillants"
    numero_etranger: str
    nom: str
    prenoms: tuple[str, ...]  # every prénom the administration holds
    sexe: str
    date_naissance: date
    pays_naissance: str  # ISO code
    nationalite: str  # ISO code
    titre: Titre | None = None
    adresse: Adresse | None = None  # the postal address the administration holds (optional)

    @property
    def label(self) -> str:
        return f"{self.section} n° étranger {self.numero_etranger} ({self.nom} {' '.join(self.prenoms)})"


@dataclass
class Recette:
    records: list[Record] = field(default_factory=list)
    agent: dict[str, str] = field(default_factory=dict)  # {"identifiant", "mot_de_passe"} when given
    path: Path | None = None

    def section(self, name: str) -> list[Record]:
        return [r for r in self.records if r.section == name]


def _required(raw: dict[str, Any], key: str, where: str) -> Any:
    value = raw.get(key)
    if value in (None, ""):
        raise RecetteError(f"{where} : champ « {key} » manquant")
    return value


ADRESSE_PARTS = ("numero", "voie", "complement", "code_postal", "ville", "pays", "code_insee")


def _adresse(raw: dict[str, Any], where: str) -> Adresse | None:
    """The record's optional address: {numero, voie, complement, code_postal, ville, pays, code_insee},
    voie, code_postal and ville required."""
    a = raw.get("adresse")
    if a in (None, ""):
        return None
    if not isinstance(a, dict):
        raise RecetteError(f"{where} : adresse : parties (voie: …, code_postal: …, ville: …) attendues")
    unknown = sorted(str(k) for k in a if k not in ADRESSE_PARTS)
    if unknown:
        raise RecetteError(f"{where} : adresse : partie(s) inconnue(s) {', '.join(unknown)} ({', '.join(ADRESSE_PARTS)})")
    parts = {k: str(a.get(k) or "").strip() for k in ADRESSE_PARTS}
    for key in ("voie", "code_postal", "ville"):
        if not parts[key]:
            raise RecetteError(f"{where} : adresse : champ « {key} » manquant")
    return Adresse(numero=parts["numero"], voie=parts["voie"], complement=parts["complement"],
                   code_postal=parts["code_postal"], ville=parts["ville"], pays=parts["pays"] or "France",
                   code_insee=parts["code_insee"])


def _record(section: str, raw: dict[str, Any], today: date, where: str) -> Record:
    if not isinstance(raw, dict):
        raise RecetteError(f"{where} : une fiche (clé: valeur) attendue")
    numero = str(_required(raw, "numero_etranger", where))
    if not (numero.isdigit() and len(numero) == 10):
        raise RecetteError(f"{where} : numero_etranger « {numero} » : 10 chiffres attendus (entre guillemets)")
    titre = None
    if section != "identites":
        t = _required(raw, "titre", where)
        kind = str(t.get("kind", "titre"))
        if kind not in ("titre", "visa"):
            raise RecetteError(f"{where} : titre.kind « {kind} » : « titre » ou « visa »")
        titre = Titre(numero=str(t.get("numero") or numero).upper(), kind=kind,
                      categorie=str(t.get("categorie", "")), mention=str(t.get("mention", "")),
                      date_debut=parse_date(_required(t, "date_debut", where + ".titre"), today, where + ".titre.date_debut"),
                      date_fin=parse_date(_required(t, "date_fin", where + ".titre"), today, where + ".titre.date_fin"))
    sexe = str(_required(raw, "sexe", where)).upper()
    if sexe not in ("M", "F"):
        raise RecetteError(f"{where} : sexe « {sexe} » : M ou F")
    return Record(section=section, numero_etranger=numero, nom=str(_required(raw, "nom", where)),
                  prenoms=tuple(str(_required(raw, "prenom", where)).split()), sexe=sexe,
                  date_naissance=parse_date(_required(raw, "date_naissance", where), today, where + ".date_naissance"),
                  pays_naissance=str(_required(raw, "pays_naissance", where)).upper(),
                  nationalite=str(_required(raw, "nationalite", where)).upper(), titre=titre,
                  adresse=_adresse(raw, where))


def load(path: str | Path, today: date | None = None) -> Recette:
    """Reads and checks the whole file at once, so a mistake stops the run before its first test."""
    today = today or date.today()
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RecetteError(f"{path} : illisible ({exc})") from None
    recette = Recette(path=path)
    agent = data.get("agent") or {}
    if agent:
        recette.agent = {"identifiant": str(_required(agent, "identifiant", "agent")),
                         "mot_de_passe": str(_required(agent, "mot_de_passe", "agent"))}
    seen: set[str] = set()
    for section in SECTIONS:
        for i, raw in enumerate(data.get(section) or [], 1):
            record = _record(section, raw, today, f"{section}[{i}]")
            if record.numero_etranger in seen:
                raise RecetteError(f"{section}[{i}] : numéro étranger {record.numero_etranger} déjà présent")
            seen.add(record.numero_etranger)
            recette.records.append(record)
    return recette


# Building a persona from a record --------------------------------------------------------------
class RecordMismatch(Exception):
    """The record cannot be this scenario's persona (age, sex, nationality or title out of range)."""


class ImposedFactory(PersonaFactory):
    """The scenario's own factory (same seed and day), except that the first person it draws (the
    applicant) is the record: its identity, numéro étranger and title. Every date the factory derives
    from them (arrival in France, prise en charge by the ASE, union…) then follows, as for a Faker
    person. A record outside what the persona requires raises RecordMismatch."""

    def __init__(self, base: PersonaFactory, record: Record) -> None:  # noqa: D107 - shares the base's state
        self.__dict__.update(base.__dict__)
        self._record = record
        self._pending = {"code", "sexe", "naissance", "identite", "numero", "visa", "titre", "adresse"}

    def _first(self, what: str) -> bool:
        if what in self._pending:
            self._pending.discard(what)
            return True
        return False

    def _code_demandeur(self, nationalite: str | None, choix: tuple[str, ...] | None = None) -> str:
        if not self._first("code"):
            return super()._code_demandeur(nationalite, choix)
        if nationalite is not None and self._code_pays(nationalite) != self._record.nationalite:
            raise RecordMismatch(f"nationalité {self._record.nationalite}, {nationalite} demandée")
        return self._record.nationalite

    def _sexe(self, sexe: str | None) -> str:
        if not self._first("sexe"):
            return super()._sexe(sexe)
        if sexe is not None and super()._sexe(sexe) != self._record.sexe:
            raise RecordMismatch(f"sexe {self._record.sexe}, {sexe} demandé")
        return self._record.sexe

    def _naissance(self, age_min: int, age_max: int, *, au_plus_tard: date | None = None) -> date:
        if not self._first("naissance"):
            return super()._naissance(age_min, age_max, au_plus_tard=au_plus_tard)
        debut = add_years(self.today, -(age_max + 1)) + timedelta(days=1)
        fin = add_years(self.today, -age_min)
        if au_plus_tard is not None:
            fin = min(fin, au_plus_tard)
        if not debut <= self._record.date_naissance <= fin:
            raise RecordMismatch(f"né(e) le {self._record.date_naissance}, il faut entre {debut} et {fin}")
        return self._record.date_naissance

    def _identite_demandeur(self, code: str, sexe: str) -> tuple[str, list[str]]:
        if not self._first("identite"):
            return super()._identite_demandeur(code, sexe)
        return self._record.nom, list(self._record.prenoms)

    def adresse(self) -> Adresse:
        """The applicant's address is the record's, when it holds one (guide 05 étape 1 pre-fills it)."""
        if not self._first("adresse") or self._record.adresse is None:
            return super().adresse()
        return self._record.adresse

    def numero_etranger(self) -> str:
        if not self._first("numero"):
            return super().numero_etranger()
        return self._record.numero_etranger

    def numero_visa(self) -> str:
        if not self._first("visa"):
            return super().numero_visa()
        if self._record.titre is None or self._record.titre.kind != "visa":
            raise RecordMismatch("un visa est demandé")
        return self._record.titre.numero

    def _titre(self, *, numero: str, kind: str, categorie: str, mention: str, fin_min: date,
               fin_max: date, duree: int) -> Titre:
        if not self._first("titre"):
            return super()._titre(numero=numero, kind=kind, categorie=categorie, mention=mention,
                                  fin_min=fin_min, fin_max=fin_max, duree=duree)
        t = self._record.titre
        if t is None:
            raise RecordMismatch("un titre est demandé, la fiche n'en a pas")
        if t.kind != kind:
            raise RecordMismatch(f"{t.kind} dans la fiche, {kind} demandé")
        if t.categorie and t.categorie.casefold() != categorie.casefold():
            raise RecordMismatch(f"catégorie « {t.categorie} », « {categorie} » demandée")
        if not fin_min <= t.date_fin <= fin_max:
            raise RecordMismatch(f"fin de validité {t.date_fin}, il faut entre {fin_min} et {fin_max}")
        return Titre(t.numero, kind, t.categorie or categorie, t.mention or mention, t.date_debut, t.date_fin)


def build_from(base: PersonaFactory, record: Record, build: Callable[[PersonaFactory], Any]) -> Any:
    """The persona `build` makes, drawn from `record` (RecordMismatch when it cannot be)."""
    try:
        persona = build(ImposedFactory(base, record))
    except ValueError as exc:  # the factory's own consistency checks, e.g. an age too low for a title
        raise RecordMismatch(str(exc)) from None
    if persona.numero_etranger != record.numero_etranger:
        raise RecordMismatch("ce parcours ne tire pas de numéro étranger")
    persona.pays_naissance = pays_par_code(record.pays_naissance).pays
    return persona


def impose_on(personne: Any, record: Record) -> None:
    """Someone around the applicant (guide 05's accueillant) becomes the record."""
    personne.nom, personne.prenoms = record.nom, list(record.prenoms)
    personne.sexe, personne.date_naissance = record.sexe, record.date_naissance
    personne.pays_naissance = pays_par_code(record.pays_naissance).pays
    personne.nationalites = [record.nationalite]
    personne.numero_etranger, personne.titre = record.numero_etranger, record.titre
