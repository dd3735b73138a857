"""LibreOffice headless conversion to PDF: one batched call, a private profile, a timeout.

LibreOffice exits 0 even when a file is missing or corrupt, and two inputs with the same stem
overwrite one PDF, so the caller gets the expected PDF paths and every one is checked here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from packetgen.errors import PacketError
from packetgen.render.font_files import fontconfig_environment

CANDIDATES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


def convert_to_pdf(files: Sequence[Path], out_dir: Path, timeout: float = 300) -> list[Path]:
    """Convert Office files to PDFs in out_dir in one LibreOffice call; return the PDFs in order."""
    soffice = find_soffice()
    if soffice is None:
        raise PacketError(
            "LibreOffice が見つかりません。Debian/Ubuntu では "
            "`apt-get install libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui` "
            "でインストールしてください"
        )
    stems = [f.stem for f in files]
    clashes = sorted({s for s in stems if stems.count(s) > 1})
    if clashes:
        raise PacketError(f"同じ名前のファイルは同時に変換できません：{'、'.join(clashes)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    expected = [out_dir / f"{f.stem}.pdf" for f in files]
    for pdf in expected:
        pdf.unlink(missing_ok=True)  # a stale PDF must not pass for a fresh one
    with tempfile.TemporaryDirectory(prefix="packetgen-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        try:
            # fontconfig with packetgen's aliases: the files name 「BIZ UD明朝 Medium」 as Windows does
            env = fontconfig_environment()
            subprocess.run(command, check=False, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            raise PacketError(f"LibreOffice の変換が {timeout:.0f} 秒以内に終わりませんでした") from None
    missing = [f.name for f, pdf in zip(files, expected, strict=True) if not pdf.is_file() or pdf.stat().st_size == 0]
    if missing:
        raise PacketError(f"PDF に変換できなかったファイルがあります：{'、'.join(missing)}")
    return expected
