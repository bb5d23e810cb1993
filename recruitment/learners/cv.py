"""Check a CV by its content and store it in the private "cvs" storage.

The declared content type of an upload is chosen by the sender, so it is
ignored. The type is found from the bytes, with the `filetype` library plus
our own checks of zip members, OLE2 streams and text. It must agree with the
extension of the file's name, so a browser or a download tool that trusts the
name is never handed markup or code.
"""

import io
import logging
import math
import os
import re
import unicodedata
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages

from .models import CV, cv_upload_to

logger = logging.getLogger(__name__)

# The accepted name extensions, which are also the stored CV.file_type values,
# with their names in words.
CV_TYPES = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "doc": "Word 97-2003 (DOC)",
    "odt": "OpenDocument text (ODT)",
    "rtf": "Rich Text Format (RTF)",
    "txt": "plain text (TXT)",
}
CV_TYPES_IN_WORDS = "PDF, Word (DOCX or DOC), OpenDocument text (ODT), RTF or TXT"
CV_ACCEPT = ",".join(f".{extension}" for extension in CV_TYPES)

ORIGINAL_NAME_MAX_LENGTH = 200

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Directory entry names in an OLE2 file are UTF-16LE; Word files have this one.
_WORD_STREAM_NAME = "WordDocument".encode("utf-16-le")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_DOCX_MAIN_PART = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_ZIP_MAX_MEMBERS = 10_000
_CONTENT_TYPES_MAX_BYTES = 256 * 1024

# Text that a browser or an interpreter would treat as a page or a program.
_MARKUP = re.compile(
    r"<\?php|<\?=|<\?xml|<%|<!doctype|<!--"
    r"|<\s*/?\s*(?:html|head|body|script|svg|iframe|frame|object|embed|style"
    r"|link|meta|img|form|base|math|template)\b",
    re.IGNORECASE,
)
_TEXT_CONTROLS_ALLOWED = {"\t", "\n", "\r", "\f"}


def format_size(size: int, *, round_up: bool = False) -> str:
    """Format a byte count for people: "5 MB", "300 KB", "1.5 MB".

    With `round_up`, a size just over a limit never shows as the limit itself
    (5 MB plus one byte is "5.1 MB").
    """
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            tenths = size * 10 / scale
            tenths = math.ceil(tenths) if round_up else round(tenths)
            amount = f"{tenths / 10:.1f}".removesuffix(".0")
            return f"{amount} {unit}"
    return f"{size} bytes"


def _with_article(words: str) -> str:
    return f"an {words}" if words[0] in "AEIOU" else f"a {words}"


def cv_limit_in_words() -> str:
    return format_size(settings.CV_MAX_BYTES)


