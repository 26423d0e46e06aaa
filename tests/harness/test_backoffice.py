"""The back-office adapters acting on a real bundled portal (started on free loopback ports): the
agent pages in a second browser context, the "simulateur-api" plugin loaded by its entry point, the
manual adapter with a thread playing the operator. Each is judged by what the applicant notices:
the mails in the sink, the notifications and the state in "Mes demandes en cours"."""

from __future__ import annotations

import queue
import re
import secrets
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from harness import fichiers
from harness.backoffice import (
    BackOffice,
    BackOfficeConfig,
    BackOfficeRefused,
    agent_url,
    choose,
    load_plugin,
)
from harness.backoffice_agent import AgentPages, side_by_side
from harness.backoffice_manuel import Attestation, Manual, ManualTimeout
from harness.backoffice_simulateur import OperatorBackOffice
from harness.mailbox import Mailbox
from harness.operator import OperatorAPI
from harness.target import Target

from ..fake_anef.test_web_demarche import _post, _to_justificatifs, _upload

pytest_plugins = ["pytester"]

DOMICILE = "Justificatif de domicile"  # the start of the page's "Justificatif de domicile datant de moins de 6 mois *"
NATIONALITE = "Justificatif de nationalité *"  # as the page writes it, with the required mark
ACCOUNT_MAIL = "espace personnel usager a été créé"
NOTIFICATION_MAIL = "Vous venez de recevoir une notification"


