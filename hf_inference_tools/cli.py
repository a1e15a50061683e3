"""`hf-inference-tools`: list the tasks, run one of them, or watch the demo agent.

```
hf-inference-tools tasks [TASK]
hf-inference-tools run TASK [--inputs TEXT | stdin] [--data PATH_OR_URL] [--param KEY=VALUE ...]
hf-inference-tools demo [--live] [--llm PROVIDER:MODEL] [--output-dir DIR]
hf-inference-tools mcp [--transport stdio|http] [--tasks NAMES] [--media-root DIR] [...]
hf-inference-tools models TASK [--provider P] [--limit N] [--json] | --check-defaults
```

Exit status: 0 on success, 1 when the API or the media policy refuses a call, 2 for a usage error.
Every error is one line on stderr (`error: ...`); retries and waits for a loading model are
reported on stderr as they happen.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import difflib
import json
import logging
import os
import sys
import textwrap
import types
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ._config import OFFLINE_TOKEN, resolve_token
from ._progress import Sink, describe_progress, watching
from ._version import __version__
from .client import HfInference
from .errors import (
    AuthenticationError,
    HfInferenceError,
    InferenceTimeoutError,
    MediaError,
    PaymentRequiredError,
    RateLimitError,
    ServerError,
)
from .tools import TOOL_CLASSES, HfInferenceTool

__all__ = ["main"]

PROG = "hf-inference-tools"


class UsageError(Exception):
    """A mistake in the command line: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        with _progress_on_stderr():
            status: int = args.handler(args)
            sys.stdout.flush()  # a closed pipe shows here, inside the handling below
            return status
    except BrokenPipeError:
        # The reader went away (`tasks | head`): what it wanted was printed. Point stdout at
        # devnull so the interpreter's own flush at exit does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as exc:
        return _fail(str(exc), 2)
    except (HfInferenceError, OSError) as exc:
        return _fail(str(exc), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _fail(message: str, status: int) -> int:
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return status


@contextlib.contextmanager
def _progress_on_stderr() -> Iterator[None]:
    # The transport logs each retry wait at INFO; the CLI is where someone watches them.
    logger = logging.getLogger("hf_inference_tools")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("wait: %(message)s"))
    handler.setLevel(logging.INFO)
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _build_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Hugging Face inference tasks as LangChain tools: try them from the shell.",
        epilog="The token comes from HF_TOKEN (or the huggingface-cli token file).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", required=True)

    tasks = commands.add_parser(
        "tasks", help="list the tools: HF task, default model, inputs", description=_doc(_tasks)
    )
    tasks.add_argument("task", nargs="?", help="show one task's arguments in full")
    tasks.set_defaults(handler=_tasks)

    run = commands.add_parser("run", help="call one task, through its tool", description=_doc(_run))
    run.add_argument("task", help="the tool name, e.g. text_classification (see `tasks`)")
    run.add_argument(
        "--inputs",
        help="the `inputs` argument (text; JSON for structured inputs); "
        "read from stdin when omitted and stdin is not a terminal, or when `-`",
    )
    run.add_argument(
        "--data",
        metavar="PATH_OR_URL",
        help="the media: a file under --media-root, an https URL or a data: URI",
    )
    run.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an argument under `parameters` (dotted keys nest, the value is JSON "
        "when it parses, e.g. top_k=3); top-level names such as negative_prompt "
        "set that argument; repeatable",
    )
    run.add_argument("--model", help="the model id (default: the task's default model)")
    run.add_argument(
        "--json",
        action="store_true",
        help="print {content, artifact} as JSON (the artifact without media bytes)",
    )
    run.add_argument(
        "--media-root",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the only folder --data paths may point into (default: the current one)",
    )
    run.add_argument(
        "--output-dir",
        type=Path,
        default=Path("hf-outputs"),
        metavar="DIR",
        help="where generated media are saved (default: ./hf-outputs)",
    )
    run.add_argument(
        "--max-media-bytes",
        type=int,
        metavar="N",
        help="the largest media input accepted, in bytes (default: 25 MiB)",
    )
    run.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let --data URLs reach loopback and private addresses (off by default)",
    )
    run.add_argument(
        "--offline",
        action="store_true",
        help="answer with the offline stand-in (HfInferenceMock): no token, no network",
    )
    run.add_argument(
        "--endpoint-url",
        metavar="URL",
        help="a dedicated Inference Endpoint or a local TGI/TEI, used as given",
    )
    run.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="seconds per HTTP attempt (default: 60)"
    )
    # Inference Providers (SPEC 7).
    run.add_argument(
        "--provider",
        metavar="NAME",
        help="'auto' (default), 'hf-inference', or a provider such as fal-ai, replicate, together",
    )
    run.add_argument(
        "--router-url", metavar="URL", help="the Inference Providers router (default: HF's)"
    )
    run.add_argument(
        "--hub-url",
        metavar="URL",
        help="where provider mappings are looked up (default: $HF_ENDPOINT, else huggingface.co)",
    )
    run.add_argument("--bill-to", metavar="ORG", help="bill the calls to this organisation")
    run.set_defaults(handler=_run)

    demo = commands.add_parser(
        "demo", help="a tool-calling agent over the toolkit, offline", description=_doc(_demo)
    )
    demo.add_argument(
        "--output-dir",
        type=Path,
        default=Path("demo-output"),
        metavar="DIR",
        help="the demo's media folder: its photo and generated files (default: ./demo-output)",
    )
    demo.add_argument(
        "--live", action="store_true", help="call the real Hugging Face API (needs HF_TOKEN)"
    )
    demo.add_argument(
        "--llm",
        metavar="PROVIDER:MODEL",
        help="with --live, a real chat model drives the agent instead of the script, "
        "e.g. openai:gpt-4.1-mini (needs langchain-openai and OPENAI_API_KEY), "
        "huggingface:Qwen/Qwen2.5-72B-Instruct (needs langchain-huggingface)",
    )
    demo.set_defaults(handler=_demo)
    _add_mcp_parser(commands)
    _add_models_parser(commands)
    return parser


