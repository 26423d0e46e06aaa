"""The target's reference data (who holds which numéro étranger, title or visa) as the scenarios
need it, through an adapter chosen with `--referentiel`, as the back-office is (harness.backoffice):

- "simulateur-api" (a plugin shipped here): the simulator's operator API registers the persona;
- "fichier:PATH": a jeu de données de recette (harness.recette): the persona is built from one of
  its records, each record used once per run (an account opened on it cannot be opened again);
- "manuel": the operator is told what record to create on the target and confirms (attested);
- a plugin: a class registered under the entry-point group `anef.referentiel`, built with a
  `ReferentielConfig`, that creates records (`register_identite`, `register_titre`,
  `register_titulaire`, `close`), like "simulateur-api".

Steps ask for a persona (`identite`, `titre`) with a builder on the scenario's persona factory;
the adapter either creates the record for it, or draws the persona from a record that exists.
Also here: the labels under which a portal may list a country and a nationality."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from personas.countries import pays_par_code, pays_par_nom

from . import recette as _recette
from .operator import OperatorAPI

ENTRY_POINT_GROUP = "anef.referentiel"
BUILTIN = ("manuel",)  # and "fichier:PATH"
NO_REFERENTIEL = ("aucun référentiel : la cible n'offre pas l'API opérateur du simulateur ; passez "
                  "--referentiel fichier:JEU.yaml (jeu de données de recette), manuel, ou le nom d'un greffon "
                  f"(groupe d'entry points {ENTRY_POINT_GROUP})")

Build = Callable[[Any], Any]  # persona factory -> persona


def country_labels(nom: str) -> list[str]:
    return [nom, pays_par_nom(nom).pays]


def nationality_labels(code: str) -> list[str]:
    pays = pays_par_code(code)
    return [pays.nationalite_f, pays.nationalite_m, pays.pays]


@dataclass(frozen=True)
class ReferentielConfig:
    """What a plugin is built with."""

    base_url: str
    operator_url: str | None
    reports_dir: Path = Path("reports")
    options: Mapping[str, str] = field(default_factory=dict)  # --referentiel-option KEY=VALUE


class Creator(Protocol):
    """A plugin: creates, on the target, the record a persona needs."""

    def register_identite(self, persona: Any, *, tous_les_prenoms: bool = False) -> None: ...

    def register_titre(self, persona: Any, *, tous_les_prenoms: bool = False) -> None: ...

    def register_titulaire(self, personne: Any) -> None: ...

    def close(self) -> None: ...


# The simulator's operator API ------------------------------------------------------------------
def _identite(persona: Any, tous_les_prenoms: bool = False) -> dict[str, Any]:
    return {
        "numero_etranger": persona.numero_etranger,
        "nom": persona.nom,
        "prenom": " ".join(persona.prenoms) if tous_les_prenoms else persona.prenoms[0],
        "date_naissance": persona.date_naissance,
        "pays_naissance": pays_par_nom(persona.pays_naissance).code,
        "nationalite": persona.nationalites[0],
        "sexe": persona.sexe,
        "adresse": adresse_fiche(persona),
    }


def adresse_fiche(persona: Any) -> dict[str, str] | None:
    """The persona's postal address as the administration's record holds it (guide 05 étape 1
    pre-fills it for the user to check); None for someone the persona gives no address."""
    a = getattr(persona, "adresse", None)
    if a is None:
        return None
    return {"numero": a.numero, "voie": a.voie, "complement": a.complement, "code_postal": a.code_postal,
            "ville": a.ville, "pays": a.pays, "code_insee": a.code_insee}


def _titre(titre: Any, numero_etranger: str) -> dict[str, Any]:
    return {"numero": titre.numero, "kind": titre.kind, "numero_etranger": numero_etranger,
            "date_debut": titre.date_debut, "date_fin": titre.date_fin, "categorie": titre.categorie,
            "mention": titre.mention}


class OperatorReferentiel:
    """"simulateur-api": the operator API registers each persona (the simulator's own data)."""

    name = "simulateur-api"

    def __init__(self, config: ReferentielConfig) -> None:
        if not config.operator_url:
            raise LookupError("--referentiel simulateur-api : la cible n'offre pas l'API opérateur (/__sim__/)")
        self.api = OperatorAPI(config.operator_url)

    def register_identite(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        self.api.register_identite(**_identite(persona, tous_les_prenoms))

    def register_titre(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        """The persona's first title (or visa), with its holder's identity. `tous_les_prenoms`: the
        identity holds every prénom (the administration's record a title holder's état civil is
        read from), not only the first one typed at account creation."""
        self.register_identite(persona, tous_les_prenoms=tous_les_prenoms)
        self.api.register_titre(**_titre(persona.titres[0], persona.numero_etranger))

    def register_titulaire(self, personne: Any) -> None:
        """Guide 05's accueillant with a numéro étranger: every prénom, and their current title."""
        self.register_identite(personne, tous_les_prenoms=True)
        self.api.register_titre(**_titre(personne.titre, personne.numero_etranger))

    def close(self) -> None:
        self.api.close()


# What the steps call ---------------------------------------------------------------------------
class Referentiel:
    """Gives a scenario the persona it needs, backed by a record of the target."""

    name = "?"
    attested = False

    def identite(self, personas: Any, build: Build) -> Any:
        """A numéro étranger without a title (guide 01 chemin B, guide 03)."""
        raise NotImplementedError

    def titre(self, personas: Any, build: Build, *, tous_les_prenoms: bool = False,
              accueillant: bool = False) -> Any:
        """A title or visa holder; `accueillant`: the persona's accueillant holds a title too (guide 05)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class Creating(Referentiel):
    """Builds the persona with Faker, then has the adapter create its record on the target."""

    def __init__(self, creator: Any, name: str) -> None:
        self.creator, self.name = creator, name
        self.attested = bool(getattr(creator, "attested", False))

    def identite(self, personas: Any, build: Build) -> Any:
        persona = build(personas)
        self.creator.register_identite(persona)
        return persona

    def titre(self, personas: Any, build: Build, *, tous_les_prenoms: bool = False,
              accueillant: bool = False) -> Any:
        persona = build(personas)
        self.creator.register_titre(persona, tous_les_prenoms=tous_les_prenoms)
        if accueillant:
            self.creator.register_titulaire(persona.accueillant.personne)
        return persona

    def close(self) -> None:
        self.creator.close()


class RecetteExhausted(AssertionError):
    pass


class FromRecette(Referentiel):
    """"fichier:PATH": each persona drawn from an unused record of the jeu de données de recette."""

    attested = False

    def __init__(self, recette: _recette.Recette) -> None:
        self.recette = recette
        self.name = f"fichier:{recette.path}"
        self.used: set[str] = set()
        self.on_use: Callable[[str], None] = lambda _label: None  # the running test notes the record it drew

    def _draw(self, section: str, personas: Any, build: Build, besoin: str) -> tuple[Any, _recette.Record]:
        reasons = []
        for record in self.recette.section(section):
            if record.numero_etranger in self.used:
                continue
            try:
                persona = _recette.build_from(personas, record, build)
            except _recette.RecordMismatch as exc:
                reasons.append(f"{record.numero_etranger} : {exc}")
                continue
            self._use(record)
            return persona, record
        raise RecetteExhausted(
            f"le jeu de données de recette {self.recette.path} n'a plus de fiche « {section} » libre qui convienne "
            f"({besoin}) ; {len(self.used)} fiche(s) déjà utilisée(s) dans cette exécution. Fiches écartées : "
            + ("; ".join(reasons) or "aucune") + ". Voir « anef referentiel besoin ».")

    def _use(self, record: _recette.Record) -> None:
        self.used.add(record.numero_etranger)
        self.on_use(record.label)

    def identite(self, personas: Any, build: Build) -> Any:
        return self._draw("identites", personas, build, "numéro étranger sans titre")[0]

    def titre(self, personas: Any, build: Build, *, tous_les_prenoms: bool = False,
              accueillant: bool = False) -> Any:
        persona, _ = self._draw("titulaires", personas, build, "titre ou visa")
        if accueillant:
            free = [r for r in self.recette.section("accueillants") if r.numero_etranger not in self.used]
            if not free:
                raise RecetteExhausted(f"le jeu de données de recette {self.recette.path} n'a plus d'accueillant "
                                       "titulaire d'un titre libre")
            self._use(free[0])
            _recette.impose_on(persona.accueillant.personne, free[0])
        return persona


# The operator, by hand -------------------------------------------------------------------------
@dataclass
class Attestation:
    what: str
    confirmed_at: datetime
    how: str


class ManualCreator:
    """"manuel": tells the operator the record to create on the target and waits for their word
    (Entrée, or the confirmation file), with the back-office's manual mechanism (harness.backoffice_manuel.Manual)."""

    attested = True

    def __init__(self, manual: Any, record: Callable[[Attestation], None]) -> None:
        self.manual, self.record = manual, record

    def _ask(self, title: str, lines: list[str]) -> None:
        from .backoffice_manuel import _open_tty

        n = self.manual._next()
        folder: Path = self.manual.folder
        folder.mkdir(parents=True, exist_ok=True)
        ok, ko = folder / f"referentiel-{n}.ok", folder / f"referentiel-{n}.ko"
        for stale in (ok, ko):
            stale.unlink(missing_ok=True)
        tty = _open_tty() if self.manual.tty is not False else None
        self.manual.say("\n".join([
            "", f"══ Référentiel : fiche n° {n} à créer par l'opérateur ══", f"Dans les données de la cible : {title}",
            *(f"    {line}" for line in lines),
            "Quand c'est fait : " + ("appuyez sur Entrée ici, ou " if tty is not None else "") + f"créez le fichier {ok}",
            "Si la cible refuse : " + ("tapez « refus : <son message> » puis Entrée, ou " if tty is not None else "")
            + f"écrivez son message dans {ko}",
            f"Délai : {self.manual.timeout:g} s (--manual-timeout).",
        ]))
        try:
            how = self.manual._wait(ok, ko, tty, f"« {title} »")
        finally:
            if tty is not None:
                import os

                os.close(tty)
        self.record(Attestation(f"{title} : " + " ; ".join(lines), datetime.now().astimezone(), how))

    @staticmethod
    def _lines(persona: Any, tous_les_prenoms: bool) -> list[str]:
        values = _identite(persona, tous_les_prenoms)
        return [f"numéro étranger : {values['numero_etranger']}", f"nom : {values['nom']}",
                f"prénom(s) : {values['prenom']}", f"sexe : {values['sexe']}",
                f"né(e) le {persona.date_naissance:%d/%m/%Y} ({persona.pays_naissance})",
                f"nationalité : {pays_par_code(values['nationalite']).pays}"] + (
                    [f"adresse : {persona.adresse.ligne()}"
                     + (f", {persona.adresse.complement}" if persona.adresse.complement else "")]
                    if values.get("adresse") else [])

    @staticmethod
    def _titre_lines(titre: Any) -> list[str]:
        return [f"{'visa long séjour' if titre.kind == 'visa' else 'titre de séjour'} n° {titre.numero}"
                + (f", « {titre.categorie} »" if titre.categorie else ""),
                f"valable du {titre.date_debut:%d/%m/%Y} au {titre.date_fin:%d/%m/%Y}"]

    def register_identite(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        self._ask("une personne connue, avec son numéro étranger et sans titre", self._lines(persona, tous_les_prenoms))

    def register_titre(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        self._ask("une personne titulaire de ce titre", self._lines(persona, tous_les_prenoms)
                  + self._titre_lines(persona.titres[0]))

    def register_titulaire(self, personne: Any) -> None:
        self._ask("l'accueillant, titulaire de ce titre", self._lines(personne, True) + self._titre_lines(personne.titre))

    def close(self) -> None:
        pass


# Choosing and loading --------------------------------------------------------------------------
def available_plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str, config: ReferentielConfig) -> Referentiel:
    plugins = available_plugins()
    if name not in plugins:
        known = ", ".join(sorted(["fichier:CHEMIN", *BUILTIN, *plugins]))
        raise LookupError(f"aucun référentiel « {name} » (groupe d'entry points {ENTRY_POINT_GROUP}) ; disponibles : {known}")
    creator = plugins[name].load()(config)
    missing = [m for m in ("register_identite", "register_titre", "register_titulaire", "close")
               if not callable(getattr(creator, m, None))]
    if missing:
        raise TypeError(f"le référentiel « {name} » n'implémente pas : {', '.join(missing)}")
    return Creating(creator, name)


def choose(option: str, *, simulator: bool) -> str | None:
    """What `--referentiel option` means for a target; None: no reference data (those scenarios skip)."""
    option = (option or "auto").strip()
    if option == "auto":
        return "simulateur-api" if simulator else None
    return option
