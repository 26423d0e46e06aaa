"""Issue 14 over HTTP: what one request may ask of the wizard (pt 2), uploads of six applicants at
once (pt 3), files whose content is not the format their name claims (pt 10), bad input that gave a
500 (pt 11) and a file deletion whose commit fails (pt 12). Each test failed on the portal before
the fix (see the docstrings) and passes after."""

from __future__ import annotations

import asyncio
import io
import json
import math
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest
from PIL import Image
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransaction
from starlette.testclient import TestClient

from fake_anef.store import Piece
from fake_anef.web.limits import MAX_BODY, BodyLimit
from harness import fichiers

from .conftest import PortalClient
from .wizard_http import BASE, Applicant, Page, new_applicant
from .wizard_saisies import MO, informations, motif_de_sejour, real_file

ACTION_INCONNUE = "Cette action n'est pas proposée sur cette page : rien n'a été enregistré."
TROP_D_ELEMENTS = "Le formulaire envoyé déclare plus d'éléments que la page n'en permet : rien n'a été enregistré."
PIECE_INCONNUE = "Ce document n'est pas joint à votre demande"
FORMAT = "les formats acceptés sont .jpg, .png, .pdf, .tiff, .bmp."
PDF = fichiers.pdf("a.pdf")["buffer"]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def motif(portal: PortalClient) -> Applicant:
    """An applicant at "Motif de séjour" (its group "enfants" has at most 12 elements)."""
    applicant = new_applicant(portal)
    applicant.reach("motif-de-sejour", info=informations())
    return applicant


@pytest.fixture(scope="module")
def uploader(portal: PortalClient) -> Applicant:
    applicant = new_applicant(portal)
    applicant.reach("justificatifs")
    return applicant


# Pt 2: bounds ---------------------------------------------------------------------------------------
def test_a_repeat_index_beyond_the_maximum_is_refused_before_any_work(motif: Applicant) -> None:
    """Before: `enfants-30000-nom` made the page count and draw 30,001 elements (64 s)."""
    started = time.monotonic()
    page = motif.submit("motif-de-sejour", {**motif_de_sejour(a_enfants="oui"), "enfants-30000-nom": "x"})
    elapsed = time.monotonic() - started
    assert page.status == 400 and TROP_D_ELEMENTS in page, (page.status, page.general)
    assert len(page.html) < 500_000, "the refusal drew the 30,000 elements"
    print(f"refused in {elapsed:.2f} s")


def test_a_hidden_group_cannot_be_saved_beyond_its_maximum(motif: Applicant) -> None:
    """Before: with "a_enfants: non" the group is hidden, not validated, and its 13th… element saved."""
    values = {**motif_de_sejour(a_enfants="non"), **{f"enfants-{i}-nom": "X" for i in range(13)}}
    page = motif.submit("motif-de-sejour", values)
    assert page.status == 400 and TROP_D_ELEMENTS in page
    assert "enfants-12-nom" not in motif.step("motif-de-sejour").values()


def test_a_nested_multiple_field_cannot_go_beyond_its_maximum(motif: Applicant) -> None:
    values = {**motif_de_sejour(a_enfants="oui"), "enfants-0-nom": "X", "enfants-0-prenoms-500": "Y"}
    page = motif.submit("motif-de-sejour", values)
    assert page.status == 400 and TROP_D_ELEMENTS in page


def test_too_many_form_fields_get_a_french_page(motif: Applicant) -> None:
    values = {**motif_de_sejour(), **{f"champ{i}": "x" for i in range(2500)}}
    response = motif.http.post(f"{BASE}/etapes/motif-de-sejour", data=values)
    assert response.status_code == 400 and "Formulaire non reçu" in Page(response), response.text[:200]


def test_a_50_mib_upload_is_refused_with_a_413_page(uploader: Applicant) -> None:
    """Before: the 50 MiB were read whole, then refused (422) as a file over 10 Mo."""
    big = b"%PDF-1.4\n" + b"0" * (50 * MO)
    response = uploader.http.post(f"{BASE}/etapes/justificatifs", data={"_action": "joindre:domicile"},
                                  files={"fichier-domicile": ("gros.pdf", big, "application/pdf")})
    assert response.status_code == 413
    assert "Envoi trop volumineux" in Page(response) and "il n'a pas été reçu" in Page(response)
    assert uploader.step("justificatifs").status == 200  # the connection and the session still work


