"""Word documents from user-editable docxtpl templates, rendered in a sandboxed Jinja environment."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from packetgen.errors import PacketError
from packetgen.render.fonts import FontSetting
from packetgen.render.ooxml import normalize_package


def _environment() -> SandboxedEnvironment:
    # Templates are files users edit in Word: a sandbox keeps a tag from reaching Python internals.
    env = SandboxedEnvironment(autoescape=True, keep_trailing_newline=True)
    return env


def render_docx(
    template: Path, context: dict[str, Any], when: datetime, template_label: str, fonts: FontSetting
) -> bytes:
    """Render a docxtpl template to deterministic .docx bytes."""
    if not template.is_file():
        raise PacketError(f"テンプレート {template_label} が見つかりません")
    try:
        doc = DocxTemplate(str(template))
        doc.render(context, jinja_env=_environment(), autoescape=True)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"（{line}行目付近のタグ）" if line else ""
        raise PacketError(f"テンプレート {template_label} のタグに誤りがあります{where}：{exc}") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise PacketError(
            f"テンプレート {template_label} をWord文書として読めません（{type(exc).__name__}）。"
            "Wordで開いて .docx 形式で保存し直してください"
        ) from None
    props = doc.docx.core_properties
    props.created = props.modified = when
    props.last_modified_by = "packetgen"
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_package(buffer.getvalue(), when, fonts)  # fonts from the setting, in every style


def docx_min_pages(path: Path) -> int:
    """Pages a Word file has at least: one, plus one per forced page break (style or explicit)."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(path))
    breaking_styles = {
        s.style_id
        for s in doc.styles
        if getattr(s, "paragraph_format", None) is not None and s.paragraph_format.page_break_before
    }
    pages = 1
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.pPr
        style = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style in breaking_styles or (ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None):
            pages += 1
        pages += sum(1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    return pages
