"""sitrep.web: server-rendered pages (Jinja2, autoescaped) with small JS files and npm assets.

Vendor assets (Leaflet, Cytoscape, world-atlas, topojson-client, swagger-ui) are copied from
node_modules into ``static/vendor`` by ``scripts/copy_assets.py``; nothing loads from a CDN.
"""

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
TEMPLATES_DIR = WEB_DIR / "templates"

# Files a page needs from static/vendor (checked by `sitrep serve` and the browser tests).
VENDOR_FILES = (
    "leaflet/leaflet.js", "leaflet/leaflet.css", "cytoscape/cytoscape.min.js",
    "topojson-client/topojson-client.min.js", "world-atlas/countries-50m.json",
)


def missing_assets() -> list[str]:
    """Vendor files that are not installed yet (empty when the UI is complete)."""
    return [f for f in VENDOR_FILES if not (VENDOR_DIR / f).is_file()]
