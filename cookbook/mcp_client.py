"""The tools over MCP: start `hf-inference-tools mcp` and use it with the official `mcp` client.

The client starts the server as a subprocess and talks to it over stdio, as Claude Desktop or
Cursor would: it lists the tools, classifies a sentence, and paints a picture, which comes back
as an image block and is saved to `mcp-output/`. Offline by default (the server answers with
`--offline`); `--live` starts it against the real API with your `HF_TOKEN`.
Needs `pip install "hf-inference-tools[mcp,testing]"`.
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys
from pathlib import Path

import mcp.types as types
from mcp import Client, StdioServerParameters

OFFLINE_NOTE = (
    "offline: the API's answers are HfInferenceMock's stand-ins, shaped by each request but "
    "not a model's (--live calls the real API)"
)
LIVE_SETUP_HINT = (
    "error: --live calls the real Hugging Face API and needs a token: "
    "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
)


async def main(live: bool = False) -> None:
    if live and not os.environ.get("HF_TOKEN"):
        sys.exit(LIVE_SETUP_HINT)  # before the server starts: anonymous calls are refused
    if not live:
        print(OFFLINE_NOTE)
    server = StdioServerParameters(
        command=sys.executable,
        args=[
            "-m",
            "hf_inference_tools",
            "mcp",
            "--tasks",
            "text_classification,text_to_image",
            *([] if live else ["--offline"]),
        ],
        # An MCP host passes the server only what its `env` block says (plus PATH, HOME, ...).
        env={"HF_TOKEN": os.environ.get("HF_TOKEN", "")} if live else None,
    )
    async with Client(server) as client:
        tools = (await client.list_tools()).tools
        print("the server offers:", ", ".join(tool.name for tool in tools))

        result = await client.call_tool("text_classification", {"inputs": "I love it!"})
        (text,) = [block.text for block in result.content if isinstance(block, types.TextContent)]
        print("text_classification says:", text)

        result = await client.call_tool("text_to_image", {"inputs": "a watercolour fox"})
        for block in result.content:
            if isinstance(block, types.ImageContent):
                out = Path("mcp-output") / "text_to_image.png"
                out.parent.mkdir(exist_ok=True)
                out.write_bytes(base64.b64decode(block.data))
                print(f"text_to_image sent an {block.mime_type}, saved as {out}")
            elif isinstance(block, types.ResourceLink):  # larger than --max-inline-bytes
                print(f"text_to_image linked {block.uri}: read it with client.read_resource")


if __name__ == "__main__":
    asyncio.run(main(live="--live" in sys.argv))
