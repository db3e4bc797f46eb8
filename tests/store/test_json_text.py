import json
import math
from datetime import date

import pytest

from tracker.store.json_text import json_text

VALUES = [
    None,
    'Покровськ "quoted" \x00 \ud83d',
    {"a": 1, "b": [1.5, -0.0, 1e300, math.inf, -math.inf], "c": {"d": None, "é": True}},
    {"sources_attached": [{"claimant": "ISW", "event_date": "2025-11-03", "source_url": None}]},
    [48.123456789, 37.000000001, 10**30, "", []],
    {1: "int key", 2.5: "float key", None: "null key", False: "bool key"},
]


@pytest.mark.parametrize("value", VALUES)
def test_the_same_text_as_json_dumps(value):
    assert json_text(value) == json.dumps(value)


def test_nan_as_json_dumps_writes_it():
    assert json_text([math.nan]) == json.dumps([math.nan]) == "[NaN]"


def test_what_json_cannot_encode_raises_as_json_dumps_does():
    with pytest.raises(TypeError, match="not JSON serializable"):
        json_text({"day": date(2025, 11, 3)})
    circular: list = []
    circular.append(circular)
    with pytest.raises(ValueError, match="Circular reference"):
        json_text(circular)
    assert json_text({"after": "ok"}) == '{"after": "ok"}'  # (nothing left over)
