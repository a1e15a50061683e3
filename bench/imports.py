"""Figure 5: what importing hf_inference_tools adds to what any LangChain tool imports anyway.

`import langchain_core.tools` alone loads almost nothing (its names are imported lazily), so the
floor imports what a hand-written tool module needs: `BaseTool` and `ToolException`, httpx and
pydantic. Each run is a fresh interpreter that times the floor's imports, then ours on top:
the two are measured milliseconds apart, which keeps a busy machine's drift out of the
difference. The package's bytecode is compiled first, as `pip install` does.

`python -m bench.imports` prints three variants of "ours" (medians over the floor):
the bare import, the first line of a typical agent module, and the default toolkit built (the
goal's figure: what an agent pays before its first turn).
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import hf_inference_tools
from hf_inference_tools.toolkit import DEFAULT_TASKS

from ._common import Row

FLOOR = "from langchain_core.tools import BaseTool, ToolException; import httpx, pydantic"
VARIANTS = {
    "import hf_inference_tools": "import hf_inference_tools",
    "from hf_inference_tools import HfInference, HfInferenceToolkit, TextClassificationTool": (
        "from hf_inference_tools import HfInference, HfInferenceToolkit, TextClassificationTool"
    ),
    "the toolkit built: HfInferenceToolkit(client=HfInference(...)).get_tools()": (
        "from hf_inference_tools import HfInference, HfInferenceToolkit; "
        "tools = HfInferenceToolkit(client=HfInference(token='hf_x')).get_tools(); "
        f"assert len(tools) == {len(DEFAULT_TASKS)}"
    ),
}
RUNS = 9  # fresh interpreters per variant (each ~1.3 s here: the floor is slow)


def _code(ours: str) -> str:
    return (
        "import time; t0 = time.perf_counter(); "
        f"{FLOOR}; t1 = time.perf_counter(); "
        f"{ours}; t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t1)"
    )


def _run(ours: str) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", _code(ours)], check=True, capture_output=True, text=True
    )
    floor, extra = done.stdout.split()
    return float(floor), float(extra)


def _compile() -> None:
    compileall.compile_dir(Path(hf_inference_tools.__file__).parent, quiet=1)


def import_cost(*, scale: float = 1.0) -> list[Row]:
    """Figure 5. The goal is read on what an agent pays before its first turn: the package
    imported and the default toolkit built, every tool in it (the bare import and a typical first
    line are shown)."""
    measured = variants(max(3, round(RUNS * scale)))
    bare, typical, toolkit = (measured[name] for name in VARIANTS)
    return [
        Row(
            "5. import cost over the floor",
            f"+{toolkit[0]:.0f} ms: the default toolkit built, {len(DEFAULT_TASKS)} tools, "
            f"{toolkit[2]:.1%} of the floor (bare import +{bare[0]:.0f} ms; client, toolkit, "
            f"one tool +{typical[0]:.0f} ms; the floor itself {toolkit[1]:.0f} ms)",
            "<= +80 ms",
            toolkit[0] <= 80,
        )
    ]


def variants(runs: int) -> dict[str, tuple[float, float, float]]:
    """Each variant's median cost over the floor and the floor's median, in ms, and the median
    of each run's cost as a share of that run's floor.

    The variants take turns run by run, so a slow stretch of the machine lands on all of them.
    The share is shown because the milliseconds move with the machine: the same tree has read
    +76 ms with the floor at 589 ms and +105 ms with it at 804 ms, both ~13% of the floor.
    """
    _compile()
    for code in VARIANTS.values():
        _run(code)  # files into the page cache, and a failing variant fails here
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in VARIANTS}
    for _ in range(runs):
        for name, code in VARIANTS.items():
            samples[name].append(_run(code))
    return {
        name: (
            statistics.median(s[1] for s in runs_) * 1000,
            statistics.median(s[0] for s in runs_) * 1000,
            statistics.median(s[1] / s[0] for s in runs_),
        )
        for name, runs_ in samples.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__)
    parser.add_argument("--runs", type=int, default=11, help="fresh interpreters per variant")
    args = parser.parse_args(argv)
    for name, (extra, floor, share) in variants(args.runs).items():
        print(f"+{extra:6.1f} ms  ({share:.1%} of the floor, {floor:.0f} ms)  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
