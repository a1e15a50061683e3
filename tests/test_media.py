"""The media policy (SPEC section 4), attacked the way a prompt-injected agent would.

No test touches real DNS or the network: `socket.getaddrinfo` answers from the table in
`tests/fake_net.py`, and respx serves every URL, at the checked IP (`https://93.184.216.34/...`).
"""

from __future__ import annotations

import base64
import gzip
import io
import os
import re
import sys
import tracemalloc
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import respx

from hf_inference_tools._http.fetch import afetch_url, fetch_url
from hf_inference_tools._media import (
    Media,
    MediaKind,
    MediaPolicy,
    aload_media,
    describe_media,
    load_media,
    media_from_bytes,
    read_binary_input,
    save_media,
    sniff_mime,
)
from hf_inference_tools.errors import MediaError
from tests.fake_net import PUBLIC_IP, PUBLIC_IPV6, ChunkStream, fake_dns
from tests.media_samples import flac_bytes, float_wav_bytes, png_bytes, wav_bytes

PNG = png_bytes(3, 2)
WAV = wav_bytes(0.5, 8000)
SECRET = "TOP-SECRET-CONTENTS"
GZIP_BOMB = gzip.compress(b"\0" * 20_000_000)

Loader = Callable[[str, MediaKind, MediaPolicy], Awaitable[Media]]
Fetcher = Callable[..., Awaitable[bytes]]


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No real DNS: names resolve from `fake_net.DNS`; the names asked are logged."""
    return fake_dns(monkeypatch)


@pytest.fixture
def web() -> Iterator[respx.MockRouter]:
    """Every HTTP request is served by respx; an unrouted one fails the test."""
    with respx.mock(assert_all_called=False) as router:
        yield router


@pytest.fixture(params=["sync", "async"])
def load(request: pytest.FixtureRequest) -> Loader:
    """`load_media` or `aload_media`, behind one awaitable signature."""

    async def run(value: str, kind: MediaKind, policy: MediaPolicy) -> Media:
        if request.param == "sync":
            return load_media(value, kind, policy)
        return await aload_media(value, kind, policy)

    return run


@pytest.fixture(params=["sync", "async"])
def fetch(request: pytest.FixtureRequest) -> Fetcher:
    """`fetch_url` or `afetch_url`, behind one awaitable signature."""

    async def run(url: str, **kwargs: Any) -> bytes:
        if request.param == "sync":
            return fetch_url(url, **kwargs)
        return await afetch_url(url, **kwargs)

    return run


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    (folder / "sub").mkdir(parents=True)
    (folder / "cat.png").write_bytes(PNG)
    (folder / "sub" / "dog.png").write_bytes(PNG)
    (folder / "voice.wav").write_bytes(WAV)
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A real PNG next to (not inside) the media root."""
    path = tmp_path / "secret.png"
    path.write_bytes(PNG)
    return path


def data_uri(data: bytes, mime_type: str = "image/png") -> str:
    return f"data:{mime_type};base64,{base64.b64encode(data).decode('ascii')}"


def assert_message(error: pytest.ExceptionInfo[MediaError], *needles: str) -> None:
    """Full sentences that name what the test expects, and no file contents."""
    message = str(error.value)
    assert message.endswith("."), message
    assert SECRET not in message
    for needle in needles:
        assert needle in message, message


# --- local paths ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["cat.png", "sub/dog.png", "./sub/../cat.png", " cat.png\n"])
def test_path__png_inside_root_is_accepted(root: Path, value: str) -> None:
    media = load_media(value, "image", MediaPolicy(media_root=root))
    assert media.data == PNG
    assert media.mime_type == "image/png"
    assert media.source.startswith("file '")


def test_path__absolute_path_inside_root_is_accepted(root: Path) -> None:
    media = load_media(str(root / "cat.png"), "image", MediaPolicy(media_root=root))
    assert media.source == "file 'cat.png'"


def test_path__symlink_that_stays_inside_root_is_accepted(root: Path) -> None:
    (root / "alias.png").symlink_to(root / "sub" / "dog.png")
    media = load_media("alias.png", "image", MediaPolicy(media_root=root))
    assert media.data == PNG


async def test_path__async_reads_the_same_file(root: Path) -> None:
    media = await aload_media("cat.png", "image", MediaPolicy(media_root=root))
    assert media.mime_type == "image/png"


