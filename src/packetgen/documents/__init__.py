"""The packet's documents, one module per id; importing this package fills the registry.

To add a document: write a module with a ``@register``-ed DocumentBuilder and import it below.
The CLI never changes.
"""

from packetgen.documents import agenda  # noqa: F401  (registers "agenda")
from packetgen.documents.base import REGISTRY, BuildContext, DocumentBuilder, register

__all__ = ["REGISTRY", "BuildContext", "DocumentBuilder", "register"]
