"""Test your agent offline: an HF Inference stand-in with realistic answers for every task.

```python
def test_my_agent(hf_inference_mock):          # the pytest fixture this package registers
    hf_inference_mock.respond("text_classification", json=[[{"label": "NEGATIVE", "score": 0.9}]])
    ...
```
`ScriptedChatModel` stands in for the agent's LLM, so a whole agent runs with no network.
Needs `respx` (the `testing` extra: `pip install hf-inference-tools[testing]`).
"""

from ._mock import HfInferenceMock, RecordedCall, UnansweredCallError
from ._samples import SAMPLES, Sample, data_uri, mp4_bytes, png_bytes, wav_bytes
from ._scripted import ScriptedChatModel, Turn, ask, ask_many, tool_result
from ._shapes import describe_png

__all__ = [
    "SAMPLES",
    "HfInferenceMock",
    "RecordedCall",
    "Sample",
    "ScriptedChatModel",
    "Turn",
    "UnansweredCallError",
    "ask",
    "ask_many",
    "data_uri",
    "describe_png",
    "mp4_bytes",
    "png_bytes",
    "tool_result",
    "wav_bytes",
]
