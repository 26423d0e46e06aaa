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

The field table below is this module's own transcription of the specification's annex (§7.0 and
§7.5, the identifiers a type 13 document may hold, §8.5); the harness has an independent one, on
purpose: the portal and the harness never share code, so each catches the other's mistakes.
"""

from __future__ import annotations

import base64
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple, cast

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

__all__ = [
    "FIELD_SPECS",
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

# Character classes used by the annex's field descriptions ("lettres majuscules non accentuées
# [A-Z]", "chiffres [0-9]", "espaces", "'/'").
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
ALPHA_SPACE = LETTERS + " "
ALNUM = LETTERS + DIGITS
ALNUM_SPACE = ALNUM + " "
ALPHA_SPACE_SLASH = ALPHA_SPACE + "/"
ALNUM_SPACE_SLASH = ALNUM_SPACE + "/"
DIGITS_SPACE = DIGITS + " "
HEX = DIGITS + "ABCDEF"
BASE32 = LETTERS + "234567"

# Everything normalise_value() may leave in a value: the C40 basic set (§10.3, the characters a
# 2D-DOC stores most compactly) plus '/', the only punctuation the type 13 fields allow.
ALLOWED = frozenset(ALNUM_SPACE_SLASH)


class FieldSpec(NamedTuple):
    """One data identifier of the annex: its length bounds and the characters it may hold."""

    identifier: str
    name: str  # the French name, as the specification words it
    min_length: int
    max_length: int | None  # None: "Taille Max. Aucune", unbounded
    fixed: bool  # True when min == max: no separator ever follows the value
    kind: str  # the annex's "Type": alphabétique, alphanumérique, numérique
    charset: str  # characters the description allows
    is_date: bool = False  # JJMMAAAA


def _f(
    identifier: str,
    name: str,
    min_length: int,
    max_length: int | None,
    kind: str,
    charset: str,
    is_date: bool = False,
) -> FieldSpec:
    fixed = max_length is not None and min_length == max_length
    return FieldSpec(identifier, name, min_length, max_length, fixed, kind, charset, is_date)


_ALPHA, _ALNUM, _NUM = "alphabétique", "alphanumérique", "numérique"

# §7.0 (complementary identifiers, allowed in every type) and §7.5 (identity documents), in the
# order of the specification. Lengths are the annex's "Taille Min." / "Taille Max.".
FIELD_SPECS: dict[str, FieldSpec] = {
    s.identifier: s
    for s in (
        _f("01", "Identifiant unique du document", 0, None, _ALNUM, ALNUM),
        _f("02", "Catégorie de document", 0, None, _ALNUM, ALNUM_SPACE),
        _f("03", "Sous-catégorie de document", 0, None, _ALNUM, ALNUM_SPACE),
        _f("04", "Application de composition", 0, None, _ALNUM, ALNUM_SPACE),
        _f("05", "Version de l'application de composition", 0, None, _ALNUM, ALNUM_SPACE),
        _f("06", "Date de l'association entre le document et le code 2D-DOC", 4, 4, _ALNUM, HEX),
        _f("07", "Heure de l'association entre le document et le code 2D-DOC", 6, 6, _NUM, DIGITS),
        _f("08", "Date d'expiration du document", 4, 4, _ALNUM, HEX),
        _f("09", "Nombre de pages du document", 4, 4, _NUM, DIGITS),
        _f("0A", "Editeur du 2D-DOC", 9, 9, _NUM, DIGITS),
        _f("0B", "Intégrateur du 2D-DOC", 9, 9, _NUM, DIGITS),
        _f("0C", "URL du document", 0, None, _ALNUM, BASE32),
        _f("60", "Liste des prénoms", 0, 60, _ALNUM, ALPHA_SPACE_SLASH),
        _f("61", "Prénom", 0, 20, _ALNUM, ALPHA_SPACE),
        _f("62", "Nom patronymique", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("63", "Nom d'usage", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("64", "Nom d'épouse/époux", 0, 38, _ALNUM, ALPHA_SPACE),
        _f("65", "Type de pièce d'identité", 2, 2, _ALNUM, ALPHA_SPACE),
        _f("66", "Numéro de la pièce d'identité", 0, 20, _ALNUM, ALNUM),
        _f("67", "Nationalité", 2, 2, _ALNUM, LETTERS),
        _f("68", "Genre", 1, 1, _ALNUM, "MF"),
        _f("69", "Date de naissance", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6A", "Lieu de naissance", 0, 32, _ALNUM, ALNUM_SPACE),
        _f("6B", "Département du bureau émetteur", 3, 3, _ALNUM, ALNUM),
        _f("6C", "Pays de naissance", 2, 2, _ALNUM, LETTERS),
        _f("6D", "Nom et prénom du père", 0, 60, _ALNUM, ALNUM_SPACE_SLASH),
        _f("6E", "Nom et prénom de la mère", 0, 60, _ALNUM, ALNUM_SPACE_SLASH),
        _f("6F", "Machine Readable Zone (Zone de Lecture Automatique, ZLA)", 0, 90, _ALNUM, ALNUM_SPACE),
        _f("6G", "Nom", 1, 38, _ALNUM, ALPHA_SPACE),
        _f("6H", "Civilité", 1, 10, _ALNUM, ALPHA_SPACE),
        _f("6I", "Pays émetteur", 2, 2, _ALNUM, LETTERS),
        _f("6J", "Type de document étranger", 1, 1, _NUM, "12345"),
        _f("6K", "Numéro de la demande de document étranger", 19, 19, _NUM, DIGITS),
        _f("6L", "Date de dépôt de la demande", 8, 8, _ALNUM, DIGITS, is_date=True),
        _f("6M", "Catégorie du titre", 0, 40, _ALPHA, ALPHA_SPACE),
        _f("6N", "Date de début de validité", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6O", "Date de fin de validité", 8, 8, _NUM, DIGITS, is_date=True),
        _f("6P", "Autorisation", 0, 40, _ALPHA, ALPHA_SPACE),
        _f("6Q", "Numéro d'étranger", 0, 10, _ALNUM, ALNUM),
        _f("6R", "Numéro de visa", 12, 12, _ALNUM, ALNUM),
        _f("6S", "Ligne 2 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6T", "Ligne 3 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6U", "Ligne 4 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6V", "Ligne 5 de l'adresse postale du domicile", 0, 38, _ALNUM, ALNUM_SPACE),
        _f("6W", "Code postal ou code cedex de l'adresse postale du domicile", 5, 5, _NUM, DIGITS_SPACE),
        _f("6X", "Commune de l'adresse postale du domicile", 0, 32, _ALPHA, ALPHA_SPACE),
        _f("6Y", "Code pays de l'adresse postale du domicile", 2, 2, _ALPHA, LETTERS),
        _f("6Z", "Numéro d'étranger de l'autorisation de travail", 9, 11, _ALNUM, ALNUM),
    )
}

# §8.5, column 13: "O" (obligatoire).
MANDATORY_TYPE_13: frozenset[str] = frozenset(
    {"60", "62", "63", "67", "68", "69", "6A", "6C", "6J", "6K", "6L", "6P", "6Q", "6U", "6W", "6X"}
)

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


# --- DataMatrix -------------------------------------------------------------------------------------

QUIET_ZONE_MODULES = 2  # §4.3 asks for at least one module; two are kinder to phone cameras
MIN_MODULE_MM = 0.5  # §4.4 recommends 0.4 mm at least; 0.5 mm reads reliably with a phone
CAPTION = "2D-DOC"  # §4.1: the symbol is marked "2D-DOC" on one side


def _symbol(payload: str) -> Any:
    """The DataMatrix as a PIL image, one pixel per module, without quiet zone."""
    import zxingcpp
    from PIL import Image

    # Bytes, not str: zxing-cpp then writes every byte as is (GS/RS/US included) with no ECI or
    # UTF-8 conversion. forceSquare must be a keyword of its own: zxing-cpp 3.x silently ignores
    # unknown keywords and option strings, and its default picks a rectangular symbol, which §4
    # forbids.
    barcode = zxingcpp.create_barcode(payload.encode("latin-1"), zxingcpp.BarcodeFormat.DataMatrix, forceSquare=True)
    bitmap = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = bitmap.__array_interface__["shape"][:2]
    if height != width:
        raise RuntimeError(f"zxing-cpp produced a {width}x{height} DataMatrix; a 2D-DOC must be square")
    pixels = bytes(memoryview(cast(Any, bitmap)))  # zxingcpp.Image has the buffer protocol; its stub omits it
    return Image.frombuffer("L", (width, height), pixels, "raw", "L", 0, 1)


def datamatrix_modules(payload: str) -> int:
    """Modules on a side of the symbol for `payload`, quiet zone excluded."""
    return int(_symbol(payload).width)


def _with_quiet_zone(payload: str, scale: int) -> Any:
    from PIL import Image

    symbol = _symbol(payload)
    side = symbol.width + 2 * QUIET_ZONE_MODULES
    canvas = Image.new("L", (side, side), 255)
    canvas.paste(symbol, (QUIET_ZONE_MODULES, QUIET_ZONE_MODULES))
    return canvas.resize((side * scale, side * scale), Image.Resampling.NEAREST) if scale > 1 else canvas


def render_png(payload: str, scale: int = 8) -> bytes:
    """The DataMatrix as a PNG, `scale` pixels per module, with a quiet zone of two modules."""
    if scale < 1:
        raise ValueError("scale is a number of pixels per module, at least 1")
    buffer = io.BytesIO()
    _with_quiet_zone(payload, scale).save(buffer, format="PNG")
    return buffer.getvalue()


def draw_on_canvas(
    canvas: Any,
    payload: str,
    x: float,
    y: float,
    size_mm: float | None = None,
    *,
    caption_font: tuple[str, float] = ("Helvetica", 7.0),
) -> tuple[float, float]:
    """Draw the code and its "2D-DOC" caption on a reportlab canvas; return (width, height) in points.

    (x, y) is the lower-left corner of the whole block, in points: the caption line at the bottom,
    the symbol (quiet zone included) above it. `size_mm` is the side of the symbol with its quiet
    zone; by default the symbol gets modules of exactly 0.5 mm. A size that would make modules
    smaller than 0.5 mm is refused rather than printed unreadable.
    """
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader

    # 8 pixels per module: crisp once printed or rendered at 300-600 dpi, and still a small image.
    image = _with_quiet_zone(payload, 8)
    modules = image.width // 8
    if size_mm is None:
        size_mm = modules * MIN_MODULE_MM
    elif size_mm / modules < MIN_MODULE_MM - 1e-9:
        raise ValueError(
            f"a {modules}-module 2D-DOC (quiet zone included) needs at least "
            f"{modules * MIN_MODULE_MM:.1f} mm to keep modules of {MIN_MODULE_MM} mm; got {size_mm} mm"
        )
    side = size_mm * mm
    font, font_size = caption_font
    caption_height = font_size * 1.4
    canvas.drawImage(ImageReader(image), x, y + caption_height, width=side, height=side)
    canvas.saveState()
    canvas.setFont(font, font_size)
    canvas.drawCentredString(x + side / 2, y + font_size * 0.35, CAPTION)
    canvas.restoreState()
    return side, side + caption_height
