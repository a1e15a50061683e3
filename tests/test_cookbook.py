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
        "the classifier sees: tabby, tabby cat",
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
    assert (COOKBOOK / script).read_text().startswith('"""')  # the docstring says what it shows
    if leaves:
        (kept,) = tmp_path.glob(leaves)
        assert kept.read_bytes().startswith(b"\x89PNG")


def test_testing_example_passes_under_pytest() -> None:
    done = _python("-m", "pytest", "-q", COOKBOOK / "test_my_agent.py", cwd=COOKBOOK.parent)
    assert done.returncode == 0, done.stdout
    assert "2 passed" in done.stdout
