from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from guildhall.core.exceptions import ValidationError
from guildhall.core.pagination import paginate
from guildhall.notifications import registry
from guildhall.notifications.emails import user_for_unsubscribe_token
from guildhall.notifications.models import Delivery, DigestFrequency
from guildhall.notifications.selectors import (
    notification_get,
    notification_preferences,
    notifications_for,
    rendered,
)
from guildhall.notifications.services import (
    notification_preferences_set,
    notifications_mark_read,
)

PAGE_SIZE = 30
DROPDOWN_SIZE = 6


def notification_list(request):
    unread_only = request.GET.get("filter") == "unread"
    page = paginate(
        notifications_for(viewer=request.user, unread_only=unread_only),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    return render(
        request,
        "notifications/list.html",
        {"page": page, "entries": rendered(page.items), "unread_only": unread_only},
    )


# The bell's partials answer a signed-out request themselves: after the session ended (signed out
# in another tab, expired), the sign-in redirect would otherwise be swapped into the top bar.
@never_cache
@login_not_required
def bell(request):
    """htmx: the bell with a fresh unread count (polled by every page's top bar)."""
    if not request.user.is_authenticated:
        return HttpResponse(status=204)  # htmx swaps nothing: the page stays as it is
    return render(request, "notifications/partials/bell_button.html")


@never_cache
@login_not_required
def dropdown(request):
    """htmx: the latest notifications, loaded when the member opens the bell."""
    if not request.user.is_authenticated:
        return render(request, "notifications/partials/signed_out.html")
    latest = notifications_for(viewer=request.user)[:DROPDOWN_SIZE]
    return render(request, "notifications/partials/dropdown.html", {"entries": rendered(latest)})


def open_notification(request, pk: int):
    """Follow a notification's link, marking it read on the way."""
    notification = notification_get(viewer=request.user, pk=pk)
    if notification is None:
        raise Http404("No such notification.")
    if notification.read_at is None:
        notifications_mark_read(actor=request.user, ids=[pk])
    return redirect(registry.verb(notification.verb).url(notification))


@require_POST
def mark_read(request):
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit() and len(i) < 19]
    notifications_mark_read(actor=request.user, ids=ids or None)
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("notifications:list")


def preferences(request):
    """Per type: in the app only, email at once, in the digest, or off; and the digest's rhythm."""
    status = 200
    if request.method == "POST":
        deliveries = {
            v.name: request.POST[f"type-{v.name}"]
            for v in registry.verbs()
            if f"type-{v.name}" in request.POST
        }
        try:
            notification_preferences_set(
                actor=request.user, deliveries=deliveries, digest=request.POST.get("digest")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            status = 422
        else:
            messages.success(request, "Your notification settings are saved.")
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "preferences": notification_preferences(viewer=request.user),
            "deliveries": Delivery.choices,
            "frequencies": DigestFrequency.choices,
        },
        status=status,
    )


# Mail clients' one-click unsubscribe (RFC 8058) POSTs without a CSRF token; the signed token in
# the address is what proves the request comes from the member's email.
@csrf_exempt
@login_not_required
def unsubscribe(request, token: str):
    member = user_for_unsubscribe_token(token)
    if member is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        notification_preferences_set(actor=member, digest=DigestFrequency.NEVER)
    return render(request, "notifications/unsubscribe.html", {"member": member, "done": done})
