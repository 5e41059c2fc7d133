"""Admin pages are for looking things up. Every change to a review or to conduct records goes through
the actions (and so onto the record), so these pages are read-only."""

from django.contrib import admin

from dueprocess.reviews.models import (
    Explanation,
    FeedbackRequest,
    Goal,
    Incident,
    IncidentEvidence,
    Interview,
    Investigation,
    RatingLevel,
    RatingScale,
    Review,
    ReviewCycle,
    Warning,
)


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    """Scales are configuration, not records: HR administrators edit them here."""

    list_display = ["code", "name", "name_en"]
    inlines = [RatingLevelInline]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "period_starts_on", "period_ends_on", "due_on", "anonymous_feedback"]


class GoalInline(ReadOnly, admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(Review)
class ReviewAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["employee", "cycle", "version", "status", "rating", "submitted_at"]
    list_filter = ["status", "cycle"]
    search_fields = ["employee__number", "employee__legal_name", "employee__other_name"]
    inlines = [GoalInline]


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(ReadOnly, admin.ModelAdmin):
    # Who answered what is kept out of the list: the cycle may have promised anonymity.
    list_display = ["review", "relationship", "due_on", "submitted_at"]


class EvidenceInline(ReadOnly, admin.TabularInline):
    model = IncidentEvidence
    extra = 0


@admin.register(Incident)
class IncidentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["employee", "occurred_on", "summary", "reported_on"]
    search_fields = ["employee__number", "employee__legal_name", "summary"]
    inlines = [EvidenceInline]


class InterviewInline(ReadOnly, admin.TabularInline):
    model = Interview
    extra = 0


@admin.register(Investigation)
class InvestigationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["incident", "opened_on", "status", "conclusion", "concluded_on"]
    inlines = [InterviewInline]


@admin.register(Warning)
class WarningAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["employee", "level", "issued_on", "expires_on"]
    list_filter = ["level"]


@admin.register(Explanation)
class ExplanationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["written_on", "investigation", "warning", "declined"]
