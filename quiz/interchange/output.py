"""Writing an import's deck or an export's file without leaving half a file behind.

A regular file is written to a temporary file beside it, flushed to disk and
renamed over the target, so a full disk or a crash leaves the old file as it
was. Anything else (standard output, a pipe, a device such as /dev/full) is
written directly. Every failure becomes one QuizError naming the file and
the reason, never a traceback.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from quiz.errors import QuizError

STDOUT = "-"
"""The file name that means standard output."""


def write_text(target: str | Path, text: str) -> None:
    """Write `text` as UTF-8 to `target` ("-" for standard output), atomically for regular files.

    Raises:
        QuizError: the file cannot be written (no space, no permission, no folder, …).
    """
    data = text.encode("utf-8")
    if str(target) == STDOUT:
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as error:
            raise QuizError(f"cannot write to standard output ({_reason(error)})") from None
        return
    path = Path(target)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise QuizError(f"cannot write {path} ({_reason(error)})") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise QuizError(f"cannot write {path}: it is a folder")
        _write_direct(path, data)
        return
    _write_atomic(path, data)


def _write_direct(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as error:
        raise QuizError(f"cannot write {path} ({_reason(error)})") from None


def _write_atomic(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise QuizError(f"cannot write {path}: the folder {folder} does not exist")
    temporary = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise QuizError(f"cannot write {path} ({_reason(error)}); nothing was changed") from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower() if error.strerror else str(error)
