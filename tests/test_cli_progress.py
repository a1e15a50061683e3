"""The CLI's job status on stderr, and Ctrl-C cancelling the job (SPEC 7), in a subprocess over
the offline stand-in (whose fal-ai jobs move up the queue, run, then are done)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hf_inference_tools.cli import main

RUN = [sys.executable, "-m", "hf_inference_tools", "run", "text_to_video", "--offline"]


def env() -> dict[str, str]:
    return {**os.environ, "HF_TOKEN": "hf_cli_progress_token"}


def test_run__a_plain_status_line_per_change_on_a_pipe(tmp_path: Path) -> None:
    # No token at all: offline, the provider-routed job needs none.
    no_token = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HF_TOKEN_PATH")}
    done = subprocess.run(
        [*RUN, "--inputs", "a fox", "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**no_token, "HF_HOME": str(tmp_path / "no-hf-home")},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("saved ") and "job" not in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith("job ")]
    states = [line.split(": ", 1)[1].rsplit(", ", 1)[0] for line in lines]
    assert states == [
        "queued, queue position 2",
        "queued, queue position 1",
        "queued, queue position 0",
        "running",
        "done",
    ]
    assert all(line.startswith("job fal-ai offline-1: ") for line in lines)
    assert "\r" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_run__ctrl_c_asks_the_provider_to_cancel_then_exits(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*RUN, "--inputs", "a fox", "--output-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # the job is queued: the status line says so
    assert first.startswith("job fal-ai offline-1: queued")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert out == ""
    assert "job fal-ai offline-1: cancelled" in err  # the stand-in took the cancel request
    assert err.splitlines()[-1] == "error: interrupted: asked fal-ai to cancel job offline-1"
    assert "hf_cli_progress_token" not in out + err


def test_run__a_terminal_gets_one_line_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_cli_progress_token")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    args = ["run", "text_to_video", "--offline", "--inputs", "a fox", "--output-dir"]
    assert main([*args, str(tmp_path)]) == 0
    err = capsys.readouterr().err
    status = err.split("offline: answered")[0]
    assert status.startswith("\rjob fal-ai offline-1: queued, queue position 2")
    assert status.count("\r") >= 5 and status.count("\n") == 1  # one line, ended when done
    assert status.rstrip().rsplit("\r", 1)[1].startswith("job fal-ai offline-1: done")
