"""Encryption of secrets stored in the database (Fernet from cryptography)."""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet(keys):
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(plaintext: str) -> str:
    return (
        _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))
        .encrypt(plaintext.encode())
        .decode()
    )


def decrypt(token: str) -> str:
    try:
        return (
            _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))
            .decrypt(token.encode())
            .decode()
        )
    except InvalidToken:
        # Raised without the token, so a failure never carries the ciphertext
        # into logs or error pages.
        raise ValueError(
            "A stored secret cannot be decrypted with FIELD_ENCRYPTION_KEYS; "
            "the key that encrypted it is missing."
        ) from None


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token and read back as plaintext."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)
