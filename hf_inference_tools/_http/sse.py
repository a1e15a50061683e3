"""Server-Sent Events, parsed without I/O: lines in, each event's `data` out.

What the inference servers send (recorded in `testing/_streams.py`) differs from server to server:
TGI's text generation writes `data:{...}` (no space) and simply closes the connection at the end;
its chat completion writes `data: {...}` and ends with `data: [DONE]`; an error arrives as an
ordinary event, `data:{"error": ..., "error_type": ...}`, inside a 200 answer. So the parser
accepts `data:` with or without its space, joins multi-line `data` as the SSE standard says,
skips comments and the other fields (`event`, `id`, `retry`), and ends at `[DONE]` or at the end
of the body, whichever comes first. `stream_error` finds the error inside an event.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

__all__ = ["DONE", "SSEDecoder", "StreamError", "aiter_sse", "iter_sse", "stream_error"]

DONE = "[DONE]"
"""The `data` of the event that ends an OpenAI-style stream."""


class SSEDecoder:
    """Turns lines (without their line breaks) into the `data` of each complete event.

    After the `[DONE]` event, `done` is True and nothing more is returned.
    """

    def __init__(self) -> None:
        self._data: list[str] = []
        self.done = False

    def feed(self, line: str) -> str | None:
        """Take one line; return an event's data when this (blank) line completes one."""
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment, e.g. a keep-alive ping
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        return None

    def end(self) -> str | None:
        """The body ended: the pending event, if any (the last may lack its blank line)."""
        return self._dispatch()

    def _dispatch(self) -> str | None:
        data = "\n".join(self._data)
        self._data = []
        self.done = self.done or data.strip() == DONE
        return None if self.done or not data.strip() else data


def iter_sse(lines: Iterable[str]) -> Iterator[str]:
    """The `data` of each event in `lines`, up to `[DONE]` or the last line."""
    decoder = SSEDecoder()
    for line in lines:
        if (data := decoder.feed(line)) is not None:
            yield data
        if decoder.done:
            return
    if (data := decoder.end()) is not None:
        yield data


async def aiter_sse(lines: AsyncIterable[str]) -> AsyncIterator[str]:
    """Async twin of `iter_sse`."""
    decoder = SSEDecoder()
    async for line in lines:
        if (data := decoder.feed(line)) is not None:
            yield data
        if decoder.done:
            return
    if (data := decoder.end()) is not None:
        yield data


class StreamError(NamedTuple):
    """An error the server reported inside a stream it had already started with a 2xx."""

    message: str
    error_type: str | None = None


def stream_error(event: Mapping[str, Any]) -> StreamError | None:
    """The error an event reports: TGI's `{"error": str | [str], "error_type": ...}` or
    OpenAI's `{"error": {"message": ..., "type": ...}}`; None for an ordinary event."""
    error = event.get("error")
    if not error:
        return None
    error_type = event.get("error_type")
    if isinstance(error, Mapping):
        error_type = error_type or error.get("type") or error.get("code")
        message = str(error.get("message") or error)
    elif isinstance(error, list):
        message = "; ".join(str(part) for part in error)
    else:
        message = str(error)
    return StreamError(message, str(error_type) if error_type else None)
