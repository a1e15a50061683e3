"""translation: a text in another language.

Most translation models translate one fixed pair (the default, t5-small, English to German);
multilingual ones (mBART-50, NLLB, M2M100) need both `src_lang` and `tgt_lang`.
"""

from typing import Any, ClassVar, Self

from langchain_core.tools import ArgsSchema
from pydantic import Field, model_validator

from .._http.transport import ApiResponse
from ..tools._base import HfInferenceTool
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as, single


class TranslationParameters(Parameters):
    src_lang: str | None = Field(
        default=None,
        description="Multilingual models only: the source language code, e.g. 'eng_Latn'. "
        "Null otherwise.",
    )
    tgt_lang: str | None = Field(
        default=None,
        description="Multilingual models only: the target language, e.g. 'fra_Latn'. Null "
        "otherwise.",
    )

    @model_validator(mode="after")
    def _both_or_neither(self) -> Self:
        if (self.src_lang is None) != (self.tgt_lang is None):
            raise ValueError("set both src_lang and tgt_lang, or neither")
        return self


class TranslationArgs(Input):
    inputs: str = Field(description="The text to translate, e.g. 'Hello world'.")
    parameters: TranslationParameters | None = Field(
        default=None, description="Optional settings; null for the model's fixed language pair."
    )


class TranslationReturnValue(ReturnValue):
    translation_text: str = Field(description="The translated text.")


def _parse(response: ApiResponse) -> TranslationReturnValue:
    # The pipeline answers [{"translation_text": ...}]; an endpoint may send the object bare.
    return parse_as(TranslationReturnValue, single(response.json()))


_MULTILINGUAL = "multilingual"

_TRANSLATION_PAIRS: dict[str, tuple[str, str] | str] = {
    "google-t5/t5-small": ("English", "German"),
    "t5-small": ("English", "German"),
    "facebook/mbart-large-50-many-to-many-mmt": _MULTILINGUAL,
    "facebook/mbart-large-50-one-to-many-mmt": _MULTILINGUAL,
    "facebook/nllb-200-distilled-600M": _MULTILINGUAL,
    "facebook/nllb-200-distilled-1.3B": _MULTILINGUAL,
    "facebook/nllb-200-1.3B": _MULTILINGUAL,
    "facebook/nllb-200-3.3B": _MULTILINGUAL,
    "facebook/m2m100_418M": _MULTILINGUAL,
    "facebook/m2m100_1.2B": _MULTILINGUAL,
}
"""Translation models whose languages are known: (from, to) for a model that translates one
pair, `_MULTILINGUAL` for one that takes `src_lang` and `tgt_lang`. Helsinki-NLP's
`opus-mt-<from>-<to>` models are read from their names (see `_translation_pair`)."""

_LANGUAGES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hi": "Hindi",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


def _translation_pair(model: str) -> tuple[str, str] | str | None:
    """What is known of a translation model's languages: (from, to) for one pair,
    `_MULTILINGUAL`, or None when nothing is known."""
    if model in _TRANSLATION_PAIRS:
        return _TRANSLATION_PAIRS[model]
    owner, _, name = model.partition("/")
    if owner == "Helsinki-NLP" and name.startswith("opus-mt-"):
        codes = name.removeprefix("opus-mt-").split("-")
        if len(codes) == 2 and all(codes):
            source, target = (_LANGUAGES.get(code, f"'{code}'") for code in codes)
            return source, target
    return None


TRANSLATION = TaskSpec(
    name="translation",
    hf_task="translation",
    default_model="google-t5/t5-small",
    seed_name="translation",
    input_model=TranslationArgs,
    description=(
        "Translate a text with the translation model the developer picked. Returns JSON "
        "{translation_text}."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)


class TranslationTool(HfInferenceTool):
    """Translate a text. The model sets the languages; pick it with `model=`.

    Instantiate:
        ```python
        from hf_inference_tools import TranslationTool

        tool = TranslationTool(model="Helsinki-NLP/opus-mt-en-fr")
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": "Hello world"})
        # '{"translation_text":"Bonjour le monde"}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TRANSLATION
    name: str = TRANSLATION.name
    description: str = TRANSLATION.description
    args_schema: ArgsSchema | None = TranslationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("src_lang", "tgt_lang")

    def _describe_model(self) -> str | None:
        pair = _translation_pair(self.model)
        returns = "Returns JSON {translation_text}."
        if pair is None:
            return (
                "Translate a text with the translation model the developer picked; it fixes the "
                "languages, unless it is multilingual (then set src_lang and tgt_lang). " + returns
            )
        if isinstance(pair, str):  # multilingual
            return (
                "Translate a text between the many languages of a multilingual model: set "
                "src_lang and tgt_lang in the model's language codes. " + returns
            )
        source, target = pair
        return (
            f"Translate a text from {source} to {target}, the only pair this model handles "
            "(leave src_lang and tgt_lang null). " + returns
        )
