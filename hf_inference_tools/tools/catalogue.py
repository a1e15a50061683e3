"""Tools over the tasks beyond the seed. Each is a short declaration over its task's spec."""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.tools import ArgsSchema

from ..tasks import (
    AUDIO_TO_AUDIO,
    DOCUMENT_QUESTION_ANSWERING,
    IMAGE_TO_IMAGE,
    IMAGE_TO_TEXT,
    SENTENCE_SIMILARITY,
    TABULAR_CLASSIFICATION,
    TABULAR_REGRESSION,
    TEXT_TO_SPEECH,
    VISUAL_QUESTION_ANSWERING,
    ZERO_SHOT_IMAGE_CLASSIFICATION,
    AudioToAudioArgs,
    DocumentQuestionAnsweringArgs,
    ImageToImageArgs,
    ImageToTextArgs,
    SentenceSimilarityArgs,
    TabularClassificationArgs,
    TabularRegressionArgs,
    TaskSpec,
    TextToSpeechArgs,
    VisualQuestionAnsweringArgs,
    ZeroShotImageClassificationArgs,
)
from ._base import HfInferenceTool


class ImageToTextTool(HfInferenceTool):
    """Caption an image with a Hugging Face image-to-text model.

    `data` is a path inside `media_root`, an https URL or a data: URI (see the media policy).

    Instantiate:
        ```python
        from hf_inference_tools import ImageToTextTool

        tool = ImageToTextTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/beach.jpg"})
        # '{"generated_text":"a woman in a hat and dress posing for a photo"}'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_TO_TEXT
    name: str = IMAGE_TO_TEXT.name
    description: str = IMAGE_TO_TEXT.description
    args_schema: ArgsSchema | None = ImageToTextArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class TextToSpeechTool(HfInferenceTool):
    """Read a text aloud; the audio goes to the artifact, never to the LLM.

    With `output_dir` set, the audio is saved there under a fresh name and the content names its
    path (and duration, for WAV and FLAC), so the agent can hand it to an audio tool next.

    Instantiate:
        ```python
        from hf_inference_tools import TextToSpeechTool

        tool = TextToSpeechTool(output_dir="./media/out", media_root="./media")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "text_to_speech",
                           "args": {"inputs": "Your order has shipped."}})
        msg.content   # '{"path":"out/text_to_speech-1a2b3c.flac","mime_type":"audio/flac",...}'
        msg.artifact["data"]   # the audio bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TEXT_TO_SPEECH
    name: str = TEXT_TO_SPEECH.name
    description: str = TEXT_TO_SPEECH.description
    args_schema: ArgsSchema | None = TextToSpeechArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class VisualQuestionAnsweringTool(HfInferenceTool):
    """Answer a question about an image with a Hugging Face visual question answering model.

    Instantiate:
        ```python
        from hf_inference_tools import VisualQuestionAnsweringTool

        tool = VisualQuestionAnsweringTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/beach.jpg", "inputs": {"question": "Who is in the picture?"}})
        # '[{"answer":"woman","score":0.9387},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = VISUAL_QUESTION_ANSWERING
    name: str = VISUAL_QUESTION_ANSWERING.name
    description: str = VISUAL_QUESTION_ANSWERING.description
    args_schema: ArgsSchema | None = VisualQuestionAnsweringArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class DocumentQuestionAnsweringTool(HfInferenceTool):
    """Answer a question from an image of a document (invoice, receipt, form).

    Instantiate:
        ```python
        from hf_inference_tools import DocumentQuestionAnsweringTool

        tool = DocumentQuestionAnsweringTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "docs/invoice.png",
                     "inputs": {"question": "What is the invoice number?"}})
        # '[{"answer":"us-001"}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = DOCUMENT_QUESTION_ANSWERING
    name: str = DOCUMENT_QUESTION_ANSWERING.name
    description: str = DOCUMENT_QUESTION_ANSWERING.description
    args_schema: ArgsSchema | None = DocumentQuestionAnsweringArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ()


class SentenceSimilarityTool(HfInferenceTool):
    """Score how close in meaning sentences are to a source sentence.

    Instantiate:
        ```python
        from hf_inference_tools import SentenceSimilarityTool

        tool = SentenceSimilarityTool()
        ```

    Invoke:
        ```python
        tool.invoke({"inputs": {"source_sentence": "That is a happy person",
                                "sentences": ["That is a happy dog", "Today is a sunny day"]}})
        # '[0.6946,0.2569]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = SENTENCE_SIMILARITY
    name: str = SENTENCE_SIMILARITY.name
    description: str = SENTENCE_SIMILARITY.description
    args_schema: ArgsSchema | None = SentenceSimilarityArgs


class ZeroShotImageClassificationTool(HfInferenceTool):
    """Pick which of your labels fits an image best, without a trained classifier.

    Instantiate:
        ```python
        from hf_inference_tools import ZeroShotImageClassificationTool

        tool = ZeroShotImageClassificationTool(media_root="./media")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "photos/pet.png",
                     "parameters": {"candidate_labels": ["cat", "dog"]}})
        # '[{"label":"cat","score":0.98},{"label":"dog","score":0.02}]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = ZERO_SHOT_IMAGE_CLASSIFICATION
    name: str = ZERO_SHOT_IMAGE_CLASSIFICATION.name
    description: str = ZERO_SHOT_IMAGE_CLASSIFICATION.description
    args_schema: ArgsSchema | None = ZeroShotImageClassificationArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("candidate_labels",)


