import pytest

from recruitment.organisations.models import Contact, Organisation


@pytest.fixture
def organisation(tenant):
    organisation = Organisation.objects.create(tenant=tenant, name="Harbour Bakery")
    Contact.objects.create(
        tenant=tenant,
        organisation=organisation,
        name="Jo Marsh",
        email="jo@example.com",
    )
    return organisation


def test_staff_create_organisation_with_contact(admin_client, tenant):
    response = admin_client.post(
        "/organisations/new/",
        {
            "name": "Mill Lane Garage",
            "postcode": "ls1 6dt",
            "legal_entity_id": "v7xj4m",
            "contact-name": "Ash Patel",
            "contact-email": "ash@example.com",
            "contact-phone": "0113 496 0000",
        },
    )

    organisation = Organisation.objects.get(name="Mill Lane Garage")
    assert response.status_code == 302
    assert organisation.tenant == tenant
    assert organisation.postcode == "LS1 6DT"
    assert organisation.legal_entity_id == "V7XJ4M"
    assert organisation.contacts.get().name == "Ash Patel"


def test_bad_postcode_error_on_field(admin_client):
    response = admin_client.post(
        "/organisations/new/", {"name": "Mill Lane Garage", "postcode": "LS1 6D"}
    )

    assert response.status_code == 200
    assert "Enter a real UK postcode" in response.context["form"].errors["postcode"][0]
    assert 'value="LS1 6D"' in response.content.decode()
    assert not Organisation.objects.exists()


def test_bad_contact_email_error_on_field(admin_client):
    response = admin_client.post(
        "/organisations/new/",
        {"name": "Mill Lane Garage", "contact-name": "Ash", "contact-email": "ash@"},
    )

    assert response.context["contact_form"].errors["email"]
    assert not Organisation.objects.exists()


def test_create_from_job_screen_returns_to_job(admin_client):
    response = admin_client.post(
        "/organisations/new/", {"name": "Mill Lane Garage", "next": "job"}
    )

    organisation = Organisation.objects.get()
    assert response["Location"] == f"/jobs/new/?organisation={organisation.pk}"


def test_edit_organisation(admin_client, organisation):
    response = admin_client.post(
        f"/organisations/{organisation.pk}/edit/",
        {"name": "Harbour Bakery Ltd", "web_address": "www.example.co.uk"},
    )

    organisation.refresh_from_db()
    assert response.status_code == 302
    assert organisation.name == "Harbour Bakery Ltd"
    assert organisation.web_address == "https://www.example.co.uk"


def test_add_and_edit_contact(admin_client, organisation):
    admin_client.post(
        f"/organisations/{organisation.pk}/contacts/new/",
        {"name": "Sam Lee", "email": "sam@example.com", "phone": "07700 900123"},
    )
    contact = organisation.contacts.get(name="Sam Lee")

    admin_client.post(
        f"/organisations/{organisation.pk}/contacts/{contact.pk}/edit/",
        {"name": "Sam Lee", "email": "sam.lee@example.com", "phone": ""},
    )

    contact.refresh_from_db()
    assert contact.email == "sam.lee@example.com"


def test_contact_phone_rules(admin_client, organisation):
    response = admin_client.post(
        f"/organisations/{organisation.pk}/contacts/new/",
        {"name": "Sam Lee", "email": "sam@example.com", "phone": "call me"},
    )

    assert "8 to 16 characters" in response.context["form"].errors["phone"][0]


def test_viewer_cannot_create(client, viewer):
    client.force_login(viewer)

    assert client.get("/organisations/new/").status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/organisations/{o}/",
        "/organisations/{o}/edit/",
        "/organisations/{o}/contacts/new/",
        "/organisations/{o}/contacts/{c}/edit/",
    ],
)
def test_outsider_gets_404(outsider_client, organisation, path):
    contact = organisation.contacts.get()
    url = path.format(o=organisation.pk, c=contact.pk)

    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, {"name": "Taken"}).status_code == 404
    organisation.refresh_from_db()
    assert organisation.name == "Harbour Bakery"


def test_list_shows_only_own_tenant(outsider_client, organisation):
    body = outsider_client.get("/organisations/").content.decode()

    assert "Harbour Bakery" not in body


def test_employer_description_renders_allowed_html(admin_client, organisation):
    organisation.employer_description = "<p>Family bakery</p><script>x()</script>"
    organisation.save()

    body = admin_client.get(f"/organisations/{organisation.pk}/").content.decode()

    assert "<p>Family bakery</p>" in body
    assert "<script>x()</script>" not in body
