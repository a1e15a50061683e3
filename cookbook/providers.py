"""Inference Providers: one HF token reaches fal-ai, replicate, together, groq, ... per call.

`provider="auto"` (the default) takes the Hub's first live provider that serves the model for
the task (chat goes to the router's own endpoint); a name (`provider="fal-ai"`) picks one. Jobs
(fal's queue, replicate predictions, video) are polled until done, within `job_timeout`.

Offline by default: `HfInferenceMock` plays the Hub and the providers, fal-ai's queue included.
`--live` calls the real router with HF_TOKEN (billed to your account, or to `--bill-to ORG`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from hf_inference_tools import HfInference, HfInferenceToolkit
from hf_inference_tools.testing import HfInferenceMock

FLUX = "black-forest-labs/FLUX.1-dev"
VIDEO = "Wan-AI/Wan2.2-T2V-A14B"
LLM = "meta-llama/Llama-3.3-70B-Instruct"
OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


def main(live: bool, bill_to: str | None) -> None:
    if live and not os.environ.get("HF_TOKEN"):
        sys.exit(LIVE_SETUP_HINT)  # before any request: providers refuse anonymous calls
    if not live:
        print(OFFLINE_NOTE)
    offline = HfInferenceMock()
    offline.add_model(FLUX, "text_to_image", {"fal-ai": "fal-ai/flux/dev", "replicate": "bfl/flux"})
    token = os.environ.get("HF_TOKEN") if live else "hf_offline_example"
    with (
        contextlib.nullcontext() if live else offline,
        HfInference(token=token, bill_to=bill_to, job_timeout=600) as hf,
    ):
        # Named provider: fal-ai's queue (submitted, polled, the result downloaded).
        png = hf.text_to_image(inputs="a watercolor fox", model=FLUX, provider="fal-ai")
        print(f"image from fal-ai: {len(png)} bytes")
        # "auto": the first live provider the Hub lists for this model and task.
        mp4 = hf.text_to_video(inputs="a fox running through snow", model=VIDEO)
        print(f"video from auto: {len(mp4)} bytes, starts {mp4[4:8]!r}")
        # Chat with "auto" goes to the router's own endpoint (":fastest", ":cheapest" work).
        reply = hf.chat_completion(messages=[{"role": "user", "content": "Hi!"}], model=LLM)
        print("chat:", reply.choices[0].message.content)
        # Tools: the toolkit's `provider` for all, `providers` per tool; the LLM never picks.
        toolkit = HfInferenceToolkit(
            client=hf,
            tasks=["text_to_image", "text_classification"],
            models={"text_to_image": FLUX},
            providers={"text_to_image": "replicate"},
            output_dir=Path("cookbook-output"),
        )
        image_tool = toolkit.get_tools()[0]
        call = {
            "type": "tool_call",
            "id": "1",
            "name": "text_to_image",
            "args": {"inputs": "a fox"},
        }
        message = image_tool.invoke(call)
        print("the LLM reads:", message.content)
        print("answered by:", message.artifact["provider"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", action="store_true", help="call the real router (HF_TOKEN)")
    parser.add_argument("--bill-to", metavar="ORG", help="bill an organisation you belong to")
    arguments = parser.parse_args()
    main(arguments.live, arguments.bill_to)
