"""object-detection: labelled boxes around the objects in an image."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, binary_request, parse_as
from .image_classification import IMAGE_DATA_DESCRIPTION


class ObjectDetectionParameters(Parameters):
    threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "Keep only objects scored at least this much, from 0 to 1, e.g. 0.9. "
            "Null: the model's default."
        ),
    )


class ObjectDetectionArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    parameters: ObjectDetectionParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class ObjectDetectionBox(ReturnValue):
    """A bounding box in pixels, from the top-left corner of the image."""

    xmin: int = Field(description="Left edge.")
    ymin: int = Field(description="Top edge.")
    xmax: int = Field(description="Right edge.")
    ymax: int = Field(description="Bottom edge.")


class ObjectDetectionReturnValue(ReturnValue):
    box: ObjectDetectionBox = Field(description="The bounding box of the detected object.")
    label: str = Field(description="The label for the class (model specific) of the object.")
    score: float = Field(description="How likely the object belongs to this class, from 0 to 1.")


def _parse(response: ApiResponse) -> list[ObjectDetectionReturnValue]:
    return parse_as(list[ObjectDetectionReturnValue], response)


OBJECT_DETECTION = TaskSpec(
    name="object_detection",
    hf_task="object-detection",
    default_model="facebook/detr-resnet-50",
    seed_name="objectDetection",
    input_model=ObjectDetectionArgs,
    description=(
        "Find the objects in an image. Returns a JSON list of {score, label, box: {xmin, ymin, "
        "xmax, ymax}}, the box in pixels."
    ),
    build=lambda args, ctx: binary_request(ctx.media, args.parameters),
    parse=_parse,
    media_input="image",
)


class ObjectDetectionTool(HfInferenceTool):
    """Find the objects in an image, each with a label, a score and a pixel bounding box.

    Instantiate:
        ```python
        from hf_inference_tools import ObjectDetectionTool

        tool = ObjectDetectionTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/street.jpg", "parameters": {"threshold": 0.9}})
        # '[{"box":{"xmin":59,"ymin":39,"xmax":420,"ymax":510},"label":"person","score":0.95}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = OBJECT_DETECTION
    name: str = OBJECT_DETECTION.name
    description: str = OBJECT_DETECTION.description
    args_schema: ArgsSchema | None = ObjectDetectionArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
