"""Which releases of a dependency a piece of code was tested with.

The package overrides a few private methods of its dependencies, for speed. Each override is
used only on the releases it was tested with and falls back to the library's own code on any
other, so a release that changes those internals costs speed, never correctness.
"""

from __future__ import annotations

import functools

__all__ = ["Release", "within"]

Release = tuple[int, ...]


@functools.lru_cache(maxsize=64)
def within(version: str, first: Release, last: Release) -> bool:
    """Whether `version` (`"1.2.5"`) is a release from `first` to `last`, both included.

    A pre-release or local build (`"1.3.0rc1"`, `"1.2.5+local"`) was not tested: False.
    """
    try:
        release = tuple(int(part) for part in version.split("."))
    except ValueError:
        return False
    return first <= release <= last
