"""Compressed and cached responses for `make run`'s server (server_app.py beside this file).

A class shares one access point: a dashboard page was 9 MB of uncompressed JavaScript, CSS and
HTML, half a minute at a fortieth of a 100 Mbit/s Wi-Fi. This module gives the server:

- :class:`ContentEncoding`, a Tornado output transform for the responses made per request (the
  page, the REST answers): Brotli where the browser accepts it, gzip otherwise, streamed;
- :func:`compressing`, which turns one of Voila's or Jupyter's static file handlers into one
  that serves a file compressed once: the first request for a file compresses it quickly
  (Brotli quality 5, gzip level 6) in a thread, a background thread of low priority then makes
  the best encoding (Brotli 11, gzip 9), and both are kept in :class:`Store`'s folder, named by
  a digest of the content, so a restart or a second server finds them made; and it serves a
  file whose URL names its content (``?v=`` of Voila's template URLs, a digest in the name)
  with ``Cache-Control: public, max-age=31536000, immutable``.
"""

from __future__ import annotations

import asyncio
import hashlib
import mimetypes
import os
import re
import tempfile
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tornado import httputil
from tornado.web import OutputTransform, StaticFileHandler

try:
    import brotli
except ImportError:  # the server then answers gzip only
    brotli = None

COMPRESSIBLE = frozenset(
    {
        "application/javascript",
        "application/x-javascript",
        "application/json",
        "application/xml",
        "application/xhtml+xml",
        "application/manifest+json",
        "image/svg+xml",
        "font/ttf",
        "font/otf",
        "application/vnd.ms-fontobject",
    }
)
"""Types compressed besides ``text/*`` (WOFF2, images and the like are compressed already)."""
MIN_LENGTH = 1024
"""A response shorter than this goes out as it is: the encoding would cost more than it saves."""
IMMUTABLE = "public, max-age=31536000, immutable"
CONTENT_NAMED = re.compile(r"(?:^|[./_-])[0-9a-f]{8,}(?:[./_-]|$)")
"""A file name holding a digest of its content (``remoteEntry.92dd9ab6.js``, webpack's chunk
names, ``page-scripts-e4f90a267e35568b.js``): a new content gets a new name."""
FAST = {"br": 5, "gzip": 6}
BEST = {"br": 11, "gzip": 9}
SUFFIX = {"br": "br", "gzip": "gz"}


def accepted(header: str) -> list[str]:
    """The encodings of an ``Accept-Encoding`` header this server can give, best first.

    >>> accepted("gzip, deflate, br, zstd")[:1] == (["br"] if brotli else ["gzip"])
    True
    >>> accepted("gzip;q=0, identity")
    []
    """
    given = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        given[name.strip().lower()] = quality
    wildcard = given.get("*", 0.0)
    offered = ["br", "gzip"] if brotli is not None else ["gzip"]
    return [e for e in offered if given.get(e, wildcard) > 0]


def choose(header: str | None) -> str | None:
    """The encoding of a response to a request with this ``Accept-Encoding``; None: identity."""
    encodings = accepted(header or "")
    return encodings[0] if encodings else None


def compressible(content_type: str) -> bool:
    """Whether a response of this type (parameters allowed) is worth compressing."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith("text/") or kind in COMPRESSIBLE or kind.endswith("+json")


def compress(data: bytes, encoding: str, quality: int) -> bytes:
    """``data`` in ``encoding`` (``br`` or ``gzip``) at ``quality``."""
    if encoding == "br":
        return brotli.compress(data, quality=quality)
    packer = zlib.compressobj(quality, zlib.DEFLATED, 31)  # 31: the gzip format
    return packer.compress(data) + packer.flush()


class _Stream:
    """One response's encoder, fed chunk by chunk."""

    def __init__(self, encoding: str) -> None:
        if encoding == "br":
            self._brotli = brotli.Compressor(quality=FAST["br"])
        else:
            self._brotli = None
            self._gzip = zlib.compressobj(FAST["gzip"], zlib.DEFLATED, 31)

    def feed(self, chunk: bytes, finishing: bool) -> bytes:
        if self._brotli is not None:
            out = self._brotli.process(chunk)
            return out + (self._brotli.finish() if finishing else self._brotli.flush())
        out = self._gzip.compress(chunk)
        return out + self._gzip.flush(zlib.Z_FINISH if finishing else zlib.Z_SYNC_FLUSH)


