"""`DEFAULT_MODELS`, derived: each task's `default_model`. Importing this imports every task.

Each default was served by the serverless HF Inference API when last known (huggingface_hub's
recorded test models of March 2025, and the hf-inference provider page's examples of July 2025).
The service's catalogue changes; a tool's `model=` or the toolkit's `models=` picks another.
"""

from . import TASKS

__all__ = ["DEFAULT_MODELS"]

DEFAULT_MODELS: dict[str, str] = {name: spec.default_model for name, spec in TASKS.items()}
"""Task name -> its default model, the table the README shows."""
