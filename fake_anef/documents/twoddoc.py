"""2D-DOC writer (ANTS specification "codes à barres 2D-Doc", v3.2.6) for the portal's attestations.

The real ANEF prints a 2D-DOC on its attestations (document type 13 "Document étranger") so that a
landlord or an employer can scan the paper and check it was issued by the administration. The
simulator does the same, signed with a test authority (any "XX00" authority is reserved for tests by
§3.3, so these codes can never pass for real ones).

What is written, and why it looks the way it does:
- header v04 in its C40 form (§3.3.3): 26 characters "DC04" + authority + certificate id + issue date
  + signature date (4 uppercase hex digits, days since 2000-01-01, FFFF when none) + document type +
  perimeter + country;
- message (§3.4.1): <ID><value>, a variable-length value followed by <GS> only when it is shorter than
  its maximum and is not the last field, a value longer than its maximum cut to the maximum and
  followed by <RS>, fixed-length values never followed by a separator;
- signature (§3.5.2): ECDSA over exactly the ASCII bytes of header + message (what comes before
  <US>), raw r||s, RFC 4648 Base32 without padding, after <US>;
- symbol (§4): DataMatrix ECC200, square, with a quiet zone, captioned "2D-DOC".

The field table (:mod:`.twoddoc_champs`) is the portal's own transcription of the specification's
annex (§7.0 and §7.5, the identifiers a type 13 document may hold, §8.5); the harness has an
independent one, on purpose: the portal and the harness never share code, so each catches the
other's mistakes. The symbol itself is drawn by :mod:`.datamatrix`.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from .datamatrix import MIN_MODULE_MM, QUIET_ZONE_MODULES, datamatrix_modules, draw_on_canvas, render_png
from .twoddoc_champs import ALNUM_SPACE_SLASH, FIELD_SPECS, MANDATORY_TYPE_13, FieldSpec

__all__ = [
    "FIELD_SPECS",
    "MIN_MODULE_MM",
    "QUIET_ZONE_MODULES",
    "GS",
    "MANDATORY_TYPE_13",
    "RS",
    "US",
    "FieldSpec",
    "TwoDDocSigner",
    "datamatrix_modules",
    "draw_on_canvas",
    "encode_date",
    "encode_header",
    "encode_message",
    "header_date",
    "normalise_value",
    "render_png",
]

GS = "\x1d"  # end of a variable-length value shorter than its maximum
RS = "\x1e"  # end of a value that was cut short
US = "\x1f"  # end of the signed data, start of the signature

EPOCH = date(2000, 1, 1)


# Everything normalise_value() may leave in a value: the C40 basic set (§10.3, the characters a
# 2D-DOC stores most compactly) plus '/', the only punctuation the type 13 fields allow.
ALLOWED = frozenset(ALNUM_SPACE_SLASH)


# Variable-length fields whose spacing normalise_value() keeps: the MRZ's runs of fillers are meaningful.
_KEEP_SPACING = frozenset({"6F"})

# Letters NFKD does not take apart.
_SPECIAL_LETTERS = {
    "ß": "SS",
    "ẞ": "SS",
    "Æ": "AE",
    "æ": "AE",
    "Œ": "OE",
    "œ": "OE",
    "Ø": "O",
    "ø": "O",
    "Đ": "D",
    "đ": "D",
    "Ð": "D",
    "ð": "D",
    "Ł": "L",
    "ł": "L",
    "Þ": "TH",
    "þ": "TH",
    "\u0131": "I",  # dotless i
}

_CODE = re.compile(r"[A-Z0-9]{4}")
_TWO = re.compile(r"[A-Z0-9]{2}")


def normalise_value(text: str, identifier: str | None = None) -> str:
    """Write free text the way a 2D-DOC field may hold it.

    The annex allows only unaccented uppercase letters, digits, spaces and, in a few fields (60, 6D,
    6E), '/'. So, as the MRZ conventions of ICAO 9303 do:
    - accents and cedillas are dropped (NFKD decomposition, combining marks removed): "Bérénice
      Ça" → "BERENICE CA"; letters that do not decompose are spelt out (ß → SS, Æ → AE, Œ → OE,
      Ø → O, Ł → L...);
    - everything is uppercased;
    - any other character (apostrophe, hyphen, comma, '<' of an MRZ, tab...) becomes a space:
      "D'ARTAGNAN" → "D ARTAGNAN", "JEAN-PIERRE" → "JEAN PIERRE"; '/' also becomes a space when
      `identifier` names a field that does not allow it;
    - runs of spaces are collapsed and the ends trimmed, since they are not visible on paper.
      Except in fixed-width values, kept character for character: the MRZ (6F), whose runs of
      fillers are meaningful, and every fixed-length field ("P " in 65, "     " in 6W for a
      country without postcodes).

    It cannot make a value valid for its field (digits stay digits in a name): `TwoDDocSigner.sign`
    checks each value against its field afterwards and says which one is wrong.
    """
    out: list[str] = []
    for char in text:
        char = _SPECIAL_LETTERS.get(char, char)
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            out.append(part.upper() if part.isascii() else part)
    spec = FIELD_SPECS.get(identifier) if identifier else None
    allowed = ALLOWED if spec is None or "/" in spec.charset else ALLOWED - {"/"}
    value = "".join(c if c in allowed else " " for c in "".join(out))
    if identifier in _KEEP_SPACING or (spec is not None and spec.fixed):
        return value
    return " ".join(value.split())


def encode_date(value: date) -> str:
    """A JJMMAAAA field value (6L, 6N, 6O, 69...)."""
    return f"{value.day:02d}{value.month:02d}{value.year:04d}"


def header_date(value: date | None) -> str:
    """A header date: days since 2000-01-01 as 4 uppercase hex digits, FFFF when there is none."""
    if value is None:
        return "FFFF"
    days = (value - EPOCH).days
    if not 0 <= days < 0xFFFF:  # FFFF itself means "no date"
        raise ValueError(f"date {value} cannot be written in a 2D-DOC header (2000-01-01 .. 2179)")
    return f"{days:04X}"


def encode_header(
    authority: str,
    certificate_id: str,
    issue_date: date | None,
    signature_date: date,
    document_type: str,
    perimeter: str,
    country: str,
) -> str:
    """The 26-character C40 header of version 04 (§3.3.3)."""
    for label, value, pattern in (
        ("authority", authority, _CODE),
        ("certificate id", certificate_id, _CODE),
        ("document type", document_type, _TWO),
        ("perimeter", perimeter, _TWO),
    ):
        if not pattern.fullmatch(value):
            raise ValueError(f"{label} {value!r} is not made of [A-Z0-9] characters of the right length")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    header = (
        "DC04"
        + authority
        + certificate_id
        + header_date(issue_date)
        + header_date(signature_date)
        + document_type
        + perimeter
        + country
    )
    assert len(header) == 26
    return header


def _check_value(spec: FieldSpec, value: str) -> None:
    bad = sorted({c for c in value if c not in spec.charset})
    if bad:
        raise ValueError(
            f"field {spec.identifier} ({spec.name}): characters {bad!r} are not allowed "
            f"(allowed: {spec.charset!r}); pass the text through normalise_value() first"
        )
    if spec.fixed and len(value) != spec.min_length:
        # §3.4.1: "Il est interdit de tronquer un champ de longueur fixe".
        raise ValueError(
            f"field {spec.identifier} ({spec.name}) has a fixed length of {spec.min_length}, "
            f"got {len(value)} characters: {value!r}"
        )
    if len(value) < spec.min_length:
        raise ValueError(
            f"field {spec.identifier} ({spec.name}) needs at least {spec.min_length} characters, got {value!r}"
        )
    if spec.is_date:
        day, month, year = int(value[:2]), int(value[2:4]), int(value[4:])
        # 69 (date of birth) may carry 00 for an unknown day or day and month.
        unknown_ok = spec.identifier == "69" and (day == 0 and month in range(0, 13))
        if not unknown_ok:
            try:
                date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"field {spec.identifier} ({spec.name}): {value!r} is not a date JJMMAAAA") from exc


FieldValue = str | date
FieldItems = Iterable[tuple[str, FieldValue]] | Mapping[str, FieldValue]


def _items(fields: FieldItems) -> list[tuple[str, FieldValue]]:
    return list(fields.items()) if isinstance(fields, Mapping) else list(fields)


def encode_message(fields: FieldItems, *, normalise: bool = True) -> str:
    """The message zone (§3.4.1) for (identifier, value) pairs, in the order given.

    Values may be `date` objects for the JJMMAAAA fields. With `normalise`, text values go through
    normalise_value() first; every value is then checked against its field.
    """
    items = _items(fields)
    seen: set[str] = set()
    parts: list[str] = []
    for index, (identifier, raw) in enumerate(items):
        spec = FIELD_SPECS.get(identifier)
        if spec is None:
            raise ValueError(f"identifier {identifier!r} is not one a type 13 2D-DOC may hold")
        if identifier in seen:
            raise ValueError(f"identifier {identifier} is given twice")
        seen.add(identifier)
        if isinstance(raw, date):
            if not spec.is_date:
                raise ValueError(f"field {identifier} ({spec.name}) is not a date field")
            value = encode_date(raw)
        else:
            value = normalise_value(raw, identifier) if normalise else raw
        truncated = spec.max_length is not None and len(value) > spec.max_length and not spec.fixed
        if truncated:
            # §3.4.1: a value cut to its maximum ends with RS, even as the last field.
            value = value[: spec.max_length]
        _check_value(spec, value)
        last = index == len(items) - 1
        if truncated:
            parts.append(identifier + value + RS)
        elif spec.fixed or last or (spec.max_length is not None and len(value) == spec.max_length):
            parts.append(identifier + value)
        else:
            parts.append(identifier + value + GS)
    return "".join(parts)


def _hash_for(curve: ec.EllipticCurve) -> hashes.HashAlgorithm:
    # The specification names SHA-256 with P-256 (§16.1); the larger curves get the matching SHA-2.
    return {256: hashes.SHA256(), 384: hashes.SHA384(), 521: hashes.SHA512()}[curve.key_size]


class TwoDDocSigner:
    """Signs 2D-DOC codes with one certificate's private key.

    `authority` and `certificate_id` are what the header names (4 characters [A-Z0-9] each): a
    verifier finds the certificate by them, so they must match the certificate the key belongs to.
    """

    def __init__(self, private_key_pem: bytes, authority: str, certificate_id: str) -> None:
        key = serialization.load_pem_private_key(private_key_pem, password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("a 2D-DOC is signed with an ECDSA key (NIST P-256, P-384 or P-521)")
        if not _CODE.fullmatch(authority) or not _CODE.fullmatch(certificate_id):
            raise ValueError("authority and certificate id are 4 characters [A-Z0-9] each")
        self._key = key
        self.authority = authority
        self.certificate_id = certificate_id

    def signature(self, data: str) -> str:
        """Base32 (RFC 4648, no padding) of the raw r||s ECDSA signature of the ASCII bytes of `data`."""
        key = self._key
        der = key.sign(data.encode("ascii"), ec.ECDSA(_hash_for(key.curve)))
        r, s = decode_dss_signature(der)
        size = (key.curve.key_size + 7) // 8
        raw = r.to_bytes(size, "big") + s.to_bytes(size, "big")
        return base64.b32encode(raw).decode("ascii").rstrip("=")

    def sign(
        self,
        document_type: str,
        perimeter: str,
        country: str,
        issue_date: date | None,
        signature_date: date,
        fields: FieldItems,
        *,
        normalise: bool = True,
        check_mandatory: bool = True,
    ) -> str:
        """The full payload: header + message + US + signature.

        `fields` are (identifier, value) pairs (or a mapping), written in that order. For document
        type 13 the mandatory fields of §8.5 are required unless `check_mandatory` is False.
        """
        items = _items(fields)
        if check_mandatory and document_type == "13":
            missing = sorted(MANDATORY_TYPE_13 - {identifier for identifier, _ in items})
            if missing:
                raise ValueError(f"a type 13 2D-DOC must hold fields {', '.join(missing)}")
        data = encode_header(
            self.authority, self.certificate_id, issue_date, signature_date, document_type, perimeter, country
        ) + encode_message(items, normalise=normalise)
        return data + US + self.signature(data)
