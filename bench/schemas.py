"""Figure 6: what every agent turn pays for the tools' schemas.

An agent sends each tool's schema, as `convert_to_openai_tool(tool, strict=True)` makes it, with
every model call. The figure is its size in characters (`len(json.dumps(...))`) for all 28 tools
and for the largest one, with local files and URLs both allowed (the longest `data`
descriptions). It needs no server and no network: the toolkit makes no call when built.

`python -m bench.schemas` prints every tool's size, largest first.
"""

from __future__ import annotations

import json
import sys

from langchain_core.utils.function_calling import convert_to_openai_tool

from hf_inference_tools import HfInference, HfInferenceToolkit
from hf_inference_tools.tools import TOOL_CLASSES

from ._common import TOKEN, Row

TOTAL_GOAL = 20_000
TOOL_GOAL = 1_200


def sizes() -> dict[str, int]:
    """Characters of each tool's strict schema, by tool name."""
    toolkit = HfInferenceToolkit(
        client=HfInference(token=TOKEN), tasks=sorted(TOOL_CLASSES), media_root="media"
    )
    return {
        tool.name: len(json.dumps(convert_to_openai_tool(tool, strict=True)))
        for tool in toolkit.get_tools()
    }


def schema_size() -> list[Row]:
    """Figure 6: the total over every tool and the largest tool, each against its goal."""
    measured = sizes()
    total = sum(measured.values())
    largest = max(measured, key=measured.__getitem__)
    return [
        Row(
            "6. tool schemas an agent sends",
            f"{total:,} chars for all {len(measured)} tools (~{total // 4:,} tokens); "
            f"largest {largest} {measured[largest]:,}",
            f"<= {TOTAL_GOAL:,} total, <= {TOOL_GOAL:,} each",
            total <= TOTAL_GOAL and measured[largest] <= TOOL_GOAL,
        )
    ]


def main() -> int:
    measured = sizes()
    for name, size in sorted(measured.items(), key=lambda item: -item[1]):
        print(f"{size:6,}  {name}")
    print(f"{sum(measured.values()):6,}  all {len(measured)} tools")
    return 0


if __name__ == "__main__":
    sys.exit(main())
