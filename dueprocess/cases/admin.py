"""Read-only admin pages: a case changes only through its actions, so that each step is recorded."""

from django.contrib import admin

from dueprocess.cases import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(models.SeparationCase)
class SeparationCaseAdmin(ReadOnlyAdmin):
    list_display = ["employee", "jurisdiction", "ground", "stage", "opened_on", "last_day"]
    list_filter = ["stage", "jurisdiction", "ground"]
    search_fields = ["employee__number", "employee__legal_name"]


for model in (
    models.Hearing,
    models.UnionNotice,
    models.Approval,
    models.Override,
    models.Layoff,
    models.CaseAssessment,
    models.EmployeeStatement,
    models.Appeal,
):
    admin.site.register(model, ReadOnlyAdmin)
