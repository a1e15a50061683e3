"""The public surface is explicit: `__all__` is sorted and names exactly what the root exports.

The names are imported on first read (PEP 562), so `dir()`, not `vars()`, is what lists them
before they are used; `tests/test_imports.py` checks what importing them loads.
"""

import inspect
from types import ModuleType

import pytest

import hf_inference_tools
from hf_inference_tools import tasks, tools
from hf_inference_tools.tasks import TaskSpec, _registry
from hf_inference_tools.tools import HfInferenceTool

PACKAGES = [hf_inference_tools, tasks, tools]


def _all(module: ModuleType) -> list[str]:
    # `__all__` is derived on first read (type checkers see the subpackages without one).
    return list(module.__all__)


def _public(module: ModuleType) -> set[str]:
    # ("@" names are what pytest's assertion rewriting adds to a plugin's package.)
    names = {n for n in dir(module) if not n.startswith(("_", "@"))}
    return {n for n in names if not inspect.ismodule(getattr(module, n))}


def test_all_is_complete_without_duplicates() -> None:
    exported = hf_inference_tools.__all__
    assert len(exported) == len(set(exported))
    assert set(exported) - {"__version__"} == _public(hf_inference_tools)


def test_subpackage_lists_are_sorted_and_resolve() -> None:
    for module in (tasks, tools):
        assert module.__all__ == sorted(module.__all__)
        assert all(hasattr(module, name) for name in module.__all__)
        assert set(module.__all__) == _public(module)


@pytest.mark.parametrize("module", PACKAGES, ids=lambda m: m.__name__)
def test_lazy_names_resolve_to_the_defining_objects(module: ModuleType) -> None:
    listed = dir(module)
    for name in module.__all__:
        assert name in listed
        value = getattr(module, name)
        # After the first read the value is a plain module global, the same object each time.
        assert vars(module)[name] is value
    assert hf_inference_tools.TextClassificationTool is tools.TextClassificationTool
    assert hf_inference_tools.FILL_MASK is tasks.FILL_MASK
    assert tasks.FILL_MASK is tasks.fill_mask.FILL_MASK


@pytest.mark.parametrize("module", PACKAGES, ids=lambda m: m.__name__)
def test_unknown_names_still_fail(module: ModuleType) -> None:
    with pytest.raises(AttributeError, match=f"module '{module.__name__}' has no attribute 'Nope'"):
        _ = module.Nope
    with pytest.raises(ImportError, match="cannot import name 'Nope'"):
        exec(f"from {module.__name__} import Nope")  # noqa: S102


def test_every_tool_and_its_types_are_at_the_root() -> None:
    for name, cls in tools.TOOL_CLASSES.items():
        assert getattr(hf_inference_tools, cls.__name__) is cls
        assert getattr(hf_inference_tools, cls.spec.input_model.__name__) is cls.spec.input_model
        assert name in tasks.TASKS


def test_registries_hold_every_task_and_tool_under_its_name() -> None:
    # Both registries and both `__all__` are derived from the task modules: they must agree.
    specs = [v for n in _all(tasks) if isinstance(v := getattr(tasks, n), TaskSpec)]
    assert sorted(tasks.TASKS) == sorted(spec.name for spec in specs)
    assert all(tasks.TASKS[spec.name] is spec for spec in specs)
    classes = [
        v
        for n in _all(tools)
        if isinstance(v := getattr(tools, n), type)
        and issubclass(v, HfInferenceTool)
        and v not in (HfInferenceTool, tools.HfInferenceStreamingTool)
    ]
    assert sorted(tools.TOOL_CLASSES) == sorted(cls.spec.name for cls in classes)
    assert all(tools.TOOL_CLASSES[cls.spec.name] is cls for cls in classes)


def test_registries_are_read_only_mappings() -> None:
    assert len(tasks.TASKS) == len(tools.TOOL_CLASSES) == len(_registry.task_names())
    assert "text_classification" in tasks.TASKS
    assert "nope" not in tools.TOOL_CLASSES
    assert tools.TOOL_CLASSES.get("nope") is None
    with pytest.raises(KeyError):
        tasks.TASKS["nope"]
    with pytest.raises(TypeError):
        tasks.TASKS["nope"] = tasks.FILL_MASK  # type: ignore[index]
    assert dict(tools.TOOL_CLASSES)["fill_mask"] is tools.FillMaskTool
    assert "fill_mask" in repr(tools.TOOL_CLASSES)


def test_parameter_models_take_keywords_alone() -> None:
    # mypy checks this file: a positional Field(None, ...) default would make these calls errors.
    from hf_inference_tools import TextClassificationParameters, TextToImageParameters

    assert TextToImageParameters(width=512).model_dump(exclude_none=True) == {"width": 512}
    assert TextClassificationParameters(top_k=3).top_k == 3


def test_the_version_is_the_installed_distributions() -> None:
    # Written once, in _version.py, which pyproject.toml reads: the two cannot drift apart.
    import importlib.metadata

    assert hf_inference_tools.__version__ == importlib.metadata.version("hf-inference-tools")
