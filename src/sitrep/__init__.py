"""sitrep: sourced knowledge bases of conflict events, armed actors and their relationships."""

__version__ = "0.1.0"
