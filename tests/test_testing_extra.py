"""The README's "Testing your agent offline", as a newcomer runs it: a fresh virtualenv, the
`testing` extra installed as the README says, and the README's example run verbatim.

pip installs from PyPI (or its cache, which repeated runs reuse), in a subprocess: the socket
block of this test session does not reach it. The package is built from this checkout.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"


def _section(title: str) -> str:
    text = README.read_text()
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def readme_testing_example() -> tuple[str, str]:
    """The section's install command and its Python example, as the README prints them."""
    section = _section("Testing your agent offline")
    (install,) = re.findall(r'`(pip install "hf-inference-tools\[testing\]")`', section)
    (example, *_) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return install, example


def test_readme_example_is_found_where_the_reader_sees_it() -> None:
    install, example = readme_testing_example()
    assert install == 'pip install "hf-inference-tools[testing]"'
    assert "def test_" in example and "hf_inference_mock" in example


@pytest.mark.fresh_venv
def test_testing_extra__readme_example_passes_in_a_fresh_venv(tmp_path: Path) -> None:
    install, example = readme_testing_example()
    env_dir = tmp_path / "venv"
    # No pip inside (ensurepip alone takes longer than the rest): this session's pip installs
    # into the new environment with `--python`.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The README's command, with this checkout in the package's place.
    words = shlex.split(install)
    assert words[:2] == ["pip", "install"]
    spec = words[2].replace("hf-inference-tools", str(ROOT), 1)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HF_", "HUGGING", "PYTHON", "VIRTUAL_ENV", "PYTEST"))
    }
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    installed = subprocess.run(
        [*pip, "install", "--quiet", spec],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]

    project = tmp_path / "project"
    project.mkdir()
    (project / "test_my_agent.py").write_text(example)
    ran = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_my_agent.py"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
        env=env,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    assert "1 passed" in ran.stdout
    # Only the extra was installed: no dev tool came along to make the example pass.
    listed = subprocess.run(
        [*pip, "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert "pytest-asyncio" not in listed.stdout and "langchain-tests" not in listed.stdout
