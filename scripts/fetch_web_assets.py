"""Fetch the map's JavaScript/CSS (Leaflet and the libraries folium loads) from the npm
registry into tracker/dashboard/static_assets/, so maps work without a CDN.

Run by `make` on install. Without npm the dashboard still works, loading the same files from
the public CDNs folium names. Pinned to the versions folium itself asks for.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "tracker" / "dashboard" / "static_assets"
PACKAGES = {
    # npm spec: (folder, the package folders to keep)
    "leaflet@1.9.3": ("leaflet", ("dist",)),
    "jquery@3.7.1": ("jquery", ("dist",)),
    "bootstrap@5.2.2": ("bootstrap", ("dist",)),
    "@fortawesome/fontawesome-free@6.2.0": ("fontawesome-free", ("css", "webfonts")),
    "leaflet.awesome-markers@2.0.5": ("leaflet.awesome-markers", ("dist",)),
    "leaflet.markercluster@1.1.0": ("leaflet.markercluster", ("dist",)),
}


def fetch(spec: str, folder: str, keep: tuple[str, ...], workdir: Path) -> dict:
    result = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(result.stdout)[0]
    with tarfile.open(workdir / info["filename"]) as tar:
        tar.extractall(workdir / folder, filter="data")
    package = workdir / folder / "package"
    destination = TARGET / folder
    shutil.rmtree(destination, ignore_errors=True)
    for part in keep:
        shutil.copytree(package / part, destination / part)
    licence = json.loads((package / "package.json").read_text()).get("license")
    return {"package": spec, "licence": licence}


def main() -> int:
    if shutil.which("npm") is None:
        print("npm not found: maps will load Leaflet from public CDNs", file=sys.stderr)
        return 0
    TARGET.mkdir(parents=True, exist_ok=True)
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec, (folder, keep) in PACKAGES.items():
            manifest.append(fetch(spec, folder, keep, Path(tmp)))
    (TARGET / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"web assets for offline maps in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
