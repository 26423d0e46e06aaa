"""The evidence plugin, run inside a throw-away project (pytester): a tiny catalogue, a feature whose
scenarios cite it, steps that record what they checked; the run must leave the matrix and the
report, print a line per guide, and turn a failure on a declared deviation into « écart déclaré »."""

from __future__ import annotations

import json

import pytest

pytest_plugins = ["pytester"]

CATALOGUE = """\
guide: 02-enfant-de-francais-premiere-demande.md
exigences:
  - id: G02-ETAPE1-TITRE
    section: "Étape 1 – Votre situation"
    nature: ecran
    normative: true
    texte: "Votre situation"
  - id: G02-ETAPE2-RETOUR
    section: "Étape 2 – Informations personnelles"
    nature: texte
    normative: true
    texte: "Retour à l'accueil"
  - id: G02-DEPOT-ADF
    section: "Décision"
    nature: champ_2ddoc
    normative: true
    texte: "Attestation de décision favorable"
    non_couverte: "le portail ne délivre pas l'ADF dans ce projet d'essai"
"""

FEATURE = """\
# language: fr
Fonctionnalité: Démonstration
  @exig_G02_ETAPE1_TITRE
  @demo
  Scénario: Un écran conforme
    Soit une page
    Alors la page montre "Votre situation"

  @exig_G02_ETAPE2_RETOUR
  @demo
  Scénario: Un texte changé
    Soit une page
    Alors la page montre "Retour"
    Et rien d'autre
"""

CONFTEST = """\
import pytest
from pytest_bdd import given, parsers, then

pytest_plugins = ["pytest_bdd.plugin", "harness.preuves.plugin"]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


class FakeDownload:
    suggested_filename = "confirmation.pdf"

    def save_as(self, path):
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(path)
        pdf.drawString(72, 720, "CONFIRMATION DU DEPOT")
        pdf.save()


class FakePage:
    def __init__(self):
        self.handlers = []

    def screenshot(self, path, **options):
        open(path, "wb").write(PNG)

    def on(self, event, callback):
        self.handlers.append(callback)

    def download(self):
        for handler in self.handlers:
            handler(FakeDownload())


@pytest.fixture
def page():
    return FakePage()


SHOWN = {"Votre situation": "G02-ETAPE1-TITRE", "Retour": "G02-ETAPE2-RETOUR"}


@given("une page")
def une_page(page):
    page.download()  # the browser downloads a PDF: the report keeps it, its text and its 2D-DOC verdict
    return page


@then(parsers.parse('la page montre "{texte}"'))
def montre(request, page, texte):
    ident = SHOWN[texte]
    ok = texte == "Votre situation"   # the portal under test changed the other text
    request.node.user_properties.append(("exigence", f"{ident}:{'ok' if ok else 'ko'}"))
    assert ok, f"{ident} (guide 02, section « Étape 2 ») : texte attendu « Retour à l'accueil »"


@then("rien d'autre")
def rien():
    pass
"""


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("ANEF_REPORTS_DIR", str(pytester.path / "reports"))
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # no browser plugin in these runs
    (pytester.path / "requirements").mkdir()
    (pytester.path / "requirements" / "02-enfant.yaml").write_text(CATALOGUE, encoding="utf-8")
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "demo.feature").write_text(FEATURE, encoding="utf-8")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_demo="from pytest_bdd import scenarios\nscenarios('features')\n")
    pytester.makeini("[pytest]\nmarkers =\n    demo: demo\n")
    return pytester
# Inner runs in a subprocess: in-process, pytester restores sys.modules after each run, and the
# 2D-DOC reader's native modules (pdfium, zxing) do not survive being imported again.


def _matrix(project: pytest.Pytester) -> dict:
    return json.loads((project.path / "reports" / "matrice.json").read_text(encoding="utf-8"))


def test_a_run_leaves_the_matrix_the_report_and_a_line_per_guide(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("--strict-markers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*guide 02 : 2/3 exigences couvertes, 1 conforme, 1 non conforme*",
                                 "*exigences normatives couvertes : 2/3 (66 %)*"])
    rows = {r["id"]: r for r in _matrix(project)["exigences"]}
    assert rows["G02-ETAPE1-TITRE"]["statut"] == "conforme"
    assert rows["G02-ETAPE2-RETOUR"]["statut"] == "non conforme"
    assert rows["G02-ETAPE2-RETOUR"]["executions"][0]["source"] == ["étiquette", "contrôle"]
    assert rows["G02-DEPOT-ADF"]["statut"] == "non couverte"
    assert _matrix(project)["non_couvertes"] == [
        {"id": "G02-DEPOT-ADF", "raison": "le portail ne délivre pas l'ADF dans ce projet d'essai"}]
    report = (project.path / "reports" / "rapport-conformite.html").read_text(encoding="utf-8")
    assert "Un texte changé" in report and "la page montre &#34;Retour&#34;" in report
    assert "échouée" in report and "non exécutée" in report     # the failing step, the one after it
    assert "data:image/png;base64," in report                    # the failing step's screenshot, inlined
    assert "Graine des personas" in report and "Cible" in report
    assert "G02-ETAPE1-TITRE" in (project.path / "reports" / "matrice.html").read_text(encoding="utf-8")
    run = json.loads((project.path / "reports" / "execution.json").read_text(encoding="utf-8"))
    failed = next(s for s in run["scenarios"] if s["resultat"] == "échoué")
    assert [s["statut"] for s in failed["etapes"]] == ["réussie", "échouée", "non exécutée"]
    [pdf] = failed["fichiers"]
    assert pdf["nom"] == "confirmation.pdf" and "CONFIRMATION DU DEPOT" in pdf["texte"] and pdf["deux_d_doc"] == []
    assert (project.path / "reports" / pdf["fichier"]).is_file()


