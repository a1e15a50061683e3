"""The public surface is explicit: `__all__` is sorted and names exactly what the root exports."""

import hf_inference_tools


def test_all_is_sorted_and_complete() -> None:
    exported = hf_inference_tools.__all__
    assert exported == sorted(exported)
    # ("@" names are what pytest's assertion rewriting adds to a plugin's package.)
    public = {n for n in vars(hf_inference_tools) if not n.startswith(("_", "@"))}
    modules = {"cli", "client", "demo", "errors", "tasks", "testing", "toolkit", "tools"}
    assert set(exported) - {"__version__"} == public - modules
