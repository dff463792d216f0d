"""Every check_* in documents.permissions: allow and deny."""

import pytest
from django.http import Http404

from guildhall.documents.permissions import check_download_document
from tests.factories import make_item


@pytest.mark.parametrize("who", ["member", "outsider", "staff"])
def test_check_download_document_allows_whoever_sees_a_public_document(request, who, community):
    document = make_item(request.getfixturevalue("member"), community=community, kind="document")
    check_download_document(request.getfixturevalue(who), document)


@pytest.mark.parametrize("who", ["outsider", "expert"])
def test_check_download_document_hides_a_private_document(request, who, member, private_community):
    document = make_item(member, community=private_community, kind="document")
    with pytest.raises(Http404):
        check_download_document(request.getfixturevalue(who), document)
