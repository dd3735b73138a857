"""Word documents from user-editable docxtpl templates, rendered in a sandboxed Jinja environment."""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import FunctionLoader, StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment

from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.render.ooxml import normalize_package

_MAX_REPEAT = 10_000  # {{ 'a' * n }}: more copies than any document needs is a mistake (or an attack)
_MAX_POWER_BITS = 10_000  # {{ 9 ** n }}: no figure of a packet needs a number of more bits


class _TemplateSandbox(SandboxedEnvironment):
    """A sandbox that also refuses a huge repeated text or power (the build would fill the memory)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(count, int) and count > _MAX_REPEAT:
                    raise SecurityError(f"repeat:{count}")
        power = operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0
        if power and max(abs(left), 2).bit_length() * right > _MAX_POWER_BITS:
            raise SecurityError(f"power:{right}")
        return super().call_binop(context, operator, left, right)


def _no_file(name: str) -> None:
    """The loader of the sandbox: {% include %}, {% import %} and {% extends %} find no file."""
    return None


def _environment() -> SandboxedEnvironment:
    # Templates are files users edit in Word: a sandbox keeps a tag from reaching Python internals
    # and from reading other files (include, import, extends find nothing).
    # StrictUndefined: a misspelt name ({{ meeting.full_titel }}) fails instead of printing nothing.
    env = _TemplateSandbox(
        autoescape=True, keep_trailing_newline=True, undefined=StrictUndefined, loader=FunctionLoader(_no_file)
    )
    return env


# a whole tag, or one opened and not closed before the paragraph ends
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{(?:(?!\}\}).)*$|\{%(?:(?!%\}).)*$")
_UNDEFINED = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")
_UNSAFE = re.compile(r"access to attribute '([^']+)'")
_FILE_TAG = re.compile(r"\{%-?\s*(?:include|import|from|extends)\b")


def _paragraph_texts(template: Path) -> Iterator[str]:
    """Every paragraph's text as Word shows it: body, table cells, headers and footers."""
    from docx import Document

    doc = Document(str(template))
    parts = [doc, *(s.header for s in doc.sections), *(s.footer for s in doc.sections)]
    for part in parts:
        root = part.element if part is doc else part._element  # a header has no public element
        for p in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            text = "".join(
                t.text or "" for t in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
            )
            if "{" in text:
                yield text


def _names(value: Any) -> set[str]:
    """Every key a template can reach in the context (for 「…のことですか？」)."""
    if isinstance(value, dict):
        return set(value).union(*(_names(v) for v in value.values()))
    if isinstance(value, list | tuple):
        return set().union(*(_names(v) for v in value))
    return set()


def _where(template: Path, test: Any) -> str:
    """「段落「…」のタグ {{ … }}」 for the first tag the test picks, or "" when none does."""
    for text in _paragraph_texts(template):
        for tag in _TAG.findall(text):
            if test(tag):
                shown = text if len(text) <= 60 else text[:60] + "…"
                return f"段落「{shown}」のタグ {tag}"
    return ""


def _syntax_slip(env: SandboxedEnvironment, tag: str) -> bool:
    if not tag.endswith(("}}", "%}")):
        return True  # opened and never closed in its paragraph
    if tag.startswith("{{"):
        try:
            env.parse(tag)
        except TemplateSyntaxError:
            return True
    return False


def _unbalanced(text: str) -> bool:
    """A paragraph whose tags do not open and close in it: Jinja would swallow the text up to the
    next closing brace elsewhere in the document, silently."""
    rest = _TAG.sub("", text)
    return any(mark in rest for mark in ("{{", "}}", "{%", "%}"))


