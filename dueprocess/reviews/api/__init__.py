"""The reviews and conduct API: two routers, listed under their own tags (see dueprocess/api/main.py)."""

from dueprocess.reviews.api import feedback  # noqa: F401 - adds its operations to the reviews router
from dueprocess.reviews.api.conduct import router as conduct_router
from dueprocess.reviews.api.reviews import router

__all__ = ["conduct_router", "router"]
