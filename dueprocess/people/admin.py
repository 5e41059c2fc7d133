from django.contrib import admin

from dueprocess.people.models import Contract, Department, Employee, Location, ProtectedPeriod, WageRecord


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "jurisdiction", "locality"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "parent"]
    search_fields = ["code", "name", "name_en"]
    autocomplete_fields = ["parent"]


class ContractInline(admin.TabularInline):
    model = Contract
    fk_name = "employee"
    extra = 0
    fields = ["type", "starts_on", "ends_on", "probation_ends_on", "renews"]
    raw_id_fields = ["renews"]


class ProtectedPeriodInline(admin.TabularInline):
    model = ProtectedPeriod
    extra = 0


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["number", "legal_name", "other_name", "department", "position", "location", "manager"]
    list_filter = ["location", "department"]
    search_fields = ["number", "legal_name", "other_name", "email"]
    autocomplete_fields = ["department", "manager"]
    inlines = [ContractInline, ProtectedPeriodInline]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["employee", "type", "starts_on", "ends_on", "probation_ends_on"]
    list_filter = ["type"]
    search_fields = ["employee__number", "employee__legal_name"]
    raw_id_fields = ["employee", "renews"]


@admin.register(WageRecord)
class WageRecordAdmin(admin.ModelAdmin):
    list_display = ["employee", "month", "base", "bonus", "allowances", "other", "gross"]
    search_fields = ["employee__number", "employee__legal_name"]
    raw_id_fields = ["employee"]
    date_hierarchy = "month"


@admin.register(ProtectedPeriod)
class ProtectedPeriodAdmin(admin.ModelAdmin):
    list_display = ["employee", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["employee__number", "employee__legal_name"]
    raw_id_fields = ["employee"]
