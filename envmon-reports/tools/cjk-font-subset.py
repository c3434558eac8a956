#!/usr/bin/env python3
"""Makes the CJK font shipped with envmon-reports: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1) with
TrueType outlines, covering GB 2312 (all 6,763 hanzi and its symbols), ASCII, Latin-1, and every non-ASCII
character of the project's sources, resources and demo data, plus the names in the station and section lists
of ../shared/data when present.

    apt-get install python3-fonttools   # or: pip install fonttools
    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    python3 envmon-reports/tools/cjk-font-subset.py /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Run from the repository root. CFF outlines become quadratic TrueType ones (fontTools cu2qu), which OpenPDF
subsets when it embeds the font.
"""
import glob
import gzip
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

OUT = "envmon-reports/src/main/resources/org/envmon/reports/fonts/NotoSansCJKsc-Regular-subset.ttf"
SC_FACE = "Noto Sans CJK SC"


def charset():
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    for hi in range(0xA1, 0xF8):  # GB 2312: rows 1-9 symbols, 16-87 hanzi
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    files = []
    for pattern in ("*/src/main/**/*.java", "*/src/main/resources/**/*", "demo/*.csv", "demo/*.csv.gz",
                    "../shared/data/air/stations/*.csv", "../shared/data/water/*.csv"):
        files += [f for f in glob.glob(pattern, recursive=True) if os.path.isfile(f) and "/fonts/" not in f]
    for f in files:
        opener = gzip.open if f.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8", errors="ignore") as fh:
            chars.update(ord(c) for c in fh.read() if ord(c) > 0x7F)
    return chars


def sc_face(path):
    if path.lower().endswith((".ttc", ".otc")):
        for font in TTCollection(path).fonts:
            if font["name"].getDebugName(1) == SC_FACE:
                return font
        sys.exit("no face " + SC_FACE + " in " + path)
    return TTFont(path)


def to_truetype(font):
    """CFF → glyf with quadratic curves (max error 1 unit of 1000)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller; the PDF uses glyph ids
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def main():
    font = sc_face(sys.argv[1])
    chars = charset()
    options = subset.Options()
    options.layout_features = []  # OpenPDF does no shaping; Chinese text in a table needs none
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=chars)
    sub.subset(font)
    missing = sorted(c for c in chars if c not in font.getBestCmap())
    to_truetype(font)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {len(chars)} characters asked, {len(missing)} not in the font, "
          f"{len(font.getGlyphOrder())} glyphs, {os.path.getsize(OUT)} bytes")
    if missing:
        print("not in the font:", "".join(chr(c) for c in missing[:200]))


if __name__ == "__main__":
    main()
