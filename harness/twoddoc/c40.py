"""The C40 codec of the 2D-DOC specification (§10.3), written here because no maintained Python
library does C40 the way 2D-DOC uses it.

A barcode reader (zxing-cpp) already turns a DataMatrix's C40 codewords back into characters, so the
harness does not need this to read a printed code. It needs it:
- to tell which characters a 2D-DOC stores natively (the basic set: space, digits, capitals) and
  which only through a shift, a conformance matter for the message zone;
- to decode the C40-packed fields of the binary header (§3.3.4: the country "FRA" is 0x7BA7, the
  signer "FR0112345" is 0x7B9D200F2D0A), so that a binary code gets a precise "not supported";
- to check against the specification's own example ("2D-DOC" → E6 28 2A 4D C5 FE 44) that the
  harness and the specification mean the same thing.
"""

from __future__ import annotations

__all__ = [
    "BASIC_SET",
    "C40Error",
    "decode_datamatrix",
    "decode_values",
    "encode_datamatrix",
    "encode_values",
    "pack",
    "unpack",
]

SHIFT1, SHIFT2, SHIFT3 = 0, 1, 2
UPPER_SHIFT = 30  # in the Shift2 set
FNC1 = 27  # in the Shift2 set
LATCH_C40 = 230
UNLATCH = 254
ASCII_PAD = 129
ASCII_UPPER_SHIFT = 235

# Table 3 of §10.3: value → character, per set.
BASIC_SET = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # values 3..39
_SHIFT2_SET = "!\"#$%&'()*+,-./:;<=>?@[\\]^_"  # values 0..26
_SHIFT3_SET = "`abcdefghijklmnopqrstuvwxyz{|}~\x7f"  # values 0..31


class C40Error(ValueError):
    """Values or codewords that are not valid C40."""


def _char_values(char: str) -> list[int]:
    code = ord(char)
    if code > 255:
        raise C40Error(f"{char!r} is outside ISO 8859-1: C40 cannot hold it")
    if code > 127:
        # Extended ASCII: <Upper Shift> (Shift2, 30), then the character at code - 128.
        return [SHIFT2, UPPER_SHIFT, *_char_values(chr(code - 128))]
    if char in BASIC_SET:
        return [BASIC_SET.index(char) + 3]
    if code < 32:
        return [SHIFT1, code]
    if char in _SHIFT2_SET:
        return [SHIFT2, _SHIFT2_SET.index(char)]
    return [SHIFT3, _SHIFT3_SET.index(char)]


def encode_values(text: str) -> list[int]:
    """Text → C40 values 0..39 (§10.3.1)."""
    values: list[int] = []
    for char in text:
        values.extend(_char_values(char))
    return values


def decode_values(values: list[int]) -> str:
    """C40 values → text. Trailing Shift1 values (padding of the last triplet) are dropped."""
    out: list[str] = []
    upper = 0
    index = 0
    while index < len(values):
        value = values[index]
        if not 0 <= value <= 39:
            raise C40Error(f"C40 value {value} out of range")
        if value in (SHIFT1, SHIFT2, SHIFT3):
            if index + 1 >= len(values):
                if value == SHIFT1:
                    break  # padding (§10.3.2)
                raise C40Error("C40 shift at the end of the data")
            index += 1
            shifted = values[index]
            if value == SHIFT1:
                if shifted > 31:
                    raise C40Error(f"Shift1 value {shifted} out of range")
                code = shifted
            elif value == SHIFT2:
                if shifted == UPPER_SHIFT:
                    upper = 128
                    index += 1
                    continue
                if shifted >= len(_SHIFT2_SET):
                    raise C40Error(f"Shift2 value {shifted} has no character (FNC1 is not text)")
                code = ord(_SHIFT2_SET[shifted])
            else:
                if shifted >= len(_SHIFT3_SET):
                    raise C40Error(f"Shift3 value {shifted} out of range")
                code = ord(_SHIFT3_SET[shifted])
        else:
            code = ord(BASIC_SET[value - 3])
        out.append(chr(code + upper))
        upper = 0
        index += 1
    return "".join(out)


def pack(values: list[int]) -> bytes:
    """Triplets of values → pairs of bytes, (1600·C1 + 40·C2 + C3 + 1) big-endian (§10.3.2)."""
    if len(values) % 3:
        raise C40Error("C40 values are packed by three; pad the last triplet first")
    out = bytearray()
    for i in range(0, len(values), 3):
        c1, c2, c3 = values[i : i + 3]
        out += (1600 * c1 + 40 * c2 + c3 + 1).to_bytes(2, "big")
    return bytes(out)


def unpack(data: bytes) -> list[int]:
    """Pairs of bytes → C40 values."""
    if len(data) % 2:
        raise C40Error("C40 data comes in pairs of bytes")
    values: list[int] = []
    for i in range(0, len(data), 2):
        number = int.from_bytes(data[i : i + 2], "big") - 1
        if not 0 <= number < 64000:
            raise C40Error(f"C40 pair {data[i : i + 2].hex()} out of range")
        values += [number // 1600, number // 40 % 40, number % 40]
    return values


def _ascii_codewords(char: str) -> list[int]:
    code = ord(char)
    return [code + 1] if code < 128 else [ASCII_UPPER_SHIFT, code - 128 + 1]


def encode_datamatrix(text: str) -> bytes:
    """DataMatrix codewords for `text` in C40 mode, the way §10.3.2 describes it.

    Latch 230, packed triplets; two values left over are padded with Shift1; one value left over
    means the last character goes in ASCII mode after an unlatch (254).
    """
    tail = ""
    while len(encode_values(text)) % 3 == 1:
        text, tail = text[:-1], text[-1] + tail
    values = encode_values(text)
    if len(values) % 3 == 2:
        values.append(SHIFT1)
    out = bytearray([LATCH_C40]) + pack(values)
    if tail:
        out.append(UNLATCH)
        for char in tail:
            out += bytes(_ascii_codewords(char))
    return bytes(out)


def decode_datamatrix(codewords: bytes) -> str:
    """Text of DataMatrix codewords in C40 and ASCII modes (enough for 2D-DOC's C40 form)."""
    out: list[str] = []
    index = 0
    c40 = False
    values: list[int] = []
    while index < len(codewords):
        byte = codewords[index]
        if c40:
            if byte == UNLATCH:
                out.append(decode_values(values))
                values, c40 = [], False
                index += 1
                continue
            if index + 1 >= len(codewords):
                raise C40Error("odd number of codewords in C40 mode")
            values += unpack(codewords[index : index + 2])
            index += 2
            continue
        if byte == LATCH_C40:
            c40 = True
        elif byte == ASCII_PAD:
            break
        elif 1 <= byte <= 128:
            out.append(chr(byte - 1))
        elif 130 <= byte <= 229:
            out.append(f"{byte - 130:02d}")
        elif byte == ASCII_UPPER_SHIFT and index + 1 < len(codewords):
            index += 1
            out.append(chr(codewords[index] - 1 + 128))
        else:
            raise C40Error(f"codeword {byte} is not handled by this C40/ASCII decoder")
        index += 1
    if values:
        out.append(decode_values(values))
    return "".join(out)
