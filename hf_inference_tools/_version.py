"""The package version: the one place it is written (pyproject.toml reads it from here).

A constant, not `importlib.metadata.version(...)`: reading the installed metadata cost ~1.5 ms
of every import, and the user agent needs the version before the first call.
"""

__version__ = "0.1.0"
