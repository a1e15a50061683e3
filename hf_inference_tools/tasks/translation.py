"""translation: a text in another language.

Most translation models translate one fixed pair (the default, t5-small, English to German);
multilingual ones (mBART-50, NLLB, M2M100) need both `src_lang` and `tgt_lang`.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from .._http.transport import ApiResponse
from ._spec import Input, Parameters, ReturnValue, TaskSpec, json_request, parse_as, single


class TranslationParameters(Parameters):
    src_lang: str | None = Field(
        default=None,
        description="The language of the text, in the model's own codes, e.g. 'en_XX' for "
        "mBART-50 or 'eng_Latn' for NLLB. Set it with tgt_lang, or leave both null for a model "
        "that translates one fixed pair.",
    )
    tgt_lang: str | None = Field(
        default=None,
        description="The language to translate into, in the model's own codes, e.g. 'fr_XX' for "
        "mBART-50 or 'fra_Latn' for NLLB. Set it with src_lang, or leave both null.",
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


TRANSLATION = TaskSpec(
    name="translation",
    hf_task="translation",
    seed_name="translation",
    input_model=TranslationArgs,
    description=(
        "Translate a text with a Hugging Face translation model (the developer picked the model "
        "and so the languages; multilingual models take src_lang and tgt_lang). Returns JSON "
        "{translation_text}."
    ),
    build=lambda args, ctx: json_request(args.inputs, args.parameters),
    parse=_parse,
)
