from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.utils import translation

from dueprocess.web.language import remember_language


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form) -> HttpResponse:  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        # The user's own language wins over the browser's once they have logged in.
        language = form.get_user().language
        translation.activate(language)
        remember_language(response, language)
        return response
