"""Stored documents have no address of their own: they are reached only through a view that asks the
policy (incident evidence, letters, the portal's documents), never by the path they are stored under."""

from django.conf import settings

from dueprocess.records import store_document
from dueprocess.records.documents import document_path


def test_a_stored_document_cannot_be_fetched_by_its_storage_path(demo_org, client_as):
    document = store_document(b"%PDF-1.7 confidential", name="scan.pdf", content_type="application/pdf")
    client = client_as("hr.admin")
    path = document_path(document.sha256)
    for url in (f"/{path}", f"/media/{path}", f"/static/{path}", f"/{settings.STATIC_URL}{path}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"confidential" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_no_media_url_serves_the_data_folder():
    assert not settings.MEDIA_URL or settings.MEDIA_URL == "/"
    assert str(settings.DATA_DIR) not in [str(d) for d in getattr(settings, "STATICFILES_DIRS", [])]
