"""The preview page: print/preview/index.html, a static page that opens from the file system (no
server, nothing remote): a table of contents, the order summary, every document with its pages at
legible size, and the pages changed since the previous print marked 「変更」 with the change shown —
a red overlay where the page image's pixels changed, and the text diff of the page beside it.

Changes are found page by page from the PDF text (printed/text.json of the previous print against
this one's), so the page numbers are the printed ones. The page depends on what was printed before,
so it is the one print output that is not byte-identical between identical prints.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from packetgen.review.diff import LineChange, is_number, tokens, unit_lines

if TYPE_CHECKING:
    from packetgen.building.packet import PlannedDocument

PAGE_FILE = "index.html"
THRESHOLD = 40  # grey-level difference that counts as a changed pixel (JPEG noise stays under it)


# What the page reads of printing's PrintedDocument and Order (review sits below printing, so it
# names the parts it reads instead of importing them); read-only, as both are frozen.
class PrintedPdfDocument(Protocol):
    @property
    def name(self) -> str: ...  # 資料No.1-1 or the title of a document without a 資料 label

    @property
    def pdf(self) -> str: ...  # its print PDF, relative to print/

    @property
    def planned(self) -> PlannedDocument: ...


class OrderLineView(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def file(self) -> str: ...

    @property
    def pages(self) -> int: ...

    @property
    def orientation(self) -> str: ...  # 縦 or 横

    @property
    def duplex(self) -> bool: ...

    @property
    def flip(self) -> str: ...  # 長辺とじ or 短辺とじ

    @property
    def colour(self) -> bool: ...

    @property
    def copies(self) -> int: ...


class OrderView(Protocol):
    @property
    def details(self) -> Sequence[tuple[str, str]]: ...  # the heading block, (項目, 内容)

    @property
    def totals(self) -> Mapping[str, int]: ...  # 総枚数 among them

    @property
    def lines(self) -> Sequence[OrderLineView]: ...


@dataclass
class PageView:
    number: int
    image: str  # relative to the page
    size: tuple[int, int] = (0, 0)  # of the image, so the layout (and a link to a page) holds before it loads
    status: str = ""  # "" (unchanged or no baseline), 変更, 追加
    overlay: str = ""  # data: URI of the difference overlay
    lines: list[LineChange] = field(default_factory=list)


@dataclass
class DocumentView:
    anchor: str
    name: str
    title: str
    pdf: str
    pages: list[PageView]
    status: str = ""  # 新規 when the previous print did not have it


def normalise(page: str) -> str:
    return "\n".join(" ".join(line.split()) for line in page.splitlines() if line.strip())


def overlay(old: Path, new: Path) -> str:
    """A transparent PNG, red where the two page images differ (thickened so a changed figure shows)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    with Image.open(old) as a, Image.open(new) as b:
        if a.size != b.size:
            mask = Image.new("L", b.size, 255)
        else:
            diff = ImageChops.difference(a.convert("L"), b.convert("L"))
            mask = diff.point(lambda v: 255 if v > THRESHOLD else 0)
            if (box := mask.getbbox()) is not None:  # thickened where it changed only: 0.2 s → a few ms
                left, top, right, bottom = box
                box = (max(left - 8, 0), max(top - 8, 0), min(right + 8, mask.width), min(bottom + 8, mask.height))
                mask.paste(mask.crop(box).filter(ImageFilter.MaxFilter(9)), box[:2])
    if (changed := mask.getbbox()) is None:
        return ""
    red = Image.new("RGBA", mask.size, (230, 0, 40, 0))
    red.putalpha(mask.point(lambda v: 110 if v else 0))
    left, top, right, bottom = changed  # and a frame around it all, so a one-digit change is seen
    ImageDraw.Draw(red).rectangle(
        (max(left - 12, 0), max(top - 12, 0), min(right + 12, mask.width - 1), min(bottom + 12, mask.height - 1)),
        outline=(230, 0, 40, 255),
        width=4,
    )
    buffer = io.BytesIO()
    red.save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def views(
    documents: Sequence[PrintedPdfDocument],
    text: dict[str, list[str]],
    before_text: dict[str, list[str]] | None,
    preview_dir: Path,
    before_pages: Path,
) -> list[DocumentView]:
    """``documents``: this print's; page images under ``preview_dir/<stem>/``; the
    previous print's text and images (``before_pages/<stem>/``), when there is one."""
    from PIL import Image

    from packetgen.building.layout import pages_of

    result = []
    for n, doc in enumerate(documents, start=1):
        stem = Path(doc.pdf).stem
        images = pages_of(preview_dir / stem)
        old_pages = (before_text or {}).get(doc.pdf)
        old_images = pages_of(before_pages / stem) if (before_pages / stem).is_dir() else []
        view = DocumentView(f"doc{n}", doc.name, doc.planned.entry.title, doc.pdf, [])
        if before_text is not None and old_pages is None:
            view.status = "新規"
        for index, image in enumerate(images):
            with Image.open(image) as opened:  # reads the header only
                page = PageView(index + 1, f"{stem}/{image.name}", opened.size)
            new = normalise(text.get(doc.pdf, [""] * len(images))[index] if index < len(text.get(doc.pdf, [])) else "")
            if old_pages is not None:
                if index >= len(old_pages):
                    page.status, page.lines = "追加", unit_lines("", new)
                elif normalise(old_pages[index]) != new:
                    page.status, page.lines = "変更", unit_lines(normalise(old_pages[index]), new)
                    if index < len(old_images):
                        page.overlay = overlay(old_images[index], image)
            view.pages.append(page)
        result.append(view)
    return result


