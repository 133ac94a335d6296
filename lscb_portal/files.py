"""Writing a file so that a reader never sees half of it."""

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Writes `data` to a temporary file beside `target`, then renames it over
    `target` (a rename within a directory is atomic); nothing is left on failure."""
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
