"""Zip packages whose bytes depend only on their contents (fixed timestamps, fixed order)."""

from __future__ import annotations

import io
import os
import zipfile

# The earliest time a zip can record: the same for every build, so the same quiz gives the same bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class StableZip(zipfile.ZipFile):
    """A ZipFile whose every entry carries FIXED_TIME and regular-file permissions."""

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Add the file FILENAME stamped with FIXED_TIME, not its modification time (openpyxl uses this)."""
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or os.path.basename(filename), data, compress_type, compresslevel)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Write DATA under a name, stamping it with FIXED_TIME rather than the clock."""
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=FIXED_TIME)
            info.compress_type = compress_type or self.compression
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def zip_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """Return a deflated zip of ENTRIES (name, bytes), in the order given."""
    buffer = io.BytesIO()
    with StableZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()