class ContentEncoding(OutputTransform):
    """Brotli or gzip for a response made per request, as the request accepts.

    A response that carries an encoding already (a static file served compressed), that is
    short and written at once, or whose type does not compress goes out as it is.
    """

    def __init__(self, request: httputil.HTTPServerRequest) -> None:
        self._encoding = choose(request.headers.get("Accept-Encoding"))
        self._stream: _Stream | None = None

    def transform_first_chunk(
        self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes, finishing: bool
    ) -> tuple[int, httputil.HTTPHeaders, bytes]:
        """Choose the encoding from the response's type and headers, and encode its start."""
        kind = headers.get("Content-Type", "")
        if not compressible(kind) or status_code in (204, 304) or status_code < 200:
            return status_code, headers, chunk
        if "Accept-Encoding" not in headers.get("Vary", ""):
            headers["Vary"] = ", ".join(filter(None, [headers.get("Vary"), "Accept-Encoding"]))
        if (
            self._encoding is None
            or "Content-Encoding" in headers
            or (finishing and len(chunk) < MIN_LENGTH)
        ):
            return status_code, headers, chunk
        headers["Content-Encoding"] = self._encoding
        self._stream = _Stream(self._encoding)
        chunk = self._stream.feed(chunk, finishing)
        if "Content-Length" in headers:
            if finishing:
                headers["Content-Length"] = str(len(chunk))
            else:
                del headers["Content-Length"]
        return status_code, headers, chunk

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        """Encode the next chunk as the first was (or leave it)."""
        return chunk if self._stream is None else self._stream.feed(chunk, finishing)


def _lower_priority() -> None:
    """Make the calling thread the machine's last in line (Linux: per-thread niceness)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass


class Store:
    """Compressed copies of static files, made once per content and kept in ``folder``.

    A copy is named by the digest of the file's content and the encoding's quality, so files of
    other builds never meet, and a copy is written whole (a temporary file renamed), so a
    reader never sees half of one.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._digests: dict[tuple[str, int, int], str] = {}
        self._pending: dict[tuple[str, str], asyncio.Future] = {}
        self._now = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compress")
        self._later = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="compress-best", initializer=_lower_priority
        )

    def _copy(self, digest: str, encoding: str, quality: int) -> Path:
        return self.folder / f"{digest}.q{quality}.{SUFFIX[encoding]}"

    def _key(self, path: str) -> tuple[str, int, int]:
        stat = os.stat(path)
        return (path, stat.st_mtime_ns, stat.st_size)

    def ready(self, path: str, encoding: str) -> tuple[Path, str] | None:
        """The best copy of the file at ``path`` made so far, and the content's digest."""
        digest = self._digests.get(self._key(path))
        if digest is None:
            return None
        for quality in (BEST[encoding], FAST[encoding]):
            copy = self._copy(digest, encoding, quality)
            if copy.is_file():
                return copy, digest
        return None

    async def make(self, path: str, encoding: str) -> tuple[Path, str] | None:
        """A copy of the file at ``path`` in ``encoding``, made now (in a thread) if need be.

        None when it cannot be made (the folder cannot be written): the file then goes out
        as it is.
        """
        found = self.ready(path, encoding)
        if found is not None:
            return found
        key = (path, encoding)
        if key not in self._pending:
            loop = asyncio.get_running_loop()
            self._pending[key] = loop.run_in_executor(self._now, self._make, path, encoding)
        try:
            return await asyncio.shield(self._pending[key])
        finally:
            self._pending.pop(key, None)

    def _make(self, path: str, encoding: str) -> tuple[Path, str] | None:
        key = self._key(path)
        data = Path(path).read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:32]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fast = self._copy(digest, encoding, FAST[encoding])
            if not self._copy(digest, encoding, BEST[encoding]).is_file():
                self._write(fast, compress(data, encoding, FAST[encoding]))
                self._later.submit(self._best, path, digest, encoding)
        except OSError:
            return None
        self._digests[key] = digest
        return self.ready(path, encoding)

    def _best(self, path: str, digest: str, encoding: str) -> None:
        target = self._copy(digest, encoding, BEST[encoding])
        try:
            data = Path(path).read_bytes()
            if hashlib.sha256(data).hexdigest()[:32] == digest and not target.is_file():
                self._write(target, compress(data, encoding, BEST[encoding]))
        except OSError:
            pass

    def _write(self, target: Path, content: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)


