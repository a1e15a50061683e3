"""`hf-inference-tools mcp`: the toolkit's tools as seen by the official `mcp` client.

In-process (both protocol eras: `auto` speaks 2026-07-28, `legacy` the 2025-11-25 handshake),
then over a real stdio subprocess and over HTTP on loopback. The API is the testing kit's
stand-in, in this process or, for subprocesses, through `--offline`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Literal

import httpx2
import mcp.types as types
import pytest
import uvicorn
from langchain_core.callbacks import adispatch_custom_event
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.server import Server
from mcp.shared.exceptions import MCPError

from hf_inference_tools import DEFAULT_MODELS, HfInference, HfInferenceToolkit
from hf_inference_tools._config import OFFLINE_TOKEN
from hf_inference_tools._media import sniff_mime
from hf_inference_tools.cli import _build_parser, main
from hf_inference_tools.mcp import (
    OUTPUT_URI_PREFIX,
    PROGRESS_EVENT,
    OutputStore,
    build_server,
    http_app,
)
from hf_inference_tools.mcp.command import McpCommand
from hf_inference_tools.testing import SAMPLES, HfInferenceMock, png_bytes
from hf_inference_tools.tools import TOOL_CLASSES
from tests.conftest import TOKEN

MODES = ["auto", "legacy"]
AUTH_TOKEN = "mcp-auth-secret-5f1e2d"
TASKS = [
    "text_classification",
    "text_to_image",
    "text_to_speech",
    "image_classification",
    "image_segmentation",
]
WAIT = 120.0  # seconds a subprocess may take to start or stop on a loaded machine


def _toolkit(tmp_path: Path, **kwargs: Any) -> HfInferenceToolkit:
    media = tmp_path / "media"
    media.mkdir(exist_ok=True)
    return HfInferenceToolkit(tasks=TASKS, token=TOKEN, media_root=media, **kwargs)


@pytest.fixture
async def toolkit(
    hf_inference_mock: HfInferenceMock, tmp_path: Path
) -> AsyncIterator[HfInferenceToolkit]:
    kit = _toolkit(tmp_path)
    yield kit
    await kit.aclose()


def _text(result: types.CallToolResult) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, types.TextContent))


def _blocks(result: types.CallToolResult, kind: type[Any]) -> list[Any]:
    return [b for b in result.content if isinstance(b, kind)]


# -- tools/list ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_list__the_toolkit_s_tools_in_order_with_strict_schemas(
    toolkit: HfInferenceToolkit, mode: str
) -> None:
    tools = toolkit.get_tools()
    async with Client(build_server(tools), mode=mode) as client:
        listed = (await client.list_tools()).tools
        again = (await client.list_tools()).tools
    assert [t.name for t in listed] == TASKS == [t.name for t in again]
    for tool, entry in zip(tools, listed, strict=True):
        assert entry.description == tool.description
        expected = convert_to_openai_tool(tool, strict=True)["function"]["parameters"]
        assert entry.input_schema["properties"].keys() == expected["properties"].keys()
        assert entry.input_schema["required"] == expected["required"]
        assert entry.input_schema["type"] == "object"
        text = json.dumps(entry.input_schema)
        assert '"default"' not in text and "$ref" not in text and "$defs" not in text
        assert entry.annotations is not None and entry.annotations.open_world_hint is True


async def test_list__only_tools_that_save_into_output_dir_are_not_read_only(
    hf_inference_mock: HfInferenceMock, tmp_path: Path
) -> None:
    saving = _toolkit(tmp_path, output_dir=tmp_path / "out")
    plain = _toolkit(tmp_path)
    async with Client(build_server(saving.get_tools())) as client:
        with_dir = {t.name: t.annotations for t in (await client.list_tools()).tools}
    async with Client(build_server(plain.get_tools())) as client:
        without = {t.name: t.annotations for t in (await client.list_tools()).tools}
    writers = {n for n, a in with_dir.items() if a is not None and a.read_only_hint is False}
    assert writers == {"text_to_image", "text_to_speech", "image_segmentation"}
    assert all(with_dir[n].destructive_hint is False for n in writers)  # type: ignore[union-attr]
    assert all(a is not None and a.read_only_hint is True for a in without.values())


@pytest.mark.parametrize("name", sorted(TOOL_CLASSES))
def test_writes_files__is_what_each_tool_really_saves(name: str, tmp_path: Path) -> None:
    # The readOnlyHint rests on TaskSpec.writes_files: a task that starts saving must say so.
    out = tmp_path / "out"
    # A token: the video tools' default models are served by a provider (fal-ai), not free.
    with HfInferenceMock(), HfInference(token=TOKEN) as client:
        tool = TOOL_CLASSES[name](client=client, output_dir=out)
        call = {"type": "tool_call", "id": "1", "name": name, "args": SAMPLES[name].args()}
        message = tool.invoke(call)
    assert message.status == "success", message.content
    assert (out.exists() and any(out.iterdir())) == tool.spec.writes_files


# -- tools/call ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_call__text_task_gives_the_tool_s_content_and_the_artifact(
    toolkit: HfInferenceToolkit, hf_inference_mock: HfInferenceMock, mode: str
) -> None:
    hf_inference_mock.respond("text_classification", json=[[{"label": "NEGATIVE", "score": 0.9}]])
    async with Client(build_server(toolkit.get_tools()), mode=mode) as client:
        result = await client.call_tool("text_classification", {"inputs": "I hate waiting"})
    assert not result.is_error
    assert json.loads(_text(result)) == [{"label": "NEGATIVE", "score": 0.9}]
    assert result.structured_content == {
        "task": "textClassification",
        "model": "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        "provider": "hf-inference",
        "result": [{"label": "NEGATIVE", "score": 0.9}],
    }
    (call,) = hf_inference_mock.calls_for("text_classification")
    assert call.json() == {"inputs": "I hate waiting"}
    assert call.request.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("mode", MODES)
async def test_call__generated_image_comes_inline_as_an_image_block(
    toolkit: HfInferenceToolkit, hf_inference_mock: HfInferenceMock, mode: str
) -> None:
    image = png_bytes(64, 48)
    hf_inference_mock.respond("text_to_image", content=image, content_type="image/png")
    async with Client(build_server(toolkit.get_tools()), mode=mode) as client:
        result = await client.call_tool("text_to_image", {"inputs": "a watercolour fox"})
        resources = (await client.list_resources()).resources
    (block,) = _blocks(result, types.ImageContent)
    decoded = base64.b64decode(block.data)
    assert block.mime_type == "image/png" == sniff_mime(decoded)
    assert decoded == image
    assert json.loads(_text(result))["width"] == 64
    assert result.structured_content is not None
    assert "data" not in result.structured_content
    assert result.structured_content["mime_type"] == "image/png"
    assert resources == []  # inline media are not kept


async def test_call__generated_audio_comes_inline_as_an_audio_block(
    toolkit: HfInferenceToolkit,
) -> None:
    async with Client(build_server(toolkit.get_tools())) as client:
        result = await client.call_tool("text_to_speech", {"inputs": "Your order has shipped."})
    (block,) = _blocks(result, types.AudioContent)
    assert block.mime_type == "audio/wav"
    assert base64.b64decode(block.data).startswith(b"RIFF")


@pytest.mark.parametrize("mode", MODES)
async def test_call__media_over_the_inline_bound_is_a_resource_link_read_through_resources(
    hf_inference_mock: HfInferenceMock, tmp_path: Path, mode: str
) -> None:
    image = png_bytes(300, 200)
    hf_inference_mock.respond("text_to_image", content=image, content_type="image/png")
    kit = _toolkit(tmp_path)
    server = build_server(kit.get_tools(), max_inline_bytes=len(image) - 1)
    async with Client(server, mode=mode) as client:
        result = await client.call_tool("text_to_image", {"inputs": "a fox"})
        (link,) = _blocks(result, types.ResourceLink)
        listed = (await client.list_resources()).resources
        read = await client.read_resource(link.uri)
    assert _blocks(result, types.ImageContent) == []
    assert link.uri.startswith(OUTPUT_URI_PREFIX) and link.mime_type == "image/png"
    assert link.size == len(image)
    assert [r.uri for r in listed] == [link.uri]
    (contents,) = read.contents
    assert isinstance(contents, types.BlobResourceContents)
    assert base64.b64decode(contents.blob) == image
    await kit.aclose()


async def test_call__a_saved_output_is_read_back_from_its_file(
    hf_inference_mock: HfInferenceMock, tmp_path: Path
) -> None:
    image = png_bytes(120, 90)
    hf_inference_mock.respond("text_to_image", content=image, content_type="image/png")
    kit = _toolkit(tmp_path, output_dir=tmp_path / "media" / "out")
    async with Client(build_server(kit.get_tools(), max_inline_bytes=0)) as client:
        result = await client.call_tool("text_to_image", {"inputs": "a fox"})
        (link,) = _blocks(result, types.ResourceLink)
        (saved,) = (tmp_path / "media" / "out").glob("text_to_image-*.png")
        assert link.name == saved.name and str(saved) in (link.description or "")
        read = await client.read_resource(link.uri)
        saved.unlink()
        with pytest.raises(MCPError, match="can no longer be read"):
            await client.read_resource(link.uri)
    (contents,) = read.contents
    assert isinstance(contents, types.BlobResourceContents)
    assert base64.b64decode(contents.blob) == image
    await kit.aclose()


async def test_call__base64_masks_in_the_result_become_links_not_structured_text(
    toolkit: HfInferenceToolkit, hf_inference_mock: HfInferenceMock
) -> None:
    mask = png_bytes(400, 300, (255, 255, 255))
    encoded = base64.b64encode(mask).decode()
    assert len(encoded) > 256  # long enough to be lifted out of structuredContent
    answer = [{"score": 0.98, "label": "cat", "mask": encoded}]
    hf_inference_mock.respond("image_segmentation", json=answer)
    async with Client(build_server(toolkit.get_tools())) as client:
        result = await client.call_tool(
            "image_segmentation",
            {"data": "data:image/png;base64," + base64.b64encode(png_bytes()).decode()},
        )
        (link,) = _blocks(result, types.ResourceLink)
        read = await client.read_resource(link.uri)
    assert result.structured_content is not None
    assert result.structured_content["result"][0]["mask"] == link.uri
    assert encoded not in json.dumps(result.structured_content)
    (contents,) = read.contents
    assert isinstance(contents, types.BlobResourceContents)
    assert base64.b64decode(contents.blob) == mask


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("/etc/passwd", "media_root"),
        ("../outside.png", "outside"),
        ("http://127.0.0.1:9/cat.png", "private"),
        ("file:///etc/passwd", "file"),
    ],
)
async def test_call__media_refusals_are_error_results_with_the_policy_s_message(
    toolkit: HfInferenceToolkit, hf_inference_mock: HfInferenceMock, data: str, expected: str
) -> None:
    async with Client(build_server(toolkit.get_tools())) as client:
        result = await client.call_tool("image_classification", {"data": data})
    assert result.is_error
    assert expected in _text(result)
    assert "Traceback" not in _text(result)
    assert hf_inference_mock.calls_for("image_classification") == []


async def test_call__urls_are_refused_when_turned_off(
    hf_inference_mock: HfInferenceMock, tmp_path: Path
) -> None:
    kit = _toolkit(tmp_path, allow_urls=False)
    async with Client(build_server(kit.get_tools())) as client:
        result = await client.call_tool(
            "image_classification", {"data": "https://example.com/cat.png"}
        )
    assert result.is_error and "allow_urls" in _text(result)
    await kit.aclose()


@pytest.mark.parametrize("mode", MODES)
async def test_call__invalid_arguments_are_an_error_result_naming_the_field(
    toolkit: HfInferenceToolkit, mode: str
) -> None:
    async with Client(build_server(toolkit.get_tools()), mode=mode) as client:
        missing = await client.call_tool("text_classification", {"text": "hello"})
        wrong = await client.call_tool(
            "text_classification", {"inputs": "hi", "parameters": {"top_k": "many"}}
        )
    assert missing.is_error and "inputs: Field required" in _text(missing)
    assert wrong.is_error and "parameters.top_k" in _text(wrong)


@pytest.mark.parametrize("mode", MODES)
async def test_call__api_errors_are_error_results_without_the_token(
    toolkit: HfInferenceToolkit, hf_inference_mock: HfInferenceMock, mode: str
) -> None:
    # A server that echoes the credentials it was sent must not get them to the client.
    hf_inference_mock.fail("text_classification", 401, f"Invalid token {TOKEN}")
    async with Client(build_server(toolkit.get_tools()), mode=mode) as client:
        result = await client.call_tool("text_classification", {"inputs": "hi"})
        listed = await client.list_tools()
    assert result.is_error
    assert "401" in _text(result) or "token" in _text(result).lower()
    assert TOKEN not in result.model_dump_json() and TOKEN not in listed.model_dump_json()


@pytest.mark.parametrize("mode", MODES)
async def test_call__unknown_tool_is_a_protocol_error_and_the_server_goes_on(
    toolkit: HfInferenceToolkit, mode: str
) -> None:
    async with Client(build_server(toolkit.get_tools()), mode=mode) as client:
        with pytest.raises(MCPError) as raised:
            await client.call_tool("delete_everything", {})
        after = await client.call_tool("text_classification", {"inputs": "still there?"})
    assert raised.value.code == types.INVALID_PARAMS
    assert (
        "delete_everything" in raised.value.message
        and "text_classification" in raised.value.message
    )
    assert not after.is_error


class _Exploding(BaseTool):
    name: str = "exploding"
    description: str = "Fails the way a bug would."

    def _run(self, **kwargs: Any) -> str:
        raise RuntimeError(f"internal detail {AUTH_TOKEN}")


@pytest.mark.parametrize("mode", MODES)
async def test_call__an_unexpected_exception_is_an_error_result_without_detail(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    server = build_server([_Exploding()], secrets=[AUTH_TOKEN])
    async with Client(server, mode=mode) as client:
        result = await client.call_tool("exploding", {})
    assert result.is_error
    assert (
        _text(result) == "exploding failed unexpectedly (RuntimeError); the server's log has more."
    )
    assert "internal detail ***" in caplog.text and AUTH_TOKEN not in caplog.text


class _Polling(BaseTool):
    name: str = "polling"
    description: str = "Waits for a provider job, as provider-backed tools do."

    def _run(self, **kwargs: Any) -> str:
        raise NotImplementedError("async only")

    async def _arun(self, **kwargs: Any) -> str:
        for status, position in (("queued", 3), ("running", None), ("done", None)):
            event = {"provider": "fal-ai", "job_id": "j-1", "status": status}
            await adispatch_custom_event(
                PROGRESS_EVENT, {**event, "queue_position": position, "elapsed_s": 1.0}
            )
        return "painted"


@pytest.mark.parametrize("mode", MODES)
async def test_call__progress_events_become_progress_notifications_when_asked_for(
    mode: str,
) -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with Client(build_server([_Polling()]), mode=mode) as client:
        result = await client.call_tool("polling", {}, progress_callback=on_progress)
        quiet = await client.call_tool("polling", {})  # no token asked: none sent
    assert _text(result) == "painted" == _text(quiet)
    assert seen == [
        (1.0, None, "fal-ai j-1: queued, queue position 3, 1 s"),
        (2.0, None, "fal-ai j-1: running, 1 s"),
        (3.0, None, "fal-ai j-1: done, 1 s"),
    ]


async def test_read__an_unknown_resource_is_a_protocol_error(
    toolkit: HfInferenceToolkit,
) -> None:
    async with Client(build_server(toolkit.get_tools())) as client:
        with pytest.raises(MCPError, match="Resource not found"):
            await client.read_resource(OUTPUT_URI_PREFIX + "0" * 32 + ".png")


async def test_output_store__forgets_the_oldest_beyond_its_bounds() -> None:
    store = OutputStore(max_entries=2, max_memory_bytes=10)
    first = store.add(b"12345", "image/png", stem="a")
    second = store.add(b"67890", "image/png", stem="b")
    third = store.add(b"abc", "image/png", stem="c")  # 13 bytes held: over 10, `a` goes
    assert [r.uri for r in store.resources()] == [second.uri, third.uri]
    with pytest.raises(MCPError):
        await store.read(first.uri)
    assert await store.read(third.uri) == (b"abc", "image/png")
    fourth = store.add(b"x", "audio/wav", stem="d")  # a third entry: over 2, `b` goes
    assert [r.uri for r in store.resources()] == [third.uri, fourth.uri]


def test_build_server__refuses_duplicate_names_and_a_negative_bound() -> None:
    client = HfInference()
    tools = HfInferenceToolkit(client=client, tasks=["translation"]).get_tools()
    with pytest.raises(ValueError, match="unique"):
        build_server([*tools, *tools])
    with pytest.raises(ValueError, match="0 or more"):
        build_server(tools, max_inline_bytes=-1)
    assert isinstance(build_server(tools), Server)


# -- the command line -----------------------------------------------------------------------------


async def test_command__provider_options_reach_each_call(
    hf_inference_mock: HfInferenceMock,
) -> None:
    command = McpCommand(tasks=("text_to_image",), provider="fal-ai", bill_to="acme-org")
    model = DEFAULT_MODELS["text_to_image"]
    hf_inference_mock.add_model(model, "text_to_image", {"fal-ai": "fal-ai/flux/dev"})
    keywords = command.client_keywords()
    with HfInferenceToolkit(tasks=["text_to_image"], token=TOKEN, **keywords) as toolkit:
        async with Client(build_server(toolkit.get_tools()), mode="auto") as client:
            result = await client.call_tool("text_to_image", {"inputs": "a fox"})
    assert not result.is_error, _text(result)
    assert result.structured_content is not None
    assert result.structured_content["provider"] == "fal-ai"
    submitted = hf_inference_mock.calls_for("text_to_image")[0].request
    assert submitted.url.path == "/fal-ai/fal-ai/flux/dev"
    assert submitted.headers["x-hf-bill-to"] == "acme-org"


async def test_command__offline_needs_no_token_and_uses_none_of_the_users(
    hf_inference_mock: HfInferenceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_TOKEN", raising=False)
    command = McpCommand(tasks=("text_to_image",), provider="fal-ai", offline=True)
    model = DEFAULT_MODELS["text_to_image"]
    hf_inference_mock.add_model(model, "text_to_image", {"fal-ai": "fal-ai/flux/dev"})
    with HfInferenceToolkit(tasks=["text_to_image"], **command.client_keywords()) as toolkit:
        async with Client(build_server(toolkit.get_tools()), mode="auto") as client:
            result = await client.call_tool("text_to_image", {"inputs": "a fox"})
    assert not result.is_error, _text(result)
    submitted = hf_inference_mock.calls_for("text_to_image")[0].request
    assert submitted.headers["authorization"] == f"Bearer {OFFLINE_TOKEN}"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--transport", "http", "--host", "0.0.0.0"], "HF_INFERENCE_TOOLS_MCP_TOKEN"),  # noqa: S104
        (["--tasks", "text_classification,no_such_task"], "no_such_task"),
        (["--model", "translation"], "TOOL=MODEL"),
        (["--max-inline-bytes", "-1"], "0 or more"),
        (["--provider", "nebius"], "'nebius' is not supported"),
    ],
)
def test_cli__options_that_cannot_work_are_usage_errors_before_serving(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status = main(["mcp", *argv])
    out, err = capsys.readouterr()
    assert status == 2
    assert message in err and out == ""


def test_readme__the_client_config_is_json_and_its_arguments_parse(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```json\n")[1:]]
    (config,) = [json.loads(b) for b in blocks if '"mcpServers"' in b]
    (entry,) = config["mcpServers"].values()
    assert set(entry) == {"command", "args", "env"} and set(entry["env"]) == {"HF_TOKEN"}
    argv = entry["args"][entry["args"].index("hf-inference-tools") + 1 :]
    args = _build_parser().parse_args(argv)
    assert args.command == "mcp"
    HfInferenceToolkit(client=HfInference(), tasks=args.tasks[0].split(","))  # known names


# -- over a real stdio subprocess ---------------------------------------------------------------


def _command(*options: str) -> list[str]:
    return ["-m", "hf_inference_tools", "mcp", "--offline", "--tasks", ",".join(TASKS), *options]


def _env(**extra: str) -> dict[str, str]:
    keep = ("PATH", "HOME", "SYSTEMROOT", "HF_HOME")
    return {**{k: os.environ[k] for k in keep if k in os.environ}, "HF_TOKEN": TOKEN, **extra}


async def test_stdio__a_subprocess_serves_the_official_client(tmp_path: Path) -> None:
    params = StdioServerParameters(
        command=sys.executable, args=_command(), env=_env(), cwd=tmp_path
    )
    answers: list[str] = []
    with (tmp_path / "stderr.txt").open("w") as errlog:
        async with Client(stdio_client(params, errlog=errlog), mode="legacy") as client:
            listed = await client.list_tools()
            text = await client.call_tool("text_classification", {"inputs": "I love it"})
            image = await client.call_tool("text_to_image", {"inputs": "a fox"})
            refused = await client.call_tool("image_classification", {"data": "/etc/passwd"})
            invalid = await client.call_tool("text_classification", {})
            with pytest.raises(MCPError, match="Unknown tool"):
                await client.call_tool("no_such_tool", {})
            answers = [r.model_dump_json() for r in (listed, text, image, refused, invalid)]
    assert [t.name for t in listed.tools] == TASKS
    assert json.loads(_text(text))[0]["label"] == "POSITIVE"
    (block,) = _blocks(image, types.ImageContent)
    assert sniff_mime(base64.b64decode(block.data)) == "image/png"
    assert refused.is_error and "media_root" in _text(refused)
    assert invalid.is_error and "inputs" in _text(invalid)
    stderr = (tmp_path / "stderr.txt").read_text()
    assert all(TOKEN not in answer for answer in answers)
    assert TOKEN not in stderr


def _rpc(id_: int | None, method: str, params: dict[str, Any]) -> bytes:
    message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
    if id_ is not None:
        message["id"] = id_
    return (json.dumps(message) + "\n").encode()


INITIALIZE = _rpc(
    1,
    "initialize",
    {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "raw-test", "version": "0"},
    },
)


def _spawn(tmp_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, *_command()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_env(),
        cwd=tmp_path,
    )


@contextlib.contextmanager
def _killed_after(process: subprocess.Popen[bytes], seconds: float) -> Iterator[None]:
    """Bound the blocking reads below: a server that hangs is killed, failing the test."""
    timer = threading.Timer(seconds, process.kill)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def test_stdio__stdout_carries_only_protocol_and_eof_ends_the_server(tmp_path: Path) -> None:
    calls = [
        INITIALIZE,
        _rpc(None, "notifications/initialized", {}),
        b"this is not JSON-RPC\n",  # a broken client line: the server carries on
        _rpc(2, "tools/list", {}),
        _rpc(3, "tools/call", {"name": "text_classification", "arguments": {"inputs": "hi"}}),
        _rpc(4, "tools/call", {"name": "image_classification", "arguments": {"data": "x.png"}}),
    ]
    with _spawn(tmp_path) as server, _killed_after(server, WAIT):
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(b"".join(calls))
        server.stdin.flush()
        lines: list[bytes] = []
        while len([line for line in lines if b'"id"' in line]) < 4 and (
            line := server.stdout.readline()
        ):
            lines.append(line)
        server.stdin.close()  # EOF: the server must end by itself, adding nothing to stdout
        lines += server.stdout.read().splitlines()
        server.wait(timeout=WAIT)
    messages = [json.loads(line) for line in lines if line.strip()]  # JSON-RPC, nothing else
    assert len(messages) == len([line for line in lines if line.strip()])
    assert all(m["jsonrpc"] == "2.0" for m in messages)
    by_id = {m["id"]: m for m in messages if "id" in m}
    assert set(by_id) == {1, 2, 3, 4}
    assert len(by_id[2]["result"]["tools"]) == len(TASKS)
    assert by_id[3]["result"]["isError"] is False
    assert by_id[4]["result"]["isError"] is True
    assert server.returncode == 0


CHATTY_SERVER = """
import anyio
from langchain_core.tools import tool
from hf_inference_tools.mcp import build_server, serve_stdio

