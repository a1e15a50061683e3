"""Media in and out: the policy for agent-named media (SPEC section 4), sniffing and saving.

An agent's `data` string may come from a prompt injection, so `load_media` treats it as untrusted:
local paths only inside `media_root` (off when unset), URLs only through the SSRF-guarded fetcher
in `_http.fetch`, `data:` URIs decoded only when small enough, other schemes refused. Developer
code is trusted with locations: `read_binary_input` takes bytes, a `Path` or a binary file object.
Either way the bytes are capped at `max_media_bytes` before they are read whole, and must sniff
(by content, never by name or declared type) as the kind of media the task expects.
"""

from __future__ import annotations

import base64
import io
import os
import re
import stat
import struct
import uuid
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple

from .errors import MediaError

__all__ = [
    "Media",
    "MediaKind",
    "MediaPolicy",
    "SavedMedia",
    "aload_media",
    "describe_media",
    "load_media",
    "media_from_bytes",
    "read_binary_input",
    "save_media",
    "sniff_mime",
]

MediaKind = Literal["image", "audio", "video"]


class Media(NamedTuple):
    """Bytes with the MIME type sniffed from them, and where they came from (for messages)."""

    data: bytes
    mime_type: str
    source: str


class MediaPolicy(NamedTuple):
    """What an agent may name as media, and where generated media is written.

    Args:
        media_root: Local files are allowed only inside this folder (a relative path is taken
            from it, or else from the working directory: `media/cat.png` names `./media`'s
            cat.png); `None` refuses every local path.
        output_dir: Generated media is written here; `None` writes nothing.
        allow_urls: Fetch `http(s)://` URLs at all.
        allow_private_urls: Also fetch URLs whose host is loopback, private, link-local, etc.
        max_media_bytes: Largest input accepted, checked before it is read whole.
        fetch_timeout: Seconds for a whole URL fetch, redirects included.
    """

    media_root: Path | None = None
    output_dir: Path | None = None
    allow_urls: bool = True
    allow_private_urls: bool = False
    max_media_bytes: int = 25 * 2**20
    fetch_timeout: float = 30.0


class SavedMedia(NamedTuple):
    """A file written by `save_media`."""

    path: Path
    display_path: str
    """Relative to `media_root` when inside it (so it can be the next `data`), else absolute."""


# puremagic reports some formats under older or vendor names; messages and Content-Type use these.
_ALIASES = {
    "audio/wave": "audio/wav",
    "audio/x-wav": "audio/wav",
    "audio/vnd.wave": "audio/wav",
    "audio/x-flac": "audio/flac",
    "audio/mp3": "audio/mpeg",
    "audio/x-m4a": "audio/mp4",
    "application/ogg": "audio/ogg",
    "image/x-ms-bmp": "image/bmp",
    "image/jpg": "image/jpeg",
}
# ... and some only by extension, with an empty MIME type.
_BY_EXTENSION = {
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
}
# Containers sniffed as video also carry plain audio (browser recordings are webm).
_AUDIO_CONTAINERS = {"video/webm": "audio/webm", "video/mp4": "audio/mp4", "video/ogg": "audio/ogg"}
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "audio/wav": "wav",
    "audio/flac": "flac",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "audio/webm": "webm",
    "audio/mp4": "m4a",
    "video/mp4": "mp4",
    "video/webm": "webm",
}
_EXPECTED = {
    "image": "an image (PNG, JPEG, WebP, GIF, BMP or TIFF)",
    "audio": "audio (WAV, FLAC, MP3, OGG, WebM or M4A)",
    "video": "a video (MP4 or WebM)",
}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SHOWN_LIMIT = 100


def sniff_mime(data: bytes) -> str | None:
    """The MIME type of `data` judged by its content alone, or `None` when unknown."""
    if not data:
        return None
    # Imported on first use: loading its signature database would add ~10 ms to every import.
    import puremagic

    try:
        matches = puremagic.magic_string(data)
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:
        mime = match.mime_type or _BY_EXTENSION.get(match.extension, "")
        if mime:
            return str(_ALIASES.get(mime, mime))
    return None