# --- HTML ----------------------------------------------------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _marked(text: str, css: str) -> str:
    return f"<{css}>{''.join(f'<b>{_e(t)}</b>' if is_number(t) else _e(t) for t in tokens(text))}</{css}>"


def _line_html(line: LineChange) -> str:
    if line.status == "added":
        return f"<li>{_marked(line.after, 'ins')}</li>"
    if line.status == "removed":
        return f"<li>{_marked(line.before, 'del')}</li>"
    parts = []
    for piece in line.pieces:
        if piece.same:
            parts.append(_e(piece.before))
        else:
            removed = _marked(piece.before, "del") if piece.before else ""
            parts.append(removed + (_marked(piece.after, "ins") if piece.after else ""))
    return f"<li>{''.join(parts)}</li>"


STYLE = """
body{font-family:"BIZ UDPGothic","BIZ UDPゴシック",sans-serif;margin:0;background:#eef0f3;color:#1b1f24}
header{background:#1f3a5f;color:#fff;padding:12px 20px}header h1{font-size:20px;margin:0}
header p{margin:4px 0 0;font-size:13px}
main{display:flex;align-items:flex-start}
nav{position:sticky;top:0;width:250px;flex:none;max-height:100vh;overflow:auto;padding:12px;font-size:13px;background:#fff}
nav a{color:#1f3a5f;text-decoration:none}nav li{margin:4px 0}nav ul{padding-left:14px}
section.doc{padding:8px 20px 24px;flex:1;min-width:0}
h2{font-size:18px;border-bottom:2px solid #1f3a5f;padding-bottom:4px}
table.order{border-collapse:collapse;font-size:13px;background:#fff;margin-bottom:8px}
table.order th,table.order td{border:1px solid #aab;padding:3px 8px;text-align:left}
.page{display:flex;flex-wrap:wrap;gap:16px;margin:14px 0;align-items:flex-start}
.sheet{position:relative;flex:none;width:min(860px,calc(100vw - 330px));box-shadow:0 1px 4px #0005;background:#fff}
.sheet img{display:block;width:100%;height:auto}
.sheet img.overlay{position:absolute;left:0;top:0}
.num{position:absolute;left:0;top:0;background:#1f3a5f;color:#fff;font-size:12px;padding:2px 6px}
.changed .sheet{outline:4px solid #d0002a}
.badge{display:inline-block;background:#d0002a;color:#fff;font-weight:bold;padding:1px 8px;border-radius:3px;
font-size:13px}
.diff{font-size:14px;line-height:1.7;background:#fff;padding:8px 12px;border-left:4px solid #d0002a;max-width:520px}
.diff ul{padding-left:18px;margin:6px 0}
del{background:#ffd7dc;color:#8a0016}ins{background:#d3f5dc;color:#0b5a22;text-decoration:none}
del b,ins b{font-weight:bold;text-decoration:underline}
"""

NO_TEXT_CHANGE = "<li>文字の変更はありません（図や配置の変更）</li>"

# Marks the page for a test (and a reader's console): every image loaded, or which did not.
CHECK_SCRIPT = """
window.addEventListener('load', function () {
  var broken = [];
  Array.prototype.forEach.call(document.images, function (img) {
    if (!img.complete || img.naturalWidth === 0) { broken.push(img.getAttribute('src').slice(0, 80)); }
  });
  document.body.setAttribute('data-images', document.images.length + ' loaded, ' + broken.length + ' broken');
  document.body.setAttribute('data-broken', broken.join(' | '));
});
"""


