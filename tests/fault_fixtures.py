"""pytest fixtures for `FaultServer` (tests/fault_server.py).

One server runs for the whole session (starting a thread and a loop per test costs more than the
tests themselves); `fault_server` resets it before each test and fails the test if the server hit
a bug of its own. Make both visible from conftest.py::

    from tests.fault_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
        fault_server_fixture,
        fault_server_session_fixture,
    )
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fault_server import FaultServer

__all__ = ["fault_server_fixture", "fault_server_session_fixture"]


@pytest.fixture(scope="session", name="fault_server_session")
def fault_server_session_fixture() -> Iterator[FaultServer]:
    """The session's `FaultServer`; tests want `fault_server`, which resets it first."""
    with FaultServer() as server:
        yield server


@pytest.fixture(name="fault_server")
def fault_server_fixture(fault_server_session: FaultServer) -> Iterator[FaultServer]:
    """A started `FaultServer` with no scripts, no recorded requests and default tasks."""
    fault_server_session.reset()
    yield fault_server_session
    errors = fault_server_session.errors
    fault_server_session.reset()
    if errors:
        pytest.fail("FaultServer raised internally:\n" + "\n".join(errors), pytrace=False)
