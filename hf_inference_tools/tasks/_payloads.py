"""Media inside JSON bodies and media as answers, for the tasks that do not fit `binary_request`."""

import base64
from typing import Any

from pydantic import BaseModel

from .._http.transport import ApiRequest, ApiResponse
from .._media import Media, MediaKind
from ._spec import is_json, json_request

__all__ = ["as_list", "image_question_request", "media_answer", "media_base64"]


def media_base64(media: Media | None) -> str:
    """The media's bytes as base64 text, for tasks whose JSON body embeds the image."""
    if media is None:
        raise ValueError("This task needs media `data`.")
    return base64.b64encode(media.data).decode("ascii")


def image_question_request(
    media: Media | None, question: str, parameters: BaseModel | None
) -> ApiRequest:
    """`{"inputs": {"image": <base64>, "question": ...}}`: JSON even without parameters."""
    return json_request({"image": media_base64(media), "question": question}, parameters)


def media_answer(response: ApiResponse, kind: MediaKind) -> bytes:
    """The raw bytes of an image or audio answer; ValueError for JSON or an empty body."""
    if is_json(response):
        raise ValueError(f"expected {kind} bytes, got JSON")
    if not response.content:
        raise ValueError(f"expected {kind} bytes, got an empty body")
    return response.content


def as_list(value: Any) -> Any:
    """A lone answer object as a one-element list (pipelines drop the list for a single answer)."""
    return [value] if isinstance(value, dict) else value