def _doc(handler: Any) -> str:
    return textwrap.dedent(handler.__doc__ or "").strip()


# -- tasks -----------------------------------------------------------------------------------


def _tasks(args: argparse.Namespace) -> int:
    """List every tool with its Hugging Face task, default model and arguments.

    With a task name, show that task's description and each argument (dotted names are what
    `run --param` takes).
    """
    if args.task:
        _print_task(_tool_class(args.task))
        return 0
    rows = [("TOOL", "HF TASK", "DEFAULT MODEL", "ARGUMENTS")]
    for name, cls in sorted(TOOL_CLASSES.items()):
        spec = cls.spec
        arguments = ", ".join(
            f"{field}{'' if info.is_required() else '?'}"
            for field, info in spec.input_model.model_fields.items()
        )
        rows.append((name, spec.hf_task, spec.default_model, arguments))
    print(_table(rows))
    print(f"\n`{PROG} tasks TASK` shows one task's arguments; ? marks optional ones.")
    return 0


def _print_task(cls: type[HfInferenceTool]) -> None:
    spec = cls.spec
    print(f"{spec.name}  ({spec.hf_task}; default model {spec.default_model})")
    print(textwrap.fill(spec.description, 100, initial_indent="  ", subsequent_indent="  "))
    print("\narguments (`--inputs`, `--data`, else `--param NAME=VALUE`):")
    fields = list(_flatten(spec.input_model))
    width = max(len(name) for name, _ in fields)
    for name, info in fields:
        required = "" if info.is_required() else " (optional)"
        print(f"  {name:<{width}}  {info.description or ''}{required}")


