"""Admin pages are for looking things up. Letters, templates and their deliveries change only through
the actions (and so onto the record), so these pages are read-only."""

from django.contrib import admin

from dueprocess.letters.models import Acknowledgement, Delivery, Letter, LetterBatch, LetterTemplate
from dueprocess.reviews.admin import ReadOnly


class DeliveryInline(ReadOnly, admin.TabularInline):
    model = Delivery
    extra = 0
    fields = ["channel", "at", "address", "witnesses", "courier", "tracking_number", "recorded_by"]


class AcknowledgementInline(ReadOnly, admin.TabularInline):
    model = Acknowledgement
    extra = 0
    fields = ["at", "refused", "sha256", "ip", "user_agent", "note", "by"]


@admin.register(Letter)
class LetterAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["issued_on", "kind", "language", "employee", "status"]
    list_filter = ["kind", "language", "status"]
    search_fields = ["employee__number", "employee__legal_name", "sha256"]
    inlines = [DeliveryInline, AcknowledgementInline]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["kind", "language", "version", "active", "created_by", "created_at"]
    list_filter = ["kind", "language", "active"]


@admin.register(LetterBatch)
class LetterBatchAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["layoff", "kind", "language", "status", "done", "failed", "total"]
