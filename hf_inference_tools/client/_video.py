"""Client methods of the video tasks (served by Inference Providers): one sync/async pair each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import BinaryInput, ClientCore

if TYPE_CHECKING:
    from ..tasks import ImageToVideoParameters, TextToVideoParameters


class VideoTasks(ClientCore):
    def text_to_video(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToVideoParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """A short video generated from the prompt `inputs`, as MP4 bytes (polled as a job,
        within `job_timeout`)."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(_tasks.TEXT_TO_VIDEO, fields)
        return self.call(
            _tasks.TEXT_TO_VIDEO, args, model=model, options=options, provider=provider
        )

    async def atext_to_video(
        self,
        *,
        inputs: str,
        negative_prompt: str | None = None,
        parameters: TextToVideoParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """Async twin of `text_to_video`."""
        fields = {"inputs": inputs, "negative_prompt": negative_prompt, "parameters": parameters}
        args, _ = self.prepare(_tasks.TEXT_TO_VIDEO, fields)
        return await self.acall(
            _tasks.TEXT_TO_VIDEO, args, model=model, options=options, provider=provider
        )

    def image_to_video(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToVideoParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """A short video animated from an image (bytes, a path or a binary file object)."""
        args, media = self.prepare(_tasks.IMAGE_TO_VIDEO, {"parameters": parameters}, data)
        return self.call(
            _tasks.IMAGE_TO_VIDEO,
            args,
            model=model,
            options=options,
            media=media,
            provider=provider,
        )

    async def aimage_to_video(
        self,
        *,
        data: BinaryInput,
        parameters: ImageToVideoParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> bytes:
        """Async twin of `image_to_video`."""
        args, media = self.prepare(_tasks.IMAGE_TO_VIDEO, {"parameters": parameters}, data)
        return await self.acall(
            _tasks.IMAGE_TO_VIDEO,
            args,
            model=model,
            options=options,
            media=media,
            provider=provider,
        )
