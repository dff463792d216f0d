from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from guildhall.communities.selectors import memberships_of
from guildhall.content.cards import attach_cards, card_rows
from guildhall.content.selectors import content_feed, content_item_get
from guildhall.core.pagination import paginate, paginate_feed
from guildhall.core.views_support import add_service_errors, form_data
from guildhall.people.contributions import contributions
from guildhall.people.forms import ProfileForm, SkillForm
from guildhall.people.permissions import can_edit_profile, can_endorse_skill, can_set_leader
from guildhall.people.selectors import (
    department_get,
    departments_list,
    direct_reports,
    experts_for_topic,
    followed_people,
    followed_tags,
    is_following,
    people_list,
    person_get,
    profile_skill_get,
    skills_in_use,
    skills_most_declared,
    skills_with_endorsements,
    tag_get,
)
from guildhall.people.services import (
    expert_invite,
    person_follow,
    person_unfollow,
    profile_ensure,
    profile_skill_remove,
    profile_skill_set,
    profile_update,
    skill_endorse,
    skill_endorsement_withdraw,
    tag_follow,
    tag_unfollow,
)

EXPERTS_PER_PAGE = 20


def directory(request):
    q = request.GET.get("q", "").strip()
    department = request.GET.get("department", "")
    skill = request.GET.get("skill", "")
    people = people_list(viewer=request.user, q=q, department=department, skill=skill)
    return render(
        request,
        "people/directory.html",
        {
            "page": paginate(people, request.GET.get("page"), 24),
            "q": q,
            "department": department,
            "skill": skill,
            "departments": departments_list(viewer=request.user),
            "skills": skills_in_use(),
            "nav": "people",
        },
    )


def profile(request, username: str):
    person = person_get(viewer=request.user, username=username)
    items = attach_cards(card_rows(content_feed(viewer=request.user, author=person))[:10])
    return render(
        request,
        "people/profile.html",
        {
            "person": person,
            "reports": direct_reports(viewer=request.user, person=person),
            "memberships": memberships_of(viewer=request.user, member=person),
            "items": items,
            "can_edit": can_edit_profile(request.user, person),
            "featured_in": contributions.call(
                "featured_in", default=[], viewer=request.user, member=person
            ),
            "can_set_leader": can_set_leader(request.user),
            "following": is_following(viewer=request.user, member=person),
            "skills": skills_with_endorsements(viewer=request.user, person=person),
            "can_endorse": can_endorse_skill(request.user, person),
            "nav": "people",
        },
    )


def blog(request, username: str):
    person = person_get(viewer=request.user, username=username)
    posts = content_feed(viewer=request.user, author=person, kind="post")
    return render(
        request,
        "people/blog.html",
        {"person": person, "page": _feed_page(posts, request), "nav": "people"},
    )


def _feed_page(items, request):
    page = paginate_feed(card_rows(items), request.GET.get("page"))
    page.items = attach_cards(page.items)
    return page


