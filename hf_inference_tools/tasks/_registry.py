"""The one list of tasks: the public modules of this package, found at run time.

A task is a module `tasks/<name>.py` (`text_classification.py`). By convention, which a test
checks for every task, it defines at top level:

- `<NAME>`, its `TaskSpec` (`TEXT_CLASSIFICATION`), whose `name` is the module's name;
- `<Name>Tool`, its LangChain tool (`TextClassificationTool`);
- its public types and constants, each named with the prefix `<Name>` or `<NAME>_`
  (`TextClassificationArgs`, `CHAT_COMPLETION_STREAM`): these are what the package exports.

Everything that lists tasks reads them from here: `TASKS`, `TOOL_CLASSES`, `DEFAULT_MODELS`,
the package exports and `__all__`, the CLI, the toolkit, the testing kit. Nothing here imports a
task module: names come from the file listing, exported names from reading each module's source
(no import, ~0.1 ms a module), so `import hf_inference_tools` stays cheap and a lookup imports
the one module it needs.
"""

import functools
import importlib.util
import pkgutil
import re

__all__ = ["camel", "exported_by", "module_of", "task_names", "tool_class_name"]

_PACKAGE = __name__.rpartition(".")[0]
# A top-level class or assignment (annotated or not): what a module defines for its importers.
_DEFINED = re.compile(r"^(?:class\s+(\w+)|(\w+)\s*(?::[^=\n]*)?=)", re.MULTILINE)


@functools.cache
def task_names() -> tuple[str, ...]:
    """Every task's name, sorted: the public (not `_`-prefixed) modules of `tasks/`."""
    package = importlib.import_module(_PACKAGE)  # already imported: we are inside it
    found = pkgutil.iter_modules(package.__path__)
    return tuple(sorted(m.name for m in found if not m.ispkg and not m.name.startswith("_")))


def camel(task: str) -> str:
    """`text_classification` -> `TextClassification`, the prefix of the task's type names."""
    return "".join(part.capitalize() for part in task.split("_"))


def tool_class_name(task: str) -> str:
    """The name of the task's tool class, defined in the task's module."""
    return f"{camel(task)}Tool"


@functools.cache
def exported_by(task: str) -> tuple[str, ...]:
    """The names the task's module exports, sorted, read from its source without importing it."""
    # The file, not the loader's get_source: an import hook (pytest's assertion rewriting, for
    # one) may not offer it.
    spec = importlib.util.find_spec(f"{_PACKAGE}.{task}")
    origin = spec.origin if spec else None
    if origin and origin.endswith(".py"):
        with open(origin, encoding="utf-8") as file:
            defined = {cls or name for cls, name in _DEFINED.findall(file.read())}
    else:  # installed without sources (bytecode only): import it and look
        defined = set(vars(importlib.import_module(f"{_PACKAGE}.{task}")))
    prefix, constant = camel(task), task.upper()
    return tuple(
        sorted(n for n in defined if n == constant or n.startswith((prefix, f"{constant}_")))
    )


def module_of(name: str) -> str | None:
    """The task module (`text_classification`) that exports `name`, or None.

    Only tasks whose prefix `name` carries are read, longest prefix first, so a lookup reads one
    or two sources, not all of them. (Not cached: any name can be asked for; `exported_by` is.)
    """
    candidates = [task for task in task_names() if name.startswith((camel(task), task.upper()))]
    for task in sorted(candidates, key=len, reverse=True):
        if name in exported_by(task):
            return task
    return None
