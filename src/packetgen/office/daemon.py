"""A warm LibreOffice: one office process kept running, converting files to PDF on request over UNO.

Run by ``warm.py`` with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno
gives it to the system Python only), so this file imports nothing but the standard library and uno —
never packetgen. It listens on a Unix socket, one JSON request per connection::

    {"files": ["/abs/a.docx", ...], "out_dir": "/abs/dir"}  ->  {"ok": true} | {"error": "..."}

and stops when no request came for ``idle`` seconds (or on SIGTERM/SIGINT), closing the office.
A conversion is the same export ``soffice --convert-to pdf`` runs (same filter, default settings),
so the PDFs are the same bytes; the caller checks every PDF either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

FILTERS = {".docx": "writer_pdf_Export", ".pptx": "impress_pdf_Export", ".xlsx": "calc_pdf_Export"}


def _props(**values: object) -> tuple:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


class Office:
    def __init__(self, soffice: str, profile: Path, pipe: str) -> None:
        self.process = subprocess.Popen(
            [
                soffice,
                f"-env:UserInstallation={profile.resolve().as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                "--nolockcheck",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.1)
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def convert(self, files: list[str], out_dir: str) -> None:
        for name in files:
            path = Path(name)
            target = Path(out_dir) / f"{path.stem}.pdf"
            document = self.desktop.loadComponentFromURL(
                path.resolve().as_uri(), "_blank", 0, _props(Hidden=True, ReadOnly=True)
            )
            if document is None:
                raise RuntimeError(f"cannot open {path.name}")
            try:
                document.storeToURL(target.resolve().as_uri(), _props(FilterName=FILTERS[path.suffix.lower()]))
            finally:
                document.close(True)

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # the office may be gone already: nothing to close
            self.desktop.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def serve(soffice: str, profile: Path, socket_path: Path, idle: float) -> None:
    office = Office(soffice, profile, pipe=f"packetgen_{os.getpid()}")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    socket_path.unlink(missing_ok=True)
    server.bind(str(socket_path))
    server.listen(4)
    server.settimeout(idle)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        server.close()  # wakes accept()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("ready", flush=True)  # the parent waits for this line, then lets go of us
    try:
        while not stopping:
            try:
                connection, _ = server.accept()
            except (TimeoutError, OSError):
                break  # idle long enough, or stopped
            with connection:
                connection.settimeout(None)
                reply: dict[str, object]
                try:
                    line = connection.makefile("r", encoding="utf-8").readline()
                    if not line:
                        continue  # a client making sure we are up (warm_up): nothing to convert
                    request = json.loads(line)
                    office.convert(request["files"], request["out_dir"])
                    reply = {"ok": True}
                except Exception as error:  # reported to the client, which falls back to a cold start
                    reply = {"error": f"{type(error).__name__}: {error}"}
                    if office.process.poll() is not None:
                        stopping = True
                connection.sendall(json.dumps(reply).encode() + b"\n")
    finally:
        socket_path.unlink(missing_ok=True)
        office.stop()


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]))