def clean_file_name(name: str) -> str:
    """Return a file name that is safe to show and keep, with its extension.

    Keeps only the last path part, applies Unicode NFC, removes control and
    formatting characters (a right-to-left override can disguise an
    extension) and limits the length, cutting the stem rather than the
    extension. Returns "cv" when nothing is left.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = " ".join(name.split())
    name = "".join(
        char for char in name if unicodedata.category(char) not in ("Cc", "Cf", "Cs")
    )
    name = name.strip(" .")
    if not name:
        return "cv"

    stem, extension = os.path.splitext(name)
    if len(extension) > 10:
        stem, extension = name, ""
    stem = stem[: ORIGINAL_NAME_MAX_LENGTH - len(extension)].rstrip(" .") or "cv"
    return stem + extension


def inspect_cv(uploaded_file) -> tuple[str, str]:
    """Check an uploaded CV and return its file type and a clean original name.

    Raises ValidationError (with a message for the applicant) when the file is
    empty, over `settings.CV_MAX_BYTES`, of a type not accepted, or when its
    content does not match the extension of its name. Leaves the file at
    position 0.
    """
    clean_name = clean_file_name(getattr(uploaded_file, "name", ""))
    extension = os.path.splitext(clean_name)[1].lower().lstrip(".")
    limit = settings.CV_MAX_BYTES

    size = uploaded_file.size
    if size > limit:
        raise ValidationError(
            f"The CV is too large: this file is "
            f"{format_size(size, round_up=True)} and the limit is "
            f"{format_size(limit)}. Save a smaller copy, for example as a PDF, "
            "and choose it again.",
            code="too_large",
        )
    if size == 0:
        raise ValidationError(
            "The CV file is empty. Choose the file again.", code="empty"
        )
    if extension not in CV_TYPES:
        ending = f"ends in .{extension}" if extension else "has no extension"
        raise ValidationError(
            f"The CV must be a {CV_TYPES_IN_WORDS} file, and this file's "
            f"name {ending}. Save your CV in one of those types and choose it again.",
            code="unsupported_type",
        )

    uploaded_file.seek(0)
    content = uploaded_file.read(limit + 1)
    uploaded_file.seek(0)

    found = detect_cv_type(content)
    if found == extension:
        return found, clean_name
    raise ValidationError(_mismatch_message(found, extension), code="wrong_content")


def _mismatch_message(found: str | None, extension: str) -> str:
    expected = CV_TYPES[extension]
    if found == "markup":
        return (
            "This file contains web page or program code, so it cannot be "
            f"accepted as a CV. Save your CV as a {CV_TYPES_IN_WORDS} file "
            "and choose it again."
        )
    if found is None:
        return (
            f"This file's name ends in .{extension}, but its content is not "
            f"{_with_article(expected)} file we can read. Save your CV as a "
            f"{CV_TYPES_IN_WORDS} file and choose it again."
        )
    return (
        f"This file's name ends in .{extension}, but it contains "
        f"{_with_article(CV_TYPES[found])} file. Choose the original file "
        f"without renaming it, or save your CV as {expected} and choose it again."
    )


def detect_cv_type(content: bytes) -> str | None:
    """Return the CV type found in the bytes, "markup", or None.

    The result is one of the keys of CV_TYPES. "markup" means readable text
    that looks like a web page or program code.
    """
    kind = filetype.guess(content)
    mime = kind.mime if kind is not None else None

    if content.startswith(b"%PDF-") and mime == "application/pdf":
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return _detect_zip_document(content)
    if content.startswith(_OLE2_MAGIC):
        return "doc" if _is_word_ole2(content, mime) else None
    if content.startswith(b"{\\rtf"):
        return "rtf"
    # Plain text is tried before giving up on other signatures, because
    # `filetype` takes text such as "BMX mechanic" for a bitmap ("BM").
    return _detect_text(content)


def _detect_zip_document(content: bytes) -> str | None:
    """Tell DOCX from ODT from any other zip by the members it contains.

    Only the central directory and two small members are read, so a zip bomb
    costs nothing: the size recorded for each member is checked before its
    data is decompressed, and the read is cut at that size anyway.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > _ZIP_MAX_MEMBERS:
                return None
            by_name = {member.filename: member for member in members}

            mimetype = by_name.get("mimetype")
            if mimetype is not None and "content.xml" in by_name:
                value = _read_member(archive, mimetype, len(_ODT_MIMETYPE) + 64)
                return "odt" if value.strip() == _ODT_MIMETYPE else None

            types = by_name.get("[Content_Types].xml")
            if types is not None and any(name.startswith("word/") for name in by_name):
                value = _read_member(archive, types, _CONTENT_TYPES_MAX_BYTES)
                return "docx" if _DOCX_MAIN_PART in value else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError):
        return None
    except (NotImplementedError, RuntimeError, ValueError, OSError):
        # Encrypted members, unknown compression methods and damaged headers.
        return None
    return None


def _read_member(archive, member, max_bytes) -> bytes:
    if member.file_size > max_bytes:
        return b""
    with archive.open(member) as stream:
        return stream.read(max_bytes + 1)


def _is_word_ole2(content: bytes, mime: str | None) -> bool:
    # OLE2 also carries Excel, PowerPoint and Outlook files: a Word file is
    # the one with a "WordDocument" stream in its directory.
    return mime == "application/msword" or _WORD_STREAM_NAME in content


def _detect_text(content: bytes) -> str | None:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS_ALLOWED:
            return None
    if text.lstrip().startswith("#!") or _MARKUP.search(text):
        return "markup"
    return "txt"


def store_cv(learner, uploaded_file, *, completed: bool) -> CV:
    """Check the file, write it to the "cvs" storage and save its CV row.

    The stored name is generated (see `cv_upload_to`), so nothing the sender
    chose reaches the storage path. If writing the file or saving the row
    fails, the written file is deleted before the error is raised again. A
    caller that wraps this in a larger transaction must delete
    `cv.file.name` from `storages["cvs"]` itself if that transaction rolls
    back.
    """
    file_type, clean_name = inspect_cv(uploaded_file)
    # The storage is looked up on each call rather than taken from the model
    # field, which binds the storage once at import.
    storage = storages["cvs"]
    cv = CV(
        tenant_id=learner.tenant_id,
        learner=learner,
        original_name=clean_name,
        file_type=file_type,
        size=uploaded_file.size,
        is_completed=completed,
    )
    name = storage.generate_filename(cv_upload_to(cv, clean_name))

    try:
        cv.file.name = storage.save(
            name, uploaded_file, max_length=CV._meta.get_field("file").max_length
        )
        cv.save()
    except BaseException:
        # A failed write may leave part of the file behind under this name.
        storage.delete(cv.file.name or name)
        raise

    logger.info("Stored CV %s (%s) for learner %s", cv.pk, file_type, learner.pk)
    return cv
