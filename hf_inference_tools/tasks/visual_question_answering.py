"""visual-question-answering: short answers, with scores, to a question about an image."""

from __future__ import annotations

from pydantic import Field

from .._http.transport import ApiResponse
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
        default=None, description="Optional settings; null for the defaults."
    )


class VisualQuestionAnsweringReturnValue(ReturnValue):
    answer: str = Field(description="A short answer, e.g. 'umbrella'.")
    score: float = Field(description="How likely the answer is right, from 0 to 1.")


def _parse(response: ApiResponse) -> list[VisualQuestionAnsweringReturnValue]:
    return parse_as(list[VisualQuestionAnsweringReturnValue], as_list(response.json()))


VISUAL_QUESTION_ANSWERING = TaskSpec(
    name="visual_question_answering",
    hf_task="visual-question-answering",
    seed_name="visualQuestionAnswering",
    input_model=VisualQuestionAnsweringArgs,
    description=(
        "Answer a question about a photo or picture with a Hugging Face visual question "
        "answering model (short answers: objects, colours, counts). Give the image as a file "
        "path, an https URL or a data: URI. Returns a JSON list of {answer, score}, best first."
    ),
    build=lambda args, ctx: image_question_request(
        ctx.media, args.inputs.question, args.parameters
    ),
    parse=_parse,
    media_input="image",
)