@pytest.mark.parametrize("value", ["cat.png", "/etc/passwd", "C:\\images\\cat.png"])
def test_path__refused_when_media_root_is_not_set(value: str) -> None:
    with pytest.raises(MediaError) as error:
        load_media(value, "image", MediaPolicy())
    assert_message(error, "media_root is not set", "Set media_root")


@pytest.mark.parametrize(
    "value", ["../secret.png", "sub/../../secret.png", "sub/../../../etc/passwd"]
)
def test_path__traversal_is_refused(root: Path, outside: Path, value: str) -> None:
    with pytest.raises(MediaError) as error:
        load_media(value, "image", MediaPolicy(media_root=root))
    assert_message(error, "outside media_root")


def test_path__absolute_path_outside_root_is_refused(root: Path, outside: Path) -> None:
    with pytest.raises(MediaError) as error:
        load_media(str(outside), "image", MediaPolicy(media_root=root))
    assert_message(error, "outside media_root")


def test_path__symlink_escaping_root_is_refused(root: Path, outside: Path) -> None:
    (root / "innocent.png").symlink_to(outside)
    (root / "door").symlink_to(outside.parent)
    for value in ("innocent.png", "door/secret.png"):
        with pytest.raises(MediaError) as error:
            load_media(value, "image", MediaPolicy(media_root=root))
        assert_message(error, "outside media_root")


def test_path__outside_root_is_refused_the_same_whether_or_not_it_exists(root: Path) -> None:
    # Otherwise the agent could probe which files exist elsewhere on the host.
    with pytest.raises(MediaError) as error:
        load_media("../no-such-file.png", "image", MediaPolicy(media_root=root))
    assert_message(error, "outside media_root")


def test_path__missing_file_inside_root_is_not_found(root: Path) -> None:
    with pytest.raises(MediaError) as error:
        load_media("nope.png", "image", MediaPolicy(media_root=root))
    assert_message(error, "No file 'nope.png' in media_root")


def test_path__directory_is_refused(root: Path) -> None:
    with pytest.raises(MediaError) as error:
        load_media("sub", "image", MediaPolicy(media_root=root))
    assert_message(error, "not a regular file")


def test_path__text_file_named_png_is_refused(root: Path) -> None:
    (root / "notes.png").write_text(f"password = {SECRET}\n")
    with pytest.raises(MediaError) as error:
        load_media("notes.png", "image", MediaPolicy(media_root=root))
    assert_message(error, "file 'notes.png'", "not a recognised media type", "must be an image")


def test_path__wav_is_audio_not_image(root: Path) -> None:
    policy = MediaPolicy(media_root=root)
    assert load_media("voice.wav", "audio", policy).mime_type == "audio/wav"
    with pytest.raises(MediaError) as error:
        load_media("voice.wav", "image", policy)
    assert_message(error, "looks like audio/wav", "must be an image")


def test_path__oversized_file_is_refused_before_it_is_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (root / "huge.png").open("wb") as file:
        file.write(PNG)
        file.truncate(1001)  # sparse: the size is on record, the bytes were never written

    def no_reading(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(os, "fdopen", no_reading)
    with pytest.raises(MediaError) as error:
        load_media("huge.png", "image", MediaPolicy(media_root=root, max_media_bytes=1000))
    assert_message(error, "1001 bytes", "max_media_bytes (1000 bytes)", "Raise max_media_bytes")


def test_path__file_at_the_cap_is_accepted(root: Path) -> None:
    media = load_media("cat.png", "image", MediaPolicy(media_root=root, max_media_bytes=len(PNG)))
    assert media.data == PNG


def test_path__missing_media_root_is_reported(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as error:
        load_media("cat.png", "image", MediaPolicy(media_root=tmp_path / "gone"))
    assert_message(error, "media_root does not exist")


# --- data: URIs -----------------------------------------------------------------------------


def test_data_uri__sniffed_type_wins_over_declared_type() -> None:
    media = load_media(data_uri(PNG, "image/gif"), "image", MediaPolicy())
    assert media == Media(PNG, "image/png", "data: URI")


def test_data_uri__whitespace_in_payload_is_tolerated() -> None:
    encoded = base64.b64encode(PNG).decode("ascii")
    wrapped = "\n".join(encoded[i : i + 20] for i in range(0, len(encoded), 20))
    assert load_media(f"data:image/png;base64,{wrapped}", "image", MediaPolicy()).data == PNG


def test_data_uri__oversized_is_refused_before_decoding() -> None:
    # "!" is not base64: a decoder that ran first would fail with a different message.
    with pytest.raises(MediaError) as error:
        load_media(
            "data:image/png;base64," + "!" * 4000, "image", MediaPolicy(max_media_bytes=1000)
        )
    assert_message(error, "data: URI", "max_media_bytes (1000 bytes)")


def test_data_uri__exactly_at_the_cap_is_accepted() -> None:
    media = load_media(data_uri(PNG), "image", MediaPolicy(max_media_bytes=len(PNG)))
    assert media.data == PNG


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("data:image/png;base64,iVBORw0K!!!", "not valid base64"),
        ("data:image/png;base64,iVBORw0K\u00e9", "not valid base64"),
        ("data:image/png,%89PNG", "not base64-encoded"),
        ("data:image/png;base64", "not base64-encoded"),
    ],
)
def test_data_uri__malformed_is_refused(value: str, needle: str) -> None:
    with pytest.raises(MediaError) as error:
        load_media(value, "image", MediaPolicy())
    assert_message(error, needle)


