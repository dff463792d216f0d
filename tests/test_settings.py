"""Settings read from the environment: the parts whose mistakes would be silent."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from guildhall.settings import _email_settings, env_networks


def test_smtp_url_with_bare_tls_flag():
    conf = _email_settings("smtp://mailer:s%40cret@mail.example.com:587?tls")
    assert conf["EMAIL_HOST"] == "mail.example.com" and conf["EMAIL_PORT"] == 587
    assert conf["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert conf["EMAIL_USE_TLS"] is True and conf["EMAIL_USE_SSL"] is False


def test_console_is_the_default_email_backend():
    assert _email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_trusted_proxies_take_addresses_and_networks(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/24 ,::1")
    assert env_networks("TRUSTED_PROXIES") == ["127.0.0.1/32", "10.0.0.0/24", "::1/128"]


def test_a_mistyped_trusted_proxy_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.300")
    with pytest.raises(ImproperlyConfigured, match=r"'10\.0\.0\.300' is not an IP address"):
        env_networks("TRUSTED_PROXIES")
