"""Voila's standalone server as `make run` runs it: its responses compressed and cached.

serve.py starts this script with Voila's command line; it runs Voila's own application, made a
subclass (:class:`ClassroomVoila`) for what no setting of Voila gives: Voila builds its Tornado
application before it applies ``Voila.tornado_settings`` (so Tornado's ``compress_response``
setting has no effect there) and names its static file handlers' classes in code. The subclass,
through Voila's and Tornado's public methods:

- adds compression.py's output transform (Brotli or gzip, per request) to the application,
  after page_language.py's (a dashboard's page declares the language its address names);
- serves every static file (the template's, Voila's, the extensions', the themes') through a
  subclass of its own handler that sends a copy compressed once and marks a file whose URL
  names its content immutable (compression.py).

Run as a script, this file's folder comes first on ``sys.path``, where voila.py would stand in
for the voila package: the folder is taken off before Voila is imported.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

from voila.app import Voila  # noqa: E402


def _beside(name: str) -> Any:
    """A module of this folder, loaded from its file under the name voila.py gives it too."""
    key = f"csl_voila_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


compression = _beside("compression")
page_language = _beside("page_language")


class ClassroomVoila(Voila):
    """Voila with compressed responses and immutable caching of content-named files."""

    def init_handlers(self) -> list:
        """Voila's handlers, each static file handler made one that serves compressed copies.

        Voila calls this once it has built its Tornado application (``self.app``), to which the
        per-request compression is added here too, before any request is served.
        """
        self.app.add_transform(page_language.PageLanguage)  # before the compression: it reads
        self.app.add_transform(compression.ContentEncoding)
        handlers = []
        for rule in super().init_handlers():
            if isinstance(rule, tuple) and len(rule) >= 2:
                rule = (rule[0], compression.compressing(rule[1]), *rule[2:])
            handlers.append(rule)
        return handlers


main = ClassroomVoila.launch_instance

if __name__ == "__main__":
    main()
