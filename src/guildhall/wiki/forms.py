from django import forms

from guildhall.content.services import MAX_BODY, MAX_TITLE
from guildhall.wiki.models import WikiSettings
from guildhall.wiki.services import MAX_SUMMARY

BODY_HELP = (
    "Markdown. Link to another page of this wiki with [[Page title]] or [[Page title|label]]; "
    "a page that doesn't exist yet shows as a link to create it."
)


class WikiPageForm(forms.Form):
    title = forms.CharField(max_length=MAX_TITLE, strip=True)
    body = forms.CharField(
        label="Text", required=False, strip=False, max_length=MAX_BODY, help_text=BODY_HELP
    )
    summary = forms.CharField(
        label="Edit summary",
        required=False,
        max_length=MAX_SUMMARY,
        help_text="A few words on what you changed, for the page's history.",
    )
    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)


class WikiSettingsForm(forms.Form):
    editors = forms.ChoiceField(
        label="Who may create and edit pages",
        choices=WikiSettings.Editors.choices,
        widget=forms.RadioSelect,
    )