def run_loop(func: Any, *args: Any) -> Any:
    """anyio.run in a thread of its own: an earlier browser test of the same session (Playwright's sync
    API, whose browser is session-scoped) keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, func, *args).result()


def test_a_streamed_body_is_counted_and_cut_at_the_limit() -> None:
    """A body without Content-Length (chunked) is read only up to the limit, then refused."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while (await receive()).get("more_body"):
            pass
        raise AssertionError("the whole body was read")

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += MO
        return {"type": "http.request", "body": b"0" * MO, "more_body": pulled < 50 * MO}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    limit = BodyLimit(app, limit=5 * MO)
    scope = {"type": "http", "method": "POST", "path": "/__sim__/x", "headers": [], "query_string": b""}
    run_loop(limit, scope, receive, send)
    assert sent[0]["status"] == 413 and pulled <= 6 * MO
    assert MAX_BODY < 50 * MO


# Pt 3: six applicants upload three files each, at once ------------------------------------------------
def test_six_applicants_uploading_three_files_at_once_get_no_500(portal: PortalClient) -> None:
    """Before: the write transaction was held across `await upload.read()`: on one event loop (as
    under `anef serve`), the others waited on the lock and five of six got a 500 "database is locked"."""
    applicants = [new_applicant(portal) for _ in range(6)]
    for a in applicants:
        a.reach("justificatifs")
    big_pdf = real_file("pdf", int(1.5 * MO))  # over Starlette's 1 MiB spool: read from disk, in a thread
    files = [(f"fichier-{jid}", (f"{jid}.pdf", big_pdf, "application/pdf")) for jid in ("nationalite", "domicile", "filiation")]

    async def upload(a: Applicant) -> int:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=portal.http.app), base_url="http://testserver",
                                     cookies=dict(a.http.cookies)) as client:
            response = await client.post(f"{BASE}/etapes/justificatifs", data={"_action": "joindre:domicile"}, files=files)
            return response.status_code

    async def all_at_once() -> list[int]:
        return list(await asyncio.gather(*(upload(a) for a in applicants)))

    statuses = run_loop(all_at_once)
    assert all(s < 500 for s in statuses), statuses
    for a in applicants:
        page = a.step("justificatifs")
        assert [len(page.pieces(j)) for j in ("nationalite", "domicile", "filiation")] == [1, 1, 1]


