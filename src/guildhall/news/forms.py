from django import forms


class AnnouncementForm(forms.Form):
    community = forms.ChoiceField(label="Where", choices=())
    title = forms.CharField(label="Headline", max_length=200)
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown: **bold**, lists, [links](https://…).",
    )
    expires_at = forms.DateField(
        label="Stays on top until",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="After this day it moves to the news archive. Leave empty to keep it on top.",
    )
    tags = forms.CharField(label="Tags", required=False, max_length=400)

    def __init__(self, *args, communities=(), company_wide: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Everyone in the company")] if company_wide else []
        self.fields["community"].choices = choices + [(c.slug, c.name) for c in communities]
        self.fields["community"].required = not company_wide
