"""Demandes made through the téléprocédures: the draft saved step by step, its justificatifs on
disk, the ephoto, the dépôt (numéro de la demande, confirmation PDF) and the start of instruction
(numéro étranger and definitive account). The rules of a procedure are in its definition; this
module only keeps what the user gave."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from .accounts import Accounts, hash_password, temporary_password
from .clock import Clock
from .engine import numeros, pieces
from .engine.definition import Definition
from .engine.wizard import Data, Values
from .store import Compte, Demande, Identite, Piece, Store

BROUILLON, DEPOSEE, INSTRUCTION = "brouillon", "deposee", "instruction"
DECISION, DISPONIBLE = "decision", "disponible"  # guide 01 FAQ 12: "Décision prise", "Titre de séjour disponible"
DECISION_STATE = "_decision"  # kept beside the steps: the decision's dates, taxe and the card it grants
ATTESTATIONS_STATE = "_attestations"  # attestations the agent issued while instructing: {id: date issued}
MAX_ID = 2**63 - 1  # a row id SQLite can hold: a larger one (20 digits in a URL) names no row


class EphotoTaken(Exception):
    pass


@dataclass
class StoredPieces:
    """The wizard's view of a demande's justificatifs (engine.wizard.Pieces)."""

    counts: dict[str, int]
    ephoto: str | None

    def count(self, justificatif_id: str) -> int:
        return self.counts.get(justificatif_id, 0)


def _owned(compte_id: int, numero_etranger: str | None) -> ColumnElement[bool]:
    """The demandes an account sees: its own, and those given its numéro étranger at instruction."""
    if numero_etranger:
        return or_(Demande.compte_id == compte_id, Demande.numero_etranger == numero_etranger)
    return Demande.compte_id == compte_id


def _current_statement(by_numero: bool) -> Select[Demande]:
    """Demandes.current's statement, built once per shape (every wizard page runs it)."""
    owned: ColumnElement[bool] = Demande.compte_id == bindparam("compte_id")
    if by_numero:  # as _owned
        owned = or_(owned, Demande.numero_etranger == bindparam("numero_etranger"))
    return select(Demande).where(owned, Demande.procedure == bindparam("procedure")).order_by(Demande.id.desc())


_CURRENT = {False: _current_statement(False), True: _current_statement(True)}
_PIECES = select(Piece).where(Piece.demande_id == bindparam("demande_id")).order_by(Piece.id)


