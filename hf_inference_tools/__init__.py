"""Hugging Face inference tasks as LangChain tools, over one shared httpx client.

Layers, each using only the ones below it: `_http` (the network), `tasks` (one definition per
task), `client` (`HfInference`), `tools` (one `BaseTool` per task), `toolkit`.
"""

from ._config import Options
from ._version import __version__
from .client import HfInference
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
    FeatureExtractionArgs,
    FeatureExtractionParameters,
    FeatureExtractionReturn,
    FeatureExtractionToolArgs,
    ImageClassificationArgs,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
    TextClassificationArgs,
    TextClassificationParameters,
    TextClassificationReturnValue,
    TextGenerationArgs,
    TextGenerationParameters,
    TextGenerationReturnValue,
    TextToImageArgs,
    TextToImageParameters,
)
from .toolkit import HfInferenceToolkit
from .tools import (
    FeatureExtractionTool,
    HfInferenceTool,
    ImageClassificationTool,
    TextClassificationTool,
    TextGenerationTool,
    TextToImageTool,
)

__all__ = [
    "AuthenticationError",
    "DEFAULT_MODELS",
    "FeatureExtractionArgs",
    "FeatureExtractionParameters",
    "FeatureExtractionReturn",
    "FeatureExtractionTool",
    "FeatureExtractionToolArgs",
    "HfInference",
    "HfInferenceError",
    "HfInferenceTool",
    "HfInferenceToolkit",
    "ImageClassificationArgs",
    "ImageClassificationParameters",
    "ImageClassificationReturnValue",
    "ImageClassificationTool",
    "InferenceTimeoutError",
    "InputError",
    "MediaError",
    "ModelLoadingError",
    "ModelNotFoundError",
    "Options",
    "OutputError",
    "PaymentRequiredError",
    "RateLimitError",
    "ServerError",
    "TextClassificationArgs",
    "TextClassificationParameters",
    "TextClassificationReturnValue",
    "TextClassificationTool",
    "TextGenerationArgs",
    "TextGenerationParameters",
    "TextGenerationReturnValue",
    "TextGenerationTool",
    "TextToImageArgs",
    "TextToImageParameters",
    "TextToImageTool",
    "__version__",
]