def default_folder() -> Path:
    """Where the copies are kept: ``CSL_COMPRESSED_CACHE``, else the user's cache folder."""
    if os.environ.get("CSL_COMPRESSED_CACHE"):
        return Path(os.environ["CSL_COMPRESSED_CACHE"])
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "csl-notebooks" / "compressed"


STORE = Store(default_folder())


class CompressedStatic:
    """What :func:`compressing` adds to a static file handler (it comes first in the MRO).

    The request's file is found as the handler finds it; when the browser accepts Brotli or
    gzip and the file's type compresses, the response is the stored copy, with the original's
    type and modification time and an ETag naming the content and the encoding.
    """

    store: Store = STORE
    _original: str | None = None
    _encoding: str | None = None
    _digest: str | None = None

    async def prepare(self) -> None:
        """Make the copy of the requested file (in a thread) unless it is made already."""
        await _maybe(super().prepare())
        if self.request.method not in ("GET", "HEAD") or not self.path_args:
            return
        encoding = choose(self.request.headers.get("Accept-Encoding"))
        if encoding is None:
            return
        try:
            self.path = self.parse_url_path(self.path_args[0])  # get() finds it again
            absolute = self.get_absolute_path(self.root, self.path)
            found = super().validate_absolute_path(self.root, absolute)
        except Exception:  # noqa: BLE001 - get() answers it as the handler would
            return
        if found is None or not self._worth(found):
            return
        await self.store.make(found, encoding)

    def _worth(self, path: str) -> bool:
        kind, wrapped = mimetypes.guess_type(path)
        try:
            size = os.path.getsize(path)
        except OSError:
            return False
        return wrapped is None and kind is not None and compressible(kind) and size >= MIN_LENGTH

    def validate_absolute_path(self, root: Any, absolute_path: str) -> str | None:
        """The file the handler found, or its compressed copy when the request accepts one."""
        found = super().validate_absolute_path(root, absolute_path)
        self._original, self._encoding, self._digest = found, None, None
        encoding = choose(self.request.headers.get("Accept-Encoding"))
        if found is None or encoding is None or not self._worth(found):
            return found
        ready = self.store.ready(found, encoding)
        if ready is None:
            return found
        copy, self._digest = ready
        self._encoding = encoding
        return str(copy)

    def get_content_type(self) -> str:
        """The original file's type."""
        served, self.absolute_path = self.absolute_path, self._original or self.absolute_path
        try:
            return super().get_content_type()
        finally:
            self.absolute_path = served

    def get_content_size(self) -> int:
        """The size of what is sent: the copy's."""
        if self._encoding is None:
            return super().get_content_size()
        return os.path.getsize(self.absolute_path)

    def compute_etag(self) -> str | None:
        """The content's digest and the encoding (the handler's own for a file sent as it is)."""
        if self._encoding is None:
            return super().compute_etag()
        return f'"{self._digest}-{self._encoding}"'

    def set_headers(self) -> None:
        """The handler's headers, the encoding's, and immutable caching for a content-named URL."""
        super().set_headers()
        if self._original is not None and self._worth(self._original):
            self.set_header("Vary", "Accept-Encoding")
        if self._encoding is not None:
            self.set_header("Content-Encoding", self._encoding)
        if self.content_named():
            self.clear_header("Expires")
            self.set_header("Cache-Control", IMMUTABLE)

    def content_named(self) -> bool:
        """Whether the URL names the file's content: a ``v`` argument, or a digest in the name."""
        name = self.request.path.rsplit("/", 1)[-1]
        return "v" in self.request.arguments or CONTENT_NAMED.search(name) is not None


async def _maybe(result: Any) -> Any:
    return await result if asyncio.iscoroutine(result) or asyncio.isfuture(result) else result


_made: dict[type, type] = {}


def compressing(handler: type) -> type:
    """The handler class that serves its files compressed and cached.

    See :class:`CompressedStatic`. A handler that is not a static file handler, or that makes
    what it sends rather than sending its files as they are, is given back as it is (the
    per-request transform compresses its answers).
    """
    if not (isinstance(handler, type) and issubclass(handler, StaticFileHandler)):
        return handler
    if getattr(handler.get_content, "__func__", None) is not StaticFileHandler.get_content.__func__:
        return handler  # it makes what it sends (JupyterLab's themes rewrite their CSS)
    if issubclass(handler, CompressedStatic):
        return handler
    if handler not in _made:
        _made[handler] = type(f"Compressed{handler.__name__}", (CompressedStatic, handler), {})
    return _made[handler]