def media_from_bytes(
    data: bytes,
    kind: MediaKind | None,
    *,
    source: str = "bytes",
    max_bytes: int | None = None,
) -> Media:
    """Sniff `data`; with a `kind`, refuse (`MediaError`) bytes that are not that kind of media.

    Without a kind, unknown content is typed `application/octet-stream`.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(source, len(data), max_bytes)
    mime = sniff_mime(data)
    if kind is None:
        return Media(data, mime or "application/octet-stream", source)
    if kind == "audio" and mime is not None:
        mime = _AUDIO_CONTAINERS.get(mime, mime)
    # SVG is XML text, which image models do not take and which can carry scripts.
    if mime is None or not mime.startswith(f"{kind}/") or mime == "image/svg+xml":
        found = f"looks like {mime}" if mime else "is not a recognised media type"
        raise MediaError(
            f"Refused {source}: its content {found}, but this input must be {_EXPECTED[kind]}. "
            "The type is read from the bytes, not from a file name or a declared type."
        )
    return Media(data, mime, source)


def read_binary_input(
    data: bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    kind: MediaKind | None,
    *,
    max_bytes: int,
) -> Media:
    """Media passed by developer code: bytes, a `Path` (any location), or a binary file object.

    A `str` raises `TypeError`: a string could be a path, a URL or base64, and guessing would
    hand agent-made strings a way around the media policy.
    """
    if isinstance(data, str):
        raise TypeError(
            "A str is not accepted as media here: pass a pathlib.Path for a local file, bytes, "
            "or a binary file object. Strings from an agent go through the tools' media policy."
        )
    if isinstance(data, bytes | bytearray | memoryview):
        return media_from_bytes(bytes(data), kind, max_bytes=max_bytes)
    if isinstance(data, os.PathLike):
        path = Path(data)
        source = f"file {path.name!r}"
        return media_from_bytes(_read_file(path, source, max_bytes), kind, source=source)
    if callable(getattr(data, "read", None)):
        source = "file object"
        return media_from_bytes(_read_stream(data, source, max_bytes), kind, source=source)
    raise TypeError(
        "Expected bytes, a pathlib.Path or a binary file object as media, "
        f"got {type(data).__name__}."
    )


def load_media(value: str, kind: MediaKind, policy: MediaPolicy) -> Media:
    """Media named by an agent's string (path, URL or `data:` URI), checked against `policy`.

    Every refusal raises `MediaError` saying what was refused, why, and which setting changes it.
    """
    value = value.strip()
    if _scheme(value) in ("http", "https"):
        from ._http.fetch import fetch_url, shown_url  # on the first URL: most media are files

        _require_urls(value, policy)
        data = fetch_url(value, kind=kind, policy=policy)
        return media_from_bytes(data, kind, source=f"URL {shown_url(value)}")
    return _load_local(value, kind, policy)


async def aload_media(value: str, kind: MediaKind, policy: MediaPolicy) -> Media:
    """Async twin of `load_media`; URLs are fetched asynchronously, local reads are small."""
    value = value.strip()
    if _scheme(value) in ("http", "https"):
        from ._http.fetch import afetch_url, shown_url

        _require_urls(value, policy)
        data = await afetch_url(value, kind=kind, policy=policy)
        return media_from_bytes(data, kind, source=f"URL {shown_url(value)}")
    return _load_local(value, kind, policy)


def save_media(data: bytes, mime_type: str, policy: MediaPolicy, *, stem: str) -> SavedMedia | None:
    """Write generated media into `policy.output_dir` under a fresh name; `None` when unset.

    The name is `<stem>-<12 hex>.<ext>`. The bytes go to a temporary file first and are then
    linked into place, so no reader sees a partial file and no existing file is overwritten.
    """
    if policy.output_dir is None:
        return None
    base = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-")[:48] or "media"
    mime = mime_type.partition(";")[0].strip().lower()
    extension = _EXTENSIONS.get(_ALIASES.get(mime, mime), "bin")
    try:
        folder = policy.output_dir.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{uuid.uuid4().hex}.part"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o644)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            path = _publish(temporary, folder, base, extension)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise MediaError(
            f"Could not save the generated media in output_dir: {exc.strerror or exc}. "
            "Check that output_dir is a writable folder."
        ) from exc
    return SavedMedia(path, _display_path(path, policy))


def describe_media(data: bytes, mime_type: str) -> dict[str, Any]:
    """A short, JSON-ready summary: MIME type, size, and width/height or duration when known."""
    info: dict[str, Any] = {"mime_type": mime_type, "bytes": len(data)}
    if mime_type.startswith("image/"):
        import imagesize  # on first use: it brings in xml.etree for SVG

        try:
            width, height = imagesize.get(io.BytesIO(data))
        except (ValueError, struct.error):  # imagesize < 2 raises on malformed headers
            width = height = -1
        if width > 0 and height > 0:
            info["width"], info["height"] = width, height
    elif mime_type.startswith("audio/"):
        duration = _wav_duration(data)
        if duration is None:
            duration = _flac_duration(data)
        if duration is not None:
            info["duration_s"] = round(duration, 3)
    return info


_READ_CHUNK = 2**20
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate newlines
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in must not block the open


def _scheme(value: str) -> str | None:
    match = _SCHEME.match(value)
    # One letter is a Windows drive (C:\...), which is a path.
    if match is None or len(match[1]) == 1:
        return None
    return match[1].lower()


def _shorten(value: str) -> str:
    return value if len(value) <= _SHOWN_LIMIT else value[: _SHOWN_LIMIT - 3] + "..."


def _require_urls(value: str, policy: MediaPolicy) -> None:
    if not policy.allow_urls:
        from ._http.fetch import shown_url

        raise MediaError(
            f"Refused to fetch {shown_url(value)}: URLs are off because allow_urls is False. "
            "Set allow_urls=True, or pass a data: URI or a path inside media_root."
        )


def _load_local(value: str, kind: MediaKind, policy: MediaPolicy) -> Media:
    scheme = _scheme(value)
    if not value:
        raise MediaError(
            "Refused an empty media input. Pass a path inside media_root, an http(s) URL, "
            "or a data: URI."
        )
    if scheme == "data":
        data, source = _decode_data_uri(value, policy.max_media_bytes), "data: URI"
    elif scheme is not None:
        raise MediaError(
            f"Refused {_shorten(value)!r}: the {scheme}: scheme is not allowed. Pass an http(s) "
            "URL, a data: URI, or a path inside media_root."
        )
    else:
        data, source = _read_under_root(value, policy)
    return media_from_bytes(data, kind, source=source, max_bytes=policy.max_media_bytes)


def _decode_data_uri(value: str, max_bytes: int) -> bytes:
    header, comma, payload = value[len("data:") :].partition(",")
    if not comma or not header.lower().endswith(";base64"):
        raise MediaError(
            "Refused a data: URI that is not base64-encoded. Use the form "
            "data:<mime>;base64,<payload>."
        )
    payload = "".join(payload.split())  # line breaks and spaces are common in pasted base64
    size = len(payload) * 3 // 4 - (len(payload) - len(payload.rstrip("=")))
    if size > max_bytes:
        raise _too_large("data: URI", size, max_bytes)
    try:
        return base64.b64decode(payload, validate=True)
    except ValueError as exc:  # binascii.Error, or non-ASCII characters
        raise MediaError("Refused a data: URI whose payload is not valid base64.") from exc


def _read_under_root(value: str, policy: MediaPolicy) -> tuple[bytes, str]:
    shown = _shorten(value)
    if policy.media_root is None:
        raise MediaError(
            f"Refused to read the local file {shown!r}: local files are off because media_root "
            "is not set. Set media_root to a folder to allow files inside it."
        )
    try:
        root = policy.media_root.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise MediaError(
            f"Refused to read {shown!r}: the folder set as media_root does not exist."
        ) from exc
    path = _inside_root(value, root, shown)
    if not path.is_relative_to(root):
        raise MediaError(
            f"Refused to read {shown!r}: it is outside media_root once '..' and symlinks are "
            "resolved. Put the file inside media_root, or set media_root to its folder."
        )
    source = f"file {path.relative_to(root).as_posix()!r}"
    # O_NOFOLLOW: a symlink swapped in after the check is not followed.
    return _read_file(path, source, policy.max_media_bytes, _O_NOFOLLOW), source


def _inside_root(value: str, root: Path, shown: str) -> Path:
    """The file `value` names, resolved: taken from the media folder first, then, for a relative
    path, from the working directory (people write `media/cat.png` for a file of `./media`).

    When every reading resolves outside the root, the first comes back for the caller to refuse
    (without saying whether it exists); when one is inside but none names a file, "No file".
    """
    bases = [root] if Path(value).is_absolute() else [root, Path.cwd()]
    outside: Path | None = None
    inside = False
    for base in bases:
        try:
            # Non-strict first, so a path outside the root is refused without saying if it exists.
            candidate = (base / value).resolve()
        except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a NUL byte, ...
            raise MediaError(f"Refused to read {shown!r}: the path cannot be resolved.") from exc
        if not candidate.is_relative_to(root):
            outside = outside or candidate
            continue
        inside = True
        try:
            return candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            continue  # not there: the next reading may name an existing file
    if not inside and outside is not None:
        return outside
    raise MediaError(
        f"No file {shown!r} in media_root. Pass a path relative to media_root, an "
        "http(s) URL, or a data: URI."
    )


def _read_file(path: Path, source: str, max_bytes: int, extra_flags: int = 0) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_NONBLOCK | extra_flags)
    except FileNotFoundError as exc:
        raise MediaError(f"Refused {source}: no such file.") from exc
    except OSError as exc:
        raise MediaError(f"Refused {source}: it cannot be opened ({exc.strerror}).") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise MediaError(f"Refused {source}: it is not a regular file.")
        if info.st_size > max_bytes:
            raise _too_large(source, info.st_size, max_bytes)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        # `read(n)` reserves n bytes before reading, so ask for the size fstat gave (plus one, to
        # notice growth), not for the cap: an uncapped caller's cap does not fit in memory.
        data = file.read(min(info.st_size, max_bytes) + 1)
        # The file grew since fstat: read on, in slices, until its end or past the cap.
        while info.st_size < len(data) <= max_bytes and (more := file.read(_READ_CHUNK)):
            data += more
    if len(data) > max_bytes:
        raise _too_large(source, len(data), max_bytes)
    return data


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        # In chunks: read(n) allocates n bytes up front, and n may be sys.maxsize + 1.
        chunk = stream.read(min(max_bytes + 1 - size, _READ_CHUNK))
        if isinstance(chunk, str):
            raise TypeError("The file object is in text mode; open it with 'rb'.")
        if not chunk:
            break
        chunks.append(bytes(chunk))
        size += len(chunk)
    if size > max_bytes:
        raise _too_large(source, size, max_bytes)
    return b"".join(chunks)


def _too_large(source: str, size: int, max_bytes: int) -> MediaError:
    return MediaError(
        f"Refused {source}: it is {size} bytes, over max_media_bytes ({max_bytes} bytes). "
        "Raise max_media_bytes to accept larger media."
    )


def _publish(temporary: Path, folder: Path, base: str, extension: str) -> Path:
    for _ in range(8):
        path = folder / f"{base}-{uuid.uuid4().hex[:12]}.{extension}"
        try:
            os.link(temporary, path)  # unlike os.replace, fails if the name is taken
            return path
        except FileExistsError:
            continue
        except OSError:
            # No hard links on this filesystem (FAT, some network mounts): reserve the name
            # exclusively, then swap the complete file over the empty placeholder.
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            except FileExistsError:
                continue
            os.replace(temporary, path)
            return path
    raise FileExistsError("no free file name after 8 tries")


def _display_path(path: Path, policy: MediaPolicy) -> str:
    if policy.media_root is not None:
        root = policy.media_root.resolve()
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return str(path)


def _wav_duration(data: bytes) -> float | None:
    # Walk the RIFF chunks by hand: `wave` refuses float and extensible WAVs, common from TTS.
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    position, byte_rate = 12, 0
    while position + 8 <= len(data):
        chunk_id = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        if chunk_id == b"fmt ":
            byte_rate = int.from_bytes(data[position + 16 : position + 20], "little")
        elif chunk_id == b"data" and byte_rate:
            # Streamed WAVs declare 0xFFFFFFFF; the bytes present are the truth.
            return min(size, len(data) - position - 8) / byte_rate
        position += 8 + size + (size & 1)
    return None


def _flac_duration(data: bytes) -> float | None:
    # STREAMINFO is always the first metadata block: 20-bit sample rate, 36-bit sample count.
    if data[:4] != b"fLaC" or len(data) < 26 or data[4] & 0x7F != 0:
        return None
    fields = int.from_bytes(data[18:26], "big")
    rate, samples = fields >> 44, fields & (2**36 - 1)
    return samples / rate if rate and samples else None
