"""Schemathesis: every API operation is called with generated input, as a signed-in member, and
must never answer a server error, and must answer only the statuses and shapes its OpenAPI
document states. A bounded run (a few examples per operation) that stays within a minute."""

import pytest
from hypothesis import HealthCheck, given, settings
from schemathesis import openapi
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from guildhall.wsgi import application
from tests.api.conftest import bearer
from tests.factories import make_item

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_every_operation_answers_as_documented(db, member, community):
    make_item(member, community=community, title="Something to read")
    headers = bearer(member)
    schema = openapi.from_wsgi("/api/v1/openapi.json", application)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            call()
        except Exception as exc:  # collected: one report names every failing operation
            failures.append(f"{operation.label}: {str(exc)[:600]}")
    assert not failures, "\n\n".join(failures)
