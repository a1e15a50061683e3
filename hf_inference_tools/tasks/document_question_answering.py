"""document-question-answering: answers read from an image of a document (invoice, form, ...)."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._payloads import as_list, image_question_request
from ._spec import Input, Parameters, ReturnValue, TaskSpec, parse_as


class DocumentQuestionAnsweringInputs(Input):
    question: str = Field(description="The question about the document, e.g. 'What is the total?'.")


class DocumentQuestionAnsweringParameters(Parameters):
    top_k: int | None = Field(
        default=None,
        ge=1,
        description="How many answers to return, best first, e.g. 3. Null: the model's default.",
    )
    max_answer_len: int | None = Field(
        default=None,
        ge=1,
        description="Longest answer, in tokens, e.g. 30. Null: the model's default.",
    )
    handle_impossible_answer: bool | None = Field(
        default=None,
        description="Allow an empty answer when the document does not say (true/false).",
    )
    lang: str | None = Field(
        default=None, description="The document's language for OCR, e.g. 'eng'. Null: the default."
    )


class DocumentQuestionAnsweringArgs(Input):
    data: str = Field(
        description=(
            "The document as an image (a scan or screenshot): a file path inside the media "
            "folder (e.g. 'docs/invoice.png'), an https:// URL, or a 'data:image/png;base64,...' "
            "URI."
        )
    )
    inputs: DocumentQuestionAnsweringInputs = Field(description="The question to ask.")
    parameters: DocumentQuestionAnsweringParameters | None = Field(
        default=None, description="Optional settings, or null."
    )


class DocumentQuestionAnsweringReturnValue(ReturnValue):
    answer: str = Field(description="The answer, as written in the document, e.g. 'us-001'.")
    # Generative models (Donut) give only the answer: no score, no word positions.
    score: float | None = Field(
        default=None, description="How likely the answer is right, from 0 to 1."
    )
    start: int | None = Field(default=None, description="Index of the answer's first word.")
    end: int | None = Field(default=None, description="Index of the answer's last word.")


def _parse(response: ApiResponse) -> list[DocumentQuestionAnsweringReturnValue]:
    return parse_as(list[DocumentQuestionAnsweringReturnValue], as_list(response.json()))


DOCUMENT_QUESTION_ANSWERING = TaskSpec(
    name="document_question_answering",
    hf_task="document-question-answering",
    default_model="naver-clova-ix/donut-base-finetuned-docvqa",
    seed_name="documentQuestionAnswering",
    input_model=DocumentQuestionAnsweringArgs,
    description=(
        "Answer a question from an image of a document (invoice, receipt, form, letter). Returns a "
        "JSON list of {answer, score?, start?, end?}, best first."
    ),
    build=lambda args, ctx: image_question_request(
        ctx.media, args.inputs.question, args.parameters
    ),
    parse=_parse,
    media_input="image",
)


class DocumentQuestionAnsweringTool(HfInferenceTool):
    """Answer a question from an image of a document (invoice, receipt, form).

    Instantiate:
        ```python
        from hf_inference_tools import DocumentQuestionAnsweringTool

        tool = DocumentQuestionAnsweringTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "docs/invoice.png",
                     "inputs": {"question": "What is the invoice number?"}})
        # '[{"answer":"us-001"}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = DOCUMENT_QUESTION_ANSWERING
    name: str = DOCUMENT_QUESTION_ANSWERING.name
    description: str = DOCUMENT_QUESTION_ANSWERING.description
    args_schema: ArgsSchema | None = DocumentQuestionAnsweringArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
