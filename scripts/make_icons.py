#!/usr/bin/python3
"""Draws the app's icons for the home screen (web app manifest): rising bars on green, as PNG files.

usage: make_icons.py OUTPUT_DIR   (writes icon-192.png and icon-512.png)
"""
import struct
import sys
import zlib

GREEN = (42, 125, 70)
WHITE = (255, 255, 255)


def pixel(x, y, size):
    """The colour at (x, y): three white bars rising left to right, inside the safe zone of a maskable icon."""
    u, v = x / size, y / size
    for i, height in enumerate((0.22, 0.34, 0.48)):
        left = 0.24 + i * 0.19
        if left <= u < left + 0.13 and 0.74 - height <= v < 0.74:
            return WHITE
    return GREEN


def png(size):
    rows = b"".join(b"\x00" + bytes(c for x in range(size) for c in pixel(x, y, size)) for y in range(size))
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data +
                                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main():
    for size in (192, 512):
        with open(f"{sys.argv[1]}/icon-{size}.png", "wb") as f:
            f.write(png(size))


if __name__ == "__main__":
    main()
