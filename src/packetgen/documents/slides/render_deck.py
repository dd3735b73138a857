"""The slide decks' rendering (python-pptx), loaded only when a deck is really built."""

from __future__ import annotations

from packetgen.core.errors import PacketError
from packetgen.documents.base import BuildContext
from packetgen.documents.slides.source import DeckData
from packetgen.inputs.slides import LAYOUTS, Slide
from packetgen.render.pptx_deck import DeckWriter
from packetgen.render.pptx_shapes import Para
from packetgen.render.rich_text import plain
from packetgen.render.slide_blocks.base import Block, Box
from packetgen.render.slide_blocks.grids import Cards, CardSection, Cases, Figures, align_grids
from packetgen.render.slide_blocks.table import Table, TableData
from packetgen.render.slide_blocks.text import BulletGroup, Footnote, Lead, Note
from packetgen.render.slide_fit import SlideOverflow, fit, gap, stack_height
from packetgen.render.text_fit import FontMeasure, slide_font

TITLE_SIZES = (20.0, 19.0, 18.0, 17.0, 16.0)
CONTINUED = "（続き）"  # the mark of a slide that continues the one before under the same title
KPI_COLUMNS = (("指標", 5.0), ("目標値", 2.2), ("目標年次", 1.6), ("現状値", 2.4))


def render(ctx: BuildContext, data: DeckData, template: str) -> bytes:
    """The deck, slide by slide from its source on ``template``'s masters, fitted in the setting's ゴシック
    and saved deterministically."""
    deck = DeckWriter(ctx.template_path(template), f"templates/{template}", LAYOUTS)
    font = slide_font(ctx.fonts)
    footer = f"{ctx.meeting.session_name}　{ctx.entry.short_name}" if ctx.entry.label else ctx.meeting.session_name
    where = ctx.entry.short_name if ctx.entry.label else f"資料{ctx.entry.id}"
    for number, slide in enumerate(data.source.slides, start=1):
        try:
            if slide.layout == "title":
                _cover(deck, slide, ctx, first=number == 1)
            elif slide.layout == "section":
                _section(deck, slide, footer)
            else:
                _content(deck, slide, footer, font)
        except SlideOverflow as exc:
            line = data.lines[number - 1]
            raise PacketError(
                f"{where} スライド{number}（{data.file} {line}行目）「{slide.title}」の"
                f"「{exc.block}」が収まりません：最小の文字サイズでも高さ {exc.needed_pt / 2.835:.0f}mm が必要で、"
                f"使えるのは {exc.available_pt / 2.835:.0f}mm です。内容を2枚のスライドに分けてください"
            ) from None
        except _TitleTooLong as exc:
            raise PacketError(
                f"{where} スライド{number}（{data.file} {data.lines[number - 1]}行目）の"
                f"{exc.args[0]}が長すぎて1行に収まりません：「{exc.args[1]}」"
            ) from None
    return deck.save(ctx.timestamp, ctx.entry.title, ctx.fonts)


class _TitleTooLong(Exception):
    pass


# --- slide kinds ---------------------------------------------------------------------------------
def _one_line(text: str, width_pt: float, sizes: tuple[float, ...], what: str, font: FontMeasure) -> float:
    for size in sizes:  # titles are set bold
        if font.text_width(plain(text), size, bold=True) <= width_pt * 0.97:
            return size
    raise _TitleTooLong(what, text)


def _title_paras(slide_obj, text: str, font: FontMeasure) -> list[Para]:
    ph = slide_obj.shapes.title
    size = _one_line(text, ph.width / 12700, TITLE_SIZES, "タイトル", font)
    return [Para(text, size, bold=True)]


def _cover(deck: DeckWriter, slide: Slide, ctx: BuildContext, first: bool) -> None:
    s = deck.add_slide("title")
    date_part, _, rest = ctx.label.partition("　")
    deck.fill(s, 13, [Para(date_part, 10.5), Para(rest, 10.5)] if first else None)
    deck.fill(s, 14, [Para(slide.kicker, 14)] if slide.kicker else None)
    # one source for the title: meeting.yaml's 名称; a title typed here overrides it (check says so)
    deck.fill(s, 0, [Para(slide.title or ctx.entry.title, 28, bold=True, align="ctr")])
    deck.fill(s, 1, [Para(slide.subtitle, 18, align="ctr")] if slide.subtitle else None)
    _notes(s, slide)