# Pt 10: the content must be the format the name claims ------------------------------------------------
@pytest.mark.parametrize("name, content", [
    ("scan.pdf", png()),
    ("scan.bmp", b"BM" + b"<html><body><script>alert(1)</script></body></html>" * 3),
    ("scan.pdf", b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>"),
])
def test_a_file_whose_content_is_not_its_claimed_format_is_refused(uploader: Applicant, name: str, content: bytes) -> None:
    uploader.remove_pieces("domicile")
    page = uploader.join("domicile", name, content)
    assert page.status == 422 and FORMAT in (page.error("fichier-domicile") or ""), page.errors()
    assert page.pieces("domicile") == []


def test_a_1000_character_name_keeps_its_extension(uploader: Applicant) -> None:
    """Before: the name was cut at 120 characters, losing ".pdf", then refused as a format error."""
    uploader.remove_pieces("domicile")
    page = uploader.join("domicile", "relevé" * 166 + "x.pdf", PDF)
    assert page.status == 200, page.errors()
    [(link, shown)] = page.pieces("domicile")
    assert shown.endswith(".pdf") and shown.startswith("relevé") and len(shown) <= 120
    assert uploader.http.get(link).content == PDF


# Pt 11: bad input gets a clear refusal, never a 500 ------------------------------------------------
def test_a_20_digit_piece_id_is_a_404(uploader: Applicant) -> None:
    assert uploader.http.get("/pieces/99999999999999999999").status_code == 404
    page = uploader.submit("justificatifs", {}, action="supprimer:99999999999999999999")
    assert page.status == 404 and PIECE_INCONNUE in page


@pytest.mark.parametrize("action", ["inconnue", "enregistrer:x", "ajouter:nimporte", "retirer:prenoms:abc",
                                    "ephoto:voler", "valider:situation", "joindre:nimporte"])
def test_an_unknown_action_is_refused_with_a_message(motif: Applicant, action: str) -> None:
    """Before: silently ignored (the page came back, 200, as if nothing had been asked)."""
    page = motif.submit("motif-de-sejour", motif_de_sejour(), action=action)
    assert page.status == 400 and ACTION_INCONNUE in page, (action, page.status)


def test_a_refused_ephoto_keeps_what_was_typed(uploader: Applicant) -> None:
    """Before: the field came back empty."""
    page = uploader.confirm_ephoto("12345 abc")
    assert page.status == 422 and page.error("ephoto")
    assert page.values().get("ephoto") == "12345 abc"


def test_an_arabic_indic_digit_in_a_day_is_refused(portal: PortalClient) -> None:
    applicant = new_applicant(portal)
    applicant.reach("informations-personnelles")
    page = applicant.submit("informations-personnelles", informations(date_naissance_jour="٤"))
    assert page.status == 422 and page.error("date_naissance"), page.errors()


def test_a_multipart_body_without_boundary_gets_a_french_page(uploader: Applicant) -> None:
    response = uploader.http.post(f"{BASE}/etapes/justificatifs", content=b"--x\r\n",
                                  headers={"Content-Type": "multipart/form-data"})
    assert response.status_code == 400 and "Formulaire non reçu" in Page(response), response.text[:200]
    assert "SIMULATEUR" in Page(response)  # the portal's page, not a bare line


@pytest.mark.parametrize("body", [{"advance_hours": "abc"}, {"advance_hours": 1e12}, {"advance_hours": math.nan},
                                  {"advance_hours": None}, {"offset_seconds": "1e400"}])
def test_the_operator_clock_refuses_what_is_not_a_number_of_hours(portal: PortalClient, body: dict[str, Any]) -> None:
    client = TestClient(portal.http.app, raise_server_exceptions=False)
    response = client.post("/__sim__/clock", content=_json(body), headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422) and response.json()["error"], response.text


@pytest.mark.parametrize("path, body", [
    ("/__sim__/titres", {"numero": "T1", "kind": "titre", "date_debut": "2024-01-01", "date_fin": "2026-01-01",
                         "titulaire": "n'importe quoi"}),
    ("/__sim__/identites", {"numero_etranger": "7501234567", "nom": "A", "prenom": "B", "date_naissance": "1990-01-01",
                            "pays_naissance": "ZZZZ", "nationalite": "CA"}),
    ("/__sim__/identites", {"numero_etranger": ["7501234567"], "nom": "A", "prenom": "B",
                            "date_naissance": "1990-01-01", "pays_naissance": "CA", "nationalite": "CA"}),
])
def test_the_operator_api_refuses_bad_reference_data(portal: PortalClient, path: str, body: dict[str, Any]) -> None:
    client = TestClient(portal.http.app, raise_server_exceptions=False)
    response = client.post(path, content=_json(body), headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422) and response.json()["error"], response.text


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()  # NaN is written as NaN, as a careless client would


# Pt 12: a file is removed only once its row is -------------------------------------------------------
def test_a_deletion_whose_commit_fails_leaves_the_file_readable(uploader: Applicant, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the file was unlinked before the commit; the commit failing, the row stayed, listed,
    and its link answered 500."""
    uploader.remove_pieces("domicile")
    page = uploader.join("domicile", "facture.pdf", PDF)
    [(link, _)] = page.pieces("domicile")
    [piece_id] = page.piece_ids("domicile")

    def mark(session: Session, _context: Any) -> None:
        if any(isinstance(o, Piece) for o in session.deleted):
            session.info["piece_deleted"] = True

    commit = SessionTransaction.commit

    def failing_commit(self: SessionTransaction, _to_root: bool = False) -> Any:
        if self.session.info.pop("piece_deleted", False):
            raise OperationalError("COMMIT", {}, Exception("database is locked"))
        return commit(self, _to_root)

    event.listen(Session, "before_flush", mark)
    monkeypatch.setattr(SessionTransaction, "commit", failing_commit)
    try:
        client = TestClient(uploader.http.app, raise_server_exceptions=False, cookies=uploader.http.cookies)
        failed = client.post(f"{BASE}/etapes/justificatifs", data={"_action": f"supprimer:{piece_id}"})
        assert failed.status_code == 500
    finally:
        monkeypatch.undo()
        event.remove(Session, "before_flush", mark)
    page = uploader.step("justificatifs")
    assert page.pieces("domicile") == [(link, "facture.pdf")]  # the row stayed…
    assert uploader.http.get(link).content == PDF  # …and so did its file
