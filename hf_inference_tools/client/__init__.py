"""`HfInference`: the `@huggingface/inference` client, in Python, speaking today's wire protocol."""

from ._audio import AudioTasks
from ._catalogue import CatalogueTasks
from ._chat import ChatTasks
from ._core import BinaryInput
from ._generation import GenerationTasks
from ._nlp import NlpTasks
from ._streaming import AsyncInferenceStream, InferenceStream, TextGenerationStreams
from ._text import TextTasks
from ._video import VideoTasks
from ._vision import VisionTasks

__all__ = ["AsyncInferenceStream", "BinaryInput", "HfInference", "InferenceStream"]


class HfInference(
    TextTasks,
    VisionTasks,
    AudioTasks,
    NlpTasks,
    GenerationTasks,
    CatalogueTasks,
    ChatTasks,
    TextGenerationStreams,
    VideoTasks,
):
    """Client for Hugging Face Inference: one sync and one async method per task.

    Setup:
        `pip install hf-inference-tools`, then set `HF_TOKEN` (or pass `token=`).

    Instantiate:
        ```python
        from hf_inference_tools import HfInference, Options

        hf = HfInference()                       # token from HF_TOKEN / the token file
        hf = HfInference(endpoint_url="http://localhost:8080", timeout=30)  # your TGI / TEI
        ```

    Invoke:
        ```python
        labels = hf.text_classification(inputs="I love this!")
        labels = await hf.atext_classification(inputs="I love this!")
        png = hf.text_to_image(inputs="a red fox", options=Options(use_cache=False))
        for chunk in hf.chat_completion_stream(messages=[{"role": "user", "content": "Hi"}]):
            print(chunk.text, end="")
        ```

    Args:
        token: The HF token. None: `HF_TOKEN`, `HUGGING_FACE_HUB_TOKEN`, then the token file
            (`$HF_TOKEN_PATH`, `$HF_HOME/token`, `~/.cache/huggingface/token`); none at all
            means anonymous calls. Never shown in reprs, logs or errors.
        base_url: The serverless API (`https://router.huggingface.co/hf-inference`).
        endpoint_url: A dedicated Inference Endpoint, TGI or TEI URL, used as given.
        options: Default `Options` for every call (a call's `options=` replaces them).
        timeout: Seconds per HTTP attempt, reading the whole answer included.
        max_retries: Retries at most per call for 429, 502, 503, 504 and connection failures.
        retry_backoff: First backoff in seconds (doubling, with jitter) when the server names none.
        retry_max_wait: Cap in seconds on any single wait, whatever the server asks.
        headers: Extra headers for every call (e.g. `{"X-HF-Bill-To": "my-org"}`).
        http_client: An `httpx.Client` to use (not closed by us).
        async_http_client: An `httpx.AsyncClient` to use (not closed by us; one event loop only).
        text_generation_api: `"classic"` (`{"inputs", "parameters"}`) or `"completions"`
            (OpenAI-style `/v1/completions`, which vLLM-served models require).
        provider: The Inference Provider of calls: `"auto"` (the default: the Hub's first
            live provider we support for the model and task; chat through the router's own
            endpoint), `"hf-inference"` (the serverless API at `base_url`), or a name such as
            `"fal-ai"`. A call's `provider=` wins. Left unset with `base_url` given: that API.
        router_url: The Inference Providers router (`https://router.huggingface.co`).
        hub_url: Where model -> provider mappings are looked up: `$HF_ENDPOINT`, else
            `https://huggingface.co`.
        bill_to: An organisation to bill (sent as `X-HF-Bill-To`).
        job_timeout: Seconds a provider job may take, polls and the result's download included.
        max_output_bytes: Cap on a result downloaded from a provider's URL.
        max_failovers: With "auto", other providers tried after one fails (5xx, 429, network).

    It is a context manager (`with` / `async with`) and has `close()` / `aclose()`.
    """
