from django.core.exceptions import ValidationError


class NotOnlyWhitespaceValidator:
    """Reject a password made only of spaces or other whitespace.

    Django's validators accept ten spaces: long enough, not common, not
    numeric.
    """

    message = "Enter a password with letters, numbers or symbols, not only spaces."

    def validate(self, password, user=None):
        if not password.strip():
            raise ValidationError(self.message, code="password_only_whitespace")

    def get_help_text(self):
        return "Your password must contain more than spaces."
