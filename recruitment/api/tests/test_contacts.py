from recruitment.organisations.models import Contact


def contacts_url(organisation):
    return f"/api/v1/organisations/{organisation.pk}/contacts"


def test_list_contacts(api, organisation, contact):
    body = api.get(contacts_url(organisation)).json()

    assert body["count"] == 1
    assert body["items"][0] == {
        "id": contact.pk,
        "organisation_id": organisation.pk,
        "name": "Jo Marsh",
        "email": "jo.marsh@example.co.uk",
        "phone": "0113 496 0000",
    }


def test_create_contact(api, organisation):
    response = api.post(
        contacts_url(organisation), {"name": "Sam Patel", "email": "sam@example.co.uk"}
    )

    assert response.status_code == 201
    contact = Contact.objects.get(pk=response.json()["id"])
    assert contact.organisation == organisation
    assert contact.tenant == organisation.tenant


def test_create_contact_rejects_bad_email_and_phone(api, organisation):
    response = api.post(
        contacts_url(organisation),
        {"name": "Sam Patel", "email": "not-an-email", "phone": "call me"},
    )

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"email", "phone"}
    assert not Contact.objects.exists()


def test_read_contact(api, organisation, contact):
    response = api.get(f"{contacts_url(organisation)}/{contact.pk}")

    assert response.status_code == 200
    assert response.json()["name"] == "Jo Marsh"


def test_contact_of_other_organisation_gets_404(api, organisation, contact, tenant):
    other = organisation.__class__.objects.create(tenant=tenant, name="Other Ltd")

    response = api.get(f"{contacts_url(other)}/{contact.pk}")

    assert response.status_code == 404


def test_update_contact(api, organisation, contact):
    response = api.patch(
        f"{contacts_url(organisation)}/{contact.pk}", {"phone": "0113 496 0999"}
    )

    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.phone == "0113 496 0999"
    assert contact.name == "Jo Marsh"


def test_viewer_cannot_add_contact(viewer_api, organisation):
    response = viewer_api.post(
        contacts_url(organisation), {"name": "Sam Patel", "email": "sam@example.co.uk"}
    )

    assert response.status_code == 403
    assert not Contact.objects.exists()