def _flatten(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is None:
            yield prefix + name, info
        else:
            yield from _flatten(nested, f"{prefix}{name}.")


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    candidates = [annotation]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        candidates = [a for a in typing.get_args(annotation) if a is not type(None)]
    (only, *others) = candidates
    if not others and isinstance(only, type) and issubclass(only, BaseModel):
        return only
    return None


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _tool_class(name: str) -> type[HfInferenceTool]:
    if name in TOOL_CLASSES:
        return TOOL_CLASSES[name]
    close = difflib.get_close_matches(name, TOOL_CLASSES, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise UsageError(f"unknown task {name!r}; {hint}`{PROG} tasks` lists them")


# -- run -------------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    """Call one task through its tool, as an agent would.

    The arguments are the tool's (see `hf-inference-tools tasks TASK`), and the media policy
    applies: --data paths must lie under --media-root (the current folder unless given), URLs
    must be public. Generated media are saved under --output-dir and their path is printed.
    With --offline, the package's stand-in answers (no token, no network).
    """
    cls = _tool_class(args.task)
    call_args = _call_args(cls, args)
    client_kwargs: dict[str, Any] = {"endpoint_url": args.endpoint_url}
    if args.timeout is not None:
        client_kwargs["timeout"] = args.timeout
    for option in ("provider", "router_url", "hub_url", "bill_to"):
        if getattr(args, option, None):
            client_kwargs[option] = getattr(args, option)
    with contextlib.ExitStack() as stack:
        if args.offline:
            stack.enter_context(_offline_api(args))
            # The stand-in takes any HF-shaped token (providers need one): the user's real
            # token is neither needed nor sent anywhere offline.
            client_kwargs["token"] = OFFLINE_TOKEN
        try:
            client = stack.enter_context(HfInference(**client_kwargs))
        except ValueError as exc:  # an unknown provider, a bad setting: the user's to fix
            raise UsageError(str(exc)) from exc
        policy: dict[str, Any] = {"allow_private_urls": args.allow_private_urls}
        if args.max_media_bytes is not None:
            policy["max_media_bytes"] = args.max_media_bytes
        tool = cls(
            client=client,
            model=args.model or "",
            media_root=args.media_root,
            output_dir=args.output_dir,
            **policy,
            # Errors are the CLI's to report (one line, an exit status), not the LLM's to read.
            handle_tool_error=False,
            handle_validation_error=False,
        )
        call = {"type": "tool_call", "id": "cli", "name": tool.name, "args": call_args}
        status = _StatusLine(sys.stderr)
        try:
            with watching(status.sink):
                message = tool.invoke(call)
        except KeyboardInterrupt:
            status.close()
            return _interrupted(status)
        except ValidationError as exc:
            raise UsageError(f"invalid arguments for {tool.name}: {_problems(exc)}") from exc
        except MediaError as exc:
            raise MediaError(_in_cli_terms(str(exc), args)) from exc
        except _TOKEN_MATTERS as exc:
            if args.offline or args.endpoint_url or client.has_token:
                raise
            raise _with_hint(
                exc,
                "No token is set: export HF_TOKEN=hf_... (create one at "
                "https://huggingface.co/settings/tokens), or add --offline to try the offline "
                "stand-in.",
            ) from exc
        finally:
            status.close()
    if args.offline:
        print(
            "offline: answered by the package's stand-in (HfInferenceMock), not by a model; "
            "drop --offline and set HF_TOKEN for real answers",
            file=sys.stderr,
        )
    content = _maybe_json(str(message.content))
    artifact = {k: v for k, v in message.artifact.items() if k != "data"}
    if args.json:
        print(json.dumps({"content": content, "artifact": artifact}, indent=2, ensure_ascii=False))
    elif cls.spec.media_output is not None:
        details = ", ".join(f"{k}: {v}" for k, v in content.items() if k != "path")
        print(f"saved {content['path']}  ({details})")
    else:
        print(_readable(content))
    return 0


class _StatusLine:
    """A provider job's progress on stderr: one line rewritten in place on a terminal, a plain
    line per change of status or queue position otherwise (stdout keeps the result only)."""

    def __init__(self, stream: typing.TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.width = 0
        self.last: dict[str, Any] | None = None

    def sink(self) -> Sink:
        return Sink(self.show)

    def show(self, event: dict[str, Any]) -> None:
        changed = self.last is None or (event["status"], event["queue_position"]) != (
            self.last["status"],
            self.last["queue_position"],
        )
        self.last = event
        text = f"job {describe_progress(event)}"
        if self.tty:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
            if event["status"] in ("done", "failed", "cancelled"):
                self.close()
        elif changed:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End a line left open on the terminal."""
        if self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0


def _interrupted(status: _StatusLine) -> int:
    job = status.last
    if job is None:
        raise KeyboardInterrupt
    where = f"job {job['job_id']} on {job['provider']}"
    if job["status"] == "cancelled":  # the provider took the request; not waiting for it
        return _fail(f"interrupted: asked {job['provider']} to cancel job {job['job_id']}", 130)
    return _fail(f"interrupted: {where} could not be cancelled from here and may still run", 130)


def _offline_api(args: argparse.Namespace) -> contextlib.AbstractContextManager[Any]:
    try:
        from .testing import HfInferenceMock
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"--offline needs {exc.name}: pip install 'hf-inference-tools[testing]'"
        ) from exc
    routes: dict[str, Any] = {k: v for k in ("router_url", "hub_url") if (v := getattr(args, k))}
    return HfInferenceMock(
        models={args.model: args.task} if args.model else None,
        endpoints={args.endpoint_url: args.task} if args.endpoint_url else None,
        **routes,
    )


# Failures a missing token can explain (anonymous calls are refused or throttled, or the
# network is not there at all and the offline stand-in is what was wanted).
_TOKEN_MATTERS = (
    AuthenticationError,
    PaymentRequiredError,
    RateLimitError,
    ServerError,
    InferenceTimeoutError,
)


def _with_hint(error: HfInferenceError, hint: str) -> HfInferenceError:
    """`error`, same class and attributes, with `hint` added to its message."""
    hinted = copy.copy(error)
    hinted.message = f"{error.message} {hint}"
    hinted.args = (hinted.message,)
    return hinted


# The media policy's settings, as the CLI spells them.
_FLAGS = {
    "allow_private_urls=True": "--allow-private-urls",
    "max_media_bytes": "--max-media-bytes",
    "output_dir": "--output-dir",
}


def _in_cli_terms(message: str, args: argparse.Namespace) -> str:
    """A media refusal worded for the command line: flags, not keywords; the folder named only
    when the refusal is about it."""
    for keyword, flag in _FLAGS.items():
        message = message.replace(keyword, flag)
    if "media_root" in message:
        message = message.replace("media_root", "--media-root")
        message = f"{message.rstrip('.')} (here --media-root is {args.media_root.resolve()})."
    return message


def _call_args(cls: type[HfInferenceTool], args: argparse.Namespace) -> dict[str, Any]:
    fields = cls.spec.input_model.model_fields
    values: dict[str, Any] = {}
    if "inputs" in fields:
        text = args.inputs
        if text == "-" or (text is None and not sys.stdin.isatty()):
            text = sys.stdin.read().removesuffix("\n") or None
        if text is not None:
            values["inputs"] = _inputs_value(fields["inputs"], text)
    elif "messages" in fields and args.inputs is not None:
        values["messages"] = _messages_value(args.inputs)
    elif args.inputs is not None:
        where = (
            "its media go in --data" if "data" in fields else f"see `{PROG} tasks {cls.spec.name}`"
        )
        raise UsageError(f"{cls.spec.name} takes no --inputs ({where})")
    if "data" in fields:
        if args.data is not None:
            values["data"] = args.data
    elif args.data is not None:
        raise UsageError(f"{cls.spec.name} takes no --data")
    for param in args.param:
        _set_param(values, fields, param)
    return values


def _inputs_value(field: FieldInfo, text: str) -> Any:
    with contextlib.suppress(ValidationError):
        TypeAdapter(field.annotation or Any).validate_python(text)
        return text
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(
            f"--inputs is not valid JSON ({exc}); it must be JSON of this shape: "
            f"{_shape(field.annotation)}"
        ) from None


def _messages_value(text: str) -> Any:
    """`--inputs` for a chat tool: a JSON list of messages, or one user message as text."""
    if text.lstrip().startswith("["):
        try:
            return json.loads(text)
        except ValueError as exc:
            raise UsageError(
                f"--inputs is not valid JSON ({exc}); give the messages as "
                '[{"role": "user", "content": "..."}, ...], or plain text for one user message'
            ) from None
    return [{"role": "user", "content": text}]


_SCALAR_SHAPES = {str: "string", int: "integer", float: "number", bool: "true|false"}


def _shape(annotation: Any) -> str:
    """A JSON outline of an annotation: `{"question": string, "context": string}`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields.items()
        return "{" + ", ".join(f'"{name}": {_shape(f.annotation)}' for name, f in fields) + "}"
    if annotation in _SCALAR_SHAPES:
        return _SCALAR_SHAPES[annotation]
    origin, members = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and members:
        return f"[{_shape(members[0])}, ...]"
    if origin is dict:
        return "{...}"
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        return " | ".join(_shape(a) for a in members if a is not type(None))
    if origin is typing.Literal:
        return " | ".join(json.dumps(m) for m in members)
    return "a JSON value"


def _set_param(values: dict[str, Any], fields: dict[str, FieldInfo], param: str) -> None:
    key, sep, raw = param.partition("=")
    if not sep or not key:
        raise UsageError(f"--param takes KEY=VALUE, got {param!r}")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    path = key.split(".")
    top_level = path[0] in fields and path[0] != "parameters"
    if path[0] == "parameters":
        path = path[1:]
    if not all(path):
        raise UsageError(f"--param {key}: name a parameter, e.g. parameters.top_k=3")
    target = values if top_level else values.setdefault("parameters", {})
    for part in path[:-1]:
        target = target.setdefault(part, {})
        if not isinstance(target, dict):
            raise UsageError(f"--param {key}: {part} is already set to a value")
    target[path[-1]] = value


def _problems(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}" for e in error.errors()
    )


def _maybe_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text  # content cut to size, with a note


def _readable(value: Any) -> str:
    """A result as a person would like to read it: tables for lists of records."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        columns = list(dict.fromkeys(k for row in value for k in row))
        rows = [[_cell(row.get(c)) for c in columns] for row in value]
        return _table([columns, *rows])
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(_cell(v) for v in value)
    return _cell(value)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- demo ------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    """Watch a tool-calling agent (langchain's create_agent over HfInferenceToolkit) at work.

    Offline by default: a scripted chat model plays the LLM and the package's stand-in answers
    every API call, so no token and no network are needed. --live sends the same calls to the
    real API (HF_TOKEN); add --llm PROVIDER:MODEL to let a real chat model drive the agent
    (any `langchain.chat_models.init_chat_model` name, with its provider package installed).
    """
    if args.llm and not args.live:
        raise UsageError("--llm drives the agent against the real API: add --live")
    if args.live and resolve_token() is None:
        raise UsageError(
            "--live calls the real API and needs a token: set HF_TOKEN "
            "(create one at https://huggingface.co/settings/tokens)"
        )
    try:
        from .demo import run_demo
    except ModuleNotFoundError as exc:
        return _fail(
            f"the demo needs the {exc.name!r} package: pip install 'hf-inference-tools[demo]' "
            "(`make demo` installs it)",
            1,
        )
    try:
        run_demo(args.output_dir, live=args.live, llm=args.llm)
    except HfInferenceError:
        raise
    except Exception as exc:
        if not args.llm:
            raise
        # A chat model of the user's choosing: a missing package, key or quota ends up here.
        return _fail(f"the chat model {args.llm} failed: {type(exc).__name__}: {exc}", 1)
    return 0


# -- mcp -------------------------------------------------------------------------------------


def _add_mcp_parser(commands: Any) -> None:
    mcp = commands.add_parser(
        "mcp", help="serve the tools over MCP (Claude Desktop, Cursor, ...)", description=_doc(_mcp)
    )
    mcp.add_argument(
        "--transport",
        choices=["stdio", "http"],
        default="stdio",
        help="stdio (default): the client starts the server; http: streamable HTTP at /mcp",
    )
    mcp.add_argument("--host", default="127.0.0.1", help="HTTP: the address to bind")
    mcp.add_argument("--port", type=int, default=8000, help="HTTP: the port (0: any free one)")
    mcp.add_argument(
        "--auth-token",
        metavar="TOKEN",
        help="HTTP: the bearer token clients must send (default: $HF_INFERENCE_TOOLS_MCP_TOKEN; "
        "required off loopback). Prefer the variable: arguments show in process lists",
    )
    mcp.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="HTTP: a further Host/Origin name to accept (besides the bound host, localhost "
        "and 127.0.0.1); repeatable",
    )
    mcp.add_argument(
        "--tasks",
        action="append",
        metavar="NAMES",
        help="the tools to serve, comma-separated (default: all; see `tasks`); repeatable",
    )
    mcp.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="TOOL=MODEL",
        help="the model a tool uses, e.g. translation=Helsinki-NLP/opus-mt-en-fr; repeatable",
    )
    mcp.add_argument("--provider", help="the Inference Provider (auto, hf-inference, fal-ai, ...)")
    mcp.add_argument("--router-url", metavar="URL", help="the Inference Providers router")
    mcp.add_argument("--hub-url", metavar="URL", help="where provider mappings are looked up")
    mcp.add_argument("--bill-to", metavar="ORG", help="bill the calls to this organisation")
    mcp.add_argument(
        "--media-root",
        type=Path,
        metavar="DIR",
        help="the only folder `data` paths may point into (default: none, no local files)",
    )
    mcp.add_argument(
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="where generated media are saved (default: not saved; large ones are held in "
        "memory for resources/read)",
    )
    mcp.add_argument(
        "--allow-urls",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="whether tools may fetch public https media URLs (default: yes)",
    )
    mcp.add_argument(
        "--max-inline-bytes",
        type=int,
        default=512 * 2**10,
        metavar="N",
        help="generated media up to N bytes go inline in the result, larger ones as a "
        "resource link (default: 524288)",
    )
    mcp.add_argument(
        "--offline",
        action="store_true",
        help="answer with the offline stand-in (HfInferenceMock): for demos and client tests",
    )
    mcp.set_defaults(handler=_mcp)


