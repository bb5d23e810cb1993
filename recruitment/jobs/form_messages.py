"""Form error messages that name the field and its limit, in place of Django's.

Django's defaults, such as "This field is required." or "Ensure this value has
at most 100 characters (it has 101).", do not say which field they are about
when read in the error summary or by a screen reader.
"""

from __future__ import annotations

from django import forms
from django.core import validators


def describe_field_errors(form: forms.BaseForm) -> None:
    """Replace the form's generic Django messages with ones naming each field.

    Messages a field already sets for itself are kept.
    """
    for name, field in form.fields.items():
        label = str(field.label or name.replace("_", " ").capitalize())
        lower = label[0].lower() + label[1:]
        if isinstance(field, forms.ChoiceField):
            _replace_default(field, "required", f"Choose {_article(lower)} {lower}.")
            _replace_default(
                field,
                "invalid_choice",
                f"Choose {_article(lower)} {lower} from the list.",
            )
            continue
        _replace_default(field, "required", f"Enter {_article(lower)} {lower}.")
        if isinstance(field, forms.CharField):
            _replace_default(
                field,
                "max_length",
                f"{label} must be at most %(limit_value)d characters "
                "(it has %(show_value)d).",
            )
        if isinstance(field, forms.IntegerField | forms.DecimalField):
            _replace_default(
                field,
                "min_value",
                f"{label} must be at least %(limit_value)s (it is %(value)s).",
            )
            _replace_default(
                field,
                "max_value",
                f"{label} must be at most %(limit_value)s (it is %(value)s).",
            )


def limit_whole_number(field: forms.Field, minimum: int, maximum: int) -> None:
    """Accept only whole numbers from `minimum` to `maximum` in an integer field."""
    field.min_value = minimum
    field.max_value = maximum
    # Model fields build their validators when the form field is made, so
    # replace the old bounds instead of adding a second pair.
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(
            validator, validators.MinValueValidator | validators.MaxValueValidator
        )
    ]
    field.validators += [
        validators.MinValueValidator(minimum),
        validators.MaxValueValidator(maximum),
    ]
    field.widget.attrs.update(min=minimum, max=maximum)


def drop_max_length(field: forms.CharField) -> None:
    """Remove a text field's length check, for a field whose format check covers it."""
    field.max_length = None
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(validator, validators.MaxLengthValidator)
    ]
    field.widget.attrs.pop("maxlength", None)


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _django_default(field: forms.Field, code: str) -> str | None:
    """Return the message Django's field classes give `code`, if any."""
    message = None
    for cls in reversed(type(field).__mro__):
        message = getattr(cls, "default_error_messages", {}).get(code, message)
    return message


def _replace_default(field: forms.Field, code: str, message: str) -> None:
    # Codes raised by validators, such as max_length, have no entry until a
    # field sets its own message.
    current = field.error_messages.get(code)
    if current is None or current == _django_default(field, code):
        field.error_messages[code] = message
