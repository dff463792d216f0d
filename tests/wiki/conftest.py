import pytest

from guildhall.wiki.services import wiki_page_create, wiki_page_edit


def make_page(author, community, title="Onboarding checklist", body="Start here.", **kwargs):
    return wiki_page_create(actor=author, community=community, title=title, body=body, **kwargs)


def edit(actor, item, body, base, summary="", title=None):
    return wiki_page_edit(
        actor=actor, item=item, body=body, summary=summary, base_revision=base, title=title
    )


@pytest.fixture
def page(member, community):
    return make_page(member, community)
