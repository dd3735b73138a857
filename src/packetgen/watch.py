"""packetgen watch: proofread while editing. Each save of an input or template rebuilds the documents
that read it (the build is incremental), then refreshes their print PDFs, page images and the preview
page, which reloads itself in the browser.

A mistake in an input is shown and the watch waits for the next save; Ctrl-C stops it between or
during steps, and every step commits atomically, so the outputs are always one consistent version.
packet.pdf, the 印刷発注書 and the zip stay withdrawn until ``packetgen print``. LibreOffice is kept
warm (office/warm.py) for as long as the watch runs, so a save costs a conversion, not a start.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from packetgen.core.errors import PacketError

if TYPE_CHECKING:
    from packetgen.printing.preview import Tiles

DEBOUNCE_MS = 300  # editors save in bursts (a temp file, a rename, the lock file): wait for quiet
# Office's lock files (~$name.xlsx, .~lock.name#) and editors' temporary files change without a save
_NOT_A_SAVE = re.compile(r"(^~\$|^\.~lock\.|~$|\.sw.$|^\.#|\.tmp$|^#.*#$)")


def is_a_save(path: str) -> bool:
    return not _NOT_A_SAVE.search(Path(path).name)


def watched(project: Path, date: str) -> list[Path]:
    """What a save is looked for in: the meeting's inputs and the templates."""
    return [project / "inputs" / date, project / "templates"]


def watch(
    project: Path,
    date: str,
    say: Callable[[str], None],
    stop: threading.Event | None = None,
    ready: Callable[[], None] = lambda: None,
) -> None:
    """Rebuild and refresh proofs after each save until ``stop`` is set (or Ctrl-C); ``ready`` is
    called each time the watch waits for the next save."""
    import watchfiles

    from packetgen.printing.preview import Tiles

    stop = stop or threading.Event()
    folders = [f for f in watched(project, date) if f.is_dir()]
    if not folders:
        raise PacketError(f"入力フォルダがありません：{project / 'inputs' / date}")
    keep_warm = threading.Thread(target=_keep_warm, args=(project, date, stop), daemon=True)
    keep_warm.start()
    tiles = Tiles()  # the contact sheets' tiles, kept for the whole session
    _cycle(project, date, say, tiles)
    page = project / "outputs" / date / "print" / "preview" / "index.html"
    say(f"プレビュー：{page.resolve().as_uri()}（ブラウザで開くと、保存のたびに自動で更新されます）")
    say(f"監視中：{'、'.join(str(f) for f in folders)}（保存すると作り直します。終了は Ctrl+C）")
    ready()
    for changes in watchfiles.watch(  # Ctrl-C: KeyboardInterrupt, caught by the command
        *folders,
        watch_filter=lambda _change, path: is_a_save(path),
        debounce=DEBOUNCE_MS,
        step=50,
        stop_event=stop,
        raise_interrupt=True,
    ):
        names = _saved(project, changes)
        if not names:
            continue  # a file that came and went (an editor's or sed's temporary file)
        say(f"[{datetime.now():%H:%M:%S}] 保存を検出：{'、'.join(names)}")
        _cycle(project, date, say, tiles)
        ready()


def _saved(project: Path, changes: set) -> list[str]:
    """The files saved, as the user names them; a file added and deleted within one burst is left out."""
    from watchfiles import Change

    kinds: dict[str, set[Change]] = {}
    for change, path in changes:
        kinds.setdefault(path, set()).add(change)
    transient = {Change.added, Change.deleted}
    return sorted(_relative(project, path) for path, seen in kinds.items() if not transient <= seen)


def _relative(project: Path, path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(project.resolve()))
    except ValueError:
        return path


def _cycle(project: Path, date: str, say: Callable[[str], None], tiles: Tiles) -> None:
    """One rebuild and proof refresh; a mistake in the inputs is shown, not raised."""
    from packetgen.building.packet import Packet
    from packetgen.building.run import Progress, build
    from packetgen.printing import proofs
    from packetgen.review.summary import build_lines

    started = time.perf_counter()
    try:
        packet = Packet(project, date)
        plan = packet.plan()
        result = build(
            packet,
            plan,
            progress=Progress(built=lambda b: say(f"  作成  {b.planned.id}  {b.planned.output_name}"), say=say),
        )
        for line in build_lines(result, packet.key):
            say(line)
        refreshed = proofs.refresh(packet, plan, say, tiles)
    except PacketError as error:
        say(f"エラー：{error.render()}")
        say("入力を直して保存すると、もう一度作成します（出力は前回のままです）")
        return
    if result.built or refreshed:
        say(f"プレビューを更新しました（{time.perf_counter() - started:.1f}秒）")
    else:
        say("変更はありません（資料もプレビューも最新です）")


def _keep_warm(project: Path, date: str, stop: threading.Event) -> None:
    """Keep LibreOffice warm while watching (it stops on its own some minutes after the watch ends)."""
    from packetgen.building.outputs import OutputFolder
    from packetgen.printing.proofs import keep_offices_warm

    keep_offices_warm(OutputFolder(project / "outputs", date).workspace, stop)
