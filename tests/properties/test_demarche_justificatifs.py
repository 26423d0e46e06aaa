"""Properties of the "Justificatifs" step of the enfant de Français wizard over HTTP (issue 4), for
every input hypothesis draws:

* uploads to a justificatif are accepted iff the name has an accepted extension (.jpg .png .pdf
  .tiff .bmp) and the content is a well-formed file of that very format (signature and parsing: PNG
  bytes named .pdf, "BM" then HTML, "%PDF-" then HTML are refused), the file is not empty and at
  most 10 Mo, and the justificatif holds fewer than 3 documents; each refusal names the file and
  says why, next to its justificatif;
* an ephoto number is accepted iff it is 22 digits (spaces typed between them are ignored) not
  used by another demande.

Each property also runs against a portal started with one rule broken (fake_anef/faults.py) and
must fail there. One portal and a few applicants per module (tests/properties/demarche_dossiers.py);
examples are bounded (20 to 30 each); ANEF_PROPERTY_EXAMPLES=1000 explores longer. Two bugs of the portal found on the way (a non-ASCII digit ephoto
accepted, a joined file with a non-latin-1 name that could not be opened) are fixed and kept as
regression tests."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from personas.strategies import invalid_ephoto_numbers

from .conftest import Applicants, examples
from .demarche_dossiers import BROKEN, PROPERTY
from .wizard_http import Applicant, new_applicant
from .wizard_saisies import DISGUISED, MAGIC, MAX_SIZE, MESSAGES, NOT_ACCEPTED, PDF, content_of, real_file

HELD_EPHOTO = "3141592653589793238462"  # confirmed by another applicant's demande


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
