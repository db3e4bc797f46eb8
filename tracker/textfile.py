"""Is a file UTF-8 text? Import files are checked in one streaming pass before any row is
read, reports as they are decoded; a file in another encoding gets one message naming what
was found and what is expected."""

from __future__ import annotations

import codecs
from itertools import pairwise
from pathlib import Path

from tracker.errors import InvalidInputError

CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _guess(sample: bytes) -> str:
    """A name for a non-UTF-8 encoding, for the message only: Cyrillic words in Windows-1251
    are runs of high bytes; accented Latin letters stand alone between ASCII ones."""
    high = sum(b >= 0x80 for b in sample)
    runs = sum(a >= 0xC0 and b >= 0xC0 for a, b in pairwise(sample))
    if high and runs > high * 0.5:
        return "Windows-1251 (Cyrillic)"
    return "Latin-1 / Windows-1252"


def check_utf8_text(path: str | Path, label: str) -> None:
    """Raise InvalidInputError unless the file is UTF-8 text (a UTF-8 BOM is fine)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with open(path, "rb") as handle:
        head = handle.read(4)
        for bom, name in _BOMS:
            if head.startswith(bom):
                raise InvalidInputError(
                    f"{label} is {name} text; the expected encoding is UTF-8 — save it as UTF-8"
                )
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            if b"\x00" in chunk:
                if chunk.count(b"\x00") > len(chunk) // 8 and offset == 0:
                    found = "UTF-16 text (without a byte-order mark) or binary data"
                else:
                    found = "binary data (NUL bytes)"
                raise InvalidInputError(
                    f"{label} holds {found}, not text; the expected encoding is UTF-8"
                )
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise InvalidInputError(
                    f"{label} is not UTF-8 text (byte 0x{chunk[exc.start]:02X} at offset "
                    f"{offset + exc.start:,}; it looks like {_guess(chunk)}); the expected "
                    "encoding is UTF-8 — save it as UTF-8"
                ) from None
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InvalidInputError(
                f"{label} ends in the middle of a UTF-8 character; the expected encoding is UTF-8"
            ) from None


def decode_utf8(data: bytes, label: str) -> str:
    """`data` as text (a UTF-8 BOM dropped), or InvalidInputError naming the encoding found."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InvalidInputError(
                f"{label} is {name} text; the expected encoding is UTF-8 — save it as UTF-8"
            )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        found = "UTF-16 text or binary data" if b"\x00" in data[:4096] else _guess(data[:65536])
        raise InvalidInputError(
            f"{label} is not UTF-8 text (byte 0x{data[exc.start]:02X} at offset {exc.start:,}; "
            f"it looks like {found}); the expected encoding is UTF-8 — save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise InvalidInputError(f"{label} holds binary data (NUL bytes), not text")
    return text
