"""`python -m bench`: run every figure on one loopback server and print the table."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence

from ._common import Row
from ._server import ServerProcess
from .calls import client_overhead, tool_overhead
from .concurrency import async_throughput
from .imports import import_cost
from .jobs import job_polling
from .schemas import schema_size
from .upload import upload_memory


def table(rows: Sequence[Row]) -> str:
    header = ("figure", "measured", "goal", "result")
    cells = [header] + [
        (r.figure, r.measured, r.goal, "PASS" if r.passed else "FAIL") for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="repetitions multiplier (0.3: a quick look)"
    )
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {_cpu()}, {_cores()} cores")
    rows: list[Row] = []
    with ServerProcess() as server:
        figures: list[Callable[[], list[Row]]] = [
            lambda: client_overhead(server, scale=args.scale),
            lambda: tool_overhead(server, scale=args.scale),
            lambda: async_throughput(server, scale=args.scale),
            lambda: upload_memory(server, scale=args.scale),
            lambda: import_cost(scale=args.scale),
            schema_size,
            lambda: job_polling(scale=args.scale),
        ]
        for figure in figures:
            started = time.perf_counter()
            new = figure()
            rows += new
            for row in new:
                print(f"  {row.figure}: {row.measured} ({time.perf_counter() - started:.0f} s)")
        errors = server.stats().errors
    print()
    print(table(rows))
    if errors:
        print(f"\nThe loopback server hit {errors} internal errors: the figures are suspect.")
        return 1
    return 0


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
