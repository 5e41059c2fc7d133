"""Reviews (cycles, goals, ratings, 360 feedback) and conduct (incidents, investigations, warnings)."""

from dueprocess.reviews.models.conduct import (
    Conclusion,
    Explanation,
    Incident,
    IncidentEvidence,
    Interview,
    Investigation,
    Warning,
    WarningLevel,
)
from dueprocess.reviews.models.cycles import RatingLevel, RatingScale, ReviewCycle
from dueprocess.reviews.models.reviews import (
    FeedbackRequest,
    FeedbackSummary,
    Goal,
    Relationship,
    Review,
    ReviewStatus,
)

__all__ = [
    "Conclusion",
    "Explanation",
    "FeedbackRequest",
    "FeedbackSummary",
    "Goal",
    "Incident",
    "IncidentEvidence",
    "Interview",
    "Investigation",
    "RatingLevel",
    "RatingScale",
    "Relationship",
    "Review",
    "ReviewCycle",
    "ReviewStatus",
    "Warning",
    "WarningLevel",
]
