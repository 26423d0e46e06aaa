"""A connected user's way into a téléprocédure: "Je sollicite ou renouvelle un titre de séjour pour :"
then "Votre situation actuelle" (guide 03 §7-8, 04 §11-13, 05 §11-13). Which item leads to which
procedure is read from the procedure definitions (acces.situation, acces.renouvellement)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from .. import texts
from ..engine.conditions import mois_apres
from ..engine.definition import Definition, by_renouvellement, by_situation
from ..store import Compte, Titre
from .forms import Form
from .pages import current_account, portal, redirect, render

S = texts.SITUATION_ACTUELLE


def _options() -> list[tuple[str, str]]:
    return [(c["id"], c["libelle"]) for c in texts.POUR_QUI["choix"]]


async def pour_qui(request: Request) -> Response:
    """Guide 04 §12: "Moi-même" or "Un mineur de plus de 16 ans"."""
    if request.method == "GET":
        return render(request, "pour_qui.html", form=None, options=_options())
    form = Form.read(await request.form())
    if form.get("pour") == "moi-meme":
        return redirect(request, "situation_actuelle")
    if form.get("pour") == "mineur":
        return render(request, "non_simule.html", libelle=texts.POUR_QUI["choix"][1]["libelle"])
    form.errors["pour"] = texts.POUR_QUI["choisir"]
    return render(request, "pour_qui.html", status_code=422, form=form, options=_options())


def current_title(request: Request, compte: Compte) -> Titre | None:
    """The account holder's most recent title or visa, as the administration knows it."""
    if not compte.numero_etranger:
        return None
    with portal(request).store.session() as s:
        return s.scalar(
            select(Titre).where(Titre.numero_etranger == compte.numero_etranger).order_by(Titre.date_fin.desc())
        )


def renewal_opening(renewal: Definition, titre: Titre | None) -> date | None:
    """Guide 01 FAQ 3: the first day a renewal may be filed (None: no window in the definition)."""
    if renewal.delai_renouvellement is None or titre is None or titre.date_fin is None:
        return None
    fin = titre.date_fin.date() if isinstance(titre.date_fin, datetime) else titre.date_fin
    return mois_apres(fin, -renewal.delai_renouvellement[0])


def _render(request: Request, titre: Titre | None, renewal: Definition | None, form: Form | None, status: int = 200) -> Response:
    return render(request, "situation_actuelle.html", status_code=status, form=form, titre=titre, renouvelable=renewal is not None)


async def situation_actuelle(request: Request) -> Response:
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    titre = current_title(request, compte)
    renewal = by_renouvellement(titre.categorie) if titre else None
    if titre is not None and titre.kind == "visa" and "visa_non_renouvelable" in portal(request).faults:
        renewal = None  # fault mode: guide 04 §4 Option 2 (a visa holder's renewal) broken
    if request.method == "GET":
        return _render(request, titre, renewal, None)
    form = Form.read(await request.form())
    motif = form.get("motif")
    if motif == "renouvellement" and renewal is not None:
        opening = renewal_opening(renewal, titre)
        delai = renewal.delai_renouvellement  # an opening date means the definition has a window
        p = portal(request)
        if opening is not None and delai is not None and p.clock.today() < opening - timedelta(days=p.faults.renewal_days_early):
            form.errors["motif"] = delai[1].format(date=f"{opening:%d/%m/%Y}")
            return _render(request, titre, renewal, form, 422)
        return RedirectResponse(request.url_for("demarche", procedure=renewal.id), status_code=303)
    item = next((m for m in S["motifs"] if m["libelle"] == motif), None)
    if item is None:
        form.errors["motif"] = S["choisir"]
        return _render(request, titre, renewal, form, 422)
    libelle = item["libelle"]
    if item.get("sous"):
        if form.get("sous_motif") not in item["sous"]:
            form.errors["sous_motif"] = S["choisir_sous"]
            return _render(request, titre, renewal, form, 422)
        libelle = form.get("sous_motif")
    definition = by_situation(libelle)
    if definition is None:
        return render(request, "non_simule.html", libelle=libelle)
    return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)


routes = [
    Route("/espace/situation", situation_actuelle, methods=["GET", "POST"], name="situation_actuelle"),
]
