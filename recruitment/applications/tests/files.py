"""Small, genuine CV files built in memory, for tests and benchmarks.

Each maker returns bytes. `upload` wraps bytes as an uploaded file with a
chosen name and declared content type.
"""

import io
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_CONTENT_TYPE = "application/pdf"
DOCX_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_pdf(size=None):
    """Return a one-page PDF; with `size`, padded to exactly that many bytes.

    The padding is a comment block before the end-of-file marker, which PDF
    readers skip.
    """
    body = (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        b"trailer << /Root 1 0 R /Size 4 >>\n"
    )
    end = b"%%EOF\n"
    if size is None:
        return body + end
    padding = size - len(body) - len(end)
    if padding < 2:
        raise ValueError(f"A PDF needs at least {len(body) + len(end) + 2} bytes.")
    # Comment lines of at most 1000 bytes each, so readers see short lines.
    lines = []
    while padding > 0:
        line_length = min(padding, 1000)
        lines.append(
            b"%" + b"x" * (line_length - 2) + b"\n" if line_length > 1 else b"\n"
        )
        padding -= line_length
    return body + b"".join(lines) + end


def make_docx(text="Jo Hughes. Curriculum vitae."):
    """Return a minimal Word document that Word and LibreOffice open."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.'
        "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        '" Target="word/document.xml"/></Relationships>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        f"{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    return _zip(
        [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", relationships),
            ("word/document.xml", document),
        ]
    )


def make_odt(text="Jo Hughes. Curriculum vitae."):
    """Return a minimal OpenDocument text file, `mimetype` first and stored."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        'xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="'
        'application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
        'text:1.0" office:version="1.2"><office:body><office:text>'
        f"<text:p>{text}</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    return _zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
            ("META-INF/manifest.xml", manifest),
        ],
        stored_first=True,
    )


def make_zip(members):
    """Return a zip of (name, text) pairs, such as a spreadsheet or an archive."""
    return _zip(members)


def _zip(members, *, stored_first=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, text) in enumerate(members):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else None
            archive.writestr(name, text, compress_type=method)
    return buffer.getvalue()


_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_FREE = 0xFFFFFFFF


def make_doc(stream_name="WordDocument"):
    """Return a Word 97-2003 file: an OLE2 compound file with one stream.

    Sectors 0-7 hold the 4096-byte stream (which starts with Word's file
    information block identifier), sector 8 the allocation table and sector 9
    the directory. With another `stream_name` (such as "Workbook", as Excel
    writes) the file is OLE2 but not a Word document.
    """
    if stream_name == "WordDocument":
        start_bytes = b"\xec\xa5\xc1\x00"
    else:
        start_bytes = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # Excel's BOF record
    stream = start_bytes.ljust(4096, b"\x00")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHH", 0x003E, 0x0003, 0xFFFE, 0x0009)
        + struct.pack("<H", 0x0006)
        + b"\x00" * 6
        + struct.pack(
            "<IIIIIIIII", 0, 1, 9, 0, 4096, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0
        )
        + struct.pack("<I", 8)
        + struct.pack("<I", _FREE) * 108
    )
    fat = [1, 2, 3, 4, 5, 6, 7, _END_OF_CHAIN, _FAT_SECTOR, _END_OF_CHAIN]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat)
    fat_sector += struct.pack("<I", _FREE) * (128 - len(fat))
    directory = (
        _directory_entry("Root Entry", 5, child=1, start=_END_OF_CHAIN, size=0)
        + _directory_entry(stream_name, 2, child=_FREE, start=0, size=4096)
        + b"\x00" * 128 * 2
    )
    return header + stream + fat_sector + directory


def _directory_entry(name, entry_type, *, child, start, size):
    encoded = (name + "\x00").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), entry_type, 1)
        + struct.pack("<III", _FREE, _FREE, child)
        + b"\x00" * 16
        + b"\x00" * 4
        + b"\x00" * 16
        + struct.pack("<II", start, size)
        + b"\x00" * 4
    )


def make_rtf(text="Jo Hughes. Curriculum vitae."):
    return (
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs24 " + text + "\\par}\n"
    ).encode("ascii")


def make_txt(text="Jo Hughes\nCurriculum vitae\n\nExperience: café assistant."):
    return text.encode("utf-8")


PHP_TEXT = b"<?php system($_GET['cmd']); ?>\n"
HTML_WITH_SCRIPT = (
    b"<!DOCTYPE html><html><head><title>CV</title></head>"
    b"<body><p>My CV</p><script>alert(document.cookie)</script></body></html>\n"
)
