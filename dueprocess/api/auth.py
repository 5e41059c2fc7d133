"""``Authorization: Bearer <token>``: each request is the token's owner acting, through the same
policy as the pages they see."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from dueprocess.accounts.models import User
from dueprocess.api.actions import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user  # what views, the read log and the actions read as "who is asking"
        return user