def test_the_harness_own_unit_tests_are_not_counted(project: pytest.Pytester) -> None:
    """A unit test that feeds a check a deliberately faulty input records a "ko" verdict: the
    coverage lines count the suite's scenarios only (features/), never such a test."""
    project.makepyfile(test_unitaire="""
def test_un_pdf_fautif(request):
    request.node.user_properties.append(("exigence", "G02-ETAPE1-TITRE:ko"))
""")
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*guide 02 : 2/3 exigences couvertes, 1 conforme, 1 non conforme*"])
    rows = {r["id"]: r for r in _matrix(project)["exigences"]}
    assert rows["G02-ETAPE1-TITRE"]["statut"] == "conforme"
    assert [e["nodeid"] for e in rows["G02-ETAPE1-TITRE"]["executions"]] == ["test_demo.py::test_un_écran_conforme"]


def test_every_step_has_its_screenshot_with_preuves_toutes(project: pytest.Pytester) -> None:
    project.runpytest_subprocess("--preuves", "toutes", "-k", "conforme")
    run = json.loads((project.path / "reports" / "execution.json").read_text(encoding="utf-8"))
    assert [bool(s["capture"]) for s in run["scenarios"][0]["etapes"]] == [True, True]


def test_a_tag_citing_no_requirement_is_refused(project: pytest.Pytester) -> None:
    feature = project.path / "features" / "demo.feature"
    feature.write_text(FEATURE.replace("@exig_G02_ETAPE1_TITRE", "@exig_G02_ETAPE9_INCONNUE"), encoding="utf-8")
    result = project.runpytest_subprocess("--strict-markers")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*exig_G02_ETAPE9_INCONNUE*not found in*markers*"])


def test_a_declared_deviation_does_not_fail_the_run(project: pytest.Pytester) -> None:
    (project.path / "ecarts.txt").write_text(
        "# exigence : justification\nG02-ETAPE2-RETOUR : libellé raccourci pour l'application mobile\n",
        encoding="utf-8")
    result = project.runpytest_subprocess("--ecarts", "ecarts.txt")
    assert result.ret == 0
    result.assert_outcomes(passed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*écart déclaré : test_demo.py::test_un_texte_changé*"
                                 "G02-ETAPE2-RETOUR : libellé raccourci pour l'application mobile*",
                                 "*guide 02 : 2/3 exigences couvertes, 1 conforme, 1 écart déclaré*"])
    rows = {r["id"]: r for r in _matrix(project)["exigences"]}
    assert rows["G02-ETAPE2-RETOUR"]["statut"] == "écart déclaré"
    report = (project.path / "reports" / "rapport-conformite.html").read_text(encoding="utf-8")
    assert "Écart déclaré — G02-ETAPE2-RETOUR : libellé raccourci" in report


def test_any_other_failure_still_fails_the_run(project: pytest.Pytester) -> None:
    (project.path / "ecarts.txt").write_text("G02-ETAPE1-TITRE : autre chose\n", encoding="utf-8")
    result = project.runpytest_subprocess("--ecarts", "ecarts.txt")
    assert result.ret == 1
    result.assert_outcomes(passed=1, failed=1)


def test_a_deviation_on_an_unknown_requirement_is_refused(project: pytest.Pytester) -> None:
    (project.path / "ecarts.yaml").write_text("- id: G02-NULLE-PART\n  justification: x\n", encoding="utf-8")
    result = project.runpytest_subprocess("--ecarts", "ecarts.yaml")
    assert result.ret == 4
    result.stderr.fnmatch_lines(["*G02-NULLE-PART : exigence absente du catalogue*"])


OUTLINE = """\
# language: fr
Fonctionnalité: Règles
  @exig_G02_ETAPE1_TITRE @exig_G02_ETAPE2_RETOUR
  @demo
  Plan du scénario: La page montre <texte>
    Soit une page
    Alors la page affiche "<texte>"

    Exemples:
      | texte              |
      | Votre situation    |
      | Retour à l'accueil |
"""


def test_an_outline_row_is_credited_only_with_its_own_example_text(project: pytest.Pytester) -> None:
    (project.path / "features" / "demo.feature").write_text(OUTLINE, encoding="utf-8")
    project.makeconftest(CONFTEST + "\n\n@then(parsers.parse('la page affiche \"{texte}\"'))\ndef affiche(texte):\n    pass\n")
    project.runpytest_subprocess().assert_outcomes(passed=2)
    run = json.loads((project.path / "reports" / "execution.json").read_text(encoding="utf-8"))
    cited = {s["exemple"]["texte"]: s["exigences_citees"] for s in run["scenarios"]}
    assert cited == {"Votre situation": ["G02-ETAPE1-TITRE"], "Retour à l'accueil": ["G02-ETAPE2-RETOUR"]}
