"""`python -m hf_inference_tools`: the same as the `hf-inference-tools` command."""

from .cli import main

raise SystemExit(main())
