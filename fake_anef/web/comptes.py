"""Public pages and the three ways to create an account (guide 01; 02 §1-6; 03 §1-6; 04 §5-10)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from .. import security, texts
from ..accounts import temporary_password
from ..countries import all_countries
from ..store import Compte, Identite
from . import demarche, espace
from .forms import Form
from .pages import current_account, end_sessions, open_session, portal, redirect, render, send_mail

BRIQUES = {b["id"]: b for b in texts.BRIQUES}


async def accueil(request: Request) -> Response:
    return render(request, "accueil.html")


async def non_simule(request: Request) -> Response:
    brique = BRIQUES.get(request.path_params["brique"])
    return render(request, "non_simule.html", libelle=brique["libelle"] if brique else None)


async def brique(request: Request) -> Response:
    name = request.path_params["brique"]
    if name == "titre-de-sejour":
        return await demander_titre(request)
    if name == "premiere-demande":
        return await premiere_demande(request)
    return await non_simule(request)


# "Je demande ou renouvelle un titre de séjour" --------------------------------------------------
async def demander_titre(request: Request) -> Response:
    if current_account(request):
        return await espace.pour_qui(request)
    if request.method == "GET":
        return render(request, "demander_titre.html", form=None)
    form = Form.read(await request.form())
    pour, situation = form.get("pour"), form.get("situation")
    if pour == "mineur-bpi":
        return render(request, "non_simule.html", libelle=texts.DEMANDER_TITRE["mineur_bpi"])
    if pour != "moi-meme":
        form.errors["pour"] = texts.DEMANDER_TITRE["choisir"]
    elif situation in ("titre", "visa"):
        return redirect(request, "connexion")
    elif situation == "numero":
        return redirect(request, "creation_numero")
    else:
        form.errors["situation"] = texts.DEMANDER_TITRE["choisir_situation"]
    return render(request, "demander_titre.html", status_code=422, form=form)


# Path a: "Je demande un premier titre -sans numéro étranger, sans visa-" -------------------------
def _choice_options() -> list[tuple[str, str]]:
    return [(c["id"], c["libelle"]) for c in texts.PREMIERE_DEMANDE["choix"]]


async def premiere_demande(request: Request) -> Response:
    if current_account(request):
        return await _premiere_demande_choice(request)
    if request.method == "GET":
        return render(request, "compte_sans_numero.html", form=None)
    form = Form.read(await request.form())
    email = form.email_pair("email", "email_confirmation")
    p = portal(request)
    if email:
        password = temporary_password()
        password_hash = await security.hash_in_thread(password)
        with p.store.session() as s:
            if p.accounts.email_taken(s, email):
                form.error("email", "email_deja_utilise")
            else:
                compte, password = p.accounts.create_temporary(s, email, password, password_hash)
    if not form.ok or not email:  # no e-mail: the form says why
        return render(request, "compte_sans_numero.html", status_code=422, form=form)
    await send_mail(p, email, "compte_temporaire", identifiant=compte.identifiant, mot_de_passe=password,
                lien=p.url(str(request.url_for("connexion").path)))
    p.journal("compte_temporaire", identifiant=compte.identifiant)
    return render(request, "creation_enregistree.html", par_numero=False)


async def _premiere_demande_choice(request: Request) -> Response:
    if request.method == "GET":
        # A demande already begun is resumed at its last saved step (guide 02 §4 mail).
        resume = demarche.resume_url(request, request.session["compte_id"])
        if resume:
            return RedirectResponse(resume, status_code=303)
        return render(request, "premiere_demande.html", form=None, options=_choice_options())
    form = Form.read(await request.form())
    choix = {c["id"]: c["libelle"] for c in texts.PREMIERE_DEMANDE["choix"]}
    if form.get("motif") not in choix:
        form.errors["motif"] = texts.PREMIERE_DEMANDE["choisir"]
        return render(request, "premiere_demande.html", status_code=422, form=form, options=_choice_options())
    # The téléprocédure behind each choice is the definition whose "acces.motif" names it.
    definition = demarche.procedure_for_motif(form.get("motif"))
    if definition is not None:
        return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
    return render(request, "non_simule.html", libelle=choix[form.get("motif")])


# Path b: numéro étranger without a title ---------------------------------------------------------
def _country_options() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    countries = all_countries()
    return [(c.code, c.nom) for c in countries], [(c.code, c.nationalite) for c in countries]


async def creation_numero(request: Request) -> Response:
    pays, nationalites = _country_options()
    if request.method == "GET":
        return render(request, "compte_numero.html", form=None, pays_options=pays, nationalite_options=nationalites)
    form = Form.read(await request.form())
    form.required("numero_etranger", "nom", "prenom", "pays_naissance", "nationalite")
    numero = form.get("numero_etranger").replace(" ", "")
    any_length = "numero_etranger_sans_longueur" in portal(request).settings.faults  # fault mode
    if numero and not (numero.isdigit() and (len(numero) == 10 or any_length)):
        form.errors["numero_etranger"] = texts.ERREURS["numero_etranger"]
    approximative = bool(form.get("approximative"))
    naissance = form.date("naissance", year_only=approximative)
    if naissance and naissance > portal(request).clock.today():
        form.error("naissance", "date_future")
    annee = int(form.get("naissance_annee")) if approximative and "naissance" not in form.errors else None
    if form.ok:
        p = portal(request)
        with p.store.session() as s:
            ident = p.accounts.find_identite(s, numero, form.get("nom"), form.get("prenom"), naissance, annee)
            if ident and (ident.pays_naissance, ident.nationalite) != (form.get("pays_naissance"), form.get("nationalite")):
                ident = None
            existing = ident is not None and p.accounts.active_account_for(s, ident.numero_etranger)
        if ident is None:
            form.general = texts.COMPTE_NUMERO_ERREURS["inconnu"]
        elif existing:  # as path c: the identity matched, so say only that an account exists
            form.general = texts.CREATION_TITRE["compte_existant"]
        else:
            request.session["creation"] = {"numero_etranger": ident.numero_etranger, "chemin": "numero"}
            return redirect(request, "saisie_email")
    return render(request, "compte_numero.html", status_code=422, form=form, pays_options=pays, nationalite_options=nationalites)


# Path c: title or visa, from the login page ------------------------------------------------------
async def creation_titre(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "creation_titre.html", creation_form=None)
    form = Form.read(await request.form())
    form.required("numero")
    numero = form.get("numero").replace(" ", "").upper()
    if numero and not (numero.isalnum() and 9 <= len(numero) <= 12):
        form.errors["numero"] = texts.ERREURS["numero_titre"]
    debut, fin = form.date("debut"), form.date("fin")
    if debut and fin and fin <= debut:
        form.error("fin", "date_fin_avant_debut")
    if form.ok and debut is not None and fin is not None:  # both dates are required: form.ok says they are there
        p = portal(request)
        with p.store.session() as s:
            titre = p.accounts.find_titre(s, numero, debut, fin)
            existing = p.accounts.by_identifiant(s, titre.numero_etranger) if titre else None
        if titre is None:
            form.general = texts.CREATION_TITRE["inconnu"]
        elif existing is not None and existing.active:
            form.general = texts.CREATION_TITRE["compte_existant"]
        else:
            request.session["creation"] = {"numero_etranger": titre.numero_etranger, "chemin": "titre"}
            return redirect(request, "saisie_email")
    return render(request, "connexion.html", status_code=422, login_form=None, creation_form=form)


async def saisie_email(request: Request) -> Response:
    creation = request.session.get("creation")
    if not creation:
        return redirect(request, "connexion")
    p = portal(request)
    # Path b: guide 03 §3 titles the page "Compléter les renseignements suivants pour accéder à vos
    # services." where guide 01 §II shows "Saisissez votre adresse email" (path c's title, guides 01
    # §III and 04 §5). Guide 03 wins for path b: it shows the whole path, screen by screen, and its
    # link mail (point 14); guide 01 §II is a FAQ that describes an older path b (temporary password).
    chemin_b = creation["chemin"] == "numero" and p.faults.own_email_page
    if request.method == "GET":
        return render(request, "saisie_email.html", form=None, chemin_b=chemin_b)
    form = Form.read(await request.form())
    email = form.email_pair("email", "email_confirmation")
    if not email:
        return render(request, "saisie_email.html", status_code=422, form=form, chemin_b=chemin_b)
    purpose = "confirmation-" + creation["chemin"]
    with p.store.session() as s:
        ident = s.get(Identite, creation["numero_etranger"])
        compte = p.accounts.create_pending(s, ident, email) if ident is not None else None
        token = p.accounts.issue_token(s, compte, purpose) if compte is not None else None
    if token is None or ident is None:  # activated meanwhile (another tab, another person): never replace its e-mail
        request.session.pop("creation", None)
        form.general = texts.CREATION_TITRE["compte_existant"]
        return render(request, "saisie_email.html", status_code=422, form=form, chemin_b=chemin_b)
    model = texts.MAILS["confirmation_email"]
    salutation = (model["salutation_nommee"].format(prenom=ident.prenom, nom=ident.nom)
                  if creation["chemin"] == "numero" else p.faults.greeting(model["salutation"]))
    link = p.url(str(request.url_for("confirmer").path)) + f"?token={token}"
    await send_mail(p, email, "confirmation_email", salutation=salutation, lien=link, lien_connexion=p.url(str(request.url_for("connexion").path)))
    p.journal("confirmation_email", identifiant=ident.numero_etranger)
    request.session.pop("creation", None)
    return render(request, "creation_enregistree.html", par_numero=True)


def _password_form(request: Request, form: Form) -> str | None:
    password, again = form.values.get("mot_de_passe", ""), form.values.get("confirmation", "")
    if not password:
        form.error("mot_de_passe", "obligatoire")
    for problem in portal(request).accounts.password_problems(password) if password else []:
        form.error("mot_de_passe", problem)
    if password and "mot_de_passe" not in form.errors and password != again:
        form.error("confirmation", "mdp_confirmation")
    return password if form.ok else None


async def _ask_password(request: Request, variante: str) -> str | Response:
    """The password form: GET shows it; a POST breaking a rule shows it again with the messages;
    a good POST returns the password."""
    if request.method == "GET":
        return render(request, "mot_de_passe.html", form=None, variante=variante)
    form = Form.read(await request.form())
    password = _password_form(request, form)
    if password is None:
        return render(request, "mot_de_passe.html", status_code=422, form=form, variante=variante)
    return password


async def _set_password_from_link(request: Request, token: str, purpose: str, password: str) -> str | None:
    """Sets the password of the link's account and uses the link up; returns the identifiant
    (None when the link became unusable meanwhile)."""
    p = portal(request)
    password_hash = await security.hash_in_thread(password)
    with p.store.session() as s:
        jeton, raison = p.accounts.check_token(s, token, purpose)
        if raison or jeton is None:
            return None
        compte = s.get(Compte, jeton.compte_id)
        if compte is None:
            return None
        p.accounts.set_password(s, compte, password, password_hash)
        p.accounts.use_token(s, jeton)
        return compte.identifiant


async def confirmer(request: Request) -> Response:
    """The link of the confirmation mail: validates the e-mail and sets the first password."""
    token = request.query_params.get("token", "")
    p = portal(request)
    with p.store.session() as s:
        jeton, raison = p.accounts.check_token(s, token, "confirmation-titre")
        if jeton is None:
            jeton, raison = p.accounts.check_token(s, token, "confirmation-numero")
        variante = "creation" if jeton is not None and jeton.purpose == "confirmation-titre" else "reinitialisation"
    if raison or jeton is None:
        return render(request, "lien_invalide.html", status_code=410, raison=raison)
    password = await _ask_password(request, variante)
    if not isinstance(password, str):
        return password
    identifiant = await _set_password_from_link(request, token, jeton.purpose, password)
    if identifiant is None:
        return render(request, "lien_invalide.html", status_code=410, raison="utilise")
    portal(request).journal("compte_active", identifiant=identifiant)
    return render(request, "compte_cree.html")


# Login, logout, forced reset, forgotten password -------------------------------------------------
async def connexion(request: Request) -> Response:
    """The header's "SE CONNECTER": log in, or create an account with a title (guide 01 §III)."""
    if request.method == "GET":
        message = texts.MOT_DE_PASSE_OUBLIE["modifie"] if request.query_params.get("modifie") else None
        return render(request, "connexion.html", login_form=None, creation_form=None, message=message)
    return await _log_in(request, "connexion.html")


