"""Evidence handed in with a statement is refused when too large or of a kind not accepted, with a
message naming the file; nothing of the statement is kept then."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dueprocess.portal.tests.conftest import invite


def post(client, case, *files):
    url = reverse("portal:statement", args=[case.public_id])
    return client.post(url, {"text": "My answer.", "evidence": list(files)})


def test_a_file_over_the_limit_is_refused(open_case, persona, client_as, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    invite(open_case, persona("hrbp"))
    big = SimpleUploadedFile("scan.pdf", b"%PDF" + b"0" * 2000, content_type="application/pdf")
    response = post(client_as("employee"), open_case, big)
    assert response.status_code == 200
    assert "“scan.pdf” is 2.0\xa0KB; files may be at most 1.0\xa0KB." in response.content.decode()
    assert not open_case.statements.exists()


def test_a_file_of_a_kind_not_accepted_is_refused(open_case, persona, client_as):
    invite(open_case, persona("hrbp"))
    program = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/x-msdownload")
    response = post(client_as("employee"), open_case, program)
    assert "“setup.exe” is not a kind of file accepted here." in response.content.decode()
    assert not open_case.statements.exists()


def test_a_name_that_disagrees_with_its_type_is_refused(open_case, persona, client_as):
    invite(open_case, persona("hrbp"))
    disguised = SimpleUploadedFile("notes.pdf", b"<html>", content_type="text/html")
    html = post(client_as("employee"), open_case, disguised).content.decode()
    assert "“notes.pdf” is not really a PDF file: its content does not match its name." in html
    assert not open_case.statements.exists()


def test_several_accepted_files_are_kept_together(open_case, persona, client_as):
    invite(open_case, persona("hrbp"))
    files = [
        SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg"),
        SimpleUploadedFile("mail.eml", b"Subject: hi\n\n", content_type="message/rfc822"),
    ]
    assert post(client_as("employee"), open_case, *files).status_code == 302
    names = sorted(open_case.statements.get().evidence.values_list("name", flat=True))
    assert names == ["mail.eml", "photo.jpg"]


def test_more_than_ten_files_at_once_are_refused(open_case, persona, client_as):
    invite(open_case, persona("hrbp"))
    files = [SimpleUploadedFile(f"{n}.txt", b"note", content_type="text/plain") for n in range(11)]
    assert "Attach at most 10 files." in post(client_as("employee"), open_case, *files).content.decode()
    assert not open_case.statements.exists()
