"""A slide deck opened from the user's template: layouts by name, placeholders, deterministic save."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide, SlideLayout

from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.render.ooxml import normalize_package
from packetgen.render.pptx_shapes import Para, add_layout_placeholder, remove_shape, write_paragraphs

EMU_PER_PT = 12700


class DeckWriter:
    def __init__(self, template: Path, template_label: str, layouts: tuple[str, ...]) -> None:
        if not template.is_file():
            raise PacketError(f"テンプレート {template_label} が見つかりません")
        try:
            self.prs = Presentation(str(template))
        except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
            raise PacketError(
                f"テンプレート {template_label} をPowerPointファイルとして読めません（{type(exc).__name__}）"
            ) from None
        self.label = template_label
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}
        missing = [name for name in layouts if name not in self.layouts]
        if missing:
            raise PacketError(
                f"テンプレート {template_label} にレイアウト「{'」「'.join(missing)}」がありません"
                "（スライドマスター表示でレイアウト名を確認してください）"
            )

    def layout(self, name: str) -> SlideLayout:
        return self.layouts[name]

    def content_region(self, layout_name: str) -> tuple[float, float, float, float]:
        """(x, y, width, height) in points of a layout's content placeholder (idx 1)."""
        layout = self.layouts[layout_name]
        ph = next((p for p in layout.placeholders if p.placeholder_format.idx == 1), None)
        if ph is None:
            raise PacketError(
                f"テンプレート {self.label} のレイアウト「{layout_name}」に本文領域のプレースホルダーがありません"
            )
        return tuple(v / EMU_PER_PT for v in (ph.left, ph.top, ph.width, ph.height))  # type: ignore[return-value]

    def add_slide(self, layout_name: str) -> Slide:
        return self.prs.slides.add_slide(self.layouts[layout_name])

    @staticmethod
    def fill(slide: Slide, idx: int, paras: list[Para] | None) -> None:
        """Fill a placeholder, or remove it when there is nothing to say (no empty prompts on the page)."""
        ph = _placeholder(slide, idx)
        if ph is None:
            return
        if paras:
            write_paragraphs(ph.text_frame, paras)
        else:
            remove_shape(ph)

    @staticmethod
    def furniture(slide: Slide, footer: str) -> None:
        """The footer text and the page number, as the layout places them."""
        add_layout_placeholder(slide, "ftr", [Para(footer, 9)])
        add_layout_placeholder(slide, "sldNum")

    def save(self, when: datetime, title: str, fonts: FontSetting) -> bytes:
        props = self.prs.core_properties
        props.title = title
        props.author = props.last_modified_by = "packetgen"
        props.created = props.modified = when
        props.revision = 1
        props.comments = ""
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return normalize_package(buffer.getvalue(), when, fonts)


def _placeholder(slide: Slide, idx: int) -> Any:
    """The slide's placeholder ``idx``, found in its XML (python-pptx's ``slide.placeholders`` runs an
    XPath query for every shape on every lookup: a fifth of a deck's rendering)."""
    for element in slide.shapes._spTree.iterchildren(qn("p:sp")):
        ph = element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None and int(ph.get("idx", "0")) == idx:
            return SlideShapeFactory(element, slide.shapes)
    return None
