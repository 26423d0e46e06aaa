"""The illustrated guide (anef guide-illustre), fed by a small fake evidence folder: the screens become
numbered sections in the run's order, each with its screenshot embedded (a valid PNG or JPEG), the
steps played on it and what was typed; the PDF opens and carries the sections' titles."""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from harness.preuves.guide import GuideRefuse, build_guides, sections_of, write_guides

PROJECT = Path(__file__).resolve().parents[2]
pytest_plugins = ["pytester"]


def _image(path: Path, kind: str, colour: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 200), colour).save(path, format=kind)


def _step(mot: str, texte: str, chemin: str | None, titre: str | None, capture: str | None = None,
          saisies: list[dict[str, str]] | None = None, statut: str = "réussie") -> dict:
    return {"mot_cle": mot, "texte": texte, "statut": statut, "capture": capture, "saisies": saisies or [],
            "ecran": {"chemin": chemin, "titre": titre} if chemin else None, "ligne": 1, "duree": 0.1}


def _record(nodeid: str, nom: str, tag: str, ligne: int, etapes: list[dict], resultat: str = "réussi") -> dict:
    return {"nodeid": nodeid, "dossier": nodeid, "marques": [tag], "resultat": resultat, "exemple": {},
            "graine": {"session": 42, "scenario": 7}, "etapes": etapes,
            "scenario": {"nom": nom, "ligne": ligne, "fonctionnalite": "Créer un compte ANEF",
                         "fichier": "compte_anef.feature", "etiquettes": [tag]}}


@pytest.fixture
def run(tmp_path: Path) -> Path:
    """A run of two account scenarios (the second listed first, to check the order) and a failed ASE one."""
    reports = tmp_path / "reports"
    ev = "evidence/compte_a"
    _image(reports / ev / "etape-01.jpg", "JPEG", "white")
    _image(reports / ev / "etape-02.jpg", "JPEG", "yellow")
    _image(reports / ev / "etape-03.jpg", "JPEG", "green")
    _image(reports / ev / "etape-04.png", "PNG", "blue")
    _image(reports / "evidence/compte_b/etape-01.jpg", "JPEG", "grey")
    compte_a = [
        _step("Étant donné", "je suis sur la page d'accueil du portail", "/", "Accueil", f"{ev}/etape-01.jpg"),
        _step("Quand", 'je clique sur "Créer un compte"', "/compte", "Création de compte", f"{ev}/etape-02.jpg"),
        _step("Et", "je complète la page d'identité", "/compte", "Création de compte", None,
              [{"champ": "Nom", "valeur": "X", "ecran": "Identité"}, {"champ": "Pays", "valeur": "Italie", "ecran": "Création de compte"}]),
        _step("Quand", "je saisis mon adresse email", "/compte", "Création de compte", f"{ev}/etape-03.jpg",
              [{"champ": "Adresse email", "valeur": "a@example.org"}, {"champ": "Nom", "valeur": "<b>Dupont</b>"}]),
        _step("Et", 'je clique sur "Valider"', "/compte/ok", "Demande bien enregistrée", f"{ev}/etape-04.png",
              [{"champ": "Adresse email", "valeur": "b@example.org"}]),
        _step("Alors", 'la page affiche "Demande bien enregistrée"', "/compte/ok", "Demande bien enregistrée"),
    ]
    compte_b = [_step("Étant donné", "je suis sur la page d'accueil du portail", "/", "Accueil",
                      "evidence/compte_b/etape-01.jpg")]
    ase = [_step("Étant donné", "je suis sur la page d'accueil du portail", "/", "Accueil", None, statut="échouée")]
    run = {"cible": "http://127.0.0.1:8000", "date": "2026-11-29T20:00:00+00:00", "suite": {"version": "0.1"},
           "personas": {"graine": 42}, "scenarios": [
               _record("b", "Compte, chemin B", "compte", 40, compte_b),
               _record("a", "Compte, chemin A", "compte", 12, compte_a),
               _record("c", "ASE, cas 1", "ase", 5, ase, resultat="échoué")]}
    (reports / "execution.json").write_text(json.dumps(run), encoding="utf-8")
    return reports


