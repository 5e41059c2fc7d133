"""People's Republic of China: the Labor Contract Law (LCL), its Implementing Regulations (IR) and
the rules they point to. See shared/law/RULES.md section 1.

The module-level functions are public: the batch layoff assessment calls them per employee.
"""

from dueprocess.law.jurisdictions.china.assessment import China
from dueprocess.law.jurisdictions.china.protection import protected_blockers
from dueprocess.law.jurisdictions.china.retirement import retirement_date
from dueprocess.law.jurisdictions.china.rules import (
    layoff_threshold,
    medical_treatment_period,
    probation_limit,
    service_months,
    severance_units,
)
from dueprocess.law.jurisdictions.china.wages import monthly_base

__all__ = [
    "China",
    "layoff_threshold",
    "medical_treatment_period",
    "monthly_base",
    "probation_limit",
    "protected_blockers",
    "retirement_date",
    "service_months",
    "severance_units",
]
