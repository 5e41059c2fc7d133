"""Forms parse what the user typed; the actions decide whether it may happen."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dueprocess.cases.models import AppealOutcome, ApprovalCapacity, ApprovalDecision

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = forms.Textarea(attrs={"rows": 4})


class OpenCaseForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground"))
    summary = forms.CharField(label=_("Why the case is opened"), widget=TEXT, max_length=20000)
    evidence = forms.MultipleChoiceField(
        label=_("Records the case rests on"), required=False, widget=forms.CheckboxSelectMultiple
    )
    renewal_offered = forms.NullBooleanField(
        label=_("Renewal offered on the same or better terms (fixed-term expiry)"), required=False
    )

    def __init__(
        self, *args, grounds: list[tuple[str, str]], evidence: list[tuple[str, str]], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = grounds
        self.fields["evidence"].choices = evidence


class LinkEvidenceForm(forms.Form):
    target = forms.ChoiceField(label=_("Record"))
    note = forms.CharField(label=_("Why it matters"), widget=TEXT, required=False, max_length=5000)

    def __init__(self, *args, evidence: list[tuple[str, str]] = (), **kwargs) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = evidence


class PlanTerminationForm(forms.Form):
    notice_given_on = forms.DateField(label=_("Notice given on"), widget=DATE)
    last_day = forms.DateField(label=_("Last day of employment"), widget=DATE)
    pay_in_lieu = forms.BooleanField(label=_("Pay in lieu of notice"), required=False)


class OverrideForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=60)
    justification = forms.CharField(label=_("Justification"), widget=TEXT, max_length=20000)


class InviteForm(forms.Form):
    scheduled_at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    place = forms.CharField(label=_("Place"), max_length=200)
    attendees = forms.CharField(
        label=_("Who attends"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    companion_allowed = forms.BooleanField(label=_("The employee may bring a companion"), required=False)
    agenda = forms.CharField(label=_("What will be discussed"), widget=TEXT, required=False, max_length=20000)


class RecordHearingForm(forms.Form):
    hearing = forms.UUIDField(widget=forms.HiddenInput)
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    employee_attended = forms.BooleanField(label=_("The employee attended"), required=False)
    companion = forms.CharField(label=_("Companion"), max_length=200, required=False)
    minutes = forms.CharField(label=_("Minutes"), widget=TEXT, max_length=50000)
    response_due_on = forms.DateField(
        label=_("Written response due by"),
        widget=DATE,
        required=False,
        help_text=_("Leave empty for three days after the hearing."),
    )


class CancelHearingForm(forms.Form):
    hearing = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for cancelling"), widget=TEXT, max_length=5000)


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Statement"), widget=TEXT, max_length=50000)
    files = forms.FileField(label=_("Evidence"), required=False)


class UnionNoticeForm(forms.Form):
    union = forms.CharField(label=_("Union"), max_length=200)
    notified_on = forms.DateField(label=_("Notified on"), widget=DATE)
    content = forms.CharField(label=_("What the union was told"), widget=TEXT, max_length=20000)


class UnionReplyForm(forms.Form):
    notice = forms.UUIDField(widget=forms.HiddenInput)
    replied_on = forms.DateField(label=_("Replied on"), widget=DATE)
    reply = forms.CharField(label=_("The union's reply"), widget=TEXT, max_length=20000)
    objects = forms.BooleanField(label=_("The union objects"), required=False)


class UnionAnswerForm(forms.Form):
    notice = forms.UUIDField(widget=forms.HiddenInput)
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE)
    answer = forms.CharField(label=_("The employer's answer"), widget=TEXT, max_length=20000)


class ApprovalForm(forms.Form):
    capacity = forms.ChoiceField(label=_("Approve as"), choices=ApprovalCapacity.choices)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=ApprovalDecision.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), widget=TEXT, required=False, max_length=20000)


class ServeNoticeForm(forms.Form):
    served_on = forms.DateField(label=_("Served on"), widget=DATE)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=TEXT, max_length=20000)


class AppealForm(forms.Form):
    lodged_on = forms.DateField(label=_("Lodged on"), widget=DATE)
    grounds = forms.CharField(label=_("Grounds of appeal"), widget=TEXT, max_length=20000)


class DecideAppealForm(forms.Form):
    appeal = forms.UUIDField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in AppealOutcome.choices if c[0] != AppealOutcome.PENDING]
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    decision = forms.CharField(label=_("Reasons for the outcome"), widget=TEXT, max_length=20000)


class EmptyForm(forms.Form):
    """Moves that need nothing typed: the button is the whole form."""


def add_action_errors(form: forms.Form, error: ValidationError) -> None:
    """Show an action's errors on the form: on the field they name, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
