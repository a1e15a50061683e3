"""Tiny, real media built with the standard library, for the media policy tests."""

from __future__ import annotations

import struct

from hf_inference_tools.testing import _samples as samples


def png_bytes(width: int, height: int) -> bytes:
    """A valid RGB PNG of the given size."""
    return samples.png_bytes(width, height)


def wav_bytes(seconds: float, rate: int) -> bytes:
    """A mono 16-bit PCM WAV."""
    return samples.wav_bytes(seconds, rate)


def float_wav_bytes(seconds: float, rate: int) -> bytes:
    """A mono 32-bit float WAV (format 3), which the `wave` module cannot open."""
    data = b"\x00" * (4 * int(seconds * rate))
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def flac_bytes(seconds: float, rate: int) -> bytes:
    """A FLAC stream with only its STREAMINFO block (no audio frames): enough to sniff and time."""
    fields = (rate << 44) | (0 << 41) | (15 << 36) | int(seconds * rate)  # mono, 16-bit
    info = struct.pack(">HH", 4096, 4096) + b"\x00" * 6 + fields.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info
