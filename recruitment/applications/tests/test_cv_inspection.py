"""Telling CV types apart by content, and cleaning the names they came with."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import File

from recruitment.learners.cv import clean_file_name, detect_cv_type, inspect_cv

from .files import (
    HTML_WITH_SCRIPT,
    PHP_TEXT,
    make_doc,
    make_docx,
    make_odt,
    make_pdf,
    make_rtf,
    make_txt,
    make_zip,
    upload,
)

GENUINE = {
    "pdf": make_pdf(),
    "docx": make_docx(),
    "doc": make_doc(),
    "odt": make_odt(),
    "rtf": make_rtf(),
    "txt": make_txt(),
}


def named_file(name, content):
    """Return a file whose name is kept exactly, path parts and all."""
    return File(io.BytesIO(content), name=name)


@pytest.mark.parametrize("extension", sorted(GENUINE))
def test_genuine_file_is_accepted(extension):
    cv = upload(f"cv.{extension}", GENUINE[extension])

    assert inspect_cv(cv) == (extension, f"cv.{extension}")


@pytest.mark.parametrize("extension", sorted(GENUINE))
def test_content_decides_type(extension):
    assert detect_cv_type(GENUINE[extension]) == extension


def test_upper_case_extension_is_accepted():
    assert inspect_cv(upload("CV.PDF", make_pdf())) == ("pdf", "CV.PDF")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.odt", make_docx()),
        ("cv.docx", make_odt()),
        ("cv.docx", make_pdf()),
        ("cv.pdf", make_docx()),
        ("cv.doc", make_docx()),
        ("cv.txt", make_rtf()),
        ("cv.rtf", make_txt()),
        ("cv.pdf", make_txt()),
    ],
)
def test_content_must_match_extension(name, content):
    with pytest.raises(ValidationError) as error:
        inspect_cv(upload(name, content))

    assert error.value.code == "wrong_content"
    assert f"name ends in .{name.rsplit('.', 1)[1]}" in error.value.messages[0]


def test_other_zip_is_not_docx():
    spreadsheet = make_zip(
        [
            (
                "[Content_Types].xml",
                "<Types><Override ContentType='spreadsheetml'/></Types>",
            ),
            ("xl/workbook.xml", "<workbook/>"),
        ]
    )

    assert detect_cv_type(spreadsheet) is None


def test_word_zip_without_main_part():
    fake = make_zip([("[Content_Types].xml", "<Types/>"), ("word/evil.js", "x")])

    assert detect_cv_type(fake) is None


def test_opendocument_spreadsheet_is_not_odt():
    sheet = make_zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<office:document-content/>"),
        ]
    )

    assert detect_cv_type(sheet) is None


def test_damaged_zip_is_rejected():
    damaged = make_docx()[:200]

    assert detect_cv_type(damaged) is None


def test_excel_ole2_file_is_not_doc():
    assert detect_cv_type(make_doc(stream_name="Workbook")) is None


@pytest.mark.parametrize(
    "content",
    [
        PHP_TEXT,
        HTML_WITH_SCRIPT,
        b"<?= $x ?>",
        b"Experience\n<script>alert(1)</script>",
        b"<svg onload=alert(3)>",
        b"<!doctype html><p>CV</p>",
        b"<HTML><BODY>CV</BODY></HTML>",
        b"<iframe src=//example.com>",
        b"<img src=x onerror=alert(1)>",
        b'<?xml version="1.0"?><cv/>',
        b"<% Response.Write(1) %>",
        b"#!/bin/sh\nrm -rf /\n",
    ],
)
def test_text_with_markup_or_code_is_rejected(content):
    assert detect_cv_type(content) == "markup"

    with pytest.raises(ValidationError):
        inspect_cv(upload("cv.txt", content))


@pytest.mark.parametrize(
    "content",
    [
        b"BMX mechanic with five years in retail.\n",
        b"Skills: JavaScript: 3 years; C++; maths 5 < 6 > 4.\n",
        "Zoë Ó Súilleabháin – curriculum vitae “2027”".encode(),
        b"\xef\xbb\xbfName: Jo Hughes\r\n\tBakery assistant\f\n",
    ],
)
def test_ordinary_text_is_txt(content):
    assert detect_cv_type(content) == "txt"


@pytest.mark.parametrize(
    "content",
    [b"Jo\x00Hughes", b"\xff\xfeJ\x00o\x00", b"Jo \x1b[31m Hughes", b"caf\xe9"],
)
def test_binary_or_non_utf8_text_is_rejected(content):
    assert detect_cv_type(content) is None


def test_image_named_pdf_is_rejected():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    with pytest.raises(ValidationError) as error:
        inspect_cv(upload("cv.pdf", png))

    assert "is not a PDF file we can read" in error.value.messages[0]


def test_empty_file_is_rejected():
    with pytest.raises(ValidationError) as error:
        inspect_cv(upload("cv.pdf", b""))

    assert error.value.code == "empty"


@pytest.mark.parametrize("name", ["cv.html", "cv.exe", "cv.pdf.php", "cv", "cv.svg"])
def test_other_extensions_are_rejected(name):
    with pytest.raises(ValidationError) as error:
        inspect_cv(upload(name, make_txt()))

    assert error.value.code == "unsupported_type"


def test_size_limit_is_inclusive(settings):
    settings.CV_MAX_BYTES = 4096

    assert inspect_cv(upload("cv.pdf", make_pdf(size=4096)))[0] == "pdf"
    with pytest.raises(ValidationError) as error:
        inspect_cv(upload("cv.pdf", make_pdf(size=4097)))
    assert error.value.code == "too_large"
    assert "the limit is 4 KB" in error.value.messages[0]


def test_inspection_leaves_file_at_start():
    cv = upload("cv.pdf", make_pdf())

    inspect_cv(cv)

    assert cv.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("/var/www/cv.pdf", "cv.pdf"),
        ("C:\\Users\\jo\\My CV.docx", "My CV.docx"),
        ("..\\..\\cv.pdf", "cv.pdf"),
        ("cv\x00.pdf", "cv.pdf"),
        ("cv\u202efdp.exe", "cvfdp.exe"),
        ("Zoe\u0301 CV.pdf", "Zo\u00e9 CV.pdf"),
        ("  spaced \t name .pdf ", "spaced name.pdf"),
        ("tab\tseparated.pdf", "tab separated.pdf"),
        ("..", "cv"),
        ("", "cv"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_names_are_cleaned(name, expected):
    assert clean_file_name(name) == expected


def test_long_name_keeps_extension():
    _, clean_name = inspect_cv(named_file("é" * 400 + ".pdf", make_pdf()))

    assert len(clean_name) == 200
    assert clean_name.endswith(".pdf")


def test_path_in_name_is_dropped():
    assert inspect_cv(named_file("../../etc/passwd.pdf", make_pdf())) == (
        "pdf",
        "passwd.pdf",
    )
