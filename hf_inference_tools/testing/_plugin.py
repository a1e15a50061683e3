"""The pytest plugin (entry point `pytest11`) that offers the `hf_inference_mock` fixture."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._mock import HfInferenceMock


@pytest.fixture
def hf_inference_mock() -> Iterator[HfInferenceMock]:
    """An active `HfInferenceMock`: every HF Inference call in the test is answered offline."""
    # Imported here so that merely having this package installed never requires respx.
    from ._mock import HfInferenceMock

    with HfInferenceMock() as mock:
        yield mock
