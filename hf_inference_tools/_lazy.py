"""Names a package exports but imports on first use (PEP 562), and registries that do the same.

Importing every task and tool module up front cost ~200 ms; most programs use a few of them.
A package gives a static table (submodule -> names) for its fixed names and, for the names it
derives from the task registry, a function that finds a name's submodule and one that lists
them all. It gets a module `__getattr__` that imports a name's submodule the first time the name
is read and then caches the value in the package's namespace, so later reads are plain
attribute lookups. `__all__` is derived the same way, on first read (`from package import *`
reads it through `__getattr__` too).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["LazyRegistry", "lazy_exports"]

V = TypeVar("V")


def lazy_exports(
    package: str,
    exports: Mapping[str, tuple[str, ...]],
    *,
    find: Callable[[str], str | None] = lambda name: None,
    derived: Callable[[], Iterable[str]] = tuple,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A `__getattr__` and a `__dir__` for `package`, from `{submodule: (name, ...)}`.

    A submodule is relative to `package` (`".text"`). Reading a listed name imports its
    submodule, takes the name from it and stores it in the package, so `__getattr__` runs once
    per name. A name not in the table is given to `find`, which returns its submodule or None;
    `derived()` lists every name `find` knows, without importing anything. `__all__` is the
    sorted union of both. Unknown names raise `AttributeError`, as for any module (which is also
    what lets `from package import submodule` fall through to importing the submodule).
    """
    where = {
        name: importlib.util.resolve_name(submodule, package)
        for submodule, names in exports.items()
        for name in names
    }

    def names() -> list[str]:
        return sorted({*where, *derived()})

    def __getattr__(name: str) -> Any:
        if name == "__all__":
            value: Any = names()
        else:
            module = where.get(name)
            if module is None:
                found = find(name) if not name.startswith("__") else None
                if found is None:
                    raise AttributeError(f"module {package!r} has no attribute {name!r}")
                module = importlib.util.resolve_name(found, package)
            # The import statement's own path (not importlib.import_module), which -X importtime
            # reports: profiles then show each lazily loaded module where it was first needed.
            __import__(module)
            value = getattr(sys.modules[module], name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *names()})

    return __getattr__, __dir__


class LazyRegistry(Mapping[str, V]):
    """A read-only `{key: value}` whose values are a package's lazily imported names.

    Keys, `in`, `len()` and iteration import nothing; looking a key up imports the one
    submodule that defines its value (`items()` and `values()` import them all).
    """

    def __init__(self, package: str, names: Callable[[], Mapping[str, str]], *, what: str) -> None:
        self._package = package
        self._names_of = names  # called once, on first use: key -> the package attribute
        self._what = what

    @functools.cached_property
    def _names(self) -> dict[str, str]:
        return dict(self._names_of())

    def __getitem__(self, key: str) -> V:
        value: V = getattr(sys.modules[self._package], self._names[key])
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        # Without importing anything: a repr in a debugger or a log line should not load modules.
        return f"<{self._what}: {len(self)} entries, imported on lookup: {', '.join(self)}>"
