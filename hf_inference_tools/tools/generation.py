"""Tools over the generation tasks. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    CONVERSATIONAL,
    CONVERSATIONAL_STREAM,
    FEATURE_EXTRACTION,
    TEXT_GENERATION,
    TEXT_GENERATION_STREAM,
    ConversationalArgs,
    FeatureExtractionToolArgs,
    StreamSpec,
    TaskSpec,
    TextGenerationArgs,
)
from ._base import HfInferenceStreamingTool, HfInferenceTool


class FeatureExtractionTool(HfInferenceTool):
    """Embed a text with a Hugging Face embedding model.

    The LLM reads the shape and the first few numbers; the full vectors go to the artifact
    (`msg.artifact["result"]`), for the application to store or compare.

    Instantiate:
        ```python
        from hf_inference_tools import FeatureExtractionTool

        tool = FeatureExtractionTool(model="sentence-transformers/all-MiniLM-L6-v2")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "feature_extraction",
                           "args": {"inputs": "Today is a sunny day"}})
        msg.content             # '{"shape":[384],"preview":[...8 numbers...],"note":"..."}'
        msg.artifact["result"]  # all 384 floats
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = FEATURE_EXTRACTION
    name: str = FEATURE_EXTRACTION.name
    description: str = FEATURE_EXTRACTION.description
    args_schema: ArgsSchema | None = FeatureExtractionToolArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class TextGenerationTool(HfInferenceStreamingTool):
    """Continue a text with a Hugging Face language model.

    The client's `text_generation_api` picks the dialect: `"classic"` for TGI and transformers
    backends, `"completions"` for models served by vLLM.

    Instantiate:
        ```python
        from hf_inference_tools import HfInference, TextGenerationTool

        tool = TextGenerationTool(client=HfInference(text_generation_api="completions"),
                                  model="my-org/my-vllm-model")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "Once upon a time,", "parameters": {"max_new_tokens": 30}})
        # '{"generated_text":" there lived a fox who ..."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_GENERATION
    name: str = TEXT_GENERATION.name
    description: str = TEXT_GENERATION.description
    args_schema: ArgsSchema | None = TextGenerationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = TEXT_GENERATION_STREAM


class ConversationalTool(HfInferenceStreamingTool):
    """Chat with a Hugging Face chat model, the seed's way (chat completion on the wire).

    The LLM reads the reply (and warnings, if any); the artifact holds the whole conversation.

    Instantiate:
        ```python
        from hf_inference_tools import ConversationalTool

        tool = ConversationalTool(model="meta-llama/Llama-3.1-8B-Instruct")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"text": "And a comedy?",
                                "past_user_inputs": ["Recommend a sci-fi movie."],
                                "generated_responses": ["Try Arrival."]}})
        # '{"generated_text":"Try Galaxy Quest: it is a sci-fi comedy."}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = CONVERSATIONAL
    name: str = CONVERSATIONAL.name
    description: str = CONVERSATIONAL.description
    args_schema: ArgsSchema | None = ConversationalArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()
    stream_spec: ClassVar[StreamSpec[Any, Any, Any] | None] = CONVERSATIONAL_STREAM
