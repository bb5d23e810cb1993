from recruitment.learners.views import download_name

from .factories import PDF_BYTES, make_cv


def test_cvs_page_marks_completed_cv(admin_client, learner):
    content = admin_client.get(f"/learners/{learner.pk}/cvs/").content.decode()

    assert "Sam Taylor CV.pdf" in content
    assert "Completed" in content


def test_completed_cv_has_no_edit_control(admin_client, learner):
    content = admin_client.get(f"/learners/{learner.pk}/cvs/").content.decode()

    assert "Edit" not in content
    assert "Replace" not in content
    assert "<form" not in content.split("<main", 1)[1]


def test_download_is_an_attachment(admin_client, learner):
    cv = learner.cvs.get()

    response = admin_client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        'attachment; filename="Sam Taylor CV.pdf"'
    )


def test_download_name_is_cleaned(admin_client, learner):
    cv = make_cv(learner, name='..\\evil"; name=x.html\r\n.pdf')

    response = admin_client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert '"' not in disposition.split('filename="', 1)[1][:-1]
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert ";" not in disposition.split("filename=", 1)[1]


def test_download_keeps_non_ascii_name(admin_client, learner):
    cv = make_cv(learner, name="Zoë Brontë CV.pdf")

    response = admin_client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Zo%C3%AB%20Bront%C3%AB%20CV.pdf"
    )


def test_download_name_cases(learner):
    cases = {
        "cv.pdf": "cv.pdf",
        "C:\\Users\\sam\\cv.pdf": "cv.pdf",
        "../../etc/passwd": "passwd",
        '"quoted".pdf': "quoted.pdf",
        "...": "cv.pdf",
        "": "cv.pdf",
        "tab\there.pdf": "tabhere.pdf",
    }
    for original, expected in cases.items():
        cv = make_cv(learner, name=original)
        assert download_name(cv) == expected, original


def test_missing_file_is_404(admin_client, learner):
    cv = learner.cvs.get()
    cv.file.storage.delete(cv.file.name)

    response = admin_client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    assert response.status_code == 404


def test_cv_of_other_learner_is_404(admin_client, tenant, learner):
    from .factories import make_learner

    other = make_learner(tenant, email="other@example.com")
    cv = make_cv(other)

    response = admin_client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    assert response.status_code == 404


def test_viewer_can_download(client, viewer, learner):
    client.force_login(viewer)
    cv = learner.cvs.get()

    response = client.get(f"/learners/{learner.pk}/cvs/{cv.pk}/download/")

    assert response.status_code == 200
