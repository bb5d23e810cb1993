from django import forms
from django.contrib.auth.forms import SetPasswordForm

from .candidates import staff_users


class CaseOwnerForm(forms.Form):
    case_owner = forms.ModelChoiceField(
        label="Case owner",
        queryset=None,
        empty_label="Choose a staff user",
        error_messages={
            "required": "Choose a staff user to be the case owner.",
            "invalid_choice": "Choose a staff user of this provider from the list.",
        },
    )

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_owner"].queryset = staff_users(tenant)


class AcceptInvitationForm(SetPasswordForm):
    """The learner's new password, typed twice and checked by the validators."""

    error_messages = {
        **SetPasswordForm.error_messages,
        "password_mismatch": "The two passwords are different. Type the same "
        "password in both boxes.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Password"
        # Django's help text is an HTML list, which cannot sit in the hint
        # paragraph, so one sentence describes the validators we use.
        self.fields["new_password1"].help_text = (
            "Use at least 8 characters. Avoid common passwords, passwords made "
            "only of numbers, and anything close to your name or email address."
        )
        self.fields["new_password2"].label = "Confirm password"

    def clean(self):
        # The validators' messages belong beside the password itself, not
        # beside its confirmation, where Django puts them.
        self.validate_passwords("new_password1", "new_password2")
        if "new_password1" in self.cleaned_data:
            self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data