async def se_connecter(request: Request) -> Response:
    """The notification mail's "Se connecter" (guides 02-04, INSTRUCTION étape 2): "Connectez-vous
    pour accéder à vos services", with "Identifiant oublié ?" and "Mot de passe oublié ?"."""
    if request.method == "GET":
        return render(request, "connexion_services.html", login_form=None)
    return await _log_in(request, "connexion_services.html")


async def identifiant_oublie(request: Request) -> Response:
    return render(request, "identifiant_oublie.html")


async def _log_in(request: Request, template: str) -> Response:
    form = Form.read(await request.form())
    form.required("identifiant")
    if not form.values.get("mot_de_passe"):
        form.error("mot_de_passe", "obligatoire")
    p = portal(request)
    compte = None
    if form.ok:
        compte, refus = await p.accounts.login(form.get("identifiant"), form.values["mot_de_passe"])
        if refus == "trop_de_tentatives":  # next to the field it is about
            form.errors["identifiant"] = texts.CONNEXION["trop_de_tentatives"]
        elif compte is None:
            form.general = texts.CONNEXION["identifiants_incorrects"]
        elif not compte.active:
            form.general = texts.CONNEXION["compte_non_confirme"]
    if not form.ok or compte is None:
        return render(request, template, status_code=422, login_form=form, creation_form=None)
    request.session.clear()
    if compte.must_reset:
        request.session["reset_compte_id"] = compte.id
        return redirect(request, "reinitialisation")
    open_session(request, "compte_id", compte.id)
    draft = demarche.draft_url(request, compte.id)
    return RedirectResponse(draft, status_code=303) if draft else redirect(request, "accueil")


