"""sentence-similarity: how close in meaning each sentence is to a source sentence."""

from __future__ import annotations

import dataclasses

from pydantic import Field

from .._http.transport import ApiResponse
from ._spec import Input, TaskSpec, json_request, parse_as


class SentenceSimilarityInputs(Input):
    source_sentence: str = Field(
        description="The sentence to compare against, e.g. 'That is a happy person'."
    )
    sentences: list[str] = Field(
        min_length=1,
        description=(
            "The sentences to score against the source sentence, e.g. "
            "['That is a happy dog', 'Today is a sunny day']."
        ),
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
    seed_name="sentenceSimilarity",
    input_model=SentenceSimilarityArgs,
    description=(
        "Score how close in meaning each of several sentences is to a source sentence, with a "
        "Hugging Face sentence-embedding model. Returns a JSON list of similarity scores "
        "(cosine, about 0 to 1), one per sentence, in the order given."
    ),
    build=lambda args, ctx: dataclasses.replace(
        json_request(args.inputs.model_dump()), route="sentence-similarity"
    ),
    parse=_parse,
)
