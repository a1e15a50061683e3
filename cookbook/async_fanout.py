"""Async fan-out: classify many texts at once, `asyncio.gather` over one shared client.

One `HfInference` keeps one connection pool per event loop, so concurrent calls reuse
connections; a semaphore caps how many are in flight, to stay clear of rate limits.

Offline by default (`HfInferenceMock`); `--live` calls the real API (HF_TOKEN).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time

from hf_inference_tools import HfInference, TextClassificationTool
from hf_inference_tools.testing import HfInferenceMock

REVIEWS = [
    "Arrived quickly and works perfectly.",
    "The battery died after two days.",
    "Decent value for the price.",
    "Customer support was rude and unhelpful.",
    "I would buy this again without a second thought.",
    "The manual is confusing, but the product is fine.",
    "Broke the first time I used it.",
    "Exceeded every expectation I had.",
] * 4


async def classify_all(texts: list[str], in_flight: int = 8) -> list[str]:
    async with HfInference() as client:
        tool = TextClassificationTool(client=client)
        gate = asyncio.Semaphore(in_flight)

        async def classify(text: str) -> str:
            async with gate:
                content: str = await tool.ainvoke({"inputs": text})
                return content

        return await asyncio.gather(*(classify(text) for text in texts))


OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


def main(live: bool) -> None:
    if live:
        with HfInference() as hf:
            if not hf.has_token:
                sys.exit(LIVE_SETUP_HINT)  # before any request: anonymous calls are refused
    else:
        print(OFFLINE_NOTE)
    started = time.perf_counter()
    with contextlib.nullcontext() if live else HfInferenceMock():
        results = asyncio.run(classify_all(REVIEWS))
    for text, content in list(zip(REVIEWS, results, strict=True))[:8]:
        best = json.loads(content)[0]
        print(f"{best['label']:<8} {best['score']:.2f}  {text}")
    print(f"{len(results)} texts classified in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", action="store_true", help="call the real API (HF_TOKEN)")
    main(parser.parse_args().live)