def test_steps_are_grouped_by_screen_and_belong_to_the_screen_they_acted_on(run: Path) -> None:
    etapes = json.loads((run / "execution.json").read_text())["scenarios"][1]["etapes"]
    sections = sections_of(etapes)
    assert [s.titre for s in sections] == ["Accueil", "Création de compte", "Demande bien enregistrée"]
    accueil, compte, fin = sections
    assert [e["texte"] for e in accueil.etapes] == ["je suis sur la page d'accueil du portail",
                                                    'je clique sur "Créer un compte"']
    assert [e["texte"] for e in compte.etapes] == ["je complète la page d'identité", "je saisis mon adresse email",
                                                   'je clique sur "Valider"']
    # the screenshot of a screen is the last taken on it: its fields filled in
    assert compte.capture.endswith("etape-03.jpg") and fin.capture.endswith("etape-04.png")
    # a field typed again keeps its place and its last value
    # a value typed on a screen the step only went through names it
    assert compte.saisies[:2] == [{"champ": "Nom", "valeur": "X", "ecran": "Identité"},
                                  {"champ": "Pays", "valeur": "Italie", "ecran": ""}]
    assert compte.saisies[2:] == [{"champ": "Adresse email", "valeur": "b@example.org", "ecran": ""},
                              {"champ": "Nom", "valeur": "<b>Dupont</b>", "ecran": ""}]
    assert [e["texte"] for e in fin.etapes] == ['la page affiche "Demande bien enregistrée"']


def test_the_html_guide_has_numbered_sections_in_order_with_embedded_images(run: Path, tmp_path: Path) -> None:
    written = write_guides(run, tmp_path / "guides", pdf=False)
    assert sorted(p.name for p in written) == ["guide-01-compte.html", "guide-03-ase.html", "index.html"]
    html = (tmp_path / "guides" / "guide-01-compte.html").read_text(encoding="utf-8")
    titles = re.findall(r'<h3 id="titre-[^"]+">([^<]+)</h3>', html)
    assert titles == ["1.1. Accueil", "1.2. Création de compte", "1.3. Demande bien enregistrée", "2.1. Accueil"]
    assert html.index("Compte, chemin A") < html.index("Compte, chemin B")   # the feature's order
    images = re.findall(r'<img class="capture" src="data:(image/[a-z]+);base64,([^"]+)"', html)
    assert len(images) == 4 and 'src="evidence' not in html and "file:" not in html   # self-contained
    for mime, data in images:
        picture = Image.open(io.BytesIO(base64.b64decode(data)))
        picture.verify()
        assert picture.format == {"image/jpeg": "JPEG", "image/png": "PNG"}[mime]
    assert "<td>Identité</td><td>Nom</td><td>X</td>" in html   # typed on a screen the step went through
    assert "<td>b@example.org</td>" in html and "&lt;b&gt;Dupont&lt;/b&gt;" in html   # typed values, never markup
    assert "ASE, cas 1" not in html
    assert "--persona-seed 42" in html


def test_a_failed_scenario_is_listed_as_not_taken_up(run: Path) -> None:
    guides = {g.parcours: g for g in build_guides(run)}
    assert list(guides) == ["compte", "ase"]
    assert guides["ase"].chapitres == [] and guides["ase"].non_repris == [("ASE, cas 1", "échoué")]


def test_a_run_without_screenshots_of_every_step_is_refused(run: Path, tmp_path: Path) -> None:
    data = json.loads((run / "execution.json").read_text())
    for record in data["scenarios"]:
        for step in record["etapes"]:
            step["capture"] = None
    (run / "execution.json").write_text(json.dumps(data))
    with pytest.raises(GuideRefuse, match="--preuves toutes"):
        build_guides(run)
    with pytest.raises(GuideRefuse, match="anef run --preuves toutes"):
        build_guides(tmp_path / "nulle-part")


