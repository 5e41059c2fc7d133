"""The record in the admin: to look at, never to change (the models and the database refuse anyway;
this keeps the admin from offering buttons that can only fail)."""

from django.contrib import admin

from dueprocess.records.models import Chain, Document, Event, ReadLog, VerificationRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Chain)
class ChainAdmin(ReadOnlyAdmin):
    list_display = ["subject_key", "kind", "head_sequence", "created_at"]
    list_filter = ["kind"]
    search_fields = ["subject_key", "public_id"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["chain", "sequence", "recorded_at", "type", "actor_label", "subject"]
    list_filter = ["type"]
    search_fields = ["subject", "type", "hash"]
    list_select_related = ["chain"]
    raw_id_fields = ["chain", "actor", "corrects"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "sha256", "size", "content_type", "stored_at"]
    search_fields = ["sha256", "original_name"]


@admin.register(ReadLog)
class ReadLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user_label", "what", "object_ref", "object_label", "ip"]
    list_filter = ["what"]
    search_fields = ["user_label", "object_ref", "object_label"]
    date_hierarchy = "at"
    raw_id_fields = ["user"]


@admin.register(VerificationRun)
class VerificationRunAdmin(ReadOnlyAdmin):
    list_display = ["chain", "at", "ok", "events_checked", "broken_sequence", "reason", "by_label"]
    list_filter = ["ok"]
    raw_id_fields = ["chain"]