def _section(deck: DeckWriter, slide: Slide, footer: str) -> None:
    s = deck.add_slide("section")
    deck.fill(s, 0, [Para(slide.title, 28, bold=True)])
    deck.fill(s, 1, [Para(slide.subtitle, 18)] if slide.subtitle else None)
    deck.furniture(s, footer)
    _notes(s, slide)


def _content(deck: DeckWriter, slide: Slide, footer: str, font: FontMeasure) -> None:
    x, y, w, h = deck.content_region(slide.layout)
    blocks = _blocks(slide)
    align_grids(blocks, w, font)
    fitted = fit(blocks, w, h, font)
    for page, blocks in enumerate(fitted.pages):
        s = deck.add_slide(slide.layout)
        title = slide.title if page == 0 or slide.title.endswith(CONTINUED) else f"{slide.title}{CONTINUED}"
        deck.fill(s, 0, _title_paras(s, title, font))
        if slide.category:
            size = _one_line(slide.category, w, (10.5, 10.0, 9.5, 9.0), "分類", font)
            deck.fill(s, 13, [Para(slide.category, size)])
        else:
            deck.fill(s, 13, None)
        deck.fill(s, 1, None)  # the content placeholder only marks the region
        top = y
        for block in blocks:
            block.draw(s, Box(x, top, w), fitted.size, font)
            top += block.height(fitted.size, w, font) + gap(fitted.size)
        assert top - gap(fitted.size) <= y + h + 0.01 or stack_height(blocks, fitted.size, w, font) <= h
        deck.furniture(s, footer)
        if page == 0:
            _notes(s, slide)


def _notes(s, slide: Slide) -> None:
    if slide.notes:
        s.notes_slide.notes_text_frame.text = slide.notes


def _blocks(slide: Slide) -> list[Block]:
    blocks: list[Block] = []
    if slide.lead:
        blocks.append(Lead(slide.lead))
    if slide.layout == "kpi":
        blocks.append(_kpi_table(slide))
    elif slide.layout == "table":
        blocks.append(_plain_table(slide))
    elif slide.layout == "timeline":
        blocks.append(_timeline(slide))
    elif slide.layout == "cards":
        blocks.append(
            Cards(
                [
                    CardSection(sec.heading, [(c.title, c.text, c.items) for c in sec.cards])
                    for sec in slide.card_sections
                ]
            )
        )
    for i, group in enumerate(slide.groups, start=1):
        name = f"本文{i}（{plain(group.heading)}）" if group.heading else f"本文{i}"
        blocks.append(BulletGroup(group.heading, [(b.text, b.items) for b in group.bullets], group.marker, name))
    if slide.box:
        blocks.append(Note(slide.box_title, slide.box))
    if slide.cases:
        blocks.append(Cases([(c.caption, c.place) for c in slide.cases]))
    if slide.figures:
        blocks.append(Figures([(f, "") for f in slide.figures]))
    if slide.footnote:
        blocks.append(Footnote(slide.footnote))
    return blocks


def _kpi_table(slide: Slide) -> Table:
    values = [(k.label, k.value, k.year, k.current) for k in slide.kpis]
    keep = [c for c in range(4) if c < 2 or any(v[c] for v in values)]  # drop an empty 目標年次/現状値
    return Table(
        TableData(
            header=[KPI_COLUMNS[c][0] for c in keep],
            rows=[[v[c] for c in keep] for v in values],
            weights=[KPI_COLUMNS[c][1] for c in keep],
            emphasis=(1,),
        ),
        "KPI表",
    )


def _plain_table(slide: Slide) -> Table:
    longest = [max([len(plain(col))] + [len(plain(r[c])) for r in slide.rows]) for c, col in enumerate(slide.columns)]
    weights = [min(max(n, 4), 40) for n in longest]
    return Table(TableData(list(slide.columns), [list(r) for r in slide.rows], weights), "表")


def _timeline(slide: Slide) -> Table:
    rows = []
    for e in slide.entries:
        when = "　".join(t for t in (e.label, e.date) if t)  # one line: 12 meetings fit one slide
        text = e.text + (f"【{e.tag}】" if e.tag else "")
        rows.append([when, text])
    return Table(TableData(None, rows, [1.6, 4.0], result_rows=[e.result for e in slide.entries]), "開催実績")
