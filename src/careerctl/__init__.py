"""careerctl: a command-line career planner."""

__version__ = "0.1.0"
