"""Properties of the enfant de Français wizard over HTTP (issue 4), for every input hypothesis draws:

* uploads to a justificatif are accepted iff the name has an accepted extension (.jpg .png .pdf
  .tiff .bmp) and the content is a well-formed file of that very format (signature and parsing: PNG
  bytes named .pdf, "BM" then HTML, "%PDF-" then HTML are refused), the file is not empty and at
  most 10 Mo, and the justificatif holds fewer than 3 documents; each refusal names the file and
  says why, next to its justificatif;
* an ephoto number is accepted iff it is 22 digits (spaces typed between them are ignored) not
  used by another demande;
* dates (birth, entry in France, union) that name no day, lie in the future or come before the
  birth are refused with a message next to the field, never a 500;
* free text (names, "Observations à destination de l'administration") of any kind is kept as typed,
  shown escaped, never a 500, and the page says which field is too long;
* a refused submission keeps every step saved before it.

Each property also runs against a portal started with one rule broken (fake_anef/faults.py) and
must fail there. One portal and a few applicants per module; examples are bounded (20 to 30 each);
ANEF_PROPERTY_EXAMPLES=1000 explores longer. Three bugs of the portal found on the way
(a non-ASCII digit ephoto accepted, a year 0000 typed alone a 500, a joined file with a non-latin-1
name that could not be opened) are fixed and kept as regression tests. The ASE eligibility boundary belongs to the ASE
journey's tests."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from personas.strategies import free_texts, impossible_dates, invalid_ephoto_numbers

from .conftest import PortalClient, examples
from .wizard_http import (
    BREAKERS,
    DISGUISED,
    MAGIC,
    MAX_SIZE,
    MESSAGES,
    NOT_ACCEPTED,
    PDF,
    STEPS,
    TITRES,
    Applicant,
    Page,
    birth_date,
    content_of,
    date_fields,
    informations,
    informations_valides,
    motif_de_sejour,
    motifs_valides,
    new_applicant,
    real_file,
    shown,
)

PROPERTY = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# On a broken portal: stop at the first failure (a broken rule corrupts the state the next examples see).
BROKEN = settings(max_examples=25, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
                  report_multiple_bugs=False)
HELD_EPHOTO = "3141592653589793238462"  # confirmed by another applicant's demande


def today(portal: PortalClient) -> date:
    return portal.portal.clock.today()


class Applicants:
    """The few applicants a module needs on one portal, made on first use."""

    def __init__(self, portal: PortalClient) -> None:
        self.portal = portal
        self._made: dict[str, Any] = {}
        self._ephotos = iter(range(10**21, 10**22))

    def ephoto(self) -> str:
        return str(next(self._ephotos))

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]


@pytest.fixture(scope="module")
def applicants(portal: PortalClient) -> Applicants:
    return Applicants(portal)


def assert_saved(applicant: Applicant, saved: dict[str, dict[str, str]]) -> None:
    """Every step shows what was saved in it (a refusal changed nothing)."""
    for step_id, values in saved.items():
        page = applicant.step(step_id)
        assert page.step_title == TITRES[step_id], (step_id, page.path)
        assert page.shown() == shown(values), f"« {TITRES[step_id]} » no longer shows what was saved"


# Uploads -------------------------------------------------------------------------------------------
ACCEPTED_EXTENSIONS = (".jpg", ".jpeg", ".png", ".pdf", ".tif", ".tiff", ".bmp")
REFUSED_EXTENSIONS = (".exe", ".gif", ".txt", ".html", ".zip", ".webp", ".pdf.exe", ".docx", "")
JUSTIFICATIFS = ("nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation")
REASONS = {
    "format": "les formats acceptés sont .jpg, .png, .pdf, .tiff, .bmp.",
    "taille": "la taille maximale est de 10 Mo par fichier.",
    "nombre": "3 documents au maximum par justificatif.",
    "vide": "il est vide.",
}


KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".pdf": "pdf", ".tif": "tiff", ".tiff": "tiff", ".bmp": "bmp"}
KIND_NAMES = ("bmp", "jpeg", "pdf", "png", "tiff")


@dataclass(frozen=True)
class Upload:
    """A file: a well-formed one of a format (`kind`, at least the smallest such file), or bytes that
    only start like one (`head`), padded with zeros to `size`."""

    name: str
    head: bytes
    size: int
    kind: str | None = None

    @property
    def content(self) -> bytes:
        if self.kind is not None:
            return _real(self.kind, self.size)
        return content_of(self.head, self.size)

    def broken(self, already: int) -> set[str]:
        """The rules of the guide this file breaks when `already` documents are joined: the format
        its name claims must be the one its content is (signature and parsing, issue 14 pt 10)."""
        out = set()
        size = len(self.content)
        if already >= 3:
            out.add("nombre")
        if size == 0:
            out.update({"vide", "format"})
        if size > MAX_SIZE:
            out.add("taille")
        extension = re.search(r"(\.[^.]*)?$", self.name).group(0).lower()  # type: ignore[union-attr]
        kind = self.kind
        if kind is None and self.head == WHOLE_PNG and size >= len(WHOLE_PNG):
            kind = "png"  # a whole PNG then zeros is a PNG (its decoder stops at IEND), whatever it was drawn as
        if extension not in ACCEPTED_EXTENSIONS or kind is None or KINDS[extension] != kind:
            out.add("format")
        return out


WHOLE_PNG = DISGUISED["png_named_pdf"][1]


@functools.cache
def _real(kind: str, size: int) -> bytes:
    return real_file(kind, size)


@st.composite
def uploads(draw: Any) -> Upload:
    stem = draw(st.text(string.ascii_letters + string.digits + "-_éàç", min_size=1, max_size=16))
    if draw(st.booleans()):
        extension = draw(st.sampled_from(ACCEPTED_EXTENSIONS))
        extension = extension.upper() if draw(st.booleans()) and draw(st.booleans()) else extension
    else:
        extension = draw(st.sampled_from(REFUSED_EXTENSIONS))
    rare = draw(st.integers(0, 24)) == 0
    size = draw(st.sampled_from([MAX_SIZE, MAX_SIZE + 1]) if rare else st.integers(0, 3000))
    if draw(st.booleans()):  # a real file, of the format its extension claims or of another
        kind = KINDS.get(extension.lower()) if draw(st.booleans()) else None
        return Upload(stem + extension, b"", size, kind or draw(st.sampled_from(KIND_NAMES)))
    head = draw(st.one_of(st.sampled_from(sorted(MAGIC.values())), st.sampled_from(sorted(NOT_ACCEPTED.values())),
                          st.sampled_from(sorted(c for _, c in DISGUISED.values())), st.binary(max_size=12)))
    return Upload(stem + extension, head, size)


def uploads_are_accepted_iff_rules_hold(applicant: Applicant, jid: str, files: list[Upload]) -> None:
    applicant.remove_pieces(jid)
    joined: list[str] = []
    for upload in files:
        broken = upload.broken(len(joined))
        page = applicant.join(jid, upload.name, upload.content)
        message = page.error(f"fichier-{jid}")
        if broken:
            assert page.status == 422 and message, f"{upload} accepted, though it breaks {sorted(broken)}"
            assert message.startswith(f"Le fichier « {upload.name} » n'a pas été joint :"), message
            assert any(REASONS[r] in message for r in broken), (message, broken)
        else:
            assert page.status == 200 and message is None, (upload, message)
            joined.append(upload.name)
        assert set(page.errors()) <= {f"fichier-{jid}"}, page.errors()  # said next to this justificatif only
        listed = page.pieces(jid)
        assert [name for _, name in listed] == joined, (upload, broken, listed)
        if not broken and upload.size < 100_000:
            assert applicant.http.get(listed[-1][0]).content == upload.content


def upload_property(test: Callable[..., None]) -> Callable[..., None]:
    test = given(jid=st.sampled_from(JUSTIFICATIFS), files=st.lists(uploads(), min_size=1, max_size=5))(test)
    test = example(jid="domicile", files=[Upload(name, content, len(content)) for name, content in DISGUISED.values()])(test)
    # Both sides of each limit, always tried: 10 Mo and 10 Mo + 1 byte, a 3rd and a 4th file.
    test = example(jid="domicile", files=[Upload(f"page{i}.pdf", b"", 0, "pdf") for i in range(1, 5)])(test)
    return example(jid="nationalite", files=[Upload("passeport.pdf", NOT_ACCEPTED["exe"], 512),
                                             Upload("scan.PDF", b"", MAX_SIZE, "pdf"),
                                             Upload("trop-gros.pdf", b"", MAX_SIZE + 1, "pdf")])(test)


def uploader(applicants: Applicants) -> Applicant:
    def make() -> Applicant:
        applicant = new_applicant(applicants.portal)
        applicant.reach("justificatifs")
        return applicant
    return applicants.get("uploader", make)


@settings(PROPERTY, max_examples=examples(25))
@upload_property
def test_an_upload_is_accepted_iff_format_size_and_count_hold(applicants: Applicants, jid: str, files: list[Upload]) -> None:
    uploads_are_accepted_iff_rules_hold(uploader(applicants), jid, files)


def test_a_joined_file_with_a_non_latin_name_can_be_opened(applicants: Applicants) -> None:
    applicant = uploader(applicants)
    applicant.remove_pieces("domicile")
    page = applicant.join("domicile", "relevé-œuvre.pdf", PDF)
    [(link, name)] = page.pieces("domicile")
    assert name == "relevé-œuvre.pdf"
    assert applicant.get(link).status == 200


def test_the_upload_property_fails_when_the_content_is_not_checked(make_portal) -> None:  # type: ignore[no-untyped-def]
    applicant = uploader(Applicants(make_portal(frozenset({"upload_sans_controle_du_contenu"}))))

    @BROKEN
    @upload_property
    def run(jid: str, files: list[Upload]) -> None:
        uploads_are_accepted_iff_rules_hold(applicant, jid, files)

    with pytest.raises(AssertionError, match=r"accepted, though it breaks \['format'\]"):
        run()


# Ephoto --------------------------------------------------------------------------------------------
ephoto_candidates = st.one_of(
    st.text(string.digits, min_size=22, max_size=22),
    invalid_ephoto_numbers(),
    st.sampled_from([HELD_EPHOTO, f" {HELD_EPHOTO} ", " ".join(re.findall(".{1,4}", HELD_EPHOTO))]),
)


def an_ephoto_is_accepted_iff_22_digits_not_used_elsewhere(applicant: Applicant, typed: str, held: set[str]) -> None:
    page = applicant.step("justificatifs")
    if page.ephoto is not None:
        page = applicant.submit("justificatifs", {}, action="ephoto:supprimer")
    page = applicant.confirm_ephoto(typed)
    numero = re.sub(r"\s+", "", typed)  # what is typed between the digits (spaces) is not part of the number
    if not numero:
        expected = MESSAGES["obligatoire"]
    elif not re.fullmatch("[0-9]{22}", numero):
        expected = MESSAGES["ephoto_format"]
    elif numero in held:
        expected = MESSAGES["ephoto_deja_utilise"]
    else:
        expected = None
    if expected is None:
        assert page.status == 200 and page.ephoto == numero and page.error("ephoto") is None, (typed, page.errors())
        applicant.submit("justificatifs", {}, action="ephoto:supprimer")
    else:
        message = page.error("ephoto")
        assert page.status == 422 and page.ephoto is None, f"{typed!r} accepted, expected « {expected} »"
        assert message is not None and message.startswith(expected), (typed, message)


def ephoto_tester(applicants: Applicants) -> Applicant:
    def make() -> Applicant:
        holder = new_applicant(applicants.portal)
        holder.reach("justificatifs")
        assert holder.confirm_ephoto(HELD_EPHOTO).ephoto == HELD_EPHOTO
        tester = new_applicant(applicants.portal)
        tester.reach("justificatifs")
        return tester
    return applicants.get("ephoto", make)


def ephoto_property(test: Callable[..., None]) -> Callable[..., None]:
    test = example(typed="1" * 21)(example(typed="1" * 23)(test))  # both sides of the 22 digits
    return example(typed=HELD_EPHOTO)(given(typed=ephoto_candidates)(test))


@settings(PROPERTY, max_examples=examples(30))
@ephoto_property
def test_an_ephoto_is_accepted_iff_22_digits_not_used_by_another_demande(applicants: Applicants, typed: str) -> None:
    an_ephoto_is_accepted_iff_22_digits_not_used_elsewhere(ephoto_tester(applicants), typed, {HELD_EPHOTO})


@pytest.mark.parametrize("digit", ["\u0663", "\u0967", "\uff11"])
def test_an_ephoto_written_with_non_ascii_digits_is_refused(applicants: Applicants, digit: str) -> None:
    an_ephoto_is_accepted_iff_22_digits_not_used_elsewhere(ephoto_tester(applicants), "1" * 21 + digit, {HELD_EPHOTO})


def test_the_ephoto_property_fails_when_a_number_can_be_used_twice(make_portal) -> None:  # type: ignore[no-untyped-def]
    applicant = ephoto_tester(Applicants(make_portal(frozenset({"ephoto_reutilisable"}))))

    @BROKEN
    @ephoto_property
    def run(typed: str) -> None:
        an_ephoto_is_accepted_iff_22_digits_not_used_elsewhere(applicant, typed, {HELD_EPHOTO})

    with pytest.raises(AssertionError, match=f"{HELD_EPHOTO}' accepted, expected « Ce numéro ephoto a déjà"):
        run()


# Dates ---------------------------------------------------------------------------------------------
@dataclass
class Dossier:
    """An applicant and what their steps hold."""

    applicant: Applicant
    saved: dict[str, dict[str, str]]


def dossier(applicants: Applicants, key: str, last: str = "justificatifs") -> Dossier:
    def make() -> Dossier:
        applicant = new_applicant(applicants.portal)
        ephoto = applicants.ephoto() if last == "depot" else None
        applicant.reach(last, ephoto=ephoto)
        saved = {"situation": {"situation": "famille-francais", "situation_famille": "enfant"},
                 "informations-personnelles": informations(), "motif-de-sejour": motif_de_sejour()}
        return Dossier(applicant, saved)
    return applicants.get(key, make)


Triple = tuple[str, str, str]
JUNK_DAYS = ["", "0", "00", "32", "ab", "-1", " 5 ", "1.5", "x"]
JUNK_MONTHS = ["", "0", "13", "x", "1", "12", "01"]
JUNK_YEARS = ["", "0000", "99", "19900", "abcd", "1990", " 2001 ", "-199"]


@st.composite
def date_inputs(draw: Any) -> tuple[str, Any]:
    """("absolu", (jour, mois, année)) or ("naissance", days after the birth date, padded)."""
    kind = draw(st.sampled_from(["jour", "naissance", "impossible", "junk", "annee"]))
    if kind == "jour":
        day = draw(st.dates(date(1900, 1, 1), date.today() + timedelta(days=3 * 365)))
        return "absolu", (f"{day.day:02d}" if draw(st.booleans()) else str(day.day), str(day.month), str(day.year))
    if kind == "naissance":
        return "naissance", (draw(st.integers(-800, 800)), draw(st.booleans()))
    if kind == "impossible":
        j, m, a = draw(impossible_dates())
        return "absolu", (str(j), str(m), str(a))
    if kind == "annee":
        year = draw(st.sampled_from([1, 999, 1900, 9999]) | st.integers(1900, date.today().year + 3))
        return "absolu", ("", "", f"{year:04d}")
    ascii_junk = st.text(string.ascii_letters + string.digits + " -/.", max_size=5)
    return "absolu", (draw(st.sampled_from(JUNK_DAYS) | ascii_junk), draw(st.sampled_from(JUNK_MONTHS) | ascii_junk),
                      draw(st.sampled_from(JUNK_YEARS) | ascii_junk))


def date_rule(triple: Triple, *, year_alone: bool, today: date, not_before: date | None) -> tuple[date | None, str | None]:
    """(the date, None) when the portal must accept it, else (None, the expected message or "" for any
    message about dates): a date is a real day (a year alone where the guide shows "Année *"), not
    in the future, not before the birth."""
    jour, mois, annee = (x.strip() for x in triple)
    if not (jour or mois or annee):
        return None, MESSAGES["obligatoire"]
    if not re.fullmatch("[0-9]{4}", annee):
        return None, ""
    if not (jour or mois):
        if not year_alone:
            return None, ""
        jour = mois = "1"
    if not (re.fullmatch("[0-9]+", jour) and re.fullmatch("[0-9]+", mois)):
        return None, ""
    try:
        day = date(int(annee), int(mois), int(jour))
    except ValueError:
        return None, "" if int(annee) == 0 else MESSAGES["date_invalide"]
    if day > today:
        return None, MESSAGES["date_future"]
    if not_before is not None and day < not_before:
        return None, "avant_naissance"
    return day, None


def dates_are_refused_with_a_message(d: Dossier, today: date, champ: str, spec: tuple[str, Any]) -> None:
    info, motif = d.saved["informations-personnelles"], d.saved["motif-de-sejour"]
    birth = birth_date(info)
    assert birth is not None
    if spec[0] == "naissance":
        days, pad = spec[1]
        try:
            day = birth + timedelta(days=days)
        except OverflowError:  # a birth in year 1 or 9999 was accepted earlier
            day = birth
        triple = (f"{day.day:02d}" if pad else str(day.day), str(day.month), str(day.year))
    else:
        triple = spec[1]
    typed = dict(zip((f"{champ}_jour", f"{champ}_mois", f"{champ}_annee"), triple, strict=True))
    if champ == "date_naissance":
        step_id = "informations-personnelles"
        values = {**{k: v for k, v in info.items() if not k.startswith("date_naissance_")}, **typed}
        _, expected = date_rule(triple, year_alone=True, today=today, not_before=None)
    else:
        step_id = "motif-de-sejour"
        base = {k: v for k, v in motif.items() if not k.startswith(("date_entree_", "date_union_"))}
        base.update(date_fields("date_entree", birth), situation_familiale="Célibataire")
        if champ == "date_union":
            base.update(situation_familiale="Marié(e)", pays_union="FR")
        values = {**base, **typed}
        _, expected = date_rule(triple, year_alone=False, today=today, not_before=birth)
        if expected == "avant_naissance":
            expected = MESSAGES["entree_avant_naissance" if champ == "date_entree" else "union_avant_naissance"]
    page = d.applicant.submit(step_id, values)
    if expected is None and champ == "date_naissance" and _under_16(triple, today):
        # guide 02 is for a child of more than 16: a valid birth date under 16 stops the demande
        # ("Demandeur non éligible"), what was typed kept to change it
        assert page.status == 200 and "Demandeur non éligible" in page, f"{champ} {triple}: not stopped under 16"
        d.saved[step_id] = values
        return
    if expected is None:
        following = STEPS[STEPS.index(step_id) + 1]
        assert page.status == 200 and page.step_title == TITRES[following], f"{champ} {triple} refused: {page.errors()}"
        d.saved[step_id] = values
        return
    message = page.error(champ)
    assert page.status == 422 and page.step_title == TITRES[step_id], f"{champ} {triple} accepted, expected « {expected} »"
    assert message is not None, (triple, page.errors())
    assert message == expected if expected else message in (*MESSAGES.values(),), (triple, message, expected)
    assert_saved(d.applicant, d.saved)


def _under_16(triple: tuple[str, str, str], today: date) -> bool:
    """A valid birth date (a year alone counts from 1 January, as the portal reads it) under 16 today."""
    day, month, year = triple
    birth = date(int(year), int(month or 1), int(day or 1))
    return (today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))) < 16


def date_property(test: Callable[..., None]) -> Callable[..., None]:
    spec = date_inputs()
    test = given(champ=st.sampled_from(["date_naissance", "date_entree", "date_union"]), spec=spec)(test)
    test = example(champ="date_naissance", spec=("absolu", ("", "", str(date.today().year - 10))))(test)  # under 16
    return example(champ="date_entree", spec=("naissance", (-1, False)))(test)


@settings(PROPERTY, max_examples=examples(30))
@date_property
def test_impossible_future_or_out_of_order_dates_are_refused_with_a_message(applicants: Applicants, champ: str,
                                                                           spec: tuple[str, Any]) -> None:
    portal = applicants.portal
    dates_are_refused_with_a_message(dossier(applicants, "dates"), today(portal), champ, spec)


@pytest.mark.parametrize("champ", ["date_naissance", "date_entree"])
def test_a_year_0000_typed_alone_is_refused_with_a_message(applicants: Applicants, champ: str) -> None:
    dates_are_refused_with_a_message(dossier(applicants, "dates"), today(applicants.portal), champ, ("absolu", ("", "", "0000")))


def test_the_date_property_fails_when_entry_before_birth_is_accepted(make_portal) -> None:  # type: ignore[no-untyped-def]
    portal = make_portal(frozenset({"dates_dans_le_desordre"}))
    d = dossier(Applicants(portal), "dates")

    @BROKEN
    @date_property
    def run(champ: str, spec: tuple[str, Any]) -> None:
        dates_are_refused_with_a_message(d, today(portal), champ, spec)

    with pytest.raises(AssertionError, match="accepted, expected « La date d'entrée en France ne peut pas précéder"):
        run()


# Free text -----------------------------------------------------------------------------------------
TEXT_FIELDS = {"nom_naissance": "informations-personnelles", "prenoms-0": "informations-personnelles",
               "lieu_naissance": "informations-personnelles", "parent_nom_naissance": "motif-de-sejour",
               "observations": "depot"}


def as_shown(typed: str, shown_value: str) -> bool:
    """What a field shows is what was typed (a browser sends line breaks as CR LF)."""
    candidates = {typed, typed.replace("\r\n", "\n").replace("\r", "\n")}
    return shown_value in candidates | {c.removeprefix("\n") for c in candidates}


def assert_no_markup_from_the_user(page: Page) -> None:
    for node in page.root.iter():
        assert node.tag not in ("img", "iframe", "svg", "object"), f"<{node.tag}> in the page"
        assert node.tag != "script" or node.attrs.get("src"), "an inline <script> in the page"
        assert not any(name.startswith("on") for name in node.attrs), f"an event handler on <{node.tag}>"


def free_text_is_kept_escaped_and_measured(d: Dossier, champ: str, text: str) -> None:
    step_id = TEXT_FIELDS[champ]
    if step_id == "depot":
        limit, values, action = 2000, {"observations": text}, "deposer"
    else:
        limit, values, action = 200, {**d.saved[step_id], champ: text}, "enregistrer"
    page = d.applicant.submit(step_id, values, action=action)
    assert_no_markup_from_the_user(page)
    stripped = text.strip()
    if step_id != "depot" and not stripped:
        expected: str | None = MESSAGES["obligatoire"]
    elif len(stripped) > limit:
        expected = MESSAGES[f"trop_long_{limit}"]
    else:
        expected = None
    if expected is not None:
        assert page.status == 422 and page.error(champ) == expected, (len(stripped), page.errors())
        assert as_shown(text, page.values()[champ]), "what was typed is not shown back as typed"
        assert_saved(d.applicant, {k: v for k, v in d.saved.items() if k != "depot"})
        return
    if step_id == "depot":
        # nothing is deposited (a justificatif is missing), and the observations are kept
        assert page.status == 422 and page.general == MESSAGES["depot_refuse"], (page.status, page.general)
        d.saved["depot"] = values
    else:
        assert page.status == 200 and page.error(champ) is None, page.errors()
        d.saved[step_id] = values
    again = d.applicant.step(step_id)
    assert_no_markup_from_the_user(again)
    assert as_shown(text, again.values()[champ]), "the saved text is not shown as typed"


def scribe(applicants: Applicants) -> Dossier:
    def make() -> Dossier:
        d = dossier(applicants, "scribe-base", last="depot")
        d.applicant.remove_pieces("filiation")  # so that "Déposer la demande" never deposits
        return d
    return applicants.get("scribe", make)


def free_text_property(test: Callable[..., None]) -> Callable[..., None]:
    test = given(champ=st.sampled_from(sorted(TEXT_FIELDS)), text=free_texts(max_size=2500))(test)
    return example(champ="lieu_naissance", text="\"><img src=x onerror=alert(1)>")(test)


@settings(PROPERTY, max_examples=examples(30))
@free_text_property
def test_free_text_is_stored_escaped_and_too_long_is_said(applicants: Applicants, champ: str, text: str) -> None:
    free_text_is_kept_escaped_and_measured(scribe(applicants), champ, text)


def test_the_free_text_property_fails_when_text_is_not_escaped(make_portal) -> None:  # type: ignore[no-untyped-def]
    d = scribe(Applicants(make_portal(frozenset({"texte_non_echappe"}))))

    @BROKEN
    @free_text_property
    def run(champ: str, text: str) -> None:
        free_text_is_kept_escaped_and_measured(d, champ, text)

    with pytest.raises(AssertionError, match="<img> in the page|not shown as typed"):
        run()


# A refusal keeps what was saved --------------------------------------------------------------------
REFUSALS = [(step_id, i) for step_id, breakers in BREAKERS.items() for i in range(len(breakers))]


def a_refusal_keeps_what_was_saved(d: Dossier, today_: date, refusal: tuple[str, int], data: st.DataObject) -> None:
    step_id, i = refusal
    champ, over, message = BREAKERS[step_id][i]
    birth = birth_date(d.saved["informations-personnelles"])
    valid = {"situation": d.saved["situation"],
             "informations-personnelles": data.draw(informations_valides(today_), label="valides"),
             "motif-de-sejour": data.draw(motifs_valides(today_, birth), label="valides"),  # type: ignore[arg-type]
             "justificatifs": {}, "depot": {"observations": "Merci."}}[step_id]
    typed = {**valid, **over}
    files = {"fichier-domicile": ("facture.pdf", NOT_ACCEPTED["exe"], "application/pdf")} if step_id == "justificatifs" else None
    action = "deposer" if step_id == "depot" else "enregistrer"
    pieces_before = d.applicant.step("justificatifs").pieces("domicile")
    page = d.applicant.submit(step_id, typed, action=action, files=files)
    assert page.status == 422 and page.step_title == TITRES[step_id], (refusal, page.status, page.step_title)
    assert message in (page.error(champ) or ""), (refusal, page.errors())
    unknown = set(over) if message == MESSAGES["choix_invalide"] else set()  # a value no list offers
    assert page.shown() == {k: v for k, v in shown(typed).items() if k not in unknown}, "what was typed is not shown"
    assert_saved(d.applicant, d.saved)
    assert d.applicant.step("justificatifs").pieces("domicile") == pieces_before


def keeper(applicants: Applicants) -> Dossier:
    def make() -> Dossier:
        d = dossier(applicants, "keeper-base", last="depot")
        d.applicant.submit("depot", {"observations": "Première version."}, action="precedent")
        d.saved["depot"] = {"observations": "Première version."}
        return d
    return applicants.get("keeper", make)


def refusal_property(test: Callable[..., None]) -> Callable[..., None]:
    return given(refusal=st.sampled_from(REFUSALS), data=st.data())(test)


@settings(PROPERTY, max_examples=examples(25))
@refusal_property
def test_a_refused_submission_keeps_every_saved_step(applicants: Applicants, refusal: tuple[str, int],
                                                     data: st.DataObject) -> None:
    a_refusal_keeps_what_was_saved(keeper(applicants), today(applicants.portal), refusal, data)


def test_the_refusal_property_fails_when_a_refusal_saves_what_was_typed(make_portal) -> None:  # type: ignore[no-untyped-def]
    portal = make_portal(frozenset({"refus_enregistre"}))
    d = keeper(Applicants(portal))

    @BROKEN
    @refusal_property
    def run(refusal: tuple[str, int], data: st.DataObject) -> None:
        a_refusal_keeps_what_was_saved(d, today(portal), refusal, data)

    with pytest.raises(AssertionError, match="no longer shows what was saved"):
        run()
