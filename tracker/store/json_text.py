"""`json.dumps` with its defaults, without its per-call set-up: what the bulk writer calls
for every history event it writes (two per claim: ~5 % of the writer's CPU).

`json.dumps(value)` builds a new C encoder for every call (`JSONEncoder.iterencode`); the
same C encoder with the same settings (ASCII only, ', ' and ': ', keys in order, NaN
allowed) built once gives the very same text at ~60 % of the cost. What it cannot encode
(a type JSON has not, a circular structure) goes to `json.dumps`, which raises its own
error."""

from __future__ import annotations

import json
from json.encoder import JSONEncoder, c_make_encoder, encode_basestring_ascii

# (markers None: no circular check, the fallback below reports cycles as json.dumps does)
_ENCODE = (
    c_make_encoder(
        None, JSONEncoder().default, encode_basestring_ascii, None, ": ", ", ", False, False, True
    )
    if c_make_encoder is not None
    else None
)


def json_text(value: object) -> str:
    """`json.dumps(value)`, the same text."""
    if _ENCODE is None or isinstance(value, str):
        return json.dumps(value)
    try:
        return "".join(_ENCODE(value, 0))
    except (TypeError, ValueError, RecursionError):
        return json.dumps(value)