@pytest.mark.browser
def test_the_command_prints_a_pdf_with_the_sections_titles(run: Path, tmp_path: Path) -> None:
    # in a subprocess: Playwright's sync API cannot start inside another test's event loop
    out = tmp_path / "sortie"
    done = subprocess.run([sys.executable, "-m", "harness.cli", "guide-illustre", "--depuis", str(run),
                           "--sortie", str(out)], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "guide-01-compte.pdf" in done.stdout
    reader = PdfReader(str(out / "guide-01-compte.pdf"))
    # NFKC: the PDF's text comes back with ligatures (« oﬃciel »)
    text = unicodedata.normalize("NFKC", " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages))
    positions = [text.find(t) for t in ["1.1. Accueil", "1.2. Création de compte",
                                        "1.3. Demande bien enregistrée", "2.1. Accueil"]]
    assert -1 not in positions and positions == sorted(positions), text[:500]
    images = sum(len(page.images) for page in reader.pages)
    assert images == 4
    assert (out / "guide-03-ase.pdf").is_file() and (out / "index.html").is_file()


# A real browser: what the page listener records as a step fills a form (tiny local pages, no portal)
FORM = """<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
<h1>Formulaire d'essai</h1>
<form action="merci.html" method="get">
<label for="nom">Nom *</label><input id="nom" name="nom">
<label for="mdp">Mot de passe :</label><input id="mdp" name="mdp" type="password">
<label for="pays">Pays</label><select id="pays" name="pays"><option></option><option>Italie</option></select>
<fieldset><legend>Situation</legend>
<input type="radio" id="c" name="sit" value="c"><label for="c">Célibataire</label>
<input type="radio" id="m" name="sit" value="m"><label for="m">Marié(e)</label></fieldset>
<input type="checkbox" id="ok" name="ok"><label for="ok">J'accepte</label>
<button type="submit">Envoyer</button></form></main></body></html>"""
MERCI = """<!doctype html><html lang="fr"><head><title>Merci</title></head><body><main>
<h1>Demande envoyée</h1><p>Merci</p></main></body></html>"""
GUIDE_FEATURE = """# language: fr
@compte
Fonctionnalité: Essai du guide
  Scénario: Remplir un formulaire
    Soit la page du formulaire
    Quand je remplis le formulaire
    Et je clique sur Envoyer
    Alors la page dit merci
"""
GUIDE_CONFTEST = """
from pathlib import Path
from playwright.sync_api import expect
from pytest_bdd import given, then, when

pytest_plugins = ["harness.plugin"]
HERE = Path(__file__).parent


@given("la page du formulaire")
def formulaire(page):
    page.goto((HERE / "form.html").as_uri())


@when("je remplis le formulaire")
def remplir(page):
    page.get_by_label("Nom").press_sequentially("Dupont")
    page.get_by_label("Mot de passe").fill("Secret!2026")
    page.get_by_label("Pays").select_option(label="Italie")
    page.get_by_label("Célibataire").check()
    page.get_by_label("Marié(e)").check()
    page.get_by_label("J'accepte").check()


@when("je clique sur Envoyer")
def envoyer(page):
    page.get_by_role("button", name="Envoyer").click()


@then("la page dit merci")
def merci(page):
    expect(page.get_by_text("Merci", exact=True)).to_be_visible()
"""


@pytest.mark.browser
def test_a_real_run_records_what_was_typed_screen_by_screen(pytester: pytest.Pytester,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    reports = pytester.path / "reports"
    monkeypatch.setenv("ANEF_REPORTS_DIR", str(reports))
    (pytester.path / "form.html").write_text(FORM, encoding="utf-8")
    (pytester.path / "merci.html").write_text(MERCI, encoding="utf-8")
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "essai.feature").write_text(GUIDE_FEATURE, encoding="utf-8")
    (pytester.path / "requirements").mkdir()
    pytester.makeconftest(GUIDE_CONFTEST)
    pytester.makepyfile(test_essai="from pytest_bdd import scenarios\nscenarios('features')\n")
    pytester.makeini("[pytest]\nmarkers =\n    compte: compte\n")
    result = pytester.runpytest_subprocess("--preuves", "toutes", "-p", "no:cacheprovider",
                                           "--exigences", str(pytester.path / "requirements"))
    result.assert_outcomes(passed=1)
    assert "Secret!2026" not in (reports / "execution.json").read_text(encoding="utf-8")
    (guide,) = build_guides(reports)
    (chapitre,) = guide.chapitres
    form, merci = chapitre.sections
    assert (form.titre, merci.titre) == ("Formulaire d'essai", "Demande envoyée")
    assert [e["texte"] for e in form.etapes] == ["la page du formulaire", "je remplis le formulaire",
                                                 "je clique sur Envoyer"]
    assert form.saisies == [{"champ": "Nom", "valeur": "Dupont", "ecran": ""},
                            {"champ": "Mot de passe", "valeur": "•••••••• (masqué)", "ecran": ""},
                            {"champ": "Pays", "valeur": "Italie", "ecran": ""},
                            {"champ": "Situation", "valeur": "Marié(e)", "ecran": ""},
                            {"champ": "J'accepte", "valeur": "☑ J'accepte", "ecran": ""}]
    assert Image.open(reports / form.capture).format == "JPEG"


def test_what_a_step_typed_is_one_line_per_field_and_screen_with_passwords_masked() -> None:
    from harness.preuves.saisies import MASQUE, collapse

    typed = collapse([
        {"cle": "nom", "champ": "Nom", "valeur": "D", "ecran": "Identité"},
        {"cle": "mdp", "champ": "Nouveau mot de passe", "valeur": "PASSWORD", "ecran": "Réinitialisation"},
        {"cle": "nom", "champ": "Nom", "valeur": "Dupont", "ecran": "Identité"},   # typing, key by key
        {"cle": "mdp", "champ": "Mot de passe", "valeur": "PASSWORD", "ecran": "Connexion"},  # same name, another page
        {"cle": "usage", "champ": "Nom d'usage", "valeur": "", "ecran": "Identité"},           # left empty
    ])
    assert typed == [{"champ": "Nom", "valeur": "Dupont", "ecran": "Identité"},
                     {"champ": "Nouveau mot de passe", "valeur": MASQUE, "ecran": "Réinitialisation"},
                     {"champ": "Mot de passe", "valeur": MASQUE, "ecran": "Connexion"}]
