"""Long work shows its progress: a video job's queue position and status, as it runs.

While a provider job runs (fal-ai's queue, replicate predictions, video), a tool sends
`hf_inference_progress` custom events: `{"task", "model", "provider", "job_id", "status",
"queue_position", "elapsed_s"}`, at each change and at most once a second otherwise. They show
in `astream_events` (below), reach callback handlers (`on_custom_event`), and inside a LangGraph
run go to `stream_mode="custom"` too. With no one listening, none is sent and nothing is spent.

Offline by default: `HfInferenceMock` plays fal-ai's queue (the job moves up, runs, is done, in
a few seconds). `--live` sends the job to the real router with HF_TOKEN (billed to you).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from typing import Any

from hf_inference_tools import PROGRESS_EVENT, HfInference, TextToVideoTool
from hf_inference_tools.testing import HfInferenceMock

OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


async def main(live: bool) -> None:
    if live and not os.environ.get("HF_TOKEN"):
        sys.exit(LIVE_SETUP_HINT)
    if not live:
        print(OFFLINE_NOTE)
    token = os.environ.get("HF_TOKEN") if live else "hf_offline_example"
    with contextlib.nullcontext() if live else HfInferenceMock():
        async with HfInference(token=token, job_timeout=900) as hf:
            tool = TextToVideoTool(client=hf)  # its default model is served by fal-ai's queue
            args = {"inputs": "a fox running through snow"}
            async for event in tool.astream_events(args):
                if event["event"] == "on_custom_event" and event["name"] == PROGRESS_EVENT:
                    job: dict[str, Any] = dict(event["data"])
                    where = f" (queue position {job['queue_position']})"
                    print(
                        f"job {job['job_id']} on {job['provider']}: {job['status']}"
                        f"{where if job['queue_position'] is not None else ''}"
                        f" after {job['elapsed_s']:.1f} s"
                    )
                elif event["event"] == "on_tool_end":
                    print("the LLM reads:", event["data"]["output"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", action="store_true", help="call the real router (HF_TOKEN)")
    asyncio.run(main(parser.parse_args().live))
