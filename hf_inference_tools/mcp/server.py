"""The toolkit's tools behind the official `mcp` SDK's low-level `Server` (SPEC section 9).

`tools/list` gives each tool's strict-portable schema (the one an LLM sees in LangChain);
`tools/call` runs the tool asynchronously as a LangChain tool call, so the artifact comes back
with the content, and maps the two onto MCP content blocks. Generated media travel inline when
small, else as a `resource_link` to an output this server keeps and serves through
`resources/read`. Whatever goes wrong in a call comes back as an `isError` result carrying the
tool's own message, with the HF token redacted; only an unknown tool is a protocol error.
"""

from __future__ import annotations

import base64
import binascii
import logging
import mimetypes
import re
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import anyio
import mcp.types as types
from langchain_core.callbacks import AsyncCallbackHandler
from langchain_core.messages import ToolMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool, ToolException
from langchain_core.utils.function_calling import convert_to_openai_tool
from mcp.server import Server, ServerRequestContext
from mcp.shared.exceptions import MCPError
from pydantic import ValidationError
from pydantic_core import to_jsonable_python

from .._media import sniff_mime
from .._progress import PROGRESS_EVENT, describe_progress
from .._version import __version__
from ..tools import HfInferenceTool

__all__ = [
    "DEFAULT_MAX_INLINE_BYTES",
    "OUTPUT_URI_PREFIX",
    "PROGRESS_EVENT",
    "OutputStore",
    "build_server",
]

logger = logging.getLogger("hf_inference_tools.mcp")

DEFAULT_MAX_INLINE_BYTES = 512 * 2**10
"""Generated media up to this size go inline as an `image`/`audio` block; larger ones are
linked. Hosts cap a whole result near 1 MiB (Claude Desktop, the Python SDK's SSE reader), and
base64 adds a third."""
OUTPUT_URI_PREFIX = "hf-inference-tools://outputs/"

# A base64 payload inside a result (segmentation masks, separated audio) is moved to an output
# and replaced by its URI, so structuredContent stays small. Shorter strings are left as they are.
_BASE64_MIN_CHARS = 256
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


@dataclass(frozen=True, slots=True)
class _Output:
    resource: types.Resource
    data: bytes | None  # None: read from `path` on demand
    path: Path | None


class OutputStore:
    """The generated media this server links to, served by `resources/list` and `read`.

    Bounded: at most `max_entries` outputs, and at most `max_memory_bytes` held in memory (outputs
    saved to disk are read from there); the oldest are forgotten first. A file larger than
    `max_read_bytes` is not sent through the protocol (its link names the path instead).
    """

    def __init__(
        self,
        *,
        max_entries: int = 256,
        max_memory_bytes: int = 256 * 2**20,
        max_read_bytes: int = 64 * 2**20,
    ) -> None:
        self.max_entries = max_entries
        self.max_memory_bytes = max_memory_bytes
        self.max_read_bytes = max_read_bytes
        self._outputs: OrderedDict[str, _Output] = OrderedDict()
        self._memory = 0

    def add(
        self, data: bytes, mime_type: str, *, stem: str, path: Path | None = None
    ) -> types.ResourceLink:
        """Keep one output (its bytes, or where it was saved) and return a link to it."""
        extension = mimetypes.guess_extension(mime_type) or ""
        uri = f"{OUTPUT_URI_PREFIX}{uuid.uuid4().hex}{extension}"
        name = path.name if path is not None else f"{stem}{extension}"
        where = f"saved at {path}" if path is not None else "held by the server"
        link = types.ResourceLink(
            uri=uri,
            name=name,
            mime_type=mime_type,
            size=len(data),
            description=f"Generated {mime_type}, {len(data)} bytes, {where}.",
        )
        kept = None if path is not None else data
        self._outputs[uri] = _Output(
            types.Resource(**link.model_dump(exclude={"type"})), kept, path
        )
        self._memory += len(kept or b"")
        self._evict()
        return link

    def _evict(self) -> None:
        while len(self._outputs) > self.max_entries or (
            self._memory > self.max_memory_bytes and len(self._outputs) > 1
        ):
            _, oldest = self._outputs.popitem(last=False)
            self._memory -= len(oldest.data or b"")

    def resources(self) -> list[types.Resource]:
        return [output.resource for output in self._outputs.values()]

    async def read(self, uri: str) -> tuple[bytes, str]:
        """The output's bytes and MIME type; `MCPError` for an unknown or unreadable one."""
        output = self._outputs.get(uri)
        if output is None:
            raise MCPError(
                types.INVALID_PARAMS,
                f"Resource not found: {uri} (unknown, or forgotten to make room for newer ones).",
            )
        mime_type = output.resource.mime_type or "application/octet-stream"
        if output.data is not None:
            return output.data, mime_type
        assert output.path is not None
        size = output.resource.size or 0
        if size > self.max_read_bytes:
            raise MCPError(
                types.INVALID_PARAMS,
                f"{uri} has {size} bytes, more than this server sends through the protocol "
                f"({self.max_read_bytes}); read it from {output.path}.",
            )
        try:
            data = await anyio.Path(output.path).read_bytes()
        except OSError as exc:
            raise MCPError(
                types.INVALID_PARAMS, f"{uri} can no longer be read from {output.path}: {exc}."
            ) from None
        return data, mime_type


