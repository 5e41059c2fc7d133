"""The template editor (HR administrator): every kind in both languages, each with its versions."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.letters import actions, library
from dueprocess.letters.forms import LetterheadForm, TemplateForm, add_action_errors
from dueprocess.letters.kinds import Language, LetterKind
from dueprocess.letters.models import LetterTemplate
from dueprocess.letters.samples import sample_context


def _editor(request: HttpRequest) -> None:
    if not policy.can_edit_letter_templates(request.user):
        raise Http404


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    _editor(request)
    active = {(t.kind, t.language): t for t in LetterTemplate.objects.filter(active=True)}
    rows = [
        {
            "kind": kind,
            "languages": [(language, active.get((kind.value, language.value))) for language in Language],
        }
        for kind in LetterKind
    ]
    return render(request, "letters/template_list.html", {"rows": rows})


def _kind_and_language(kind: str, language: str) -> tuple[LetterKind, Language]:
    if kind not in LetterKind.values or language not in Language.values:
        raise Http404
    return LetterKind(kind), Language(language)


@login_required
def template_edit(request: HttpRequest, kind: str, language: str) -> HttpResponse:
    _editor(request)
    kind_, language_ = _kind_and_language(kind, language)
    versions = LetterTemplate.objects.filter(kind=kind, language=language).select_related("created_by")
    start = (
        versions.filter(version=request.GET.get("from")).first()
        if request.GET.get("from", "").isdigit()
        else None
    )
    sources = library.sources_of(start) if start else library.current_sources(kind, language)
    initial = {"subject": sources.subject, "letterhead": sources.letterhead, "body": sources.body}
    if start:
        initial["note"] = _("Restores version %(n)s.") % {"n": start.version}
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_template(kind, language, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Version %(n)s was saved and is now in use.") % {"n": saved.version})
            return redirect("letters:template_edit", kind, language)
    context = {
        "kind": kind_,
        "language": language_,
        "form": form,
        "versions": versions,
        "sample": json.dumps(sample_context(kind, language), ensure_ascii=False, indent=2),
    }
    return render(request, "letters/template_edit.html", context)


@login_required
def template_version(request: HttpRequest, kind: str, language: str, version: int) -> HttpResponse:
    _editor(request)
    kind_, language_ = _kind_and_language(kind, language)
    template = get_object_or_404(LetterTemplate, kind=kind, language=language, version=version)
    context = {"kind": kind_, "language": language_, "template": template}
    return render(request, "letters/template_version.html", context)


@login_required
def letterhead_edit(request: HttpRequest, language: str) -> HttpResponse:
    """One letterhead for every kind of letter in a language."""
    _editor(request)
    if language not in Language.values:
        raise Http404
    current = library.current_sources(LetterKind.PLAN_NOTICE, language).letterhead
    form = LetterheadForm(request.POST or None, initial={"letterhead": current})
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_letterhead(language, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The letterhead is now on %(n)s templates.") % {"n": len(saved)})
            return redirect("letters:template_list")
    context = {
        "language": Language(language),
        "form": form,
        "sample": json.dumps(
            {"organisation": sample_context(LetterKind.PLAN_NOTICE, language)["organisation"]},
            ensure_ascii=False,
            indent=2,
        ),
    }
    return render(request, "letters/letterhead_edit.html", context)
