"""Client methods of the text tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import tasks as _tasks
from .._config import Options
from ._core import ClientCore

if TYPE_CHECKING:
    from ..tasks import TextClassificationParameters, TextClassificationReturnValue


class TextTasks(ClientCore):
    def text_classification(
        self,
        *,
        inputs: str,
        parameters: TextClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[TextClassificationReturnValue]:
        """Labels with scores for `inputs`, best first (e.g. sentiment)."""
        args, _ = self.prepare(
            _tasks.TEXT_CLASSIFICATION, {"inputs": inputs, "parameters": parameters}
        )
        return self.call(
            _tasks.TEXT_CLASSIFICATION, args, model=model, options=options, provider=provider
        )

    async def atext_classification(
        self,
        *,
        inputs: str,
        parameters: TextClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
        provider: str | None = None,
    ) -> list[TextClassificationReturnValue]:
        """Async twin of `text_classification`."""
        args, _ = self.prepare(
            _tasks.TEXT_CLASSIFICATION, {"inputs": inputs, "parameters": parameters}
        )
        return await self.acall(
            _tasks.TEXT_CLASSIFICATION, args, model=model, options=options, provider=provider
        )