# A deposited demande, made over HTTP as an applicant would ----------------------------------------
class Applicant:
    def __init__(self, target: Target, mailbox: Mailbox) -> None:
        self.email = f"bo-{secrets.token_hex(5)}@example.org"
        self.mailbox = mailbox
        self.watermark = mailbox.last_id()
        self.http = httpx.Client(base_url=target.base_url, follow_redirects=True, timeout=60)

    def deposit(self) -> str:
        http = self.http
        http.post("/demarches/premiere-demande", data={"email": self.email, "email_confirmation": self.email})
        temporary = self.mail("Mot de passe provisoire").temporary_password()
        http.post("/connexion", data={"identifiant": self.email, "mot_de_passe": temporary})
        http.post("/compte/reinitialisation", data={"mot_de_passe": "Abcdef1!x", "confirmation": "Abcdef1!x"})
        _to_justificatifs(http)  # type: ignore[arg-type]
        ephoto = "".join(secrets.choice("0123456789") for _ in range(22))
        _post(http, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": ephoto})  # type: ignore[arg-type]
        for jid in ("nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation",
                    "ressources-parent", "absence-ressources"):
            _upload(http, jid, fichiers.pdf(f"{jid}.pdf"))  # type: ignore[arg-type]
        _post(http, "justificatifs", {})  # type: ignore[arg-type]
        done = _post(http, "depot", {"_action": "deposer", "observations": "Merci."})  # type: ignore[arg-type]
        match = re.search(r"N° de la demande : (\d{19})", done.text)
        assert match, done.text[-2000:]
        return match.group(1)

    def mail(self, contains: str) -> Any:
        """The next mail to the applicant saying `contains` (each mail is read once)."""
        mail = self.mailbox.wait_for(self.email, contains=contains, after=self.watermark)
        self.watermark = mail.id
        return mail

    def page(self, path: str) -> str:
        return unescape(self.http.get(path).text)

    def notification(self, titre: str) -> str:
        listing = self.page("/espace/notifications")
        ids = re.findall(rf'/espace/notifications/(\d+)">\s*{re.escape(titre)}', listing)
        assert ids, f"pas de « {titre} » dans Mes Notifications"
        return self.page(f"/espace/notifications/{ids[0]}")

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def simulator(target: Target) -> Target:
    if target.operator_url is None:
        pytest.skip("ces tests déposent une demande sur le portail intégré (ou un simulateur)")
    return target


@pytest.fixture
def applicant(simulator: Target, mailbox: Mailbox) -> Iterator[Applicant]:
    someone = Applicant(simulator, mailbox)
    yield someone
    someone.close()


def config_for(target: Target, **over: Any) -> BackOfficeConfig:
    values: dict[str, Any] = dict(base_url=target.base_url, mailbox_url=target.mailbox_url, operator_url=target.operator_url,
                                  agent_url=agent_url(target.base_url, None), agent_login="agent.instructeur",
                                  agent_password="Instructeur1!", timeout_s=30)
    values.update(over)
    return BackOfficeConfig(**values)


def _the_whole_instruction(backoffice: BackOffice, applicant: Applicant, numero: str) -> None:
    """Every action once, each judged on the applicant's side."""
    backoffice.start_instruction(numero)
    account = applicant.mail(ACCOUNT_MAIL)
    assert re.search(r"Identifiant : \d{10}", account.text)
    assert "Instruction en cours" in applicant.page("/espace/demandes")

    backoffice.ask_complement(numero, {DOMICILE: "illisible", NATIONALITE: "ne sont pas valides"},
                              "Merci de renvoyer un justificatif lisible.")
    applicant.mail(NOTIFICATION_MAIL)
    complement = applicant.notification("Demande de complément")
    assert "Les documents mentionnés ci-dessous ne sont pas lisibles :" in complement
    assert "Les documents mentionnés ci-dessous ne sont pas valides :" in complement
    assert "Merci de renvoyer un justificatif lisible." in complement

    adp = "Attestation de prolongation d'instruction"
    backoffice.deliver_attestation(numero, adp)  # type: ignore[attr-defined]
    applicant.mail(NOTIFICATION_MAIL)
    assert f"le document « {adp} » relatif à votre demande en ligne de titre de séjour n° {numero}" in \
        applicant.notification(adp)
    backoffice.expect_on_demande(numero, [adp, "Demande de complément"])  # type: ignore[attr-defined]

    backoffice.decide_favorably(numero, date(2027, 1, 1), date(2027, 12, 31), "225")
    applicant.mail(NOTIFICATION_MAIL)
    assert f"Je vous informe que votre demande en ligne de titre de séjour n° {numero} a été acceptée" in \
        applicant.notification("Notification de décision")
    assert "Décision prise" in applicant.page("/espace/demandes")

    backoffice.mark_available(numero)
    assert "Titre de séjour disponible" in applicant.page("/espace/demandes")


# The bundled agent pages ---------------------------------------------------------------------------
@pytest.mark.browser
def test_the_backoffice_fixture_acts_in_the_agent_pages(backoffice: BackOffice, applicant: Applicant,
                                                       request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--backoffice") != "auto":
        pytest.skip("vérifie le choix automatique (--backoffice auto)")
    assert isinstance(backoffice, AgentPages) and backoffice.name == "agent" and not backoffice.attested
    assert ("backoffice", "agent") in request.node.user_properties  # JUnit: which back-office acted
    numero = applicant.deposit()
    _the_whole_instruction(backoffice, applicant, numero)
    # the agent sees it too, in its own window of the same browser
    expect(backoffice.page.get_by_role("status")).to_have_text("Le titre de séjour est marqué disponible.")
    expect(backoffice.page.get_by_text("État : Titre de séjour disponible")).to_be_visible()
    backoffice.expect_on_demande(numero, ["Demande de complément", "Notification de décision"])


@pytest.mark.browser
def test_the_agent_pages_fail_with_the_portal_words(new_context: Any, simulator: Target, applicant: Applicant,
                                                    tmp_path: Path) -> None:
    numero = applicant.deposit()
    stranger = AgentPages(new_context, config_for(simulator, agent_password="Faux1234!"))
    with pytest.raises(BackOfficeRefused, match="Identifiant ou mot de passe incorrect."):
        stranger.start_instruction(numero)
    stranger.close()
    agent = AgentPages(new_context, config_for(simulator))
    with pytest.raises(BackOfficeRefused, match="ne propose pas « Prendre la décision favorable » .*Dépôt de la demande"):
        agent.decide_favorably(numero, date(2027, 1, 1), date(2027, 12, 31), "225")
    with pytest.raises(AssertionError, match="n'est pas dans la liste « Demandes déposées »"):
        agent.start_instruction("0" * 19)
    agent.start_instruction(numero)
    applicant.mail(ACCOUNT_MAIL)
    with pytest.raises(BackOfficeRefused, match="La date de fin doit suivre la date de début."):
        agent.decide_favorably(numero, date(2027, 12, 31), date(2027, 1, 1), "225")
    with pytest.raises(AssertionError, match=r"pas de justificatif « Justificatif de bonne humeur » .*Justificatif de domicile"):
        agent.ask_complement(numero, {"Justificatif de bonne humeur": "illisible"}, "")
    with pytest.raises(AssertionError, match=r"pas de justificatif « Justificatif de » \(ou plusieurs\)"):
        agent.ask_complement(numero, {"Justificatif de": "illisible"}, "")  # the start of several titles
    hurried = AgentPages(new_context, config_for(simulator, timeout_s=2))
    with pytest.raises(AssertionError, match="Notification de décision"):
        hurried.expect_on_demande(numero, ["Instruction en cours", "Notification de décision"])
    hurried.close()
    # nothing refused reached the applicant
    assert "Décision prise" not in applicant.page("/espace/demandes")
    assert "Notification de décision" not in applicant.page("/espace/notifications")
    # the agent's screenshot is evidence
    lines = agent.evidence(tmp_path)
    assert (tmp_path / "agent.png").read_bytes().startswith(b"\x89PNG") and "agent.png" in lines[1]
    agent.close()


def test_two_windows_side_by_side(browser: Any) -> None:
    left_context, right_context = browser.new_context(no_viewport=True), browser.new_context(no_viewport=True)
    try:
        left, right = left_context.new_page(), right_context.new_page()
        side_by_side(left, right)
        bounds = []
        for page in (left, right):
            session = page.context.new_cdp_session(page)
            window = session.send("Browser.getWindowForTarget")["windowId"]
            bounds.append(session.send("Browser.getWindowBounds", {"windowId": window})["bounds"])
            session.detach()
        width = left.evaluate("screen.availWidth")
        assert bounds[0]["left"] + bounds[0]["width"] == bounds[1]["left"]
        assert bounds[0]["width"] == bounds[1]["width"] == width // 2
    finally:
        left_context.close()
        right_context.close()


# The simulateur-api plugin, by its entry point ----------------------------------------------------------
def test_the_operator_plugin_is_loaded_by_its_entry_point_and_acts(simulator: Target, applicant: Applicant) -> None:
    backoffice = load_plugin("simulateur-api", config_for(simulator))
    try:
        assert isinstance(backoffice, OperatorBackOffice) and backoffice.name == "simulateur-api"
        numero = applicant.deposit()
        with pytest.raises(BackOfficeRefused, match="409.*action impossible"):
            backoffice.decide_favorably(numero, date(2027, 1, 1), date(2027, 12, 31), "225")
        _the_whole_instruction(backoffice, applicant, numero)
        with pytest.raises(BackOfficeRefused, match="409.*action impossible"):
            backoffice.mark_available(numero)
    finally:
        backoffice.close()


def test_an_unknown_plugin_is_named_with_the_known_ones(simulator: Target) -> None:
    with pytest.raises(LookupError, match="aucun back-office « inexistant ».*agent, manuel, simulateur-api"):
        load_plugin("inexistant", config_for(simulator))


def test_auto_chooses_the_agent_pages_for_a_simulator_only() -> None:
    assert choose("auto", simulator=True) == "agent"
    assert choose("auto", simulator=False) is None
    assert choose("manuel", simulator=True) == "manuel"
    assert choose("acme", simulator=False) == "acme"


# The operator by hand --------------------------------------------------------------------------------
def _operator_thread(said: queue.Queue[str], act: Any, answer: str = "ok", content: str = "") -> threading.Thread:
    """Plays the human: reads what the harness printed, acts, then writes the confirmation file."""

    def run() -> None:
        text = said.get(timeout=60)
        path = Path(re.search(r"créez le fichier (\S+\.ok)", text).group(1))  # type: ignore[union-attr]
        act(text)
        path.with_suffix(f".{answer}").write_text(content, encoding="utf-8")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_manual_waits_for_the_operator_and_records_the_attestation(simulator: Target, applicant: Applicant,
                                                                   tmp_path: Path) -> None:
    numero = applicant.deposit()
    said: queue.Queue[str] = queue.Queue()
    attested: list[Attestation] = []
    manual = Manual(say=said.put, record=attested.append, folder=tmp_path, timeout=60, tty=False)
    api = OperatorAPI(simulator.operator_url)  # type: ignore[arg-type]
    seen: list[str] = []

    def act(text: str) -> None:
        seen.append(text)
        api.start_instruction(numero)

    thread = _operator_thread(said, act)
    manual.start_instruction(numero)
    thread.join(timeout=60)
    assert manual.attested and manual.name == "manuel"
    assert f"demande n° {numero}" in seen[0] and "Démarrez l'instruction de la demande." in seen[0]
    [attestation] = attested
    assert attestation.numero_demande == numero and attestation.how.endswith("1.ok")
    assert re.search(r"Identifiant : \d{10}", applicant.mail(ACCOUNT_MAIL).text)

    # the values the operator must type are all in the instructions
    thread = _operator_thread(said, lambda text: api.ask_complement(numero, {DOMICILE: "illisible"}, "À refaire."))
    manual.ask_complement(numero, {DOMICILE: "illisible"}, "À refaire.")
    thread.join(timeout=60)
    applicant.mail(NOTIFICATION_MAIL)
    thread = _operator_thread(said, seen.append)
    manual.decide_favorably(numero, date(2027, 1, 1), date(2027, 12, 31), "225")
    thread.join(timeout=60)
    assert "carte valable du 01/01/2027 au 31/12/2027" in seen[-1] and "montant de la taxe : 225 euros" in seen[-1]
    assert [a.how[-4:] for a in attested] == ["1.ok", "2.ok", "3.ok"]
    api.close()


def test_manual_reports_the_target_refusal_and_times_out_in_french(tmp_path: Path) -> None:
    said: queue.Queue[str] = queue.Queue()
    attested: list[Attestation] = []
    manual = Manual(say=said.put, record=attested.append, folder=tmp_path, timeout=60, tty=False)
    _operator_thread(said, lambda text: None, answer="ko", content="Action impossible : la demande est à l'état « Dépôt ».")
    with pytest.raises(BackOfficeRefused, match="refus de la cible : Action impossible"):
        manual.mark_available("1" * 19)
    hurried = Manual(say=said.put, record=attested.append, folder=tmp_path, timeout=0.3, tty=False)
    with pytest.raises(ManualTimeout, match=r"Personne n'a confirmé l'action « Démarrez l'instruction de la demande\. » sur la demande n° 1{19} "
                                                r"sur le back-office en 0\.3 s \(--manual-timeout\)"):
        hurried.start_instruction("1" * 19)
    assert attested == []
    assert "Démarrez l'instruction de la demande." in said.get_nowait()  # asked, never confirmed


INNER_CONFTEST = """
import pytest
from harness.target import Target

@pytest.fixture(scope="session")
def target():
    return Target(base_url="http://127.0.0.1:9", mailbox_url="http://127.0.0.1:9", operator_url=None)
"""

INNER_TEST = """
import re
from pathlib import Path

def test_attested(backoffice):
    said = backoffice.say
    def operator(text):  # the operator acts at once and confirms
        said(text)
        Path(re.search(r"créez le fichier (\\S+\\.ok)", text).group(1)).write_text("")
    backoffice.say = operator
    backoffice.start_instruction("1234567890123456789")
"""


def test_manual_mode_is_in_the_terminal_junit_and_html_report_and_auto_skips_elsewhere(pytester: pytest.Pytester,
                                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(INNER_CONFTEST)
    pytester.makepyfile(test_inner=INNER_TEST)
    plugins = ["-p", "harness.plugin", "-p", "pytest_metadata.plugin", "-p", "pytest_html.plugin"]
    result = pytester.runpytest(*plugins, "--backoffice", "manuel", "--junitxml", "junit.xml", "--html", "r.html")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*Back-office : action n° 1 à faire par l'opérateur*",
                                 "*demande n° 1234567890123456789*", "*Démarrez l'instruction*"])
    props = [(p.get("name"), p.get("value")) for p in ET.parse(pytester.path / "junit.xml").iter("property")]
    assert ("backoffice", "manuel") in props
    [line] = [v for n, v in props if n == "backoffice_atteste_par_operateur"]
    assert line.startswith("demande n° 1234567890123456789 : Démarrez l'instruction de la demande. — confirmé par l'opérateur")
    report = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert "operateur-atteste" in report and "Attest\\u00e9 par l" in report
    skipped = pytester.runpytest(*plugins, "-rs")
    skipped.assert_outcomes(skipped=1)
    skipped.stdout.fnmatch_lines(["*--backoffice manuel*"])
    refused = pytester.runpytest(*plugins, "--backoffice", "acme")
    assert refused.ret == pytest.ExitCode.USAGE_ERROR
    refused.stderr.fnmatch_lines(["*--backoffice acme : aucun back-office de ce nom*simulateur-api*"])