def _mcp(args: argparse.Namespace) -> int:
    """Serve the toolkit's tools over the Model Context Protocol.

    stdio (the default) is for a desktop agent that starts the server itself; nothing but
    protocol is written to stdout. --transport http serves streamable HTTP at /mcp, on
    loopback unless --host says otherwise, which then needs an auth token.
    """
    try:
        from .mcp import TOKEN_VARIABLE, McpCommand, run_command
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"mcp needs the {exc.name!r} package: pip install 'hf-inference-tools[mcp]'"
        ) from exc
    models = {}
    for pair in args.model:
        tool, sep, model = pair.partition("=")
        if not sep or not tool or not model:
            raise UsageError(f"--model takes TOOL=MODEL, got {pair!r}")
        models[tool] = model
    tasks = (
        [name for value in args.tasks for name in value.split(",") if name] if args.tasks else None
    )
    command = McpCommand(
        transport=args.transport,
        host=args.host,
        port=args.port,
        auth_token=args.auth_token or os.environ.get(TOKEN_VARIABLE) or None,
        allowed_hosts=tuple(args.allowed_host),
        tasks=tuple(tasks) if tasks is not None else None,
        models=models,
        provider=args.provider,
        router_url=args.router_url,
        hub_url=args.hub_url,
        bill_to=args.bill_to,
        media_root=args.media_root,
        output_dir=args.output_dir,
        allow_urls=args.allow_urls,
        max_inline_bytes=args.max_inline_bytes,
        offline=args.offline,
    )

    def announce(url: str) -> None:
        print(f"serving MCP on {url}", file=sys.stderr, flush=True)

    try:
        run_command(command, announce=announce)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return 0


