from guildhall.communities.models import Membership
from guildhall.content.models import ContentItem
from guildhall.notifications.models import Notification
from tests.factories import make_comment, make_item


def test_comment_notifies_item_author(community, member, expert, run_on_commit):
    item = make_item(member, community=community, kind="discussion", title="Pallet labels")
    with run_on_commit():
        make_comment(expert, item, "Use GS1 labels.")
    item.refresh_from_db()
    assert item.comment_count == 1
    notification = Notification.objects.get(recipient=member)
    assert notification.verb == "comment" and notification.actor == expert
    assert Membership.objects.filter(community=community).count() == 3
    assert ContentItem.objects.filter(status="published").count() == 1
