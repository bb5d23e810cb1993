"""A CV storage that fails part-way through writing, for rollback tests."""

import os

from django.core.files.storage import FileSystemStorage


class FailingStorage(FileSystemStorage):
    """Write half of the file, then fail as a full disk would.

    `partial_paths` lists every half-written file, so tests can check that
    the failure really left one to clean up.
    """

    partial_paths = []

    def _save(self, name, content):
        path = self.path(name)
        self.partial_paths.append(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = b"".join(content.chunks())
        with open(path, "wb") as partial:
            partial.write(data[: len(data) // 2])
        raise OSError("No space left on device (simulated)")
