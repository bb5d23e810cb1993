from django import forms


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text="What the token is for, such as the name of the system that "
        "uses it. You see this name on this page, not the token.",
    )
