"""Call options (the seed's `Options`) and where the token comes from."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_HUB_URL",
    "DEFAULT_ROUTER_URL",
    "OFFLINE_TOKEN",
    "Options",
    "resolve_token",
]

DEFAULT_BASE_URL = "https://router.huggingface.co/hf-inference"
DEFAULT_ROUTER_URL = "https://router.huggingface.co"
DEFAULT_HUB_URL = "https://huggingface.co"


class Options(BaseModel):
    """Per-call options, with the seed's names and defaults.

    Args:
        retry_on_error: Retry 503, 429, 502, 504 and connection failures, at most
            `max_retries` times, waiting as the server asks (capped).
        use_cache: When False, send `X-Use-Cache: false` so the server computes afresh.
        wait_for_model: When True, send `X-Wait-For-Model: true` and treat a 503
            "currently loading" as a wait, not a failure.
        use_gpu: Accepted for compatibility; the API no longer honours it (a warning says so).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    retry_on_error: bool = True
    use_cache: bool = True
    wait_for_model: bool = False
    use_gpu: bool = False


def _clean(token: str | None) -> str | None:
    token = (token or "").strip()
    return token or None


def _token_file() -> Path:
    if path := os.environ.get("HF_TOKEN_PATH"):
        return Path(path).expanduser()
    if home := os.environ.get("HF_HOME"):
        return Path(home).expanduser() / "token"
    return Path("~/.cache/huggingface/token").expanduser()


def resolve_token(explicit: str | SecretStr | None = None) -> SecretStr | None:
    """The token to send: explicit, then HF_TOKEN, HUGGING_FACE_HUB_TOKEN, then the token file.

    Whitespace (a trailing newline in a token file) is stripped; an empty value counts as none.
    """
    if isinstance(explicit, SecretStr):
        explicit = explicit.get_secret_value()
    for candidate in (
        explicit,
        os.environ.get("HF_TOKEN"),
        os.environ.get("HUGGING_FACE_HUB_TOKEN"),
    ):
        if token := _clean(candidate):
            return SecretStr(token)
    try:
        token = _clean(_token_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        token = None
    return SecretStr(token) if token else None


OFFLINE_TOKEN = "hf_offline_stand_in"  # noqa: S105  # not a secret: the stand-in takes any
"""The token `--offline` calls carry: the stand-in answers any HF-shaped token, so a user's
real token is neither needed nor used offline."""
