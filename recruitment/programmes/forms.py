from django import forms

from .models import AccountProgramme, JobsToken


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = AccountProgramme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class JobsTokenForm(forms.ModelForm):
    """The Jobs token: its NAS integration box and, on the NAS tab, the key.

    The system key field is write-only: it is never filled with the stored
    value, and leaving it blank keeps the key already stored.
    """

    system_key = forms.CharField(
        required=False,
        strip=True,
        max_length=200,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "off", "spellcheck": "false"}
        ),
        help_text="The Recruitment API key from the provider's apprenticeship "
        "service account (Developer APIs). Leave blank to keep the stored key.",
    )

    class Meta:
        model = JobsToken
        fields = ["enabled", "nas_integration", "nas_environment", "duration_rule"]
        widgets = {
            "nas_environment": forms.RadioSelect,
            "duration_rule": forms.RadioSelect,
        }

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant

    def clean(self):
        data = super().clean()
        if not data.get("nas_integration"):
            return data
        if not self.tenant.nas_enabled:
            self.add_error(
                "nas_integration",
                forms.ValidationError(
                    "NAS integration is not enabled for this provider. Ask "
                    "support to enable it before ticking this box.",
                    code="nas_not_enabled",
                ),
            )
        if not data.get("enabled"):
            self.add_error(
                "enabled", "Tick Jobs as well: NAS integration is part of Jobs."
            )
        if not data.get("system_key") and not self.instance.has_system_key:
            self.add_error(
                "system_key",
                forms.ValidationError(
                    "Enter the system key on the NAS tab: uploads to NAS need it.",
                    code="required",
                ),
            )
        return data

    def save(self, commit=True):
        token = super().save(commit=False)
        if self.cleaned_data.get("system_key"):
            token.set_system_key(self.cleaned_data["system_key"])
        if commit:
            token.save()
        return token
