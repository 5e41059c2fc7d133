"""The exit interview: HR records it and reads it; nobody else reaches this page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.offboarding import actions, forms
from dueprocess.offboarding.actions._common import today
from dueprocess.offboarding.models import ExitInterview, Questionnaire
from dueprocess.offboarding.views._common import back, case_for


def _questionnaire(case) -> Questionnaire | None:
    """The newest active questionnaire for the case's law, or for every law."""
    active = Questionnaire.objects.filter(active=True, jurisdiction__in=["", case.jurisdiction])
    return active.order_by("-jurisdiction", "-version", "-pk").first()


@login_required
def exit_interview(request: HttpRequest, public_id) -> HttpResponse:
    case = case_for(request, public_id)
    if not policy.can_read_exit_interview(request.user, case):
        raise Http404
    interview = ExitInterview.objects.filter(case=case).select_related("questionnaire", "interviewer").first()
    if interview is not None:
        answers = {a.question_id: a.answer for a in interview.answers.all()}
        rows = [(q, answers.get(q.pk, "")) for q in interview.questionnaire.questions.all()]
        return render(
            request, "offboarding/exit_interview.html", {"case": case, "interview": interview, "rows": rows}
        )
    questionnaire = _questionnaire(case)
    if questionnaire is None or not policy.can_record_exit_interview(request.user, case):
        raise Http404
    questions = questionnaire.questions.all()
    form = forms.ExitInterviewForm(request.POST or None, questions=questions, initial={"held_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_exit_interview(
                case,
                actor=request.user,
                questionnaire=questionnaire,
                held_on=form.cleaned_data["held_on"],
                declined=form.cleaned_data["declined"],
                answers=form.answers(),
            )
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, _("The exit interview was recorded; only HR can read the answers."))
            return back(case)
    context = {
        "case": case,
        "form": form,
        "title": _("Exit interview"),
        "intro": _("Only HR reads the answers: the line manager and the case's timeline never show them."),
        "submit": _("Record the interview"),
    }
    return render(request, "offboarding/form.html", context)