async def reinitialisation(request: Request) -> Response:
    """Guide 02 §6: a temporary password must be replaced before anything else."""
    compte_id = request.session.get("reset_compte_id")
    if compte_id is None:
        return redirect(request, "connexion")
    password = await _ask_password(request, "reinitialisation")
    if not isinstance(password, str):
        return password
    p = portal(request)
    password_hash = await security.hash_in_thread(password)
    with p.store.session() as s:
        compte = s.get(Compte, compte_id)
        if compte is None:  # the account is gone (the simulator was reset): start again
            return redirect(request, "connexion")
        p.accounts.set_password(s, compte, password, password_hash)
        temporaire = compte.kind == "temporaire"
    request.session.clear()
    open_session(request, "compte_id", compte_id)
    if temporaire:
        return redirect(request, "brique", brique="premiere-demande")
    return redirect(request, "accueil")


async def mot_de_passe_oublie(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "mot_de_passe_oublie.html", form=None, envoye=False)
    form = Form.read(await request.form())
    form.required("identifiant")
    if not form.ok:
        return render(request, "mot_de_passe_oublie.html", status_code=422, form=form, envoye=False)
    p = portal(request)
    with p.store.session() as s:
        compte = p.accounts.by_identifiant(s, form.get("identifiant"))
        token = p.accounts.issue_token(s, compte, "reinitialisation") if compte and compte.active else None
        email = compte.email if compte else None
    if token and email:
        link = p.url(str(request.url_for("nouveau_mot_de_passe").path)) + f"?token={token}"
        await send_mail(p, email, "mot_de_passe_oublie", lien=link)
        p.journal("mot_de_passe_oublie", identifiant=form.get("identifiant"))
    # The same answer whether the identifiant exists or not: it must not reveal who has an account.
    return render(request, "mot_de_passe_oublie.html", form=None, envoye=True)


