"""The reference-data and clock adapters (harness.referentiel, harness.recette, harness.horloge), the
needs a selection prints (harness.besoin) and the end-of-run summary (harness.summary): units, and
pytester runs of the options as a vendor would pass them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from harness import besoin, horloge, recette, referentiel, summary
from personas.factory import PersonaFactory, add_years

pytest_plugins = ["pytester"]

EXEMPLE = Path(__file__).resolve().parents[2] / "docs" / "recette-exemple.yaml"
TODAY = date(2026, 6, 15)

SMALL = """
agent: {identifiant: agent.test, mot_de_passe: "Secret-1!"}
identites:
  - {numero_etranger: "7500000001", nom: ADULTE, prenom: Sam, sexe: M, date_naissance: J-12000, pays_naissance: MA, nationalite: MA}
  - {numero_etranger: "7500000002", nom: MINEUR, prenom: Ali, sexe: M, date_naissance: J-6100, pays_naissance: GN, nationalite: GN}
titulaires:
  - numero_etranger: "9300000001"
    nom: PROTEGE
    prenom: Farid Reza
    sexe: M
    date_naissance: 1990-01-01
    pays_naissance: AF
    nationalite: AF
    titre: {kind: titre, categorie: BPS, mention: X, date_debut: J-1370, date_fin: J+90}
