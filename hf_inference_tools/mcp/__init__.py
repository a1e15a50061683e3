"""The toolkit's tools over the Model Context Protocol: `hf-inference-tools mcp` (SPEC section 9).

Needs the `mcp` extra (`pip install 'hf-inference-tools[mcp]'`): the official `mcp` SDK, whose
low-level `Server` this builds on (no LangChain-to-MCP bridge works with its 2.x line).

```python
from hf_inference_tools import HfInferenceToolkit
from hf_inference_tools.mcp import build_server, serve_stdio

toolkit = HfInferenceToolkit(tasks=["text_to_image"], output_dir="./generated")
server = build_server(toolkit.get_tools())
anyio.run(serve_stdio, server)
```
"""

from .command import TOKEN_VARIABLE, McpCommand, run_command
from .server import (
    DEFAULT_MAX_INLINE_BYTES,
    OUTPUT_URI_PREFIX,
    PROGRESS_EVENT,
    OutputStore,
    build_server,
)
from .transports import BearerAuth, http_app, is_loopback, serve_http, serve_stdio

__all__ = [
    "DEFAULT_MAX_INLINE_BYTES",
    "OUTPUT_URI_PREFIX",
    "PROGRESS_EVENT",
    "TOKEN_VARIABLE",
    "BearerAuth",
    "McpCommand",
    "OutputStore",
    "build_server",
    "http_app",
    "is_loopback",
    "run_command",
    "serve_http",
    "serve_stdio",
]
