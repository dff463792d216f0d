from django import forms


class CommentForm(forms.Form):
    body = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 5}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
