"""Whatever name a CV arrives with, its file lands inside the CV storage."""

import io
import re

import pytest
from django.core.files.base import File

from recruitment.learners.cv import store_cv
from recruitment.learners.models import CV

from .files import make_pdf
from .helpers import applicant, apply_url, make_learner, stored_files

pytestmark = pytest.mark.django_db

BOUNDARY = "----applicant-form-boundary-4f8a"
GENERATED_NAME = re.compile(r"tenant-\d+/[0-9a-f]{32}")


def multipart(fields, file_name, content):
    """Build a form body by hand, so the file name is sent exactly as given.

    Django's test client would reduce the name to its last path part first.
    """
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"'
            f"\r\n\r\n{value}\r\n".encode()
        )
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="cv"; '
        f'filename="{file_name}"\r\nContent-Type: application/pdf\r\n\r\n'.encode(
            "utf-8", "surrogateescape"
        )
        + content
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


def files_outside(root, cv_root):
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and cv_root not in path.parents
    ]


def hostile_names(tmp_path):
    return [
        "../../etc/passwd.pdf",
        "../../../../../../tmp/escaped.pdf",
        str(tmp_path / "outside" / "absolute.pdf"),
        "..\\..\\outside\\backslash.pdf",
        "&#46;&#46;/&#46;&#46;/outside/entity.pdf",
        "cv\x00.pdf",
        "cv.pdf\x00.html",
        "y" * 900 + ".pdf",
        "x" * 5000 + ".pdf",
        "Zoë Ó Súilleabháin – CV ✓.pdf",
        "cv\u202efdp.pdf",
        ".htaccess",
        "..",
    ]


def test_hostile_names_stay_inside_storage(client, job, cv_root, tmp_path):
    outcomes = []
    for number, name in enumerate(hostile_names(tmp_path)):
        fields = applicant(email=f"applicant{number}@example.org")
        body = multipart(fields, name, make_pdf())

        response = client.post(
            apply_url(job),
            data=body,
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
        )
        outcomes.append(response.status_code)

    # 400 is Django's response to a part header over its size limit (the
    # 5000-character name): the request is rejected before any view runs.
    assert set(outcomes) <= {200, 302, 400}
    assert outcomes.count(400) == 1
    assert outcomes.count(302) >= 9
    assert files_outside(tmp_path, cv_root) == []
    assert not (tmp_path / "outside").exists()
    for stored in stored_files(cv_root):
        assert GENERATED_NAME.fullmatch(stored)
    assert len(stored_files(cv_root)) == CV.objects.count()


def test_stored_original_names_are_clean(client, job, cv_root, tmp_path):
    for number, name in enumerate(hostile_names(tmp_path)):
        client.post(
            apply_url(job),
            data=multipart(
                applicant(email=f"applicant{number}@example.org"), name, make_pdf()
            ),
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
        )

    names = list(CV.objects.values_list("original_name", flat=True))
    assert "passwd.pdf" in names
    assert "Zoë Ó Súilleabháin – CV ✓.pdf" in names
    for name in names:
        assert "/" not in name
        assert "\\" not in name
        assert "\x00" not in name
        assert "\u202e" not in name
        assert len(name) <= 200
        assert name.lower().endswith(".pdf")


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "/etc/cron.d/evil.pdf",
        "..\\..\\evil.pdf",
        "cv\x00.pdf",
        "é" * 400 + ".pdf",
    ],
)
def test_store_cv_ignores_path_in_name(tenant, cv_root, tmp_path, name):
    learner = make_learner(tenant, "jo.hughes@example.org")

    cv = store_cv(learner, File(io.BytesIO(make_pdf()), name=name), completed=True)

    assert GENERATED_NAME.fullmatch(cv.file.name)
    assert stored_files(cv_root) == [cv.file.name]
    assert files_outside(tmp_path, cv_root) == []
    assert cv.original_name.endswith(".pdf")
    assert "/" not in cv.original_name
