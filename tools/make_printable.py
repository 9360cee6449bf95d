"""Write dcity_docs/data/printable.json: the characters every font of the documents can print.

The agreements are set in Liberation Serif (templates/agreements/*.docx: every style and run), the
watermark in Liberation Sans (fonts-liberation2). A character missing from a font prints as a blank
gap in the PDF, so validation refuses it; validation must work where the fonts are not installed,
hence the set is shipped as data. Run again after changing the templates' fonts::

    python tools/make_printable.py            # write the data file
    python tools/make_printable.py --check    # exit 1 if it differs from the installed fonts
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONTS = tuple(
    f"Liberation{family}-{face}.ttf"
    for family in ("Serif", "Sans")
    for face in ("Regular", "Bold", "Italic", "BoldItalic")
)
OUT = Path(__file__).resolve().parent.parent / "dcity_docs" / "data" / "printable.json"


def code_points(font_dir: Path = FONT_DIR) -> set[int]:
    """The code points that every one of FONTS maps to a glyph (their cmaps' intersection)."""
    from fontTools.ttLib import TTFont

    common: set[int] | None = None
    for name in FONTS:
        with TTFont(font_dir / name, lazy=True) as font:
            cmap = set(font.getBestCmap())
        common = cmap if common is None else common & cmap
    return common or set()


def ranges(points: set[int]) -> list[list[int]]:
    """Sorted code points as inclusive [first, last] runs."""
    runs: list[list[int]] = []
    for point in sorted(points):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return runs


def document(font_dir: Path = FONT_DIR) -> str:
    data = {
        "about": "Code points that every font of the documents prints; made by tools/make_printable.py",
        "fonts": list(FONTS),
        "ranges": ranges(code_points(font_dir)),
    }
    return json.dumps(data, indent=None, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--fonts", type=Path, default=FONT_DIR, help="folder of the Liberation fonts")
    args = parser.parse_args(argv)
    text = document(args.fonts)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from the fonts in {args.fonts}: run tools/make_printable.py", file=sys.stderr)
            return 1
        print(f"{OUT}: in sync with {args.fonts}")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {sum(b - a + 1 for a, b in json.loads(text)['ranges'])} code points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