def test_data_uri__content_must_match_the_kind() -> None:
    with pytest.raises(MediaError) as error:
        load_media(data_uri(SECRET.encode()), "image", MediaPolicy())
    assert_message(error, "data: URI", "not a recognised media type")


# --- other schemes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("FILE:///etc/passwd", "file"),
        ("ftp://example.com/cat.png", "ftp"),
        ("gopher://example.com/", "gopher"),
        ("javascript:alert(1)", "javascript"),
        ("s3://bucket/cat.png", "s3"),
    ],
)
def test_scheme__other_schemes_are_refused(
    web: respx.MockRouter, root: Path, value: str, scheme: str
) -> None:
    with pytest.raises(MediaError) as error:
        load_media(value, "image", MediaPolicy(media_root=root, allow_private_urls=True))
    assert_message(error, f"the {scheme}: scheme is not allowed")
    assert web.calls.call_count == 0


# --- URLs -----------------------------------------------------------------------------------


async def test_url__public_image_is_fetched_from_the_checked_ip(
    web: respx.MockRouter, load: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_must_never_leave")
    route = web.get(f"https://{PUBLIC_IP}/cat.png?size=big").respond(200, content=PNG)

    media = await load("https://example.com/cat.png?size=big", "image", MediaPolicy())

    assert media == Media(PNG, "image/png", "URL https://example.com/cat.png")
    request = route.calls.last.request
    assert request.headers["host"] == "example.com"
    assert request.extensions["sni_hostname"] == "example.com"
    assert request.headers["user-agent"].startswith("hf-inference-tools/")
    assert "authorization" not in request.headers
    assert "cookie" not in request.headers
    assert "hf_must_never_leave" not in str(request.headers)


async def test_url__http_with_port_keeps_the_port_in_host(
    web: respx.MockRouter, load: Loader
) -> None:
    route = web.get(f"http://{PUBLIC_IP}:8080/a.png").respond(200, content=PNG)
    await load("http://example.com:8080/a.png", "image", MediaPolicy())
    request = route.calls.last.request
    assert request.headers["host"] == "example.com:8080"
    assert "sni_hostname" not in request.extensions


async def test_url__ipv6_answer_is_connected_to_in_brackets(
    web: respx.MockRouter, load: Loader
) -> None:
    route = web.get(f"https://[{PUBLIC_IPV6}]/a.png").respond(200, content=PNG)
    await load("https://v6.example.com/a.png", "image", MediaPolicy())
    assert route.calls.last.request.headers["host"] == "v6.example.com"


@pytest.mark.parametrize(
    ("url", "category"),
    [
        ("http://127.0.0.1/cat.png", "127.0.0.1, a loopback"),
        ("http://localhost:8000/cat.png", "127.0.0.1, a loopback"),
        ("http://[::1]/cat.png", "::1, a loopback"),
        ("http://[::ffff:127.0.0.1]/cat.png", "127.0.0.1, a loopback"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local"),
        ("http://metadata.internal/computeMetadata/v1/", "169.254.169.254, a link-local"),
        ("http://10.0.0.1/cat.png", "10.0.0.1, a private"),
        ("http://[fd00::1]/cat.png", "a private"),
        ("http://rebind.example.com/cat.png", "10.0.0.1, a private"),
        ("http://0.0.0.0/cat.png", "an unspecified"),
        ("http://224.0.0.1/cat.png", "a multicast"),
        ("http://100.64.0.1/cat.png", "a non-public"),
    ],
)
async def test_url__non_public_address_is_refused_before_any_request(
    web: respx.MockRouter, load: Loader, url: str, category: str
) -> None:
    with pytest.raises(MediaError) as error:
        await load(url, "image", MediaPolicy())
    assert_message(error, category, "Set allow_private_urls=True")
    assert web.calls.call_count == 0


async def test_url__literal_ip_is_checked_without_dns(
    web: respx.MockRouter, load: Loader, dns: list[str]
) -> None:
    with pytest.raises(MediaError):
        await load("http://10.0.0.1/cat.png", "image", MediaPolicy())
    assert dns == []


async def test_url__redirect_to_private_address_is_refused_at_the_second_hop(
    web: respx.MockRouter, load: Loader
) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").respond(
        302, headers={"location": "http://127.0.0.1:6379/admin"}
    )
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "127.0.0.1, a loopback", "allow_private_urls")
    assert web.calls.call_count == 1


