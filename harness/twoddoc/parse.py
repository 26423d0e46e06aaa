"""Parse a 2D-DOC payload (the characters a DataMatrix reader returns) into header, fields, signature.

Written from the specification (§3.3 header, §3.4.1 message zone, §3.5.2 signature, §3.6 annex),
independently of the portal's writer. The split of the message follows the data identifiers'
lengths, not the separators alone: a fixed-length value or a value at its maximum length has no
separator after it, so a reader that reads "until the next GS" misparses real codes.

Three levels of trouble, because a conformance tool must both explain and go on where it can:
- `MalformedCode` (raised): the payload cannot be split at all (no "DC", bad header, unknown
  identifier, value cut off, no signature...);
- `TwoDDoc.violations`: it splits, but breaks the document type's definition (a mandatory field is
  missing, a value is shorter than its minimum): verification calls it malformed (§5.1 step 2);
- `TwoDDoc.notes`: deviations worth reporting that do not change the meaning (a character the
  field's description does not allow, a superfluous separator, unsigned annex data...).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from . import c40
from .spec import DOCUMENT_TYPES, IDENTIFIERS, PERIMETER, DataIdentifier

__all__ = [
    "GS",
    "RS",
    "US",
    "Field",
    "MalformedCode",
    "TwoDDoc",
    "parse",
    "unescape_payload",
]

GS, RS, US = "\x1d", "\x1e", "\x1f"
EPOCH = date(2000, 1, 1)

# Start, length of each header item (§3.3.1 - §3.3.3); versions differ only by what they append.
HEADER_LENGTHS = {"02": 22, "03": 24, "04": 26}
_ALNUM4 = re.compile(r"[A-Z0-9]{4}")
_ALNUM2 = re.compile(r"[A-Z0-9]{2}")
_HEX4 = re.compile(r"[0-9A-F]{4}")
_BASE32 = re.compile(r"[A-Z2-7]+=*")
_ESCAPES = {"<GS>": GS, "<RS>": RS, "<US>": US}


class MalformedCode(ValueError):
    """The payload is not a 2D-DOC this reader can split (the message says where and why)."""


@dataclass(frozen=True)
class Field:
    """One data block of the message: identifier, its French name, the value as written and decoded."""

    identifier: str
    name: str
    raw: str
    value: date | time | str  # a date for JJMMAAAA / hex-day fields, a time for HHMMSS, else raw
    truncated: bool  # ended with <RS>: the issuer cut the value short (§3.4.1)
    meaning: str | None = None  # for coded values (6J, 68)


@dataclass(frozen=True)
class TwoDDoc:
    """A parsed 2D-DOC. `signed_data` is exactly what the signature covers (everything before US)."""

    payload: str
    version: str
    authority: str
    certificate_id: str
    issue_date: date | None  # None for FFFF: an undated document
    signature_date: date
    document_type: str
    perimeter: str | None  # absent from a v02 header
    country: str | None  # absent from v02 and v03 headers
    header: str
    fields: tuple[Field, ...]
    signed_data: bytes
    signature: bytes
    annex: tuple[Field, ...] = ()
    violations: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def document_name(self) -> str:
        kind = DOCUMENT_TYPES.get(self.document_type)
        return kind.name if kind else "inconnu"

    def field(self, identifier: str) -> Field | None:
        for item in self.fields:
            if item.identifier == identifier:
                return item
        return None

    def values(self) -> dict[str, str]:
        """Raw values by identifier, in message order."""
        return {item.identifier: item.raw for item in self.fields}


def unescape_payload(text: str) -> str:
    """Accept the notation "<GS>", "<RS>", "<US>" (the specification's, and zxing's escaped text)."""
    for token, char in _ESCAPES.items():
        text = text.replace(token, char)
    return text


def _header_date(text: str, what: str) -> date | None:
    if not _HEX4.fullmatch(text):
        raise MalformedCode(f"{what} {text!r} n'est pas un nombre de jours en hexadécimal (4 chiffres 0-9A-F)")
    if text == "FFFF":
        return None
    return EPOCH + timedelta(days=int(text, 16))


def _decode(spec: DataIdentifier, raw: str, notes: list[str]) -> date | time | str:
    try:
        if spec.decoder == "date":
            if spec.identifier == "69" and raw[:2] == "00":
                return raw  # day (and month) unknown: allowed for a date of birth (§7.5, 69)
            return date(int(raw[4:8]), int(raw[2:4]), int(raw[0:2]))
        if spec.decoder == "hexdate":
            return EPOCH + timedelta(days=int(raw, 16))
        if spec.decoder == "time":
            return time(int(raw[0:2]), int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        notes.append(f"champ {spec.identifier} ({spec.name}) : {raw!r} n'est pas une date/heure valide")
    return raw


def _parse_fields(zone: str, offset: int, where: str, notes: list[str]) -> list[Field]:
    """Split a message (or annex) zone into fields. `offset` only makes positions in errors useful."""
    fields: list[Field] = []
    pos = 0
    while pos < len(zone):
        char = zone[pos]
        if char in (GS, RS):
            # "Le séparateur <GS> peut apparaître sur les derniers champs" (§3.4.1): tolerated at the
            # end; elsewhere a separator after a fixed-length or full-length value is superfluous.
            if char == GS and pos == len(zone) - 1:
                break
            previous = fields[-1].identifier if fields else "?"
            if char == RS:
                raise MalformedCode(
                    f"{where} : <RS> inattendu à la position {offset + pos} après le champ {previous} "
                    "(un champ de longueur fixe ne peut pas être tronqué)"
                )
            notes.append(
                f"{where} : <GS> superflu à la position {offset + pos} après le champ {previous} "
                "(déjà à sa longueur fixe ou maximale)"
            )
            pos += 1
            continue
        ident = zone[pos : pos + 2]
        spec = IDENTIFIERS.get(ident)
        if spec is None:
            raise MalformedCode(
                f"{where} : identifiant de donnée inconnu {ident!r} à la position {offset + pos} "
                f"(ce lecteur connaît les identifiants des §7.0 et §7.5 de la spécification)"
            )
        start = pos + 2
        truncated = False
        if spec.fixed:
            assert spec.max_length is not None
            end = start + spec.max_length
            raw = zone[start:end]
            if len(raw) < spec.max_length or any(c in (GS, RS) for c in raw):
                raise MalformedCode(
                    f"{where} : le champ {ident} ({spec.name}) a une longueur fixe de {spec.max_length} "
                    f"caractères, lu {raw!r} à la position {offset + start}"
                )
            pos = end
        else:
            limit = len(zone) if spec.max_length is None else min(len(zone), start + spec.max_length)
            end = start
            while end < limit and zone[end] not in (GS, RS):
                end += 1
            raw = zone[start:end]
            pos = end
            if end < len(zone) and zone[end] == GS and len(raw) != spec.max_length:
                pos = end + 1
            elif end < len(zone) and zone[end] == RS:
                truncated = True
                pos = end + 1
        bad = [c for c in raw if ord(c) < 0x20 or ord(c) == 0x7F]
        if bad:
            raise MalformedCode(f"{where} : caractère de contrôle {bad[0]!r} dans le champ {ident} ({spec.name})")
        if not spec.pattern.fullmatch(raw):
            outside = "".join(sorted({c for c in raw if not spec.pattern.fullmatch(c)}))
            notes.append(
                f"champ {ident} ({spec.name}) : caractères {outside!r} hors de ceux que la spécification "
                f"autorise pour ce champ"
            )
        fields.append(
            Field(
                identifier=ident,
                name=spec.name,
                raw=raw,
                value=_decode(spec, raw, notes),
                truncated=truncated,
                meaning=spec.codes.get(raw),
            )
        )
    return fields


def _binary_header(payload: str) -> str:
    """Describe a binary 2D-DOC header (§3.3.4) for the error message: its fields are C40-packed."""
    try:
        data = payload.encode("latin-1")
        country = c40.decode_values(c40.unpack(data[2:4]))
        signer = c40.decode_values(c40.unpack(data[4:10]))
        return f"pays {country}, AC {signer[:4]}, certificat {signer[4:]}"
    except (UnicodeEncodeError, c40.C40Error, IndexError):
        return "en-tête illisible"


def parse(payload: str) -> TwoDDoc:
    """Parse a C40 2D-DOC of version 02, 03 or 04. Raises `MalformedCode` with the reason."""
    if not payload:
        raise MalformedCode("contenu vide")
    if payload[0] == "\xdc":
        raise MalformedCode(
            f"2D-DOC au format binaire (§3.3.4 ; {_binary_header(payload)}) : format non pris en charge par ce lecteur"
        )
    if not payload.startswith("DC"):
        raise MalformedCode(f"pas un 2D-DOC : le contenu commence par {payload[:2]!r} au lieu du marqueur 'DC'")
    version = payload[2:4]
    if version == "01":
        raise MalformedCode("version 01 (signature binaire Base256) : non prise en charge, obsolète")
    if version not in HEADER_LENGTHS:
        raise MalformedCode(f"version d'en-tête {version!r} inconnue (02, 03 ou 04 attendue)")
    size = HEADER_LENGTHS[version]
    if US not in payload:
        raise MalformedCode("séparateur <US> absent : pas de signature")
    data, rest = payload.split(US, 1)
    if len(data) < size:
        raise MalformedCode(f"en-tête v{version} incomplet : {size} caractères attendus, {len(data)} lus")
    non_ascii = [c for c in data if ord(c) > 0x7F]
    if non_ascii:
        raise MalformedCode(f"caractère non ASCII {non_ascii[0]!r} dans les données signées")
    header = data[:size]

    authority, certificate_id = header[4:8], header[8:12]
    for what, value, pattern in (
        ("identifiant d'autorité", authority, _ALNUM4),
        ("identifiant de certificat", certificate_id, _ALNUM4),
        ("type de document", header[20:22], _ALNUM2),
    ):
        if not pattern.fullmatch(value):
            raise MalformedCode(f"en-tête : {what} {value!r} invalide ([A-Z0-9] attendus)")
    issue_date = _header_date(header[12:16], "date d'émission")
    signature_date = _header_date(header[16:20], "date de signature")
    if signature_date is None:
        raise MalformedCode("en-tête : date de signature absente (FFFF)")
    document_type = header[20:22]
    perimeter = header[22:24] if version in ("03", "04") else None
    country = header[24:26] if version == "04" else None
    if perimeter is not None and not _ALNUM2.fullmatch(perimeter):
        raise MalformedCode(f"en-tête : périmètre {perimeter!r} invalide")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise MalformedCode(f"en-tête : pays émetteur {country!r} invalide (ISO 3166-1 alpha-2 attendu)")
    if (perimeter or PERIMETER) != PERIMETER or document_type not in DOCUMENT_TYPES:
        known = ", ".join(sorted(DOCUMENT_TYPES))
        raise MalformedCode(
            f"type de document {document_type} du périmètre {perimeter or PERIMETER} non pris en charge "
            f"(ce lecteur connaît les types {known} du périmètre {PERIMETER})"
        )

    notes: list[str] = []
    fields = _parse_fields(data[size:], size, "message", notes)

    # In a v04 C40 code an annex may follow the signature, which then ends with <GS> (§3.6).
    annex_text: str | None
    if GS in rest:
        signature_text, annex_text = rest.split(GS, 1)
    else:
        signature_text, annex_text = rest, None
    if not signature_text:
        raise MalformedCode("signature absente après <US>")
    if not _BASE32.fullmatch(signature_text):
        raise MalformedCode("signature : caractères hors de l'alphabet Base32 (A-Z, 2-7)")
    padded = signature_text.rstrip("=")
    try:
        signature = base64.b32decode(padded + "=" * (-len(padded) % 8))
    except ValueError as exc:
        raise MalformedCode(f"signature : Base32 invalide ({exc})") from exc
    if len(signature) < 64 or len(signature) % 2:
        # §3.5.2: at least 64 bytes, r and s of equal size.
        raise MalformedCode(f"signature de {len(signature)} octets : 64 au moins, en nombre pair, attendus")

    annex: list[Field] = []
    if annex_text:
        if version != "04":
            raise MalformedCode(f"données après la signature : une annexe n'existe qu'en version 04, pas en {version}")
        annex = _parse_fields(annex_text, len(data) + 2 + len(signature_text), "annexe", notes)
        notes.append("zone annexe présente : ses données ne sont pas couvertes par la signature (§3.6)")

    violations: list[str] = []
    seen: set[str] = set()
    for item in fields:
        if item.identifier in seen:
            notes.append(f"champ {item.identifier} présent plusieurs fois")
        seen.add(item.identifier)
        spec = IDENTIFIERS[item.identifier]
        if not item.truncated and len(item.raw) < spec.min_length:
            violations.append(
                f"champ {item.identifier} ({spec.name}) : {len(item.raw)} caractères, {spec.min_length} au moins"
            )
    missing = sorted(DOCUMENT_TYPES[document_type].mandatory - seen)
    if missing:
        violations.append(f"champs obligatoires du type {document_type} absents : {', '.join(missing)} (§8.5)")

    return TwoDDoc(
        payload=payload,
        version=version,
        authority=authority,
        certificate_id=certificate_id,
        issue_date=issue_date,
        signature_date=signature_date,
        document_type=document_type,
        perimeter=perimeter,
        country=country,
        header=header,
        fields=tuple(fields),
        signed_data=data.encode("ascii"),
        signature=signature,
        annex=tuple(annex),
        violations=tuple(violations),
        notes=tuple(notes),
    )
