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


MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Allowed types of an uploaded document, checked by extension and first bytes.
UPLOAD_SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".pptx": [b"PK\x03\x04"],
    ".odt": [b"PK\x03\x04"],
    ".png": [b"\x89PNG"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
}
UPLOAD_TYPES_TEXT = "PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or JPEG"


def upload_refusal(upload) -> str:
    """Why an uploaded document is refused (too big, or not an allowed type by
    its extension and its first bytes), or "" when it is fine."""
    name = upload.name.rsplit("/", 1)[-1]
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if upload.size > MAX_UPLOAD_BYTES:
        return f"The file must be smaller than {MAX_UPLOAD_BYTES >> 20} MB."
    signatures = UPLOAD_SIGNATURES.get(extension)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None or not any(head.startswith(s) for s in signatures):
        return f"The file must be a {UPLOAD_TYPES_TEXT} file."
    return ""


def upload_name(upload) -> str:
    """The name an upload is listed and downloaded under (no client path)."""
    return upload.name.rsplit("/", 1)[-1][:200]
