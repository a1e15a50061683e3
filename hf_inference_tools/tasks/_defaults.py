"""The default model of every task: one table, shown in the README.

Each was served by the serverless HF Inference API when last known (huggingface_hub's recorded
test models of March 2025, and the hf-inference provider page's examples of July 2025). The
service's catalogue changes; a tool's `model=` or the toolkit's `models=` picks another.
"""

DEFAULT_MODELS: dict[str, str] = {
    "audio_classification": "alefiury/wav2vec2-large-xlsr-53-gender-recognition-librispeech",
    "audio_to_audio": "speechbrain/sepformer-wham",
    "automatic_speech_recognition": "openai/whisper-large-v3-turbo",
    "chat_completion": "meta-llama/Llama-3.1-8B-Instruct",
    "conversational": "meta-llama/Llama-3.1-8B-Instruct",
    "document_question_answering": "naver-clova-ix/donut-base-finetuned-docvqa",
    "feature_extraction": "sentence-transformers/all-MiniLM-L6-v2",
    "fill_mask": "google-bert/bert-base-uncased",
    "image_classification": "google/vit-base-patch16-224",
    "image_segmentation": "facebook/detr-resnet-50-panoptic",
    "image_to_image": "lllyasviel/sd-controlnet-canny",
    "image_to_text": "Salesforce/blip-image-captioning-base",
    "object_detection": "facebook/detr-resnet-50",
    "question_answer": "deepset/roberta-base-squad2",
    "sentence_similarity": "sentence-transformers/all-MiniLM-L6-v2",
    "summarization": "sshleifer/distilbart-cnn-12-6",
    "table_question_answer": "google/tapas-base-finetuned-wtq",
    "tabular_classification": "julien-c/wine-quality",
    "tabular_regression": "scikit-learn/Fish-Weight",
    "text_classification": "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    "text_generation": "openai-community/gpt2",
    "text_to_image": "CompVis/stable-diffusion-v1-4",
    "text_to_speech": "espnet/kan-bayashi_ljspeech_vits",
    "token_classification": "dbmdz/bert-large-cased-finetuned-conll03-english",
    "translation": "google-t5/t5-small",
    "visual_question_answering": "dandelin/vilt-b32-finetuned-vqa",
    "zero_shot_classification": "facebook/bart-large-mnli",
    "zero_shot_image_classification": "openai/clip-vit-base-patch32",
}

MULTILINGUAL = "multilingual"

TRANSLATION_PAIRS: dict[str, tuple[str, str] | str] = {
    "google-t5/t5-small": ("English", "German"),
    "t5-small": ("English", "German"),
    "facebook/mbart-large-50-many-to-many-mmt": MULTILINGUAL,
    "facebook/mbart-large-50-one-to-many-mmt": MULTILINGUAL,
    "facebook/nllb-200-distilled-600M": MULTILINGUAL,
    "facebook/nllb-200-distilled-1.3B": MULTILINGUAL,
    "facebook/nllb-200-1.3B": MULTILINGUAL,
    "facebook/nllb-200-3.3B": MULTILINGUAL,
    "facebook/m2m100_418M": MULTILINGUAL,
    "facebook/m2m100_1.2B": MULTILINGUAL,
}
"""Translation models whose languages are known: (from, to) for a model that translates one
pair, `MULTILINGUAL` for one that takes `src_lang` and `tgt_lang`. Helsinki-NLP's
`opus-mt-<from>-<to>` models are read from their names (see `translation_pair`)."""

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


def translation_pair(model: str) -> tuple[str, str] | str | None:
    """What is known of a translation model's languages: (from, to) for one pair,
    `MULTILINGUAL`, or None when nothing is known."""
    if model in TRANSLATION_PAIRS:
        return TRANSLATION_PAIRS[model]
    owner, _, name = model.partition("/")
    if owner == "Helsinki-NLP" and name.startswith("opus-mt-"):
        codes = name.removeprefix("opus-mt-").split("-")
        if len(codes) == 2 and all(codes):
            source, target = (_LANGUAGES.get(code, f"'{code}'") for code in codes)
            return source, target
    return None