async def test_url__redirect_to_a_name_that_resolves_private_is_refused(
    web: respx.MockRouter, load: Loader
) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").respond(
        301, headers={"location": "http://metadata.internal/"}
    )
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "169.254.169.254")
    assert web.calls.call_count == 1


async def test_url__redirect_to_file_scheme_is_refused(web: respx.MockRouter, load: Loader) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").respond(302, headers={"location": "file:///etc/passwd"})
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "a redirect to file:///etc/passwd", "only http and https")
    assert web.calls.call_count == 1


async def test_url__relative_redirect_is_followed_with_cookies_dropped(
    web: respx.MockRouter, load: Loader
) -> None:
    web.get(f"https://{PUBLIC_IP}/old.png").respond(
        307, headers={"location": "/new.png", "set-cookie": "session=abc; Path=/"}
    )
    final = web.get(f"https://{PUBLIC_IP}/new.png").respond(200, content=PNG)

    media = await load("https://example.com/old.png", "image", MediaPolicy())

    assert media.data == PNG
    request = final.calls.last.request
    assert request.headers["host"] == "example.com"
    assert "cookie" not in request.headers


async def test_url__too_many_redirects_are_refused(web: respx.MockRouter, load: Loader) -> None:
    web.get(f"https://{PUBLIC_IP}/loop.png").respond(302, headers={"location": "/loop.png"})
    with pytest.raises(MediaError) as error:
        await load("https://example.com/loop.png", "image", MediaPolicy())
    assert_message(error, "more than 5 times")
    assert web.calls.call_count == 6


async def test_url__refused_when_allow_urls_is_false(web: respx.MockRouter, load: Loader) -> None:
    with pytest.raises(MediaError) as error:
        await load(
            "https://example.com/cat.png?token=SIGNED", "image", MediaPolicy(allow_urls=False)
        )
    assert_message(error, "allow_urls is False", "Set allow_urls=True")
    assert "SIGNED" not in str(error.value)  # query strings may carry signed-URL secrets
    assert web.calls.call_count == 0


async def test_url__allow_private_urls_accepts_loopback(
    web: respx.MockRouter, load: Loader
) -> None:
    route = web.get("http://127.0.0.1:8000/cat.png").respond(200, content=PNG)
    media = await load(
        "http://localhost:8000/cat.png", "image", MediaPolicy(allow_private_urls=True)
    )
    assert media.mime_type == "image/png"
    assert route.calls.last.request.headers["host"] == "localhost:8000"


async def test_url__oversized_content_length_is_refused_before_reading(
    web: respx.MockRouter, load: Loader
) -> None:
    body = ChunkStream(b"x" * 100, 10)
    web.get(f"https://{PUBLIC_IP}/big.png").respond(
        200, headers={"content-length": "1000000"}, stream=body
    )
    with pytest.raises(MediaError) as error:
        await load("https://example.com/big.png", "image", MediaPolicy(max_media_bytes=1000))
    assert_message(error, "1000000 bytes", "max_media_bytes (1000 bytes)")
    assert body.pulled == 0


async def test_url__oversized_streamed_body_is_cut_off(web: respx.MockRouter, load: Loader) -> None:
    body = ChunkStream(b"x" * 100, 1000)  # no Content-Length: chunked, 100 kB in all
    web.get(f"https://{PUBLIC_IP}/big.png").respond(200, stream=body)
    with pytest.raises(MediaError) as error:
        await load("https://example.com/big.png", "image", MediaPolicy(max_media_bytes=1000))
    assert_message(error, "over max_media_bytes (1000 bytes)")
    assert body.pulled <= 11


