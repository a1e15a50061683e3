"""The schema an LLM reads for a tool: compact, strict-portable, and true to the tool's settings.

It is sent on every turn of every agent, so it carries only what the LLM needs to call well:
what to pass, an example, what comes back. Built from the tool's Args model, then:

- no `title`s and no `default`s (OpenAI strict mode and Azure refuse `default`; a null default
  says nothing an optional type does not), no numeric or length bounds (the Args model still
  checks them, and its error goes back to the LLM);
- `X | None` of a plain type written `{"type": ["x", "null"]}` rather than an `anyOf`;
- only the `parameters` fields the LLM chooses per call (the rest are the developer's, set once
  through the tool's `parameters`);
- the `data` field described as what this tool's media policy accepts.

The tool's own `args_schema` keeps the whole Args model, for validation and for developers.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

__all__ = ["data_description", "llm_schema"]

_DROPPED = frozenset(
    {
        "title",
        "default",
        "examples",
        "additionalProperties",  # strict conversion sets it; other providers do not need it
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
        "minLength",
        "maxLength",
    }
)
_PLAIN_TYPES = frozenset({"string", "integer", "number", "boolean"})
_NULL = {"type": "null"}


def llm_schema(
    model: type[BaseModel], *, parameters: tuple[str, ...] | None, data: str | None
) -> dict[str, Any]:
    """The LLM's schema of `model`, keeping only the named `parameters` fields (None: all) and
    describing `data` as given (None: as the model does). A fresh copy: callers may change it."""
    return copy.deepcopy(_built(model, parameters, data))


@functools.lru_cache(maxsize=256)  # keyed by class and settings: a few per tool class
def _built(
    model: type[BaseModel], parameters: tuple[str, ...] | None, data: str | None
) -> dict[str, Any]:
    raw = model.model_json_schema()
    schema: dict[str, Any] = _compact(raw, raw.get("$defs", {}))
    properties: dict[str, Any] = schema.get("properties", {})
    if parameters is not None and "parameters" in properties:
        _keep_parameters(schema, set(parameters))
    if data is not None and "data" in properties:
        properties["data"]["description"] = data
    return schema


def _compact(node: Any, defs: Mapping[str, Any]) -> Any:
    if isinstance(node, list):
        return [_compact(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = defs[node["$ref"].rpartition("/")[2]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED or key == "$defs":
            continue
        if key == "properties":  # field names, not keywords: a field may be called "title"
            out[key] = {name: _compact(field, defs) for name, field in value.items()}
        else:
            out[key] = _compact(value, defs)
    options = out.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and _NULL in options:
        other = options[1 - options.index(_NULL)]
        if other.get("type") in _PLAIN_TYPES and not {"enum", "const"} & set(other):
            del out["anyOf"]
            out = {**other, **out, "type": [other["type"], "null"]}
    return out


def _keep_parameters(schema: dict[str, Any], kept: set[str]) -> None:
    properties = schema["properties"]
    field = properties["parameters"]
    shapes = [field, *field.get("anyOf", [])]
    shape = next((s for s in shapes if "properties" in s), None)
    if shape is None:
        return
    shape["properties"] = {k: v for k, v in shape["properties"].items() if k in kept}
    if "required" in shape:
        shape["required"] = [k for k in shape["required"] if k in kept]
        if not shape["required"]:
            del shape["required"]
    if not shape["properties"]:
        del properties["parameters"]
        if "parameters" in schema.get("required", ()):
            schema["required"] = [k for k in schema["required"] if k != "parameters"]


_MEDIA_EXAMPLES = {
    "image": ("The image", "photos/cat.png", "https://example.com/cat.jpg", "image/png"),
    "audio": (
        "The audio (WAV, FLAC, MP3, OGG, ...)",
        "recordings/a.wav",
        "https://example.com/speech.flac",
        "audio/wav",
    ),
}


def data_description(kind: str, *, what: str | None, local_files: bool, urls: bool) -> str:
    """What the `data` field takes, given the media policy: only the forms it will accept.

    `what` names the input ("The document as an image (a scan or screenshot)"); None: the kind's
    plain name.
    """
    noun, path, url, mime = _MEDIA_EXAMPLES[kind]
    forms = []
    if local_files:
        forms.append(f"a media-folder path, e.g. '{path}'")
    if urls:  # one example is enough: the path's when there is one
        forms.append("an https URL" if local_files else f"an https URL, e.g. '{url}'")
    forms.append(
        f"a base64 data: URI ('data:{mime};base64,...')" if len(forms) == 0 else "a data: URI"
    )
    listed = forms[0] if len(forms) == 1 else ", ".join(forms[:-1]) + " or " + forms[-1]
    return f"{what or noun}: {listed}."