# -- models ----------------------------------------------------------------------------------


def _add_models_parser(commands: Any) -> None:
    models = commands.add_parser(
        "models",
        help="the models served today for a task, or --check-defaults",
        description=_doc(_models),
    )
    models.add_argument(
        "task", nargs="?", help="a tool name or a Hub task id (text_to_image or text-to-image)"
    )
    models.add_argument(
        "--check-defaults",
        action="store_true",
        help="for every task, whether its default model is served today (exit 1 if one is not)",
    )
    models.add_argument("--provider", metavar="NAME", help="only models this provider serves")
    models.add_argument(
        "--limit", type=int, default=20, metavar="N", help="how many models to ask for (default 20)"
    )
    models.add_argument(
        "--json", action="store_true", help='print [{"model", "providers"}, ...] as JSON'
    )
    models.add_argument(
        "--hub-url",
        metavar="URL",
        help="the Hub to ask (default: $HF_ENDPOINT, else huggingface.co)",
    )
    models.add_argument(
        "--offline",
        action="store_true",
        help="answer with the offline stand-in's catalogue (HfInferenceMock): no network",
    )
    models.set_defaults(handler=_models, model=None, endpoint_url=None, router_url=None)


def _models(args: argparse.Namespace) -> int:
    """The models served today, from the Hub's model search and provider mappings.

    With TASK (a tool name such as text_to_image, or a Hub task id such as text-to-image), the
    models the Hub lists for it, most downloaded first, each with the live providers this
    package supports. With --check-defaults, for every task, whether its default model has a
    live provider, and a served model to use instead when it has none (exit status 1 then).
    The token (HF_TOKEN) is sent to the Hub when it is an HF token.
    """
    if args.check_defaults == bool(args.task):
        raise UsageError("give a TASK or --check-defaults (one of them)")
    if not 1 <= args.limit <= 1000:
        raise UsageError("--limit takes a number from 1 to 1000")
    client_kwargs: dict[str, Any] = {"hub_url": args.hub_url} if args.hub_url else {}
    with contextlib.ExitStack() as stack:
        if args.offline:
            stack.enter_context(_offline_api(args))
        client = stack.enter_context(HfInference(**client_kwargs))
        if args.provider:
            from .providers import SUPPORTED
            from .providers._choose import check_provider_name

            try:
                check_provider_name(args.provider, SUPPORTED)
            except ValueError as exc:
                raise UsageError(str(exc)) from exc
        if args.check_defaults:
            return _check_defaults(client, args)
        return _list_models(client, _catalogue_tool(args.task), args)


