"""Every error this package raises on purpose.

```
HfInferenceError (langchain_core.tools.ToolException)
 ├── AuthenticationError        401, 403
 ├── PaymentRequiredError       402: credits exhausted
 ├── ModelNotFoundError         404, 410: model not served here, or an old host
 ├── InputError                 400, 422: the server refused the inputs
 ├── RateLimitError             429 after retries
 ├── ModelLoadingError          503 after retries (keeps `estimated_time`)
 ├── ServerError                other 5xx after retries, or a connection that kept failing
 ├── InferenceTimeoutError      no answer within `timeout` (also a builtin TimeoutError)
 ├── OutputError                a 2xx whose body is not the task's shape
 └── MediaError                 a media input refused or unreadable
```

Because the root is a `ToolException`, a tool built with `handle_tool_error=True` hands the
message to the agent as an error `ToolMessage` instead of crashing the run. Every error carries
`task`, `model`, `status`, `request_id` and `server_message` (and `provider` for calls routed
to an Inference Provider); none carries the token.
"""

from __future__ import annotations

from langchain_core.tools import ToolException

__all__ = [
    "AuthenticationError",
    "HfInferenceError",
    "InferenceTimeoutError",
    "InputError",
    "MediaError",
    "ModelLoadingError",
    "ModelNotFoundError",
    "OutputError",
    "PaymentRequiredError",
    "RateLimitError",
    "ServerError",
]


class HfInferenceError(ToolException):
    """Root of the package's errors; a `ToolException`, so agents read it as an observation."""

    def __init__(
        self,
        message: str,
        *,
        task: str | None = None,
        model: str | None = None,
        status: int | None = None,
        request_id: str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.task = task
        self.model = model
        self.status = status
        self.request_id = request_id
        self.server_message = server_message

    provider: str | None = None
    """The Inference Provider that answered (or was tried last), for calls routed to one."""

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r})"


class AuthenticationError(HfInferenceError):
    """The token is missing, invalid, or lacks access to the model (401, 403)."""


class PaymentRequiredError(HfInferenceError):
    """The account's inference credits are exhausted (402)."""


class ModelNotFoundError(HfInferenceError):
    """The model does not exist or is not served by this API (404, 410)."""


class InputError(HfInferenceError):
    """The server refused the inputs or parameters (400, 422)."""


class RateLimitError(HfInferenceError):
    """Too many requests, still refused after the allowed retries (429)."""


class ModelLoadingError(HfInferenceError):
    """The model was still loading after the allowed retries (503)."""

    estimated_time: float | None = None
    """Seconds the server said the model still needed to load, when it said so."""


class ServerError(HfInferenceError):
    """The server failed (5xx) or the connection kept failing, after the allowed retries."""


class InferenceTimeoutError(HfInferenceError, TimeoutError):
    """No complete answer arrived within the configured timeout."""


class OutputError(HfInferenceError):
    """The server answered 2xx, but not in the shape the task returns."""


class MediaError(HfInferenceError):
    """A media input was refused by the media policy, or is not the kind of media expected."""
