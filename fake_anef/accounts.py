"""Identities, titles, accounts, passwords and link tokens: the rules of guide 01, in one place."""

from __future__ import annotations

import re
import secrets
import string
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from . import security
from .clock import Clock
from .store import Compte, Identite, Jeton, Store, Titre

LINK_VALIDITY = timedelta(hours=24)  # guide 01 §III: "ce lien n'est valable que 24 heures"
SPECIAL_CHARACTERS = set(string.punctuation)  # the guides list several sets; any ASCII punctuation counts
# OWASP's minimum for argon2id (19 MiB, 2 passes): real hashing, but cheap enough for property tests.
T = TypeVar("T")
HASH_PARAMETERS: dict[str, Any] = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}  # PasswordHasher keywords
_hasher = PasswordHasher(**HASH_PARAMETERS)


def password_problems(password: str) -> list[str]:
    """The rules of guide 01 §III / 02 §6 that `password` breaks, as keys of texts.ERREURS."""
    problems = []
    if len(password) < 8:
        problems.append("mdp_longueur")
    if not any(c.isupper() for c in password):
        problems.append("mdp_majuscule")
    if not any(c.islower() for c in password):
        problems.append("mdp_minuscule")
    if not any(c.isdigit() for c in password):
        problems.append("mdp_chiffre")
    if not any(c in SPECIAL_CHARACTERS for c in password):
        problems.append("mdp_special")
    return problems


