"""Hugging Face inference tasks as LangChain tools, over one shared httpx client.

Layers, each using only the ones below it: `_http` (the network), `tasks` (one definition per
task), `client` (`HfInference`), `tools` (one `BaseTool` per task), `toolkit`.
"""

from ._config import Options
from ._version import __version__
from .client import AsyncInferenceStream, HfInference, InferenceStream
from .errors import (
    AuthenticationError,
    HfInferenceError,
    InferenceTimeoutError,
    InputError,
    MediaError,
    ModelLoadingError,
    ModelNotFoundError,
    OutputError,
    PaymentRequiredError,
    RateLimitError,
    ServerError,
)
from .tasks import (
    DEFAULT_MODELS,
    ChatCompletionArgs,
    ChatCompletionArgsMessage,
    ChatCompletionInput,
    ChatCompletionInputMessage,
    ChatCompletionParameters,
    ChatCompletionReturnValue,
    ChatCompletionStreamOutput,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
    TextGenerationStreamOutput,
    TextToImageArgs,
    TextToImageParameters,
)
from .toolkit import HfInferenceToolkit
from .tools import (
    STREAM_EVENT,
    ChatCompletionTool,
    HfInferenceTool,
    ImageClassificationTool,
    TextClassificationTool,
    TextToImageTool,
)

__all__ = [
    "AsyncInferenceStream",
    "AuthenticationError",
    "ChatCompletionArgs",
    "ChatCompletionArgsMessage",
    "ChatCompletionInput",
    "ChatCompletionInputMessage",
    "ChatCompletionParameters",
    "ChatCompletionReturnValue",
    "ChatCompletionStreamOutput",
    "ChatCompletionTool",
    "DEFAULT_MODELS",
    "HfInference",
    "HfInferenceError",
    "HfInferenceTool",
    "HfInferenceToolkit",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "ImageClassificationTool",
    "InferenceStream",
    "InferenceTimeoutError",
    "InputError",
    "MediaError",
    "ModelLoadingError",
    "ModelNotFoundError",
    "Options",
    "OutputError",
    "PaymentRequiredError",
    "RateLimitError",
    "STREAM_EVENT",
    "ServerError",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextClassificationTool",
    "TextGenerationStreamOutput",
    "TextToImageArgs",
    "TextToImageParameters",
    "TextToImageTool",
    "__version__",
]
