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