@pytest.mark.parametrize("encoding", ["gzip", "br", "zstd", "deflate, gzip"])
async def test_url__compressed_body_is_refused_before_it_is_decoded(
    web: respx.MockRouter, load: Loader, encoding: str
) -> None:
    # Sent although identity was asked for: 20 kB of gzip decode to 20 MB in one chunk.
    body = ChunkStream(GZIP_BOMB, 1)
    web.get(f"https://{PUBLIC_IP}/bomb.png").respond(
        200, headers={"content-encoding": encoding}, stream=body
    )
    with pytest.raises(MediaError) as error:
        await load("https://example.com/bomb.png", "image", MediaPolicy(max_media_bytes=1000))
    assert_message(error, f"compressed ({encoding})", "Pass the media another way")
    assert body.pulled == 0


async def test_url__identity_encoding_is_accepted(web: respx.MockRouter, load: Loader) -> None:
    web.get(f"https://{PUBLIC_IP}/a.png").respond(
        200, headers={"content-encoding": "identity"}, content=PNG
    )
    assert (await load("https://example.com/a.png", "image", MediaPolicy())).data == PNG


async def test_url__error_status_is_named(web: respx.MockRouter, load: Loader) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").respond(404)
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "404 Not Found")


@pytest.mark.parametrize(
    ("failure", "needle"),
    [
        (httpx.ConnectError("connection refused"), "ConnectError"),
        (httpx.ReadTimeout("too slow"), "longer than 30 seconds"),
    ],
)
async def test_url__network_failures_become_media_errors(
    web: respx.MockRouter, load: Loader, failure: Exception, needle: str
) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").mock(side_effect=failure)
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, needle)


async def test_url__unknown_host_is_reported(web: respx.MockRouter, load: Loader) -> None:
    with pytest.raises(MediaError) as error:
        await load("https://nowhere.invalid/cat.png", "image", MediaPolicy())
    assert_message(error, "nowhere.invalid did not resolve")
    assert web.calls.call_count == 0


async def test_url__credentials_in_url_are_refused(web: respx.MockRouter, load: Loader) -> None:
    with pytest.raises(MediaError) as error:
        await load("https://user:pass@example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "user name or password")
    assert "pass@" not in str(error.value)
    assert web.calls.call_count == 0


async def test_url__body_must_sniff_as_the_kind(web: respx.MockRouter, load: Loader) -> None:
    web.get(f"https://{PUBLIC_IP}/cat.png").respond(200, html=f"<html>{SECRET}</html>")
    with pytest.raises(MediaError) as error:
        await load("https://example.com/cat.png", "image", MediaPolicy())
    assert_message(error, "URL https://example.com/cat.png", "must be an image")


async def test_fetch__custom_resolver_is_asked_for_host_and_port(
    web: respx.MockRouter, fetch: Fetcher
) -> None:
    asked: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["203.0.113.7" if host == "internal.example" else PUBLIC_IP]

    web.get(f"https://{PUBLIC_IP}/a.png").respond(200, content=PNG)
    policy = MediaPolicy()
    assert await fetch("https://pics.example/a.png", kind="image", policy=policy, resolver=resolver)
    assert asked == [("pics.example", 443)]
    with pytest.raises(MediaError, match=r"203\.0\.113\.7, a private"):  # TEST-NET-3
        await fetch("http://internal.example/", kind="image", policy=policy, resolver=resolver)


# --- bytes and developer inputs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind", "mime_type"),
    [
        (PNG, "image", "image/png"),
        (WAV, "audio", "audio/wav"),
        (flac_bytes(1, 16000), "audio", "audio/flac"),
        (b"OggS\x00\x02" + b"\x00" * 40, "audio", "audio/ogg"),
        (
            b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 20,
            "audio",
            "audio/mp4",
        ),
        (
            bytes.fromhex("1a45dfa3 9f 4286 81 01 42f7 81 01 42f2 81 04 42f3 81 08 4282 84")
            + b"webm"
            + b"\x00" * 20,
            "audio",
            "audio/webm",
        ),
        (
            b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 20,
            "audio",
            "audio/mp4",
        ),
    ],
)
def test_bytes__sniffed_and_normalised(data: bytes, kind: MediaKind, mime_type: str) -> None:
    assert media_from_bytes(data, kind).mime_type == mime_type


