"""The SDK's payload decoder replaced by a faster one: same values, the SDK's own objects still its own."""

from __future__ import annotations

import json
import math
import random
import struct
from types import SimpleNamespace
from typing import Any, NamedTuple

import pytest
from dapr.ext.workflow._durabletask.internal import shared

from invoiceflow.workflow.sdk_fixes import apply_sdk_fixes, fast_from_json


def _sdk_from_json(text: str) -> Any:
    return json.loads(text, cls=shared.InternalJSONDecoder)


PAYLOADS = [
    {"invoice_id": "INV-1", "pages": [{"page_number": 1, "fields": {"gross": "119.00"}, "box": [0.5, -0.0]}]},
    [1, 2.5, -3e-7, 1e308, 123456789012345678901234567890, True, False, None, "ü € \n \t \u2028"],
    {"a": 1, "nested": {"deep": [[], {}, ""]}},
    "just a string",
    0,
]


@pytest.mark.parametrize("value", PAYLOADS)
def test_decodes_exactly_what_the_sdk_decoder_does(value: Any) -> None:
    text = json.dumps(value)
    assert fast_from_json(text) == _sdk_from_json(text)


def test_floats_are_bit_for_bit_the_same() -> None:
    rng = random.Random(7)
    values = [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(5000)]
    values = [value for value in values if math.isfinite(value)]
    text = json.dumps(values)
    assert [struct.pack("d", v) for v in fast_from_json(text)] == [
        struct.pack("d", v) for v in json.loads(text)
    ]


def test_duplicate_keys_nan_and_lone_surrogates_behave_as_json_loads() -> None:
    assert fast_from_json('{"a": 1, "a": 2}') == {"a": 2}
    assert math.isnan(fast_from_json("NaN"))
    assert fast_from_json('"\\ud800"') == json.loads('"\\ud800"')  # refused by pydantic-core: SDK decodes


class Point(NamedTuple):
    x: int
    y: int


def test_the_sdks_auto_serialised_objects_still_come_back_as_namespaces() -> None:
    text = shared.to_json(Point(1, 2))
    decoded = fast_from_json(text)
    assert isinstance(decoded, SimpleNamespace)
    assert (decoded.x, decoded.y) == (1, 2)


def test_installed_once_in_the_sdk() -> None:
    apply_sdk_fixes()
    apply_sdk_fixes()
    assert shared.from_json is fast_from_json
    assert shared.from_json('{"k": [1]}') == {"k": [1]}


def test_activity_spans_are_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    from dapr.ext.workflow._durabletask import worker

    monkeypatch.delenv("INVOICEFLOW_OTEL", raising=False)
    apply_sdk_fixes()
    assert worker.otel_tracer is None  # the SDK's "no OpenTelemetry" path: a nullcontext per activity
    monkeypatch.setenv("INVOICEFLOW_OTEL", "true")
    apply_sdk_fixes()
    assert worker.otel_tracer is not None
    monkeypatch.delenv("INVOICEFLOW_OTEL")
    apply_sdk_fixes()
    assert worker.otel_tracer is None
