from django import forms
from django.utils.translation import gettext_lazy as _

from guildhall.content import kinds


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=())
    community = forms.ChoiceField(
        label="Where",
        required=False,
        help_text="A community you belong to, or your personal blog (blog posts only).",
    )
    title = forms.CharField(label="Title", max_length=200)
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"class": "editor", "rows": 16}),
        help_text="Markdown: **bold**, _italic_, lists, `code`, [links](https://…), tables.",
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=400,
        help_text="Up to 10, separated by commas or spaces: forecasting, safety",
    )

    def __init__(self, *args, communities=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds.shared_form_choices()
        self.fields["community"].choices = [("", "My personal blog")] + [
            (c.slug, c.name) for c in communities
        ]
        if editing:
            del self.fields["kind"]
            del self.fields["community"]


class UploadItemForm(forms.Form):
    """The form of kinds that carry a file (episodes, documents); they set `file` and `body`."""

    community = forms.ChoiceField(label="Community")
    title = forms.CharField(label="Title", max_length=200)
    file = forms.FileField(label="File")
    body = forms.CharField(
        label="Notes", required=False, widget=forms.Textarea(attrs={"class": "editor", "rows": 8})
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=400,
        help_text="Up to 10, separated by commas or spaces.",
    )

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [(c.slug, c.name) for c in communities]


class ItemDeleteForm(forms.Form):
    """Deleting someone else's item (a manager, staff) says why; the author is told."""

    reason = forms.CharField(
        label=_("Why do you delete it? Its author is told."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
