"""Forms for offboarding. They parse input; the actions decide what is allowed."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from dueprocess.offboarding.limitation import FORUMS
from dueprocess.offboarding.models import MANUAL_KINDS, AnswerKind, DisputeOutcome, SupportKind, Uptake
from dueprocess.reviews.forms import DATE, add_action_errors

__all__ = [
    "AssignForm", "DisputeForm", "DisputeHearingForm", "DisputeOutcomeForm", "ExitInterviewForm",
    "LetterForm", "NotApplicableForm", "PaidForm", "SettlementLineForm", "SupportForm", "TaskDoneForm",
    "UptakeForm", "WithdrawForm", "add_action_errors",
]  # fmt: skip

NOTE = forms.Textarea(attrs={"rows": 2})


class TaskDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)
    note = forms.CharField(label=_("Note"), widget=NOTE, required=False, max_length=5000)


class NotApplicableForm(forms.Form):
    reason = forms.CharField(label=_("Why it does not apply"), widget=NOTE, max_length=5000)


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class LetterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class ExitInterviewForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    declined = forms.BooleanField(label=_("The employee declined the interview"), required=False)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == AnswerKind.SCALE:
                choices = [("", "—"), *((str(n), str(n)) for n in range(1, 6))]
                field: forms.Field = forms.ChoiceField(choices=choices, required=False)
            else:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=10000
                )
            field.label = question.text()
            self.fields[f"question_{question.pk}"] = field

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}", "") for q in self.questions}


class SettlementLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[(k.value, k.label) for k in MANUAL_KINDS])
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, min_value=0)
    reason = forms.CharField(
        label=_("What it is for and how it was worked out"), widget=NOTE, max_length=5000
    )
    article = forms.CharField(label=_("Article, if any"), max_length=60, required=False)


class PaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    reference = forms.CharField(label=_("Payment reference"), max_length=100, required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why the line is withdrawn"), widget=NOTE, max_length=5000)


class SupportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SupportKind.choices)
    description = forms.CharField(label=_("What is offered"), widget=NOTE, max_length=5000)
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)
    offered_on = forms.DateField(label=_("Offered on"), widget=DATE)


class UptakeForm(forms.Form):
    taken_up = forms.ChoiceField(
        label=_("Taken up"), choices=[(Uptake.YES, Uptake.YES.label), (Uptake.NO, Uptake.NO.label)]
    )
    on = forms.DateField(label=_("Known on"), widget=DATE)
    note = forms.CharField(label=_("Note"), widget=NOTE, required=False, max_length=5000)


class DisputeForm(forms.Form):
    forum = forms.ChoiceField(label=_("Forum"))
    filed_on = forms.DateField(label=_("Filed on"), widget=DATE)
    reference = forms.CharField(label=_("The forum's reference"), max_length=100, required=False)
    claims = forms.CharField(
        label=_("What is claimed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )
    counted_from = forms.DateField(
        label=_("Limitation counted from"),
        widget=DATE,
        required=False,
        help_text=_("Blank: the last day of employment."),
    )
    acas_day_a = forms.DateField(
        label=_("ACAS early conciliation began (Day A)"), widget=DATE, required=False
    )
    acas_day_b = forms.DateField(label=_("ACAS certificate received (Day B)"), widget=DATE, required=False)

    def __init__(self, *args, jurisdiction: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].choices = [(f.value, f.label) for f in FORUMS.get(jurisdiction, ())]
        if jurisdiction != "GB":
            del self.fields["acas_day_a"], self.fields["acas_day_b"]


class DisputeHearingForm(forms.Form):
    on = forms.DateField(label=_("Day"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    note = forms.CharField(
        label=_("What happened or is planned"), widget=NOTE, required=False, max_length=5000
    )


class DisputeOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=DisputeOutcome.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    amount = forms.DecimalField(
        label=_("Amount awarded or agreed"), max_digits=14, decimal_places=2, min_value=0, required=False
    )
    note = forms.CharField(label=_("About the outcome"), widget=NOTE, required=False, max_length=5000)
