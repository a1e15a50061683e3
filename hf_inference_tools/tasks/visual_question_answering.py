"""visual-question-answering: short answers, with scores, to a question about an image."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import as_list, image_question_request
from ._spec import Input, Parameters, ReturnValue, TaskSpec, parse_as
from .image_classification import IMAGE_DATA_DESCRIPTION


class VisualQuestionAnsweringInputs(Input):
    question: str = Field(
        description="The question about the image, e.g. 'What is the woman holding?'."
    )


class VisualQuestionAnsweringParameters(Parameters):
    top_k: int | None = Field(
        default=None,
        ge=1,
        description="How many answers to return, best first, e.g. 3. Null: the model's default.",
    )


class VisualQuestionAnsweringArgs(Input):
    data: str = Field(description=IMAGE_DATA_DESCRIPTION)
    inputs: VisualQuestionAnsweringInputs = Field(description="The question to ask.")
    parameters: VisualQuestionAnsweringParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class VisualQuestionAnsweringReturnValue(ReturnValue):
    answer: str = Field(description="A short answer, e.g. 'umbrella'.")
    score: float = Field(description="How likely the answer is right, from 0 to 1.")


def _parse(response: ApiResponse) -> list[VisualQuestionAnsweringReturnValue]:
    return parse_as(list[VisualQuestionAnsweringReturnValue], as_list(response.json()))


VISUAL_QUESTION_ANSWERING = TaskSpec(
    name="visual_question_answering",
    hf_task="visual-question-answering",
    default_model="dandelin/vilt-b32-finetuned-vqa",
    seed_name="visualQuestionAnswering",
    input_model=VisualQuestionAnsweringArgs,
    description=(
        "Answer a short question about a photo or picture (objects, colours, counts). Returns a "
        "JSON list of {answer, score}, best first."
    ),
    build=lambda args, ctx: image_question_request(
        ctx.media, args.inputs.question, args.parameters
    ),
    parse=_parse,
    media_input="image",
)


class VisualQuestionAnsweringTool(HfInferenceTool):
    """Answer a question about an image with a Hugging Face visual question answering model.

    Instantiate:
        ```python
        from hf_inference_tools import VisualQuestionAnsweringTool

        tool = VisualQuestionAnsweringTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/beach.jpg", "inputs": {"question": "Who is in the picture?"}})
        # '[{"answer":"woman","score":0.9387},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = VISUAL_QUESTION_ANSWERING
    name: str = VISUAL_QUESTION_ANSWERING.name
    description: str = VISUAL_QUESTION_ANSWERING.description
    args_schema: ArgsSchema | None = VisualQuestionAnsweringArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
