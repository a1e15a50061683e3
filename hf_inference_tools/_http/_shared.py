"""What every httpx client the package builds has in common: its User-Agent and its TLS context.

The transport (one client per event loop) and the media fetcher (one client per fetch) both use
these, so the name the package gives servers and the CA bundle it trusts are defined once.
"""

from __future__ import annotations

import functools
import os
import ssl

import httpx

from .._version import __version__

__all__ = ["USER_AGENT", "tls_context"]

USER_AGENT = f"hf-inference-tools/{__version__}"

# One context per distinct CA source the process has used; in practice one.
_CONTEXTS = 4


def tls_context() -> ssl.SSLContext:
    """The TLS context for a new client: shared by every client that trusts the same CAs.

    Loading the CA bundle costs tens of milliseconds, and the transport builds a client per
    event loop and the fetcher one per fetch. The key is the CA source (httpx's own rule:
    `SSL_CERT_FILE`, else `SSL_CERT_DIR`, else certifi's bundle), by value: a process that
    changes those variables gets a context for the new bundle, and the cache stays bounded.
    """
    return _context(os.environ.get("SSL_CERT_FILE") or None, os.environ.get("SSL_CERT_DIR") or None)


@functools.lru_cache(maxsize=_CONTEXTS)
def _context(ca_file: str | None, ca_dir: str | None) -> ssl.SSLContext:
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    if ca_dir:
        return ssl.create_default_context(capath=ca_dir)
    return httpx.create_ssl_context(trust_env=False)  # certifi's bundle
