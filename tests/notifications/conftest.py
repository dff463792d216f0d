from tests.api.conftest import api  # noqa: F401  (the JSON client fixture)