async def nouveau_mot_de_passe(request: Request) -> Response:
    token = request.query_params.get("token", "")
    p = portal(request)
    with p.store.session() as s:
        jeton, raison = p.accounts.check_token(s, token, "reinitialisation")
    if raison:
        return render(request, "lien_invalide.html", status_code=410, raison=raison)
    password = await _ask_password(request, "reinitialisation")
    if not isinstance(password, str):
        return password
    if await _set_password_from_link(request, token, "reinitialisation", password) is None:
        return render(request, "lien_invalide.html", status_code=410, raison="utilise")
    return RedirectResponse(f"{request.url_for('connexion')}?modifie=1", status_code=303)


async def deconnexion(request: Request) -> Response:
    """A POST (a button styled as a link): a foreign page cannot log the user out with an image."""
    if current_account(request) is not None:
        end_sessions(request, "compte_id")
    request.session.clear()
    return redirect(request, "accueil")


routes = [
    Route("/", accueil, name="accueil"),
    Route("/demarches/{brique}", brique, methods=["GET", "POST"], name="brique"),
    Route("/informations/{brique}", non_simule, name="non_simule"),
    Route("/connexion", connexion, methods=["GET", "POST"], name="connexion"),
    Route("/se-connecter", se_connecter, methods=["GET", "POST"], name="se_connecter"),
    Route("/identifiant-oublie", identifiant_oublie, name="identifiant_oublie"),
    Route("/deconnexion", deconnexion, methods=["POST"], name="deconnexion"),
    Route("/compte/creation", creation_titre, methods=["GET", "POST"], name="creation_titre"),
    Route("/compte/numero-etranger", creation_numero, methods=["GET", "POST"], name="creation_numero"),
    Route("/compte/email", saisie_email, methods=["GET", "POST"], name="saisie_email"),
    Route("/compte/mot-de-passe", confirmer, methods=["GET", "POST"], name="confirmer"),
    Route("/compte/reinitialisation", reinitialisation, methods=["GET", "POST"], name="reinitialisation"),
    Route("/mot-de-passe-oublie", mot_de_passe_oublie, methods=["GET", "POST"], name="mot_de_passe_oublie"),
    Route("/mot-de-passe/nouveau", nouveau_mot_de_passe, methods=["GET", "POST"], name="nouveau_mot_de_passe"),
]