def test_bytes__unknown_without_kind_is_octet_stream() -> None:
    assert sniff_mime(b"just some text") is None
    assert sniff_mime(b"") is None
    assert media_from_bytes(b"just some text", None).mime_type == "application/octet-stream"
    assert media_from_bytes(PNG, None) == Media(PNG, "image/png", "bytes")


def test_bytes__svg_is_not_accepted_as_an_image() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(MediaError, match="looks like image/svg"):
        media_from_bytes(svg, "image")


def test_bytes__cap_applies() -> None:
    with pytest.raises(MediaError, match="max_media_bytes"):
        media_from_bytes(PNG, "image", max_bytes=10)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_binary_input__bytes_like(wrap: Callable[[bytes], Any]) -> None:
    assert read_binary_input(wrap(PNG), "image", max_bytes=1000).data == PNG


def test_binary_input__path_anywhere_is_trusted(outside: Path) -> None:
    media = read_binary_input(outside, "image", max_bytes=1000)
    assert media == Media(PNG, "image/png", "file 'secret.png'")


def test_binary_input__a_large_file_is_held_once(tmp_path: Path) -> None:
    # Uploads of long recordings: the bytes read are the bytes sent, never joined from a copy.
    path = tmp_path / "large.png"
    path.write_bytes(PNG + bytes(8 * 2**20))
    tracemalloc.start()
    try:
        media = read_binary_input(path, "image", max_bytes=sys.maxsize)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(media.data) == path.stat().st_size
    assert peak < 1.25 * len(media.data)


def test_binary_input__file_grown_since_fstat_is_read_to_its_end_and_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = PNG + bytes(3 * 2**20)  # more than one read slice past the size fstat reports
    path = tmp_path / "growing.png"
    path.write_bytes(data)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> Any:
        info = real_fstat(fd)
        return SimpleNamespace(st_mode=info.st_mode, st_size=len(PNG))

    monkeypatch.setattr(os, "fstat", stale_fstat)
    assert read_binary_input(path, "image", max_bytes=sys.maxsize).data == data
    with pytest.raises(MediaError, match="max_media_bytes"):
        read_binary_input(path, "image", max_bytes=2**20)


