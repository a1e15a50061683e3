"""Figure 5: what `import hf_inference_tools` adds to what any LangChain tool imports anyway.

`import langchain_core.tools` alone loads almost nothing (its names are imported lazily), so the
floor imports what a hand-written tool module needs: `BaseTool` and `ToolException`, httpx and
pydantic. Each run is a fresh interpreter that times the floor's imports, then ours on top:
the two are measured milliseconds apart, which keeps a busy machine's drift out of the
difference. The package's bytecode is compiled first, as `pip install` does.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
from pathlib import Path

import hf_inference_tools

from ._common import Row

FLOOR = "from langchain_core.tools import BaseTool, ToolException; import httpx, pydantic"
CODE = (
    "import time; t0 = time.perf_counter(); "
    f"{FLOOR}; t1 = time.perf_counter(); "
    "import hf_inference_tools; t2 = time.perf_counter(); "
    "print(t1 - t0, t2 - t1)"
)
RUNS = 15


def _run() -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", CODE], check=True, capture_output=True, text=True)
    floor, ours = done.stdout.split()
    return float(floor), float(ours)


def import_cost(*, scale: float = 1.0) -> list[Row]:
    compileall.compile_dir(Path(hf_inference_tools.__file__).parent, quiet=1)
    _run()  # files into the page cache
    runs = [_run() for _ in range(max(3, round(RUNS * scale)))]
    floor = statistics.median(r[0] for r in runs) * 1000
    extra = statistics.median(r[1] for r in runs) * 1000
    return [
        Row(
            "5. import cost over the floor",
            f"+{extra:.0f} ms (the floor itself: {floor:.0f} ms)",
            "<= +80 ms",
            extra <= 80,
        )
    ]
