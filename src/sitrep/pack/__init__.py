"""Knowledge packs: who is who (actor registry) and where is where (gazetteer), as data.

``load_pack()`` returns the built-in Sahel pack (or ``$SITREP_PACK``); see docs/contracts.md
for the API and docs/knowledge-pack.md for the data format.
"""

from .normalize import fold, normalize
from .pack import Pack, load_pack
from .types import (
    Actor,
    ActorMention,
    Alias,
    Fact,
    Place,
    PlaceContext,
    PlaceMention,
    ResolvedPlace,
)

__all__ = [
    "Actor", "ActorMention", "Alias", "Fact", "Pack", "Place", "PlaceContext", "PlaceMention",
    "ResolvedPlace", "fold", "load_pack", "normalize",
]
