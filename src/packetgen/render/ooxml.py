"""Deterministic Office packages: same inputs, same bytes.

Office files are zip archives; zip entries carry the time they were written and core properties
carry creation times. Both are pinned here so a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from packetgen.core.fonts import FontSetting
from packetgen.render.ooxml_fonts import apply_fonts

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def pin_core_times(xml: bytes, when: datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _W3CDTF.sub(lambda m: m.group(1) + stamp + m.group(3), xml)


def normalize_package(data: bytes, when: datetime, fonts: FontSetting) -> bytes:
    """Rewrite an OOXML zip with every font from the font setting, fixed entry times and pinned
    core-property times (entry order kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in apply_fonts(entries, fonts):
            if name == "docProps/core.xml":
                body = pin_core_times(body, when)
            entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body, compresslevel=6)
    return out.getvalue()


def with_fonts(data: bytes, fonts: FontSetting) -> bytes:
    """An Office package with every font from the setting and nothing else changed: how the template
    generators in tools/ write templates that name only the configured fonts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        entries = [(info.filename, src.read(info.filename)) for info in infos]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, (_, body) in zip(infos, apply_fonts(entries, fonts), strict=True):
            dst.writestr(info, body)
    return out.getvalue()
