"""The loopback server (tests/fault_server.py) in a process of its own.

In a thread of the measured process it would take the GIL from the client it serves, and the
async figure would measure that contention. The parent drives it over stdin/stdout, one JSON line
per command (`stats`, `quit`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import IO


@dataclass(frozen=True)
class ServerStats:
    """What the server saw so far."""

    connections_opened: int
    requests: int
    paths: dict[str, int]
    """`"METHOD /path"` -> how many requests."""
    errors: int
    """Bugs of the server itself (should stay 0)."""

    def since(self, before: ServerStats) -> ServerStats:
        paths = Counter(self.paths)
        paths.subtract(before.paths)
        return ServerStats(
            connections_opened=self.connections_opened - before.connections_opened,
            requests=self.requests - before.requests,
            paths={path: n for path, n in paths.items() if n},
            errors=self.errors - before.errors,
        )


class ServerProcess:
    """Starts `python -m bench._server` and asks it for its `ServerStats`."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        # Kept aside, shown only if the server dies: its shutdown may log connections it cut.
        self._stderr = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115  # closed by stop()
        self.url = ""

    @property
    def base_url(self) -> str:
        """What `HfInference(base_url=...)` takes."""
        return self.url + "/hf-inference"

    def model_url(self, model: str) -> str:
        return f"{self.base_url}/models/{model}"

    def start(self) -> None:
        self._process = subprocess.Popen(  # our own interpreter and module
            [sys.executable, "-m", "bench._server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        self.url = json.loads(self._readline())["url"]

    def stats(self) -> ServerStats:
        self._command("stats")
        return ServerStats(**json.loads(self._readline()))

    def stop(self) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._command("quit")
            self._process.wait(timeout=30)
        self._process = None
        self._stderr.close()

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _pipes(self) -> tuple[IO[str], IO[str]]:
        if self._process is None or self._process.stdin is None or self._process.stdout is None:
            raise RuntimeError("the server process is not running")
        return self._process.stdin, self._process.stdout

    def _command(self, command: str) -> None:
        stdin, _ = self._pipes()
        stdin.write(command + "\n")
        stdin.flush()

    def _readline(self) -> str:
        _, stdout = self._pipes()
        line = stdout.readline()
        if not line:
            self._stderr.seek(0)
            raise RuntimeError(f"the server process ended:\n{self._stderr.read()}")
        return line


def main() -> None:
    """The child: serve until `quit` (or until the parent goes away)."""
    from tests.fault_server import FaultServer

    with FaultServer() as server:
        print(json.dumps({"url": server.url}), flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "quit":
                break
            if command == "stats":
                requests = server.requests
                paths = Counter(f"{r.method} {r.path}" for r in requests)
                stats = {
                    "connections_opened": server.connections_opened,
                    "requests": len(requests),
                    "paths": dict(paths),
                    "errors": len(server.errors),
                }
                print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
