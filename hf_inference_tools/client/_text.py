"""Client methods of the text tasks: one sync/async pair per task, each a thin declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._config import Options
from ..tasks import TEXT_CLASSIFICATION, TextClassificationParameters, TextClassificationReturnValue
from ._core import ClientCore


class TextTasks(ClientCore):
    def text_classification(
        self,
        *,
        inputs: str,
        parameters: TextClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> list[TextClassificationReturnValue]:
        """Labels with scores for `inputs`, best first (e.g. sentiment)."""
        args, _ = self.prepare(TEXT_CLASSIFICATION, {"inputs": inputs, "parameters": parameters})
        return self.call(TEXT_CLASSIFICATION, args, model=model, options=options)

    async def atext_classification(
        self,
        *,
        inputs: str,
        parameters: TextClassificationParameters | Mapping[str, Any] | None = None,
        model: str | None = None,
        options: Options | None = None,
    ) -> list[TextClassificationReturnValue]:
        """Async twin of `text_classification`."""
        args, _ = self.prepare(TEXT_CLASSIFICATION, {"inputs": inputs, "parameters": parameters})
        return await self.acall(TEXT_CLASSIFICATION, args, model=model, options=options)
