from django import forms

from recruitment.jobs.rules import normalise_postcode

from .models import Contact, Organisation


class OrganisationForm(forms.ModelForm):
    web_address = forms.URLField(
        required=False,
        max_length=100,
        assume_scheme="https",
        help_text="The employer's website, for example https://www.example.co.uk.",
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "address_line1",
            "address_line2",
            "town",
            "postcode",
            "employer_description",
            "web_address",
            "legal_entity_id",
        ]
        widgets = {"employer_description": forms.Textarea(attrs={"rows": 4})}

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if not value:
            return ""
        postcode = normalise_postcode(value)
        if postcode is None:
            raise forms.ValidationError(
                "Enter a real UK postcode, for example LS1 6DT.", code="invalid"
            )
        return postcode

    def clean_legal_entity_id(self):
        value = self.cleaned_data["legal_entity_id"].strip().upper()
        if value and not value.isalnum():
            raise forms.ValidationError(
                "Enter the ID as shown on the apprenticeship service: letters "
                "and digits only, for example V7XJ4M.",
                code="invalid",
            )
        return value


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "email", "phone"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        allowed = set("0123456789+-() ")
        if phone and (set(phone) - allowed or not 8 <= len(phone) <= 16):
            raise forms.ValidationError(
                "Enter a phone number of 8 to 16 characters: digits, spaces, "
                "+, - and brackets.",
                code="invalid",
            )
        return phone
