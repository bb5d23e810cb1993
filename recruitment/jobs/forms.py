"""The job form and its qualification rows.

Saving an incomplete Apprenticeship job is allowed, so staff can keep a
draft. Values that are wrong in themselves are rejected at save, with the
message next to the field. Examples are numbers that are not numbers, a
malformed postcode, text the Recruitment API would reject, and a start date
that is not after the closing date. Whether a complete job may go to NAS is the advert
check's job (``services.check_job_for_nas``).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.urls import reverse

from recruitment.organisations.models import Contact, Organisation
from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.models import User
from recruitment.tenancy.scoping import for_tenant

from . import rules
from .form_messages import describe_field_errors, drop_max_length, limit_whole_number
from .models import Job, ReferenceValue, TrainingCourse
from .text_checks import api_text_problems, format_decimal, local_text_problems

# Fields the Recruitment API needs that the form does not already require.
# The form marks them (M) while the contract type is Apprenticeship.
NAS_MANDATORY_FIELDS = (
    "contact",
    "description",
    "address_line1",
    "postcode",
    "wage_type",
    "working_hours",
    "maximum_enrolments",
    "closing_date",
    "expected_start_date",
    "desired_skills",
    "future_prospects",
    "training_to_be_provided",
    "employer_description",
    "expected_duration_months",
    "hours_per_week",
    "training_code",
)
# Mandatory only when the wage type is fixed wage as well.
FIXED_WAGE_FIELD = "fixed_wage_yearly_amount"

# Free-text fields and their maximum length on the API, in UTF-16 code units.
FREE_TEXT_FIELDS = {
    "title": rules.TITLE_MAX_LENGTH,
    "address_line1": rules.ADDRESS_LINE_MAX_LENGTH,
    "address_line2": rules.ADDRESS_LINE_MAX_LENGTH,
    "address_line3": rules.ADDRESS_LINE_MAX_LENGTH,
    "address_line4": rules.ADDRESS_LINE_MAX_LENGTH,
    "working_hours": rules.WORKING_HOURS_MAX_LENGTH,
}
# Fields that may hold the HTML tags the API accepts.
HTML_FIELDS = {
    "description": rules.DESCRIPTION_MAX_LENGTH,
    "future_prospects": rules.LONG_TEXT_MAX_LENGTH,
    "training_to_be_provided": rules.LONG_TEXT_MAX_LENGTH,
    "employer_description": rules.LONG_TEXT_MAX_LENGTH,
}
SKILL_FIELDS = ("desired_skills", "desired_personal_qualities")

SECTIONS = (
    ("Employer", ("organisation", "contact", "programme", "owner")),
    ("The job", ("contract_type", "status", "title", "description")),
    (
        "Where the apprentice will work",
        (
            "address_line1",
            "address_line2",
            "address_line3",
            "address_line4",
            "postcode",
            "web_address",
        ),
    ),
    (
        "Pay and hours",
        ("wage_type", FIXED_WAGE_FIELD, "hours_per_week", "working_hours"),
    ),
    (
        "Dates and positions",
        (
            "closing_date",
            "expected_start_date",
            "expected_duration_months",
            "maximum_enrolments",
        ),
    ),
    ("Skills", SKILL_FIELDS),
    (
        "Training and prospects",
        (
            "training_code",
            "training_to_be_provided",
            "future_prospects",
            "employer_description",
        ),
    ),
)

# Hours and money are stored with 2 decimal places in 4 and 9 digits.
MAX_HOURS = Decimal("99.99")
MAX_YEARLY_WAGE = Decimal("9999999.99")


class LinesField(forms.CharField):
    """A text area holding one phrase a line, cleaned to a list of phrases."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class DecimalTextField(forms.CharField):
    """A number typed as text: digits with an optional decimal point.

    ``rules.parse_decimal`` reads it, so "37,5" is invalid rather than read
    as 375 or 37. A value with a comma gets ``comma_message`` when one is
    given, and any other unreadable value gets ``invalid_message``.
    """

    def __init__(self, *, invalid_message, comma_message=None, **kwargs):
        self.invalid_message = invalid_message
        self.comma_message = comma_message
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_decimal(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        number = rules.parse_decimal(text)
        if number is None:
            message = self.invalid_message
            if self.comma_message and "," in text:
                message = self.comma_message
            raise forms.ValidationError(message, code="invalid")
        return number


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class JobForm(forms.ModelForm):
    hours_per_week = DecimalTextField(
        required=False,
        label="Hours per week",
        help_text="Working hours including training, between 16 and 48 for an "
        "apprenticeship, for example 37.5.",
        invalid_message="Enter hours per week as a number, using the digits 0 to 9 "
        "and a full stop for decimals, for example 37.5.",
        comma_message="Enter hours per week with a full stop for decimals, for "
        "example 37.5. A comma is not read as a decimal point.",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    fixed_wage_yearly_amount = DecimalTextField(
        required=False,
        label="Fixed wage, yearly amount (£)",
        help_text="Needed when the wage type is fixed wage. Pounds without "
        "commas, for example 18500 or 18500.50.",
        invalid_message="Enter the yearly wage in pounds without commas or the £ "
        "sign, for example 18500 or 18500.50.",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    desired_skills = LinesField(
        required=False,
        help_text="One skill a line, at most 30 characters each. Skills and "
        "personal qualities together need at least one line for NAS.",
    )
    desired_personal_qualities = LinesField(
        required=False,
        help_text="One quality a line, at most 30 characters each.",
    )
    training_code = forms.ChoiceField(
        required=False,
        label="Training course",
        help_text="The apprenticeship standard; its LARS code is sent to NAS.",
        error_messages={"invalid_choice": "Choose a training course from the list."},
    )

    class Meta:
        model = Job
        fields = [name for _, names in SECTIONS for name in names]
        labels = {
            "programme": "Account programme",
            "contract_type": "Contract type",
            "web_address": "Web address",
            "wage_type": "Wage type",
            "working_hours": "Working hours",
            "maximum_enrolments": "Maximum enrolments (number of positions)",
            "closing_date": "Closing date",
            "expected_start_date": "Expected start date",
            "expected_duration_months": "Expected duration (months)",
            "future_prospects": "Future prospects",
            "training_to_be_provided": "Training to be provided",
            "employer_description": "Employer description",
        }
        help_texts = {
            "description": "50 to 350 characters. You may use the HTML tags <p>, "
            "<br>, <ul> and <li>.",
            "working_hours": "A description of the working week, for example "
            "Monday to Friday, 9am to 5pm.",
            "web_address": "Optional: the employer's website, starting with https://.",
            "closing_date": "The last day to apply: at least 7 days after the "
            "upload to NAS.",
            "expected_start_date": "Must be after the closing date.",
            "future_prospects": "What the apprentice can expect after the "
            "apprenticeship.",
        }
        widgets = {
            "closing_date": _date_input(),
            "expected_start_date": _date_input(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "future_prospects": forms.Textarea(attrs={"rows": 4}),
            "training_to_be_provided": forms.Textarea(attrs={"rows": 4}),
            "employer_description": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "maximum_enrolments": {
                "invalid": "Enter the number of positions as a whole number, "
                "for example 2."
            },
            "expected_duration_months": {
                "invalid": "Enter the duration as a whole number of months, for "
                "example 15."
            },
        }

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self._scope_choices()

        for name in ("maximum_enrolments", "expected_duration_months"):
            limit_whole_number(self.fields[name], 1, 999)
        # The postcode check gives a clearer message than a length check.
        drop_max_length(self.fields["postcode"])
        self.fields["closing_date"].error_messages["invalid"] = (
            "Enter the closing date as a date, for example 30/06/2027."
        )
        self.fields["expected_start_date"].error_messages["invalid"] = (
            "Enter the expected start date as a date, for example 01/09/2027."
        )
        describe_field_errors(self)

    def _scope_choices(self):
        fields = self.fields
        fields["organisation"].queryset = for_tenant(Organisation, self.tenant)
        fields["organisation"].error_messages["invalid_choice"] = (
            "Choose one of your organisations."
        )
        fields["programme"].queryset = for_tenant(AccountProgramme, self.tenant)
        fields["programme"].error_messages["invalid_choice"] = (
            "Choose one of your account programmes."
        )
        fields["owner"].queryset = for_tenant(User, self.tenant).filter(
            role__in=[User.Role.ADMIN, User.Role.RECRUITER, User.Role.VIEWER],
            is_active=True,
        )
        fields["owner"].help_text = "The staff member told about new applications."

        # Choosing an organisation reloads the contact options (htmx). Without
        # JavaScript, a contact of another organisation fails validation.
        fields["organisation"].widget.attrs.update(
            {
                "hx-get": reverse("jobs:contact_options"),
                "hx-trigger": "change",
                "hx-target": "#id_contact",
                "hx-swap": "innerHTML",
                "hx-include": "this",
            }
        )
        fields["contact"].empty_label = "Choose a contact"
        organisation_id = self._chosen("organisation")
        contacts = for_tenant(Contact, self.tenant)
        if organisation_id:
            fields["contact"].queryset = contacts.filter(
                organisation_id=organisation_id
            )
        else:
            # Before an organisation is chosen, offer every contact with its
            # organisation's name, so the form works without JavaScript.
            fields["contact"].queryset = contacts.select_related("organisation")
            fields["contact"].label_from_instance = lambda contact: (
                f"{contact.name} ({contact.organisation.name})"
            )
        fields["contact"].error_messages["invalid_choice"] = (
            "Choose a contact of the selected organisation. Add contacts on the "
            "organisation's page."
        )
        fields["contact"].help_text = (
            "A person at the organisation. Their name, email and phone appear "
            "on the advert."
        )
        # A stored code that left the course list stays selectable, but a
        # submitted code must be on the list.
        fields["training_code"].choices = training_course_choices(
            self.instance.training_code
        )

    def _chosen(self, name):
        """Return the submitted value of a field, or its initial value."""
        if self.is_bound:
            return self.data.get(self.add_prefix(name)) or None
        value = self.initial.get(name)
        if value is None:
            value = getattr(self.instance, f"{name}_id", None)
        return value

    @property
    def is_apprenticeship(self):
        return self._chosen("contract_type") == Job.ContractType.APPRENTICESHIP

    def mandatory_fields(self):
        """Return the names to mark (M) for the contract type shown."""
        if not self.is_apprenticeship:
            return set()
        names = set(NAS_MANDATORY_FIELDS)
        if self._chosen("wage_type") == Job.WageType.FIXED_WAGE:
            names.add(FIXED_WAGE_FIELD)
        return names

    def sections(self):
        """Return (legend, [(bound field, mandatory)]) for each part of the form."""
        mandatory = self.mandatory_fields()
        return [
            (legend, [(self[name], name in mandatory) for name in names])
            for legend, names in SECTIONS
        ]

    # Cleaning single fields

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value:
            return ""
        postcode = rules.normalise_postcode(value)
        if postcode is None:
            shown = value if len(value) <= 20 else f"{value[:20]}…"
            raise forms.ValidationError(
                f'"{shown}" is not a valid UK postcode. Enter it in full, for '
                "example SW1A 1AA.",
                code="invalid",
            )
        return postcode

    def clean_web_address(self):
        value = self.cleaned_data["web_address"]
        if value and not rules.is_absolute_web_url(value):
            raise forms.ValidationError(
                "Enter the web address in full, starting with https:// or "
                "http://, for example https://www.example.co.uk.",
                code="invalid",
            )
        return value

    def clean_fixed_wage_yearly_amount(self):
        amount = self.cleaned_data[FIXED_WAGE_FIELD]
        if amount is None:
            return None
        if amount < 0 or amount > MAX_YEARLY_WAGE:
            raise forms.ValidationError(
                "Enter a yearly wage between £0 and £9,999,999.99.", code="invalid"
            )
        if amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError(
                "Enter the yearly wage to the penny at most, for example 18500.50.",
                code="invalid",
            )
        return amount

    # Cleaning across fields

    def clean(self):
        data = super().clean()
        apprenticeship = data.get("contract_type") == Job.ContractType.APPRENTICESHIP
        self._check_hours(data, apprenticeship)
        self._check_dates(data)
        self._check_texts(data, apprenticeship)
        self._check_skills(data, apprenticeship)
        if apprenticeship and data.get("title"):
            self._check_title(data["title"])
        return data

    def _check_hours(self, data, apprenticeship):
        hours = data.get("hours_per_week")
        if hours is None:
            return
        if apprenticeship:
            low, high = rules.MIN_HOURS_PER_WEEK, rules.MAX_HOURS_PER_WEEK
            if not low <= hours <= high:
                self.add_error(
                    "hours_per_week",
                    f"Hours per week must be between {low} and {high} for an "
                    f"apprenticeship ({format_decimal(hours)} was entered).",
                )
                return
        elif not 0 < hours <= MAX_HOURS:
            self.add_error(
                "hours_per_week",
                f"Hours per week must be more than 0 and at most {MAX_HOURS}.",
            )
            return
        if hours != hours.quantize(Decimal("0.01")):
            self.add_error(
                "hours_per_week",
                "Hours per week can have at most 2 decimal places, for example 37.5.",
            )

    def _check_dates(self, data):
        closing, start = data.get("closing_date"), data.get("expected_start_date")
        if closing and start and start <= closing:
            self.add_error(
                "expected_start_date",
                "The expected start date must be after the closing date "
                f"({closing:%d/%m/%Y}). Choose a later start date or an earlier "
                "closing date.",
            )

    def _check_texts(self, data, apprenticeship):
        for name, max_length in [*FREE_TEXT_FIELDS.items(), *HTML_FIELDS.items()]:
            value = data.get(name)
            if not value or name in self.errors:
                continue
            html = name in HTML_FIELDS
            label = self.fields[name].label
            problems = local_text_problems(value, label=label, html=html)
            if apprenticeship:
                problems += api_text_problems(
                    value, label=label, html=html, max_length=max_length
                )
            for problem in problems:
                self.add_error(name, problem)

    def _check_skills(self, data, apprenticeship):
        for name in SKILL_FIELDS:
            for number, item in enumerate(data.get(name) or [], start=1):
                label = f"Line {number} ({item[:40]})"
                problems = local_text_problems(item, label=label)
                if apprenticeship:
                    problems += api_text_problems(
                        item, label=label, max_length=rules.MAX_SKILL_LENGTH
                    )
                for problem in problems:
                    self.add_error(name, problem)

    def _check_title(self, title):
        if not rules.title_has_apprentice_word(rules.normalise_text(title)):
            self.add_error(
                "title",
                "For an apprenticeship the title must contain the word "
                "'apprentice' or 'apprenticeship' on its own, with a space or the "
                "start or end of the title on each side, for example 'Plumbing "
                "Apprentice'. 'Apprentice-Electrician' or 'Apprenticeship:' do not "
                "count.",
            )


def training_course_choices(current_code=None):
    """Return the training course options, keeping a stored code that left the list."""
    choices = [("", "Choose a training course")]
    codes = set()
    for course in TrainingCourse.objects.all():
        level = f" (level {course.level})" if course.level else ""
        choices.append(
            (course.lars_code, f"{course.title}{level}, LARS code {course.lars_code}")
        )
        codes.add(course.lars_code)
    if current_code and current_code not in codes:
        choices.append(
            (current_code, f"LARS code {current_code} (not in the current course list)")
        )
    return choices


def qualification_type_choices(current=()):
    stored = list(
        ReferenceValue.objects.filter(
            kind=ReferenceValue.Kind.QUALIFICATION_TYPE
        ).values_list("value", flat=True)
    )
    types = stored or list(rules.QUALIFICATION_TYPES)
    types += [value for value in current if value and value not in types]
    return [("", "Choose a type")] + [(value, value) for value in types]


class QualificationForm(forms.Form):
    """One qualification row. A row left blank is dropped on save."""

    type = forms.ChoiceField(required=False, label="Type")
    subject = forms.CharField(required=False, max_length=100, label="Subject")
    grade = forms.CharField(required=False, max_length=100, label="Grade")
    weighting = forms.ChoiceField(
        required=False,
        label="Weighting",
        choices=[("essential", "Essential"), ("desired", "Desired")],
        initial="essential",
    )
    level = forms.IntegerField(
        required=False,
        min_value=rules.BTEC_LEVELS[0],
        max_value=rules.BTEC_LEVELS[-1],
        label="BTEC level",
        help_text="1 to 7. NAS needs it when the type is BTEC.",
        error_messages={"invalid": "BTEC level must be a whole number from 1 to 7."},
    )
    other_name = forms.CharField(
        required=False,
        max_length=200,
        label="Name of the qualification (for Other)",
        help_text=(
            f"At most {rules.QUALIFICATION_NAME_MAX_LENGTH} characters. "
            "NAS needs it when the type is Other."
        ),
    )

    def __init__(self, *args, type_choices, apprenticeship=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = type_choices
        self.apprenticeship = apprenticeship
        describe_field_errors(self)

    def is_blank(self):
        data = getattr(self, "cleaned_data", {})
        if data.get("level") is not None:
            return False
        return not any(
            data.get(name) for name in ("type", "subject", "grade", "other_name")
        )

    def nas_mandatory_fields(self):
        """Return the names of the row's fields NAS needs for the chosen type.

        The advert rules ask for a level and a name only when the type
        contains "BTEC" or "Other", and only for an Apprenticeship job.
        """
        if not self.apprenticeship:
            return set()
        qualification_type = str(self["type"].value() or "")
        mandatory = set()
        if "BTEC" in qualification_type:
            mandatory.add("level")
        if "Other" in qualification_type:
            mandatory.add("other_name")
        return mandatory

    def rows(self):
        """Return (bound field, mandatory) for each field of the row."""
        mandatory = self.nas_mandatory_fields()
        return [(field, field.name in mandatory) for field in self]

    def clean(self):
        data = super().clean()
        limits = {
            "subject": rules.QUALIFICATION_SUBJECT_MAX_LENGTH,
            "grade": rules.QUALIFICATION_GRADE_MAX_LENGTH,
            "other_name": rules.QUALIFICATION_NAME_MAX_LENGTH,
        }
        for name, max_length in limits.items():
            value = data.get(name)
            if not value:
                continue
            label = self.fields[name].label
            problems = local_text_problems(value, label=label)
            if self.apprenticeship:
                problems += api_text_problems(value, label=label, max_length=max_length)
            for problem in problems:
                self.add_error(name, problem)
        return data

    def as_item(self):
        """Return the row as a stored qualification item.

        The level and the name are stored only when given, so items of other
        types keep the four keys they always had.
        """
        data = self.cleaned_data
        item = {
            "type": data.get("type", ""),
            "subject": data.get("subject", ""),
            "grade": data.get("grade", ""),
            "weighting": data.get("weighting") or "essential",
        }
        if data.get("level") is not None:
            item["level"] = data["level"]
        if data.get("other_name"):
            item["other_name"] = data["other_name"]
        return item


class BaseQualificationFormSet(forms.BaseFormSet):
    def __init__(self, *args, apprenticeship=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.apprenticeship = apprenticeship

    def get_form_kwargs(self, index):
        current = [item.get("type", "") for item in self.initial or []]
        return {
            "type_choices": qualification_type_choices(current),
            "apprenticeship": self.apprenticeship,
        }

    def items(self):
        """Return the filled rows as stored qualification items, in order."""
        return [form.as_item() for form in self.forms if not form.is_blank()]


# The keys a stored qualification item may have, which are the row's fields.
QUALIFICATION_KEYS = tuple(QualificationForm.base_fields)

QualificationFormSet = forms.formset_factory(
    QualificationForm, formset=BaseQualificationFormSet, extra=2, max_num=20
)


def qualification_formset(data=None, *, job=None, apprenticeship=False):
    initial = [
        {key: item.get(key, "") for key in QUALIFICATION_KEYS}
        for item in (job.qualifications if job is not None else [])
        if isinstance(item, dict)
    ]
    return QualificationFormSet(
        data,
        initial=initial,
        prefix="qualifications",
        apprenticeship=apprenticeship,
    )
