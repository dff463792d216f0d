"""Settings read from the environment: the parts whose mistakes would be silent."""

from guildhall.settings import _email_settings


def test_smtp_url_with_bare_tls_flag():
    conf = _email_settings("smtp://mailer:s%40cret@mail.example.com:587?tls")
    assert conf["EMAIL_HOST"] == "mail.example.com" and conf["EMAIL_PORT"] == 587
    assert conf["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert conf["EMAIL_USE_TLS"] is True and conf["EMAIL_USE_SSL"] is False


def test_console_is_the_default_email_backend():
    assert _email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")
