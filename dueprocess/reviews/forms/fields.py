"""Form fields the review and conduct pages share: picking a colleague, and evidence uploads."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dueprocess.lib import uploads

# Evidence is documents and pictures of them; anything else (archives, programs, web pages) is refused,
# since it cannot be read in a hearing and may carry something that runs when opened.
EVIDENCE_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".eml": "message/rfc822",
    ".msg": "application/vnd.ms-outlook",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".heic": "image/heic",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
EVIDENCE_MAX_FILES = 10


class EmployeePicker(forms.TextInput):
    """A text box for an employee number, with suggestions that follow what is typed (htmx fills the
    datalist). It scales to any organisation: no page ever lists every employee."""

    template_name = "reviews/widgets/employee_picker.html"

    def __init__(self, attrs=None, suggestions=()):
        super().__init__({"autocomplete": "off", "inputmode": "search", **(attrs or {})})
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = self.suggestions
        # The box sends its own value under its own name; the search reads the name it is told.
        context["widget"]["attrs"].update({
            "list": f"{context['widget']['attrs'].get('id', name)}_options",
            "hx-get": f"{reverse('reviews:employee_options')}?name={name}",
            "hx-trigger": "input changed delay:300ms",
            "hx-target": f"#{context['widget']['attrs'].get('id', name)}_options",
        })  # fmt: skip
        return context


class EmployeeField(forms.ModelChoiceField):
    """One employee, named by number; the suggestions read "XQ0008 · 李娜", and only the number counts."""

    default_error_messages = {
        "invalid_choice": _("Choose someone from the suggestions (their employee number)."),
    }

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("widget", EmployeePicker)
        super().__init__(queryset, to_field_name="number", **kwargs)

    def to_python(self, value):
        return super().to_python(str(value or "").split("·", 1)[0].strip())

    def prepare_value(self, value):
        if isinstance(value, int):  # an initial given as a primary key
            return self.queryset.filter(pk=value).values_list("number", flat=True).first() or ""
        return super().prepare_value(value)


def picked(employee) -> str:
    """How a chosen employee reads in a picker: the number the form needs, and the name people know."""
    return f"{employee.number} · {employee.display_name}" if employee else ""


def suggest(field: forms.Field, employees) -> None:
    """Offer these colleagues before anything is typed (the team around the person, say)."""
    field.widget.suggestions = list(employees)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files at once, each a document or an image of at most 20 MB."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(sorted(EVIDENCE_TYPES))}))
        kwargs.setdefault(
            "help_text",
            _("Documents or pictures (PDF, Word, spreadsheets, text, JPEG, PNG…), 20 MB at most each."),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > EVIDENCE_MAX_FILES:
            raise ValidationError(
                _("Attach at most %(count)s files at once.") % {"count": EVIDENCE_MAX_FILES}
            )
        errors = [message for upload in files for message in evidence_problems(upload)]
        if errors:
            raise ValidationError(errors)
        return [(upload.name, evidence_type(upload.name), upload) for upload in files]


def evidence_type(name: str) -> str:
    """The content type by the file's extension: what the browser claims is not trusted."""
    return EVIDENCE_TYPES.get(PurePath(name).suffix.lower(), "application/octet-stream")


def evidence_problems(upload) -> list[str]:
    """What is wrong with one evidence file (each message names it); the API checks by this rule too."""
    problems = []
    if PurePath(upload.name).suffix.lower() not in EVIDENCE_TYPES:
        problems.append(
            _("“%(name)s” is not a document or picture: attach PDF, Word, spreadsheet, text or image files.")
            % {"name": upload.name}
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        problems.append(
            _("“%(name)s” is larger than %(limit)s.")
            % {"name": upload.name, "limit": filesizeformat(EVIDENCE_MAX_BYTES)}
        )
    elif upload.size == 0:
        problems.append(_("“%(name)s” is empty.") % {"name": upload.name})
    if not problems:
        try:
            uploads.check(upload.name, upload)  # the bytes must be what the name says
        except uploads.UploadRejected as problem:
            problems.append(str(problem))
    return problems
