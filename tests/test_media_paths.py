"""Relative media paths as people write them: from the media folder or from the working
directory, and only ever inside `media_root`."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from hf_inference_tools import HfInference, ImageClassificationTool
from hf_inference_tools._media import MediaPolicy, aload_media, load_media
from hf_inference_tools.errors import MediaError
from hf_inference_tools.testing import HfInferenceMock, png_bytes

PNG = png_bytes(4, 3, (200, 30, 30))
OTHER_PNG = png_bytes(5, 5, (0, 0, 0))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding `media/` (cat.png, sub/dog.png) and, outside it, secret.png."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "media" / "sub").mkdir(parents=True)
    (tmp_path / "media" / "cat.png").write_bytes(PNG)
    (tmp_path / "media" / "sub" / "dog.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(OTHER_PNG)
    return tmp_path


def _refusal(value: str, policy: MediaPolicy) -> str:
    with pytest.raises(MediaError) as error:
        load_media(value, "image", policy)
    return str(error.value)


@pytest.mark.parametrize("root", ["./media", "media"])
@pytest.mark.parametrize("value", ["media/cat.png", "./media/cat.png", "media/sub/dog.png"])
def test_a_path_from_the_working_directory_is_read(project: Path, root: str, value: str) -> None:
    policy = MediaPolicy(media_root=Path(root))
    assert load_media(value, "image", policy).data == PNG
    assert asyncio.run(aload_media(value, "image", policy)).data == PNG


@pytest.mark.parametrize("value", ["cat.png", "sub/dog.png", "./cat.png"])
def test_a_path_from_the_media_folder_is_still_read(project: Path, value: str) -> None:
    policy = MediaPolicy(media_root=project / "media")
    assert load_media(value, "image", policy).data == PNG


def test_the_media_folder_wins_when_both_name_a_file(project: Path) -> None:
    (project / "media" / "media").mkdir()
    (project / "media" / "media" / "cat.png").write_bytes(OTHER_PNG)
    policy = MediaPolicy(media_root=Path("media"))
    assert load_media("media/cat.png", "image", policy).data == OTHER_PNG


@pytest.mark.parametrize("value", ["../secret.png", "media/../../secret.png", "/etc/passwd"])
def test_a_path_outside_is_refused(project: Path, value: str) -> None:
    message = _refusal(value, MediaPolicy(media_root=Path("media")))
    assert "outside media_root" in message


def test_a_file_of_the_working_directory_outside_the_root_is_not_read(project: Path) -> None:
    policy = MediaPolicy(media_root=Path("media"))
    for value in ("secret.png", "media/../secret.png"):
        message = _refusal(value, policy)
        assert "outside media_root" in message or "No file" in message
    # The same refusal whether or not the outside file exists: nothing to probe the disk with.
    before = [_refusal(v, policy) for v in ("secret.png", "media/../secret.png", "../secret.png")]
    (project / "secret.png").unlink()
    after = [_refusal(v, policy) for v in ("secret.png", "media/../secret.png", "../secret.png")]
    assert before == after


def test_a_symlink_out_of_the_root_is_refused_from_either_base(project: Path) -> None:
    (project / "media" / "door.png").symlink_to(project / "secret.png")
    (project / "shortcut").symlink_to(project)  # the working directory's own link, outside
    policy = MediaPolicy(media_root=Path("media"))
    assert "outside media_root" in _refusal("door.png", policy)
    # From the working directory these lead outside; from the media folder they name no file.
    for value in ("media/door.png", "shortcut/secret.png"):
        assert f"No file {value!r} in media_root" in _refusal(value, policy)


def test_a_symlink_from_the_working_directory_into_the_root_is_read(project: Path) -> None:
    (project / "pictures").symlink_to(project / "media")
    policy = MediaPolicy(media_root=Path("media"))
    assert load_media("pictures/cat.png", "image", policy).data == PNG


def test_a_missing_file_says_so(project: Path) -> None:
    message = _refusal("media/nope.png", MediaPolicy(media_root=Path("media")))
    assert "No file 'media/nope.png' in media_root" in message


def test_the_readme_prompt_works_through_a_tool(project: Path) -> None:
    # README: media_root="./media", "What is in media/cat.png?".
    with HfInferenceMock() as mock:
        tool = ImageClassificationTool(client=HfInference(), media_root=Path("./media"))
        message = tool.invoke(
            {
                "type": "tool_call",
                "id": "1",
                "name": "image_classification",
                "args": {"data": "media/cat.png"},
            }
        )
    assert message.status == "success", message.content
    assert isinstance(json.loads(message.content), list)
    assert mock.calls_for("image_classification")[0].request.content == PNG
