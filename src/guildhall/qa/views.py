"""Pages for questions: ask (with similar questions), a community's questions, answer, vote,
accept. Every form posts and redirects, so all of it works without JavaScript."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from guildhall.communities.permissions import can_post_in_community
from guildhall.communities.selectors import community_get, memberships_of
from guildhall.core.pagination import paginate
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.qa import selectors, services
from guildhall.qa.forms import AnswerForm, AskForm
from guildhall.qa.kind import annotate_answers
from guildhall.qa.permissions import can_delete_answer, can_edit_answer


def _answer_url(answer) -> str:
    return f"{answer.item.get_absolute_url()}#answer-{answer.pk}"


def _my_communities(user):
    return [m.community for m in memberships_of(viewer=user, member=user)]


def ask(request):
    communities = _my_communities(request.user)
    wanted = request.GET.get("community", "")
    form = AskForm(form_data(request), communities=communities, initial={"community": wanted})
    similar = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        community = next((c for c in communities if c.slug == data["community"]), None)
        if request.POST.get("action") == "similar":
            similar = selectors.similar_questions(
                viewer=request.user, title=data["title"], community=community
            )
        else:
            try:
                item = services.question_create(
                    actor=request.user,
                    community=community,
                    title=data["title"],
                    body=data["body"],
                    tags=data["tags"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, "Your question is published. We'll tell you when someone answers."
                )
                return redirect(item.get_absolute_url())
    if request.method == "POST" and similar is None:
        similar = selectors.similar_questions(
            viewer=request.user, title=request.POST.get("title", "")
        )
    return render(
        request,
        "qa/ask.html",
        {"form": form, "similar": similar, "no_communities": not communities},
        status=422 if request.method == "POST" and form.errors else 200,
    )


@require_GET
def similar(request):
    """htmx: questions like the title being typed."""
    title = request.GET.get("title", "")[:200]
    community = None
    slug = request.GET.get("community", "")
    if slug:
        try:
            community = community_get(viewer=request.user, slug=slug)
        except Http404:
            community = None
    found = selectors.similar_questions(viewer=request.user, title=title, community=community)
    return render(
        request,
        "qa/partials/similar.html",
        {"similar": found, "searched": bool(selectors.significant_words(title))},
    )


def community_questions(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    return _questions_page(
        request, community=community, can_ask=can_post_in_community(request.user, community)
    )


def questions(request):
    """Every community's questions the member can see: where help is wanted, company-wide."""
    return _questions_page(request, community=None, can_ask=True)


def _questions_page(request, *, community, can_ask: bool):
    state = request.GET.get("state", "unanswered")
    if state not in selectors.STATES:
        state = "unanswered"
    items = selectors.questions_list(viewer=request.user, community=community, state=state)
    return render(
        request,
        "qa/community_questions.html",
        {
            "community": community,
            "page": paginate(items.select_related("community"), request.GET.get("page")),
            "state": state,
            "states": [
                ("unanswered", _("Unanswered")),
                ("answered", _("Answered")),
                ("accepted", _("Accepted answer")),
                ("all", _("All")),
            ],
            "can_ask": can_ask,
            "nav": "communities" if community else "questions",
        },
    )


@require_POST
def answer_create(request, pk: int):
    item = selectors.question_get(viewer=request.user, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            answer = services.answer_create(
                actor=request.user, item=item, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Thanks! Your answer is posted.")
            return redirect(_answer_url(answer))
    # Keep what the member typed: show it again with the reason it was refused.
    return render(request, "qa/answer_form.html", {"form": form, "item": item}, status=422)


def answer_edit(request, pk: int):
    answer = selectors.answer_get(viewer=request.user, pk=pk)
    if not can_edit_answer(request.user, answer):
        raise Http404("No such answer.")
    form = AnswerForm(form_data(request), initial={"body": answer.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_update(
                actor=request.user, answer=answer, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your answer is updated.")
            return redirect(_answer_url(answer))
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "qa/answer_form.html",
        {"form": form, "item": answer.item, "answer": answer},
        status=status,
    )


def answer_delete(request, pk: int):
    answer = selectors.answer_get(viewer=request.user, pk=pk)
    if not can_delete_answer(request.user, answer):
        raise Http404("No such answer.")
    item = answer.item
    if request.method == "POST":
        services.answer_delete(actor=request.user, answer=answer)
        messages.success(request, "The answer was deleted.")
        return redirect(f"{item.get_absolute_url()}#answers")
    return render(request, "qa/answer_confirm_delete.html", {"answer": answer, "item": item})


@require_POST
def answer_vote(request, pk: int):
    answer = selectors.answer_get(viewer=request.user, pk=pk)
    try:
        value = int(request.POST.get("value", ""))
    except ValueError:
        value = 99  # the service names the allowed values
    try:
        services.answer_vote(actor=request.user, answer=answer, value=value)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _message(exc))
        if request.htmx:  # show the message on the reloaded page
            return HttpResponse(status=204, headers={"HX-Redirect": _answer_url(answer)})
    else:
        if request.htmx:  # just this answer, with its new score and the pressed button
            annotate_answers(request.user, answer.item, [answer])
            return render(
                request, "qa/partials/answer.html", {"answer": answer, "item": answer.item}
            )
    return redirect(_answer_url(answer))


@require_POST
def answer_accept(request, pk: int):
    answer = selectors.answer_get(viewer=request.user, pk=pk)
    try:
        services.answer_accept(actor=request.user, answer=answer)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, "Answer accepted. It now shows first.")
    return redirect(_answer_url(answer))


def _message(exc) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or "You are not allowed to do that."
