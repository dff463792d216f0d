from django import forms


class InterviewForm(forms.Form):
    featured_member = forms.CharField(
        label="Member interviewed",
        max_length=150,
        help_text="Their username, as in their profile address /u/<username>/.",
    )
    community = forms.ChoiceField(label="Where", required=False, choices=())
    title = forms.CharField(label="Title", max_length=200)
    body = forms.CharField(
        label="Interview text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Markdown. Questions as **bold** lines or ## headings read well.",
    )
    tags = forms.CharField(label="Tags", required=False, max_length=400)

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", "Everyone in the company (your blog)")] + [
            (c.slug, c.name) for c in communities
        ]
