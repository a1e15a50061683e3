"""Client methods of the image tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._config import Options
from ..tasks import (
    IMAGE_CLASSIFICATION,
    TEXT_TO_IMAGE,
    ImageClassificationParameters,
    ImageClassificationReturnValue,
    TextToImageParameters,
)
from ._core import BinaryInput, ClientCore


class VisionTasks(ClientCore):
    def image_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ImageClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> list[ImageClassificationReturnValue]:
        """Labels with scores for an image (bytes, a path or a binary file object)."""
        args, media = self.prepare(IMAGE_CLASSIFICATION, {"parameters": parameters}, data)
        return self.call(IMAGE_CLASSIFICATION, args, model=model, options=options, media=media)

    async def aimage_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ImageClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> list[ImageClassificationReturnValue]:
        """Async twin of `image_classification`."""
        args, media = self.prepare(IMAGE_CLASSIFICATION, {"parameters": parameters}, data)
        return await self.acall(
            IMAGE_CLASSIFICATION, args, model=model, options=options, media=media
        )

    def text_to_image(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> bytes:
        """An image generated from the prompt `inputs`, as encoded bytes (PNG or JPEG)."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(TEXT_TO_IMAGE, fields)
        return self.call(TEXT_TO_IMAGE, args, model=model, options=options)

    async def atext_to_image(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> bytes:
        """Async twin of `text_to_image`."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(TEXT_TO_IMAGE, fields)
        return await self.acall(TEXT_TO_IMAGE, args, model=model, options=options)
