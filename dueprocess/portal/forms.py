"""Forms of the portal. They parse input; the actions decide what is allowed and when."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dueprocess.lib import uploads

MAX_FILES = 10


def text_field(label, rows: int = 5, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), max_length=20000, required=required
    )


class ResponseForm(forms.Form):
    text = text_field(_("Your written response"))


class CommentForm(forms.Form):
    text = text_field(_("Your comments on this check-in"), rows=3)


class SelfAssessmentForm(forms.Form):
    text = text_field(_("Your self-assessment"), rows=6)


class ExplanationForm(forms.Form):
    text = text_field(_("Your explanation"), rows=6)


class AppealForm(forms.Form):
    grounds = text_field(_("Why you appeal against the decision"), rows=6)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files in one field, each checked by ``lib.uploads``: an accepted kind, within the size
    limit, its content matching its name. The content type kept is the kind's, not the browser's."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": uploads.accepted()}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Attach at most %(count)s files.") % {"count": MAX_FILES})
        checked = []
        for upload in files:
            upload = super().clean(upload, initial)
            upload.content_type = uploads.validate(upload, str(self.label))
            checked.append(upload)
        return checked


class StatementForm(forms.Form):
    text = text_field(_("Your statement"), rows=8)
    evidence = EvidenceField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=format_lazy(
            _("PDF, Word, Excel, text, e-mail, images or audio; up to {count} files."), count=MAX_FILES
        ),
    )

    def evidence_files(self) -> list[tuple[str, str, bytes]]:
        """As the action takes them: name, content type, content."""
        return [(f.name, f.content_type, f.read()) for f in self.cleaned_data["evidence"]]
