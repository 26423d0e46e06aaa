"""One POST of a téléprocédure step, as its handlers (:mod:`.demarche_post`) see it: what was typed,
what is stored, the files of the request read and checked beforehand, and what follows the commit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..demandes import Demandes
from ..engine import pieces as piece_rules
from ..engine import wizard as wz
from ..engine.definition import Definition, Step
from ..portal import Portal
from ..store import Demande
from .demarche_page import go, render_step, step_page


class Upload(NamedTuple):
    """A file of the request, read and checked before any transaction: `problem` is a key of
    texts.DEMARCHE_ERREURS, or None."""

    name: str
    content: bytes
    problem: str | None


@dataclass
class Submission:
    """One POST of a step, inside its unit of work: what was typed, what is stored."""

    request: Request
    p: Portal
    s: Session
    demandes: Demandes
    wizard: wz.Wizard
    definition: Definition
    step: Step
    compte: Any
    form: FormData
    demande: Demande
    values: wz.Values
    data: wz.Data
    variables: dict[str, Any]
    after: list[Callable[[], Awaitable[None]]]
    upload_errors: dict[str, list[str]] = field(default_factory=dict)

    def save(self, go_to: str | None, step_id: str | None = None, values: wz.Values | None = None) -> None:
        self.demandes.save_step(self.demande, step_id or self.step.id, self.values if values is None else values,
                                go_to=go_to, definition=self.definition)

    def go(self, step_id: str) -> RedirectResponse:
        return go(self.request, self.definition, step_id)

    def page(self, step: Step | None = None, values: wz.Values | None = None, errors: dict[str, str] | None = None,
             status: int = 200, **extra: Any) -> Response:
        page = step_page(self.request, self.s, self.definition, self.demande, step or self.step,
                         self.values if values is None else values, errors, **extra)
        return render_step(page, status)

    def stay(self, errors: dict[str, str] | None = None, status: int | None = None) -> Response:
        """The same step again, with what was typed, the errors and the files' refusals."""
        if status is None:
            status = 422 if (errors or self.upload_errors) else 200
        return self.page(errors=errors, status=status, upload_errors=self.upload_errors)

    def refuse(self, message: str, status: int = 400) -> Response:
        """A request the page could not have sent: the step as saved, and why nothing changed."""
        saved = dict((self.demande.donnees or {}).get(self.step.id, {}))
        return self.page(values=saved, status=status, general=message)

    def join(self, uploads: dict[str, Upload], kind: str, argument: str) -> None:
        """Files first: a file chosen then any button pressed is joined (works without JavaScript)."""
        for j in self.wizard.justificatifs(self.step, self.variables):
            upload = uploads.get(j.id)
            if upload is not None:
                already = self.demandes.stored_pieces(self.s, self.demande).count(j.id)
                full = self.p.faults.checks_file_count and already >= piece_rules.MAX_FILES
                problem = "fichier_nombre" if full else upload.problem
                if problem:
                    self.upload_errors.setdefault(j.id, []).append(wz.error_text(problem, nom=upload.name))
                else:
                    self.demandes.add_piece(self.s, self.demande, j.id, upload.name, upload.content)
                    self.s.flush()
            elif kind == "joindre" and argument == j.id:
                self.upload_errors.setdefault(j.id, []).append(wz.error_text("fichier_absent"))