"""


def _small(tmp_path: Path) -> recette.Recette:
    path = tmp_path / "jeu.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return recette.load(path, today=TODAY)


# The file --------------------------------------------------------------------------------------
def test_relative_and_iso_dates_and_the_agent(tmp_path: Path) -> None:
    jeu = _small(tmp_path)
    assert jeu.agent == {"identifiant": "agent.test", "mot_de_passe": "Secret-1!"}
    adulte, mineur, protege = jeu.records
    assert adulte.date_naissance == TODAY - timedelta(days=12000)
    assert protege.date_naissance == date(1990, 1, 1) and protege.prenoms == ("Farid", "Reza")
    assert protege.titre.date_fin == TODAY + timedelta(days=90) and protege.titre.numero == "9300000001"
    assert [r.section for r in jeu.records] == ["identites", "identites", "titulaires"]


@pytest.mark.parametrize("broken, words", [
    ('identites: [{numero_etranger: "12", nom: A, prenom: B, sexe: M, date_naissance: J-1, pays_naissance: MA, nationalite: MA}]',
     "identites[1] : numero_etranger « 12 » : 10 chiffres"),
    ('identites: [{numero_etranger: "7500000001", nom: A, prenom: B, sexe: M, date_naissance: demain, pays_naissance: MA, nationalite: MA}]',
     "identites[1].date_naissance : « demain » n'est ni une date"),
    ('titulaires: [{numero_etranger: "7500000001", nom: A, prenom: B, sexe: M, date_naissance: J-1, pays_naissance: MA, nationalite: MA}]',
     "titulaires[1] : champ « titre » manquant"),
])
def test_a_broken_file_names_the_record_and_the_field(tmp_path: Path, broken: str, words: str) -> None:
    path = tmp_path / "jeu.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(recette.RecetteError, match=re.escape(words)):
        recette.load(path)


def test_the_documented_example_loads_and_covers_every_scenario() -> None:
    """The file `make deploiement` plays: enough distinct records for one whole run."""
    jeu = recette.load(EXEMPLE)
    sections = {s: len(jeu.section(s)) for s in recette.SECTIONS}
    assert sections["identites"] >= 7 and sections["titulaires"] >= 24 and sections["accueillants"] >= 2, sections


# Personas from records ----------------------------------------------------------------------------
def test_a_persona_is_the_record_faker_gives_the_rest_and_a_record_serves_once(tmp_path: Path) -> None:
    ref = referentiel.FromRecette(_small(tmp_path))
    used: list[str] = []
    ref.on_use = used.append
    mineur = ref.identite(PersonaFactory(1, TODAY), lambda f: f.ase(cas=1))
    assert (mineur.nom, mineur.prenoms, mineur.numero_etranger) == ("MINEUR", ["Ali"], "7500000002")
    assert mineur.date_naissance == TODAY - timedelta(days=6100) and mineur.pays_naissance == "Guinée"
    # the dates the factory derives follow the record: the prise en charge by the ASE before 16
    assert mineur.date_prise_en_charge_ase <= add_years(mineur.date_naissance, 16)
    assert mineur.email.startswith("ali.mineur.") and mineur.adresse.ville  # Faker's part
    adulte = ref.identite(PersonaFactory(2, TODAY), lambda f: f.compte("numero"))
    assert adulte.numero_etranger == "7500000001"
    assert used == [_label(ref, "7500000002"), _label(ref, "7500000001")]
    with pytest.raises(referentiel.RecetteExhausted, match="plus de fiche « identites » libre"):
        ref.identite(PersonaFactory(3, TODAY), lambda f: f.compte("numero"))


def _label(ref: referentiel.FromRecette, numero: str) -> str:
    return next(r.label for r in ref.recette.records if r.numero_etranger == numero)


def test_a_record_that_does_not_fit_is_passed_over_with_its_reason(tmp_path: Path) -> None:
    ref = referentiel.FromRecette(_small(tmp_path))
    with pytest.raises(referentiel.RecetteExhausted) as raised:
        ref.identite(PersonaFactory(4, TODAY), lambda f: f.ase(cas=3))  # 18-25: neither 32 nor 16
    assert "7500000001 : né(e) le" in str(raised.value) and "7500000002 : né(e) le" in str(raised.value)
    assert ref.used == set()
    with pytest.raises(referentiel.RecetteExhausted, match="catégorie « BPS », « Réfugié » demandée"):
        ref.titre(PersonaFactory(5, TODAY), lambda f: f.bpi(statut="réfugié"))
    bpi = ref.titre(PersonaFactory(6, TODAY), lambda f: f.bpi(statut="BPS"), tous_les_prenoms=True)
    assert bpi.titres[0].numero == "9300000001" and bpi.titres[0].date_fin == TODAY + timedelta(days=90)
    assert bpi.date_entree_france < bpi.titres[0].date_debut


def test_an_accueillant_record_becomes_the_persona_s_host() -> None:
    ref = referentiel.FromRecette(recette.load(EXEMPLE, today=TODAY))
    persona = ref.titre(PersonaFactory(7, TODAY), lambda f: f.famille_ue(
        accueillant="européen", lien="conjoint", activite="salarié", accueillant_titre=True),
        tous_les_prenoms=True, accueillant=True)
    host = persona.accueillant.personne
    first = ref.recette.section("accueillants")[0]
    assert (host.nom, host.numero_etranger, host.titre.numero) == (first.nom, first.numero_etranger, first.titre.numero)
    assert persona.titre.categorie == "Membre de famille de ressortissant UE/EEE/Suisse"


# Adapters that create records ----------------------------------------------------------------------
class Recorder:
    def __init__(self, config: Any = None) -> None:
        self.calls: list[tuple[str, str]] = []

    def register_identite(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        self.calls.append(("identite", persona.numero_etranger))

    def register_titre(self, persona: Any, *, tous_les_prenoms: bool = False) -> None:
        self.calls.append(("titre", persona.titres[0].numero))

    def register_titulaire(self, personne: Any) -> None:
        self.calls.append(("titulaire", personne.numero_etranger))

    def close(self) -> None:
        self.calls.append(("close", ""))


def test_a_creating_adapter_registers_what_faker_drew() -> None:
    creator = Recorder()
    ref = referentiel.Creating(creator, "greffon")
    persona = ref.titre(PersonaFactory(8, TODAY), lambda f: f.famille_ue(
        accueillant="européen", lien="conjoint", activite="salarié", accueillant_titre=True), accueillant=True)
    ref.close()
    assert creator.calls == [("titre", persona.titres[0].numero),
                             ("titulaire", persona.accueillant.personne.numero_etranger), ("close", "")]


def test_plugins_are_loaded_from_their_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    point = SimpleNamespace(load=lambda: Recorder)
    monkeypatch.setattr(referentiel, "available_plugins", lambda: {"acme": point})
    config = referentiel.ReferentielConfig(base_url="http://x", operator_url=None)
    assert referentiel.load_plugin("acme", config).name == "acme"
    with pytest.raises(LookupError, match="aucun référentiel « zz ».*acme.*fichier:CHEMIN.*manuel"):
        referentiel.load_plugin("zz", config)
    monkeypatch.setattr(referentiel, "available_plugins", lambda: {"bad": SimpleNamespace(load=lambda: lambda c: object())})
    with pytest.raises(TypeError, match="n'implémente pas : register_identite"):
        referentiel.load_plugin("bad", config)


def test_the_shipped_entry_points_are_installed() -> None:
    assert "simulateur-api" in referentiel.available_plugins()
    assert "simulateur-api" in horloge.available_plugins()


def test_auto_means_the_operator_api_of_a_simulator_only() -> None:
    assert referentiel.choose("auto", simulator=True) == "simulateur-api"
    assert referentiel.choose("auto", simulator=False) is None
    assert referentiel.choose("fichier:x.yaml", simulator=False) == "fichier:x.yaml"
    assert horloge.choose("auto", simulator=False) is None and horloge.choose("manuel", simulator=False) == "manuel"


def test_the_manual_clock_asks_the_operator_and_puts_the_clock_back() -> None:
    asked: list[str] = []
    clock = horloge.ManualClock(lambda title, lines: asked.append(title))
    clock.advance(25)
    clock.reset()
    clock.reset()  # nothing moved any more: nothing asked
    assert asked == ["avancez l'horloge de la cible de 25 heures",
                     "remettez l'horloge de la cible à l'heure (elle avance de 25 heures)"]


# Needs and summary -----------------------------------------------------------------------------------
def test_the_needs_are_read_in_the_scenario_sentences() -> None:
    [need] = besoin.needs_of("un demandeur mineur émancipé confié à l'ASE, dont le numéro étranger est connu du portail")
    assert need.section == "identites" and "16 ou 17 ans" in need.fiche
    needs = besoin.needs_of('un membre de famille "descendant" d\'un accueillant européen "non salarié" titulaire '
                            "d'un titre de séjour, leurs titres de séjour étant connus du portail")
    assert [n.section for n in needs] == ["titulaires", "accueillants"] and "24 à 30 ans" in needs[0].fiche
    assert besoin.needs_of("un demandeur sans numéro étranger") == []


def test_the_summary_counts_each_scenario_once_and_keeps_skip_reasons() -> None:
    def rep(nodeid: str, when: str = "call", longrepr: Any = None) -> Any:
        return SimpleNamespace(nodeid=nodeid, when=when, longrepr=longrepr)

    stats = {
        "passed": [rep("features/t.py::a"), rep("features/t.py::b"), rep("features/t.py::a", "setup"), rep("tests/u.py::x")],
        "error": [rep("features/t.py::b", "teardown")],
        "skipped": [rep("features/t.py::c", "setup", ("f", 1, "Skipped: aucune horloge"))],
    }
    counts, skips = summary.outcomes(stats)
    assert (counts["run"], counts["passed"], counts["failed"], counts["skipped"]) == (2, 1, 1, 1)
    assert skips == [("features/t.py::c", "aucune horloge")]


# The options, as a vendor passes them ----------------------------------------------------------------
INNER_CONFTEST = """
import pytest
from harness.target import Target

