"""Admin pages are for looking things up. Every change to a plan goes through the actions (and so onto
the record), so these pages are read-only."""

from django.contrib import admin

from dueprocess.plans.models import (
    CheckIn,
    GoalProgress,
    ImprovementPlan,
    PlanGoal,
    PlanOutcome,
    PlanVersion,
    ScheduledCheckIn,
    SupportAction,
)
from dueprocess.reviews.admin import ReadOnly


class VersionInline(ReadOnly, admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ["number", "status", "starts_on", "ends_on", "published_at", "acknowledged_at"]


class SupportInline(ReadOnly, admin.TabularInline):
    model = SupportAction
    extra = 0
    fields = ["kind", "starts_on", "ends_on", "status", "completed_on"]


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["employee", "status", "created_at", "closed_on"]
    list_filter = ["status"]
    search_fields = ["employee__number", "employee__legal_name", "employee__other_name"]
    inlines = [VersionInline, SupportInline]


class GoalInline(ReadOnly, admin.TabularInline):
    model = PlanGoal
    extra = 0


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["plan", "number", "status", "starts_on", "ends_on", "acknowledged_at"]
    inlines = [GoalInline]


class ProgressInline(ReadOnly, admin.TabularInline):
    model = GoalProgress
    extra = 0


@admin.register(CheckIn)
class CheckInAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["plan", "held_on", "recorded_by"]
    inlines = [ProgressInline]


@admin.register(ScheduledCheckIn)
class ScheduledCheckInAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["plan", "scheduled_at", "place", "status", "scheduled_by"]
    list_filter = ["status"]


@admin.register(PlanOutcome)
class PlanOutcomeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["plan", "outcome", "decided_on", "decided_by"]
