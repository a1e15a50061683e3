"""The pytest plugin (entry point `pytest11`) that offers the `hf_inference_mock` fixture.

It lives outside `hf_inference_tools.testing`, whose import needs respx: pytest loads every
installed plugin at startup, so importing respx here would break pytest in any environment that
has this package without the `testing` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .testing import HfInferenceMock


@pytest.fixture
def hf_inference_mock() -> Iterator[HfInferenceMock]:
    """An active `HfInferenceMock`: every HF Inference call in the test is answered offline."""
    try:
        from .testing import HfInferenceMock
    except ModuleNotFoundError as exc:
        message = f"hf_inference_mock needs {exc.name}: pip install 'hf-inference-tools[testing]'"
        raise pytest.fail.Exception(message, pytrace=False) from None
    with HfInferenceMock() as mock:
        yield mock
