import unicodedata

from django import forms

from recruitment.jobs.rules import normalise_postcode
from recruitment.learners.cv import (
    CV_ACCEPT,
    CV_TYPES_IN_WORDS,
    cv_limit_in_words,
    inspect_cv,
)

from .services import DUPLICATE_EMAIL_MESSAGE, email_in_use

CV_AGAIN_HINT = (
    "You chose a CV before, but files are not kept when the form has a "
    "problem: choose your CV again."
)


def _has_control_characters(value):
    return any(unicodedata.category(char) == "Cc" for char in value)


def _article(noun):
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _too_long_message(label, max_length):
    noun = label[0].lower() + label[1:]
    return f"Enter {_article(noun)} {noun} of at most {max_length} characters."


class ApplicantTextField(forms.CharField):
    """A one-line text field: trimmed, Unicode NFC, no control characters."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.max_length is not None:
            self.error_messages.setdefault(
                "max_length", _too_long_message(str(self.label), self.max_length)
            )

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and _has_control_characters(value):
            raise forms.ValidationError(
                f"Enter the {self.label.lower()} on one line, without tabs, line "
                "breaks or other control characters.",
                code="control_characters",
            )


class ApplicantEmailField(forms.EmailField):
    """An email field that reports a too-long address once, not also as invalid."""

    def run_validators(self, value):
        if value and self.max_length is not None and len(value) > self.max_length:
            raise forms.ValidationError(
                self.error_messages["max_length"], code="max_length"
            )
        super().run_validators(value)


def _text_input(autocomplete, **attrs):
    return forms.TextInput(attrs={"autocomplete": autocomplete, **attrs})


class ApplicationForm(forms.Form):
    """The public application form; `tenant` is the job's tenant."""

    first_name = ApplicantTextField(
        label="First name",
        max_length=100,
        widget=_text_input("given-name", spellcheck="false"),
        error_messages={"required": "Enter your first name."},
    )
    last_name = ApplicantTextField(
        label="Last name",
        max_length=100,
        widget=_text_input("family-name", spellcheck="false"),
        error_messages={"required": "Enter your last name."},
    )
    email = ApplicantEmailField(
        label="Email address",
        max_length=254,
        help_text="We will use this to contact you about your application.",
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "inputmode": "email"}
        ),
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the correct format, like "
            "name@example.com.",
            "max_length": _too_long_message("Email address", 254),
        },
    )
    phone = ApplicantTextField(
        label="Phone number",
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
        ),
    )
    address_line1 = ApplicantTextField(
        label="Address line 1",
        max_length=100,
        required=False,
        widget=_text_input("address-line1"),
    )
    address_line2 = ApplicantTextField(
        label="Address line 2",
        max_length=100,
        required=False,
        widget=_text_input("address-line2"),
    )
    town = ApplicantTextField(
        label="Town or city",
        max_length=100,
        required=False,
        widget=_text_input("address-level2"),
    )
    # The postcode has no length limit of its own, because clean_postcode
    # rejects anything that is not a postcode, however long, with its message.
    postcode = ApplicantTextField(
        label="Postcode",
        required=False,
        widget=_text_input(
            "postal-code", autocapitalize="characters", spellcheck="false"
        ),
    )
    cv = forms.FileField(
        label="CV",
        required=False,
        widget=forms.FileInput(attrs={"accept": CV_ACCEPT}),
        error_messages={"empty": "The CV file is empty. Choose the file again."},
    )
    # Hidden from people (CSS, aria-hidden, no tab stop); bots that fill every
    # input give themselves away.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.cv_type = None
        self.fields[
            "cv"
        ].help_text = (
            f"Optional. A {CV_TYPES_IN_WORDS} file of up to {cv_limit_in_words()}."
        )

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website", "").strip())

    def clean_email(self):
        email = unicodedata.normalize("NFC", self.cleaned_data["email"])
        if email_in_use(self.tenant, email):
            raise forms.ValidationError(DUPLICATE_EMAIL_MESSAGE, code="duplicate")
        return email

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        digits = sum(char.isdigit() for char in phone)
        if phone and (set(phone) - set("0123456789+-() ") or digits < 7):
            raise forms.ValidationError(
                "Enter a phone number using digits, spaces, +, - and brackets, "
                "for example 07700 900123.",
                code="invalid",
            )
        return phone

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value:
            return ""
        postcode = normalise_postcode(value)
        if postcode is None:
            raise forms.ValidationError(
                "Enter a real UK postcode, for example LS1 6DT.", code="invalid"
            )
        return postcode

    def clean_cv(self):
        uploaded = self.cleaned_data.get("cv")
        if uploaded:
            self.cv_type, _ = inspect_cv(uploaded)
        return uploaded or None

    def ask_for_cv_again(self):
        """Tell the applicant to choose the CV again after a failed submission."""
        if self.files.get("cv"):
            # The bound field copied the help text when it was first built.
            bound_field = self["cv"]
            bound_field.help_text = f"{CV_AGAIN_HINT} {bound_field.help_text}"
