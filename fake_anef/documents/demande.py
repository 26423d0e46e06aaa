"""The PDFs of a téléprocédure, written with reportlab from the procedure definition:
the confirmation of the dépôt (guide 02 étape 6) and the list of justificatifs (guide 02 ANNEXE 1).
Both carry the simulator's banner: they are specimens, never official documents."""

from __future__ import annotations

import io
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .. import texts
from ..engine.definition import Confirmation, Contenu, Definition, Ligne

FONT, BOLD = "Helvetica", "Helvetica-Bold"
# Helvetica (a PDF standard font) prints Latin-1 only: a name such as "Nağıoğlu" came out
# "NA■IO■LU". DejaVu Sans (Debian's fonts-dejavu-core, which scripts/bootstrap.sh installs) prints
# every Latin, Greek and Cyrillic letter; it is embedded when present, Helvetica otherwise.
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
if (_DEJAVU / "DejaVuSans.ttf").is_file() and (_DEJAVU / "DejaVuSans-Bold.ttf").is_file():
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(_DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(_DEJAVU / "DejaVuSans-Bold.ttf")))
    FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 20 * mm
WIDTH, HEIGHT = A4


class _Writer:
    """A top-to-bottom text flow over A4 pages, each with the simulator's banner."""

    def __init__(self, title: str) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(texts.SITE["bandeau"])
        self.canvas.setCreator("fake_anef")
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        c = self.canvas
        c.setFont(BOLD, 9)
        c.drawCentredString(WIDTH / 2, HEIGHT - 12 * mm, texts.SITE["bandeau"])
        c.setFont(FONT, 8)
        c.drawCentredString(WIDTH / 2, 10 * mm, f"{texts.SITE['bandeau']} — {texts.SITE['bandeau_detail']}")
        self.y = HEIGHT - 24 * mm

    def space(self, height: float) -> None:
        self.y -= height

    def text(self, value: str, *, size: float = 10, bold: bool = False, indent: float = 0, centred: bool = False,
             leading: float | None = None) -> None:
        font = BOLD if bold else FONT
        leading = leading or size * 1.35
        width = WIDTH - 2 * MARGIN - indent
        for line in simpleSplit(value, font, size, width) or [""]:
            if self.y < 20 * mm:
                self.canvas.showPage()
                self._new_page()
            self.canvas.setFont(font, size)
            if centred:
                self.canvas.drawCentredString(WIDTH / 2, self.y, line)
            else:
                self.canvas.drawString(MARGIN + indent, self.y, line)
            self.y -= leading

    def rule(self) -> None:
        self.canvas.setLineWidth(0.5)
        self.canvas.line(MARGIN, self.y + 4, WIDTH - MARGIN, self.y + 4)
        self.y -= 6

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace {name} by its value; the definition loader has checked every name."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


def _line(line: Ligne, values: Mapping[str, str]) -> str:
    value = " ".join(_fill(line.valeur, values).split())
    value = value.strip(" ,")
    if line.majuscules:
        value = value.upper()
    return f"{line.libelle} : {value}".rstrip()


def write_lignes(w: _Writer, lignes: Iterable[Ligne], values: Mapping[str, str]) -> None:
    """The "Libellé : valeur" lines of a document; one `omise_si_vide` is left out when empty."""
    for line in lignes:
        if line.omise_si_vide and not _fill(line.valeur, values).strip(" ,"):
            continue
        w.text(_line(line, values), size=11)


def _confirmation(definition: Definition) -> Confirmation:
    """The definition's confirmation de dépôt: asked for only when its dépôt hands one out."""
    if definition.confirmation is None:
        raise ValueError(f"{definition.id} : pas de confirmation de dépôt (documents.confirmation_depot)")
    return definition.confirmation


def confirmation_filename(definition: Definition, values: Mapping[str, str]) -> str:
    return _fill(_confirmation(definition).fichier, values)


def confirmation_pdf(definition: Definition, values: Mapping[str, str]) -> bytes:
    """CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE. `values`: the fields as displayed (engine.wizard
    display) plus numero_demande, numero_etranger, date_emission, date_depot."""
    c = _confirmation(definition)
    w = _Writer(c.titre)
    w.text(c.titre, size=15, bold=True, centred=True)
    w.space(6)
    w.text(c.references_titre, bold=True)
    for line in c.references:
        w.text(_line(line, values))
    w.space(2)
    w.rule()
    w.space(4)
    write_lignes(w, c.lignes, values)
    w.space(8)
    for paragraph in c.paragraphes:
        w.text(_fill(paragraph.texte, values), bold=paragraph.gras)
        w.space(4)
    return w.finish()


def _contenu(w: _Writer, contenu: Contenu) -> None:
    for part in contenu.parties:
        if isinstance(part, str):
            w.text(part, indent=4 * mm)
        else:
            for item in part:
                w.text(f"- {item}", indent=8 * mm)


def liste_pieces_pdf(definition: Definition, sans_hors_etape: bool = False) -> bytes:
    """ANNEXE 1 from the same catalogue of justificatifs the step shows: common justificatifs,
    then one section per cas."""
    liste = definition.liste_pieces
    w = _Writer(liste.titre)
    w.text(liste.titre, size=13, bold=True, centred=True)
    w.text(liste.sous_titre, size=11, centred=True)
    w.space(6)
    for paragraph in liste.intro:
        w.text(paragraph, size=9.5)
        w.space(2)
    for groupe in liste.groupes:
        titre = groupe.titre or (definition.cas_by_id(groupe.cas).titre if groupe.cas else "")
        w.space(6)
        if titre:  # a lone groupe may have no heading (guide 03 ANNEXE 1)
            w.text(titre, size=11.5, bold=True)
            w.rule()
        for rubrique in groupe.rubriques:
            w.space(3)
            w.text(rubrique.titre, size=10.5, bold=True)
            for jid in rubrique.justificatifs:
                j = definition.justificatifs[jid]
                if sans_hors_etape and j.hors_etape:  # fault mode annexe_sans_pieces_hors_etape
                    continue
                if j.condition_annexe:
                    w.text(j.condition_annexe, bold=True)
                w.text(j.annexe.titre, bold=True, indent=2 * mm)
                _contenu(w, j.annexe)
                w.space(2)
    return w.finish()