def temporary_password() -> str:
    """A 12-character password that satisfies every rule, like the guide's ")JYHkKgwH3a7"."""
    alphabet = string.ascii_letters + string.digits + "*$%&@!~>?_()"
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(12))
        if not password_problems(candidate):
            return candidate


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def fold(text: str) -> str:
    """Compare names as a clerk would: no accents, case, hyphens or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-'’]+", " ", letters).strip().casefold()


@dataclass
class Accounts:
    """The account operations the web pages call; each opens its own unit of work."""

    store: Store
    clock: Clock
    faults: frozenset[str] = frozenset()

    def password_problems(self, password: str) -> list[str]:
        problems = password_problems(password)
        if "mot_de_passe_sans_special" in self.faults:
            problems = [p for p in problems if p != "mdp_special"]
        return problems

    # Reference data -----------------------------------------------------------------------------
    def register_identite(self, s: Session, **values: object) -> Identite:
        return _upsert(s, Identite, values["numero_etranger"], values)

    def register_titre(self, s: Session, **values: object) -> Titre:
        return _upsert(s, Titre, values["numero"], values)

    def find_titre(self, s: Session, numero: str, debut: date, fin: date) -> Titre | None:
        titre = s.get(Titre, numero.strip().upper())
        if titre and titre.date_debut == debut and titre.date_fin == fin:
            return titre
        return None

    def find_identite(
        self, s: Session, numero: str, nom: str, prenom: str, naissance: date | None, annee: int | None
    ) -> Identite | None:
        ident = s.get(Identite, numero)
        if ident is None or fold(ident.nom) != fold(nom) or fold(ident.prenom) != fold(prenom):
            return None
        if naissance is not None and ident.date_naissance != naissance:
            return None
        if naissance is None and annee is not None and ident.date_naissance.year != annee:
            return None
        return ident

    # Accounts ----------------------------------------------------------------------------------
    def by_identifiant(self, s: Session, identifiant: str) -> Compte | None:
        identifiant = identifiant.strip()
        found = s.scalar(select(Compte).where(Compte.identifiant == identifiant))
        if found is None and "@" in identifiant:
            found = s.scalar(select(Compte).where(Compte.identifiant == identifiant.lower()))
        return found

    def email_taken(self, s: Session, email: str) -> bool:
        return s.scalar(select(Compte).where(Compte.identifiant == email.lower())) is not None

    def create_temporary(self, s: Session, email: str, password: str | None = None,
                         password_hash: str | None = None) -> tuple[Compte, str]:
        """Path a: the e-mail is the identifiant; a temporary password that must be reset (pass it
        with its hash, made off the event loop, from a page)."""
        if password is None or password_hash is None:
            password = temporary_password()
            password_hash = hash_password(password)
        compte = Compte(
            identifiant=email.lower(), email=email, kind="temporaire", password_hash=password_hash,
            must_reset=True, active=True, created_at=self.clock.now(),
        )
        s.add(compte)
        s.flush()
        return compte, password

    def active_account_for(self, s: Session, numero_etranger: str) -> bool:
        """Paths b and c refuse a numéro étranger whose account is already active: running them
        again must never replace the e-mail of an account someone uses (account takeover)."""
        compte = self.by_identifiant(s, numero_etranger)
        return compte is not None and compte.active

    def create_pending(self, s: Session, ident: Identite, email: str) -> Compte | None:
        """Paths b and c: identifiant = numéro étranger; active once the e-mail link sets a password.
        A pending account whose link expired is replaced, so the user can start again; an active
        account is left alone (None)."""
        compte = self.by_identifiant(s, ident.numero_etranger)
        if compte is not None and compte.active:
            return None
        if compte is None:
            compte = Compte(identifiant=ident.numero_etranger, created_at=self.clock.now(), kind="usager")
            s.add(compte)
        compte.email = email
        compte.nom, compte.prenom = ident.nom, ident.prenom
        compte.numero_etranger = ident.numero_etranger
        compte.active = False
        s.flush()
        return compte

    def set_password(self, s: Session, compte: Compte, password: str, password_hash: str | None = None) -> None:
        """The new password (its hash may be made beforehand, off the event loop); every session
        of the account opened before ends (security.end_sessions)."""
        compte.password_hash = password_hash or hash_password(password)
        compte.must_reset = False
        compte.active = True
        security.end_sessions(s, f"compte_id:{compte.id}")

    def authenticate(self, s: Session, identifiant: str, password: str) -> Compte | None:
        compte = self.by_identifiant(s, identifiant)
        if not security.verify(compte.password_hash if compte else None, password):
            return None
        return compte

    async def login(self, identifiant: str, password: str) -> tuple[Compte | None, str | None]:
        """(account, None) or (None, "trop_de_tentatives" | "identifiants_incorrects"): throttled per
        identifiant, the hash checked in a worker thread, the same cost for an unknown account."""
        def find(s: Session) -> tuple[Compte | None, str | None]:
            compte = self.by_identifiant(s, identifiant)
            return compte, compte.password_hash if compte else None

        return await security.checked_login(self.store, "usager", identifiant, password, self.clock.now(), find)

    # Tokens ------------------------------------------------------------------------------------
    def issue_token(self, s: Session, compte: Compte, purpose: str) -> str:
        """A new link; the account's earlier unused links for the same purpose are void."""
        now = self.clock.now()
        _void_tokens(s, compte.id, purpose)
        token = secrets.token_urlsafe(32)
        s.add(Jeton(token=token, compte_id=compte.id, purpose=purpose, created_at=now, expires_at=now + LINK_VALIDITY))
        return token

    def check_token(self, s: Session, token: str, purpose: str) -> tuple[Jeton | None, str | None]:
        """Returns (token, None) when usable, else (None or token, the reason key in texts.LIEN)."""
        jeton = s.get(Jeton, token)
        if jeton is None or jeton.purpose != purpose:
            return None, "expire"
        if jeton.used_at is not None:
            return jeton, "utilise"
        if jeton.expires_at <= jeton.created_at:  # voided by a newer link or by a link used
            return jeton, "remplace"
        late = timedelta(minutes=5) if "lien_valable_24_h_05" in self.faults else timedelta(0)  # fault mode
        if self.clock.now() > jeton.expires_at + late and "lien_sans_expiration" not in self.faults:
            return jeton, "expire"
        return jeton, None

    def use_token(self, s: Session, jeton: Jeton) -> None:
        """The link is used up, and every other link of the account still unused is void."""
        jeton.used_at = self.clock.now()
        _void_tokens(s, jeton.compte_id, None, keep=jeton.token)


def _void_tokens(s: Session, compte_id: int, purpose: str | None, keep: str | None = None) -> None:
    """A void link has an empty validity window (expires_at = created_at): check_token says so."""
    query = update(Jeton).where(Jeton.compte_id == compte_id, Jeton.used_at.is_(None))
    if purpose is not None:
        query = query.where(Jeton.purpose == purpose)
    if keep is not None:
        query = query.where(Jeton.token != keep)
    s.execute(query.values(expires_at=Jeton.created_at).execution_options(synchronize_session=False))


def _upsert(s: Session, model: type[T], key: object, values: dict[str, object]) -> T:
    """Reference data registered twice is updated, not duplicated."""
    row = s.get(model, key)
    if row is None:
        row = model(**values)
        s.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    return row
