"""sentence-similarity: how close in meaning each sentence is to a source sentence."""

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema
from pydantic import Field

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, TaskSpec, json_request, parse_as


class SentenceSimilarityInputs(Input):
    source_sentence: str = Field(
        description="The sentence to compare against, e.g. 'That is a happy person'."
    )
    sentences: list[str] = Field(
        min_length=1,
        description="The sentences to score, e.g. ['That is a happy dog', 'It is sunny'].",
    )


class SentenceSimilarityArgs(Input):
    inputs: SentenceSimilarityInputs = Field(
        description="A source sentence and the sentences to compare with it."
    )


def _parse(response: ApiResponse) -> list[float]:
    return parse_as(list[float], response)


SENTENCE_SIMILARITY = TaskSpec(
    name="sentence_similarity",
    hf_task="sentence-similarity",
    default_model="sentence-transformers/all-MiniLM-L6-v2",
    seed_name="sentenceSimilarity",
    input_model=SentenceSimilarityArgs,
    description=(
        "Score how close in meaning each of several sentences is to a source sentence. Returns a "
        "JSON list of similarity scores (cosine, about 0 to 1), one per sentence, in order."
    ),
    build=lambda args, ctx: json_request(args.inputs.model_dump())._replace(
        route="sentence-similarity"
    ),
    parse=_parse,
)


class SentenceSimilarityTool(HfInferenceTool):
    """Score how close in meaning sentences are to a source sentence.

    Instantiate:
        ```python
        from hf_inference_tools import SentenceSimilarityTool

        tool = SentenceSimilarityTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"source_sentence": "That is a happy person",
                                "sentences": ["That is a happy dog", "Today is a sunny day"]}})
        # '[0.6946,0.2569]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = SENTENCE_SIMILARITY
    name: str = SENTENCE_SIMILARITY.name
    description: str = SENTENCE_SIMILARITY.description
    args_schema: ArgsSchema | None = SentenceSimilarityArgs
