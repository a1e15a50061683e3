"""The public surface is explicit: `__all__` is sorted and names exactly what the root exports."""

import hf_inference_tools
from hf_inference_tools import tasks, tools


def test_all_is_complete_without_duplicates() -> None:
    exported = hf_inference_tools.__all__
    assert len(exported) == len(set(exported))
    # ("@" names are what pytest's assertion rewriting adds to a plugin's package.)
    public = {n for n in vars(hf_inference_tools) if not n.startswith(("_", "@"))}
    modules = {"cli", "client", "demo", "errors", "tasks", "testing", "toolkit", "tools"}
    assert set(exported) - {"__version__"} == public - modules


def test_subpackage_lists_are_sorted_and_resolve() -> None:
    for module in (tasks, tools):
        assert module.__all__ == sorted(module.__all__)
        assert all(hasattr(module, name) for name in module.__all__)


def test_every_tool_and_its_types_are_at_the_root() -> None:
    for name, cls in tools.TOOL_CLASSES.items():
        assert getattr(hf_inference_tools, cls.__name__) is cls
        assert getattr(hf_inference_tools, cls.spec.input_model.__name__) is cls.spec.input_model
        assert name in tasks.TASKS


def test_parameter_models_take_keywords_alone() -> None:
    # mypy checks this file: a positional Field(None, ...) default would make these calls errors.
    from hf_inference_tools import TextClassificationParameters, TextToImageParameters

    assert TextToImageParameters(width=512).model_dump(exclude_none=True) == {"width": 512}
    assert TextClassificationParameters(top_k=3).top_k == 3
