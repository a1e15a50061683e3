"""A dedicated Inference Endpoint, or your own TGI / TEI server: `HfInference(endpoint_url=...)`.

The URL is used as given: no model id goes in the path, and the tools need no `model=`. A local
TGI (`docker run -p 8080:80 ghcr.io/huggingface/text-generation-inference --model-id ...`)
serves `text_generation` and `chat_completion` the same way, at `http://localhost:8080`.

Offline by default: `HfInferenceMock(endpoints={url: task})` answers for the URL as that task.
`--live URL` calls your endpoint (with HF_TOKEN for a protected Inference Endpoint).
"""

from __future__ import annotations

import argparse
import contextlib

from hf_inference_tools import HfInference, HfInferenceToolkit, TextClassificationTool
from hf_inference_tools.testing import HfInferenceMock

EXAMPLE_URL = "https://my-sentiment.us-east-1.aws.endpoints.huggingface.cloud"


def main(url: str | None) -> None:
    endpoint = url or EXAMPLE_URL
    if not url:
        print(
            "offline: the endpoint's answers are HfInferenceMock's stand-ins, not a model's "
            "(--live URL calls your endpoint)"
        )
    offline = HfInferenceMock(endpoints={endpoint: "text_classification"})
    with contextlib.nullcontext() if url else offline, HfInference(endpoint_url=endpoint) as hf:
        # The client method, then the same client behind a tool and a toolkit.
        print("client:", hf.text_classification(inputs="The new release is fantastic."))
        tool = TextClassificationTool(client=hf)
        print("tool:", tool.invoke({"inputs": "Support never answered."}))
        toolkit = HfInferenceToolkit(client=hf, tasks=["text_classification"])
        print("toolkit:", [t.name for t in toolkit.get_tools()], "over", hf)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", metavar="URL", help="your endpoint's URL")
    main(parser.parse_args().live)