def render(
    title: str,
    baseline: str,
    details: list[tuple[str, str]],
    order_head: list[str],
    order_rows: list[list[str]],
    docs: list[DocumentView],
) -> str:
    changed = sum(1 for d in docs for p in d.pages if p.status)
    out = [
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">',
        f"<title>{_e(title)} 印刷プレビュー</title><style>{STYLE}</style><script>{CHECK_SCRIPT}</script></head><body>",
        f"<header><h1>{_e(title)} 印刷プレビュー</h1><p>{_e(baseline)}"
        + (f"　変更のあるページ：{changed}" if changed else "")
        + "</p></header><main><nav><strong>目次</strong><ol>",
        '<li><a href="#order">印刷発注の概要</a></li>',
    ]
    for doc in docs:
        marks = sum(1 for p in doc.pages if p.status)
        flag = f' <span class="badge">変更 {marks}</span>' if marks else ""
        flag += ' <span class="badge">新規</span>' if doc.status else ""
        jumps = "".join(
            f'<li><a href="#{doc.anchor}-p{p.number}">{p.number}ページ：{p.status}</a></li>'
            for p in doc.pages
            if p.status
        )
        jumps = f"<ul>{jumps}</ul>" if jumps else ""
        out.append(f'<li><a href="#{doc.anchor}">{_e(doc.name)}</a>（{len(doc.pages)}ページ）{flag}{jumps}</li>')
    out.append('</ol></nav><div style="flex:1;min-width:0">')
    out.append('<section class="doc" id="order"><h2>印刷発注の概要</h2><table class="order">')
    out.append("".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in details))
    out.append('</table><table class="order"><tr>')
    out.append("".join(f"<th>{_e(h)}</th>" for h in order_head) + "</tr>")
    for row in order_rows:
        out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    out.append("</table></section>")
    for doc in docs:
        heading = _e(doc.name) if doc.name == doc.title else f"{_e(doc.name)}　{_e(doc.title)}"
        out.append(f'<section class="doc" id="{doc.anchor}"><h2>{heading}</h2>')
        for page in doc.pages:
            cls = "page changed" if page.status else "page"
            out.append(f'<div class="{cls}" id="{doc.anchor}-p{page.number}"><div class="sheet">')
            size = f'width="{page.size[0]}" height="{page.size[1]}"'
            out.append(f'<img src="{_e(page.image)}" {size} alt="{_e(doc.name)} {page.number}ページ">')
            if page.overlay:
                out.append(f'<img class="overlay" src="{page.overlay}" alt="">')
            out.append(f'<span class="num">{page.number}</span></div>')
            if page.status:
                items = "".join(_line_html(line) for line in page.lines) or NO_TEXT_CHANGE
                badge = f'<span class="badge">{page.status}</span> {page.number}ページ'
                out.append(f'<div class="diff">{badge}<ul>{items}</ul></div>')
            out.append("</div>")
        out.append("</section>")
    out.append("</div></main></body></html>\n")
    return "\n".join(out)


def order_summary(order: OrderView) -> tuple[list[tuple[str, str]], list[str], list[list[str]]]:
    """The order's main items, and a row per document (資料, file, pages, 向き, sides, colour, copies)."""
    details = [(k, v) for k, v in order.details if k in ("件名", "会議", "納期", "部数", "用紙", "綴じ方")]
    details.append(("総枚数", f"{order.totals['総枚数']:,}枚"))
    head = ["資料", "ファイル", "ページ", "向き", "両面/片面", "カラー", "部数"]
    rows = [
        [
            line.label or line.title,
            line.file,
            str(line.pages),
            line.orientation,
            f"両面（{line.flip}）" if line.duplex else "片面",
            "カラー" if line.colour else "モノクロ",
            f"{line.copies}部",
        ]
        for line in order.lines
    ]
    return details, head, rows


@dataclass(frozen=True)
class Printed:
    """What the page shows: this print's (or proof's) documents with the PDF text of each page by PDF
    name, and the print order."""

    title: str
    order: OrderView
    documents: Sequence[PrintedPdfDocument]
    text: dict[str, list[str]]


def page(printed: Printed, preview_dir: Path, printed_dir: Path, live: str = "", notice: str = "") -> str:
    """The whole page: this print's documents (page images in ``preview_dir``) against the previous
    print kept in ``printed_dir`` (text.json, pages/), when there is one. ``live``: what the page shows
    beyond its own text (the PDFs' checksums, say); when given, the page reloads itself as soon as
    LIVE_FILE names another version (packetgen watch). ``notice``: said before the baseline line."""
    try:
        before_text = json.loads((printed_dir / "text.json").read_text("utf-8"))
    except (OSError, ValueError):
        before_text = None
    docs = views(printed.documents, printed.text, before_text, preview_dir, printed_dir / "pages")
    baseline = "前回の印刷と比べ、変わったページに「変更」の印を付けています（赤：画像の変わった所）。"
    if before_text is None:
        baseline = "前回の印刷の記録がないため、変更の印はありません。"
    details, head, rows = order_summary(printed.order)
    html = render(printed.title, f"{notice}{baseline}", details, head, rows, docs)
    if not live:
        return html
    version = hashlib.sha256(f"{html}\0{live}".encode()).hexdigest()[:16]
    return html.replace("</head>", f"<script>{LIVE_SCRIPT.replace('@VERSION@', version)}</script></head>", 1)


# The page polls live.js (a script tag, which a page opened from the file system may load, unlike
# fetch) and reloads when it names another version; the reload keeps the scroll position.
LIVE_FILE = "live.js"
LIVE_SCRIPT = """
window.packetgenVersion = function (v) { if (v !== '@VERSION@') { location.reload(); } };
setInterval(function () {
  var s = document.createElement('script');
  s.src = 'live.js?' + Date.now();
  s.onload = s.onerror = function () { s.remove(); };
  document.head.appendChild(s);
}, 1000);
"""
_VERSION = re.compile(r"if \(v !== '([0-9a-f]{16})'\)")


def live_script(html: str) -> str:
    """live.js for a live page: the page's version, which the open page compares with its own."""
    match = _VERSION.search(html)
    return f"packetgenVersion('{match.group(1) if match else ''}');\n"
