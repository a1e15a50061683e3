"""Chat, completions and embeddings: the providers that speak OpenAI's wire format, one table.

Each row is a provider's route for the task; the body is the task's own OpenAI body with the
provider's model id, and the answer is read by the task's own parser (research 2.1).
"""

from __future__ import annotations

from ._common import embeddings, openai_task
from ._types import Adapter

__all__ = ["CHAT_ROUTES", "COMPLETIONS_ROUTES", "EMBEDDINGS_ROUTES", "HEADERS", "adapters"]

CHAT_ROUTES = {
    "baseten": "/v1/chat/completions",
    "cerebras": "/v1/chat/completions",
    "cohere": "/compatibility/v1/chat/completions",
    "deepinfra": "/v1/openai/chat/completions",
    "featherless-ai": "/v1/chat/completions",
    "fireworks-ai": "/inference/v1/chat/completions",
    "groq": "/openai/v1/chat/completions",
    "novita": "/v3/openai/chat/completions",
    "nscale": "/v1/chat/completions",
    "ovhcloud": "/v1/chat/completions",
    "publicai": "/v1/chat/completions",
    "scaleway": "/v1/chat/completions",
    "together": "/v1/chat/completions",
    "zai-org": "/api/paas/v4/chat/completions",
}
COMPLETIONS_ROUTES = {
    "deepinfra": "/v1/openai/completions",
    "featherless-ai": "/v1/completions",
    "novita": "/v3/openai/completions",
    "together": "/v1/completions",
}
EMBEDDINGS_ROUTES = {
    "deepinfra": "/v1/openai/embeddings",
    "scaleway": "/v1/embeddings",
    "together": "/v1/embeddings",
}
# zai-org wants these on every request (both reference clients send them).
HEADERS = {"zai-org": {"Accept-Language": "en-US,en", "x-source-channel": "hugging_face"}}


def adapters(provider: str) -> dict[str, Adapter]:
    """The chat-family adapters of one provider, by task name."""
    found: dict[str, Adapter] = {}
    headers = HEADERS.get(provider, {})
    if route := CHAT_ROUTES.get(provider):
        found["chat_completion"] = openai_task("chat_completion", route, **headers)
        found["conversational"] = openai_task("conversational", route, **headers)
    if route := COMPLETIONS_ROUTES.get(provider):
        found["text_generation"] = openai_task("text_generation", route, **headers)
    if route := EMBEDDINGS_ROUTES.get(provider):
        found["feature_extraction"] = embeddings(route)
    return found
