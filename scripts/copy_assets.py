"""Copy the web UI's npm assets from node_modules into src/sitrep/web/static/vendor.

Run after ``npm ci`` (scripts/setup.sh does both). The vendor folder is gitignored: the files
come from the exact versions pinned in package-lock.json, and nothing is loaded from a CDN.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
VENDOR = ROOT / "src" / "sitrep" / "web" / "static" / "vendor"

# (package, path inside the package, destination inside vendor/)
ASSETS = [
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "dist/images", "leaflet/images"),
    ("leaflet", "LICENSE", "leaflet/LICENSE"),
    ("cytoscape", "dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"),
    ("cytoscape", "LICENSE", "cytoscape/LICENSE"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
    ("topojson-client", "LICENSE", "topojson-client/LICENSE"),
    ("world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"),
    ("world-atlas", "LICENSE", "world-atlas/LICENSE"),
    ("swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
    ("swagger-ui-dist", "swagger-ui.css", "swagger-ui/swagger-ui.css"),
    ("swagger-ui-dist", "LICENSE", "swagger-ui/LICENSE"),
]


def copy_assets(node_modules: Path = NODE, vendor: Path = VENDOR) -> list[str]:
    """Copy every asset; return the ones missing from node_modules (empty on success)."""
    missing = []
    for package, src, dest in ASSETS:
        source = node_modules / package / src
        target = vendor / dest
        if not source.exists():
            missing.append(f"{package}/{src}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
    return missing


def main() -> int:
    missing = copy_assets()
    if missing:
        print("Missing in node_modules (run `npm ci` first): " + ", ".join(missing),
              file=sys.stderr)
        return 1
    print(f"Copied {len(ASSETS)} web assets into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
