"""The pytest plugin (entry point `pytest11`) that offers the `hf_inference_mock` fixture.

It lives outside `hf_inference_tools.testing`, whose import needs respx: pytest loads every
installed plugin at startup, so importing respx here would break pytest in any environment that
has this package without the `testing` extra.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .testing import HfInferenceMock

_CALL_FAILED = pytest.StashKey[bool]()


# Old-style wrapper: this module loads wherever the package and pytest are both installed,
# whatever their versions, and the new style needs pluggy 1.2.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    # The fixture's teardown reads this: a test that already failed (on the unanswered call's
    # own error, most often) is not failed a second time.
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed


@pytest.fixture
def hf_inference_mock(request: pytest.FixtureRequest) -> Iterator[HfInferenceMock]:
    """An active `HfInferenceMock`: every HF Inference call in the test is answered offline.

    A call it cannot answer raises `UnansweredCallError`; if the code under test caught that
    error, the test still fails at teardown.
    """
    try:
        from .testing import HfInferenceMock
    except ModuleNotFoundError as exc:
        message = f"hf_inference_mock needs {exc.name}: pip install 'hf-inference-tools[testing]'"
        raise pytest.fail.Exception(message, pytrace=False) from None
    mock = HfInferenceMock()
    mock.start()
    try:
        yield mock
    finally:
        mock.stop()
    if mock.unanswered and not request.node.stash.get(_CALL_FAILED, False):
        pytest.fail(f"hf_inference_mock: {mock.unanswered[0].refused}", pytrace=False)
