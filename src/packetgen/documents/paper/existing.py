"""文書 from a paper staff already have: a Word document (.docx) another section wrote, or a PDF from
the prefecture, named by meeting.yaml's 資料 entry under 入力.原稿 and included as it is, with the
packet's 資料 label at the top right of its first page and 「－ n －」 at the foot of every page.

A .docx stays a .docx (render/docx_paper.py: its own headers and footers give way to the marks, the
font setting is applied) and prints through LibreOffice as the other Word documents do; a .pdf stays
a .pdf (render/pdf_stamp.py), which print takes as it is.

Loading checks what would stop the build, so nothing is written then: the file is there, is a .docx or
a .pdf, opens (no password, not damaged), and a PDF embeds the fonts its text prints in (the printing
office would print others). What staff should know but may accept is a 注意: a paper size other than
A4, the paper's own headers and footers replaced, tracked changes (they print marked) or comments
(they do not print) in a Word paper, page numbers of a PDF's own (packetgen's are added all the
same), a mark that would lie on the paper's ink.
"""

from __future__ import annotations

from dataclasses import dataclass

from packetgen.core.errors import PacketError, Problem
from packetgen.documents.base import BuildContext
from packetgen.inputs.meeting import DocumentEntry
from packetgen.render import docx_paper, pdf_paper

ROLE = "原稿"
SUFFIXES = (".docx", ".pdf")


@dataclass(frozen=True)
class ExistingPaper:
    source: bytes  # the file as staff gave it
    suffix: str  # ".docx" or ".pdf"
    file: str  # inputs/DATE/… as staff find it
    notices: tuple[str, ...]  # 注意 lines for the builder's ``notices``


def is_given(entry: DocumentEntry) -> bool:
    """Whether the document is a paper given as it is (its content, fonts and paper are its author's)."""
    return ROLE in entry.inputs


def _entry_key(ctx: BuildContext) -> str:
    """The entry's place in meeting.yaml, as messages name keys there: 資料[6]."""
    return f"資料[{ctx.meeting.documents.index(ctx.entry) + 1}]"


def _where(ctx: BuildContext) -> str:
    return f"inputs/{ctx.meeting_dir.name}/meeting.yaml の {_entry_key(ctx)}.入力.{ROLE}"


def _label(ctx: BuildContext) -> str:
    """The 資料 label only when the meeting file gives the document a 資料番号 (as the donation report)."""
    return ctx.label if ctx.entry.label else ""


def load_existing(ctx: BuildContext, problems: list[Problem]) -> ExistingPaper | None:
    """The paper named under 入力.原稿, checked; its problems appended (then None)."""
    meeting_file = f"inputs/{ctx.meeting_dir.name}/meeting.yaml"
    if ROLE not in ctx.entry.inputs:
        problems.append(
            Problem(meeting_file, f"入力「{ROLE}」のファイルを指定してください", column=f"{_entry_key(ctx)}.入力")
        )
        return None
    file, path, where = ctx.input_label(ROLE), ctx.input_path(ROLE), _where(ctx)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        problems.append(
            Problem(
                file,
                f"原稿に使えるのは Word 文書（.docx）か PDF（.pdf）です（{where}）。"
                "Word の .doc は「Word 文書（*.docx）」として、ほかの形式は PDF として保存し直してください",
            )
        )
        return None
    try:
        source = path.read_bytes()
    except OSError:
        problems.append(Problem(file, f"ファイルが見つかりません（{where}）"))
        return None
    start = len(problems)
    try:
        if suffix == ".docx":
            notices = _docx_notices(file, docx_paper.read_docx(source))
        else:
            notices = _pdf_notices(file, where, source, _label(ctx), problems)
    except (docx_paper.Unreadable, pdf_paper.Unreadable) as exc:
        problems.append(Problem(file, f"{exc}（{where}）"))
        return None
    if len(problems) > start:
        return None
    return ExistingPaper(source, suffix, file, tuple(notices))


