"""Client methods of the image tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import BinaryInput, ClientCore

if TYPE_CHECKING:
    from ..tasks import (
        ImageClassificationParameters,
        ImageClassificationReturnValue,
        ImageSegmentationParameters,
        ImageSegmentationReturnValue,
        ObjectDetectionParameters,
        ObjectDetectionReturnValue,
        TextToImageParameters,
    )


class VisionTasks(ClientCore):
    def image_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ImageClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ImageClassificationReturnValue]:
        """Labels with scores for an image (bytes, a path or a binary file object)."""
        args, media = self.prepare(_tasks.IMAGE_CLASSIFICATION, {"parameters": parameters}, data)
        return self.call(
            _tasks.IMAGE_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aimage_classification(
        self,
        *,
        data: BinaryInput,
        parameters: ImageClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ImageClassificationReturnValue]:
        """Async twin of `image_classification`."""
        args, media = self.prepare(_tasks.IMAGE_CLASSIFICATION, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.IMAGE_CLASSIFICATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def text_to_image(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """An image generated from the prompt `inputs`, as encoded bytes (PNG or JPEG)."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(_tasks.TEXT_TO_IMAGE, fields)
        return self.call(
            _tasks.TEXT_TO_IMAGE, args, model=model, options=options, provider=provider
        )

    async def atext_to_image(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToImageParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """Async twin of `text_to_image`."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(_tasks.TEXT_TO_IMAGE, fields)
        return await self.acall(
            _tasks.TEXT_TO_IMAGE, args, model=model, options=options, provider=provider
        )

    def image_segmentation(
        self,
        *,
        data: BinaryInput,
        parameters: ImageSegmentationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ImageSegmentationReturnValue]:
        """Labelled segments of an image, each with its mask as a base64 PNG."""
        args, media = self.prepare(_tasks.IMAGE_SEGMENTATION, {"parameters": parameters}, data)
        return self.call(
            _tasks.IMAGE_SEGMENTATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aimage_segmentation(
        self,
        *,
        data: BinaryInput,
        parameters: ImageSegmentationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ImageSegmentationReturnValue]:
        """Async twin of `image_segmentation`."""
        args, media = self.prepare(_tasks.IMAGE_SEGMENTATION, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.IMAGE_SEGMENTATION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    def object_detection(
        self,
        *,
        data: BinaryInput,
        parameters: ObjectDetectionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ObjectDetectionReturnValue]:
        """Objects found in an image, each with a label, a score and a pixel box."""
        args, media = self.prepare(_tasks.OBJECT_DETECTION, {"parameters": parameters}, data)
        return self.call(
            _tasks.OBJECT_DETECTION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )

    async def aobject_detection(
        self,
        *,
        data: BinaryInput,
        parameters: ObjectDetectionParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[ObjectDetectionReturnValue]:
        """Async twin of `object_detection`."""
        args, media = self.prepare(_tasks.OBJECT_DETECTION, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.OBJECT_DETECTION,
            args,
            model=model,
            options=options,
            provider=provider,
            media=media,
        )
