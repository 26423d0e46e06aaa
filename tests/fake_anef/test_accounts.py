"""Password rules (guide 01 §III, 02 §6) and the 24-hour link (guide 01 §III)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from fake_anef.accounts import Accounts, fold, password_problems, temporary_password
from fake_anef.clock import Clock
from fake_anef.store import Store


@pytest.mark.parametrize(
    ("password", "problems"),
    [
        ("Abcdef1!", []),
        ("Ab1!efg", ["mdp_longueur"]),
        ("abcdef1!", ["mdp_majuscule"]),
        ("ABCDEF1!", ["mdp_minuscule"]),
        ("Abcdefg!", ["mdp_chiffre"]),
        ("Abcdefg1", ["mdp_special"]),
        ("", ["mdp_longueur", "mdp_majuscule", "mdp_minuscule", "mdp_chiffre", "mdp_special"]),
        ("Éléphant9$", []),
    ],
)
def test_password_rules(password: str, problems: list[str]) -> None:
    assert password_problems(password) == problems


def test_temporary_passwords_follow_the_rules() -> None:
    passwords = {temporary_password() for _ in range(200)}
    assert len(passwords) == 200
    assert all(not password_problems(p) and len(p) == 12 for p in passwords)


def test_names_compare_as_a_clerk_would() -> None:
    assert fold("Müller-Çelik") == fold("MULLER CELIK")
    assert fold("N'Diaye") == fold("n diaye")
    assert fold("Le Gall") != fold("Legal")


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    store = Store(f"sqlite:///{tmp_path / 'anef.db'}")
    store.create_all()
    return Accounts(store, Clock(store))


def _pending(accounts: Accounts) -> tuple[str, int]:
    with accounts.store.session() as s:
        ident = accounts.register_identite(
            s, numero_etranger="7501234567", nom="DIALLO", prenom="Awa", date_naissance=date(1990, 1, 2),
            pays_naissance="SN", nationalite="SN",
        )
        s.flush()
        compte = accounts.create_pending(s, ident, "awa@example.org")
        return accounts.issue_token(s, compte, "confirmation-titre"), compte.id


def test_a_link_is_valid_for_24_hours(accounts: Accounts) -> None:
    token, _ = _pending(accounts)
    accounts.clock.set_offset(timedelta(hours=23, minutes=59))
    with accounts.store.session() as s:
        assert accounts.check_token(s, token, "confirmation-titre")[1] is None
    accounts.clock.set_offset(timedelta(hours=24, minutes=1))
    with accounts.store.session() as s:
        assert accounts.check_token(s, token, "confirmation-titre")[1] == "expire"


def test_a_link_is_used_once(accounts: Accounts) -> None:
    token, compte_id = _pending(accounts)
    with accounts.store.session() as s:
        jeton, reason = accounts.check_token(s, token, "confirmation-titre")
        assert reason is None
        accounts.use_token(s, jeton)  # type: ignore[arg-type]
    with accounts.store.session() as s:
        assert accounts.check_token(s, token, "confirmation-titre")[1] == "utilise"
        assert accounts.check_token(s, token, "reinitialisation")[1] == "expire"


def test_an_account_is_inactive_until_its_password_is_set(accounts: Accounts) -> None:
    _, compte_id = _pending(accounts)
    with accounts.store.session() as s:
        assert accounts.authenticate(s, "7501234567", "Abcdef1!") is None
        compte = accounts.by_identifiant(s, "7501234567")
        assert compte is not None and not compte.active
        accounts.set_password(s, compte, "Abcdef1!")
    with accounts.store.session() as s:
        assert accounts.authenticate(s, "7501234567", "Abcdef1!") is not None
        assert accounts.authenticate(s, "7501234567", "abcdef1!") is None


def test_the_clock_offset_survives_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'anef.db'}"
    store = Store(url)
    store.create_all()
    Clock(store).set_offset(timedelta(hours=25))
    assert Clock(Store(url)).offset() == timedelta(hours=25)
