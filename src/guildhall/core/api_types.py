"""Small input and output types every API router shares.

`Text` and `Id` keep hostile input out of the database layer (a NUL character or a 40-digit id
would make PostgreSQL or SQLite raise, i.e. answer 500); `ErrorOut` documents the error shape the
handlers in `api_support` answer.
"""

from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field, model_validator

MAX_ID = 2**63 - 1


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


# A string without NUL characters (PostgreSQL cannot store them).
Text = Annotated[str, AfterValidator(_no_nul)]
# A database id: positive and within a 64-bit integer.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class ErrorOut(Schema):
    detail: str
    # Each invalid field with its messages, when the error is about input.
    errors: dict[str, list[str]] | None = None


def errors(*statuses: int) -> dict[int, type[Schema]]:
    """Error responses to document on an operation: `response={200: X, **errors(401, 404)}`."""
    return dict.fromkeys(statuses, ErrorOut)


class ObjectIn(Schema):
    """A request body that must be a JSON object: ninja's schemas would otherwise read a list
    (`[null, null]`) as an object with every field left out."""

    @model_validator(mode="wrap")
    @classmethod
    def _an_object(cls, value, handler):
        if not isinstance(value, dict) and not isinstance(value, Schema):
            raise ValueError("send a JSON object")
        return handler(value)
