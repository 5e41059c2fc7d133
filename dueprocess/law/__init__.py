"""The legal engine: facts in, an assessment out.

Pure Python on purpose: it never imports Django (an import-linter contract enforces it), so that
a rule can be read, tested and run on its own, and so that a case stores the assessment it acted on.
"""

from dueprocess.law.base import Assessment, Facts, FactsError, Text
from dueprocess.law.registry import assess, jurisdiction_for, parse_facts

__all__ = ["Assessment", "Facts", "FactsError", "Text", "assess", "jurisdiction_for", "parse_facts"]
