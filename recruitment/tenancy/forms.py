from django import forms
from django.contrib.auth import authenticate


class SignInForm(forms.Form):
    email = forms.EmailField(
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, tenant, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.request = request
        self.user = None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.user = authenticate(
            self.request,
            tenant=self.tenant,
            email=data["email"],
            password=data["password"],
        )
        if self.user is None:
            raise forms.ValidationError(
                "The email or password is not right, or this account cannot "
                "sign in. Check them and try again.",
                code="invalid_login",
            )
        return data