def build_server(
    tools: Sequence[BaseTool],
    *,
    max_inline_bytes: int = DEFAULT_MAX_INLINE_BYTES,
    outputs: OutputStore | None = None,
    secrets: Iterable[str] = (),
) -> Server[Any]:
    """An MCP server offering `tools` (usually `HfInferenceToolkit(...).get_tools()`).

    Args:
        tools: The tools to serve, listed in this order; names must be unique.
        max_inline_bytes: Generated media up to this size are sent inline (base64), larger
            ones (and video) as a `resource_link` to be read through `resources/read`.
        outputs: Where linked outputs are kept (a fresh bounded `OutputStore` by default).
        secrets: Strings never to send (e.g. the HTTP auth token); the tools' HF tokens are
            always redacted.

    The caller owns the tools' client and closes it after serving.
    """
    if max_inline_bytes < 0:
        raise ValueError("max_inline_bytes must be 0 or more.")
    bridge = _Bridge(
        tools, max_inline_bytes, outputs or OutputStore(), tuple(s for s in secrets if s)
    )

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=bridge.listing)

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        # A no-op unless the client asked for progress (a progressToken, or its modern twin).
        return await bridge.call(
            params.name, params.arguments, progress=ctx.session.report_progress
        )

    async def list_resources(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=bridge.outputs.resources())

    async def read_resource(
        ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        data, mime_type = await bridge.outputs.read(params.uri)
        blob = base64.b64encode(data).decode("ascii")
        contents = types.BlobResourceContents(uri=params.uri, mime_type=mime_type, blob=blob)
        return types.ReadResourceResult(contents=[contents])

    return Server(
        "hf-inference-tools",
        version=__version__,
        title="Hugging Face inference tools",
        instructions=(
            "Hugging Face inference tasks as tools. Media arguments (`data`) take a path inside "
            "the server's media folder, an https URL or a data: URI. Large generated media come "
            "as resource links: read them with resources/read."
        ),
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_read_resource=read_resource,
    )


class _Bridge:
    """The state behind the handlers: the tools by name, their listing, the kept outputs."""

    def __init__(
        self,
        tools: Sequence[BaseTool],
        max_inline_bytes: int,
        outputs: OutputStore,
        secrets: tuple[str, ...],
    ) -> None:
        self.tools = {tool.name: tool for tool in tools}
        if len(self.tools) != len(tools):
            raise ValueError("Tool names must be unique to be served over MCP.")
        # Built once: the schemas do not change while serving, and clients list often.
        self.listing = [_describe(tool) for tool in tools]
        self.max_inline_bytes = max_inline_bytes
        self.outputs = outputs
        redactors: list[Callable[[str], str]] = [
            tool.client.transport.redact for tool in tools if isinstance(tool, HfInferenceTool)
        ]
        redactors.extend(_replacer(secret) for secret in secrets)
        self._redactors = redactors

    def redact(self, text: str) -> str:
        for redact in self._redactors:
            text = redact(text)
        return text

    async def call(
        self, name: str, arguments: dict[str, Any] | None, *, progress: _Progress | None = None
    ) -> types.CallToolResult:
        tool = self.tools.get(name)
        if tool is None:
            # The spec's choice: an unknown tool is a protocol error, not a tool result.
            raise MCPError(
                types.INVALID_PARAMS,
                f"Unknown tool: {name!r}. This server's tools: {', '.join(self.tools)}.",
            )
        call = {"type": "tool_call", "id": f"mcp-{uuid.uuid4().hex}", "name": name}
        try:
            config: RunnableConfig = {"callbacks": [_ProgressEvents(progress)]} if progress else {}
            message = await tool.ainvoke({**call, "args": arguments or {}}, config)
        except ValidationError as exc:  # a tool that leaves validation errors to its caller
            return self._error(f"The arguments were not valid: {_problems(exc)}.")
        except ToolException as exc:
            return self._error(str(exc))
        except Exception as exc:
            # Exceptions escaping the low-level server reach legacy clients as their text, with
            # no cleaning: the log keeps the detail, the client reads what kind of failure it was.
            logger.warning("%s failed: %s", name, self.redact(f"{type(exc).__name__}: {exc}"))
            return self._error(
                f"{name} failed unexpectedly ({type(exc).__name__}); the server's log has more."
            )
        if not isinstance(message, ToolMessage):  # a tool answering with a bare value
            return types.CallToolResult(content=[self._text(message)])
        if message.status == "error":
            return self._error(_text_of(message.content))
        return self._result(name, message)

    def _result(self, name: str, message: ToolMessage) -> types.CallToolResult:
        content: list[types.ContentBlock] = [self._text(_text_of(message.content))]
        artifact = message.artifact
        if not isinstance(artifact, dict):
            return types.CallToolResult(content=content)
        data, mime_type = artifact.get("data"), artifact.get("mime_type")
        if isinstance(data, bytes) and isinstance(mime_type, str):
            path = artifact.get("path")
            content.append(self._media(data, mime_type, name, Path(path) if path else None))
        links: list[types.ContentBlock] = []
        # A tool of your own may keep any object in its artifact: it goes as its type's name.
        plain = to_jsonable_python(
            {key: value for key, value in artifact.items() if key != "data"},
            fallback=lambda value: f"<{type(value).__name__}>",
            bytes_mode="base64",
        )
        structured = self._lift_media(plain, name, links)
        return types.CallToolResult(content=content + links, structured_content=structured)

    def _media(
        self, data: bytes, mime_type: str, stem: str, path: Path | None
    ) -> types.ContentBlock:
        if len(data) <= self.max_inline_bytes:
            encoded = base64.b64encode(data).decode("ascii")
            if mime_type.startswith("image/"):
                return types.ImageContent(data=encoded, mime_type=mime_type)
            if mime_type.startswith("audio/"):
                return types.AudioContent(data=encoded, mime_type=mime_type)
        # Video, other types, and anything too large to inline: a link the client can read.
        return self.outputs.add(data, mime_type, stem=stem, path=path)

    def _lift_media(self, value: Any, stem: str, links: list[types.ContentBlock]) -> Any:
        """`value` with base64 media strings moved to outputs, replaced by their URIs."""
        if isinstance(value, dict):
            return {k: self._lift_media(v, stem, links) for k, v in value.items()}
        if isinstance(value, list):
            return [self._lift_media(v, stem, links) for v in value]
        if not isinstance(value, str):
            return value
        if len(value) < _BASE64_MIN_CHARS or not _BASE64.fullmatch(value):
            return self.redact(value)
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return self.redact(value)
        mime_type = sniff_mime(data)
        if mime_type is None or mime_type.split("/")[0] not in ("image", "audio", "video"):
            return self.redact(value)
        link = self.outputs.add(data, mime_type, stem=stem)
        links.append(link)
        return link.uri

    def _text(self, value: Any) -> types.TextContent:
        return types.TextContent(text=self.redact(_text_of(value)))

    def _error(self, message: str) -> types.CallToolResult:
        return types.CallToolResult(content=[self._text(message)], is_error=True)


_Progress = Callable[[float, float | None, str | None], Awaitable[None]]


class _ProgressEvents(AsyncCallbackHandler):
    """Turns a tool's progress events into MCP `notifications/progress` for its call."""

    def __init__(self, report: _Progress) -> None:
        self._report = report
        self._count = 0

    async def on_custom_event(
        self,
        name: str,
        data: Any,
        *,
        run_id: UUID,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if name != PROGRESS_EVENT or not isinstance(data, dict):
            return
        self._count += 1  # progress must grow with each notification; no total is known
        await self._report(float(self._count), None, describe_progress(data))


def _describe(tool: BaseTool) -> types.Tool:
    schema = _without_defaults(convert_to_openai_tool(tool, strict=True)["function"]["parameters"])
    spec = getattr(tool, "spec", None)
    output_dir = getattr(tool, "output_dir", None)
    # Without an output folder nothing is saved; with one, only tasks that save media write.
    writes = output_dir is not None and (spec is None or spec.writes_files)
    return types.Tool(
        name=tool.name,
        description=tool.description,
        input_schema=schema,
        annotations=types.ToolAnnotations(
            read_only_hint=not writes,
            # What they write is always a new file: nothing is overwritten or deleted.
            destructive_hint=False if writes else None,
            open_world_hint=True,
        ),
    )


def _without_defaults(schema: Any) -> Any:
    """The schema minus `default` keys, which strict tool-calling APIs refuse (SPEC section 3)."""
    if isinstance(schema, list):
        return [_without_defaults(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        key: (
            {name: _without_defaults(sub) for name, sub in value.items()}
            if key == "properties"  # its keys are field names: a field may be called `default`
            else _without_defaults(value)
        )
        for key, value in schema.items()
        if key != "default"
    }


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # LangChain content blocks: keep the text ones
        return "\n".join(
            block if isinstance(block, str) else str(block.get("text", ""))
            for block in content
            if isinstance(block, str) or (isinstance(block, dict) and "text" in block)
        )
    return str(content)


def _problems(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}" for e in error.errors()
    )


def _replacer(secret: str) -> Callable[[str], str]:
    return lambda text: text.replace(secret, "***")
