"""Every cookbook script runs offline, as a reader would run it, and prints what it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import NO_NETWORK

COOKBOOK = Path(__file__).parent.parent / "cookbook"
# What each script must print, and the files it must leave: a new script says here what it shows.
PROMISES: dict[str, tuple[str, str | None]] = {
    "agent.py": (
        "the classifier sees: lighthouse.",
        "cookbook-output/generated/text_to_image-*.png",
    ),
    "async_fanout.py": ("32 texts classified", None),
    "endpoint.py": (
        "toolkit: ['text_classification'] over HfInference('https://my-sentiment",
        None,
    ),
    "mcp_client.py": (
        "text_to_image sent an image/png, saved as mcp-output/text_to_image.png",
        "mcp-output/text_to_image.png",
    ),
    "one_tool.py": ('the LLM reads: [{"label":"POSITIVE"', None),
    "progress.py": ("job offline-1 on fal-ai: queued (queue position 2)", None),
    "providers.py": ("answered by: replicate", "cookbook-output/text_to_image-*.png"),
}


def _python(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, **NO_NETWORK},
    )


def test_every_script_is_covered() -> None:
    scripts = {p.name for p in COOKBOOK.glob("*.py") if not p.name.startswith("test_")}
    assert scripts == set(PROMISES)


@pytest.mark.parametrize("script", sorted(PROMISES))
def test_script_runs_offline(script: str, tmp_path: Path) -> None:
    done = _python(COOKBOOK / script, cwd=tmp_path)
    printed, leaves = PROMISES[script]
    assert done.returncode == 0, done.stderr
    assert printed in done.stdout
    # The reader is told the answers are the stand-in's, not a model's.
    assert "HfInferenceMock's stand-ins" in done.stdout.splitlines()[0]
    assert (COOKBOOK / script).read_text().startswith('"""')  # the docstring says what it shows
    if leaves:
        (kept,) = tmp_path.glob(leaves)
        assert kept.read_bytes().startswith(b"\x89PNG")


def test_testing_example_passes_under_pytest() -> None:
    done = _python("-m", "pytest", "-q", COOKBOOK / "test_my_agent.py", cwd=COOKBOOK.parent)
    assert done.returncode == 0, done.stdout
    assert "2 passed" in done.stdout


@pytest.mark.parametrize("script", ["agent.py", "async_fanout.py", "one_tool.py"])
def test_script_live_without_a_token_is_one_clear_line(script: str, tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))},
        **NO_NETWORK,
        "HF_HOME": str(tmp_path / "hf-home"),  # no token file there either
    }
    done = subprocess.run(
        [sys.executable, COOKBOOK / script, "--live"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "error: --live calls the real Hugging Face API and needs a token: "
        "export HF_TOKEN=hf_... (create one at https://huggingface.co/settings/tokens)"
    ]
