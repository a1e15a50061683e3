"""Figure 4: peak memory of sending a 64 MiB audio file, relative to the file's size.

Each measurement is a fresh process (`python -m bench.upload <variant> <base_url> <files>`):
after its imports, its client and a small warm-up call, it notes its RSS and resets its peak
(/proc/self/clear_refs; else the peak so far is the baseline), sends the file once, and reports
how far the peak rose above that baseline.

The upload goes through `HfInference.automatic_speech_recognition` with a WAV of silence; on a
tree without that method it goes through `image_classification` with a 64 MiB file that starts
like a PNG (the sniffing reads only the header). The table says which was used.
"""

from __future__ import annotations

import json
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ._common import TOKEN, Row
from ._server import ServerProcess

FILE_BYTES = 64 * 2**20
REPEATS = 3  # fresh processes per variant; the median is reported
ASR_MODEL = "openai/whisper-large-v3-turbo"
IMAGE_MODEL = "google/vit-base-patch16-224"
MiB = 2**20


def has_asr() -> bool:
    from hf_inference_tools import HfInference

    return hasattr(HfInference, "automatic_speech_recognition")


def wav_header(data_bytes: int, rate: int = 16000) -> bytes:
    """A 16-bit mono PCM WAV header announcing `data_bytes` of samples."""
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"data"
        + struct.pack("<I", data_bytes)
    )


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def write_media(path: Path, size: int, *, audio: bool) -> None:
    """`size` bytes: a WAV (or PNG-signed) header, then silence, written without holding it all."""
    header = wav_header(size - 44) if audio else PNG_SIGNATURE
    with path.open("wb") as file:
        file.write(header)
        remaining = size - len(header)
        block = bytes(MiB)
        while remaining > 0:
            file.write(block[: min(remaining, MiB)])
            remaining -= MiB


def upload_memory(server: ServerProcess, *, scale: float = 1.0) -> list[Row]:
    audio = has_asr()
    repeats = max(1, round(REPEATS * scale))
    with tempfile.TemporaryDirectory(prefix="hf-bench-") as folder:
        big, small = Path(folder) / "big.bin", Path(folder) / "small.bin"
        write_media(big, FILE_BYTES, audio=audio)
        write_media(small, 4096, audio=audio)
        rises: dict[str, list[int]] = {"ours": [], "httpx": [], "hub": []}
        for _ in range(repeats):
            for variant in rises:
                report = _probe(variant, server, big, small)
                rises[variant].append(report["rise_bytes"])
    method = "automatic_speech_recognition" if audio else "image_classification (no ASR yet)"
    ours, floor, hub = (statistics.median(rises[v]) / FILE_BYTES for v in ("ours", "httpx", "hub"))
    return [
        Row(
            "4. upload peak RSS / file size",
            f"{ours:.2f}x (httpx: {floor:.2f}x, hub: {hub:.2f}x) of 64 MiB via {method}",
            "<= 2x",
            ours <= 2.0,
        )
    ]


def _probe(variant: str, server: ServerProcess, big: Path, small: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.upload", variant, server.base_url, str(big), str(small)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"upload probe {variant} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _status_bytes(field: str) -> int | None:
    """`VmRSS` (now) or `VmHWM` (peak) from /proc/self/status, None where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Make the peak the current RSS (Linux >= 4.0), so imports' transient peaks do not count."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def _peak_bytes() -> int:
    peak = _status_bytes("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def _probe_main(variant: str, base_url: str, big: Path, small: Path) -> None:
    """The child: warm up with `small`, then send `big` once; print the peak's rise as JSON."""
    audio = has_asr()
    model = ASR_MODEL if audio else IMAGE_MODEL
    url = f"{base_url}/models/{model}"
    content_type = "audio/wav" if audio else "image/png"

    if variant == "ours":
        from hf_inference_tools import HfInference

        client = HfInference(token=TOKEN, base_url=base_url)
        method = getattr(
            client, "automatic_speech_recognition" if audio else "image_classification"
        )

        def send(path: Path) -> object:
            return method(data=path, model=model)

    elif variant == "httpx":
        import httpx

        http = httpx.Client(timeout=300.0)

        def send(path: Path) -> object:
            headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}
            response = http.post(url, content=path.read_bytes(), headers=headers)
            response.raise_for_status()
            return response.json()

    elif variant == "hub":
        import os

        os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
        from huggingface_hub import InferenceClient

        hub = InferenceClient(model=url, token=TOKEN, timeout=300.0)
        hub_method = hub.automatic_speech_recognition if audio else hub.image_classification

        def send(path: Path) -> object:
            return hub_method(path)

    else:
        raise SystemExit(f"unknown variant {variant!r}")

    send(small)
    now = _status_bytes("VmRSS")
    baseline = now if now is not None and _reset_peak() else _peak_bytes()
    send(big)
    print(json.dumps({"variant": variant, "rise_bytes": _peak_bytes() - baseline}))


if __name__ == "__main__":
    _probe_main(sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