def check_tags(template: Path, label: str) -> None:
    """Refuse a tag that is not closed in its paragraph or does not parse, before rendering."""
    env = _environment()
    for text in _paragraph_texts(template):
        bad = [tag for tag in _TAG.findall(text) if _syntax_slip(env, tag)]
        if bad or _unbalanced(text):
            shown = text if len(text) <= 60 else text[:60] + "…"
            tag = bad[0] if bad else text
            raise PacketError(
                f"テンプレート {label} の段落「{shown}」のタグ {tag} に書き方の誤りがあります："
                "{{ 名前 }} や {% … %} は同じ段落の中で閉じてください"
            )


def _tag_error(exc: TemplateError, template: Path, label: str, context: dict[str, Any]) -> PacketError:
    """Name the template, the tag, its paragraph as Word shows it, and the nearest known name."""
    if isinstance(exc, TemplateNotFound):
        where = _where(template, lambda tag: bool(_FILE_TAG.search(tag)))
        return PacketError(
            f"テンプレート {label} の{where or 'タグ'}：他のファイルを読み込むタグ（include・import・extends）は"
            "使えません。タグを削除してください"
        )
    if isinstance(exc, SecurityError):
        unsafe = _UNSAFE.search(str(exc))
        if unsafe:
            name = unsafe.group(1)
            where = _where(template, lambda tag: name in tag)
            return PacketError(
                f"テンプレート {label} の{where or 'タグ'}：「{name}」は安全のため使えません"
                "（_ で始まる名前や Python の内部の属性は、テンプレートから使えません）"
            )
        where = _where(template, lambda tag: "*" in tag)
        return PacketError(
            f"テンプレート {label} の{where or 'タグ'}：安全のため使えない書き方です"
            f"（{_MAX_REPEAT:,}回を超える繰り返しや、桁の大きすぎる累乗は使えません）"
        )
    if isinstance(exc, UndefinedError):
        m = _UNDEFINED.search(str(exc))
        name = (m.group(1) or m.group(2)) if m else ""
        word = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)|\.{re.escape(name)}(?!\w)")
        where = _where(template, lambda tag: bool(name) and bool(word.search(tag)))
        close = difflib.get_close_matches(name, sorted(_names(context)), n=1, cutoff=0.6)
        hint = f"（{close[0]} のことですか？）" if close else ""
        return PacketError(f"テンプレート {label} の{where or 'タグ'}：名前「{name}」はありません{hint}")
    first = re.search(r"'([^']+)'", exc.message or "")  # Encountered unknown tag 'fro'. …
    word = re.compile(rf"(?<!\w){re.escape(first.group(1))}(?!\w)") if first else None
    where = _where(template, lambda tag: _syntax_slip(_environment(), tag) or bool(word and word.search(tag)))
    return PacketError(f"テンプレート {label} の{where or 'タグ'}に書き方の誤りがあります：{exc.message}")


def render_docx(
    template: Path,
    context: dict[str, Any],
    when: datetime,
    template_label: str,
    fonts: FontSetting,
    fill: Callable[[Any], None] | None = None,
) -> bytes:
    """Render a docxtpl template to deterministic .docx bytes. ``fill``, when given, is called with the
    rendered python-docx Document before it is saved: for content a tag cannot make (a table of any
    columns, a picture), added in the template's styles; the context stays plain text for the sandbox."""
    if not template.is_file():
        raise PacketError(f"テンプレート {template_label} が見つかりません")
    try:
        check_tags(template, template_label)
        doc = DocxTemplate(str(template))
        doc.render(context, jinja_env=_environment(), autoescape=True)
    except TemplateError as exc:
        raise _tag_error(exc, template, template_label, context) from None
    except OverflowError:  # {{ range(10**9) }}: the sandbox refuses a range that large
        raise PacketError(
            f"テンプレート {template_label} のタグ：range の範囲が大きすぎます（安全のため10万件までです）"
        ) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise PacketError(
            f"テンプレート {template_label} をWord文書として読めません（{type(exc).__name__}）。"
            "Wordで開いて .docx 形式で保存し直してください"
        ) from None
    if fill is not None:
        fill(doc.docx)
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
