#!/usr/bin/python3
"""Makes the app's Chinese fonts from WenQuanYi Micro Hei: a small UI font holding every character of the given text
files (the UI string tables, policy files) with ASCII and CJK punctuation, loaded first; and — without --ui-only —
a full font that adds every CJK ideograph the font has (20 932 of the URO block, Extension A), for any name or place
people type, loaded after the first frame. The app bakes only the characters it shows into its glyph atlas.

usage: make_font_subset.py [--ui-only] FONT.ttc OUTPUT.ttf TEXT_FILE...
"""
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTCollection


def gb2312_hanzi():
    """Rows 16-87 of GB2312 (bytes 0xB0A1-0xF7FE): its 6763 hanzi, levels 1 and 2."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # row 55 ends at 0xD7F9
    return chars


def main():
    args = sys.argv[1:]
    ui_only = args[0] == "--ui-only"
    font, output, *text_files = args[1:] if ui_only else args
    codepoints = set(range(0x20, 0x7F))           # ASCII
    codepoints |= set(range(0x3000, 0x3040))      # CJK punctuation
    codepoints |= set(range(0xFF01, 0xFF5F))      # full-width forms
    codepoints |= {0x00B7, 0x00D7, 0x00A5, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2030, 0x2103,
                   0x2192, 0x2264, 0x2265,        # · × ¥ — ‘ ’ “ ” … ‰ ℃ → ≤ ≥
                   0xFFFD}                        # � the app's placeholder for a character no font here has
    for path in text_files:
        with open(path, encoding="utf-8") as f:
            codepoints |= {ord(c) for c in f.read() if ord(c) >= 0x80}
    if not ui_only:
        cmap = TTCollection(font).fonts[0].getBestCmap()
        ideographs = {c for c in cmap if 0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF}
        hanzi = gb2312_hanzi()
        assert len(hanzi) == 6763 and all(ord(c) in ideographs for c in hanzi), "the font lacks some of GB2312"
        codepoints |= ideographs
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(",".join(f"U+{cp:04X}" for cp in sorted(codepoints)))
        unicodes_file = f.name
    subprocess.run(
        ["/usr/bin/python3", "-m", "fontTools.subset", font, "--font-number=0", f"--unicodes-file={unicodes_file}",
         "--no-hinting", "--layout-features=", "--name-IDs=*", f"--output-file={output}"],
        check=True)


if __name__ == "__main__":
    main()
