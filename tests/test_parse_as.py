"""`parse_as`, which every task's parser ends with: one validation per shape, cached or not."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
import respx
from pydantic_core import to_jsonable_python

from hf_inference_tools import HfInference, OutputError, TextClassificationReturnValue
from hf_inference_tools._http.transport import ApiResponse
from hf_inference_tools.tasks._spec import ReturnValue, UnionShape, parse_as

LABELS = [{"label": "POSITIVE", "score": 0.99}]
JSON = {"content-type": "application/json"}
# Metadata that cannot be hashed makes the shape itself unhashable (no cache for it).
UNHASHABLE_SHAPE = Annotated[list[int], {"note": "unhashable metadata"}]


@pytest.mark.parametrize("repeat", range(3))
def test_parse_as__shapes_are_told_apart_on_every_call(repeat: int) -> None:
    labels = parse_as(list[TextClassificationReturnValue], LABELS)
    assert labels == [TextClassificationReturnValue(label="POSITIVE", score=0.99)]
    assert parse_as(list[int], [1, 2]) == [1, 2]
    with pytest.raises(ValueError, match="label"):
        parse_as(list[TextClassificationReturnValue], [{"score": 0.99}])
    with pytest.raises(ValueError, match="integer"):
        parse_as(list[int], ["x"])


@pytest.mark.parametrize("shape", [UNHASHABLE_SHAPE, list[int]])
def test_parse_as__any_shape_validates_responses_and_values(shape: Any) -> None:
    response = ApiResponse(status=200, content=b"[1, 2]", content_type="application/json")
    assert parse_as(shape, response) == [1, 2]
    assert parse_as(shape, [3]) == [3]
    with pytest.raises(ValueError, match="integer"):
        parse_as(shape, ["x"])


@pytest.mark.parametrize(
    ("body", "says"),
    [
        pytest.param(
            b"<html>busy</html>", "(Invalid JSON: expected value at line 1", id="not-json"
        ),
        pytest.param(
            b'[{"label": 3, "score": 0.5}]',
            "(0.label: Input should be a valid string (and 1 more))",
            id="field",
        ),
        pytest.param(b'{"label": "x"}', "Input should be a valid array (and 1 more))", id="shape"),
    ],
)
def test_parse_as__a_mismatch_names_its_deepest_problem(
    router: respx.MockRouter, body: bytes, says: str
) -> None:
    # Answers are parsed and validated in one pass; the error still says what was wrong, where.
    router.post("/models/org/model").respond(200, content=body, headers=JSON)

    with pytest.raises(OutputError) as caught:
        HfInference(provider="hf-inference", token="hf_x").text_classification(
            inputs="hi", model="org/model"
        )

    assert "answered 200, but not with a text-classification result" in str(caught.value)
    assert says in str(caught.value)


def test_parse_as__deferred_models_it_returns_serialize_as_plain_values() -> None:
    # Classes made here, so no other test has built them: pydantic before 2.14 left a deferred
    # model validated through an adapter unable to serialize itself (the tools' artifacts).
    class Inner(ReturnValue):
        text: str

    class Outer(ReturnValue):
        label: str
        inner: Inner

    result = parse_as(list[Outer], [{"label": "a", "inner": {"text": "t"}, "extra": 1}])

    assert to_jsonable_python(result) == [{"label": "a", "inner": {"text": "t"}, "extra": 1}]


def test_parse_as__a_union_is_parsed_through_its_shape() -> None:
    class Label(ReturnValue):
        label: str

    either: UnionShape[list[list[Label]] | list[Label]] = UnionShape(
        list[list[Label]] | list[Label]
    )
    nested = parse_as(either, [[{"label": "a"}]])
    flat = parse_as(
        either,
        ApiResponse(status=200, content=b'[{"label": "b"}]', content_type="application/json"),
    )

    assert nested == [[Label(label="a")]]
    assert flat == [Label(label="b")]
    assert to_jsonable_python(flat) == [{"label": "b"}]
    with pytest.raises(ValueError, match="label"):
        parse_as(either, [{"name": "c"}])


def test_union_shape__the_first_member_that_fits_wins() -> None:
    # Both members fit "1" (lax mode turns the string into an int); pydantic's smart mode would
    # pick str, the exact fit, whatever the order. In order, the first member decides.
    int_first: UnionShape[list[int] | list[str]] = UnionShape(list[int] | list[str])
    str_first: UnionShape[list[str] | list[int]] = UnionShape(list[str] | list[int])

    assert parse_as(int_first, ["1"]) == [1]
    assert parse_as(str_first, ["1"]) == ["1"]
    assert parse_as(int_first, ["a"]) == ["a"]  # the second member, when the first cannot fit


def test_union_shape__builds_its_validator_on_the_first_answer_only() -> None:
    class Late(ReturnValue):
        label: str

    shape: UnionShape[list[Late] | Late] = UnionShape(list[Late] | Late)

    assert not Late.__pydantic_complete__  # declaring the shape built nothing
    assert parse_as(shape, {"label": "x"}) == Late(label="x")
    first = shape.adapter()
    assert Late.__pydantic_complete__
    assert parse_as(shape, [{"label": "y"}]) == [Late(label="y")]
    assert shape.adapter() is first  # built once
