"""Hypothesis strategies for property tests of a portal's input handling.

Why: the portal must accept every valid input and refuse every invalid one with the guide's
message, whatever the vendor.  These strategies produce both sides: passwords with the exact set of
rules they break, valid and invalid e-photo numbers, impossible dates, hostile free text, and whole
applicants built through :class:`~personas.factory.PersonaFactory` from a drawn seed (so that
Hypothesis shrinks towards small seeds and a failure names its seed).
"""

from __future__ import annotations

import string
from datetime import date, timedelta

from hypothesis import strategies as st

from personas.factory import PersonaFactory, add_years
from personas.model import CARACTERES_SPECIAUX, regles_mot_de_passe_enfreintes

__all__ = [
    "REGLES_MOT_DE_PASSE",
    "passwords",
    "valid_passwords",
    "ephoto_numbers",
    "invalid_ephoto_numbers",
    "dates_de_naissance",
    "impossible_dates",
    "free_texts",
    "demandeurs",
    "JOURNEYS",
]

REGLES_MOT_DE_PASSE = frozenset({"longueur", "majuscule", "minuscule", "chiffre", "special"})

_CLASSES = {
    "majuscule": string.ascii_uppercase,
    "minuscule": string.ascii_lowercase,
    "chiffre": string.digits,
    "special": CARACTERES_SPECIAUX,
}


@st.composite
def passwords(draw, max_size: int = 40) -> tuple[str, frozenset[str]]:
    """``(password, rules it breaks)``; rules among :data:`REGLES_MOT_DE_PASSE`.

    Characters are ASCII letters, digits and the special characters of the guide only, so that the
    broken set is the same whatever a portal counts as "special" beyond that list.
    """
    presentes = [c for c in _CLASSES if draw(st.booleans())]
    if not presentes:
        presentes = [draw(st.sampled_from(sorted(_CLASSES)))]
    longueur = draw(st.integers(min_value=len(presentes), max_value=max_size))
    chars = [draw(st.sampled_from(_CLASSES[c])) for c in presentes]
    alphabet = "".join(_CLASSES[c] for c in presentes)
    chars += draw(
        st.lists(st.sampled_from(alphabet), min_size=longueur - len(chars),
                 max_size=longueur - len(chars))
    )
    chars = draw(st.permutations(chars))
    pw = "".join(chars)
    return pw, frozenset(regles_mot_de_passe_enfreintes(pw))


@st.composite
def valid_passwords(draw, max_size: int = 40) -> str:
    """A password every rule accepts."""
    chars = [draw(st.sampled_from(a)) for a in _CLASSES.values()]
    alphabet = "".join(_CLASSES.values())
    extra = draw(st.integers(min_value=4, max_value=max_size - 4))
    chars += draw(st.lists(st.sampled_from(alphabet), min_size=extra, max_size=extra))
    return "".join(draw(st.permutations(chars)))


def ephoto_numbers() -> st.SearchStrategy[str]:
    """A well-formed e-photo number: exactly 22 ASCII digits."""
    return st.text(alphabet=string.digits, min_size=22, max_size=22)


def invalid_ephoto_numbers() -> st.SearchStrategy[str]:
    """Strings that are not 22 ASCII digits: wrong length, letters, spaces, non-ASCII digits."""
    digits = st.sampled_from(string.digits)
    wrong_length = st.one_of(
        st.text(alphabet=string.digits, max_size=21),
        st.text(alphabet=string.digits, min_size=23, max_size=40),
    )

    @st.composite
    def one_bad_char(draw) -> str:
        chars = draw(st.lists(digits, min_size=22, max_size=22))
        i = draw(st.integers(0, 21))
        chars[i] = draw(
            st.sampled_from(list("AZaz -_.+/")
                            + ["\u0663", "\u0967", "\uff11", "\u00b2", "\t", "\n", "O", "l"])
        )
        return "".join(chars)

    @st.composite
    def spaced(draw) -> str:
        s = draw(st.text(alphabet=string.digits, min_size=22, max_size=22))
        return f"{s[:4]} {s[4:8]} {s[8:12]} {s[12:16]} {s[16:20]} {s[20:]}"

    return st.one_of(wrong_length, one_bad_char(), spaced(), st.just(""),
                     st.text(min_size=1, max_size=30).filter(
                         lambda s: not (len(s) == 22 and all(c in string.digits for c in s))))


