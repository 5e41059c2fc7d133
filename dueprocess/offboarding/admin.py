"""Templates are the organisation's to edit: copy the default as a new version, change it, and
retire the old one. Checklists already made keep the tasks they were made with."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dueprocess.offboarding.models import ChecklistTemplate, Question, Questionnaire, TaskTemplate


class TaskTemplateInline(admin.TabularInline):
    model = TaskTemplate
    extra = 0
    fields = [
        "order",
        "kind",
        "title_en",
        "title_zh",
        "owner_role",
        "offset_days",
        "legally_required",
        "article",
    ]


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "jurisdiction", "ground", "version", "active"]
    list_filter = ["jurisdiction", "active"]
    inlines = [TaskTemplateInline]
    actions = ["copy_as_new_version"]

    @admin.action(description=_("Copy as a new version (the old one is retired)"))
    @transaction.atomic
    def copy_as_new_version(self, request, queryset) -> None:
        for template in queryset:
            tasks = list(template.tasks.all())
            newest = ChecklistTemplate.objects.filter(
                jurisdiction=template.jurisdiction, ground=template.ground, name=template.name
            ).order_by("-version")[0]
            ChecklistTemplate.objects.filter(pk=template.pk).update(active=False)
            template.pk, template.version, template.active = None, newest.version + 1, True
            template.save()
            for task in tasks:
                task.pk, task.template = None, template
            TaskTemplate.objects.bulk_create(tasks)
            messages.success(request, _("Copied as %(template)s.") % {"template": template})


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "jurisdiction", "active"]
    inlines = [QuestionInline]
