"""Forms for incidents and investigations."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dueprocess.reviews.forms import DATE
from dueprocess.reviews.forms.fields import EmployeeField, EvidenceFilesField
from dueprocess.reviews.models import Conclusion

TEXT = forms.Textarea(attrs={"rows": 5})


class PickEmployeeForm(forms.Form):
    employee = EmployeeField(label=_("Employee concerned"), queryset=None)

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees


class IncidentForm(forms.Form):
    occurred_on = forms.DateField(label=_("Date of the incident"), widget=DATE)
    reported_on = forms.DateField(label=_("Date reported"), widget=DATE)
    summary = forms.CharField(label=_("Summary"), max_length=200, help_text=_("One line."))
    description = forms.CharField(label=_("What happened"), widget=TEXT, max_length=20000)
    reported_by = EmployeeField(label=_("Reported by (a colleague)"), queryset=None, required=False)
    reporter_other = forms.CharField(
        label=_("Reported by (someone outside the organisation)"), max_length=200, required=False,
        help_text=_("e.g. a customer"),
    )  # fmt: skip
    witnesses = forms.ModelMultipleChoiceField(
        label=_("Witnesses"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues around the employee; name anyone else below."),
    )  # fmt: skip
    witnesses_other = forms.CharField(
        label=_("Other witnesses"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )
    evidence = EvidenceFilesField(label=_("Evidence files"), required=False)

    def __init__(self, *args, people, witnesses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_by"].queryset = people
        self.fields["witnesses"].queryset = witnesses

    def action_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["evidence"] = data.pop("evidence") or []
        return data


class OpenInvestigationForm(forms.Form):
    opened_on = forms.DateField(label=_("Opened on"), widget=DATE)


class InterviewForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    interviewee = EmployeeField(label=_("Interviewee (a colleague)"), queryset=None, required=False)
    interviewee_other = forms.CharField(
        label=_("Interviewee (someone outside)"), max_length=200, required=False
    )
    interviewers = forms.CharField(label=_("Interviewed by"), max_length=200)
    notes = forms.CharField(label=_("Notes"), widget=TEXT, max_length=50000)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewee"].queryset = people


class ExplanationForm(forms.Form):
    """HR enters an explanation the employee handed in, or records that they declined to give one."""

    text = forms.CharField(
        label=_("The employee's explanation"), widget=TEXT, required=False, max_length=20000
    )
    written_on = forms.DateField(label=_("Written on"), widget=DATE)
    declined = forms.BooleanField(
        label=_("The employee was asked and declined to give an explanation"), required=False
    )


class ConclusionForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("Conclusion"), choices=Conclusion.choices, widget=forms.RadioSelect
    )
    findings = forms.CharField(label=_("Findings"), widget=TEXT, max_length=50000)
    concluded_on = forms.DateField(label=_("Concluded on"), widget=DATE)
