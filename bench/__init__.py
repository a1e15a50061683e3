"""Benchmarks: what a call through hf-inference-tools costs over the wire's floor.

Run them with `make bench` (or `python -m bench` in the project's venv). Every figure is a ratio
against a floor measured in the same run, A and B interleaved, medians reported; see
BENCHMARKS.md for what each figure means and the numbers of a run. Benchmarks are not tests:
nothing here asserts a time.
"""