def edit(request):
    user = request.user
    profile_obj = profile_ensure(user=user)
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "title": profile_obj.title,
        "department": profile_obj.department,
        "manager": profile_obj.manager.username if profile_obj.manager else "",
        "location": profile_obj.location,
        "bio": profile_obj.bio,
    }
    form = ProfileForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            profile_update(
                actor=user,
                member=user,
                first_name=data.pop("first_name"),
                last_name=data.pop("last_name"),
                **data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("people:profile", user.username)
    return render(
        request,
        "people/edit.html",
        {
            "form": form,
            "skill_form": SkillForm(),
            "skills": profile_obj.skill_levels.select_related("skill"),
            "nav": "people",
        },
    )


@require_POST
def skill_add(request):
    form = SkillForm(request.POST)
    if form.is_valid():
        try:
            profile_skill_set(actor=request.user, member=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Added {form.cleaned_data['name']}.")
    else:
        messages.error(request, "Name the skill and choose a level.")
    return redirect("people:edit")


@require_POST
def skill_remove(request, skill_id: int):
    profile_skill_remove(actor=request.user, member=request.user, skill_id=skill_id)
    messages.success(request, "Skill removed.")
    return redirect("people:edit")


def departments(request):
    return render(
        request,
        "people/departments.html",
        {"departments": departments_list(viewer=request.user), "nav": "people"},
    )


def department(request, slug: str):
    dept = department_get(viewer=request.user, slug=slug)
    people = people_list(viewer=request.user, department=slug)
    return render(
        request,
        "people/department.html",
        {
            "department": dept,
            "page": paginate(people, request.GET.get("page"), 48),
            "nav": "people",
        },
    )


def _next_or(request, fallback: str) -> str:
    """Where a no-JS form goes back to: its `next` field when it is a page of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _refused(request, exc) -> None:
    messages.error(request, " ".join(getattr(exc, "messages", None) or [str(exc)]))


@require_POST
def follow(request, username: str):
    person = person_get(viewer=request.user, username=username)
    try:
        if request.POST.get("action") == "unfollow":
            person_unfollow(actor=request.user, member=person)
        else:
            person_follow(actor=request.user, member=person)
    except ValidationError as exc:
        _refused(request, exc)
    if request.htmx:
        person = person_get(viewer=request.user, username=username)  # fresh counts
        return render(
            request,
            "people/partials/follow_button.html",
            {"person": person, "following": is_following(viewer=request.user, member=person)},
        )
    return redirect(_next_or(request, reverse("people:profile", args=[person.username])))


@require_POST
def follow_tag(request, slug: str):
    tag = tag_get(slug=slug)
    followed = request.POST.get("action") != "unfollow"
    if followed:
        tag_follow(actor=request.user, tag=tag)
    else:
        tag_unfollow(actor=request.user, tag=tag)
    if request.htmx:
        return render(
            request,
            "people/partials/follow_tag_button.html",
            {"tag_slug": tag.slug, "tag_name": tag.name, "tag_followed": followed},
        )
    return redirect(_next_or(request, reverse("people:following")))


def following(request):
    return render(
        request,
        "people/following.html",
        {
            "page": paginate(followed_people(viewer=request.user), request.GET.get("page"), 24),
            "tags": followed_tags(viewer=request.user),
            "nav": "people",
        },
    )


@require_POST
def endorse(request, username: str, skill: str):
    person = person_get(viewer=request.user, username=username)
    entry = profile_skill_get(viewer=request.user, person=person, skill=skill)
    try:
        if request.POST.get("action") == "withdraw":
            skill_endorsement_withdraw(actor=request.user, entry=entry)
        else:
            skill_endorse(actor=request.user, entry=entry)
    except ValidationError as exc:
        _refused(request, exc)
    if request.htmx:
        entries = skills_with_endorsements(
            viewer=request.user, person=person_get(viewer=request.user, username=username)
        )
        return render(
            request,
            "people/partials/skill.html",
            {
                "s": next(e for e in entries if e.pk == entry.pk),
                "person": person,
                "can_endorse": can_endorse_skill(request.user, person),
            },
        )
    profile_url = reverse("people:profile", args=[person.username])
    return redirect(f"{profile_url}#skill-{entry.skill.slug}")


def experts(request):
    topic = " ".join(request.GET.get("topic", "").split())
    page, first_rank, popular_skills = None, 1, []
    if topic:
        ranking = experts_for_topic(viewer=request.user, topic=topic)
        page = paginate(ranking, request.GET.get("page"), EXPERTS_PER_PAGE)
        first_rank = (page.number - 1) * EXPERTS_PER_PAGE + 1
    if not (page and page.items):
        # Ideas when there is no topic or no one for it: the skills most colleagues declare.
        popular_skills = skills_most_declared()
    return render(
        request,
        "people/experts.html",
        {
            "topic": topic,
            "page": page,
            "first_rank": first_rank,
            "popular_skills": popular_skills,
            "nav": "experts",
        },
    )


@require_POST
def invite_experts(request, pk: int):
    item = content_item_get(viewer=request.user, pk=pk)
    usernames = request.POST.getlist("expert")[:10]
    chosen = people_list(viewer=request.user).filter(username__in=usernames)
    try:
        invitations = expert_invite(actor=request.user, item=item, experts=list(chosen))
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    else:
        names = ", ".join(i.expert.name for i in invitations)
        messages.success(request, f"Invited {names}. They have been notified.")
    return redirect(f"{item.get_absolute_url()}#ask-expert")
