"""langchain-tests' standard suites for every tool, run offline against the API stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.tools import BaseTool
from langchain_tests.integration_tests import ToolsIntegrationTests
from langchain_tests.unit_tests import ToolsUnitTests

from hf_inference_tools import HfInference
from hf_inference_tools.testing import SAMPLES, HfInferenceMock
from hf_inference_tools.tools import TOOL_CLASSES, HfInferenceTool


class _Offline:
    """Mixes the per-tool properties and the offline API into a standard suite."""

    tool_class: type[HfInferenceTool]

    @pytest.fixture(autouse=True)
    def _offline_api(self) -> Iterator[HfInferenceMock]:
        with HfInferenceMock() as mock:
            yield mock

    @property
    def tool_constructor(self) -> type[BaseTool]:
        return self.tool_class

    @property
    def tool_constructor_params(self) -> dict[str, Any]:
        return {"client": HfInference(token="hf_standard_tests")}

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return SAMPLES[self.tool_class.model_fields["name"].default].args()


class _Unit(_Offline, ToolsUnitTests):
    @property
    def init_from_env_params(self) -> tuple[dict[str, str], dict[str, Any], dict[str, Any]]:
        # Built with no client at all, a tool makes its own from HF_TOKEN and the defaults.
        return {"HF_TOKEN": "hf_from_env"}, {}, {"model": self.tool_class.spec.default_model}


class _Integration(_Offline, ToolsIntegrationTests):
    pass


# One pair of suites per tool, named after it (e.g. TestTextClassificationToolUnit).
for _name, _cls in sorted(TOOL_CLASSES.items()):
    for _suite, _suffix in ((_Unit, "Unit"), (_Integration, "Integration")):
        _test_name = f"Test{_cls.__name__}{_suffix}"
        globals()[_test_name] = type(_test_name, (_suite,), {"tool_class": _cls})