def _catalogue_tool(task: str) -> str:
    """The tool of a TASK given as a tool name or a Hub task id."""
    from ._served import hub_tools

    if task in TOOL_CLASSES:
        return "chat_completion" if task == "conversational" else task
    if task in hub_tools():
        return hub_tools()[task]
    names = sorted({*TOOL_CLASSES, *hub_tools()})
    close = difflib.get_close_matches(task, names, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise UsageError(f"unknown task {task!r}; {hint}`{PROG} tasks` lists them")


def _list_models(client: HfInference, tool: str, args: argparse.Namespace) -> int:
    from ._served import hub_id, served_list

    found = client.providers.search(hub_id(tool), args.provider, args.limit)
    rows = served_list(found, tool)
    if args.json:
        listed = [{"model": model, "providers": providers} for model, providers in rows]
        print(json.dumps(listed, indent=2))
        return 0
    if not rows:
        who = f" by {args.provider}" if args.provider else ""
        print(f"no model is served live for {tool}{who} by a provider this package supports")
        return 0
    print(_table([("MODEL", "LIVE PROVIDERS"), *((m, ", ".join(p)) for m, p in rows)]))
    return 0


def _check_defaults(client: HfInference, args: argparse.Namespace) -> int:
    import asyncio

    from ._served import hub_id, live_providers, served_list
    from .errors import ModelNotFoundError

    tools = sorted(set(TOOL_CLASSES) - {"conversational"})
    router = client.providers
    gate = asyncio.Semaphore(8)

    async def check(tool: str) -> tuple[str, str, str]:
        model = TOOL_CLASSES[tool].spec.default_model
        async with gate:
            try:
                info = await router.amodel_info(model)
            except ModelNotFoundError as exc:
                served: list[str] = []
                why = f"not on the Hub ({exc.status})"
            else:
                served = live_providers(info, tool, args.provider)
                why = "no live provider"
            if served:
                return tool, model, ", ".join(served)
            found = await router.asearch(hub_id(tool), args.provider, args.limit)
        better = served_list(found, tool)
        instead = f"; try {better[0][0]} ({', '.join(better[0][1])})" if better else ""
        return tool, model, f"UNSERVED: {why}{instead}"

    async def check_all() -> list[tuple[str, str, str]]:
        try:
            return list(await asyncio.gather(*(check(tool) for tool in tools)))
        finally:
            await client.aclose()

    rows = asyncio.run(check_all())
    unserved = [row for row in rows if row[2].startswith("UNSERVED")]
    if args.json:
        listed = [
            {"task": t, "model": m, "served": not s.startswith("UNSERVED"), "status": s}
            for t, m, s in rows
        ]
        print(json.dumps(listed, indent=2))
    else:
        print(_table([("TASK", "DEFAULT MODEL", "LIVE PROVIDERS"), *rows]))
        if unserved:
            print(
                f"\n{len(unserved)} of {len(rows)} default model(s) unserved: pass another "
                f"model (`{PROG} models TASK` lists served ones)."
            )
    return 1 if unserved else 0