def dates_de_naissance(today: date, age_min: int = 0, age_max: int = 120) -> st.SearchStrategy[date]:
    """Birth dates giving an age in [age_min, age_max] at ``today``."""
    debut = add_years(today, -(age_max + 1)) + timedelta(days=1)
    fin = add_years(today, -age_min)
    return st.dates(min_value=debut, max_value=fin)


def _est_bissextile(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


@st.composite
def impossible_dates(draw, min_year: int = 1900, max_year: int = 2100) -> tuple[int, int, int]:
    """``(day, month, year)`` triples that name no calendar day, e.g. ``(31, 2, 2001)``."""
    year = draw(st.integers(min_year, max_year))
    kind = draw(st.sampled_from(["fevrier", "mois30", "jour0", "jour32", "mois0", "mois13"]))
    if kind == "fevrier":
        premier = 29 if not _est_bissextile(year) else 30
        return draw(st.integers(premier, 31)), 2, year
    if kind == "mois30":
        return 31, draw(st.sampled_from([4, 6, 9, 11])), year
    if kind == "jour0":
        return 0, draw(st.integers(1, 12)), year
    if kind == "jour32":
        return draw(st.integers(32, 99)), draw(st.integers(1, 12)), year
    if kind == "mois0":
        return draw(st.integers(1, 28)), 0, year
    return draw(st.integers(1, 28)), draw(st.integers(13, 99)), year


_HOSTILES = (
    "<script>alert('anef')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; DROP TABLE demandes; --",
    "' OR '1'='1",
    "{{7*7}}",
    "${jndi:ldap://localhost/a}",
    "../../../../etc/passwd",
    "\u202eetaD-a-lirB",  # right-to-left override
    "مرحبا بكم في فرنسا",  # Arabic (RTL)
    "שלום",  # Hebrew (RTL)
    "👩‍👩‍👧‍👦🇫🇷✈️",
    "Zalgo: Z̴̡̛a̸l̵g̶o̷",
    "\x00\x01\x7f",
    "\r\n\r\nSet-Cookie: x=1",
    "Ｆｕｌｌｗｉｄｔｈ",
    "N'Diaye d'Almeida — « guillemets » œ Æ ß",
    " ",
    "",
)


def free_texts(max_size: int = 2000) -> st.SearchStrategy[str]:
    """Any Unicode text, with a strong bias towards markup, SQL, RTL, emoji and very long strings."""
    return st.one_of(
        st.sampled_from(_HOSTILES),
        st.text(max_size=200),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
        st.builds(lambda a, b: a + b, st.sampled_from(_HOSTILES), st.text(max_size=50)),
        st.integers(min_value=1_000, max_value=max(1_000, max_size)).map(lambda n: "é" * n),
        st.builds(lambda s, n: (s or "x") * n, st.text(min_size=1, max_size=5),
                  st.integers(200, 2_000)),
    )


#: Journeys drawn by :func:`demandeurs` (factory method name, keyword arguments).
JOURNEYS: tuple[tuple[str, dict], ...] = (
    ("compte", {"kind": "sans_numero_etranger"}),
    ("compte", {"kind": "numero_etranger"}),
    ("compte", {"kind": "titre"}),
    ("compte", {"kind": "visa"}),
    ("renouvellement", {}),
    ("enfant_de_francais", {}),
    ("ase", {"cas": 1}),
    ("ase", {"cas": 2}),
    ("ase", {"cas": 3}),
    ("ase", {"cas": 1, "eligible": False}),
    ("bpi", {"statut": "BPS"}),
    ("bpi", {"statut": "réfugié", "marie": True}),
    ("famille_ue", {"accueillant": "français"}),
    ("famille_ue", {"accueillant": "européen"}),
)


def demandeurs(today: date, journeys: tuple[tuple[str, dict], ...] = JOURNEYS):
    """Applicants of any journey, built by a factory seeded from a drawn seed."""

    def build(seed: int, journey: tuple[str, dict]):
        name, kwargs = journey
        return getattr(PersonaFactory(seed, today), name)(**kwargs)

    return st.builds(build, st.integers(min_value=0, max_value=2**32 - 1),
                     st.sampled_from(journeys))
