"""Large bodies go out in slices.

Sent whole, a body that does not fit the socket buffer is copied again by httpcore after every
partial send (`buffer = buffer[n:]`), and asyncio buffers (copies) whatever a send leaves over:
a large upload peaked at 3 copies. Slices of 1 MiB keep each copy small.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

__all__ = ["UPLOAD_SLICE", "aslices", "slices"]

UPLOAD_SLICE = 2**20
"""Bodies larger than this are sent in slices of this size."""


def slices(body: bytes) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(view), UPLOAD_SLICE):
        yield view[start : start + UPLOAD_SLICE].tobytes()


async def aslices(body: bytes) -> AsyncIterator[bytes]:
    for piece in slices(body):
        yield piece
