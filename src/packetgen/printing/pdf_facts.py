"""What a rendered PDF really holds: its page count, its fonts (embedded or not, which family) and
how large its text prints.

LibreOffice exits 0 whatever happens, substitutes fonts silently and shrinks a wide sheet fitted to a
page down to 5–7 pt without a word, so every PDF is read back.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFont:
    name: str  # without the subset prefix (ABCDEF+)
    embedded: bool

    def one_of(self, families: tuple[str, ...]) -> bool:
        """Whether this face belongs to one of ``families`` (PostScript family names, e.g. BIZUDPGothic)."""
        family = self.name.replace(" ", "").split("-")[0].split(",")[0]
        return family in families


@dataclass(frozen=True)
class PageText:
    """The printed size of one page's text, in points (font size × text and page matrices' vertical
    scale, as pdfplumber's ``char["size"]``), counted per visible glyph (spaces and invisible text
    left out)."""

    page: int  # 1-based
    smallest: float
    median: float
    glyphs: int
    smallest_text: str  # a piece of text set at the smallest size, for the message


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    fonts: tuple[PdfFont, ...]
    text: tuple[PageText, ...] = field(default=())  # pages with text only
    sizes: tuple[tuple[float, float], ...] = field(default=())  # each page (width, height) as shown, in pt


def _descriptor(font) -> dict | None:
    if "/FontDescriptor" in font:
        return font["/FontDescriptor"].get_object()
    for descendant in font.get("/DescendantFonts", []):
        d = descendant.get_object()
        if "/FontDescriptor" in d:
            return d["/FontDescriptor"].get_object()
    return None


def read_facts(path: Path) -> PdfFacts:
    reader = PdfReader(str(path))
    fonts: dict[str, PdfFont] = {}
    sizes = []
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        sizes.append((height, width) if page.get("/Rotate", 0) in (90, 270) else (width, height))
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font_ref in resources.get_object().get("/Font", {}).values():
            font = font_ref.get_object()
            base = str(font.get("/BaseFont", "?")).lstrip("/")
            name = base.split("+", 1)[-1]
            if font.get("/Subtype") == "/Type3":
                embedded = True  # drawn from glyph procedures inside the PDF
            else:
                descriptor = _descriptor(font)
                embedded = descriptor is not None and any(k in descriptor for k in _FONT_FILES)
            fonts[base] = PdfFont(name, embedded)
    fonts_found = tuple(sorted(fonts.values(), key=lambda f: f.name))
    return PdfFacts(len(reader.pages), fonts_found, tuple(text_sizes(reader)), tuple(sizes))


# --- text sizes -------------------------------------------------------------------------------------
# A small content-stream scanner of its own: for the 78-page packet pypdf's ContentStream parser alone
# takes ~0.9 s, extract_text(visitor_text=…) ~1.6 s and pdfplumber ~2.8 s; this takes ~0.35 s.
# It follows what sets the printed size of text (cm, q/Q, Tm/Td/TD/T*/'/", Tf, Tr, form XObjects)
# and counts glyphs per text-showing operator; everything else is skipped.

_TOKEN = re.compile(
    rb"""
    (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<op>[A-Za-z'"][A-Za-z0-9'"*]*)
    |(?P<name>/[^\s/\[\]()<>{}%]*)
    |(?P<hex><[0-9A-Fa-f\s]*>)
    |(?P<str>\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))
    |(?P<open>\[)|(?P<close>\])
    |(?P<dict><<|>>|[{}])
    |(?P<comment>%[^\r\n]*)
    """,
    re.VERBOSE | re.DOTALL,
)
_INLINE_IMAGE = re.compile(rb"(?<![^\s])BI\s.*?\sID\s.*?\sEI(?![^\s])", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_LITERAL_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
_INVISIBLE_MODES = (3, 7)  # Tr: neither fill nor stroke
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")
_SECTION = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.DOTALL)


def _literal(raw: bytes) -> bytes:
    def unescape(m: re.Match) -> bytes:
        c = m.group(1)
        if c[:1].isdigit():
            return bytes([int(c, 8) & 0xFF])
        if c in (b"\n", b"\r", b"\r\n"):
            return b""  # a line continuation
        return _ESCAPES.get(c, c)

    return _LITERAL_ESCAPE.sub(unescape, raw[1:-1])


def _mul(m: tuple, n: tuple) -> tuple:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _utf16(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode()).decode("utf-16-be", "replace")


@dataclass
class _Font:
    width: int  # bytes per character code
    unicode: dict[int, str]  # from /ToUnicode, when given

    def codes(self, data: bytes) -> list[int]:
        if self.width == 1:
            return list(data)
        return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]

    def visible(self, data: bytes) -> int:
        if not self.unicode:
            return len(data) // self.width - (data.count(b" ") if self.width == 1 else 0)
        return sum(1 for code in self.codes(data) if not self.unicode.get(code, "x").isspace())

    def text(self, data: bytes) -> str:
        if not self.unicode:  # a simple font's standard encoding is close to Latin-1 for ASCII
            return data.decode("latin-1") if self.width == 1 else ""
        return "".join(self.unicode.get(code, "�") for code in self.codes(data))


def _font(font_object, cache: dict) -> _Font:
    key = id(font_object)
    if key not in cache:
        font = font_object.get_object()
        width = 2 if font.get("/Subtype") == "/Type0" else 1
        mapping: dict[int, str] = {}
        if "/ToUnicode" in font:
            try:
                data = font["/ToUnicode"].get_object().get_data()
            except Exception:  # a broken map only costs the space detection
                data = b""
            for kind, body in _SECTION.findall(data):
                if kind == b"char":
                    for code, target in _BFCHAR.findall(body):
                        mapping[int(code, 16)] = _utf16(target)
                    continue
                for first, last, target in _BFRANGE.findall(body):
                    low, high = int(first, 16), int(last, 16)
                    if target.startswith(b"["):
                        for i, item in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", target)):
                            mapping[low + i] = _utf16(item)
                    elif high - low < 65536:
                        start = _utf16(target[1:-1])
                        for i in range(high - low + 1):
                            mapping[low + i] = start[:-1] + chr(ord(start[-1]) + i) if start else ""
        cache[key] = (font_object, _Font(width, mapping))  # keep the object alive: its id is the key
    return cache[key][1]


def _operand(kind: str, raw: bytes) -> float | str | bytes:
    """A number, a name or a string of a content stream, as the operators read it."""
    if kind == "num":
        return float(raw)
    if kind == "name":
        return raw.decode("latin-1")
    if kind == "hex":
        digits = re.sub(rb"\s", b"", raw[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    return _literal(raw)


class _Scanner:
    """One content stream's graphics and text state, followed operator by operator; each string shown
    is appended to ``runs`` as (printed size, visible glyphs, font, string). A form XObject is read by
    a scanner of its own, from the current transformation. ``fonts``: fonts read so far, by object."""

    def __init__(self, resources, ctm: tuple, runs: list, fonts: dict, depth: int = 0) -> None:
        self.resources = resources.get_object() if resources is not None else {}
        self.font_table = self.resources.get("/Font", {})
        self.ctm, self.runs, self.fonts, self.depth = ctm, runs, fonts, depth
        self.stack: list[tuple] = []
        self.tm = self.tlm = _IDENTITY
        self.leading = 0.0
        self.size = 0.0
        self.font: _Font | None = None
        self.mode = 0

    def scan(self, data: bytes) -> None:
        if b"BI" in data:
            data = _INLINE_IMAGE.sub(b" ", data)
        args: list = []
        arrays: list[list] = []
        for m in _TOKEN.finditer(data):
            kind = m.lastgroup
            if kind == "op":
                self.operator(m.group(), args)
                args.clear()
            elif kind in ("num", "name", "hex", "str"):
                (arrays[-1] if arrays else args).append(_operand(kind, m.group()))
            elif kind == "open":
                arrays.append([])
            elif kind == "close" and arrays:
                done = arrays.pop()
                (arrays[-1] if arrays else args).append(done)

    def show(self, strings: list[bytes]) -> None:
        if self.font is None or self.mode in _INVISIBLE_MODES:
            return
        tm, ctm = self.tm, self.ctm
        c, d = tm[2] * ctm[0] + tm[3] * ctm[2], tm[2] * ctm[1] + tm[3] * ctm[3]
        printed = abs(self.size) * math.hypot(c, d)
        for s in strings:
            glyphs = self.font.visible(s)
            if glyphs:
                self.runs.append((printed, glyphs, self.font, s))

    def operator(self, op: bytes, args: list) -> None:
        """Text shown and the text state (Tf, Tj, TJ, ', ", Tr) here; positions and the graphics state in
        ``position`` and ``graphics``."""
        if op == b"Tf" and len(args) >= 2:
            self.font = _font(self.font_table[args[-2]], self.fonts) if args[-2] in self.font_table else None
            self.size = args[-1]
        elif op == b"Tj" and args:
            self.show([args[-1]])
        elif op == b"TJ" and args and isinstance(args[-1], list):
            self.show([x for x in args[-1] if isinstance(x, bytes)])
        elif op in (b"T*", b"'", b'"'):
            self.tm = self.tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -self.leading), self.tlm)
            if op != b"T*" and args and isinstance(args[-1], bytes):
                self.show([args[-1]])
        elif op == b"Tr" and args:
            self.mode = int(args[-1])
        elif not self.position(op, args):
            self.graphics(op, args)

    def position(self, op: bytes, args: list) -> bool:
        """The text matrix and leading (Tm, Td, TD, BT, TL); whether ``op`` was one of them."""
        if op == b"Tm" and len(args) >= 6:
            self.tm = self.tlm = tuple(args[-6:])
        elif op in (b"Td", b"TD") and len(args) >= 2:
            if op == b"TD":
                self.leading = -args[-1]
            self.tm = self.tlm = _mul((1.0, 0.0, 0.0, 1.0, args[-2], args[-1]), self.tlm)
        elif op == b"BT":
            self.tm = self.tlm = _IDENTITY
        elif op == b"TL" and args:
            self.leading = args[-1]
        else:
            return False
        return True

    def graphics(self, op: bytes, args: list) -> None:
        """The graphics state (q, Q, cm) and form XObjects drawn (Do)."""
        if op == b"q":
            self.stack.append((self.ctm, self.font, self.size, self.leading, self.mode))
        elif op == b"Q":
            if self.stack:
                self.ctm, self.font, self.size, self.leading, self.mode = self.stack.pop()
        elif op == b"cm" and len(args) >= 6:
            self.ctm = _mul(tuple(args[-6:]), self.ctm)
        elif op == b"Do" and args and self.depth < 8:
            xobject = self.resources.get("/XObject", {}).get(args[-1])
            form = xobject.get_object() if xobject is not None else None
            if form is not None and form.get("/Subtype") == "/Form":
                matrix = tuple(float(x) for x in form.get("/Matrix", _IDENTITY))
                inner = form.get("/Resources", self.resources)
                _Scanner(inner, _mul(matrix, self.ctm), self.runs, self.fonts, self.depth + 1).scan(form.get_data())


def text_sizes(pdf: Path | PdfReader) -> list[PageText]:
    """Per page with visible text: the smallest and the median printed text size, in points."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(str(pdf))
    fonts: dict = {}
    result = []
    for number, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        if contents is None:
            continue
        runs: list = []
        _Scanner(page.get("/Resources"), _IDENTITY, runs, fonts).scan(contents.get_data())
        if not runs:
            continue
        sizes = [size for size, glyphs, _, _ in runs for _ in range(glyphs)]
        smallest = min(sizes)
        result.append(
            PageText(
                number, round(smallest, 2), round(statistics.median(sizes), 2), len(sizes), _sample(runs, smallest)
            )
        )
    return result


def _sample(runs: list, size: float) -> str:
    """The longest stretch of consecutive strings at ``size``: LibreOffice shows a line in pieces."""
    best, current = "", ""
    for printed, _, font, data in runs:
        if abs(printed - size) < 0.01:
            current += font.text(data)
            best = max(best, current, key=lambda t: len(t.strip()))
        else:
            current = ""
    return " ".join(best.split())
