"""The packet's documents, one module per id; importing this package fills the registry.

To add a document: write a module with a ``@register``-ed DocumentBuilder and import it below.
The CLI never changes.
"""

from packetgen.documents import agenda, decks  # noqa: F401  (register "agenda", "1-1", "1-2")
from packetgen.documents.base import REGISTRY, BuildContext, DocumentBuilder, register

__all__ = ["REGISTRY", "BuildContext", "DocumentBuilder", "register"]
