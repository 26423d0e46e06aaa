"""SQLAlchemy tables: everything the portal must keep across a restart lives here (SQLite by default)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, create_engine, event, inspect
from sqlalchemy.engine import Row
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.sql import Executable

BUSY_TIMEOUT_S = 30.0


class Base(DeclarativeBase):
    pass


class SimSetting(Base):
    """Simulator-wide values that must survive a restart (clock offset, session secret)."""

    __tablename__ = "sim_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Identite(Base):
    """A numéro étranger as the administration knows it (reference data: seed file or operator API)."""

    __tablename__ = "identite"
    numero_etranger: Mapped[str] = mapped_column(String(10), primary_key=True)
    nom: Mapped[str] = mapped_column(String(200))
    prenom: Mapped[str] = mapped_column(String(200))
    date_naissance: Mapped[date] = mapped_column(Date)
    pays_naissance: Mapped[str] = mapped_column(String(2))
    nationalite: Mapped[str] = mapped_column(String(2))
    sexe: Mapped[str | None] = mapped_column(String(1), nullable=True)
    # Optional (guides 03-04: "Lieu de naissance" read-only where the record has it).
    lieu_naissance: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Optional: the postal address the administration knows ({part: text}, engine.schema.ADDRESS_PARTS);
    # guide 05 étape 1 has the user check it ("Vérifier l'adresse (si changement d'adresse)").
    adresse: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)


class EphotoCode(Base):
    """An e-photo code with the day it was issued (guide 01 FAQ 10: "sa validité est de 6 mois").
    A code the portal holds no date for (not registered) is only checked for its form and its
    single use: the portal cannot tell its age."""

    __tablename__ = "ephoto_code"
    numero: Mapped[str] = mapped_column(String(22), primary_key=True)
    date_prise: Mapped[date] = mapped_column(Date)


class Titre(Base):
    """A titre de séjour or a visa: the number the user types and its validity dates."""

    __tablename__ = "titre"
    numero: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # "titre" | "visa"
    numero_etranger: Mapped[str] = mapped_column(ForeignKey("identite.numero_etranger"))
    categorie: Mapped[str] = mapped_column(String(200), default="")
    mention: Mapped[str] = mapped_column(String(300), default="")
    date_debut: Mapped[date] = mapped_column(Date)
    date_fin: Mapped[date] = mapped_column(Date)


class Compte(Base):
    """A user's account. `identifiant` is the e-mail (temporary account) or the numéro étranger."""

    __tablename__ = "compte"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifiant: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    email: Mapped[str] = mapped_column(String(254))
    nom: Mapped[str] = mapped_column(String(200), default="")
    prenom: Mapped[str] = mapped_column(String(200), default="")
    numero_etranger: Mapped[str | None] = mapped_column(String(10), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))  # "temporaire" | "usager"
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    must_reset: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Jeton(Base):
    """A single-use link token (e-mail confirmation or password reset) with its expiry."""

    __tablename__ = "jeton"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    compte_id: Mapped[int] = mapped_column(ForeignKey("compte.id"))
    purpose: Mapped[str] = mapped_column(String(20))  # "confirmation" | "reinitialisation"
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SessionEpoch(Base):
    """How many times a user's or an agent's sessions were ended (logout, password change): a
    session cookie remembers the epoch it was opened in and is void once it moved on. The cookie
    is signed client-side, so this row is what lets the server end a copied cookie."""

    __tablename__ = "session_epoch"
    sujet: Mapped[str] = mapped_column(String(40), primary_key=True)  # "compte:<id>" | "agent:<id>"
    epoch: Mapped[int] = mapped_column(Integer, default=0)


class LoginFailure(Base):
    """A failed login, kept to throttle guessing (identifiant folded to lower case)."""

    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    espace: Mapped[str] = mapped_column(String(10))  # "usager" | "agent"
    identifiant: Mapped[str] = mapped_column(String(254), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class Journal(Base):
    """What happened, for the operator and for debugging a failed run (never shown to users)."""

    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    event: Mapped[str] = mapped_column(String(100))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Demande(Base):
    """A demande made through a téléprocédure: the answers per step (as typed), the step reached,
    and once deposited its numéro. The ephoto is unique: one e-photo, one démarche (guide 01 FAQ 10)."""

    __tablename__ = "demande"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    compte_id: Mapped[int] = mapped_column(ForeignKey("compte.id"), index=True)
    procedure: Mapped[str] = mapped_column(String(100))
    etat: Mapped[str] = mapped_column(String(20), default="brouillon")  # "brouillon" | "deposee" | "instruction"
    etape: Mapped[str] = mapped_column(String(100))  # where the user resumes
    etape_max: Mapped[str] = mapped_column(String(100))  # furthest step reached
    donnees: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # step id -> {input name: value typed}
    ephoto: Mapped[str | None] = mapped_column(String(22), unique=True, nullable=True)
    numero: Mapped[str | None] = mapped_column(String(19), unique=True, nullable=True)
    numero_etranger: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deposee_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Piece(Base):
    """A file joined to a justificatif of a demande; the bytes are on disk under the data folder."""

    __tablename__ = "piece"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    demande_id: Mapped[int] = mapped_column(ForeignKey("demande.id", ondelete="CASCADE"), index=True)
    justificatif: Mapped[str] = mapped_column(String(100))
    nom: Mapped[str] = mapped_column(String(200))
    chemin: Mapped[str] = mapped_column(String(300))  # relative to the data folder
    taille: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Agent(Base):
    """An agent of the préfecture (the back-office under /agent), loaded from the seed file; the
    password is hashed like the users'."""

    __tablename__ = "agent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifiant: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    nom: Mapped[str] = mapped_column(String(200), default="")
    prenom: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))


class Notification(Base):
    """What the agent sends the applicant during the instruction ("Demande de complément",
    "Notification de décision"), read in "Mes Notifications"; opening it is the accusé de réception."""

    __tablename__ = "notification"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    demande_id: Mapped[int] = mapped_column(ForeignKey("demande.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "complement" | "decision"
    titre: Mapped[str] = mapped_column(String(200))
    contenu: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    lue_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    repondue_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Store:
    """Owns the engine; `session()` is a unit of work that commits on success."""

    def __init__(self, url: str) -> None:
        url = database_url(url)
        if url.startswith("sqlite"):
            # A writer waits up to BUSY_TIMEOUT_S for another's commit instead of failing "database is locked".
            self.engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S})
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            # a server (PostgreSQL): a connection dropped by a restart is replaced, not handed to a page
            self.engine = create_engine(url, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)
        # A data directory made before identite.lieu_naissance existed gets the column (nullable).
        with self.engine.begin() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("identite")}
            if "lieu_naissance" not in columns:
                conn.exec_driver_sql("ALTER TABLE identite ADD COLUMN lieu_naissance VARCHAR(100)")
            if "adresse" not in columns:  # likewise identite.adresse
                conn.exec_driver_sql("ALTER TABLE identite ADD COLUMN adresse JSON")

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def rows(self, statement: Executable, params: dict[str, Any]) -> Sequence[Row[*tuple[Any, ...]]]:
        """A read of plain columns on a connection, without an ORM session: several times cheaper
        for the small look-ups every page makes (the bell, the clock's offset). Nothing is written."""
        with self.engine.connect() as conn:
            return conn.execute(statement, params).all()


def database_url(url: str) -> str:
    """`postgresql://…` (as libpq and most hosts write it) means psycopg 3, the driver this project
    depends on; SQLAlchemy alone would pick psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:  # DB-API connection: no common type
    # WAL lets the portal's threads read while one writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    # Safe with WAL: a crash of the process loses nothing; only a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