@tool
def chatty(text: str) -> str:
    \"\"\"Echoes the text, printing on the way as careless code does.\"\"\"
    print("stray output from a tool")
    return text

anyio.run(serve_stdio, build_server([chatty]))
"""


def test_stdio__a_tool_s_print_goes_to_stderr_not_the_wire(tmp_path: Path) -> None:
    calls = [
        INITIALIZE,
        _rpc(None, "notifications/initialized", {}),
        _rpc(2, "tools/call", {"name": "chatty", "arguments": {"text": "hello"}}),
    ]
    with (
        subprocess.Popen(
            [sys.executable, "-c", CHATTY_SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
            cwd=tmp_path,
        ) as server,
        _killed_after(server, WAIT),
    ):
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(b"".join(calls))
        server.stdin.flush()
        lines = [server.stdout.readline(), server.stdout.readline()]  # the two answers
        out, err = server.communicate(timeout=WAIT)  # closes stdin: the server ends
    messages = [json.loads(line) for line in [*lines, *out.splitlines()] if line.strip()]
    assert [m["id"] for m in messages] == [1, 2]
    assert messages[1]["result"]["content"][0]["text"] == "hello"
    assert b"stray output from a tool" in err
    assert server.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_stdio__sigterm_ends_the_server_cleanly(tmp_path: Path) -> None:
    with _spawn(tmp_path) as server:
        assert server.stdin is not None and server.stdout is not None
        with _killed_after(server, WAIT):
            server.stdin.write(INITIALIZE)
            server.stdin.flush()
            assert json.loads(server.stdout.readline())["id"] == 1  # serving
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=WAIT) == 0
        server.stdin.close()


# -- over HTTP on loopback ---------------------------------------------------------------------


class _HttpServer:
    def __init__(self, process: subprocess.Popen[bytes], url: str, stderr: Path) -> None:
        self.process, self.url, self.stderr = process, url, stderr


@pytest.fixture(scope="module")
def http_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_HttpServer]:
    folder = tmp_path_factory.mktemp("mcp_http")
    stderr = folder / "stderr.txt"
    with stderr.open("wb") as errlog:
        process = subprocess.Popen(
            [
                sys.executable,
                *_command("--transport", "http", "--port", "0"),
                "--allowed-host",
                "tools.example.com",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errlog,
            env=_env(HF_INFERENCE_TOOLS_MCP_TOKEN=AUTH_TOKEN),
            cwd=folder,
        )
    try:
        url = _announced_url(process, stderr)
        yield _HttpServer(process, url, stderr)
    finally:
        process.terminate()
        status = process.wait(timeout=WAIT)
    log = stderr.read_text()
    assert status == 0, log  # SIGTERM is a graceful stop
    assert AUTH_TOKEN not in log and TOKEN not in log


def _announced_url(process: subprocess.Popen[bytes], stderr: Path) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and process.poll() is None:
        for line in stderr.read_text().splitlines():
            if line.startswith("serving MCP on "):
                return line.removeprefix("serving MCP on ")
        time.sleep(0.1)
    raise AssertionError(f"the server did not start: {stderr.read_text()}")


def _http_client(**headers: str) -> httpx2.AsyncClient:
    return httpx2.AsyncClient(headers=headers, timeout=WAIT)


@pytest.mark.parametrize("mode", MODES)
async def test_http__a_client_with_the_token_lists_and_calls(
    http_server: _HttpServer, mode: str
) -> None:
    async with (
        _http_client(Authorization=f"Bearer {AUTH_TOKEN}") as http,
        Client(streamable_http_client(http_server.url, http_client=http), mode=mode) as client,
    ):
        listed = await client.list_tools()
        image = await client.call_tool("text_to_image", {"inputs": "a fox"})
        refused = await client.call_tool("image_classification", {"data": "/etc/passwd"})
    assert [t.name for t in listed.tools] == TASKS
    (block,) = _blocks(image, types.ImageContent)
    assert sniff_mime(base64.b64decode(block.data)) == "image/png"
    assert refused.is_error and "media_root" in _text(refused)
    for answer in (listed, image, refused):
        assert AUTH_TOKEN not in answer.model_dump_json() and TOKEN not in answer.model_dump_json()


INIT_BODY = json.loads(INITIALIZE)
JSON_HEADERS = {"Accept": "application/json, text/event-stream"}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong-token"}, 401),
        ({"Authorization": AUTH_TOKEN}, 401),  # not as a bearer token
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Host": "evil.example"}, 421),
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Origin": "http://evil.example"}, 403),
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Origin": "http://localhost:3000"}, 200),
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Host": "tools.example.com"}, 200),
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Host": "localhost:8123"}, 200),
        ({"Authorization": f"Bearer {AUTH_TOKEN}", "Host": "tools.example.com.evil"}, 421),
    ],
)
async def test_http__requests_without_the_token_or_from_another_host_are_refused(
    http_server: _HttpServer, headers: dict[str, str], status: int
) -> None:
    async with _http_client(**JSON_HEADERS, **headers) as http:
        response = await http.post(http_server.url, json=INIT_BODY)
    assert response.status_code == status, response.text
    assert AUTH_TOKEN not in response.text
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")


class _Painter(BaseTool):
    """Returns a large generated image, as text_to_image does (content and artifact)."""

    name: str = "painter"
    description: str = "Paints a large picture."
    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"
    image: bytes = b""

    def _run(self, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        artifact = {"task": "textToImage", "mime_type": "image/png", "data": self.image}
        return '{"mime_type":"image/png"}', artifact


class _Echoing(BaseTool):
    name: str = "echoing"
    description: str = "Keeps odd things in its artifact."
    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"

    def _run(self, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        return f"said {AUTH_TOKEN}", {"note": f"heard {AUTH_TOKEN}", "when": object(), "n": 1}


async def test_call__structured_content_is_plain_json_and_redacted() -> None:
    async with Client(build_server([_Echoing()], secrets=[AUTH_TOKEN])) as client:
        result = await client.call_tool("echoing", {})
    assert not result.is_error
    assert _text(result) == "said ***"
    assert result.structured_content == {"note": "heard ***", "when": "<object>", "n": 1}


@contextlib.contextmanager
def _serving_in_a_thread(app: Any) -> Iterator[str]:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_config=None, lifespan="on", ws="none"
    )
    web = uvicorn.Server(config)
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not web.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        assert web.started, "the server did not start"
        yield f"http://127.0.0.1:{web.servers[0].sockets[0].getsockname()[1]}/mcp"
    finally:
        web.should_exit = True
        thread.join(timeout=WAIT)
        assert not thread.is_alive()


@pytest.mark.parametrize("mode", MODES)
async def test_http__an_output_over_1_mib_is_read_through_resources(mode: str) -> None:
    # The Python client caps one SSE event at 1 MiB: the server answers in plain JSON instead.
    image = b"\x89PNG\r\n\x1a\n" + os.urandom(3 * 2**20 // 2)
    server = build_server([_Painter(image=image)], secrets=[AUTH_TOKEN])
    app = http_app(server, host="127.0.0.1", auth_token=AUTH_TOKEN)
    with _serving_in_a_thread(app) as url:
        async with (
            _http_client(Authorization=f"Bearer {AUTH_TOKEN}") as http,
            Client(streamable_http_client(url, http_client=http), mode=mode) as client,
        ):
            result = await client.call_tool("painter", {})
            (link,) = _blocks(result, types.ResourceLink)
            read = await client.read_resource(link.uri)
    assert link.size == len(image)
    (contents,) = read.contents
    assert isinstance(contents, types.BlobResourceContents)
    assert base64.b64decode(contents.blob) == image