def test_binary_input__oversized_path_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.wav"
    with path.open("wb") as file:
        file.truncate(2**40)  # a sparse terabyte

    def no_reading(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(os, "fdopen", no_reading)
    with pytest.raises(MediaError, match="max_media_bytes"):
        read_binary_input(path, "audio", max_bytes=1000)


def test_binary_input__file_object(outside: Path) -> None:
    with outside.open("rb") as file:
        assert read_binary_input(file, "image", max_bytes=1000).source == "file object"
    with outside.open("rb") as file, pytest.raises(MediaError, match="max_media_bytes"):
        read_binary_input(file, "image", max_bytes=10)


def test_binary_input__no_cap_reads_paths_and_file_objects(outside: Path) -> None:
    # The client passes sys.maxsize (developer code is trusted); read(cap + 1) overflowed.
    assert read_binary_input(outside, "image", max_bytes=sys.maxsize).data == PNG
    assert read_binary_input(io.BytesIO(PNG), "image", max_bytes=sys.maxsize).data == PNG


def test_binary_input__reading_allocates_about_the_file_not_the_cap(outside: Path) -> None:
    # read(n) allocates n bytes before reading; a 1 GiB cap must not cost 1 GiB per call.
    tracemalloc.start()
    try:
        read_binary_input(outside, "image", max_bytes=2**30)
        read_binary_input(io.BytesIO(PNG), "image", max_bytes=2**30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20


def test_binary_input__str_and_text_files_are_type_errors(outside: Path) -> None:
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        read_binary_input(str(outside), "image", max_bytes=1000)  # type: ignore[arg-type]
    with outside.open(encoding="latin-1") as file, pytest.raises(TypeError, match="'rb'"):
        read_binary_input(file, "image", max_bytes=1000)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got int"):
        read_binary_input(42, "image", max_bytes=1000)  # type: ignore[arg-type]


# --- saving ---------------------------------------------------------------------------------

_SAVED_NAME = re.compile(r"text-to-image-[0-9a-f]{12}\.png")


def test_save__nothing_without_output_dir() -> None:
    assert save_media(PNG, "image/png", MediaPolicy(), stem="x") is None


def test_save__unique_names_never_overwrite(tmp_path: Path) -> None:
    policy = MediaPolicy(output_dir=tmp_path / "out" / "deep")
    first = save_media(PNG, "image/png", policy, stem="text_to_image")
    second = save_media(b"other", "image/png", policy, stem="text_to_image")
    assert first is not None
    assert second is not None
    assert first.path != second.path
    assert _SAVED_NAME.fullmatch(first.path.name.replace("_", "-"))
    assert first.path.read_bytes() == PNG
    assert second.path.read_bytes() == b"other"
    assert sorted(p.name for p in first.path.parent.iterdir()) == sorted(
        [first.path.name, second.path.name]
    )  # no temporary file left behind
    assert first.path.is_absolute()
    assert first.display_path == str(first.path)  # no media_root: the absolute path


def test_save__a_taken_name_is_skipped_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = [uuid.UUID(int=n << 100) for n in (1, 2, 3)]  # temporary name, then two names
    monkeypatch.setattr(uuid, "uuid4", iter(drawn).__next__)
    taken = tmp_path / f"img-{drawn[1].hex[:12]}.png"
    taken.write_bytes(b"keep me")

    saved = save_media(PNG, "image/png", MediaPolicy(output_dir=tmp_path), stem="img")

    assert saved is not None
    assert taken.read_bytes() == b"keep me"
    assert saved.path.name == f"img-{drawn[2].hex[:12]}.png"
    assert saved.path.read_bytes() == PNG


def test_save__works_where_hard_links_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: Any, **kwargs: Any) -> None:
        raise PermissionError("hard links are not supported here")

    monkeypatch.setattr(os, "link", no_links)
    saved = save_media(PNG, "image/png", MediaPolicy(output_dir=tmp_path), stem="img")
    assert saved is not None
    assert saved.path.read_bytes() == PNG
    assert [p.name for p in tmp_path.iterdir()] == [saved.path.name]


@pytest.mark.parametrize(
    ("stem", "mime_type", "name"),
    [
        ("../../etc/passwd", "image/png", r"etc-passwd-[0-9a-f]{12}\.png"),
        ("Text To Image!", "image/jpeg", r"text-to-image-[0-9a-f]{12}\.jpg"),
        ("tts", "audio/x-wav", r"tts-[0-9a-f]{12}\.wav"),
        ("tts", "audio/flac; rate=16000", r"tts-[0-9a-f]{12}\.flac"),
        ("...", "application/x-unknown", r"media-[0-9a-f]{12}\.bin"),
    ],
)
def test_save__stem_is_sanitised_and_extension_follows_mime(
    tmp_path: Path, stem: str, mime_type: str, name: str
) -> None:
    saved = save_media(b"data", mime_type, MediaPolicy(output_dir=tmp_path), stem=stem)
    assert saved is not None
    assert saved.path.parent == tmp_path.resolve()
    assert re.fullmatch(name, saved.path.name)


def test_save__output_inside_media_root_can_be_the_next_input(root: Path) -> None:
    policy = MediaPolicy(media_root=root, output_dir=root / "generated")
    saved = save_media(PNG, "image/png", policy, stem="text_to_image")
    assert saved is not None
    assert saved.display_path == f"generated/{saved.path.name}"
    assert load_media(saved.display_path, "image", policy).data == PNG


def test_save__unwritable_output_dir_is_a_media_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(MediaError) as error:
        save_media(PNG, "image/png", MediaPolicy(output_dir=blocker), stem="x")
    assert_message(error, "output_dir")


# --- describing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "mime_type", "expected"),
    [
        (png_bytes(7, 5), "image/png", {"width": 7, "height": 5}),
        (wav_bytes(0.5, 8000), "audio/wav", {"duration_s": 0.5}),
        (float_wav_bytes(1.25, 8000), "audio/wav", {"duration_s": 1.25}),
        (flac_bytes(2.5, 16000), "audio/flac", {"duration_s": 2.5}),
        (b"\xff\xfb\x90\x00" + b"\x00" * 40, "audio/mpeg", {}),
        (b"not an image", "image/png", {}),
    ],
)
def test_describe__size_and_what_is_cheaply_known(
    data: bytes, mime_type: str, expected: dict[str, Any]
) -> None:
    assert (
        describe_media(data, mime_type) == {"mime_type": mime_type, "bytes": len(data)} | expected
    )
