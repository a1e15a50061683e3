"""The `hf-inference-tools` command: `tasks`, `run`, `demo`, exit statuses and progress lines."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import respx

from hf_inference_tools import HfInference
from hf_inference_tools.cli import main
from hf_inference_tools.testing import SAMPLES, HfInferenceMock, describe_png, png_bytes
from hf_inference_tools.tools import TOOL_CLASSES

SST2 = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
BIN = Path(sys.executable).parent
# Subprocesses are out of pytest-socket's reach: a dead proxy makes any real request fail fast.
NO_NETWORK = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_error_line(err: str, *fragments: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """An empty, non-terminal stdin that a test can fill."""
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stdin", buffer)
    return buffer


# -- tasks ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TOOL_CLASSES))
def test_tasks__lists_each_tool_with_its_task_model_and_arguments(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    status, out, _ = cli(capsys, "tasks")
    spec = TOOL_CLASSES[name].spec
    (row,) = [line for line in out.splitlines() if line.startswith(name + " ")]
    assert status == 0
    assert row.split()[1:3] == [spec.hf_task, spec.default_model]
    for field in spec.input_model.model_fields:
        assert field in row


def test_tasks__one_task_shows_dotted_arguments_with_descriptions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = cli(capsys, "tasks", "text_to_image")
    assert status == 0
    assert "text-to-image" in out
    seed = next(line for line in out.splitlines() if "parameters.seed" in line)
    assert "Random seed" in seed and "(optional)" in seed
    inputs = next(line for line in out.splitlines() if line.strip().startswith("inputs "))
    assert "(optional)" not in inputs


# -- run: requests and output -----------------------------------------------------------------


def test_run__sends_inputs_and_params_and_prints_json(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock
) -> None:
    status, out, err = cli(
        capsys,
        *("run", "text_classification", "--inputs", "I love it", "--json"),
        *("--param", "top_k=2", "--param", "function_to_apply=softmax"),
    )
    assert (status, err) == (0, "")
    (call,) = hf_inference_mock.calls_for("text_classification")
    assert call.json() == {
        "inputs": "I love it",
        "parameters": {"top_k": 2, "function_to_apply": "softmax"},
    }
    printed = json.loads(out)
    assert printed["content"][0] == {"label": "POSITIVE", "score": 0.9998695850372314}
    assert printed["artifact"] == {
        "task": "textClassification",
        "model": SST2,
        "provider": "hf-inference",
        "result": printed["content"],
    }


def test_run__readable_output_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "run", "text_classification", "--inputs", "hi", "--offline")
    assert status == 0
    assert out.splitlines() == ["label     score", "POSITIVE  0.9999", "NEGATIVE  0.0001304"]


def test_run__inputs_come_from_stdin(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock, stdin: io.StringIO
) -> None:
    stdin.write("a review\nover two lines\n")
    stdin.seek(0)
    status, _, _ = cli(capsys, "run", "text_classification")
    assert status == 0
    assert hf_inference_mock.calls_for("text_classification")[0].json() == {
        "inputs": "a review\nover two lines"
    }


def test_run__params_nest_and_top_level_arguments_stay_on_top(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock, tmp_path: Path
) -> None:
    status, _, _ = cli(
        capsys,
        *("run", "text_to_image", "--inputs", "a fox", "--output-dir", str(tmp_path)),
        *("--param", "negative_prompt=text", "--param", "seed=3"),
        *("--param", "parameters.width=512"),
    )
    assert status == 0
    # negative_prompt is a top-level tool argument, which the wire format moves into parameters.
    assert hf_inference_mock.calls_for("text_to_image")[0].json() == {
        "inputs": "a fox",
        "parameters": {"seed": 3, "width": 512, "negative_prompt": "text"},
    }


def test_run__binary_task_saves_the_image_and_prints_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _ = cli(capsys, "run", "text_to_image", "--inputs", "a fox", "--offline")
    assert status == 0
    assert out.startswith("saved hf-outputs/text_to_image-")
    saved = tmp_path / out.split()[1]
    assert describe_png(saved.read_bytes()) == "a fox"  # the stand-in's picture of the prompt
    assert "image/png" in out and "width: 64" in out


def test_run__binary_task_json_has_the_path_but_not_the_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = cli(
        capsys,
        *("run", "text_to_image", "--inputs", "a fox", "--offline", "--json"),
        *("--output-dir", str(tmp_path / "out")),
    )
    printed = json.loads(out)
    assert status == 0
    assert "data" not in printed["artifact"]
    assert Path(printed["artifact"]["path"]).parent == tmp_path / "out"
    assert printed["content"]["mime_type"] == "image/png"


def test_run__media_path_is_read_from_the_current_folder(
    capsys: pytest.CaptureFixture[str],
    hf_inference_mock: HfInferenceMock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat.png").write_bytes(png_bytes())
    status, out, _ = cli(capsys, "run", "image_classification", "--data", "cat.png")
    (call,) = hf_inference_mock.calls_for("image_classification")
    assert status == 0
    assert call.request.content == png_bytes()
    assert call.request.headers["content-type"] == "image/png"
    assert "tabby, tabby cat  0.9385" in out


def test_run__model_and_endpoint_work_offline(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(
        capsys, "run", "text_classification", "--inputs", "hi", "--offline", "--json",
        "--model", "my-org/my-model",
    )  # fmt: skip
    assert status == 0
    assert json.loads(out)["artifact"]["model"] == "my-org/my-model"
    status, out, _ = cli(
        capsys, "run", "text_classification", "--inputs", "hi", "--offline",
        "--endpoint-url", "http://localhost:8080",
    )  # fmt: skip
    assert status == 0
    assert "POSITIVE" in out


# -- run: errors ------------------------------------------------------------------------------


def test_run__api_error_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock
) -> None:
    hf_inference_mock.fail("text_classification", 404, "Model does not exist")
    status, out, err = cli(capsys, "run", "text_classification", "--inputs", "hi")
    assert (status, out) == (1, "")
    assert_one_error_line(err, SST2, "Model does not exist")


def test_run__media_outside_the_current_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "outside.png").write_bytes(png_bytes())
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    status, _, err = cli(
        capsys, "run", "image_classification", "--data", "../outside.png", "--offline"
    )
    assert status == 1
    assert_one_error_line(err, "outside --media-root", f"(here --media-root is {Path.cwd()}).")


@pytest.mark.parametrize(
    ("argv", "says", "hint"),
    [
        (
            ["--max-media-bytes", "10"],
            "over --max-media-bytes (10 bytes). Raise --max-media-bytes",
            False,
        ),
        (["--data", "http://127.0.0.1:8080/cat.png"], "Set --allow-private-urls", False),
        (["--data", "missing.png"], "No file 'missing.png' in --media-root", True),
    ],
)
def test_run__media_errors_speak_in_flags_and_name_the_folder_only_when_it_matters(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    says: str,
    hint: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat.png").write_bytes(png_bytes())
    if "--data" not in argv:
        argv = [*argv, "--data", "cat.png"]
    status, _, err = cli(capsys, "run", "image_classification", *argv, "--offline")
    assert status == 1
    assert_one_error_line(err, says)
    assert ("here --media-root is" in err) is hint
    assert "max_media_bytes" not in err and "allow_private_urls" not in err


def test_run__allow_private_urls_and_max_media_bytes_are_flags(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    png = png_bytes()
    (tmp_path / "cat.png").write_bytes(png)
    argv = ["run", "image_classification", "--data", "cat.png", "--offline"]
    status, _, err = cli(capsys, *argv, "--max-media-bytes", str(len(png)))
    assert status == 0, err
    with respx.mock(assert_all_called=True) as media:
        media.get("http://127.0.0.1:8080/cat.png").respond(200, content=png)
        with HfInferenceMock() as api:
            argv = ["run", "image_classification", "--data", "http://127.0.0.1:8080/cat.png"]
            status, _, err = cli(capsys, *argv, "--allow-private-urls")
    assert status == 0, err
    assert api.calls_for("image_classification")[0].request.content == png


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: command"),
        (["run", "text_clasification"], "did you mean text_classification?"),
        (["run", "text_classification", "--inputs", "x", "--param", "top_k"], "KEY=VALUE"),
        (["run", "text_classification", "--inputs", "x", "--param", "top_k=0"], "top_k"),
        (["run", "text_classification", "--data", "x.png"], "takes no --data"),
        (["run", "text_classification"], "inputs: Field required"),
        (["run", "image_classification", "--inputs", "x"], "takes no --inputs"),
        (["run", "text_classification", "--inputs", "x", "--bogus"], "unrecognized"),
        (["demo", "--llm", "openai:gpt-4.1-mini"], "add --live"),
        (["demo", "--live"], "HF_TOKEN"),
    ],
)
def test_usage_errors__one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], stdin: io.StringIO, argv: list[str], message: str
) -> None:
    status, out, err = cli(capsys, *argv)
    assert (status, out) == (2, "")
    assert_one_error_line(err, message)


# -- progress on stderr -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        (
            httpx.Response(503, json={"error": "loading", "estimated_time": 0.0}),
            "the model is loading (503)",
        ),
        (httpx.Response(429, headers={"Retry-After": "0"}), "rate limited (429)"),
        (httpx.Response(502, headers={"Retry-After": "0"}), "the server answered 502"),
    ],
)
def test_run__retries_show_progress_on_stderr(
    capsys: pytest.CaptureFixture[str],
    router: respx.MockRouter,
    first: httpx.Response,
    reason: str,
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [first, httpx.Response(200, json=SAMPLES["text_classification"].body())]
    status, out, err = cli(
        capsys, "run", "text_classification", "--inputs", "hi", "--provider", "hf-inference"
    )
    assert status == 0 and "POSITIVE" in out
    assert err.splitlines() == [
        f"wait: text_classification with model '{SST2}': {reason}; retry 1 of 3 in 0.0 s"
    ]


async def test_progress__async_calls_log_each_wait(
    router: respx.MockRouter, hf: HfInference, caplog: pytest.LogCaptureFixture
) -> None:
    route = router.post(f"/models/{SST2}")
    route.side_effect = [
        httpx.ConnectError("refused"),
        httpx.Response(200, json=SAMPLES["text_classification"].body()),
    ]
    with caplog.at_level(logging.INFO, logger="hf_inference_tools"):
        await hf.atext_classification(inputs="hi")
    (record,) = [r for r in caplog.records if r.levelno == logging.INFO]
    assert record.getMessage().startswith(
        f"text_classification with model '{SST2}': the connection failed; retry 1 of 3 in "
    )


# -- entry points -----------------------------------------------------------------------------


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hf_inference_tools", "tasks"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "text_classification" in done.stdout


def test_console_script__error_exit_status() -> None:
    done = subprocess.run(
        [BIN / "hf-inference-tools", "run", "nope"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert_one_error_line(done.stderr, "unknown task 'nope'")


# -- demo -------------------------------------------------------------------------------------


def test_demo__runs_offline_to_its_end_and_leaves_its_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = cli(capsys, "demo", "--output-dir", str(tmp_path / "demo"))
    generated = list((tmp_path / "demo" / "generated").iterdir())
    assert status == 0
    assert "OFFLINE: no token, no network" in out
    assert (tmp_path / "demo" / "photos" / "cat.png").read_bytes().startswith(b"\x89PNG")
    assert len(generated) == 1 and generated[0].read_bytes().startswith(b"\x89PNG")
    assert generated[0].name in out.split("Generated files:")[1]


def test_demo__each_tool_answers_and_later_calls_use_earlier_results(tmp_path: Path) -> None:
    from langchain_core.messages import ToolMessage

    from hf_inference_tools.demo import run_demo

    run = run_demo(tmp_path, out=io.StringIO())
    tool_messages = [m for m in run.messages if isinstance(m, ToolMessage)]
    assert {m.status for m in tool_messages} == {"success"}
    assert {call.task for call in run.api_calls} == set(run.tools)
    (painting,) = run.files
    photo, second_look = (
        c.request.content for c in run.api_calls if c.task == "image_classification"
    )
    assert photo == (tmp_path / "photos" / "cat.png").read_bytes()
    assert second_look == painting.read_bytes()  # the generated image, by the path it was given
    final = str(run.messages[-1].content)
    assert final.startswith("Your photo shows a tabby cat")
    # Steps whose tool is registered are played (offline, with answers that fit the story).
    for tool, said in [
        ("translation", 'In French: "Un chat tigré'),
        ("table_question_answer", "Most stars: Transformers."),
    ]:
        assert (said in final) == (tool in run.tools)


def test_demo__without_langchain_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delitem(sys.modules, "hf_inference_tools.demo", raising=False)
    for module in ("langchain", "langchain.agents"):
        monkeypatch.setitem(sys.modules, module, None)
    status, _, err = cli(capsys, "demo", "--output-dir", str(tmp_path))
    assert status == 1
    assert_one_error_line(err, "pip install 'hf-inference-tools[demo]'")


def test_demo__console_script_runs_offline(tmp_path: Path) -> None:
    done = subprocess.run(
        [BIN / "hf-inference-tools", "demo", "--output-dir", "out"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, **NO_NETWORK},
    )
    assert done.returncode == 0, done.stderr
    assert "out/generated/text_to_image-" in done.stdout
    assert list((tmp_path / "out" / "generated").glob("text_to_image-*.png"))


def test_demo__a_chat_model_that_fails_is_one_error_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    # langchain-openai is not installed here: init_chat_model raises, the CLI reports it.
    status, _, err = cli(
        capsys, "demo", "--live", "--llm", "openai:gpt-4.1-mini", "--output-dir", str(tmp_path)
    )
    assert status == 1
    assert_one_error_line(err, "the chat model openai:gpt-4.1-mini failed")


# -- the newcomer's first commands ------------------------------------------------------------


def test_run__chat_completion_takes_inputs_as_the_user_message(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock
) -> None:
    status, out, err = cli(capsys, "run", "chat_completion", "--inputs", "Capital of France?")
    assert status == 0, err
    assert "content: The capital of France is Paris." in out
    (call,) = hf_inference_mock.calls_for("chat_completion")
    assert call.json()["messages"] == [{"role": "user", "content": "Capital of France?"}]


def test_run__chat_completion_takes_a_json_list_of_messages(
    capsys: pytest.CaptureFixture[str], hf_inference_mock: HfInferenceMock
) -> None:
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    status, _, err = cli(capsys, "run", "chat_completion", "--inputs", json.dumps(messages))
    assert status == 0, err
    assert hf_inference_mock.calls_for("chat_completion")[0].json()["messages"] == messages
    status, _, err = cli(capsys, "run", "chat_completion", "--inputs", "[{oops")
    assert status == 2
    assert_one_error_line(err, "--inputs is not valid JSON (Expecting", '[{"role": "user"')


def test_run__bad_inputs_json_says_why_and_the_shape_expected(
    capsys: pytest.CaptureFixture[str], stdin: io.StringIO
) -> None:
    status, out, err = cli(capsys, "run", "question_answer", "--inputs", '{"question": "x",}')
    assert (status, out) == (2, "")
    assert_one_error_line(
        err,
        "--inputs is not valid JSON (Expecting property name enclosed in double quotes",
        'this shape: {"question": string, "context": string}',
    )
    description = TOOL_CLASSES["question_answer"].spec.input_model.model_fields["inputs"]
    assert str(description.description) not in err


def test_run__without_token_a_refusal_names_hf_token_and_offline(
    capsys: pytest.CaptureFixture[str], router: respx.MockRouter
) -> None:
    router.post(f"/models/{SST2}").respond(
        401, json={"error": "Invalid credentials in Authorization header"}
    )
    argv = ["run", "text_classification", "--inputs", "hi", "--provider", "hf-inference"]
    status, out, err = cli(capsys, *argv)
    assert (status, out) == (1, "")
    assert_one_error_line(
        err, "Invalid credentials", "No token is set: export HF_TOKEN=", "--offline"
    )


def test_run__without_token_a_network_failure_names_hf_token_and_offline(
    capsys: pytest.CaptureFixture[str], router: respx.MockRouter
) -> None:
    router.post(f"/models/{SST2}").mock(side_effect=httpx.ConnectError("unreachable"))
    argv = ["run", "text_classification", "--inputs", "hi", "--provider", "hf-inference"]
    status, _, err = cli(capsys, *argv, "--timeout", "1")
    assert status == 1
    # stderr has a progress line per retry, then the one error line.
    (error,) = [line for line in err.splitlines() if line.startswith("error: ")]
    assert "Check the network" in error and "HF_TOKEN" in error and "--offline" in error


def test_run__with_a_token_no_token_advice(
    capsys: pytest.CaptureFixture[str], router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_test")
    router.post(f"/models/{SST2}").respond(401, json={"error": "Invalid credentials"})
    argv = ["run", "text_classification", "--inputs", "hi", "--provider", "hf-inference"]
    status, _, err = cli(capsys, *argv)
    assert status == 1 and "No token is set" not in err and "--offline" not in err
    assert_one_error_line(err, "Invalid credentials")


def test_run__offline_says_the_answer_is_a_stand_in(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["run", "text_classification", "--inputs", "I love it", "--offline", "--json"]
    status, out, err = cli(capsys, *argv)
    assert status == 0
    assert json.loads(out)["content"][0]["label"] == "POSITIVE"  # stdout stays JSON
    assert err.startswith("offline: answered by the package's stand-in (HfInferenceMock)")


def test_tasks__a_closed_pipe_ends_quietly_with_status_0() -> None:
    # `tasks | head`: the reader is gone before the command writes.
    argv = [str(BIN / "hf-inference-tools"), "tasks"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    assert (status, err) == (0, b"")


def test_readme_and_make_demo_say_where_the_command_is() -> None:
    # After `make demo`, the bare name is not on PATH: both say how to reach it.
    root = Path(__file__).parent.parent
    readme = root.joinpath("README.md").read_text()
    cli_section = readme[readme.index("## The CLI") : readme.index("## Testing your agent")]
    assert ".venv/bin/hf-inference-tools" in cli_section
    assert "source .venv/bin/activate" in cli_section
    makefile = root.joinpath("Makefile").read_text()
    demo_recipe = makefile[makefile.index("\ndemo:") :].split("\n\n")[0]
    assert "$(BIN)/hf-inference-tools demo" in demo_recipe
    assert "source $(BIN)/activate" in demo_recipe


def test_run__provider_flag_names_a_retired_provider(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(
        capsys, "run", "text_to_image", "--inputs", "a fox", "--offline", "--provider", "nebius"
    )
    assert status != 0
    assert_one_error_line(err, "nebius", "retired")