@pytest.fixture(scope="session")
def target():
    return Target(base_url="http://127.0.0.1:9", mailbox_url="http://127.0.0.1:9", operator_url=None)
"""

INNER_TEST = """
import pytest
from personas.factory import PersonaFactory

@pytest.mark.horloge
def test_moves_time(horloge):
    horloge.advance(25)

def test_needs_a_record(referentiel):
    p = referentiel.identite(PersonaFactory(1), lambda f: f.compte("numero"))
    assert p.numero_etranger == "7500000001"
"""


def test_without_clock_or_referentiel_the_scenarios_say_why_and_a_file_is_used(pytester: pytest.Pytester,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(INNER_CONFTEST)
    pytester.makepyfile(test_inner=INNER_TEST)
    (pytester.path / "jeu.yaml").write_text(SMALL, encoding="utf-8")
    plugins = ["-p", "harness.plugin"]
    bare = pytester.runpytest(*plugins, "-rs")
    bare.assert_outcomes(skipped=2)
    bare.stdout.fnmatch_lines(["*aucune horloge réglable sur la cible*--horloge manuel*",
                               "*aucun référentiel*--referentiel fichier:JEU.yaml*"])
    with_file = pytester.runpytest(*plugins, "-rs", "--referentiel", "fichier:jeu.yaml", "--junitxml", "j.xml")
    with_file.assert_outcomes(passed=1, skipped=1)
    junit = (pytester.path / "j.xml").read_text(encoding="utf-8")
    assert 'name="fiche_de_recette" value="identites n° étranger 7500000001 (ADULTE Sam)"' in junit
    wrong = pytester.runpytest(*plugins, "--referentiel", "fichier:absent.yaml")
    assert wrong.ret == pytest.ExitCode.USAGE_ERROR
    wrong.stderr.fnmatch_lines(["*--referentiel fichier:absent.yaml : absent.yaml : illisible*"])
    unknown = pytester.runpytest(*plugins, "--horloge", "acme")
    assert unknown.ret == pytest.ExitCode.USAGE_ERROR
    unknown.stderr.fnmatch_lines(["*--horloge acme : aucune horloge de ce nom*manuel*"])


def test_manual_prints_the_record_to_create_and_records_the_operator_s_word(tmp_path: Path) -> None:
    from harness.backoffice_manuel import Manual

    said: list[str] = []

    def operator(text: str) -> None:  # the operator creates the record at once and confirms
        said.append(text)
        Path(re.search(r"créez le fichier (\S+\.ok)", text).group(1)).write_text("")

    attested: list[referentiel.Attestation] = []
    manual = Manual(say=operator, record=lambda a: None, folder=tmp_path, timeout=10, tty=False)
    ref = referentiel.Creating(referentiel.ManualCreator(manual, attested.append), "manuel")
    persona = ref.titre(PersonaFactory(9, TODAY), lambda f: f.bpi(statut="BPS"), tous_les_prenoms=True)
    assert ref.attested
    [text] = said
    assert "Référentiel : fiche n° 1 à créer par l'opérateur" in text
    assert f"numéro étranger : {persona.numero_etranger}" in text and f"nom : {persona.nom}" in text
    assert f"titre de séjour n° {persona.titres[0].numero}, « BPS »" in text
    assert f"au {persona.titres[0].date_fin:%d/%m/%Y}" in text
    [attestation] = attested
    assert attestation.what.startswith("une personne titulaire de ce titre : numéro étranger")
    assert attestation.how.endswith("referentiel-1.ok")


def test_besoin_prints_what_the_suite_needs_and_the_example_covers_it() -> None:
    import subprocess
    import sys

    root = EXEMPLE.parents[1]
    whole = subprocess.run([sys.executable, "-m", "harness.cli", "referentiel", "besoin"], cwd=root,
                           capture_output=True, text=True, timeout=300)
    assert whole.returncode == 0, whole.stdout + whole.stderr
    assert "2 × numéro étranger sans titre, 16 ou 17 ans (ASE, CAS 1 et 2)" in whole.stdout
    horloges = re.search(r"horloge : (\d+) scénario\(s\) @horloge", whole.stdout)
    assert horloges is not None and int(horloges.group(1)) >= 1, whole.stdout  # the 24-hour link, the délai…
    needed = {m.group(1): int(m.group(2)) for m in re.finditer(r"^  (\w+) : (\d+) fiche\(s\)$", whole.stdout, re.M)}
    jeu = recette.load(EXEMPLE)
    assert set(needed) == set(recette.SECTIONS)
    for section, n in needed.items():
        assert len(jeu.section(section)) >= n, (section, n)