@dataclass
class Demandes:
    store: Store
    clock: Clock
    data_dir: Path

    # Drafts -----------------------------------------------------------------------------------
    def current(self, s: Session, compte_id: int, procedure: str, numero_etranger: str | None = None) -> Demande | None:
        """The account's demande for this procedure (the draft, or the one deposited). With the
        account's numéro étranger, also the demande in instruction under that numéro: the
        definitive account (created at instruction) owns what the temporary one deposited."""
        params: dict[str, Any] = {"compte_id": compte_id, "procedure": procedure}
        if numero_etranger:
            params["numero_etranger"] = numero_etranger
        return s.scalar(_CURRENT[bool(numero_etranger)], params)

    def create(self, s: Session, compte_id: int, definition: Definition) -> Demande:
        now = self.clock.now()
        first = definition.steps[0].id
        demande = Demande(compte_id=compte_id, procedure=definition.id, etat=BROUILLON, etape=first,
                          etape_max=first, donnees={}, created_at=now, updated_at=now)
        s.add(demande)
        s.flush()
        return demande

    def save_step(self, demande: Demande, step_id: str, values: Values, *, go_to: str | None,
                  definition: Definition) -> None:
        """Keep what was typed on `step_id`; move the resume point to `go_to` (when given)."""
        data = dict(demande.donnees or {})
        data[step_id] = dict(values)
        demande.donnees = data  # a new dict, so SQLAlchemy sees the change
        if go_to is not None:
            demande.etape = go_to
            if definition.index(go_to) > definition.index(demande.etape_max):
                demande.etape_max = go_to
        demande.updated_at = self.clock.now()

    def data(self, demande: Demande) -> Data:
        return {k: dict(v) for k, v in (demande.donnees or {}).items()}

    def set_state(self, demande: Demande, key: str, values: Values) -> None:
        """Keep engine state beside the steps (key starting with "_": wizard.CONTEXTE, RECAPITULATIF)."""
        assert key.startswith("_")
        data = dict(demande.donnees or {})
        data[key] = dict(values)
        demande.donnees = data
        demande.updated_at = self.clock.now()

    # Documents the dépôt produced (attestations), kept as issued: the mail and the download are the same file.
    def document_path(self, demande: Demande, document_id: str) -> Path:
        return self.data_dir / "documents" / str(demande.id) / f"{document_id}.pdf"

    def abandon(self, s: Session, demande: Demande) -> Path:
        """Delete the draft and its ephoto; the account stays. Returns the folder of its files, for
        the caller to remove once this unit of work is committed (rows first, then files)."""
        folder = self._folder(demande.id)
        s.execute(delete(Piece).where(Piece.demande_id == demande.id))
        s.delete(demande)
        return folder

    @staticmethod
    def remove_folder(folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    # Justificatifs ----------------------------------------------------------------------------
    def pieces(self, s: Session, demande: Demande) -> list[Piece]:
        return list(s.scalars(_PIECES, {"demande_id": demande.id}))

    def stored_pieces(self, s: Session, demande: Demande, rows: list[Piece] | None = None) -> StoredPieces:
        """`rows`: the demande's pieces when the caller already read them (one statement, not two)."""
        counts: dict[str, int] = {}
        for piece in self.pieces(s, demande) if rows is None else rows:
            counts[piece.justificatif] = counts.get(piece.justificatif, 0) + 1
        return StoredPieces(counts=counts, ephoto=demande.ephoto)

    def add_piece(self, s: Session, demande: Demande, justificatif: str, filename: str, content: bytes) -> Piece:
        """The row, then its file, in the caller's unit of work: if the commit fails, the file is an
        orphan nobody lists (never a listed row without its file)."""
        kind = pieces.claimed_format(filename) or pieces.sniff(content[: pieces.SNIFF_BYTES]) or "bin"
        piece = Piece(demande_id=demande.id, justificatif=justificatif, nom=pieces.safe_name(filename), chemin="",
                      taille=len(content), format=kind or "", created_at=self.clock.now())
        s.add(piece)
        s.flush()
        folder = self._folder(demande.id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{piece.id}.{kind}"
        path.write_bytes(content)
        piece.chemin = str(path.relative_to(self.data_dir))
        return piece

    def delete_piece(self, s: Session, demande: Demande, piece_id: int) -> Path | None:
        """Delete the row of one of the demande's files; returns the file to remove once the unit of
        work is committed (removed before, a failed commit would list a file that is gone), or None
        when the demande has no such file."""
        piece = s.get(Piece, piece_id) if 0 < piece_id <= MAX_ID else None
        if piece is None or piece.demande_id != demande.id:
            return None
        s.delete(piece)
        return self.data_dir / piece.chemin

    def piece_for(self, s: Session, compte_id: int, piece_id: int,
                  numero_etranger: str | None = None) -> tuple[Piece, bytes] | None:
        """A file, only for the account whose demande holds it (or the definitive account of its
        numéro étranger, see `current`)."""
        piece = s.get(Piece, piece_id) if 0 < piece_id <= MAX_ID else None
        if piece is None:
            return None
        demande = s.scalar(select(Demande).where(Demande.id == piece.demande_id, _owned(compte_id, numero_etranger)))
        if demande is None:
            return None
        try:
            return piece, (self.data_dir / piece.chemin).read_bytes()
        except FileNotFoundError:
            return None

    def _folder(self, demande_id: int) -> Path:
        return self.data_dir / "pieces" / str(demande_id)

    # Ephoto -----------------------------------------------------------------------------------
    def confirm_ephoto(self, s: Session, demande: Demande, numero: str) -> None:
        """Raise EphotoTaken when another demande already holds this number (guide 01 FAQ 10)."""
        holder = s.scalar(select(Demande).where(Demande.ephoto == numero, Demande.id != demande.id))
        if holder is not None:
            raise EphotoTaken(numero)
        demande.ephoto = numero

    def take_ephoto(self, s: Session, demande: Demande, numero: str) -> None:
        """The number moves to this demande (only the fault mode ephoto_reutilisable does this)."""
        s.execute(update(Demande).where(Demande.ephoto == numero).values(ephoto=None))
        demande.ephoto = numero

    # Dépôt and instruction --------------------------------------------------------------------
    def deposit(self, s: Session, demande: Demande, code_postal: str) -> str:
        now = self.clock.now()
        sequence = (s.scalar(select(func.count()).select_from(Demande).where(Demande.numero.is_not(None))) or 0) + 1
        numero = numeros.numero_demande(numeros.departement(code_postal), now.date(), sequence)
        while s.scalar(select(Demande).where(Demande.numero == numero)) is not None:
            sequence += 1
            numero = numeros.numero_demande(numeros.departement(code_postal), now.date(), sequence)
        demande.numero = numero
        demande.etat = DEPOSEE
        demande.deposee_at = now
        demande.updated_at = now
        return numero

    def by_numero(self, s: Session, numero: str) -> Demande | None:
        return s.scalar(select(Demande).where(Demande.numero == numero))

    def start_instruction(self, s: Session, demande: Demande, accounts: Accounts,
                          identite: dict[str, Any]) -> tuple[Compte, str | None]:
        """A numéro étranger for the applicant and the definitive account (identifiant = that
        numéro) with a temporary password to replace at first login. An applicant who already has
        a numéro étranger (a renewal: the account is the title's) keeps it and their account: the
        password is then None and no account is created."""
        if demande.numero_etranger:
            demande.etat = INSTRUCTION
            demande.updated_at = self.clock.now()
            compte = s.get(Compte, demande.compte_id)
            assert compte is not None
            return compte, None
        dep = demande.numero[:2] if demande.numero else numeros.DEFAULT_DEPARTEMENT
        numero = numeros.numero_etranger(dep)
        while s.get(Identite, numero) is not None or accounts.by_identifiant(s, numero) is not None:
            numero = numeros.numero_etranger(dep)
        accounts.register_identite(s, numero_etranger=numero, **identite)
        s.flush()
        temporaire = s.get(Compte, demande.compte_id)
        password = temporary_password()
        compte = Compte(
            identifiant=numero, email=temporaire.email if temporaire else "", nom=identite["nom"],
            prenom=identite["prenom"], numero_etranger=numero, kind="usager",
            password_hash=hash_password(password), must_reset=True, active=True, created_at=self.clock.now(),
        )
        s.add(compte)
        demande.numero_etranger = numero
        demande.etat = INSTRUCTION
        demande.updated_at = self.clock.now()
        s.flush()
        return compte, password
