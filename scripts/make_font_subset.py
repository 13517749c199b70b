#!/usr/bin/python3
"""Makes the app's Chinese fonts: subsets of WenQuanYi Micro Hei holding every character of the given text files
(the UI string tables, policy files), ASCII and CJK punctuation, and — unless --ui-only — the 3755 GB2312 level-1
characters, for names and places people type. The page loads the small UI-only font first and the full one after
the first frame.

usage: make_font_subset.py [--ui-only] FONT.ttc OUTPUT.ttf TEXT_FILE...
"""
import subprocess
import sys
import tempfile


def gb2312_level1():
    """Rows 16-55 of GB2312 (bytes 0xB0A1-0xD7F9): the 3755 most common hanzi."""
    chars = []
    for hi in range(0xB0, 0xD8):
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
    level1 = gb2312_level1()
    assert len(level1) == 3755, len(level1)
    codepoints = set() if ui_only else {ord(c) for c in level1}
    codepoints |= set(range(0x20, 0x7F))          # ASCII
    codepoints |= set(range(0x3000, 0x3040))      # CJK punctuation
    codepoints |= set(range(0xFF01, 0xFF5F))      # full-width forms
    codepoints |= {0x00B7, 0x00D7, 0x00A5, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2030, 0x2103,
                   0x2192, 0x2264, 0x2265}        # · × ¥ — ‘ ’ “ ” … ‰ ℃ → ≤ ≥
    for path in text_files:
        with open(path, encoding="utf-8") as f:
            codepoints |= {ord(c) for c in f.read() if ord(c) >= 0x80}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(",".join(f"U+{cp:04X}" for cp in sorted(codepoints)))
        unicodes_file = f.name
    subprocess.run(
        ["/usr/bin/python3", "-m", "fontTools.subset", font, "--font-number=0", f"--unicodes-file={unicodes_file}",
         "--no-hinting", "--layout-features=", "--name-IDs=*", f"--output-file={output}"],
        check=True)


if __name__ == "__main__":
    main()
