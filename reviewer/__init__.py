"""Safety & Cohesion Reviewer: review building plans on safety and social cohesion."""

__version__ = "0.1.0"
