"""The packet's documents, one module per id; importing this package fills the registry.

To add a document, write a module here with a ``@register``-ed DocumentBuilder: every module of this
package is imported (in name order), so neither this file nor the CLI changes.
"""

import importlib
import pkgutil

from packetgen.documents.base import REGISTRY, BuildContext, DocumentBuilder, register

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "base" and not _module.startswith("_"):  # _x: heavy implementations, loaded on use
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["REGISTRY", "BuildContext", "DocumentBuilder", "register"]
