"""Forms parse what the pages send; the actions decide whether it may be done."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dueprocess.letters.kinds import Language, LetterKind
from dueprocess.letters.models import Channel


def add_action_errors(form: forms.Form, error: ValidationError) -> None:
    """Put an action's field-named errors on the form's fields (the rest at the top)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class LetterChoiceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of letter"), choices=())
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def __init__(self, *args, kinds: list[LetterKind], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]  # type: ignore[attr-defined]


class RefusalForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("HR: say when and where the employee refused, and who was present."),
    )


class DeliveryForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How it was delivered"),
        choices=[
            (Channel.IN_PERSON.value, Channel.IN_PERSON.label),
            (Channel.COURIER.value, Channel.COURIER.label),
        ],
        widget=forms.RadioSelect,
    )
    delivered_at = forms.DateTimeField(
        label=_("Delivered at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    witnesses = forms.CharField(
        label=_("Witnesses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("In person: the names of those who saw the letter handed over."),
    )
    courier = forms.CharField(label=_("Courier"), required=False, max_length=100)
    tracking_number = forms.CharField(label=_("Tracking number"), required=False, max_length=100)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TemplateForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    letterhead = forms.CharField(
        label=_("Letterhead"), required=False, widget=forms.Textarea(attrs={"rows": 4, "class": "source"})
    )
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 24, "class": "source"}))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class LetterheadForm(forms.Form):
    letterhead = forms.CharField(
        label=_("Letterhead"), widget=forms.Textarea(attrs={"rows": 8, "class": "source"})
    )
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class BatchForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of letter"), choices=())
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def __init__(self, *args, kinds: list[LetterKind], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]  # type: ignore[attr-defined]
