"""Fetch plotly.js's basic bundle for the dashboards' charts: scatter, bar and pie traces only.

The simulator's charts are scatter traces (csl_helpers/views/penalties/plots.py), which
plotly.js's basic bundle draws: 1.2 MB of script (0.33 MB in Brotli) against 4.8 MB (1.1 MB)
of the full plotly.js that the plotly package ships. The page hook serves it in the full one's
place (page_scripts.py's :func:`plotly_for_page`) when it is the release of plotly.js the
installed plotly package ships, so a figure the kernel builds is drawn by the plotly.js it was
made for; otherwise the full one is served. tests/test_page_scripts.py fails when the two
releases differ, naming this command:

    .venv/bin/python share/voila/plotly_bundle.py

It fetches the npm package ``plotly.js-basic-dist-min`` of that release with ``npm pack``,
checks it against the registry's integrity hash, and writes ``plotly-basic.min.js``, its
licence (MIT) and a ``RELEASE`` file naming the release into FOLDER.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "jupyter/voila/templates/csl/static/plotly"
PACKAGE = "plotly.js-basic-dist-min"
SCRIPT = "plotly-basic.min.js"
TRACES = frozenset({"scatter", "bar", "pie"})
"""The trace types the basic bundle draws."""


def bundled_release(folder: Path = FOLDER) -> str | None:
    """The plotly.js release of the bundle in ``folder``; None when there is none."""
    try:
        return (folder / "RELEASE").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def fetch(release: str, folder: Path = FOLDER) -> Path:
    """Write the basic bundle of ``release`` into ``folder``; its path."""
    spec = f"{PACKAGE}@{release}"
    integrity = subprocess.run(
        ["npm", "view", spec, "dist.integrity"], capture_output=True, text=True, check=True
    ).stdout.strip()
    algorithm, _, expected = integrity.partition("-")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", spec, "--silent"], cwd=tmp, check=True, capture_output=True)
        [tarball] = Path(tmp).glob("*.tgz")
        digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
        if digest != expected:
            raise SystemExit(f"{tarball.name}: integrity {digest} is not the registry's {expected}")
        with tarfile.open(tarball) as archive:
            script = archive.extractfile(f"package/{SCRIPT}").read()
            licence = archive.extractfile("package/LICENSE").read()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SCRIPT).write_bytes(script)
    (folder / "LICENSE").write_bytes(licence)
    (folder / "RELEASE").write_text(release + "\n", encoding="utf-8")
    return folder / SCRIPT


if __name__ == "__main__":
    from plotly.offline import get_plotlyjs_version

    wanted = sys.argv[1] if len(sys.argv) > 1 else get_plotlyjs_version()
    print(fetch(wanted))