def _docx_notices(file: str, paper: docx_paper.DocxPaper) -> list[str]:
    notices = []
    if paper.own_marks is not None:
        shown = f"（「{paper.own_marks[:30]}」）" if paper.own_marks else ""
        notices.append(f"注意：{file} のヘッダー・フッター{shown}は、資料番号のラベルとページ番号に置き換えました")
    if paper.tracked:
        notices.append(
            f"注意：{file} に変更履歴（挿入・削除）が残っています。印刷すると変更の印（下線や取り消し線）が出ます。"
            "Word で［校閲］→［承諾］→［すべての変更を反映］を選んでから保存し直してください"
        )
    if paper.comments:
        notices.append(
            f"注意：{file} にコメントがあります。コメントは印刷されません。配る内容に要るときは本文に書き入れてください"
        )
    other = [size for size in paper.sizes if not docx_paper.is_a4(size)]
    if other:
        width, height = other[0]
        notices.append(f"注意：{file} の用紙が A4 ではありません（{width:.0f}×{height:.0f}mm）。{pdf_paper.NOT_A4}")
    return notices


def _pdf_notices(file: str, where: str, source: bytes, label: str, problems: list[Problem]) -> list[str]:
    paper = pdf_paper.read_pdf(source)
    if paper.loose_fonts:
        problems.append(
            Problem(
                file,
                f"埋め込まれていないフォントがあります：{'、'.join(paper.loose_fonts)}（{where}）。"
                "印刷所では別の書体になります。作成元にフォントを埋め込んだ PDF をもらうか、"
                "PDF を開いて「印刷」から PDF に保存し直してください",
            )
        )
        return []
    not_a4 = pdf_paper.not_a4_notice(file, paper.sizes)
    notices = [not_a4] if not_a4 else []
    label_inked, folios = pdf_paper.inked(source, label)
    if label_inked:
        notices.append(
            f"注意：{file} の1ページ目の右上（上端から{pdf_paper.LABEL_BASELINE_MM:.0f}mmほど）に原稿の文字や線があり、"
            "資料番号のラベルが重なります。プレビューで確かめ、読めないときは右上を空けた原稿をもらってください"
        )
    own = pdf_paper.own_folios(source)
    if own:
        notices.append(
            f"注意：{file} には原稿のページ番号があります（{_pages([n for n, _ in own])}ページ目の下端："
            f"「{own[0][1]}」など）。packetgen は下端中央に「－ 1 －」の形のページ番号を書き足すので、"
            "番号が2つ印刷されます。番号のない原稿をもらえるときは差し替えてください"
        )
    if folios:
        notices.append(
            f"注意：{file} の{_pages(folios)}ページ目の下端中央（下端から{pdf_paper.FOLIO_BASELINE_MM:.0f}mmほど）に"
            "原稿の文字や線があり、ページ番号が重なります。原稿にページ番号があるときは、番号のない原稿をもらってください"
        )
    return notices


def _pages(numbers: list[int]) -> str:
    """1・2・3, or 1・2・3・4・5ほか7ページ."""
    return "・".join(str(n) for n in numbers[:5]) + (f"ほか{len(numbers) - 5}ページ" if len(numbers) > 5 else "")


def render_existing(ctx: BuildContext, data: ExistingPaper) -> bytes:
    """The paper with the packet's marks, as a .docx or a .pdf as it was given."""
    label = _label(ctx)
    try:
        if data.suffix == ".docx":
            return docx_paper.stamp_docx(data.source, label, ctx.entry.title, ctx.fonts, ctx.timestamp)
        from packetgen.render import font_files
        from packetgen.render.pdf_stamp import stamp_pdf

        font = font_files.resolve(ctx.fonts.gothic)
        if font is None:
            raise PacketError(f"ゴシック「{ctx.fonts.gothic}」がこのコンピューターにありません（{ctx.fonts.source}）")
        return stamp_pdf(data.source, label, ctx.entry.title, font, ctx.timestamp)
    except (docx_paper.Unreadable, pdf_paper.Unreadable) as exc:
        raise PacketError(f"{data.file}: {exc}（{_where(ctx)}）") from None