class ImageToImageTool(HfInferenceTool):
    """Transform an image; the new image goes to the artifact, never to the LLM.

    With `output_dir` set, the image is saved there under a fresh name and the content names
    its path, so the agent can hand it to an image tool next.

    Instantiate:
        ```python
        from hf_inference_tools import ImageToImageTool

        tool = ImageToImageTool(media_root="./media", output_dir="./media/out")
        ```

    Invoke:
        ```python
        msg = tool.invoke({"type": "tool_call", "id": "1", "name": "image_to_image",
                           "args": {"data": "photos/cat.png",
                                    "parameters": {"prompt": "a watercolor painting"}}})
        msg.content   # '{"path":"out/image_to_image-1a2b3c.png","mime_type":"image/png",...}'
        msg.artifact["data"]   # the image bytes
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = IMAGE_TO_IMAGE
    name: str = IMAGE_TO_IMAGE.name
    description: str = IMAGE_TO_IMAGE.description
    args_schema: ArgsSchema | None = ImageToImageArgs
    llm_parameters: ClassVar[tuple[str, ...] | None] = ("prompt",)


class AudioToAudioTool(HfInferenceTool):
    """Separate or clean up audio; each output is described (and saved), never inlined.

    The content lists `{label, mime_type, bytes, duration_s, path}` per output (`path` when
    `output_dir` is set); the artifact's `result` keeps every output with its base64 `blob`.

    Instantiate:
        ```python
        from hf_inference_tools import AudioToAudioTool

        tool = AudioToAudioTool(media_root="./media", output_dir="./media/out")
        ```

    Invoke:
        ```python
        tool.invoke({"data": "audio/two_speakers.wav"})
        # '[{"label":"label_0","mime_type":"audio/flac","bytes":51234,"duration_s":2.5,
        #    "path":"out/audio_to_audio-label_0-1a2b3c.flac"},...]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = AUDIO_TO_AUDIO
    name: str = AUDIO_TO_AUDIO.name
    description: str = AUDIO_TO_AUDIO.description
    args_schema: ArgsSchema | None = AudioToAudioArgs


class TabularClassificationTool(HfInferenceTool):
    """Classify the rows of a table (the first row names the columns).

    Instantiate:
        ```python
        from hf_inference_tools import TabularClassificationTool

        tool = TabularClassificationTool(model="julien-c/wine-quality")
        ```

    Invoke:
        ```python
        header = ["fixed_acidity", "volatile_acidity", "citric_acid", "residual_sugar",
                  "chlorides", "free_sulfur_dioxide", "total_sulfur_dioxide", "density",
                  "pH", "sulphates", "alcohol"]
        wine = ["7.4", "0.7", "0", "1.9", "0.076", "11", "34", "0.9978", "3.51", "0.56", "9.4"]
        tool.invoke({"inputs": {"data": [header, wine]}})
        # '[5]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABULAR_CLASSIFICATION
    name: str = TABULAR_CLASSIFICATION.name
    description: str = TABULAR_CLASSIFICATION.description
    args_schema: ArgsSchema | None = TabularClassificationArgs


class TabularRegressionTool(HfInferenceTool):
    """Predict a number for each row of a table (the first row names the columns).

    Instantiate:
        ```python
        from hf_inference_tools import TabularRegressionTool

        tool = TabularRegressionTool(model="scikit-learn/Fish-Weight")
        ```

    Invoke:
        ```python
        header = ["Species", "Length1", "Length2", "Length3", "Height", "Width"]
        fish = ["Bream", "23.2", "25.4", "30", "11.52", "4.02"]
        tool.invoke({"inputs": {"data": [header, fish]}})
        # '[270.5473526976245]'
        ```
    """

    spec: ClassVar[TaskSpec[Any, Any]] = TABULAR_REGRESSION
    name: str = TABULAR_REGRESSION.name
    description: str = TABULAR_REGRESSION.description
    args_schema: ArgsSchema | None = TabularRegressionArgs
