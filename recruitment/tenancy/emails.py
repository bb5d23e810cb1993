import unicodedata


def email_key(email: str) -> str:
    """Return the identity of an email address: trimmed, NFC, case-folded.

    The key is computed here rather than with the database's lower(), because
    SQLite folds ASCII letters only and PostgreSQL follows its collation; one
    Python normalisation gives both databases the same result.
    """
    return unicodedata.normalize("NFC", email.strip()).casefold()
