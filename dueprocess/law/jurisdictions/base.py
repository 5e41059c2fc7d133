"""What every jurisdiction module provides (the shared test base checks each one against it)."""

from __future__ import annotations

from typing import ClassVar

from dueprocess.law.base import Assessment, Facts, FactsError, Text


class Jurisdiction:
    code: ClassVar[str]
    name: ClassVar[Text]
    # ground code -> (its name in both languages, the article it rests on)
    grounds: ClassVar[dict[str, tuple[Text, str]]]

    def check_ground(self, ground: str) -> None:
        if ground not in self.grounds:
            raise FactsError(
                "ground",
                f"{ground!r} is not a ground in {self.code}; known: {', '.join(self.grounds)}",
                f"{ground!r} 不是 {self.code} 的解除理由；可用：{', '.join(self.grounds)}",
            )

    def assess(self, facts: Facts) -> Assessment:  # pragma: no cover - each jurisdiction overrides
        raise NotImplementedError
